//! The fuzzy-match index of one source language: the prepared texts of every variant in that
//! language, sorted by length, and the multiset of character bigrams of each, for the `chars`
//! metric, and of word tokens, for the `words` metric. A token is keyed by a hash of its text with
//! the top bit set, which no bigram key has; two tokens sharing a hash only make the count filter
//! let more through, never less.
//!
//! A bigram is stored in one of two ways, whichever is cheaper to read: a rare bigram as a posting
//! list of (entry, occurrences); a frequent one as bitmaps over all entries, one per occurrence level
//! ("has it at least once", "at least twice", …), with a short posting list for the entries that have
//! it more often than the last bitmap level. Counting the bigrams a query shares with every entry then
//! costs a few instructions per 64 entries per frequent bigram (bit-sliced counters), plus the
//! postings of the rare ones.
//!
//! Everything lives in one byte buffer (built in memory, or mapped from a file), little-endian,
//! sections aligned to 8 bytes.
//!
//! An index may carry a delta: a second, small index of the units added since it was built (ids
//! above its high-water mark). Entry numbers then run through the main part and on into the delta;
//! [`Index::unit`], [`Index::text`], [`Index::langs`] and [`Index::entries`] see both parts, and
//! the searcher searches each part ([`Index::parts`]).

use std::ops::Range;

use rayon::prelude::*;

use super::count::{BLOCK, Lanes};
use super::zones;

/// File magic and format version.
const MAGIC: &[u8; 8] = b"TJMFZX05";
/// One skip-table entry every this many postings.
const SKIP_EVERY: usize = 64;
/// A bigram gets bitmaps when at least one entry in this many has it.
const BITMAP_DIVISOR: usize = 48;
/// The most bitmap levels a bigram gets.
const MAX_LEVELS: u32 = 6;
/// A bigram with bitmaps has its first level kept per zone of the text (see [`super::zones`]) when
/// at least one entry in this many has it: the common bigrams of a language, which random texts
/// share with a query anywhere. One more bitmap each (its first level becomes two). At 1M English
/// segments, 10 made the index 2.89× the text, 13 made it 2.93× and 16 2.96×; 13 and 16 ran 5–12 %
/// faster than 10 in paired runs and about the same as each other.
const ZONE_DIVISOR: usize = 13;

/// One text to index: a variant of a unit in the index's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub unit: i64,
    /// The text, prepared ([`super::score::prepare`]).
    pub text: String,
    /// Bit `i` set when the unit has a variant in language slot `i` (see [`Meta::slots`]).
    pub langs: u32,
}

/// A bigram as one number: the two scalar values side by side.
#[inline]
pub(crate) fn gram_key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// A word token as one number: FNV-1a of its UTF-8, with the top bit set.
pub(crate) fn token_key(token: &str) -> u64 {
    let hash = token.bytes().fold(0xcbf2_9ce4_8422_2325u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    hash | 1 << 63
}

/// The bigram multiset of a char sequence: sorted (bigram, occurrences) pairs.
pub(crate) fn gram_counts(chars: &[u32], keys: &mut Vec<u64>, out: &mut Vec<(u64, u32)>) {
    keys.clear();
    keys.extend(chars.windows(2).map(|w| gram_key(w[0], w[1])));
    key_counts(keys, out);
}

/// The token multiset of a prepared text ([`crate::text::tokens`]): sorted (token key, occurrences)
/// pairs; returns the number of tokens.
pub(crate) fn token_counts(text: &str, keys: &mut Vec<u64>, out: &mut Vec<(u64, u32)>) -> usize {
    keys.clear();
    keys.extend(crate::text::tokens(text).map(|t| token_key(t.text)));
    let tokens = keys.len();
    key_counts(keys, out);
    tokens
}

/// Sorts `keys` and counts each.
fn key_counts(keys: &mut [u64], out: &mut Vec<(u64, u32)>) {
    keys.sort_unstable();
    out.clear();
    for &key in keys.iter() {
        match out.last_mut() {
            Some((last, count)) if *last == key => *count += 1,
            _ => out.push((key, 1)),
        }
    }
}

fn push_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Decodes a varint at `*pos`, advancing it. A damaged buffer gives garbage, never a panic beyond
/// the slice bounds check.
#[inline]
fn read_varint(bytes: &[u8], pos: &mut usize) -> u64 {
    let mut value = 0u64;
    let mut shift = 0;
    while let Some(&byte) = bytes.get(*pos) {
        *pos += 1;
        value |= u64::from(byte & 0x7F) << shift;
        if byte < 0x80 || shift > 56 {
            break;
        }
        shift += 7;
    }
    value
}

/// The sections of the buffer, in order.
#[derive(Clone, Copy, Debug)]
enum Section {
    /// u64 per entry.
    Units = 0,
    /// u64 per entry: end of its text in the arena.
    TextEnds,
    /// u32 per entry.
    Langs,
    /// u16 per entry: length in chars (saturated).
    Lengths,
    /// u16 per entry: length in word tokens (saturated).
    Tokens,
    /// u32 per length + 2: first entry of each length.
    LenStart,
    /// UTF-8 texts.
    Arena,
    /// u64 per gram, sorted.
    GramKeys,
    /// 4 × u64 per gram: postings offset, skips offset, bitmap offset (in words), levels.
    GramInfo,
    Postings,
    /// (u32 entry, u32 byte offset) pairs.
    Skips,
    /// u64 words.
    Bitmaps,
    /// JSON of [`Meta`].
    Meta,
}
const SECTIONS: usize = 13;
const HEADER_LEN: usize = 8 + 16 * SECTIONS;
const GRAM_INFO: usize = 4;

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
    /// The language slots of the entries' masks.
    pub slots: Vec<String>,
    /// The store generation the index reflects.
    pub generation: i64,
    /// The entries are of the units with ids in `after + 1..=high_water` (a whole index has
    /// `after` 0; a delta starts above its main index's `high_water`).
    pub after: i64,
    pub high_water: i64,
}

/// How a bigram is stored.
#[derive(Clone, Copy, Debug)]
pub(crate) struct GramInfo {
    /// Bitmap levels (0: postings only).
    pub(crate) levels: u32,
    /// Whether the first level is kept as two bitmaps, one per zone of the text (
    /// [`Index::zone_bitmap`]) rather than one ([`Index::bitmap`] has levels from 2 on).
    pub(crate) zoned: bool,
    postings: usize,
    postings_end: usize,
    skips: usize,
    skips_end: usize,
    bitmap: usize,
}

/// A fuzzy-match index over one language.
pub struct Index {
    bytes: Bytes,
    ranges: [(usize, usize); SECTIONS],
    meta: Meta,
    words: usize,
    /// The units added since, searched with this index.
    delta: Option<Box<Index>>,
}

#[inline]
fn u16_at(bytes: &[u8], i: usize) -> u16 {
    u16::from_le_bytes([bytes[i * 2], bytes[i * 2 + 1]])
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

/// A hint to load the start of `bytes` into the cache.
#[inline]
#[allow(unsafe_code)]
fn prefetch(bytes: &[u8]) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint: it never faults and changes no memory, and the address is
    // that of a live slice.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>(bytes.as_ptr().cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = bytes;
}

/// Words `word..word + BLOCK` of a bitmap (see [`Index::bitmap`]); zeros past its end.
#[inline(always)]
pub(crate) fn bitmap_block(bitmap: &[u8], word: usize) -> Lanes {
    let bytes = bitmap.get(word * 8..).unwrap_or(&[]);
    // A whole block is read as an array of constant length, word by word at constant offsets,
    // which compiles to plain loads (an iterator over its chunks was, in some builds, a call to
    // memcpy).
    match bytes.first_chunk::<{ BLOCK * 8 }>() {
        Some(whole) => block_lanes(whole),
        None => std::array::from_fn(|w| word_at(bytes, w)),
    }
}

/// The words of one whole block of a bitmap, little-endian.
#[inline(always)]
pub(crate) fn block_lanes(whole: &[u8; BLOCK * 8]) -> Lanes {
    std::array::from_fn(|w| word_at(whole, w))
}

/// Word `w` of `bytes`, little-endian; 0 past their end.
#[inline(always)]
fn word_at(bytes: &[u8], w: usize) -> u64 {
    bytes
        .get(w * 8..w * 8 + 8)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

/// Asks the processor to start loading the cache line of word `word` of a bitmap.
#[inline(always)]
pub(crate) fn prefetch_word(bitmap: &[u8], word: usize) {
    if let Some(bytes) = bitmap.get(word * 8..) {
        prefetch(bytes);
    }
}

/// The first `i` in `lo..hi` for which `pred` is false (`pred` must be true, then false).
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

/// The per-entry fields of one part of an index (see [`Index::entries_view`]): each read is one
/// bounds check and one load, where going through [`Index`] slices its sections again every time.
pub(crate) struct Entries<'a> {
    ends: &'a [[u8; 8]],
    langs: &'a [[u8; 4]],
    lengths: &'a [[u8; 2]],
    arena: &'a [u8],
}

impl<'a> Entries<'a> {
    /// The UTF-8 text of entry `i`.
    #[inline]
    pub(crate) fn text_bytes(&self, i: usize) -> &'a [u8] {
        let end = |i: usize| {
            self.ends
                .get(i)
                .map_or(0, |end| u64::from_le_bytes(*end) as usize)
        };
        let start = if i == 0 { 0 } else { end(i - 1) };
        self.arena.get(start..end(i)).unwrap_or(&[])
    }

    /// The language mask of entry `i`.
    #[inline]
    pub(crate) fn langs(&self, i: usize) -> u32 {
        self.langs
            .get(i)
            .map_or(0, |langs| u32::from_le_bytes(*langs))
    }

    /// The length of entry `i` in chars (saturated at 65,535).
    #[inline]
    pub(crate) fn length(&self, i: usize) -> usize {
        self.lengths
            .get(i)
            .map_or(0, |len| usize::from(u16::from_le_bytes(*len)))
    }

    /// Asks the processor to start loading what verifying entry `i` reads first: where its text
    /// starts and ends, its languages and its length.
    #[inline]
    pub(crate) fn prefetch_entry(&self, i: usize) {
        if let Some(end) = self.ends.get(i.saturating_sub(1)) {
            prefetch(end);
        }
        if let Some(langs) = self.langs.get(i) {
            prefetch(langs);
        }
        if let Some(len) = self.lengths.get(i) {
            prefetch(len);
        }
    }

    /// Asks the processor to start loading the text of entry `i` into its cache, every cache line
    /// of it up to four, so that a verification a few candidates later finds it there.
    #[inline]
    pub(crate) fn prefetch_text(&self, i: usize) {
        let bytes = self.text_bytes(i);
        let next_line = 64 - bytes.as_ptr() as usize % 64;
        prefetch(bytes);
        for at in (next_line..bytes.len().min(256)).step_by(64) {
            prefetch(&bytes[at..]);
        }
    }
}

/// Scalar values of UTF-8 bytes known to be valid.
pub(crate) struct Utf8Chars<'a> {
    bytes: &'a [u8],
}

impl<'a> Utf8Chars<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Utf8Chars<'a> {
        Utf8Chars { bytes }
    }

    /// The bytes not decoded yet.
    pub(crate) fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }
}

impl Iterator for Utf8Chars<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        let (&lead, rest) = self.bytes.split_first()?;
        let (len, bits) = match lead {
            0x00..=0x7F => {
                self.bytes = rest;
                return Some(u32::from(lead));
            }
            0xF0..=0xFF => (4, u32::from(lead & 0x07)),
            0xE0..=0xEF => (3, u32::from(lead & 0x0F)),
            _ => (2, u32::from(lead & 0x1F)),
        };
        let take = len.min(self.bytes.len());
        let value = self.bytes[1..take]
            .iter()
            .fold(bits, |acc, b| (acc << 6) | u32::from(b & 0x3F));
        self.bytes = &self.bytes[take..];
        Some(value)
    }
}

/// Entries whose keys are found side by side while building.
const KEYING_CHUNK: usize = 16_384;

/// A key of one entry while building: the key, its occurrences, and for a bigram the zones it is in
/// ([`zones::FIRST`] | [`zones::SECOND`]; 0 for a token).
type EntryKey = (u64, u32, u8);

/// The keys of a prepared text, bigrams then tokens, and the number of its tokens.
fn entry_keys(text: &str, chars: &mut Vec<u32>, keys: &mut Vec<u64>) -> (Vec<EntryKey>, usize) {
    chars.clear();
    chars.extend(text.chars().map(u32::from));
    let bigrams = chars.len().saturating_sub(1);
    // Each bigram key with its zone in the low bit (a key has at most 53 bits), so that one sort groups
    // a bigram's occurrences and its zones.
    keys.clear();
    keys.extend(chars.windows(2).enumerate().map(|(at, w)| {
        gram_key(w[0], w[1]) << 1 | u64::from(zones::zone(at, bigrams) == zones::SECOND)
    }));
    keys.sort_unstable();
    let mut grams: Vec<EntryKey> = Vec::new();
    for &key in keys.iter() {
        let zone = if key & 1 == 0 {
            zones::FIRST
        } else {
            zones::SECOND
        };
        match grams.last_mut() {
            Some((last, count, zones)) if *last == key >> 1 => {
                *count += 1;
                *zones |= zone;
            }
            _ => grams.push((key >> 1, 1, zone)),
        }
    }
    let mut tokens = Vec::new();
    let token_count = token_counts(text, keys, &mut tokens);
    grams.extend(tokens.into_iter().map(|(key, count)| (key, count, 0)));
    (grams, token_count)
}

/// The postings of one key while building, compactly: an entry number with the zones of a bigram
/// in bits 29–30 ([`ZONE_SHIFT`]), and bit 31 set when the next value is its number of
/// occurrences (else it has the key once). Entry numbers are below 2²⁹ (536 million texts in one
/// language).
#[derive(Default)]
struct BuildList(Vec<u32>);

/// Where [`BuildList`] keeps a bigram's zones.
const ZONE_SHIFT: u32 = 29;

impl BuildList {
    fn push(&mut self, entry: u32, occurrences: u32, zones: u8) {
        debug_assert!(entry < 1 << ZONE_SHIFT);
        let value = entry | u32::from(zones) << ZONE_SHIFT;
        if occurrences == 1 {
            self.0.push(value);
        } else {
            self.0.extend([value | 1 << 31, occurrences]);
        }
    }

    /// (entry, occurrences, zones), in entry order.
    fn iter(&self) -> impl Iterator<Item = (u32, u32, u8)> + '_ {
        let mut values = self.0.iter();
        std::iter::from_fn(move || {
            let &value = values.next()?;
            let entry = value & ((1 << ZONE_SHIFT) - 1);
            let zones = (value >> ZONE_SHIFT & 3) as u8;
            let occurrences = match value >> 31 {
                0 => 1,
                _ => values.next().copied().unwrap_or(1),
            };
            Some((entry, occurrences, zones))
        })
    }
}

impl Index {
    /// Builds the index of `entries` (in any order).
    pub fn build(entries: Vec<Entry>, meta: Meta) -> Index {
        let mut keyed: Vec<(usize, Entry)> = entries
            .into_iter()
            .map(|e| (e.text.chars().count(), e))
            .collect();
        keyed.sort_by(|(la, a), (lb, b)| la.cmp(lb).then(a.unit.cmp(&b.unit)));
        let n = keyed.len();
        let words = n.div_ceil(64);
        let max_len = keyed.last().map_or(0, |(l, _)| *l);

        let mut units = Vec::with_capacity(n * 8);
        let mut text_ends = Vec::with_capacity(n * 8);
        let mut langs = Vec::with_capacity(n * 4);
        let mut lengths = Vec::with_capacity(n * 2);
        let mut token_lengths = Vec::with_capacity(n * 2);
        let mut arena = Vec::new();
        let mut len_start = vec![0u32; max_len + 2];
        let mut lists: std::collections::HashMap<u64, BuildList> = Default::default();
        // The keys of each entry are found on every core, a chunk of entries at a time (so that
        // only one chunk's keys wait in memory), and gathered in entry order.
        let mut i = 0usize;
        for chunk in keyed.chunks(KEYING_CHUNK) {
            let keyed_chunk: Vec<(Vec<EntryKey>, usize)> = chunk
                .par_iter()
                .map_init(
                    || (Vec::new(), Vec::new()),
                    |(chars, keys), (_, entry)| entry_keys(&entry.text, chars, keys),
                )
                .collect();
            for ((len, entry), (counts, tokens)) in chunk.iter().zip(keyed_chunk) {
                units.extend_from_slice(&entry.unit.to_le_bytes());
                arena.extend_from_slice(entry.text.as_bytes());
                text_ends.extend_from_slice(&(arena.len() as u64).to_le_bytes());
                langs.extend_from_slice(&entry.langs.to_le_bytes());
                lengths.extend_from_slice(&((*len).min(u16::MAX as usize) as u16).to_le_bytes());
                token_lengths
                    .extend_from_slice(&(tokens.min(u16::MAX as usize) as u16).to_le_bytes());
                for (key, occurrences, zones) in counts {
                    lists
                        .entry(key)
                        .or_default()
                        .push(i as u32, occurrences, zones);
                }
                len_start[*len + 1] = i as u32 + 1;
                i += 1;
            }
        }
        drop(keyed);
        for l in 1..len_start.len() {
            len_start[l] = len_start[l].max(len_start[l - 1]);
        }

        let mut grams: Vec<u64> = lists.keys().copied().collect();
        grams.sort_unstable();
        let mut gram_keys = Vec::with_capacity(grams.len() * 8);
        let mut gram_info = Vec::with_capacity(grams.len() * 8 * GRAM_INFO);
        let (mut postings, mut skips, mut bitmaps) = (Vec::new(), Vec::new(), Vec::<u64>::new());
        let bitmap_min = (n / BITMAP_DIVISOR).max(64);
        let zone_min = (n / ZONE_DIVISOR).max(bitmap_min);
        for gram in grams {
            // Each list is freed once written, as the index it becomes grows.
            let list = lists.remove(&gram).unwrap_or_default();
            gram_keys.extend_from_slice(&gram.to_le_bytes());
            // Bitmap levels while enough entries have the bigram that often.
            let mut levels = 0u32;
            while levels < MAX_LEVELS
                && list.iter().filter(|&(_, c, _)| c > levels).count() >= bitmap_min
            {
                levels += 1;
            }
            let is_bigram = gram >> 63 == 0;
            let zoned = is_bigram && levels > 0 && list.iter().count() >= zone_min;
            let bitmap_at = bitmaps.len() / words.max(1);
            // A zoned gram's first level is two bitmaps, the first zone's then the second's.
            let mut add_bitmap = |has: &dyn Fn(u32, u8) -> bool| {
                let start = bitmaps.len();
                bitmaps.resize(start + words, 0);
                for (entry, _, _) in list.iter().filter(|&(_, c, z)| has(c, z)) {
                    bitmaps[start + entry as usize / 64] |= 1 << (entry % 64);
                }
            };
            if zoned {
                add_bitmap(&|_, z| z & zones::FIRST != 0);
                add_bitmap(&|_, z| z & zones::SECOND != 0);
            }
            for level in (1 + u32::from(zoned))..=levels {
                add_bitmap(&|c, _| c >= level);
            }
            // Postings: every entry (no bitmaps), or the entries beyond the last level.
            let postings_at = postings.len();
            let skips_at = skips.len() / 8;
            let mut previous = 0u32;
            for (j, (entry, count, _)) in list.iter().filter(|&(_, c, _)| c > levels).enumerate() {
                let delta = if j % SKIP_EVERY == 0 {
                    skips.extend_from_slice(&entry.to_le_bytes());
                    skips.extend_from_slice(&((postings.len() - postings_at) as u32).to_le_bytes());
                    u64::from(entry)
                } else {
                    u64::from(entry - previous)
                };
                // The low bit says whether an occurrence count follows (1 is the common case).
                push_varint(&mut postings, (delta << 1) | u64::from(count > 1));
                if count > 1 {
                    push_varint(&mut postings, u64::from(count));
                }
                previous = entry;
            }
            let levels_and_zoned = levels as usize | usize::from(zoned) << 32;
            for value in [postings_at, skips_at, bitmap_at, levels_and_zoned] {
                gram_info.extend_from_slice(&(value as u64).to_le_bytes());
            }
        }
        // One more info row closes the last gram's postings and skips.
        for value in [postings.len(), skips.len() / 8, 0, 0] {
            gram_info.extend_from_slice(&(value as u64).to_le_bytes());
        }
        drop(lists);
        let len_start_bytes: Vec<u8> = len_start.iter().flat_map(|v| v.to_le_bytes()).collect();
        let bitmap_bytes: Vec<u8> = bitmaps.iter().flat_map(|w| w.to_le_bytes()).collect();
        drop(bitmaps);
        let meta_bytes = serde_json::to_vec(&meta).unwrap_or_default();
        let sections: [Vec<u8>; SECTIONS] = [
            units,
            text_ends,
            langs,
            lengths,
            token_lengths,
            len_start_bytes,
            arena,
            gram_keys,
            gram_info,
            postings,
            skips,
            bitmap_bytes,
            meta_bytes,
        ];
        let mut offset = HEADER_LEN;
        let mut ranges = [(0, 0); SECTIONS];
        for (range, section) in ranges.iter_mut().zip(&sections) {
            offset = offset.div_ceil(8) * 8;
            *range = (offset, offset + section.len());
            offset += section.len();
        }
        let mut bytes = Vec::with_capacity(offset);
        bytes.extend_from_slice(MAGIC);
        for (start, end) in ranges {
            bytes.extend_from_slice(&(start as u64).to_le_bytes());
            bytes.extend_from_slice(&((end - start) as u64).to_le_bytes());
        }
        // Each section is freed once copied.
        for ((start, _), section) in ranges.into_iter().zip(sections) {
            bytes.resize(start, 0);
            bytes.extend_from_slice(&section);
        }
        Index {
            bytes: Bytes::Owned(bytes),
            ranges,
            meta,
            words,
            delta: None,
        }
    }

    /// Opens an index from its bytes; `None` when they are not a well-formed index of this version.
    pub(crate) fn from_bytes(bytes: Bytes) -> Option<Index> {
        if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
            return None;
        }
        let mut ranges = [(0, 0); SECTIONS];
        for (i, range) in ranges.iter_mut().enumerate() {
            let offset = u64_at(&bytes[8..], 2 * i) as usize;
            let len = u64_at(&bytes[8..], 2 * i + 1) as usize;
            let end = offset.checked_add(len)?;
            if end > bytes.len() || !offset.is_multiple_of(8) {
                return None;
            }
            *range = (offset, end);
        }
        let (start, end) = ranges[Section::Meta as usize];
        let meta: Meta = serde_json::from_slice(&bytes[start..end]).ok()?;
        let mut index = Index {
            bytes,
            ranges,
            meta,
            words: 0,
            delta: None,
        };
        let n = index.part_len();
        index.words = n.div_ceil(64);
        let sane = index.section(Section::TextEnds).len() == n * 8
            && index.section(Section::Langs).len() == n * 4
            && index.section(Section::Lengths).len() == n * 2
            && index.section(Section::Tokens).len() == n * 2
            && index.section(Section::GramInfo).len()
                == (index.section(Section::GramKeys).len() / 8 + 1) * 8 * GRAM_INFO;
        sane.then_some(index)
    }

    /// The raw bytes, for writing to a file.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Maps an index file; `None` when the file is missing or not a valid index.
    #[allow(unsafe_code)]
    pub fn open(path: &std::path::Path) -> std::io::Result<Option<Index>> {
        let file = match std::fs::File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        // SAFETY: index files are written whole to a temporary file and renamed into place, never
        // modified after; a rebuild replaces the file rather than writing into it, so the mapping
        // stays valid for as long as it lives. A damaged or truncated file is caught by the checks
        // in `from_bytes`, and every read is bounds-checked.
        let map = unsafe { memmap2::Mmap::map(&file)? };
        Ok(Index::from_bytes(Bytes::Mapped(map)))
    }

    #[inline]
    fn section(&self, section: Section) -> &[u8] {
        let (start, end) = self.ranges[section as usize];
        &self.bytes[start..end]
    }

    /// What the index says about itself: the delta's meta when there is one (its slots extend the
    /// main part's, and it is the newer).
    pub fn meta(&self) -> &Meta {
        self.delta.as_ref().map_or(&self.meta, |d| &d.meta)
    }

    /// The main part alone.
    pub(crate) fn without_delta(mut self) -> Index {
        self.delta = None;
        self
    }

    /// Attaches a delta (an index of the units above this one's high-water mark).
    pub(crate) fn with_delta(mut self, delta: Index) -> Index {
        self.delta = Some(Box::new(delta));
        self
    }

    /// The delta, if any.
    pub(crate) fn delta(&self) -> Option<&Index> {
        self.delta.as_deref()
    }

    /// The parts to search, each with the number of its first entry.
    pub(crate) fn parts(&self) -> impl Iterator<Item = (&Index, usize)> {
        std::iter::once((self, 0)).chain(self.delta().map(|d| (d, self.part_len())))
    }

    /// The number of entries of this part (without the delta).
    #[inline]
    pub(crate) fn part_len(&self) -> usize {
        self.section(Section::Units).len() / 8
    }

    /// The number of entries, the delta's included.
    pub fn len(&self) -> usize {
        self.part_len() + self.delta().map_or(0, Index::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The part entry `i` is in, and its number there.
    #[inline]
    fn locate(&self, i: usize) -> (&Index, usize) {
        match self.delta() {
            Some(delta) if i >= self.part_len() => (delta, i - self.part_len()),
            _ => (self, i),
        }
    }

    /// The unit of entry `i`.
    #[inline]
    pub fn unit(&self, i: usize) -> i64 {
        let (part, i) = self.locate(i);
        u64_at(part.section(Section::Units), i) as i64
    }

    /// The prepared text of entry `i`.
    #[inline]
    pub fn text(&self, i: usize) -> &str {
        let (part, i) = self.locate(i);
        part.part_text(i)
    }

    /// The prepared text of entry `i` of this part.
    #[inline]
    fn part_text(&self, i: usize) -> &str {
        // Written from `&str`s and never modified in place; a damaged file reads as empty text.
        std::str::from_utf8(self.text_bytes(i)).unwrap_or("")
    }

    /// The per-entry fields of this part, sliced once, for a loop that reads them for many entries.
    pub(crate) fn entries_view(&self) -> Entries<'_> {
        Entries {
            ends: self.section(Section::TextEnds).as_chunks().0,
            langs: self.section(Section::Langs).as_chunks().0,
            lengths: self.section(Section::Lengths).as_chunks().0,
            arena: self.section(Section::Arena),
        }
    }

    /// The UTF-8 bytes of entry `i`'s text, not validated again (it was written from a `&str`).
    #[inline]
    pub(crate) fn text_bytes(&self, i: usize) -> &[u8] {
        self.entries_view().text_bytes(i)
    }

    /// The language mask of entry `i`.
    #[inline]
    pub fn langs(&self, i: usize) -> u32 {
        let (part, i) = self.locate(i);
        part.entries_view().langs(i)
    }

    /// The length of entry `i` in chars (saturated at 65,535).
    #[inline]
    pub fn length(&self, i: usize) -> usize {
        self.entries_view().length(i)
    }

    /// The length of entry `i` in word tokens (saturated at 65,535).
    #[inline]
    pub fn token_length(&self, i: usize) -> usize {
        usize::from(u16_at(self.section(Section::Tokens), i))
    }

    /// The longest entry, in chars.
    pub fn max_len(&self) -> usize {
        (self.section(Section::LenStart).len() / 4).saturating_sub(2)
    }

    /// The entries of lengths `lo..=hi` (in chars), as an index range.
    pub fn length_range(&self, lo: usize, hi: usize) -> Range<usize> {
        let starts = self.section(Section::LenStart);
        let count = starts.len() / 4;
        let at = |l: usize| {
            if l >= count {
                self.part_len()
            } else {
                u32_at(starts, l) as usize
            }
        };
        let start = at(lo);
        start..at(hi.saturating_add(1)).max(start)
    }

    /// Words (of 64 entries) in a bitmap.
    pub(crate) fn words(&self) -> usize {
        self.words
    }

    /// How a bigram is stored, if any entry has it.
    pub(crate) fn gram(&self, key: u64) -> Option<GramInfo> {
        let keys = self.section(Section::GramKeys);
        let count = keys.len() / 8;
        let i = partition_point(0, count, |mid| u64_at(keys, mid) < key);
        if i >= count || u64_at(keys, i) != key {
            return None;
        }
        let info = self.section(Section::GramInfo);
        let field = |row: usize, f: usize| u64_at(info, row * GRAM_INFO + f) as usize;
        Some(GramInfo {
            postings: field(i, 0),
            postings_end: field(i + 1, 0),
            skips: field(i, 1),
            skips_end: field(i + 1, 1),
            bitmap: field(i, 2),
            levels: field(i, 3) as u32,
            zoned: field(i, 3) >> 32 & 1 == 1,
        })
    }

    /// Bitmap level `level` of a bigram: one bit per entry, `words` little-endian words (empty in a
    /// damaged file, which then reads as zeros). A zoned gram has levels from 2 on here, and its
    /// first level in [`Index::zone_bitmap`].
    pub(crate) fn bitmap(&self, gram: &GramInfo, level: u32) -> &[u8] {
        debug_assert!(level > u32::from(gram.zoned));
        self.nth_bitmap(gram.bitmap + level as usize - usize::from(!gram.zoned))
    }

    /// The entries that have a zoned bigram in zone `zone` ([`zones::FIRST`] or [`zones::SECOND`]).
    pub(crate) fn zone_bitmap(&self, gram: &GramInfo, zone: u8) -> &[u8] {
        debug_assert!(gram.zoned);
        self.nth_bitmap(gram.bitmap + usize::from(zone == zones::SECOND))
    }

    fn nth_bitmap(&self, at: usize) -> &[u8] {
        let start = at * self.words * 8;
        self.section(Section::Bitmaps)
            .get(start..start + self.words * 8)
            .unwrap_or(&[])
    }

    /// Calls `visit(entry, occurrences)` for every posting of a bigram inside `range`, in order.
    #[inline]
    pub(crate) fn for_each_posting(
        &self,
        gram: &GramInfo,
        range: &Range<usize>,
        mut visit: impl FnMut(usize, u32),
    ) {
        if gram.skips == gram.skips_end {
            return;
        }
        let postings = self.section(Section::Postings);
        let skips = self.section(Section::Skips);
        let entry_of = |s: usize| u32_at(skips, 2 * s) as usize;
        let block = partition_point(gram.skips, gram.skips_end, |s| entry_of(s) <= range.start);
        let block = block.saturating_sub(1).max(gram.skips);
        let mut pos = gram.postings + u32_at(skips, 2 * block + 1) as usize;
        let end = gram.postings_end.min(postings.len());
        let mut in_block = 0;
        let mut entry = 0usize;
        while pos < end {
            let word = read_varint(postings, &mut pos);
            let count = if word & 1 == 1 {
                read_varint(postings, &mut pos) as u32
            } else {
                1
            };
            let value = (word >> 1) as usize;
            entry = if in_block == 0 { value } else { entry + value };
            in_block = (in_block + 1) % SKIP_EVERY;
            if entry >= range.end {
                break;
            }
            if entry >= range.start {
                visit(entry, count);
            }
        }
    }

    /// The size of the index in bytes, the delta's included.
    pub fn size(&self) -> usize {
        self.bytes.len() + self.delta().map_or(0, Index::size)
    }

    /// The bytes of indexed text (the arena), to relate the index size to the text it covers.
    pub fn text_size(&self) -> usize {
        self.section(Section::Arena).len() + self.delta().map_or(0, Index::text_size)
    }

    /// All entries.
    pub fn entries(&self) -> Range<usize> {
        0..self.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(texts: &[String]) -> Index {
        let entries = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Entry {
                unit: i as i64 + 1,
                text: t.clone(),
                langs: 1,
            })
            .collect();
        Index::build(
            entries,
            Meta {
                lang: "en".into(),
                slots: vec!["en".into()],
                generation: 0,
                after: 0,
                high_water: 0,
            },
        )
    }

    fn strings(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn entries_are_sorted_by_length_then_unit() {
        let idx = index(&strings(&[
            "Open the file",
            "Save",
            "Файл",
            "Close all",
            "Save",
        ]));
        let texts: Vec<&str> = idx.entries().map(|i| idx.text(i)).collect();
        assert_eq!(
            texts,
            ["Save", "Файл", "Save", "Close all", "Open the file"]
        );
        assert_eq!(idx.unit(0), 2);
        assert_eq!(idx.unit(2), 5);
        assert_eq!(idx.length(1), 4);
        assert_eq!(idx.length_range(4, 4), 0..3);
        assert_eq!(idx.length_range(5, 9), 3..4);
        assert_eq!(idx.length_range(10, 100), 4..5);
        assert_eq!(idx.max_len(), 13);
    }

    /// Every entry's count of a bigram, read back through bitmaps and postings.
    fn counts_of(idx: &Index, a: char, b: char) -> Vec<u32> {
        let mut counts = vec![0; idx.len()];
        let Some(gram) = idx.gram(gram_key(a as u32, b as u32)) else {
            return counts;
        };
        let bit = |bitmap: &[u8], e: usize| (bitmap_block(bitmap, e / 64)[0] >> (e % 64)) & 1;
        for level in 1..=gram.levels {
            for (e, c) in counts.iter_mut().enumerate() {
                *c += match level {
                    1 if gram.zoned => {
                        bit(idx.zone_bitmap(&gram, zones::FIRST), e)
                            | bit(idx.zone_bitmap(&gram, zones::SECOND), e)
                    }
                    _ => bit(idx.bitmap(&gram, level), e),
                } as u32;
            }
        }
        idx.for_each_posting(&gram, &idx.entries(), |e, c| counts[e] = c);
        counts
    }

    #[test]
    fn bigram_counts_survive_bitmaps_and_postings() {
        // "ab" is frequent (bitmaps, several levels); "zq" is rare (postings).
        let texts: Vec<String> = (0..3000)
            .map(|i| match i % 4 {
                0 => format!("ab ab ab {i}"),
                1 => format!("ab {i}"),
                2 if i % 97 == 2 => format!("cd {i} zq"),
                2 => format!("cd {i}"),
                _ => format!("ababababababab {i}"),
            })
            .collect();
        let idx = index(&texts);
        let want = |e: usize, pat: &str| idx.text(e).matches(pat).count() as u32;
        let ab = counts_of(&idx, 'a', 'b');
        let zq = counts_of(&idx, 'z', 'q');
        for e in idx.entries() {
            // "abab…" overlaps: count bigram occurrences directly.
            let chars: Vec<char> = idx.text(e).chars().collect();
            let direct = chars
                .windows(2)
                .filter(|w| w[0] == 'a' && w[1] == 'b')
                .count() as u32;
            assert_eq!(ab[e], direct, "{}", idx.text(e));
            assert_eq!(zq[e], want(e, "zq"));
        }
        assert!(idx.gram(gram_key('a' as u32, 'b' as u32)).unwrap().levels >= 3);
        assert_eq!(
            idx.gram(gram_key('z' as u32, 'q' as u32)).unwrap().levels,
            0
        );
    }

    #[test]
    fn zone_bitmaps_say_which_half_of_a_text_has_the_bigram() {
        // "ab" in most texts (zoned), at the start, the end or both; "qз" in a few (not zoned).
        let texts: Vec<String> = (0..1000)
            .map(|i| match i % 3 {
                0 => format!("ab {i:05} xy"),
                1 => format!("xy {i:05} ab"),
                _ if i % 50 == 2 => format!("ab {i:05} ab qз"),
                _ => format!("ab {i:05} ab"),
            })
            .collect();
        let idx = index(&texts);
        let ab = idx.gram(gram_key('a' as u32, 'b' as u32)).unwrap();
        assert!(ab.zoned);
        assert!(!idx.gram(gram_key('q' as u32, 'з' as u32)).unwrap().zoned);
        let bit = |bitmap: &[u8], e: usize| (bitmap_block(bitmap, e / 64)[0] >> (e % 64)) & 1 == 1;
        for e in idx.entries() {
            let chars: Vec<char> = idx.text(e).chars().collect();
            let bigrams = chars.len() - 1;
            let at: Vec<usize> = (0..bigrams)
                .filter(|&j| chars[j] == 'a' && chars[j + 1] == 'b')
                .collect();
            let in_zone = |z: u8| at.iter().any(|&j| zones::zone(j, bigrams) == z);
            assert_eq!(
                bit(idx.zone_bitmap(&ab, zones::FIRST), e),
                in_zone(zones::FIRST)
            );
            assert_eq!(
                bit(idx.zone_bitmap(&ab, zones::SECOND), e),
                in_zone(zones::SECOND)
            );
        }
    }

    #[test]
    fn postings_inside_a_range() {
        let texts: Vec<String> = (0..500)
            .map(|i| {
                if i % 97 == 0 {
                    format!("xy{i:04}")
                } else {
                    format!("cd{i:04}")
                }
            })
            .collect();
        let idx = index(&texts);
        let gram = idx.gram(gram_key('x' as u32, 'y' as u32)).unwrap();
        let mut part = Vec::new();
        idx.for_each_posting(&gram, &(100..300), |e, _| part.push(e));
        let want: Vec<usize> = idx
            .entries()
            .filter(|e| (100..300).contains(e) && idx.text(*e).starts_with("xy"))
            .collect();
        assert_eq!(part, want);
        assert!(idx.gram(gram_key('z' as u32, 'z' as u32)).is_none());
    }

    #[test]
    fn an_index_survives_its_bytes_and_refuses_garbage() {
        let idx = index(&strings(&[
            "Baş direktor",
            "Бас директор",
            "المدير العام",
            "𝐀𝐁 ok",
        ]));
        let copy = Index::from_bytes(Bytes::Owned(idx.as_bytes().to_vec())).unwrap();
        assert_eq!(copy.len(), 4);
        assert_eq!(copy.meta(), idx.meta());
        for i in idx.entries() {
            assert_eq!(copy.text(i), idx.text(i));
            assert_eq!(copy.unit(i), idx.unit(i));
            let decoded: Vec<u32> = Utf8Chars::new(copy.entries_view().text_bytes(i)).collect();
            let want: Vec<u32> = idx.text(i).chars().map(u32::from).collect();
            assert_eq!(decoded, want);
        }
        assert!(Index::from_bytes(Bytes::Owned(b"not an index".to_vec())).is_none());
        let mut truncated = idx.as_bytes().to_vec();
        truncated.truncate(truncated.len() / 2);
        assert!(Index::from_bytes(Bytes::Owned(truncated)).is_none());
    }
}
