//! Bit-parallel Levenshtein distance (Myers 1999, in Hyyrö's formulation) of one pattern against
//! many texts, with no allocation per text and an early exit once the distance is sure to exceed the
//! cut-off. The pattern's match vectors are built once per query. Patterns of up to 64 chars fit
//! one machine word and keep the whole column state in registers. A longer pattern is compared
//! inside a diagonal band of 64 or 128 cells whenever the cut-off allows (one word per text char,
//! however long the pattern; a `u128`'s add-with-carry the compiler does in two instructions);
//! otherwise it fits one `u128` or is cut into 64-row blocks.

use std::collections::HashMap;
use std::ops::{BitAnd, BitOr, BitXor, Not, Shl, Shr};

/// A pattern prepared for comparison against many texts.
pub(crate) enum Pattern {
    Word64(OneWord<u64>),
    Long { band: Box<Band>, wide: Box<Wide> },
}

/// The full comparison of a pattern longer than 64 chars, for cut-offs too wide for the band.
pub(crate) enum Wide {
    Word128(OneWord<u128>),
    Blocks(Blocks),
}

impl Pattern {
    pub(crate) fn new(pattern: &[u32]) -> Pattern {
        match pattern.len() {
            0..=64 => Pattern::Word64(OneWord::new(pattern)),
            len => Pattern::Long {
                band: Box::new(Band::new(pattern)),
                wide: Box::new(if len <= 128 {
                    Wide::Word128(OneWord::new(pattern))
                } else {
                    Wide::Blocks(Blocks::new(pattern))
                }),
            },
        }
    }

    /// The distance to `text` (`text_len` chars), or `None` when it exceeds `cutoff`.
    pub(crate) fn distance(
        &mut self,
        text: impl Iterator<Item = u32>,
        text_len: usize,
        cutoff: usize,
    ) -> Option<usize> {
        match self {
            Pattern::Word64(p) => p.distance(text, text_len, cutoff),
            Pattern::Long { band, .. } if band.serves::<u64>(cutoff) => {
                band.distance::<u64>(text, text_len, cutoff)
            }
            Pattern::Long { band, .. } if band.serves::<u128>(cutoff) => {
                band.distance::<u128>(text, text_len, cutoff)
            }
            Pattern::Long { wide, .. } => match wide.as_mut() {
                Wide::Word128(p) => p.distance(text, text_len, cutoff),
                Wide::Blocks(p) => p.distance(text, text_len, cutoff),
            },
        }
    }
}

/// Ukkonen's cut-off for column `j` (1-based) of an `m`-row matrix against a text of `l` chars:
/// every path to the last cell crosses column `j` at some row `i`, where
/// `D[i][j] ≥ D[bottom][j] − (bottom − i)` inside a block of rows `top..=bottom`, and from `(i, j)` it
/// needs at least `|(m − i) − (l − j)|` more edits. The least total over a block's rows.
#[inline]
fn least_through(m: i64, l: i64, j: i64, top: i64, bottom: i64, at_bottom: i64) -> i64 {
    let t = m - (l - j);
    let least = if top <= t { t } else { 2 * top - t };
    at_bottom - bottom + least
}

/// The operations Myers' algorithm needs of a machine word.
pub(crate) trait Word:
    Copy
    + Eq
    + BitAnd<Output = Self>
    + BitOr<Output = Self>
    + BitXor<Output = Self>
    + Not<Output = Self>
    + Shl<u32, Output = Self>
    + Shr<u32, Output = Self>
{
    const ZERO: Self;
    const ONE: Self;
    fn wrapping_add(self, other: Self) -> Self;
}

/// What the diagonal band needs of a word beyond Myers' operations.
pub(crate) trait BandWord: Word {
    const BITS: u32;
    /// Bit `shift` on of the bits of `words` from `words[0]`'s on (enough words must follow).
    fn window(words: &[u64], shift: u32) -> Self;
}

macro_rules! word {
    ($t:ty) => {
        impl Word for $t {
            const ZERO: Self = 0;
            const ONE: Self = 1;
            #[inline]
            fn wrapping_add(self, other: Self) -> Self {
                <$t>::wrapping_add(self, other)
            }
        }
    };
}

/// The 64 bits of `words` from bit `shift` (below 64) of the first on.
#[inline]
fn window64(words: &[u64], shift: u32) -> u64 {
    (words[0] >> shift) | ((words[1] << 1) << (63 - shift))
}

impl BandWord for u64 {
    const BITS: u32 = 64;
    #[inline]
    fn window(words: &[u64], shift: u32) -> u64 {
        window64(words, shift)
    }
}

impl BandWord for u128 {
    const BITS: u32 = 128;
    #[inline]
    fn window(words: &[u64], shift: u32) -> u128 {
        u128::from(window64(words, shift)) | (u128::from(window64(&words[1..], shift)) << 64)
    }
}
word!(u64);
word!(u128);

/// A pattern that fits one word: the column state lives in registers.
pub(crate) struct OneWord<W> {
    len: usize,
    /// Match vectors of ASCII chars.
    ascii: Box<[W; 128]>,
    /// Match vectors of other chars.
    other: HashMap<u32, W>,
}

impl<W: Word> OneWord<W> {
    fn new(pattern: &[u32]) -> OneWord<W> {
        let mut ascii = Box::new([W::ZERO; 128]);
        let mut other: HashMap<u32, W> = HashMap::new();
        for (i, &c) in pattern.iter().enumerate() {
            let bit = W::ONE << i as u32;
            if c < 128 {
                ascii[c as usize] = ascii[c as usize] | bit;
            } else {
                let v = other.entry(c).or_insert(W::ZERO);
                *v = *v | bit;
            }
        }
        OneWord {
            len: pattern.len(),
            ascii,
            other,
        }
    }

    #[inline]
    fn eq(&self, c: u32) -> W {
        if c < 128 {
            self.ascii[c as usize]
        } else {
            self.other.get(&c).copied().unwrap_or(W::ZERO)
        }
    }

    fn distance(
        &self,
        text: impl Iterator<Item = u32>,
        text_len: usize,
        cutoff: usize,
    ) -> Option<usize> {
        let m = self.len;
        if m.abs_diff(text_len) > cutoff {
            return None;
        }
        if m == 0 {
            return Some(text_len);
        }
        let last = W::ONE << (m - 1) as u32;
        let (mut pv, mut mv) = (!W::ZERO, W::ZERO);
        let mut score = m as i64;
        let cut = cutoff as i64;
        // The last cell's diagonal, as in [`Band::distance`]: it steps down at column j > Δ,
        // through row j − Δ (bit j − Δ − 1), and the text is given up once a cell of it exceeds
        // the cut-off.
        let delta = text_len as i64 - m as i64;
        let final_from = delta.max(0) as usize;
        let mut on_final = delta.abs();
        for (column, c) in text.enumerate() {
            let eq = self.eq(c);
            let xv = eq | mv;
            let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
            let ph = mv | !(xh | pv);
            let mh = pv & xh;
            if ph & last != W::ZERO {
                score += 1;
            } else if mh & last != W::ZERO {
                score -= 1;
            }
            if column >= final_from {
                // A cell equals its diagonal neighbour where `xh | mv` (Hyyrö's D0) has its bit.
                let row_bit = (column as i64 - delta) as u32;
                on_final += i64::from(((xh | mv) >> row_bit) & W::ONE == W::ZERO);
                if on_final > cut {
                    return None;
                }
            }
            // The top row grows by one per column: a +1 carries into the first row.
            let ph = (ph << 1) | W::ONE;
            let mh = mh << 1;
            pv = mh | !(xv | ph);
            mv = ph & xv;
        }
        (score <= cut).then_some(score as usize)
    }
}

/// A pattern compared inside a diagonal band of one word's width `w` (64 or 128 cells): Hyyrö's
/// banded bit-vector algorithm (as in rapidfuzz's `hyrroe2003_small_band`), with the band placed by
/// Ukkonen's bound. A path of cost at most `k` from the first cell to the last (`m` pattern rows, `n`
/// text columns, `Δ = n − m`) stays on the diagonals `j − i` in `[⌈(Δ − k)/2⌉, ⌊(Δ + k)/2⌋]`, which
/// is `k + 1` wide; the word holds the `w` diagonals from the lower of those up. Each text char then
/// costs one word of work, however long the pattern. Cells outside the band count as unreachable,
/// which only raises values that exceed `k` anyway, so every distance up to `k` is exact.
pub(crate) struct Band {
    len: usize,
    /// Words per match-vector row: two zero words, the pattern's bits, then zero words, so that a
    /// window at any band position reads inside the row.
    stride: usize,
    /// The row of each char below U+0800 (row 0, all zeros, for a char not in the pattern).
    slots: Vec<u32>,
    /// The row of other chars in the pattern.
    other: HashMap<u32, u32>,
    rows: Vec<u64>,
}

impl Band {
    /// Whether a band of `W` serves `cutoff`: one below the pattern's length and two below the
    /// word's width. The band's top diagonal then lies above every diagonal a path within the
    /// cut-off uses, so the early exit may leave that diagonal out.
    fn serves<W: BandWord>(&self, cutoff: usize) -> bool {
        cutoff < self.len && cutoff + 2 <= W::BITS as usize
    }
    /// Chars with a direct slot: Latin, IPA (ə), Cyrillic and Arabic all lie below.
    const DIRECT: usize = 0x800;

    fn new(pattern: &[u32]) -> Band {
        let stride = pattern.len().div_ceil(64) + 7;
        let mut band = Band {
            len: pattern.len(),
            stride,
            slots: vec![0; Self::DIRECT],
            other: HashMap::new(),
            rows: vec![0; stride],
        };
        for (i, &c) in pattern.iter().enumerate() {
            let mut row = band.row_of(c);
            if row == 0 {
                row = (band.rows.len() / stride) as u32;
                band.rows.resize(band.rows.len() + stride, 0);
                match band.slots.get_mut(c as usize) {
                    Some(slot) => *slot = row,
                    None => {
                        band.other.insert(c, row);
                    }
                }
            }
            let at = row as usize * stride + 2 + i / 64;
            band.rows[at] |= 1 << (i % 64);
        }
        band
    }

    #[inline]
    fn row_of(&self, c: u32) -> u32 {
        match self.slots.get(c as usize) {
            Some(&row) => row,
            None => self.other.get(&c).copied().unwrap_or(0),
        }
    }

    /// The match bits of `row` for the pattern positions from `offset − 128` on.
    #[inline]
    fn window<W: BandWord>(&self, row: u32, offset: usize) -> W {
        let at = row as usize * self.stride + offset / 64;
        W::window(&self.rows[at..], (offset % 64) as u32)
    }

    /// The distance to `text` (`text_len` chars), or `None` when it exceeds `cutoff`, which the band
    /// must serve.
    fn distance<W: BandWord>(
        &self,
        text: impl Iterator<Item = u32>,
        text_len: usize,
        cutoff: usize,
    ) -> Option<usize> {
        let m = self.len;
        if m.abs_diff(text_len) > cutoff {
            return None;
        }
        debug_assert!(self.serves::<W>(cutoff));
        let top = W::BITS - 1;
        // At column j, bit `top` is row j + below and bit b is row j + below − top + b.
        let below = (cutoff + m - text_len) / 2;
        // Column 0 at the rows of column 1's band: +1 down from row 1, nothing above row 0 (those
        // virtual rows reproduce the top row's +1 per column).
        let (vp, vn) = (!W::ZERO << (top - below as u32), W::ZERO);
        let cut = cutoff as i64;
        // Bit 0 of column j's window is pattern position j + below − top − 1, at bit j + below +
        // 128 − W::BITS of the row (which starts with 128 zero bits).
        let skew = below + 128 - W::BITS as usize;
        // The last cell's diagonal j − i = Δ is a fixed bit of the band. It starts at row 0 or
        // column 0, worth |Δ|, and each step along it adds 1 unless the cell equals its diagonal
        // neighbour (a `d0` bit). Values never fall along a diagonal, so each of its cells bounds the
        // distance from below, which is Ukkonen's bound at its tightest (a cell of the same column
        // `t` rows off the diagonal is at most `t` lower and needs `t` more edits to reach the last
        // cell): the text is given up as soon as one exceeds the cut-off. Its last cell is the
        // distance.
        let delta = text_len as i64 - m as i64;
        let final_bit = (i64::from(top) - below as i64 - delta) as u32;
        let final_from = delta.max(0) as usize;
        let mut on_final = delta.abs();
        let mut band = BandColumn { vp, vn };
        let mut text = text.enumerate();
        // Up to column Δ the diagonal has not started (the text is the longer by Δ).
        for (column, c) in text.by_ref().take(final_from) {
            band.step(self.window(self.row_of(c), column + 1 + skew));
        }
        for (column, c) in text {
            let d0 = band.step(self.window(self.row_of(c), column + 1 + skew));
            on_final += i64::from((d0 >> final_bit) & W::ONE == W::ZERO);
            if on_final > cut {
                return None;
            }
        }
        (on_final <= cut).then_some(on_final as usize)
    }
}

/// The vertical deltas of one band column: `vp` where a cell is one more than the cell above it,
/// `vn` where it is one less.
struct BandColumn<W> {
    vp: W,
    vn: W,
}

impl<W: BandWord> BandColumn<W> {
    /// Moves to the next column, whose match bits are `x`; returns its `d0`: the cells equal to
    /// their diagonal neighbour.
    #[inline(always)]
    fn step(&mut self, x: W) -> W {
        let (vp, vn) = (self.vp, self.vn);
        let d0 = (((x & vp).wrapping_add(vp)) ^ vp) | x | vn;
        let hp = vn | !(d0 | vp);
        let hn = d0 & vp;
        self.vp = hn | !((d0 >> 1) | hp);
        self.vn = (d0 >> 1) & hp;
        d0
    }
}

/// A pattern of any length, in blocks of 64 rows.
pub(crate) struct Blocks {
    len: usize,
    blocks: usize,
    /// Match vectors of ASCII chars, `blocks` words each.
    ascii: Vec<u64>,
    /// Match vectors of other chars: row in `rows`.
    other: HashMap<u32, usize>,
    rows: Vec<u64>,
    /// Per-block vertical deltas and the distance at each block's bottom row, reused between texts.
    pv: Vec<u64>,
    mv: Vec<u64>,
    bottom: Vec<i64>,
}

impl Blocks {
    fn new(pattern: &[u32]) -> Blocks {
        let blocks = pattern.len().div_ceil(64).max(1);
        let mut ascii = vec![0u64; 128 * blocks];
        let mut other: HashMap<u32, usize> = HashMap::new();
        let mut rows = Vec::new();
        for (i, &c) in pattern.iter().enumerate() {
            let bit = 1u64 << (i % 64);
            if c < 128 {
                ascii[c as usize * blocks + i / 64] |= bit;
            } else {
                let row = *other.entry(c).or_insert_with(|| {
                    rows.resize(rows.len() + blocks, 0);
                    rows.len() / blocks - 1
                });
                rows[row * blocks + i / 64] |= bit;
            }
        }
        Blocks {
            len: pattern.len(),
            blocks,
            ascii,
            other,
            rows,
            pv: vec![0; blocks],
            mv: vec![0; blocks],
            bottom: vec![0; blocks],
        }
    }

    #[inline]
    fn eq(&self, c: u32, block: usize) -> u64 {
        if c < 128 {
            self.ascii[c as usize * self.blocks + block]
        } else {
            match self.other.get(&c) {
                Some(row) => self.rows[row * self.blocks + block],
                None => 0,
            }
        }
    }

    /// The distance to `text` (`text_len` chars), or `None` when it exceeds `cutoff`.
    fn distance(
        &mut self,
        text: impl Iterator<Item = u32>,
        text_len: usize,
        cutoff: usize,
    ) -> Option<usize> {
        let m = self.len;
        if m.abs_diff(text_len) > cutoff {
            return None;
        }
        if m == 0 {
            return Some(text_len);
        }
        let last_bit = 1u64 << ((m - 1) % 64);
        // Rows of the matrix are pattern prefixes 0..=m; block b holds rows 64b+1 ..= its bottom row.
        let bottom_row = |b: usize| ((b + 1) * 64).min(m) as i64;
        let (m_i, l_i, cut) = (m as i64, text_len as i64, cutoff as i64);
        // Only the blocks that meet the diagonal band |i − j| ≤ cut are computed (edlib's banding):
        // a cell outside it is worth more than the cut-off, and so is any path through it. A block
        // that enters the band starts from values that overestimate the true ones (its rows one more
        // than the row above), and the block below one that left gets +1 from above; both only
        // raise values outside the band, so every cell worth at most the cut-off is exact.
        let block_of = |row: i64| ((row - 1) / 64) as usize;
        let (mut first, mut last) = (0usize, block_of(cut.clamp(1, m_i)));
        for b in 0..=last {
            self.pv[b] = !0;
            self.mv[b] = 0;
            self.bottom[b] = bottom_row(b);
        }
        for (column, c) in text.enumerate() {
            let j = column as i64 + 1;
            first = first.max(block_of((j - cut).clamp(1, m_i)));
            let reach = block_of((j + cut).min(m_i));
            while last < reach {
                last += 1;
                self.pv[last] = !0;
                self.mv[last] = 0;
                self.bottom[last] = self.bottom[last - 1] + bottom_row(last) - bottom_row(last - 1);
            }
            // The top row grows by one per column: the carry into block 0 is +1 (and +1 is an
            // overestimate for a block whose upper neighbour has left the band).
            let mut h_carry: i32 = 1;
            for b in first..=last {
                let pv = self.pv[b];
                let mv = self.mv[b];
                let mut eq = self.eq(c, b);
                if h_carry < 0 {
                    eq |= 1;
                }
                let xv = eq | mv;
                let xh = (((eq & pv).wrapping_add(pv)) ^ pv) | eq;
                let mut ph = mv | !(xh | pv);
                let mut mh = pv & xh;
                let top = if b + 1 == self.blocks {
                    last_bit
                } else {
                    1 << 63
                };
                let out: i32 = if ph & top != 0 {
                    1
                } else if mh & top != 0 {
                    -1
                } else {
                    0
                };
                ph <<= 1;
                mh <<= 1;
                if h_carry > 0 {
                    ph |= 1;
                } else if h_carry < 0 {
                    mh |= 1;
                }
                self.pv[b] = mh | !(xv | ph);
                self.mv[b] = ph & xv;
                self.bottom[b] += i64::from(out);
                h_carry = out;
            }
            // Every eighth column, Ukkonen's cut-off over the rows of the band.
            if column % 8 != 7 {
                continue;
            }
            let mut bound = j + (m_i - (l_i - j)).abs();
            for b in first..=last {
                let top = b as i64 * 64 + 1;
                bound = bound.min(least_through(
                    m_i,
                    l_i,
                    j,
                    top,
                    bottom_row(b),
                    self.bottom[b],
                ));
            }
            if bound > cut {
                return None;
            }
        }
        // |m − l| ≤ cut, so the last block is in the band at the last column.
        let score = self.bottom[self.blocks - 1];
        (score <= cut).then_some(score as usize)
    }
}

/// Plain dynamic-programming Levenshtein distance: the reference the fast paths are tested against.
pub(crate) fn levenshtein_dp(a: &[u32], b: &[u32]) -> usize {
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
    use proptest::prelude::*;

    fn chars(s: &str) -> Vec<u32> {
        s.chars().map(u32::from).collect()
    }

    #[test]
    fn distances_in_all_four_scripts() {
        for (a, b) in [
            ("Director-General", "Director General"),
            ("Baş direktor", "Bas direktor"),
            ("Бас директор", "Бас директоры"),
            ("المدير العام", "مدير عام"),
            ("", "abc"),
            ("kitten", "sitting"),
        ] {
            let (a, b) = (chars(a), chars(b));
            let want = levenshtein_dp(&a, &b);
            let mut p = Pattern::new(&a);
            assert_eq!(p.distance(b.iter().copied(), b.len(), 100), Some(want));
            if want > 0 {
                assert_eq!(p.distance(b.iter().copied(), b.len(), want - 1), None);
            }
        }
    }

    #[test]
    fn every_word_width_at_its_edges() {
        // 64 and 65, 128 and 129 chars: the last row of one u64, of one u128, and of two blocks.
        let text =
            "Azərbaycan Respublikasının Prezidenti İlham Əliyev Türk Mədəniyyəti və İrsi Fondunun ";
        let long: Vec<u32> = chars(&text.repeat(3));
        for len in [1, 63, 64, 65, 127, 128, 129, 200] {
            let a = &long[..len];
            let mut b = long[1..len + 5].to_vec();
            b[len / 2] = u32::from('x');
            let want = levenshtein_dp(a, &b);
            let mut p = Pattern::new(a);
            let kind = match &p {
                Pattern::Word64(_) => 64,
                Pattern::Long { wide, .. } => match wide.as_ref() {
                    Wide::Word128(_) => 128,
                    Wide::Blocks(_) => 0,
                },
            };
            assert_eq!(
                kind,
                if len <= 64 {
                    64
                } else if len <= 128 {
                    128
                } else {
                    0
                }
            );
            // The cut-off picks the band of 64 (up to 62), of 128 (up to 126) or the full comparison.
            for cut in [want, want + 1, 62, 63, 126, 127, 300] {
                assert_eq!(
                    p.distance(b.iter().copied(), b.len(), cut),
                    (want <= cut).then_some(want),
                    "{len} {cut}"
                );
            }
            assert_eq!(
                p.distance(b.iter().copied(), b.len(), 300),
                Some(want),
                "{len}"
            );
            assert_eq!(
                p.distance(b.iter().copied(), b.len(), want - 1),
                None,
                "{len}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        #[test]
        fn equals_dynamic_programming(a in "[abcə Әқا]{0,150}", b in "[abcə Әқا]{0,150}", cut in 0usize..160) {
            let (a, b) = (chars(&a), chars(&b));
            let want = levenshtein_dp(&a, &b);
            let got = Pattern::new(&a).distance(b.iter().copied(), b.len(), cut);
            prop_assert_eq!(got, (want <= cut).then_some(want));
        }

        #[test]
        fn long_patterns_equal_dynamic_programming_near_the_cut_off(
            a in "[abə Әا]{65,260}",
            edits in proptest::collection::vec((0usize..300, 0u8..3, "[abə Әا]"), 0..120),
            slack in -3i64..4,
        ) {
            // Long patterns (diagonal band, one u128, blocks) against texts a few edits away, with
            // the cut-off around the true distance, where banding and the early exit decide.
            let a = chars(&a);
            let mut b = a.clone();
            for (at, op, c) in edits {
                let c = u32::from(c.chars().next().unwrap());
                let at = at % (b.len() + 1);
                match op {
                    0 => b.insert(at, c),
                    1 if at < b.len() => { b.remove(at); }
                    _ if at < b.len() => b[at] = c,
                    _ => {}
                }
            }
            let want = levenshtein_dp(&a, &b);
            let cut = (want as i64 + slack).max(0) as usize;
            let got = Pattern::new(&a).distance(b.iter().copied(), b.len(), cut);
            prop_assert_eq!(got, (want <= cut).then_some(want));
        }
    }
}
