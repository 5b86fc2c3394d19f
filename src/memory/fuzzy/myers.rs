//! Bit-parallel Levenshtein distance (Myers 1999, in Hyyrö's block formulation) of one pattern
//! against many texts, with no allocation per text and an early exit once the distance is sure to
//! exceed the cut-off. The pattern's match vectors are built once per query.

use std::collections::HashMap;

/// A pattern prepared for comparison against many texts.
pub(crate) struct Pattern {
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

impl Pattern {
    pub(crate) fn new(pattern: &[u32]) -> Pattern {
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
        Pattern {
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
    pub(crate) fn distance(
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
        self.pv.fill(!0);
        self.mv.fill(0);
        // Rows of the matrix are pattern prefixes 0..=m; block b holds rows 64b+1 ..= its bottom row.
        let bottom_row = |b: usize| ((b + 1) * 64).min(m) as i64;
        for (b, score) in self.bottom.iter_mut().enumerate() {
            *score = bottom_row(b);
        }
        let (m_i, l_i, cut) = (m as i64, text_len as i64, cutoff as i64);
        let mut score = m;
        for (column, c) in text.enumerate() {
            // The top row of the matrix grows by one per column: the carry into block 0 is +1.
            let mut h_carry: i32 = 1;
            for b in 0..self.blocks {
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
            score = (score as i64 + i64::from(h_carry)) as usize;
            // Every eighth column, Ukkonen's cut-off: every path to the last cell crosses this column at some row i, where
            // D[i][j] ≥ D[bottom][j] − (bottom − i) inside a block, and from (i, j) it needs at least
            // |(m − i) − (l − j)| more edits. If even the cheapest row exceeds the cut-off, stop.
            if column % 8 != 7 {
                continue;
            }
            let j = column as i64 + 1;
            let t = m_i - (l_i - j);
            let mut bound = j + (m_i - (l_i - j)).abs();
            for (b, &at_bottom) in self.bottom.iter().enumerate() {
                let top = b as i64 * 64 + 1;
                let least = if top <= t { t } else { 2 * top - t };
                bound = bound.min(at_bottom - bottom_row(b) + least);
            }
            if bound > cut {
                return None;
            }
        }
        (score <= cutoff).then_some(score)
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        #[test]
        fn equals_dynamic_programming(a in "[abcə Әқا]{0,150}", b in "[abcə Әқا]{0,150}", cut in 0usize..160) {
            let (a, b) = (chars(&a), chars(&b));
            let want = levenshtein_dp(&a, &b);
            let got = Pattern::new(&a).distance(b.iter().copied(), b.len(), cut);
            prop_assert_eq!(got, (want <= cut).then_some(want));
        }
    }
}
