//! Exact top-k fuzzy search over an [`Index`].
//!
//! The filter is the q-gram count lemma on distinct character bigrams: if `lev(q, s) ≤ k`, at most
//! `2k` distinct bigrams of `q` are missing from `s` (each edit destroys at most two bigram
//! occurrences), so `s` shares at least `τ = D(q) − 2k` of them. Scanning only the `2k + 1 + x` rarest
//! bigrams of the query then finds every such `s` with a count of at least `1 + x` (prefix filtering),
//! and `k` depends on the candidate's length, so each posting list is read only over the lengths
//! where it is needed. The threshold rises to the k-th best score as results come in, which shrinks
//! `k`, the length window and the prefix. Survivors are verified with a bit-parallel Levenshtein
//! distance with a cut-off. Lengths where the lemma cannot prune (`τ ≤ 0`: short queries, low
//! thresholds) are verified in full, so no match is ever lost.

use std::cmp::Ordering;

use rapidfuzz::distance::levenshtein::{Args, BatchComparator};

use super::index::{Index, distinct_grams};
use super::score::max_distance;

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
        // (m_a − d_a) / m_a  vs  (m_b − d_b) / m_b, in exact integers.
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

/// The best hits so far, at most `top`, one per unit.
struct TopK {
    top: usize,
    hits: Vec<Hit>,
}

impl TopK {
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

    /// The largest distance a candidate whose longer side is `longest` may have to still enter.
    fn max_distance(&self, longest: usize, min: f64) -> usize {
        let by_min = max_distance(longest, min);
        match self.hits.last() {
            Some(bar) if self.hits.len() >= self.top => {
                // score ≥ bar ⟺ (m − d)·M ≥ (M − D)·m ⟺ d ≤ m − ⌈(M − D)·m / M⌉.
                let big_m = bar.longest.max(1) as u128;
                let num = (bar.longest - bar.distance) as u128 * longest as u128;
                let need = num.div_ceil(big_m) as usize;
                by_min.min(longest.saturating_sub(need))
            }
            _ => by_min,
        }
    }
}

/// Reusable buffers for searching one index.
pub struct Searcher<'a> {
    index: &'a Index,
    counts: Vec<u16>,
    touched: Vec<u32>,
    grams: Vec<u64>,
    /// Extra bigrams scanned beyond the minimal prefix, to make the count filter sharper.
    pub extension: usize,
}

/// A gram of the query with its posting list and its frequency in the length window.
struct PlannedGram {
    id: Option<usize>,
    frequency: usize,
}

impl<'a> Searcher<'a> {
    pub fn new(index: &'a Index) -> Searcher<'a> {
        Searcher {
            index,
            counts: vec![0; index.len()],
            touched: Vec::new(),
            grams: Vec::new(),
            extension: 4,
        }
    }

    /// The entries whose length is `l`, as an index range.
    fn lengths(&self, lo: usize, hi: usize) -> std::ops::Range<usize> {
        self.index.length_range(lo, hi)
    }

    /// The length window `[lo, hi]` in which a string can reach the threshold against a query of
    /// `n` chars.
    fn window(&self, n: usize, top: &TopK, min: f64) -> (usize, usize) {
        let mut lo = n;
        while lo > 0 && n - (lo - 1) <= top.max_distance(n, min) {
            lo -= 1;
        }
        let max_len = self.index.max_len();
        let mut hi = n;
        while hi < max_len && (hi + 1 - n) <= top.max_distance(hi + 1, min) {
            hi += 1;
        }
        (lo, hi)
    }

    /// The exact top hits for `query`.
    pub fn search(&mut self, query: &Query<'_>) -> Vec<Hit> {
        let q: Vec<u32> = query.text.chars().map(u32::from).collect();
        let n = q.len();
        let mut top = TopK {
            top: query.top,
            hits: Vec::new(),
        };
        if n == 0 || query.top == 0 || self.index.is_empty() {
            return top.hits;
        }
        let comparator = BatchComparator::new(q.iter().copied());
        let index = self.index;
        let verify = |entry: usize, top: &mut TopK| {
            if index.langs(entry) & query.require != query.require {
                return;
            }
            let text = index.text(entry);
            let len = text.chars().count();
            let longest = n.max(len);
            let cutoff = top.max_distance(longest, query.min);
            if n.abs_diff(len) > cutoff {
                return;
            }
            let distance = comparator.distance_with_args(
                text.chars().map(u32::from),
                &Args::default().score_cutoff(cutoff),
            );
            if let Some(distance) = distance {
                top.offer(Hit {
                    entry,
                    unit: index.unit(entry),
                    distance,
                    longest,
                });
            }
        };

        let (lo, hi) = self.window(n, &top, query.min);
        distinct_grams(&q, &mut self.grams);
        let window = self.lengths(lo, hi);
        let mut plan: Vec<PlannedGram> = self
            .grams
            .iter()
            .map(|&g| {
                let id = index.gram(g);
                PlannedGram {
                    id,
                    frequency: id.map_or(0, |id| index.frequency_in(id, &window)),
                }
            })
            .collect();
        plan.sort_by_key(|g| g.frequency);
        let distinct = plan.len();

        // Per length: how many of the rarest grams are scanned, and the count a candidate needs.
        let prefix_for = |k: usize| -> Option<usize> {
            // None: the lemma cannot prune at this k (every entry of the length is a candidate).
            if 2 * k >= distinct {
                None
            } else {
                Some((2 * k + 1 + self.extension).min(distinct))
            }
        };
        let mut brute = Vec::new();
        let mut scan_from = vec![usize::MAX; distinct + 1];
        // The number of grams scanned for each length of the window (0: verified in full).
        let mut scanned = vec![0usize; hi - lo + 1];
        for l in lo..=hi {
            let k = top.max_distance(n.max(l), query.min);
            match prefix_for(k) {
                None => brute.push(l),
                Some(prefix) => {
                    scanned[l - lo] = prefix;
                    // Grams of rank < prefix are scanned for this length.
                    for slot in scan_from.iter_mut().take(prefix) {
                        *slot = (*slot).min(l);
                    }
                }
            }
        }
        for &l in &brute {
            for entry in self.lengths(l, l) {
                verify(entry, &mut top);
            }
        }

        self.touched.clear();
        for (rank, gram) in plan.iter().enumerate() {
            let Some(id) = gram.id else { continue };
            let from = scan_from[rank];
            if from == usize::MAX || from > hi {
                continue;
            }
            let range = self.lengths(from, hi);
            let counts = &mut self.counts;
            let touched = &mut self.touched;
            index.for_each_posting(id, &range, |entry| {
                let c = &mut counts[entry];
                if *c == 0 {
                    touched.push(entry as u32);
                }
                *c = c.saturating_add(1);
            });
        }

        // Candidates, most shared grams first.
        let mut candidates: Vec<(u16, u32)> = self
            .touched
            .iter()
            .map(|&e| (self.counts[e as usize], e))
            .collect();
        for &e in &self.touched {
            self.counts[e as usize] = 0;
        }
        candidates.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let starts: Vec<usize> = (lo..=hi + 1).map(|l| self.lengths(l, l).start).collect();
        for (count, entry) in candidates {
            let entry = entry as usize;
            let l = lo + starts.partition_point(|&s| s <= entry) - 1;
            let prefix = scanned[l - lo];
            if prefix == 0 {
                continue; // verified in full above
            }
            // The bar may have risen since the plan: k is the current one.
            let k = top.max_distance(n.max(l), query.min);
            // Shared grams among the scanned ones: at least τ − (unscanned) = prefix − 2k, and at least
            // D(s) − 2k − (unscanned) by the same lemma from the candidate's side.
            let unscanned = distinct - prefix;
            let need_q = prefix.saturating_sub(2 * k);
            let need_s = index
                .distinct(entry)
                .saturating_sub(2 * k)
                .saturating_sub(unscanned);
            if usize::from(count) < need_q.max(need_s).max(1) {
                continue;
            }
            verify(entry, &mut top);
        }
        top.hits
    }
}

/// The exact top hits by brute force: every entry verified (the reference the index must equal).
pub fn brute_force(index: &Index, query: &Query<'_>) -> Vec<Hit> {
    let q: Vec<u32> = query.text.chars().map(u32::from).collect();
    let mut top = TopK {
        top: query.top,
        hits: Vec::new(),
    };
    if q.is_empty() || query.top == 0 {
        return top.hits;
    }
    for entry in index.entries() {
        if index.langs(entry) & query.require != query.require {
            continue;
        }
        let s: Vec<u32> = index.text(entry).chars().map(u32::from).collect();
        let distance = strsim_like(&q, &s);
        let longest = q.len().max(s.len());
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

/// Plain dynamic-programming Levenshtein distance: the trusted reference.
fn strsim_like(a: &[u32], b: &[u32]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = if ca == cb {
                previous
            } else {
                1 + previous.min(row[j]).min(row[j + 1])
            };
            previous = current;
        }
    }
    row[b.len()]
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
                unit: (i as i64 * 7919) % 1000 + i as i64 * 1000,
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
            },
        )
    }

    fn same(index: &Index, query: &Query<'_>) {
        let want = brute_force(index, query);
        let got = Searcher::new(index).search(query);
        let key = |h: &Hit| (h.unit, h.distance, h.longest);
        assert_eq!(
            got.iter().map(key).collect::<Vec<_>>(),
            want.iter().map(key).collect::<Vec<_>>(),
            "query {:?} min {} top {}",
            query.text,
            query.min,
            query.top
        );
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
    fn equals_brute_force_on_real_text_at_every_threshold() {
        let segments = real_segments();
        if segments.is_empty() {
            return;
        }
        let index = build(&segments);
        for (i, query) in segments.iter().step_by(397).enumerate() {
            // Queries: the segment itself, and edited copies of it.
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
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn equals_brute_force_on_random_text(
            texts in proptest::collection::vec("[abcə ӘқاxY]{0,24}", 1..120),
            query in "[abcə ӘқاxY]{0,24}",
            min in 50u32..=100,
            top in 1usize..6,
        ) {
            let texts: Vec<String> = texts.iter().map(|t| super::super::score::prepare(t)).collect();
            let index = build(&texts);
            let query = super::super::score::prepare(&query);
            same(&index, &Query { text: &query, top, min: f64::from(min), require: 0 });
        }
    }
}
