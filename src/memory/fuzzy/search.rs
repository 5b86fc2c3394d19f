//! Exact top-k fuzzy search over an [`Index`].
//!
//! The filter is the q-gram count lemma on the bigram multiset: a string of `n` chars has `n − 1`
//! bigram occurrences and one edit destroys at most two of them, so if `lev(q, s) ≤ k` then `q` and
//! `s` share at least `τ = max(|q|, |s|) − 1 − 2k` bigram occurrences. `k` is the largest distance that
//! still reaches the bar (the minimum score, or the k-th best score once `top` hits are known) for the
//! candidate's length, so `τ` is computed per length, and only lengths that can reach the bar at all
//! are read. Shared occurrences are counted for every entry in that length window at once: bit-sliced
//! counters over the bitmaps of frequent bigrams, plus the posting lists of rare ones; the commonest
//! bigrams count only where an alignment within the bar could keep them, by the half of the text
//! they are in ([`super::zones`]). Entries that
//! reach `τ` must reach it again counting only bigrams near their place in the query (the
//! positional screen), and the few that do are verified with a bit-parallel Levenshtein distance
//! with a cut-off, most shared bigrams first, and the bar rises as hits come in. Where `τ ≤ 0` (very short strings, low thresholds) the
//! lemma cannot prune and every entry of that length is verified, so no match is ever lost.

use std::cmp::Ordering;
use std::ops::Range;

use rapidfuzz::distance::levenshtein::{Args, BatchComparator};

use super::count::{BLOCK, Sliced, planes_for, vertical_sum};
use super::index::{GramInfo, Index, Utf8Chars, gram_counts, gram_key, token_counts};
use super::myers::{Pattern, levenshtein_dp};
use super::positional::Positional;
use super::score::{Metric, WordInterner, max_distance, units};
use super::terms::{Sources, Terms};
use super::zones::Zoning;

/// How many candidates, those sharing the most bigrams with the query, are verified before the
/// others are taken in storage order.
const LEADERS: usize = 64;

/// How many candidates ahead of the one being verified the text to verify is prefetched.
const PREFETCH_AHEAD: usize = 16;
/// How far ahead (in bitmap words) the count stage asks for the bitmaps it will read.
const PREFETCH_WORDS: usize = 64;

/// A match: an index entry, its unit, and its distance to the query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub unit: i64,
    pub distance: usize,
    /// The longer of the two lengths, in chars (the score's denominator).
    pub longest: usize,
}

impl Hit {
    /// The score in percent.
    pub fn score(&self) -> f64 {
        super::score::percent(self.distance, self.longest, self.longest)
    }

    /// Orders hits best first: higher score, then lower unit id.
    fn rank(&self, other: &Hit) -> Ordering {
        // (m_a − d_a) / m_a against (m_b − d_b) / m_b, in exact integers.
        let a = (self.longest - self.distance) as u128 * other.longest.max(1) as u128;
        let b = (other.longest - other.distance) as u128 * self.longest.max(1) as u128;
        b.cmp(&a).then(self.unit.cmp(&other.unit))
    }
}

/// What to look for.
#[derive(Clone, Debug)]
pub struct Query<'a> {
    /// The prepared query text.
    pub text: &'a str,
    /// How many results.
    pub top: usize,
    /// The minimum score in percent.
    pub min: f64,
    /// Language slots a unit must have (the target language).
    pub require: u32,
}

/// The best hits so far, at most `top`, one per unit, best first.
struct TopK {
    top: usize,
    hits: Vec<Hit>,
}

impl TopK {
    fn new(top: usize) -> TopK {
        TopK {
            top,
            hits: Vec::new(),
        }
    }

    fn offer(&mut self, hit: Hit) {
        if let Some(existing) = self.hits.iter_mut().find(|h| h.unit == hit.unit) {
            if hit.rank(existing) == Ordering::Less {
                *existing = hit;
                self.hits.sort_by(Hit::rank);
            }
            return;
        }
        if self.hits.len() < self.top {
            self.hits.push(hit);
            self.hits.sort_by(Hit::rank);
        } else if let Some(last) = self.hits.last()
            && hit.rank(last) == Ordering::Less
        {
            self.hits.pop();
            self.hits.push(hit);
            self.hits.sort_by(Hit::rank);
        }
    }

    /// The largest distance at which a string whose longer side has `longest` chars still reaches
    /// the bar: the minimum score, or the k-th best score once there are `top` hits (a tie may still
    /// enter on a lower unit id, so the bar is inclusive).
    fn max_distance(&self, longest: usize, min: f64) -> usize {
        let by_min = max_distance(longest, min);
        match self.hits.last() {
            Some(bar) if self.hits.len() >= self.top => {
                // score ≥ bar ⟺ (m − d)·M ≥ (M − D)·m ⟺ d ≤ m − ⌈(M − D)·m / M⌉.
                let big_m = bar.longest.max(1) as u128;
                let need = ((bar.longest - bar.distance) as u128 * longest as u128).div_ceil(big_m);
                by_min.min(longest.saturating_sub(need as usize))
            }
            _ => by_min,
        }
    }
}

/// What [`Searcher::count`] counts: the entries of `window` (of `index`) that share at least
/// `tau_of(entry)` key occurrences (bigrams or tokens) with the query. `planned` holds the query's
/// keys that the index has, with their occurrences in the query; `floor(from, to)` must not exceed
/// `tau_of` of any entry in `from..to`. With `reach`, occurrences of zoned bigrams count only where
/// they can pair (see [`super::zones`]).
struct CountRequest<'r, F, T> {
    index: &'r Index,
    window: &'r Range<usize>,
    planned: &'r [(GramInfo, u32)],
    reach: Option<Reach<'r>>,
    floor: F,
    tau_of: T,
}

/// Where a query's bigrams can pair: the zones they reach per text length, and the planned key of
/// each query bigram (`u32::MAX` for one the index does not have).
struct Reach<'r> {
    zoning: &'r Zoning,
    occurrences: &'r [u32],
}

/// What searches did, for tuning and benchmarks.
#[derive(Clone, Copy, Debug, Default)]
pub struct SearchStats {
    /// Posting entries read.
    pub postings: u64,
    /// Bitmap words read.
    pub bitmap_words: u64,
    /// Entries that passed the count filter.
    pub candidates: u64,
    /// Entries verified with the Levenshtein distance.
    pub verified: u64,
}

/// Reusable buffers for searching one index.
pub struct Searcher<'a> {
    index: &'a Index,
    /// Counters summed over every search of this searcher.
    pub stats: SearchStats,
    counts: Vec<u8>,
    /// Whether the count stage and the screen run their compilation for the wider instructions.
    wide: bool,
}

impl<'a> Searcher<'a> {
    pub fn new(index: &'a Index) -> Searcher<'a> {
        Searcher {
            index,
            stats: SearchStats::default(),
            counts: Vec::new(),
            wide: super::cpu::has_wide(),
        }
    }

    /// A searcher that runs only the baseline compilation of its hot loops, for tests of both.
    #[cfg(test)]
    fn narrow(index: &'a Index) -> Searcher<'a> {
        Searcher {
            wide: false,
            ..Searcher::new(index)
        }
    }

    /// The length window `[lo, hi]` in which a string of `index` can reach the bar against `n` chars.
    fn window(index: &Index, n: usize, top: &TopK, min: f64) -> (usize, usize) {
        let lo = n - top.max_distance(n, min).min(n);
        let max_len = index.max_len();
        let mut hi = n;
        while hi < max_len && hi + 1 - n <= top.max_distance(hi + 1, min) {
            hi += 1;
        }
        (lo, hi)
    }

    /// The exact top hits for `query`: each part of the index (the main part, then the delta) in
    /// turn, into one top list, so the bar the main part sets prunes the delta too.
    pub fn search(&mut self, query: &Query<'_>) -> Vec<Hit> {
        let q: Vec<u32> = query.text.chars().map(u32::from).collect();
        let mut top = TopK::new(query.top);
        for (part, first) in self.index.parts() {
            self.search_part(part, first, &q, query, &mut top);
        }
        top.hits
    }

    /// Offers the hits of one part of the index (entry numbers from `first` on) to `top`.
    fn search_part(
        &mut self,
        index: &Index,
        first: usize,
        q: &[u32],
        query: &Query<'_>,
        top: &mut TopK,
    ) {
        let n = q.len();
        if n == 0 || query.top == 0 || index.part_len() == 0 {
            return;
        }
        let (lo, hi) = Self::window(index, n, top, query.min);
        let window = index.length_range(lo, hi);
        if window.is_empty() {
            return;
        }
        // τ per length of the window (≤ 0: the lemma cannot prune that length).
        let tau: Vec<i64> = (lo..=hi)
            .map(|l| {
                let longest = n.max(l);
                longest as i64 - 1 - 2 * top.max_distance(longest, query.min) as i64
            })
            .collect();
        let entries = index.entries_view();
        let tau_of = |entry: usize| tau[entries.length(entry).clamp(lo, hi) - lo];

        let (mut keys, mut grams) = (Vec::new(), Vec::new());
        gram_counts(q, &mut keys, &mut grams);
        let (planned, planned_keys) = plan(index, &grams);
        let occurrences: Vec<u32> = q
            .windows(2)
            .map(|w| {
                let key = gram_key(w[0], w[1]);
                planned_keys
                    .binary_search(&key)
                    .map_or(u32::MAX, |at| at as u32)
            })
            .collect();
        // Zones need exact lengths, which the index keeps below 65,535 chars.
        let zoning = (hi < usize::from(u16::MAX))
            .then(|| Zoning::new(n, lo, hi, |l| top.max_distance(n.max(l), query.min)));
        let mut candidates = self.count(CountRequest {
            index,
            window: &window,
            planned: &planned,
            reach: zoning.as_ref().map(|zoning| Reach {
                zoning,
                occurrences: &occurrences,
            }),
            floor: |from, to| tau_of(from).min(tau_of(to - 1)),
            tau_of,
        });
        lead_then_storage_order(&mut candidates);
        let mut pattern = Pattern::new(q);
        let mut screen = Positional::new(q, self.wide);
        for (at, &(shared, entry)) in candidates.iter().enumerate() {
            if let Some(&(_, ahead)) = candidates.get(at + 2 * PREFETCH_AHEAD) {
                entries.prefetch_entry(ahead);
            }
            if let Some(&(_, ahead)) = candidates.get(at + PREFETCH_AHEAD) {
                entries.prefetch_text(ahead);
            }
            if entries.langs(entry) & query.require != query.require {
                continue;
            }
            let text = entries.text_bytes(entry);
            let len = match entries.length(entry) {
                len if len < u16::MAX as usize => len,
                _ => Utf8Chars::new(text).count(),
            };
            let longest = n.max(len);
            let cutoff = top.max_distance(longest, query.min);
            let need = longest as i64 - 1 - 2 * cutoff as i64;
            if n.abs_diff(len) > cutoff || (shared as i64) < need {
                continue;
            }
            if let Some(screen) = &mut screen
                && !screen.admits(text, len, cutoff, need)
            {
                continue;
            }
            self.stats.verified += 1;
            let distance = pattern.distance(Utf8Chars::new(text), len, cutoff);
            if let Some(distance) = distance {
                top.offer(Hit {
                    entry: first + entry,
                    unit: index.unit(entry),
                    distance,
                    longest,
                });
            }
        }
    }

    /// The exact top hits for `query` under the word metric: each part of the index in turn, into
    /// one top list. Each token edit changes at most one token occurrence, so a text within `k` of
    /// the query shares at least `max(|q|, |s|) − k` of its tokens (the q-gram lemma with q = 1);
    /// the count filter reads the token keys of the whole part (entries are sorted by length in
    /// chars, not tokens), and candidates are verified over token ids.
    pub fn search_words(&mut self, query: &Query<'_>) -> Vec<Hit> {
        let mut interner = WordInterner::default();
        let q = units(query.text, Metric::Words, &mut interner);
        let mut top = TopK::new(query.top);
        if q.is_empty() || query.top == 0 {
            return top.hits;
        }
        let (mut keys, mut tokens) = (Vec::new(), Vec::new());
        token_counts(query.text, &mut keys, &mut tokens);
        for (part, first) in self.index.parts() {
            let n = q.len();
            // The threshold grows with the text's token count, so the query's own is the least.
            let floor = n as i64 - top.max_distance(n, query.min) as i64;
            let tau_of = |entry: usize| {
                let longest = n.max(part.token_length(entry));
                longest as i64 - top.max_distance(longest, query.min) as i64
            };
            let (planned, _) = plan(part, &tokens);
            let mut candidates = self.count(CountRequest {
                index: part,
                window: &(0..part.part_len()),
                planned: &planned,
                reach: None,
                floor: |_, _| floor,
                tau_of,
            });
            lead_then_storage_order(&mut candidates);
            let mut pattern = Pattern::new(&q);
            // Tokens the query does not have all get one id the query does not use.
            let stranger = interner.len() as u32;
            let mut ids = Vec::new();
            for &(shared, entry) in &candidates {
                if part.langs(entry) & query.require != query.require {
                    continue;
                }
                ids.clear();
                ids.extend(
                    crate::text::tokens(part.text(entry))
                        .map(|t| interner.find(t.text).unwrap_or(stranger)),
                );
                let longest = n.max(ids.len());
                let cutoff = top.max_distance(longest, query.min);
                if n.abs_diff(ids.len()) > cutoff || (shared as i64) < (longest - cutoff) as i64 {
                    continue;
                }
                self.stats.verified += 1;
                let distance = pattern.distance(ids.iter().copied(), ids.len(), cutoff);
                if let Some(distance) = distance {
                    top.offer(Hit {
                        entry: first + entry,
                        unit: part.unit(entry),
                        distance,
                        longest,
                    });
                }
            }
        }
        top.hits
    }

    /// The entries the request's window holds that reach their threshold, each as (shared, entry)
    /// (see [`CountRequest`]). Shared occurrences are counted for every entry of the window at
    /// once: bit-sliced counters over the bitmaps of frequent keys, plus the posting lists of rare
    /// ones.
    // Compiled on its own: inlined into the search, its block reads changed code generation with
    // every change to the candidate loop (one build read each block through a call to memcpy).
    #[inline(never)]
    fn count<F, T>(&mut self, request: CountRequest<'_, F, T>) -> Vec<(usize, usize)>
    where
        F: Fn(usize, usize) -> i64,
        T: Fn(usize) -> i64,
    {
        #[cfg(target_arch = "x86_64")]
        if self.wide {
            // SAFETY: `wide` is set only when the processor has the features `count_wide` is
            // compiled for (`cpu::has_wide`).
            #[allow(unsafe_code)]
            return unsafe { self.count_wide(request) };
        }
        self.count_body(request)
    }

    /// [`Searcher::count`] compiled for the wider instructions (see [`super::cpu`]).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,bmi1,bmi2,lzcnt,popcnt")]
    fn count_wide<F, T>(&mut self, request: CountRequest<'_, F, T>) -> Vec<(usize, usize)>
    where
        F: Fn(usize, usize) -> i64,
        T: Fn(usize) -> i64,
    {
        self.count_body(request)
    }

    #[inline(always)]
    fn count_body<F, T>(&mut self, request: CountRequest<'_, F, T>) -> Vec<(usize, usize)>
    where
        F: Fn(usize, usize) -> i64,
        T: Fn(usize) -> i64,
    {
        let CountRequest {
            index,
            window,
            planned,
            reach,
            floor,
            tau_of,
        } = request;
        if window.is_empty() {
            return Vec::new(); // a delta of an import that only merged into stored units has no entry
        }
        // Rare counts (postings), relative to the window start.
        let base = window.start;
        self.counts.clear();
        self.counts.resize(window.len(), 0);
        let mut postings = 0u64;
        for (info, c) in planned {
            if info.levels > 0 && *c <= info.levels {
                continue; // the bitmaps cover this query count
            }
            let floor = info.levels; // occurrences already counted by the bitmaps
            let counts = &mut self.counts;
            index.for_each_posting(info, window, |entry, occurrences| {
                postings += 1;
                let add = occurrences.min(*c).saturating_sub(floor);
                let slot = &mut counts[entry - base];
                *slot = slot.saturating_add(add.min(255) as u8);
            });
        }
        // Frequent keys: bitmaps, summed as terms (see `Terms`); as many as the plain count's
        // levels at most.
        let most_terms: usize = planned
            .iter()
            .map(|(info, c)| (*c).min(info.levels) as usize)
            .sum();
        let mut planes = vec![[0; BLOCK]; planes_for(most_terms)];
        let mut staged = vec![[0; BLOCK]; most_terms];

        let mut candidates: Vec<(usize, usize)> = Vec::new();
        let first_word = window.start / 64;
        let last_word = ((window.end - 1) / 64).min(index.words().saturating_sub(1));
        let sources = Sources::new(index, planned, first_word);
        let mut terms = Terms::default();
        if reach.is_none() {
            terms.plan(planned, &sources, &[], None);
        }
        let entries = index.entries_view();
        // The lengths the terms were planned for, and the zones each query bigram reaches there.
        let (mut planned_for, mut reaches, mut planned_reaches) = (None, Vec::new(), Vec::new());
        let mut loads = 0;
        for word in first_word..=last_word {
            let block = (word - first_word) % BLOCK;
            if block == 0 {
                if let Some(reach) = &reach {
                    // The block's entries span these lengths; the terms hold for all of them.
                    let from = (word * 64).max(window.start);
                    let to = ((word + BLOCK) * 64).min(window.end) - 1;
                    let lengths = (entries.length(from), entries.length(to));
                    if planned_for != Some(lengths) {
                        planned_for = Some(lengths);
                        reach.zoning.reaches(lengths.0, lengths.1, &mut reaches);
                        // Neighbouring lengths often give the same reaches, and the same terms.
                        if reaches != planned_reaches {
                            terms.plan(planned, &sources, reach.occurrences, Some(&reaches));
                            std::mem::swap(&mut reaches, &mut planned_reaches);
                        }
                    }
                }
                // One cache line (8 words) of each bitmap per 8 words read, far enough ahead:
                // half of the bitmaps at one block, the other half at the next, so that fewer
                // loads are in flight at once.
                let ahead = word + PREFETCH_WORDS;
                if ahead <= last_word {
                    terms.prefetch(&sources, (word - first_word) % 8 != 0, ahead);
                }
                // All of the block's loads first, then the adders: short load-only work lets the
                // processor have many of them in flight at once.
                terms.stage(&sources, (word - first_word) / BLOCK, word, &mut staged);
                vertical_sum(terms.len(), |i| staged[i], &mut planes);
                loads += terms.loads() * BLOCK;
            }
            let sliced = Sliced::new(&planes, block);
            let from = (word * 64).max(window.start);
            let to = (word * 64 + 64).min(window.end);
            let rare = &self.counts[from - base..to - base];
            let rare_max = rare.iter().copied().max().map_or(0, rare_count) as i64;
            let mut lanes = sliced.at_least((floor(from, to) - rare_max).max(0) as usize);
            // Keep only the lanes inside the window.
            let lane_lo = (from - word * 64) as u32;
            let lane_hi = (to - word * 64) as u32;
            lanes &= (!0u64 >> (64 - (lane_hi - lane_lo))) << lane_lo;
            while lanes != 0 {
                let lane = lanes.trailing_zeros();
                lanes &= lanes - 1;
                let entry = word * 64 + lane as usize;
                let shared = sliced.lane(lane) + rare_count(self.counts[entry - base]);
                if shared as i64 >= tau_of(entry) {
                    candidates.push((shared, entry));
                }
            }
        }
        self.stats.postings += postings;
        self.stats.bitmap_words += loads as u64;
        self.stats.candidates += candidates.len() as u64;
        candidates
    }
}

/// The shared occurrences a byte counter of posting-list keys stands for. A counter that reached
/// its width may stand for more, so it counts as enough for any threshold: such an entry (a long
/// text sharing hundreds of rare keys) is always verified, never lost.
fn rare_count(counter: u8) -> usize {
    if counter == u8::MAX {
        usize::MAX / 4
    } else {
        usize::from(counter)
    }
}

/// The query's keys that `index` has, with their occurrences in the query, and those keys (sorted,
/// as `keys` are).
fn plan(index: &Index, keys: &[(u64, u32)]) -> (Vec<(GramInfo, u32)>, Vec<u64>) {
    keys.iter()
        .filter_map(|&(key, c)| index.gram(key).map(|info| ((info, c), key)))
        .unzip()
}

/// Puts the candidates sharing the most keys first, so that the bar rises early, then the rest in
/// entry order, which reads the texts in the order they are stored. `candidates` come in entry
/// order (as [`Searcher::count`] finds them), so the rest keep their order and only the leaders are
/// sorted: the leaders' least count is found by selection, then one pass moves them out.
fn lead_then_storage_order(candidates: &mut [(usize, usize)]) {
    debug_assert!(candidates.windows(2).all(|w| w[0].1 < w[1].1));
    let leaders = LEADERS.min(candidates.len());
    if leaders == 0 {
        return;
    }
    let mut counts: Vec<usize> = candidates.iter().map(|&(shared, _)| shared).collect();
    let (_, &mut least, _) = counts.select_nth_unstable_by(leaders - 1, |a, b| b.cmp(a));
    // Those above the least count lead, and those at it in entry order until there are enough.
    let mut ties_to_take = leaders - candidates.iter().filter(|c| c.0 > least).count();
    let mut lead = Vec::with_capacity(leaders);
    let mut kept = 0;
    for i in 0..candidates.len() {
        let candidate = candidates[i];
        let leads = candidate.0 > least || (candidate.0 == least && ties_to_take > 0);
        if leads {
            ties_to_take -= usize::from(candidate.0 == least);
            lead.push(candidate);
        } else {
            candidates[kept] = candidate;
            kept += 1;
        }
    }
    candidates.copy_within(0..kept, leaders);
    lead.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    candidates[..leaders].copy_from_slice(&lead);
}

/// The exact top hits under the word metric by brute force: every entry tokenized and compared
/// (the reference [`Searcher::search_words`] must equal).
pub fn brute_force_words(index: &Index, query: &Query<'_>) -> Vec<Hit> {
    let mut interner = WordInterner::default();
    let q = units(query.text, Metric::Words, &mut interner);
    let mut top = TopK::new(query.top);
    if q.is_empty() || query.top == 0 {
        return top.hits;
    }
    let comparator = BatchComparator::new(q.iter().copied());
    for entry in index.entries() {
        if index.langs(entry) & query.require != query.require {
            continue;
        }
        let s = units(index.text(entry), Metric::Words, &mut interner);
        let longest = q.len().max(s.len());
        let cutoff = top.max_distance(longest, query.min);
        if q.len().abs_diff(s.len()) > cutoff {
            continue;
        }
        let distance =
            comparator.distance_with_args(s.iter().copied(), &Args::default().score_cutoff(cutoff));
        if let Some(distance) = distance {
            top.offer(Hit {
                entry,
                unit: index.unit(entry),
                distance,
                longest,
            });
        }
    }
    top.hits
}

/// The exact top hits by brute force: every entry scored with a plain dynamic-programming distance
/// (the reference the index must equal).
pub fn brute_force(index: &Index, query: &Query<'_>) -> Vec<Hit> {
    let q: Vec<u32> = query.text.chars().map(u32::from).collect();
    let mut top = TopK::new(query.top);
    if q.is_empty() || query.top == 0 {
        return top.hits;
    }
    for entry in index.entries() {
        if index.langs(entry) & query.require != query.require {
            continue;
        }
        let s: Vec<u32> = index.text(entry).chars().map(u32::from).collect();
        let longest = q.len().max(s.len());
        if q.len().abs_diff(s.len()) > max_distance(longest, query.min) {
            continue;
        }
        let distance = levenshtein_dp(&q, &s);
        if distance <= max_distance(longest, query.min) {
            top.offer(Hit {
                entry,
                unit: index.unit(entry),
                distance,
                longest,
            });
        }
    }
    top.hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::fuzzy::index::{Entry, Meta};
    use proptest::prelude::*;

    fn build(texts: &[String]) -> Index {
        let entries = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Entry {
                // Unit ids out of text order, and some shared, to exercise ties and de-duplication.
                unit: (i as i64 * 7919) % 1013,
                text: t.clone(),
                langs: if i % 5 == 0 { 1 } else { 3 },
            })
            .collect();
        Index::build(
            entries,
            Meta {
                lang: "en".into(),
                slots: vec!["en".into(), "kk".into()],
                generation: 0,
                after: 0,
                high_water: 0,
            },
        )
    }

    /// The index gives what brute force gives, under both metrics.
    fn same(index: &Index, query: &Query<'_>) {
        let key = |h: &Hit| (h.unit, h.distance, h.longest);
        type Search = fn(&Index, &Query<'_>) -> Vec<Hit>;
        let chars: Search = |index, query| Searcher::new(index).search(query);
        let narrow: Search = |index, query| Searcher::narrow(index).search(query);
        let words: Search = |index, query| Searcher::new(index).search_words(query);
        let metrics: [(Search, Search); 3] = [
            (brute_force, chars),
            (brute_force, narrow),
            (brute_force_words, words),
        ];
        for (reference, indexed) in metrics {
            assert_eq!(
                indexed(index, query).iter().map(key).collect::<Vec<_>>(),
                reference(index, query).iter().map(key).collect::<Vec<_>>(),
                "query {:?} min {} top {}",
                query.text,
                query.min,
                query.top
            );
        }
    }

    fn real_segments() -> Vec<String> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/real-tm.csv");
        let Ok(text) = std::fs::read_to_string(path) else {
            return Vec::new();
        };
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        reader
            .records()
            .filter_map(Result::ok)
            .flat_map(|r| {
                r.iter()
                    .map(super::super::score::prepare)
                    .collect::<Vec<_>>()
            })
            .filter(|s| !s.is_empty())
            .collect()
    }

    #[test]
    fn long_texts_keep_their_count_past_the_counters_width() {
        // A small index keeps every bigram in posting lists; a text of 400 chars shares 399 bigrams
        // with itself, more than a byte counts.
        let long: String = (0..400)
            .map(|i| char::from_u32(0x0430 + (i * 7 % 32)).unwrap_or('a'))
            .collect();
        let mut edited = long.clone();
        edited.replace_range(..2, "ab");
        let index = build(&[long.clone(), "short".into(), edited.clone()]);
        for text in [long.as_str(), edited.as_str()] {
            for min in [70.0, 99.0, 100.0] {
                same(
                    &index,
                    &Query {
                        text,
                        top: 5,
                        min,
                        require: 0,
                    },
                );
            }
        }
    }

    #[test]
    fn texts_longer_than_the_length_field_keep_their_true_length() {
        // Lengths are stored in 16 bits; a longer text is measured from its chars when verified.
        let long = "дерево".repeat(11_100);
        let index = build(&[long.clone(), "short".into()]);
        let hits = Searcher::new(&index).search(&Query {
            text: &long,
            top: 5,
            min: 100.0,
            require: 0,
        });
        let found: Vec<(usize, usize)> = hits.iter().map(|h| (h.distance, h.longest)).collect();
        assert_eq!(found, [(0, 66_600)]);
    }

    #[test]
    fn equals_brute_force_on_real_text_at_every_threshold() {
        let segments = real_segments();
        if segments.is_empty() {
            return;
        }
        // Enough entries for frequent bigrams to get bitmaps; queries from everywhere.
        let index = build(&segments[..segments.len().min(4000)]);
        for (i, query) in segments.iter().step_by(1499).enumerate() {
            let mut edited: Vec<char> = query.chars().collect();
            if edited.len() > 4 {
                edited.remove(i % edited.len());
                edited.insert(edited.len() / 2, 'x');
            }
            let edited: String = edited.into_iter().collect();
            for text in [query.as_str(), edited.as_str()] {
                for min in [50.0, 70.0, 85.0, 99.0, 100.0] {
                    for top in [1, 5] {
                        same(
                            &index,
                            &Query {
                                text,
                                top,
                                min,
                                require: 0,
                            },
                        );
                    }
                }
                same(
                    &index,
                    &Query {
                        text,
                        top: 5,
                        min: 70.0,
                        require: 2,
                    },
                );
            }
        }
    }

    proptest! {
        /// The leaders are the candidates first by (shared desc, entry asc), sorted so; the rest
        /// stay in entry order: what sorting the whole list would give.
        #[test]
        fn leaders_then_the_rest_in_entry_order(
            picks in proptest::collection::vec((any::<bool>(), 0usize..6), 0..300),
        ) {
            let mut candidates: Vec<(usize, usize)> = picks
                .iter()
                .enumerate()
                .filter(|(_, (pick, _))| *pick)
                .map(|(entry, &(_, shared))| (shared, entry))
                .collect();
            let mut want = candidates.clone();
            let leaders = LEADERS.min(want.len());
            want.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            want[leaders..].sort_by_key(|&(_, entry)| entry);
            lead_then_storage_order(&mut candidates);
            prop_assert_eq!(candidates, want);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn equals_brute_force_on_random_text(
            texts in proptest::collection::vec("[abcə ӘқاxY.,]{0,24}", 1..200),
            query in "[abcə ӘқاxY.,]{0,24}",
            min in 50u32..=100,
            top in 1usize..6,
        ) {
            let texts: Vec<String> = texts.iter().map(|t| super::super::score::prepare(t)).collect();
            let index = build(&texts);
            let query = super::super::score::prepare(&query);
            same(&index, &Query { text: &query, top, min: f64::from(min), require: 0 });
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(12))]
        /// Texts over five letters share every bigram with each other, so each gets bitmaps and
        /// the common ones zones: the zoned count must still lose nothing.
        #[test]
        fn equals_brute_force_where_bigrams_are_zoned(
            texts in proptest::collection::vec("[abəӘق]{0,30}", 700..900),
            query in "[abəӘق]{0,30}",
            min in 50u32..=100,
            top in 1usize..6,
        ) {
            let index = build(&texts);
            let common = index.gram(gram_key('a' as u32, 'b' as u32));
            prop_assert!(common.is_some_and(|info| info.zoned));
            same(&index, &Query { text: &query, top, min: f64::from(min), require: 0 });
        }
    }

    #[test]
    fn zones_reject_texts_that_share_the_bigrams_elsewhere() {
        // Rotations of the query (Latin, then Kazakh Cyrillic): every one shares all but one or
        // two of its 39 bigrams, far above the 15 the count lemma asks at 70 % (k = 12), but a
        // rotation by r moves them r places, and only those within the band can be kept.
        let query = "abcdefghijklmnopqrstабвгдеёжзийқлмнңоөпр";
        let chars: Vec<char> = query.chars().collect();
        assert_eq!(chars.len(), 40);
        let texts: Vec<String> = (0..800)
            .map(|i| {
                let r = i % 40;
                chars[r..].iter().chain(&chars[..r]).collect()
            })
            .collect();
        let index = build(&texts);
        let mut searcher = Searcher::new(&index);
        let query = Query {
            text: query,
            top: 5,
            min: 70.0,
            require: 0,
        };
        let hits = searcher.search(&query);
        let key = |h: &Hit| (h.unit, h.distance);
        let want: Vec<_> = brute_force(&index, &query).iter().map(key).collect();
        assert_eq!(hits.iter().map(key).collect::<Vec<_>>(), want);
        // Rotations by up to 6 either way are within 12 edits. Against the two zones (bigrams
        // 0–19 and 20–38; the query's bigrams 0–13 reach the first only, 26–38 the second only),
        // a rotation by 17 to 23 places keeps at most 14 bigrams in reach: those 7 × 20 texts
        // are no candidates, where the plain count lets all 800 through.
        let candidates = searcher.stats.candidates;
        assert!(
            (13 * 20..=800 - 7 * 20).contains(&(candidates as usize)),
            "{candidates} candidates"
        );
    }
}
