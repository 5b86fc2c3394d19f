//! Sentence alignment of two parallel documents: Gale–Church length-based dynamic programming with
//! anchors, in a band around the diagonal.
//!
//! A path through the table pairs sentences in beads 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2. A pair bead
//! costs `-ln P(kind) - ln f(δ)`, with δ the length difference of its two sides normalized as Gale
//! and Church do (`(l₂ - c·l₁) / √(s²·l)`, lengths in characters without white space). `f` is a
//! Student t density rather than their normal one: its heavier tails let anchors outweigh one odd
//! length. A bead with an empty side costs its prior only (its length is no evidence). Anchors
//! that both sides share (numbers, placeholders, `?`/`!`, names: see [`anchors`]) lower the cost,
//! anchors only one side has raise it.
//!
//! Three rounds: the first uses lengths and anchors; its 1-1 links give robust estimates of `c`
//! and `s²` (median absolute deviation) and a small dictionary of word pairs (words that occur in
//! linked sentences together, each the other's best partner by the Dice coefficient, as in Moore
//! 2002 and hunalign), which become anchors of the next round.
//!
//! Only cells within a band around the diagonal of cumulative lengths are computed (`O(n·w)`, not
//! `O(n·m)`); if the best path touches the edge of the band, the band is doubled and the pass
//! repeated.
//!
//! Each link's confidence is its posterior probability under the same model (forward–backward over
//! the band): near 1 where the alignment is clear, lower where other pairings are about as likely.

pub mod anchors;

use std::collections::HashMap;
use std::ops::Range;

pub use anchors::{Anchor, AnchorKind, AnchorSource, Anchors, BuiltinAnchors};

use crate::model::Language;

/// One link of an alignment: source sentences `source` are the translation of target sentences
/// `target`. One side is empty for a sentence without a counterpart.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub source: Range<usize>,
    pub target: Range<usize>,
    /// The posterior probability of this link, in [0, 1].
    pub confidence: f64,
}

impl Link {
    /// The bead as `"2-1"`.
    pub fn bead(&self) -> String {
        format!("{}-{}", self.source.len(), self.target.len())
    }

    /// Whether both sides have sentences.
    pub fn is_pair(&self) -> bool {
        !self.source.is_empty() && !self.target.is_empty()
    }
}

/// The beads, with their prior probabilities (Gale & Church 1993, table 5).
const BEADS: [(usize, usize, f64); 6] = [
    (1, 1, 0.89),
    (1, 0, 0.01),
    (0, 1, 0.01),
    (2, 1, 0.089 / 2.0),
    (1, 2, 0.089 / 2.0),
    (2, 2, 0.011),
];

/// How much a shared anchor lowers a bead's cost (in nats), by kind.
fn anchor_weight(kind: AnchorKind) -> f64 {
    match kind {
        AnchorKind::Number => 4.0,
        AnchorKind::Name => 3.5,
        AnchorKind::Punctuation => 1.0,
        AnchorKind::Word => 2.0,
    }
}

/// Degrees of freedom of the length model: Student's t instead of Gale and Church's normal
/// distribution, whose thin tails let one odd length outweigh every anchor.
const DEGREES_OF_FREEDOM: f64 = 4.0;

/// `-ln` of the (unnormalized) density of δ; 0 at δ = 0.
fn length_cost(delta: f64) -> f64 {
    (DEGREES_OF_FREEDOM + 1.0) / 2.0 * (1.0 + delta * delta / DEGREES_OF_FREEDOM).ln()
}

/// The sentences of one side: lengths, cumulative lengths and anchor lists.
struct Side {
    len: Vec<f64>,
    /// Interned anchors of each sentence, sorted.
    anchors: Vec<Vec<u32>>,
    /// `pairs[i]`: the anchors of sentences `i - 1` and `i` together, sorted (empty for 0), so
    /// that a 2-sentence side costs no allocation.
    pairs: Vec<Vec<u32>>,
}

impl Side {
    /// Recomputes [`Side::pairs`] after the anchors changed.
    fn pair_up(&mut self) {
        self.pairs = (0..self.anchors.len())
            .map(|i| {
                if i == 0 {
                    return Vec::new();
                }
                let mut both = [self.anchors[i - 1].as_slice(), &self.anchors[i]].concat();
                both.sort_unstable();
                both
            })
            .collect();
    }

    /// The anchors of the `count` (1 or 2) sentences ending before `end`.
    fn anchors_of(&self, end: usize, count: usize) -> &[u32] {
        if count == 2 {
            &self.pairs[end - 1]
        } else {
            &self.anchors[end - 1]
        }
    }
}

fn side(
    sentences: &[&str],
    language: Language,
    source: &dyn AnchorSource,
    intern: &mut HashMap<Anchor, u32>,
    kinds: &mut Vec<AnchorKind>,
) -> Side {
    let mut buf = Vec::new();
    let mut len = Vec::with_capacity(sentences.len());
    let mut anchors = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        len.push(sentence.chars().filter(|c| !c.is_whitespace()).count() as f64);
        buf.clear();
        source.anchors(sentence, language, &mut buf);
        let mut ids: Vec<u32> = buf
            .drain(..)
            .map(|anchor| {
                let next = intern.len() as u32;
                let kind = anchor.kind;
                *intern.entry(anchor).or_insert_with(|| {
                    kinds.push(kind);
                    next
                })
            })
            .collect();
        ids.sort_unstable();
        anchors.push(ids);
    }
    Side {
        len,
        anchors,
        pairs: Vec::new(),
    }
}

/// The model the costs come from.
struct Model<'a> {
    src: &'a Side,
    tgt: &'a Side,
    kinds: &'a [AnchorKind],
    /// Target characters per source character.
    ratio: f64,
    /// Variance of the length difference per character.
    variance: f64,
    ln_priors: [f64; 6],
}

/// What a pair bead costs for each anchor on one side that the other side does not have (only
/// anchors that occur in both documents count: the others say nothing).
fn unmatched_weight(kind: AnchorKind) -> f64 {
    match kind {
        AnchorKind::Number => 2.0,
        AnchorKind::Name => 1.5,
        AnchorKind::Punctuation => 0.5,
        AnchorKind::Word => 0.5,
    }
}

/// The anchor part of a pair bead's cost: minus the weights of the anchors both sides share (a
/// multiset intersection), plus a penalty for each number only one side has.
fn anchor_cost(kinds: &[AnchorKind], left: &[u32], right: &[u32]) -> f64 {
    let unmatched = |id: u32| unmatched_weight(kinds[id as usize]);
    let (mut i, mut j, mut cost) = (0, 0, 0.0);
    while i < left.len() || j < right.len() {
        let order = match (left.get(i), right.get(j)) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        match order {
            std::cmp::Ordering::Less => {
                cost += unmatched(left[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                cost += unmatched(right[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                cost -= anchor_weight(kinds[left[i] as usize]);
                i += 1;
                j += 1;
            }
        }
    }
    cost
}

impl Model<'_> {
    /// δ of a bead whose sides have `l1` and `l2` characters.
    fn delta(&self, l1: f64, l2: f64) -> f64 {
        let mean = ((l1 + l2 / self.ratio) / 2.0).max(1.0);
        (l2 - self.ratio * l1) / (self.variance * mean).sqrt()
    }

    /// The cost of bead `b` ending at source sentence `i` and target sentence `j` (exclusive).
    fn cost(&self, b: usize, i: usize, j: usize) -> f64 {
        let (di, dj, _) = BEADS[b];
        if di == 0 || dj == 0 {
            // A sentence without a counterpart: its length is no evidence either way (a pair
            // draws the source length from the same distribution), so only the prior counts.
            return -self.ln_priors[b];
        }
        let l1: f64 = self.src.len[i - di..i].iter().sum();
        let l2: f64 = self.tgt.len[j - dj..j].iter().sum();
        let delta = self.delta(l1, l2);
        let anchors = anchor_cost(
            self.kinds,
            self.src.anchors_of(i, di),
            self.tgt.anchors_of(j, dj),
        );
        -self.ln_priors[b] + length_cost(delta) + anchors
    }
}

/// The band: for each source position `i` (0..=n), the target positions `lo[i]..=hi[i]`.
struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    /// Offset of row `i` in the flat tables.
    start: Vec<usize>,
    cells: usize,
}

impl Band {
    /// A band of half-width `w` around the diagonals of cumulative lengths and sentence counts.
    fn new(src: &Side, tgt: &Side, w: usize) -> Band {
        let n = src.len.len();
        let m = tgt.len.len();
        let total_src: f64 = src.len.iter().sum::<f64>().max(1.0);
        let total_tgt: f64 = tgt.len.iter().sum::<f64>().max(1.0);
        let mut centers = Vec::with_capacity(n + 1);
        let (mut cum_src, mut cum_tgt, mut j) = (0.0, 0.0, 0usize);
        for i in 0..=n {
            if i > 0 {
                cum_src += src.len[i - 1];
            }
            // The target position whose share of the text is closest to the source's, and the
            // one whose share of the sentences is: the band covers both.
            let goal = cum_src / total_src * total_tgt;
            while j < m && cum_tgt + tgt.len[j] / 2.0 < goal {
                cum_tgt += tgt.len[j];
                j += 1;
            }
            let by_count = i * m / n.max(1);
            centers.push((j.min(by_count), j.max(by_count)));
        }
        Band::around(&centers, w, m)
    }

    /// A band of half-width `w` around the path of an earlier round.
    fn along(links: &[Link], n: usize, m: usize, w: usize) -> Band {
        let mut centers = vec![(usize::MAX, 0usize); n + 1];
        for link in links {
            let rows = link.source.start..=link.source.end.min(n);
            for (lo, hi) in centers[rows].iter_mut() {
                *lo = (*lo).min(link.target.start);
                *hi = (*hi).max(link.target.end);
            }
        }
        for (lo, hi) in &mut centers {
            if *lo == usize::MAX {
                (*lo, *hi) = (0, m);
            }
        }
        Band::around(&centers, w, m)
    }

    /// A band of half-width `w` around the target ranges `centers[i]` of each row.
    fn around(centers: &[(usize, usize)], w: usize, m: usize) -> Band {
        let n = centers.len() - 1;
        let mut lo: Vec<usize> = centers.iter().map(|(l, _)| l.saturating_sub(w)).collect();
        let mut hi: Vec<usize> = centers.iter().map(|(_, h)| (h + w).min(m)).collect();
        // Make consecutive rows overlap so that every bead can reach its cell.
        for i in 1..=n {
            lo[i] = lo[i].max(lo[i - 1]);
        }
        for i in (0..n).rev() {
            hi[i] = hi[i].min(hi[i + 1]);
        }
        for i in 1..=n {
            if lo[i] > hi[i - 1] + 2 {
                lo[i] = hi[i - 1];
            }
        }
        lo[0] = 0;
        hi[n] = m;
        for i in 0..=n {
            if hi[i] < lo[i] {
                hi[i] = lo[i];
            }
        }
        let mut start = Vec::with_capacity(n + 1);
        let mut cells = 0;
        for i in 0..=n {
            start.push(cells);
            cells += hi[i] - lo[i] + 1;
        }
        Band {
            lo,
            hi,
            start,
            cells,
        }
    }

    fn index(&self, i: usize, j: usize) -> Option<usize> {
        (j >= self.lo[i] && j <= self.hi[i]).then(|| self.start[i] + j - self.lo[i])
    }
}

/// Progress in rows of the table.
pub type ProgressFn<'a> = &'a mut dyn FnMut(u64, u64);

/// One pass: the best path, each link with its posterior probability, and whether the path touched
/// the band's edge (then the band must widen).
fn pass(model: &Model<'_>, band: &Band, progress: &mut dyn FnMut(u64)) -> (Vec<Link>, bool) {
    let n = model.src.len.len();
    let m = model.tgt.len.len();
    let mut best = vec![f32::INFINITY; band.cells];
    let mut back = vec![u8::MAX; band.cells];
    let mut fwd = vec![f64::NEG_INFINITY; band.cells];
    best[0] = 0.0;
    fwd[0] = 0.0;
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            let Some(here) = band.index(i, j) else {
                continue;
            };
            if i == 0 && j == 0 {
                continue;
            }
            let mut min = f32::INFINITY;
            let mut arg = u8::MAX;
            let mut terms = [f64::NEG_INFINITY; 6];
            for (b, &(di, dj, _)) in BEADS.iter().enumerate() {
                if di > i || dj > j {
                    continue;
                }
                let Some(prev) = band.index(i - di, j - dj) else {
                    continue;
                };
                if best[prev].is_infinite() {
                    continue;
                }
                let cost = model.cost(b, i, j);
                let total = best[prev] + cost as f32;
                if total < min {
                    min = total;
                    arg = b as u8;
                }
                terms[b] = fwd[prev] - cost;
            }
            best[here] = min;
            back[here] = arg;
            fwd[here] = log_sum_exp(&terms);
        }
        progress(1);
    }
    // Backward pass for the posteriors.
    let mut bwd = vec![f64::NEG_INFINITY; band.cells];
    if let Some(end) = band.index(n, m) {
        bwd[end] = 0.0;
    }
    for i in (0..=n).rev() {
        for j in (band.lo[i]..=band.hi[i]).rev() {
            let Some(here) = band.index(i, j) else {
                continue;
            };
            if i == n && j == m {
                continue;
            }
            let mut terms = [f64::NEG_INFINITY; 6];
            for (b, &(di, dj, _)) in BEADS.iter().enumerate() {
                if i + di > n || j + dj > m {
                    continue;
                }
                let Some(next) = band.index(i + di, j + dj) else {
                    continue;
                };
                if bwd[next] == f64::NEG_INFINITY {
                    continue;
                }
                terms[b] = bwd[next] - model.cost(b, i + di, j + dj);
            }
            bwd[here] = log_sum_exp(&terms);
        }
        progress(1);
    }
    let total = band.index(n, m).map_or(f64::NEG_INFINITY, |end| fwd[end]);
    // Trace the best path back.
    let mut links = Vec::new();
    let mut touched = false;
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(here) = band.index(i, j) else { break };
        let b = back[here];
        if b == u8::MAX {
            break;
        }
        let (di, dj, _) = BEADS[b as usize];
        let (pi, pj) = (i - di, j - dj);
        let edge = |row: usize, col: usize| {
            (col == band.lo[row] && col > 0) || (col == band.hi[row] && col < m)
        };
        if edge(i, j) && i < n {
            touched = true;
        }
        let prev = band.index(pi, pj).unwrap_or(0);
        let log_posterior = fwd[prev] - model.cost(b as usize, i, j) + bwd[here] - total;
        links.push(Link {
            source: pi..i,
            target: pj..j,
            confidence: log_posterior.exp().clamp(0.0, 1.0),
        });
        i = pi;
        j = pj;
    }
    links.reverse();
    (links, touched)
}

fn log_sum_exp(terms: &[f64]) -> f64 {
    let max = terms.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if max == f64::NEG_INFINITY {
        return max;
    }
    max + terms.iter().map(|t| (t - max).exp()).sum::<f64>().ln()
}

/// The largest table (in cells) a pass may use: the band stops widening there.
const MAX_CELLS: usize = 40_000_000;

/// Aligns the sentences of two parallel documents. `progress` receives (done, total) in table rows.
pub fn align(
    source: &[&str],
    target: &[&str],
    source_language: Language,
    target_language: Language,
    anchors: &dyn AnchorSource,
    progress: ProgressFn<'_>,
) -> Vec<Link> {
    let n = source.len();
    let m = target.len();
    if n == 0 || m == 0 {
        let mut links: Vec<Link> = (0..n)
            .map(|i| Link {
                source: i..i + 1,
                target: 0..0,
                confidence: 1.0,
            })
            .collect();
        links.extend((0..m).map(|j| Link {
            source: n..n,
            target: j..j + 1,
            confidence: 1.0,
        }));
        return links;
    }
    let mut intern = HashMap::new();
    let mut kinds = Vec::new();
    let mut src = side(source, source_language, anchors, &mut intern, &mut kinds);
    let mut tgt = side(target, target_language, anchors, &mut intern, &mut kinds);
    // Names only count where both documents have them (English words a translation into another
    // script does not keep say nothing); a number or a ? only one document has is evidence of a
    // sentence without a counterpart.
    let mut in_source = vec![false; kinds.len()];
    let mut in_target = vec![false; kinds.len()];
    for id in src.anchors.iter().flatten() {
        in_source[*id as usize] = true;
    }
    for id in tgt.anchors.iter().flatten() {
        in_target[*id as usize] = true;
    }
    let shared = |id: &u32| {
        kinds[*id as usize] != AnchorKind::Name
            || (in_source[*id as usize] && in_target[*id as usize])
    };
    for list in src.anchors.iter_mut().chain(tgt.anchors.iter_mut()) {
        list.retain(shared);
    }
    src.pair_up();
    tgt.pair_up();
    let total_src: f64 = src.len.iter().sum::<f64>().max(1.0);
    let total_tgt: f64 = tgt.len.iter().sum::<f64>().max(1.0);
    let (mut ratio, mut variance) = (total_tgt / total_src, 6.8);
    // Rounds after the first search around the path of the round before, which is much closer
    // to the answer than the length diagonal: a narrower band will do.
    const FIRST_WIDTH: usize = 64;
    const LATER_WIDTH: usize = 16;
    let mut width = FIRST_WIDTH;
    let mut done = 0u64;
    // Three rounds: lengths only, then with the length estimates and the word pairs learned from
    // the round before. Each pass may widen the band.
    const ROUNDS: usize = 3;
    let mut total = 2 * ROUNDS as u64 * (n as u64 + 1);
    let mut links = Vec::new();
    for round in 0..ROUNDS {
        let model = Model {
            src: &src,
            tgt: &tgt,
            kinds: &kinds,
            ratio,
            variance,
            ln_priors: BEADS.map(|(_, _, p)| p.ln()),
        };
        loop {
            let band = if round == 0 {
                Band::new(&src, &tgt, width)
            } else {
                Band::along(&links, n, m, width)
            };
            let (found, touched) = pass(&model, &band, &mut |rows| {
                done += rows;
                progress(done.min(total), total);
            });
            links = found;
            let wider = (n + 1) * (4 * width + 1);
            if !touched || width >= m.max(n) || wider > MAX_CELLS {
                break;
            }
            width *= 2;
            total += 2 * (n as u64 + 1);
        }
        if round + 1 < ROUNDS {
            width = LATER_WIDTH;
            (ratio, variance) = reestimate(&model, &links).unwrap_or((ratio, variance));
            let learned = learn_words(source, target, &links, &mut kinds);
            add_words(&mut src, &mut tgt, source, target, &learned, &kinds);
            src.pair_up();
            tgt.pair_up();
        }
    }
    progress(total, total);
    links
}

/// The lower-case words of a sentence (two letters or more), each once.
fn word_set(sentence: &str) -> Vec<String> {
    let mut words: Vec<String> = crate::text::words(sentence)
        .map(|w| w.text.to_lowercase())
        .filter(|w| w.chars().count() >= 2 && !w.chars().all(|c| c.is_numeric()))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Translation pairs learned from the confident 1-1 links of the first pass (as Moore 2002 and
/// hunalign do): words that occur in linked sentences together far more than apart, each the
/// other's best partner (Dice coefficient). Returns, per pair, the source and target word and the
/// id of its anchor.
fn learn_words(
    source: &[&str],
    target: &[&str],
    links: &[Link],
    kinds: &mut Vec<AnchorKind>,
) -> HashMap<String, Vec<(String, u32)>> {
    let mut pair_count: HashMap<(&str, &str), u32> = HashMap::new();
    let mut src_count: HashMap<&str, u32> = HashMap::new();
    let mut tgt_count: HashMap<&str, u32> = HashMap::new();
    let confident: Vec<&Link> = links
        .iter()
        .filter(|l| l.source.len() == 1 && l.target.len() == 1 && l.confidence > 0.9)
        .collect();
    let src_words: Vec<Vec<String>> = confident
        .iter()
        .map(|l| word_set(source[l.source.start]))
        .collect();
    let tgt_words: Vec<Vec<String>> = confident
        .iter()
        .map(|l| word_set(target[l.target.start]))
        .collect();
    for (a, b) in src_words.iter().zip(&tgt_words) {
        for x in a {
            *src_count.entry(x).or_default() += 1;
        }
        for y in b {
            *tgt_count.entry(y).or_default() += 1;
        }
        if a.len() * b.len() > 400 {
            continue;
        }
        for x in a {
            for y in b {
                *pair_count.entry((x, y)).or_default() += 1;
            }
        }
    }
    let dice =
        |x: &str, y: &str, c: u32| 2.0 * f64::from(c) / f64::from(src_count[x] + tgt_count[y]);
    let mut best_src: HashMap<&str, (f64, &str)> = HashMap::new();
    let mut best_tgt: HashMap<&str, (f64, &str)> = HashMap::new();
    for (&(x, y), &c) in &pair_count {
        if c < 2 {
            continue;
        }
        let d = dice(x, y, c);
        if best_src.get(x).is_none_or(|(b, _)| d > *b) {
            best_src.insert(x, (d, y));
        }
        if best_tgt.get(y).is_none_or(|(b, _)| d > *b) {
            best_tgt.insert(y, (d, x));
        }
    }
    let mut learned: HashMap<String, Vec<(String, u32)>> = HashMap::new();
    let mut pairs: Vec<(&str, &str)> = best_src
        .iter()
        .filter(|(x, (d, y))| *d >= 0.5 && best_tgt.get(y).is_some_and(|(_, back)| back == *x))
        .map(|(x, (_, y))| (*x, *y))
        .collect();
    pairs.sort_unstable();
    for (x, y) in pairs {
        let id = kinds.len() as u32;
        kinds.push(AnchorKind::Word);
        learned
            .entry(x.to_string())
            .or_default()
            .push((y.to_string(), id));
    }
    learned
}

/// Adds the learned word pairs to the anchors of both sides.
fn add_words(
    src: &mut Side,
    tgt: &mut Side,
    source: &[&str],
    target: &[&str],
    learned: &HashMap<String, Vec<(String, u32)>>,
    kinds: &[AnchorKind],
) {
    // The pairs of an earlier round make way for the new ones.
    for list in src.anchors.iter_mut().chain(tgt.anchors.iter_mut()) {
        list.retain(|id| kinds[*id as usize] != AnchorKind::Word);
    }
    let by_target: HashMap<&str, u32> = learned
        .values()
        .flatten()
        .map(|(y, id)| (y.as_str(), *id))
        .collect();
    for (list, sentence) in src.anchors.iter_mut().zip(source) {
        for word in word_set(sentence) {
            list.extend(learned.get(&word).into_iter().flatten().map(|(_, id)| *id));
        }
        list.sort_unstable();
    }
    for (list, sentence) in tgt.anchors.iter_mut().zip(target) {
        for word in word_set(sentence) {
            list.extend(by_target.get(word.as_str()).copied());
        }
        list.sort_unstable();
    }
}

/// Re-estimates the length ratio and variance from the 1-1 links of a first pass, robustly (median
/// ratio, median absolute deviation), so that the wrong links of the first pass do not inflate them.
fn reestimate(model: &Model<'_>, links: &[Link]) -> Option<(f64, f64)> {
    let pairs: Vec<(f64, f64)> = links
        .iter()
        .filter(|l| l.source.len() == 1 && l.target.len() == 1)
        .map(|l| (model.src.len[l.source.start], model.tgt.len[l.target.start]))
        .filter(|(a, b)| *a > 0.0 && *b > 0.0)
        .collect();
    if pairs.len() < 20 {
        return None;
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (sum1, sum2) = pairs
        .iter()
        .fold((0.0, 0.0), |(a, b), (l1, l2)| (a + l1, b + l2));
    let ratio = sum2 / sum1;
    let deviations: Vec<f64> = pairs
        .iter()
        .map(|(l1, l2)| {
            let mean = ((l1 + l2 / ratio) / 2.0).max(1.0);
            (l2 - ratio * l1).abs() / mean.sqrt()
        })
        .collect();
    // For a normal distribution the median absolute deviation is 0.6745 σ.
    let sigma = median(deviations) / 0.6745;
    Some((ratio, (sigma * sigma).clamp(0.5, 100.0)))
}

#[cfg(test)]
mod tests;
