//! What the count stage sums for a block of entries: for each query bigram with bitmaps, one term
//! per [`Indicator`] (see [`super::zones`]), each term one bitmap or two or three combined.

use super::count::{BLOCK, Lanes};
use super::index::{GramInfo, Index, bitmap_block, block_lanes, prefetch_word};
use super::zones::{FIRST, Indicator, SECOND, Tally, indicators};

/// Bytes in one block of a bitmap.
const BLOCK_BYTES: usize = BLOCK * 8;

/// The bitmaps of a query's keys, each cut into whole blocks from the window's first word on, so
/// that reading a block is one bounds check and one load; only a last, partial block takes the
/// slow read.
pub(crate) struct Sources<'a> {
    bitmaps: Vec<&'a [u8]>,
    blocks: Vec<&'a [[u8; BLOCK_BYTES]]>,
    /// The first source of each planned key with bitmaps: a plain key has its levels from there,
    /// a zoned one its first zone, its second zone, then its levels from 2 on.
    first: Vec<u32>,
}

impl<'a> Sources<'a> {
    /// The bitmaps of `planned` (keys and their occurrences in the query) in `index`, from word
    /// `first_word` on.
    pub(crate) fn new(index: &'a Index, planned: &[(GramInfo, u32)], first_word: usize) -> Self {
        let mut bitmaps = Vec::new();
        let mut first = Vec::with_capacity(planned.len());
        for (info, c) in planned {
            first.push(bitmaps.len() as u32);
            if info.levels == 0 {
                continue;
            }
            if info.zoned {
                bitmaps.push(index.zone_bitmap(info, FIRST));
                bitmaps.push(index.zone_bitmap(info, SECOND));
            }
            // No term reads a level above the query's own count.
            for level in (1 + u32::from(info.zoned))..=info.levels.min(*c) {
                bitmaps.push(index.bitmap(info, level));
            }
        }
        let blocks = bitmaps
            .iter()
            .map(|bitmap| bitmap.get(first_word * 8..).unwrap_or(&[]).as_chunks().0)
            .collect();
        Sources {
            bitmaps,
            blocks,
            first,
        }
    }

    /// Block `at` of source `source`, which starts at bitmap word `word`.
    #[inline(always)]
    fn block(&self, source: u32, at: usize, word: usize) -> Lanes {
        let source = source as usize;
        match self.blocks[source].get(at) {
            Some(whole) => block_lanes(whole),
            None => bitmap_block(self.bitmaps[source], word),
        }
    }
}

/// The terms of one plan, by how they combine their bitmaps.
#[derive(Default)]
pub(crate) struct Terms {
    single: Vec<u32>,
    /// `a | b`: a zoned key in either zone (its first level).
    either: Vec<[u32; 2]>,
    /// `a & b`.
    both: Vec<[u32; 2]>,
    /// `a & b & c`.
    all: Vec<[u32; 3]>,
    /// Every source a term reads, for prefetching, and whether each source is among them.
    read: Vec<u32>,
    is_read: Vec<bool>,
    tallies: Vec<Tally>,
}

impl Terms {
    /// Plans the terms for `planned` (with `sources`). With `reach`, the zones each query bigram
    /// reaches (`occurrences[i]` is the planned key of query bigram `i`, or `u32::MAX`); without,
    /// every occurrence counts anywhere, as in the plain count filter.
    pub(crate) fn plan(
        &mut self,
        planned: &[(GramInfo, u32)],
        sources: &Sources<'_>,
        occurrences: &[u32],
        reach: Option<&[u8]>,
    ) {
        self.single.clear();
        self.either.clear();
        self.both.clear();
        self.all.clear();
        self.read.clear();
        self.tallies.clear();
        match reach {
            Some(reach) => {
                self.tallies.resize(planned.len(), Tally::default());
                for (&key, &reach) in occurrences.iter().zip(reach) {
                    if let Some(tally) = self.tallies.get_mut(key as usize) {
                        tally.add(reach);
                    }
                }
            }
            None => self.tallies.extend(planned.iter().map(|&(_, c)| Tally {
                both: c,
                ..Tally::default()
            })),
        }
        for ((info, _), (&tally, &first)) in
            planned.iter().zip(self.tallies.iter().zip(&sources.first))
        {
            if info.levels == 0 {
                continue;
            }
            // A plain key only knows how often a text has it, not where.
            let tally = match info.zoned {
                true => tally,
                false => Tally {
                    both: tally.total(),
                    ..Tally::default()
                },
            };
            let level = |c: u32| first + c - u32::from(!info.zoned);
            let zone = |z: u8| first + u32::from(z == SECOND);
            let (first_zone, second_zone) = (zone(FIRST), zone(SECOND));
            for indicator in indicators(tally).take(info.levels as usize) {
                match indicator {
                    Indicator::Level(1) if info.zoned => {
                        self.either.push([first_zone, second_zone])
                    }
                    Indicator::Level(c) => self.single.push(level(c)),
                    Indicator::Zone(1, z) => self.single.push(zone(z)),
                    Indicator::Zone(c, z) => self.both.push([level(c), zone(z)]),
                    Indicator::Both(1) => self.both.push([first_zone, second_zone]),
                    Indicator::Both(c) => self.all.push([level(c), first_zone, second_zone]),
                }
            }
        }
        self.is_read.clear();
        self.is_read.resize(sources.bitmaps.len(), false);
        let read = (self.single.iter())
            .chain(self.either.iter().flatten())
            .chain(self.both.iter().flatten())
            .chain(self.all.iter().flatten());
        for &source in read {
            if !std::mem::replace(&mut self.is_read[source as usize], true) {
                self.read.push(source);
            }
        }
    }

    /// The number of terms.
    pub(crate) fn len(&self) -> usize {
        self.single.len() + self.either.len() + self.both.len() + self.all.len()
    }

    /// Block `at` (starting at bitmap word `word`) of every term, into `out` (at least
    /// [`Terms::len`] long). Loads only, so that the processor has many in flight at once.
    #[inline(always)]
    pub(crate) fn stage(&self, sources: &Sources<'_>, at: usize, word: usize, out: &mut [Lanes]) {
        let load = |source: u32| sources.block(source, at, word);
        // Each list first in its zip, so that its end does not take a slot of `out`.
        let mut out = out.iter_mut();
        for (&a, lanes) in self.single.iter().zip(out.by_ref()) {
            *lanes = load(a);
        }
        for (&[a, b], lanes) in self.either.iter().zip(out.by_ref()) {
            let (a, b) = (load(a), load(b));
            *lanes = std::array::from_fn(|w| a[w] | b[w]);
        }
        for (&[a, b], lanes) in self.both.iter().zip(out.by_ref()) {
            let (a, b) = (load(a), load(b));
            *lanes = std::array::from_fn(|w| a[w] & b[w]);
        }
        for (&[a, b, c], lanes) in self.all.iter().zip(out) {
            let (a, b, c) = (load(a), load(b), load(c));
            *lanes = std::array::from_fn(|w| a[w] & b[w] & c[w]);
        }
    }

    /// Asks for word `word` of half of the sources the terms read: the first half, or the second.
    #[inline]
    pub(crate) fn prefetch(&self, sources: &Sources<'_>, second_half: bool, word: usize) {
        let half = self.read.len() / 2;
        let ours = match second_half {
            false => &self.read[..half],
            true => &self.read[half..],
        };
        for &source in ours {
            prefetch_word(sources.bitmaps[source as usize], word);
        }
    }

    /// Bitmap words a block of [`BLOCK`] words reads.
    pub(crate) fn loads(&self) -> usize {
        self.single.len() + 2 * (self.either.len() + self.both.len()) + 3 * self.all.len()
    }
}
