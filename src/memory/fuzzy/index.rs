//! The fuzzy-match index of one source language: the prepared texts of every variant in that
//! language, sorted by length, and character-bigram posting lists over them.
//!
//! Everything lives in one byte buffer (built in memory, or mapped from a file), laid out so that a
//! query touches only the posting lists of its rarest bigrams, restricted to the entries whose length
//! could still reach the threshold. See `search.rs` for the filter that makes this exact.

use std::collections::HashMap;

/// Bytes of the file header before the section table.
const MAGIC: &[u8; 8] = b"TJMFZX01";
/// One skip-table entry every this many postings.
pub(crate) const SKIP_EVERY: usize = 64;

/// One indexed text: a variant of a unit in the index's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub unit: i64,
    /// The text, prepared ([`super::score::prepare`]).
    pub text: String,
    /// Bit `i` set when the unit has a variant in language slot `i` (see [`Index::slots`]).
    pub langs: u32,
}

/// A bigram as one number: the two scalar values side by side.
pub(crate) fn gram_key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// The distinct bigrams of a char sequence.
pub(crate) fn distinct_grams(chars: &[u32], out: &mut Vec<u64>) {
    out.clear();
    out.extend(chars.windows(2).map(|w| gram_key(w[0], w[1])));
    out.sort_unstable();
    out.dedup();
}

fn push_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Decodes a varint at `*pos`, advancing it.
#[inline]
pub(crate) fn read_varint(bytes: &[u8], pos: &mut usize) -> u32 {
    let mut value = 0u32;
    let mut shift = 0;
    loop {
        let byte = bytes[*pos];
        *pos += 1;
        value |= u32::from(byte & 0x7F) << shift;
        if byte < 0x80 {
            return value;
        }
        shift += 7;
    }
}

/// Section names, in file order.
#[derive(Clone, Copy, Debug)]
enum Section {
    Units = 0,
    TextEnds,
    Langs,
    Distinct,
    LenStart,
    Arena,
    GramKeys,
    GramOffsets,
    GramSkipOffsets,
    Postings,
    Skips,
    Meta,
}
const SECTIONS: usize = 12;
const HEADER_LEN: usize = 8 + 8 * (2 * SECTIONS);

/// The backing bytes of an index.
pub(crate) enum Bytes {
    Owned(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Owned(v) => v,
            Bytes::Mapped(m) => m,
        }
    }
}

/// What the index says about itself.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    /// The matching language of the indexed variants.
    pub lang: String,
    /// The language slots of the `langs` masks.
    pub slots: Vec<String>,
    /// The store generation the index reflects.
    pub generation: i64,
}

/// A fuzzy-match index over one language.
pub struct Index {
    bytes: Bytes,
    ranges: [(usize, usize); SECTIONS],
    meta: Meta,
}

/// The first `i` in `lo..hi` for which `pred` is false (`pred` must be true then false).
fn partition_point(mut lo: usize, mut hi: usize, pred: impl Fn(usize) -> bool) -> usize {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

fn u32s(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

#[inline]
fn u32_at(bytes: &[u8], i: usize) -> u32 {
    let b = &bytes[i * 4..i * 4 + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

#[inline]
fn u64_at(bytes: &[u8], i: usize) -> u64 {
    let b = &bytes[i * 8..i * 8 + 8];
    u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
}

impl Index {
    /// Builds the index of `entries` (in any order).
    pub fn build(mut entries: Vec<Entry>, meta: Meta) -> Index {
        let char_len = |e: &Entry| e.text.chars().count();
        let mut keyed: Vec<(usize, Entry)> = entries.drain(..).map(|e| (char_len(&e), e)).collect();
        keyed.sort_by(|(la, a), (lb, b)| la.cmp(lb).then(a.unit.cmp(&b.unit)));
        let n = keyed.len();
        let max_len = keyed.last().map_or(0, |(l, _)| *l);

        let mut units = Vec::with_capacity(n * 8);
        let mut text_ends = Vec::with_capacity(n * 8);
        let mut langs = Vec::with_capacity(n * 4);
        let mut distinct = Vec::with_capacity(n * 2);
        let mut arena = Vec::new();
        let mut len_start = vec![0u32; max_len + 2];
        let mut postings_of: HashMap<u64, Vec<u32>> = HashMap::new();
        let mut chars = Vec::new();
        let mut grams = Vec::new();
        for (i, (len, entry)) in keyed.iter().enumerate() {
            units.extend_from_slice(&entry.unit.to_le_bytes());
            arena.extend_from_slice(entry.text.as_bytes());
            text_ends.extend_from_slice(&(arena.len() as u64).to_le_bytes());
            langs.extend_from_slice(&entry.langs.to_le_bytes());
            chars.clear();
            chars.extend(entry.text.chars().map(u32::from));
            distinct_grams(&chars, &mut grams);
            distinct.extend_from_slice(&(grams.len().min(u16::MAX as usize) as u16).to_le_bytes());
            for &g in &grams {
                postings_of.entry(g).or_default().push(i as u32);
            }
            len_start[*len + 1] = i as u32 + 1;
        }
        // len_start[l] = first entry of length >= l.
        for l in 1..len_start.len() {
            len_start[l] = len_start[l].max(len_start[l - 1]);
        }
        let mut keys: Vec<u64> = postings_of.keys().copied().collect();
        keys.sort_unstable();
        let mut gram_keys = Vec::with_capacity(keys.len() * 8);
        let mut gram_offsets = Vec::with_capacity((keys.len() + 1) * 8);
        let mut gram_skip_offsets = Vec::with_capacity((keys.len() + 1) * 8);
        let mut postings = Vec::new();
        let mut skips = Vec::new();
        gram_offsets.extend_from_slice(&0u64.to_le_bytes());
        gram_skip_offsets.extend_from_slice(&0u64.to_le_bytes());
        for key in keys {
            let list = &postings_of[&key];
            gram_keys.extend_from_slice(&key.to_le_bytes());
            let start = postings.len();
            let mut previous = 0u32;
            for (j, &entry) in list.iter().enumerate() {
                if j % SKIP_EVERY == 0 {
                    // A skip restarts the deltas: (first entry, byte offset within the list).
                    skips.extend_from_slice(&entry.to_le_bytes());
                    skips.extend_from_slice(&((postings.len() - start) as u32).to_le_bytes());
                    push_varint(&mut postings, entry);
                } else {
                    push_varint(&mut postings, entry - previous);
                }
                previous = entry;
            }
            gram_offsets.extend_from_slice(&(postings.len() as u64).to_le_bytes());
            gram_skip_offsets.extend_from_slice(&((skips.len() / 8) as u64).to_le_bytes());
        }
        let len_start_bytes: Vec<u8> = len_start.iter().flat_map(|v| v.to_le_bytes()).collect();
        let meta_bytes = serde_json::to_vec(&meta).unwrap_or_default();
        let sections: [&[u8]; SECTIONS] = [
            &units,
            &text_ends,
            &langs,
            &distinct,
            &len_start_bytes,
            &arena,
            &gram_keys,
            &gram_offsets,
            &gram_skip_offsets,
            &postings,
            &skips,
            &meta_bytes,
        ];
        let total: usize = HEADER_LEN + sections.iter().map(|s| s.len() + 8).sum::<usize>();
        let mut bytes = Vec::with_capacity(total);
        bytes.extend_from_slice(MAGIC);
        let mut offset = HEADER_LEN;
        let mut ranges = [(0, 0); SECTIONS];
        for (i, section) in sections.iter().enumerate() {
            // Align every section to 8 bytes.
            offset = offset.div_ceil(8) * 8;
            ranges[i] = (offset, offset + section.len());
            bytes.extend_from_slice(&(offset as u64).to_le_bytes());
            bytes.extend_from_slice(&(section.len() as u64).to_le_bytes());
            offset += section.len();
        }
        for (i, section) in sections.iter().enumerate() {
            bytes.resize(ranges[i].0, 0);
            bytes.extend_from_slice(section);
        }
        Index {
            bytes: Bytes::Owned(bytes),
            ranges,
            meta,
        }
    }

    /// Opens an index from its bytes; `None` when they are not an index of this version.
    pub(crate) fn from_bytes(bytes: Bytes) -> Option<Index> {
        if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
            return None;
        }
        let mut ranges = [(0, 0); SECTIONS];
        for (i, range) in ranges.iter_mut().enumerate() {
            let offset = u64_at(&bytes[8..], 2 * i) as usize;
            let len = u64_at(&bytes[8..], 2 * i + 1) as usize;
            let end = offset.checked_add(len)?;
            if end > bytes.len() {
                return None;
            }
            *range = (offset, end);
        }
        let (start, end) = ranges[Section::Meta as usize];
        let meta: Meta = serde_json::from_slice(&bytes[start..end]).ok()?;
        Some(Index {
            bytes,
            ranges,
            meta,
        })
    }

    /// The raw bytes, for writing to a file.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    #[inline]
    fn section(&self, section: Section) -> &[u8] {
        let (start, end) = self.ranges[section as usize];
        &self.bytes[start..end]
    }

    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.section(Section::Units).len() / 8
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The unit of entry `i`.
    #[inline]
    pub fn unit(&self, i: usize) -> i64 {
        u64_at(self.section(Section::Units), i) as i64
    }

    /// The prepared text of entry `i`.
    #[inline]
    pub fn text(&self, i: usize) -> &str {
        let ends = self.section(Section::TextEnds);
        let start = if i == 0 {
            0
        } else {
            u64_at(ends, i - 1) as usize
        };
        let end = u64_at(ends, i) as usize;
        let arena = self.section(Section::Arena);
        // The arena was written from `&str`s and is never modified; a damaged file gives "".
        std::str::from_utf8(&arena[start..end]).unwrap_or("")
    }

    /// The language mask of entry `i`.
    #[inline]
    pub fn langs(&self, i: usize) -> u32 {
        u32_at(self.section(Section::Langs), i)
    }

    /// The number of distinct bigrams of entry `i`.
    #[inline]
    pub fn distinct(&self, i: usize) -> usize {
        let b = &self.section(Section::Distinct)[i * 2..i * 2 + 2];
        usize::from(u16::from_le_bytes([b[0], b[1]]))
    }

    /// The longest entry, in chars.
    pub fn max_len(&self) -> usize {
        (self.section(Section::LenStart).len() / 4).saturating_sub(2)
    }

    /// The entries of lengths `lo..=hi` (in chars), as an index range.
    pub fn length_range(&self, lo: usize, hi: usize) -> std::ops::Range<usize> {
        let starts = self.section(Section::LenStart);
        let count = starts.len() / 4;
        let at = |l: usize| {
            if l >= count {
                self.len()
            } else {
                u32_at(starts, l) as usize
            }
        };
        let hi_end = at(hi.saturating_add(1));
        at(lo)..hi_end.max(at(lo))
    }

    /// The position of a bigram in the gram table.
    pub(crate) fn gram(&self, key: u64) -> Option<usize> {
        let keys = self.section(Section::GramKeys);
        let count = keys.len() / 8;
        let (mut lo, mut hi) = (0, count);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let k = u64_at(keys, mid);
            if k < key {
                lo = mid + 1;
            } else if k > key {
                hi = mid;
            } else {
                return Some(mid);
            }
        }
        None
    }

    /// How many entries contain gram `g` (its document frequency), within `range`, estimated from
    /// the skip table to within one skip block.
    pub(crate) fn frequency_in(&self, g: usize, range: &std::ops::Range<usize>) -> usize {
        let skip_offsets = self.section(Section::GramSkipOffsets);
        let first = u64_at(skip_offsets, g) as usize;
        let last = u64_at(skip_offsets, g + 1) as usize;
        let skips = self.section(Section::Skips);
        let entry_of = |s: usize| u32_at(skips, 2 * s) as usize;
        let lower = partition_point(first, last, |s| entry_of(s) < range.start);
        let upper = partition_point(first, last, |s| entry_of(s) < range.end);
        (upper.saturating_sub(lower) + 1) * SKIP_EVERY
    }

    /// Calls `visit` with every entry of gram `g` inside `range`, in order.
    #[inline]
    pub(crate) fn for_each_posting(
        &self,
        g: usize,
        range: &std::ops::Range<usize>,
        mut visit: impl FnMut(usize),
    ) {
        let offsets = self.section(Section::GramOffsets);
        let skip_offsets = self.section(Section::GramSkipOffsets);
        let postings = self.section(Section::Postings);
        let skips = self.section(Section::Skips);
        let list_start = u64_at(offsets, g) as usize;
        let list_end = u64_at(offsets, g + 1) as usize;
        let first = u64_at(skip_offsets, g) as usize;
        let last = u64_at(skip_offsets, g + 1) as usize;
        let entry_of = |s: usize| u32_at(skips, 2 * s) as usize;
        // The last skip block that starts at or before range.start.
        let block = partition_point(first, last, |s| entry_of(s) <= range.start);
        let block = block.saturating_sub(1).max(first);
        if block >= last {
            return;
        }
        let mut pos = list_start + u32_at(skips, 2 * block + 1) as usize;
        let mut in_block = 0;
        let mut entry = 0usize;
        while pos < list_end {
            let value = read_varint(postings, &mut pos) as usize;
            entry = if in_block == 0 { value } else { entry + value };
            in_block = (in_block + 1) % SKIP_EVERY;
            if entry >= range.end {
                break;
            }
            if entry >= range.start {
                visit(entry);
            }
        }
    }

    /// The language slots of the masks.
    pub fn slots(&self) -> &[String] {
        &self.meta.slots
    }

    /// The size of the index in bytes.
    pub fn size(&self) -> usize {
        self.bytes.len()
    }

    /// All entries, for tests and the brute-force reference.
    pub fn entries(&self) -> impl Iterator<Item = usize> + '_ {
        0..self.len()
    }

    /// The unit ids of all entries, in entry order (for checks).
    pub fn units_in_order(&self) -> Vec<i64> {
        u32s(self.section(Section::Units))
            .collect::<Vec<_>>()
            .chunks(2)
            .map(|c| (u64::from(c[0]) | (u64::from(c.get(1).copied().unwrap_or(0)) << 32)) as i64)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(unit: i64, text: &str) -> Entry {
        Entry {
            unit,
            text: text.to_string(),
            langs: 1,
        }
    }

    fn index(texts: &[&str]) -> Index {
        let entries = texts
            .iter()
            .enumerate()
            .map(|(i, t)| entry(i as i64 + 1, t))
            .collect();
        Index::build(
            entries,
            Meta {
                lang: "en".into(),
                slots: vec!["en".into()],
                generation: 0,
            },
        )
    }

    #[test]
    fn entries_are_sorted_by_length_then_unit() {
        let idx = index(&["Open the file", "Save", "Файл", "Close all", "Save"]);
        let texts: Vec<&str> = idx.entries().map(|i| idx.text(i)).collect();
        assert_eq!(
            texts,
            ["Save", "Файл", "Save", "Close all", "Open the file"]
        );
        assert_eq!(idx.unit(0), 2);
        assert_eq!(idx.unit(2), 5);
        assert_eq!(idx.length_range(4, 4), 0..3);
        assert_eq!(idx.length_range(5, 9), 3..4);
        assert_eq!(idx.length_range(10, 100), 4..5);
        assert_eq!(idx.max_len(), 13);
    }

    #[test]
    fn postings_list_entries_with_a_gram_inside_a_range() {
        let texts: Vec<String> = (0..500)
            .map(|i| {
                if i % 3 == 0 {
                    format!("ab{i:04}")
                } else {
                    format!("cd{i:04}")
                }
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let idx = index(&refs);
        let g = idx.gram(gram_key('a' as u32, 'b' as u32)).unwrap();
        let mut all = Vec::new();
        idx.for_each_posting(g, &(0..idx.len()), |e| all.push(e));
        let want: Vec<usize> = idx
            .entries()
            .filter(|&e| idx.text(e).starts_with("ab"))
            .collect();
        assert_eq!(all, want);
        let mut part = Vec::new();
        idx.for_each_posting(g, &(100..300), |e| part.push(e));
        let want: Vec<usize> = want
            .into_iter()
            .filter(|e| (100..300).contains(e))
            .collect();
        assert_eq!(part, want);
        assert!(idx.gram(gram_key('z' as u32, 'z' as u32)).is_none());
    }

    #[test]
    fn an_index_survives_its_bytes() {
        let idx = index(&["Baş direktor", "Бас директор", "المدير العام"]);
        let copy = Index::from_bytes(Bytes::Owned(idx.as_bytes().to_vec())).unwrap();
        assert_eq!(copy.len(), 3);
        assert_eq!(copy.meta(), idx.meta());
        for i in idx.entries() {
            assert_eq!(copy.text(i), idx.text(i));
            assert_eq!(copy.unit(i), idx.unit(i));
        }
        assert!(Index::from_bytes(Bytes::Owned(b"not an index".to_vec())).is_none());
    }
}
