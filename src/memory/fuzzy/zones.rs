//! Zones: the count filter told where in a text a shared bigram lies, roughly.
//!
//! A text's bigram positions are cut in two zones, the first half and the second. For the bigrams
//! shared by most texts, the index keeps, besides "the text has it at least c times", whether the
//! text has it in its first zone and whether in its second.
//!
//! An alignment of cost `d ≤ k` pairs a query bigram at `i` only with an equal text bigram at a `j`
//! with `j − i` in `[⌈(Δ − k)/2⌉, ⌊(Δ + k)/2⌋]` (`Δ` the text's length minus the query's; see
//! [`super::positional`]). So, against texts of one length, each query occurrence of a bigram
//! *reaches* the first zone, the second, both, or neither. If the text has the bigram in one zone
//! only, only the occurrences that reach that zone can be kept, and the count that zone's
//! occurrences may add shrinks accordingly. Random texts share the common bigrams of a language
//! anywhere; a text within `k` shares them where the query has them. At 1M real segments this lets
//! through a fifth of the texts the plain count does.

/// A query occurrence reaches the text's first zone.
pub(crate) const FIRST: u8 = 1;
/// A query occurrence reaches the text's second zone.
pub(crate) const SECOND: u8 = 2;

/// The first bigram position of a text's second zone, for a text of `bigrams` bigrams.
#[inline]
pub(crate) fn split(bigrams: usize) -> usize {
    bigrams.div_ceil(2)
}

/// The zone ([`FIRST`] or [`SECOND`]) of bigram position `position` of a text of `bigrams` bigrams.
#[inline]
pub(crate) fn zone(position: usize, bigrams: usize) -> u8 {
    if position < split(bigrams) {
        FIRST
    } else {
        SECOND
    }
}

/// Where the query's bigrams can pair in texts of one length.
#[derive(Clone, Copy, Debug)]
struct Band {
    /// The lowest and highest diagonal `j − i` a kept bigram can lie on.
    low: i64,
    high: i64,
    /// The text's bigrams, and the first position of its second zone.
    bigrams: i64,
    split: i64,
}

impl Band {
    /// The zones that the query bigram at `i` reaches.
    #[inline]
    fn reach(&self, i: i64) -> u8 {
        let from = (i + self.low).max(0);
        let to = (i + self.high).min(self.bigrams - 1);
        if from > to {
            return 0;
        }
        (if from < self.split { FIRST } else { 0 }) | (if to >= self.split { SECOND } else { 0 })
    }
}

/// The zones each bigram of a query reaches, for every text length of a search's window.
pub(crate) struct Zoning {
    /// The query's bigrams.
    bigrams: usize,
    /// The first length of the window.
    lo: usize,
    /// One band per length of the window.
    bands: Vec<Band>,
}

impl Zoning {
    /// For a query of `n` chars against the lengths `lo..=hi`, where a text of length `l` is within
    /// the bar at distance `max_distance(l)` at most.
    pub(crate) fn new(
        n: usize,
        lo: usize,
        hi: usize,
        max_distance: impl Fn(usize) -> usize,
    ) -> Zoning {
        let bands = (lo..=hi)
            .map(|l| {
                let delta = l as i64 - n as i64;
                let k = max_distance(l) as i64;
                let bigrams = l.saturating_sub(1);
                Band {
                    low: (delta - k).div_euclid(2) + i64::from((delta - k).rem_euclid(2) != 0),
                    high: (delta + k).div_euclid(2),
                    bigrams: bigrams as i64,
                    split: split(bigrams) as i64,
                }
            })
            .collect();
        Zoning {
            bigrams: n.saturating_sub(1),
            lo,
            bands,
        }
    }

    /// Into `out`, per query bigram, the zones it reaches in a text of any length in `from..=to`
    /// (lengths outside the window are clamped to it).
    pub(crate) fn reaches(&self, from: usize, to: usize, out: &mut Vec<u8>) {
        out.clear();
        out.resize(self.bigrams, 0);
        let last = self.bands.len().saturating_sub(1);
        let from = from.saturating_sub(self.lo).min(last);
        let to = to.saturating_sub(self.lo).min(last);
        for band in self.bands.get(from..=to).unwrap_or(&[]) {
            for (i, reach) in out.iter_mut().enumerate() {
                *reach |= band.reach(i as i64);
            }
        }
    }
}

/// A query bigram's occurrences by the zones they reach (those that reach neither do not count).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub(crate) first_only: u32,
    pub(crate) second_only: u32,
    pub(crate) both: u32,
}

impl Tally {
    /// Counts one occurrence that reaches `reach`.
    #[inline]
    pub(crate) fn add(&mut self, reach: u8) {
        match reach {
            FIRST => self.first_only += 1,
            SECOND => self.second_only += 1,
            0 => {}
            _ => self.both += 1,
        }
    }

    /// The occurrences that reach some zone.
    pub(crate) fn total(&self) -> u32 {
        self.first_only + self.second_only + self.both
    }
}

/// One bit of evidence about a text, for a bigram with `s` occurrences in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Indicator {
    /// `s ≥ c`.
    Level(u32),
    /// `s ≥ c` and the text has the bigram in zone `z` ([`FIRST`] or [`SECOND`]).
    Zone(u32, u8),
    /// `s ≥ c` and the text has the bigram in both zones.
    Both(u32),
}

/// The indicators whose sum, for any text, bounds the occurrences of one bigram an alignment within
/// the bar can keep, given the query's occurrences by reach: one per level `c` from 1 to the
/// occurrences that reach a zone.
///
/// Kept occurrences are at most `min(q, s)`; and if the text has the bigram in one zone only, at
/// most the occurrences that reach that zone. With `r₁`, `r₂` the occurrences reaching the first and
/// second zone, level `c` counts when `s ≥ c` and: the text has it in both zones, or in the first
/// and `c ≤ r₁`, or in the second and `c ≤ r₂`. Up to `min(r₁, r₂)` that is `s ≥ c` alone; up to
/// `max(r₁, r₂)` it needs the bigram in the zone of the larger reach; above, in both.
pub(crate) fn indicators(tally: Tally) -> impl Iterator<Item = Indicator> {
    let reach_first = tally.first_only + tally.both;
    let reach_second = tally.second_only + tally.both;
    let (fewer, more) = (reach_first.min(reach_second), reach_first.max(reach_second));
    let wider = if reach_first >= reach_second {
        FIRST
    } else {
        SECOND
    };
    (1..=tally.total()).map(move |c| {
        if c <= fewer {
            Indicator::Level(c)
        } else if c <= more {
            Indicator::Zone(c, wider)
        } else {
            Indicator::Both(c)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The most occurrences of a bigram an alignment can keep, with the text's occurrences by zone
    /// and the query's by reach: a bipartite matching, where occurrences that reach both zones
    /// take what the others leave.
    fn most_kept(tally: Tally, in_first: u32, in_second: u32) -> u32 {
        let first = tally.first_only.min(in_first);
        let second = tally.second_only.min(in_second);
        first + second + tally.both.min(in_first - first + in_second - second)
    }

    fn holds(indicator: Indicator, in_first: u32, in_second: u32) -> bool {
        let s = in_first + in_second;
        let has = |z: u8| {
            if z == FIRST {
                in_first > 0
            } else {
                in_second > 0
            }
        };
        match indicator {
            Indicator::Level(c) => s >= c,
            Indicator::Zone(c, z) => s >= c && has(z),
            Indicator::Both(c) => s >= c && in_first > 0 && in_second > 0,
        }
    }

    proptest! {
        /// The indicators never count fewer occurrences than an alignment can keep, and never more
        /// than the plain count `min(q, s)`.
        #[test]
        fn indicators_bound_what_an_alignment_keeps(
            first_only in 0u32..5, second_only in 0u32..5, both in 0u32..5,
            in_first in 0u32..6, in_second in 0u32..6,
        ) {
            let tally = Tally { first_only, second_only, both };
            let counted = indicators(tally).filter(|&i| holds(i, in_first, in_second)).count() as u32;
            prop_assert!(counted >= most_kept(tally, in_first, in_second));
            prop_assert!(counted <= tally.total().min(in_first + in_second));
        }
    }

    #[test]
    fn a_text_with_the_bigram_in_the_other_zone_only_counts_nothing() {
        let tally = Tally {
            first_only: 2,
            ..Tally::default()
        };
        let got: Vec<Indicator> = indicators(tally).collect();
        assert_eq!(got, [Indicator::Zone(1, FIRST), Indicator::Zone(2, FIRST)]);
        assert_eq!(
            got.iter().filter(|&&i| holds(i, 0, 3)).count(),
            0,
            "three in the second zone, none kept"
        );
        assert_eq!(got.iter().filter(|&&i| holds(i, 1, 3)).count(), 2);
    }

    #[test]
    fn reach_follows_the_diagonal_band() {
        // A query of 41 chars (40 bigrams) against texts of 41 chars at k = 12: diagonals −6..=6,
        // the text's second zone starts at bigram 20.
        let zoning = Zoning::new(41, 41, 41, |_| 12);
        let mut reach = Vec::new();
        zoning.reaches(41, 41, &mut reach);
        assert_eq!(reach.len(), 40);
        assert_eq!(reach[0], FIRST); // 0 + 6 < 20
        assert_eq!(reach[13], FIRST); // 13 + 6 = 19
        assert_eq!(reach[14], FIRST | SECOND);
        assert_eq!(reach[25], FIRST | SECOND); // 25 − 6 = 19
        assert_eq!(reach[26], SECOND);
        assert_eq!(reach[39], SECOND);
        // A longer text (60 chars, Δ = 19, k = 18): diagonals 1..=18, second zone from 30.
        let zoning = Zoning::new(41, 41, 60, |l| l * 3 / 10);
        zoning.reaches(60, 60, &mut reach);
        assert_eq!(reach[11], FIRST); // 11 + 18 = 29
        assert_eq!(reach[12], FIRST | SECOND);
        assert_eq!(reach[29], SECOND); // 29 + 1 = 30
        // Over both lengths, the union.
        zoning.reaches(41, 60, &mut reach);
        assert_eq!(reach[12], FIRST | SECOND);
        assert_eq!(reach[0], FIRST);
        assert_eq!(reach[39], SECOND);
    }

    #[test]
    fn a_bigram_past_the_texts_end_reaches_nothing() {
        // 30 chars of query against texts of 10 chars (9 bigrams) at k = 19: diagonals −19..=0,
        // so the bigram at 28 needs a text position of at least 28 − 19 = 9, past the last.
        let zoning = Zoning::new(30, 10, 10, |_| 19);
        let mut reach = Vec::new();
        zoning.reaches(10, 10, &mut reach);
        assert_eq!(reach[28], 0);
        assert_eq!(reach[0], 0); // diagonals up to −1 only
        assert_eq!(reach[20], FIRST | SECOND); // text positions 1..=8 (9 bigrams − 1)
    }

    #[test]
    fn zones_split_a_text_in_halves() {
        assert_eq!(split(9), 5);
        assert_eq!(zone(4, 9), FIRST);
        assert_eq!(zone(5, 9), SECOND);
        assert_eq!(zone(0, 1), FIRST);
    }
}
