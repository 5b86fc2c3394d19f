//! The positional bigram filter: a sharper test than the count filter, cheap enough to run on every
//! candidate before its Levenshtein distance.
//!
//! An alignment of cost `d ≤ k` of a query (`n` chars) with a text (`l` chars, `Δ = l − n`) keeps at
//! least `max(n, l) − 1 − 2d` bigrams intact (the count lemma), and each kept bigram pairs a query
//! bigram at `i` with an equal text bigram at `j` on the alignment's path. Every cell of that path
//! lies on a diagonal `j − i` in `[⌈(Δ − k)/2⌉, ⌊(Δ + k)/2⌋]`: it takes `|j − i|` edits to reach the
//! diagonal and `|Δ − (j − i)|` more to reach the last cell. So a text within `k` has at least
//! `max(n, l) − 1 − 2k` bigrams each equal to a query bigram at a position on one of those `k + 1`
//! diagonals from it. Where the count filter counts a shared bigram anywhere in the text, this one
//! counts it only near its place in the query, which rejects most of the count filter's candidates.
//!
//! Each query bigram has a row of the text positions where it counts (its query positions, widened
//! by the band). The band depends on the text's length, and candidates come sorted by length, so the
//! rows are widened again only when the band moves. An ASCII text's bigram is its two bytes, looked up
//! in a table of the query's ASCII bigrams; another text is first mapped to the query's char slots.
//! Either way each text bigram costs two lookups and a bit test.
//!
//! The bigrams at even text positions are counted first, then the odd ones. An edit breaks at
//! most one bigram at an even position (a changed or inserted char breaks the two bigrams it is
//! in, one even and one odd; a deleted one the bigram it came between), and likewise one at an odd
//! position. So each half of a text within `k` keeps all but `k` of its own bigrams, and most texts
//! fail already on the even half, at half the reads.

use std::collections::HashMap;

use super::index::Utf8Chars;

/// Queries longer than this (in chars) are not screened: their rows would take too much memory, and
/// verifying is exact anyway.
const MAX_QUERY: usize = 1024;
/// Bands wider than this are not screened (the text is admitted).
const MAX_BAND: i64 = 128;
/// Chars below this have a direct slot; Latin, Cyrillic and Arabic all do.
const DIRECT: usize = 0x800;
/// Up to this many slots (distinct query chars, plus one for "not in the query") the slot pairs
/// have a direct table, indexed by `a << 7 | b`.
const DENSE: usize = 128;
/// Text positions per row (the bits of a [`Row`]), and bigrams counted between two looks at whether
/// the outcome is settled.
const STRIDE: usize = 16;
/// The positions of one stride of text where a bigram id counts, one bit each.
type Row = u16;
/// Room for the bigram ids of a query of [`MAX_QUERY`] chars in each stride's rows, so that an id
/// indexes them without a bounds check.
const ROW_IDS: usize = MAX_QUERY;

/// A query prepared for screening texts.
pub(crate) struct Positional {
    /// The query's bigrams (one less than its chars).
    bigrams: usize,
    /// Bigram ids, including id 0 (a pair that is not a query bigram).
    ids: usize,
    /// Strides of text positions per id: enough for every text a band of [`MAX_BAND`] allows.
    strides: usize,
    /// The slot of each char below [`DIRECT`] (0: not in the query).
    slots: Box<[u16; DIRECT]>,
    /// The slots of other chars of the query.
    other: HashMap<u32, u16>,
    /// Slots in use, including slot 0.
    width: usize,
    /// The bigram id of each pair of bytes `a | b << 8` (0: not a bigram of the query), so that an
    /// ASCII text's pair, read as one little-endian `u16`, is its own index.
    ascii: Box<[u16; 1 << 16]>,
    /// The bigram id of each slot pair at `a << 7 | b` (0: not a bigram of the query), when `width`
    /// is at most [`DENSE`]; else `sparse` holds them.
    dense: Option<Box<[u16; DENSE * DENSE]>>,
    sparse: HashMap<(u16, u16), u16>,
    /// The query positions of each bigram id (id 0 has none).
    positions: Vec<Vec<usize>>,
    /// The band `rows` are widened for.
    band: Option<(i64, i64)>,
    /// For each stride of text positions, [`ROW_IDS`] rows, one per bigram id: the positions of
    /// that stride where a text bigram equal to it counts under `band`. A row holds one stride, so
    /// a bigram's bit is at a constant place in the unrolled stride.
    rows: Vec<Row>,
    /// The slots of the text being screened.
    text: Vec<u16>,
    /// Whether the screen runs its compilation for the wider instructions.
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    wide: bool,
}

impl Positional {
    /// Prepares `query`; `None` when it is too long to screen. `wide`: run the compilation for the
    /// wider instructions, taken only where [`super::cpu::has_wide`] says the processor has them
    /// (checked here, so that the call into it stays sound whatever the caller passes).
    pub(crate) fn new(query: &[u32], wide: bool) -> Option<Positional> {
        if query.len() > MAX_QUERY {
            return None;
        }
        let bigrams = query.len().saturating_sub(1);
        let mut screen = Positional {
            bigrams,
            ids: 1,
            strides: (bigrams + MAX_BAND as usize).div_ceil(STRIDE) + 4,
            slots: Box::new([0; DIRECT]),
            ascii: Box::new([0; 1 << 16]),
            other: HashMap::new(),
            width: 1,
            dense: None,
            sparse: HashMap::new(),
            positions: vec![Vec::new()],
            band: None,
            rows: Vec::new(),
            text: Vec::new(),
            wide: wide && super::cpu::has_wide(),
        };
        let query_slots: Vec<u16> = query.iter().map(|&c| screen.slot_or_new(c)).collect();
        let mut ids: HashMap<(u16, u16), u16> = HashMap::new();
        let mut query_ids = Vec::with_capacity(bigrams);
        for (i, pair) in query_slots.windows(2).enumerate() {
            let next = screen.positions.len() as u16;
            let id = *ids.entry((pair[0], pair[1])).or_insert(next);
            if id == next {
                screen.positions.push(Vec::new());
            }
            screen.positions[usize::from(id)].push(i);
            query_ids.push(id);
        }
        screen.ids = screen.positions.len();
        for (pair, &id) in query.windows(2).zip(&query_ids) {
            if pair[0] < 128 && pair[1] < 128 {
                screen.ascii[(pair[0] | pair[1] << 8) as usize] = id;
            }
        }
        if screen.width <= DENSE {
            let mut dense = Box::new([0; DENSE * DENSE]);
            for (&(a, b), &id) in &ids {
                dense[usize::from(a) << 7 | usize::from(b)] = id;
            }
            screen.dense = Some(dense);
        } else {
            screen.sparse = ids;
        }
        screen.rows = vec![0; screen.strides * ROW_IDS];
        Some(screen)
    }

    fn slot_or_new(&mut self, c: u32) -> u16 {
        let slot = self.slot(c);
        if slot != 0 {
            return slot;
        }
        // At most MAX_QUERY distinct chars, so a slot fits.
        let slot = self.width as u16;
        self.width += 1;
        match self.slots.get_mut(c as usize) {
            Some(direct) => *direct = slot,
            None => {
                self.other.insert(c, slot);
            }
        }
        slot
    }

    #[inline]
    fn slot(&self, c: u32) -> u16 {
        match self.slots.get(c as usize) {
            Some(&slot) => slot,
            None => self.other.get(&c).copied().unwrap_or(0),
        }
    }

    /// Maps `bytes` (UTF-8) to the query's char slots, into `self.text`.
    fn map_text(&mut self, bytes: &[u8]) {
        let mut text = std::mem::take(&mut self.text);
        text.clear();
        let mut rest = bytes;
        while !rest.is_empty() {
            if let Some((eight, tail)) = rest.split_first_chunk::<8>()
                && u64::from_ne_bytes(*eight) & 0x8080_8080_8080_8080 == 0
            {
                text.extend(eight.iter().map(|&b| self.slots[usize::from(b)]));
                rest = tail;
                continue;
            }
            let mut chars = Utf8Chars::new(rest);
            if let Some(c) = chars.next() {
                text.push(self.slot(c));
            }
            rest = chars.as_bytes();
        }
        self.text = text;
    }

    /// Widens the rows for the band of diagonals `lowest..=highest`: query position `i` counts at
    /// text positions `i + lowest ..= i + highest`.
    fn widen(&mut self, lowest: i64, highest: i64) {
        if self.band == Some((lowest, highest)) {
            return;
        }
        self.band = Some((lowest, highest));
        for stride in self.rows.chunks_mut(ROW_IDS) {
            stride[..self.ids].fill(0);
        }
        let last = (self.strides * STRIDE - 1) as i64;
        for (id, positions) in self.positions.iter().enumerate() {
            for &i in positions {
                let (from, to) = ((i as i64 + lowest).max(0), (i as i64 + highest).min(last));
                if from > to {
                    continue;
                }
                let (from, to) = (from as usize, to as usize);
                for stride in from / STRIDE..=to / STRIDE {
                    let low = if stride == from / STRIDE {
                        from % STRIDE
                    } else {
                        0
                    };
                    let high = if stride == to / STRIDE {
                        to % STRIDE
                    } else {
                        STRIDE - 1
                    };
                    self.rows[stride * ROW_IDS + id] |= (!0 >> (STRIDE - 1 - (high - low))) << low;
                }
            }
        }
    }

    /// Whether `text` (UTF-8, `text_len` chars) can be within `cutoff` edits of the query: whether at
    /// least `need` (the count filter's threshold, `max(n, l) − 1 − 2·cutoff`) of its bigrams equal
    /// a query bigram inside the band of diagonals a path within `cutoff` keeps to. A band wider
    /// than [`MAX_BAND`] diagonals is not screened (the text is admitted).
    #[inline(never)] // inlined into the search, its counters spill to the stack
    pub(crate) fn admits(
        &mut self,
        text: &[u8],
        text_len: usize,
        cutoff: usize,
        need: i64,
    ) -> bool {
        #[cfg(target_arch = "x86_64")]
        if self.wide {
            // SAFETY: `wide` is set only when the processor has the features `admits_wide` is
            // compiled for (`cpu::has_wide`).
            #[allow(unsafe_code)]
            return unsafe { self.admits_wide(text, text_len, cutoff, need) };
        }
        self.admits_body(text, text_len, cutoff, need)
    }

    /// [`Positional::admits`] compiled for the wider instructions (see [`super::cpu`]).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,bmi1,bmi2,lzcnt,popcnt")]
    fn admits_wide(&mut self, text: &[u8], text_len: usize, cutoff: usize, need: i64) -> bool {
        self.admits_body(text, text_len, cutoff, need)
    }

    #[inline(always)]
    fn admits_body(&mut self, text: &[u8], text_len: usize, cutoff: usize, need: i64) -> bool {
        if need <= 0 {
            return true;
        }
        let delta = text_len as i64 - (self.bigrams as i64 + 1);
        let k = cutoff as i64;
        // The band of diagonals j − i, rounded inwards.
        let lowest = -((k - delta).div_euclid(2));
        let highest = (delta + k).div_euclid(2);
        if highest < lowest {
            return false; // no path within the cut-off
        }
        if highest - lowest >= MAX_BAND || text_len > self.strides * STRIDE {
            return true;
        }
        let bigrams = text_len.saturating_sub(1);
        // UTF-8 takes two bytes or more for every char past ASCII, so a text as long in bytes as in
        // chars is ASCII, and no byte of it needs looking at to know.
        if text.len() == text_len {
            // The common case, without mapping the text first: a byte is a char.
            self.widen(lowest, highest);
            let pairs = AsciiPairs {
                text,
                ids: &self.ascii,
            };
            return self.halves_reach(&pairs, bigrams, k, need);
        }
        self.map_text(text);
        if self.text.len() != text_len {
            return true; // a damaged index: let the distance decide
        }
        self.widen(lowest, highest);
        let slots = &self.text;
        match &self.dense {
            Some(dense) => {
                let pairs = SlotPairs {
                    bigrams,
                    id: |j: usize| {
                        let (a, b) = (usize::from(slots[j]), usize::from(slots[j + 1]));
                        usize::from(dense[(a << 7 | b) & (DENSE * DENSE - 1)])
                    },
                };
                self.halves_reach(&pairs, bigrams, k, need)
            }
            None => {
                let sparse = &self.sparse;
                let pairs = SlotPairs {
                    bigrams,
                    id: |j: usize| {
                        let pair = (slots[j], slots[j + 1]);
                        usize::from(sparse.get(&pair).copied().unwrap_or(0))
                    },
                };
                self.halves_reach(&pairs, bigrams, k, need)
            }
        }
    }

    /// Whether enough of a text's `bigrams` count under the widened rows, each half of its
    /// positions (even, then odd) taken in turn. An edit breaks at most one bigram at an even
    /// position and one at an odd one, so each half of a text within `cutoff` keeps all but
    /// `cutoff` of its own, and together the halves must keep `need`. The odd half is read only
    /// when the even one passes, against what the even one left to reach.
    #[inline(always)]
    fn halves_reach(&self, pairs: &impl TextPairs, bigrams: usize, cutoff: i64, need: i64) -> bool {
        let (even, odd) = (bigrams.div_ceil(2) as i64, (bigrams / 2) as i64);
        let even_need = (even - cutoff).max(need - odd);
        let Some(even_paired) = self.half_reaches::<0>(pairs, bigrams, even_need) else {
            return false;
        };
        let odd_need = (odd - cutoff).max(need - even_paired);
        self.half_reaches::<1>(pairs, bigrams, odd_need).is_some()
    }

    /// How many of a text's `bigrams` at positions of `PARITY` count, or `None` once fewer than
    /// `need` can.
    #[inline(always)]
    fn half_reaches<const PARITY: usize>(
        &self,
        pairs: &impl TextPairs,
        bigrams: usize,
        need: i64,
    ) -> Option<i64> {
        // The positions of `PARITY` in `from..bigrams`.
        let left = |from: usize| ((bigrams + 1 - PARITY).saturating_sub(from) / 2) as i64;
        if left(0) < need {
            return None;
        }
        let mut paired = 0i64;
        let mut at = 0;
        while at < bigrams {
            let Some(rows) = self.rows[at / STRIDE * ROW_IDS..].first_chunk::<ROW_IDS>() else {
                return Some(i64::MAX / 4); // cannot happen: the rows cover every text screened
            };
            paired += pairs.stride::<PARITY>(rows, at);
            at += STRIDE;
            if paired + left(at) < need {
                return None;
            }
        }
        Some(paired)
    }
}

/// The bigrams of a text being screened.
trait TextPairs {
    /// How many of the bigrams at positions of `PARITY` in `at..at + STRIDE` (cut at the text's
    /// end) count, `rows` being the rows of that stride.
    fn stride<const PARITY: usize>(&self, rows: &[Row; ROW_IDS], at: usize) -> i64;
}

/// An ASCII text: its bigrams are its byte pairs, looked up in the query's table.
struct AsciiPairs<'a> {
    text: &'a [u8],
    ids: &'a [u16; 1 << 16],
}

impl AsciiPairs<'_> {
    #[inline(always)]
    fn id(&self, pair: [u8; 2]) -> usize {
        usize::from(self.ids[usize::from(u16::from_le_bytes(pair))])
    }
}

impl TextPairs for AsciiPairs<'_> {
    /// A whole stride is read at once, unrolled, each bigram at a constant offset.
    #[inline(always)]
    fn stride<const PARITY: usize>(&self, rows: &[Row; ROW_IDS], at: usize) -> i64 {
        match self.text[at..].first_chunk::<{ STRIDE + 1 }>() {
            Some(chunk) => (PARITY..STRIDE)
                .step_by(2)
                .map(|t| counts(rows, self.id([chunk[t], chunk[t + 1]]), t))
                .sum(),
            None => (at + PARITY..self.text.len().saturating_sub(1))
                .step_by(2)
                .map(|j| counts(rows, self.id([self.text[j], self.text[j + 1]]), j - at))
                .sum(),
        }
    }
}

/// A text mapped to the query's char slots, its bigram ids given by position.
struct SlotPairs<F> {
    bigrams: usize,
    id: F,
}

impl<F: Fn(usize) -> usize> TextPairs for SlotPairs<F> {
    #[inline(always)]
    fn stride<const PARITY: usize>(&self, rows: &[Row; ROW_IDS], at: usize) -> i64 {
        (at + PARITY..(at + STRIDE).min(self.bigrams))
            .step_by(2)
            .map(|j| counts(rows, (self.id)(j), j - at))
            .sum()
    }
}

/// 1 when the bigram `id` counts at place `t` of the stride `rows` belong to, else 0.
#[inline(always)]
fn counts(rows: &[Row; ROW_IDS], id: usize, t: usize) -> i64 {
    ((rows[id & (ROW_IDS - 1)] >> t) & 1) as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::fuzzy::myers::levenshtein_dp;
    use proptest::prelude::*;

    fn chars(s: &str) -> Vec<u32> {
        s.chars().map(u32::from).collect()
    }

    /// The count filter's threshold for `cutoff`.
    fn need(q: &[u32], s: &[u32], cutoff: usize) -> i64 {
        q.len().max(s.len()) as i64 - 1 - 2 * cutoff as i64
    }

    fn admits(query: &str, text: &str, cutoff: usize) -> bool {
        screen_admits(&chars(query), text, cutoff)
    }

    /// What the screen says of `text`, the same in both compilations (baseline and wide).
    fn screen_admits(q: &[u32], text: &str, cutoff: usize) -> bool {
        let s = chars(text);
        let [narrow, wide] = [false, true].map(|wide| {
            let mut screen = Positional::new(q, wide).expect("short query");
            screen.admits(text.as_bytes(), s.len(), cutoff, need(q, &s, cutoff))
        });
        assert_eq!(narrow, wide, "the two compilations disagree on {text:?}");
        narrow
    }

    #[test]
    fn a_text_with_the_query_bigrams_out_of_place_is_rejected() {
        // Both share every bigram of "one two", but two words swapped move them off the band.
        let query = "one two three four";
        let swapped = "four three two one";
        assert!(!admits(query, swapped, 3));
        assert!(admits(query, "one two three fours", 3));
    }

    #[test]
    fn texts_within_the_cutoff_pass_in_all_four_scripts() {
        for (query, text) in [
            (
                "Director-General Salim AlMalik",
                "Director General Salim Al-Malik",
            ),
            (
                "Türk Mədəniyyəti və İrsi Fondu",
                "Türk Mədəniyyət və İrs Fondu",
            ),
            (
                "Түркі мәдениеті мен мұрасы қоры",
                "Түркі мәдениет және мұра қоры",
            ),
            ("المدير العام سالم المالك", "المدير العام لسالم بن المالك"),
        ] {
            let (q, s) = (chars(query), chars(text));
            let distance = levenshtein_dp(&q, &s);
            assert!(admits(query, text, distance), "{query} / {text}");
        }
    }

    #[test]
    fn one_substitution_passes_with_the_tightest_cutoff() {
        // With the cut-off at the distance (1), the text must show every bigram the substitution
        // leaves, each at its own place: the band is the main diagonal alone.
        for query in [
            "Director-General of ICESCO Salim AlMalik received the delegation of the Foundation",
            "Түркі мәдениеті мен мұрасы қорының президенті Ақтоты Райымқұлова делегацияны қабылдады",
        ] {
            let mut text: Vec<char> = query.chars().collect();
            for at in [3, 17, 40, text.len() - 2] {
                let original = text[at];
                text[at] = '#';
                let changed: String = text.iter().collect();
                assert!(admits(query, &changed, 1), "{changed}");
                assert!(!admits(query, &changed, 0), "{changed}");
                text[at] = original;
            }
        }
    }

    #[test]
    fn a_half_of_the_text_that_lost_too_many_bigrams_rejects_it() {
        // Changing both ends breaks two bigrams, both at even positions (0 and 6): five of seven
        // remain, the count lemma's five for one edit, but the even half keeps two of its four
        // where one edit leaves at least three.
        for (query, text) in [("abcdefgh", "xbcdefgy"), ("абвгдеёж", "хбвгдеёз")] {
            assert!(!admits(query, text, 1), "{text}");
            assert!(admits(query, text, 2), "{text}");
        }
    }

    #[test]
    fn a_text_takes_the_ascii_path_exactly_when_it_is_ascii() {
        // The screen reads a text as byte pairs when its bytes are as many as its chars.
        for text in ["", "Director-General", "AlMalik"] {
            assert_eq!(text.len(), text.chars().count(), "{text}");
        }
        for text in [
            "Mədəniyyət fondu",
            "sixteen bytes, ə",
            "abcdefgh ж",
            "тәржіман",
            "ترجمان",
        ] {
            assert_ne!(text.len(), text.chars().count(), "{text}");
        }
        // And a non-ASCII text screened as byte pairs would pair wrongly: the mapped path keeps
        // a one-edit Kazakh and Arabic text within one edit.
        for (query, text) in [("тәржіман", "тәржиман"), ("ترجمان", "ترجمن")]
        {
            assert!(admits(query, text, 1), "{text}");
        }
    }

    #[test]
    fn a_query_too_long_to_screen_is_not_prepared() {
        assert!(Positional::new(&vec![u32::from('a'); MAX_QUERY + 1], true).is_none());
        assert!(Positional::new(&vec![u32::from('a'); MAX_QUERY], true).is_some());
    }

    #[test]
    fn many_distinct_chars_use_the_sparse_table() {
        let query: String = (0x4E00u32..0x4E00 + 300)
            .filter_map(char::from_u32)
            .collect();
        let mut text = query.clone();
        text.insert(150, 'x');
        let screen = Positional::new(&chars(&query), true).expect("short query");
        assert!(screen.dense.is_none());
        assert!(admits(&query, &text, 1));
        assert!(!admits(&query, &query.chars().rev().collect::<String>(), 1));
    }

    proptest! {
        /// Never rejects a text within the cut-off: the filter may only prune what the distance
        /// would reject too. ASCII texts take the path that reads bytes as chars, others map them
        /// first.
        #[test]
        fn never_rejects_a_text_within_the_cutoff(
            query in "[abc ]{0,90}",
            text in "[abc ]{0,90}|[abəж ]{0,90}",
            slack in 0usize..3,
        ) {
            let (q, s) = (chars(&query), chars(&text));
            let cutoff = levenshtein_dp(&q, &s) + slack;
            prop_assert!(screen_admits(&q, &text, cutoff));
        }

        /// The same for queries beyond one word of positions, outside ASCII.
        #[test]
        fn never_rejects_a_long_text_within_the_cutoff(
            query in "[aəж ]{60,200}",
            edits in proptest::collection::vec((0usize..200, "[aəжx ]"), 0..40),
        ) {
            let mut text: Vec<char> = query.chars().collect();
            for (at, c) in edits {
                let at = at % (text.len() + 1);
                match at % 3 {
                    0 if at < text.len() => { text.remove(at); }
                    1 if at < text.len() => text[at] = c.chars().next().unwrap_or('x'),
                    _ => text.insert(at, c.chars().next().unwrap_or('x')),
                }
            }
            let text: String = text.into_iter().collect();
            let (q, s) = (chars(&query), chars(&text));
            let cutoff = levenshtein_dp(&q, &s);
            prop_assert!(screen_admits(&q, &text, cutoff));
        }
    }
}
