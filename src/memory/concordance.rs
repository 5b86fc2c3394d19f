//! Concordance search: where a piece of text occurs in the memory, in any language.
//!
//! An SQLite FTS5 table with the trigram tokenizer indexes a folded copy of every variant (case
//! folded by the variant's language, Arabic diacritics dropped, whitespace runs as one space; see
//! [`crate::text::fold`]). Only row ids are stored (a contentless table): the index proposes
//! candidates, and each is checked against the original text with the options asked for, so the
//! index may over-approximate but never miss. Each folded text is indexed with two end marks after
//! it, so that every character of it starts a trigram: a pattern of one or two characters occurs
//! only in variants holding a trigram that starts with it.
//!
//! Beside it, a table counts the variants each trigram occurs in, so that a query asks the index
//! for the pattern's rarest trigrams only (and for nothing when one never occurs). A short pattern
//! asks for the trigrams it starts, unless one of them is frequent enough that reading the variants
//! in order finds the hits sooner.
//!
//! The trigrams of a phrase of common words are all common (`file for the`: each is in 10–40 % of
//! the variants), so a second FTS5 table, the word index, holds a row per unit with word-boundary
//! tokens of the same folded texts (split at spaces): for each space, the last three characters of
//! the word before it and the first three of the word after it (`ile for`, `for the`), and for each
//! word of up to three characters between two spaces, the tail before, the word and the head after
//! (`ile for the`; the pairs around a longer word are rare enough). Tokens are hashed to 20 bits
//! and stored as decimal numbers (the `ascii` tokenizer), a collision only adding candidates. A
//! pattern may start and end inside a word, so its first word gives a tail, and its last word a
//! head, only when it has three characters or more (`he fil` has no token, `the fil` has one, and
//! every text holding the pattern holds its tokens). A pattern with tokens in every folding asks
//! the word index for all of them (a triple where known, a pair for the other spaces), unless its
//! trigrams already narrow the search to at most one variant in 2,000; any other asks the trigram
//! index.
//!
//! The index is built on first use, not during import, and it is never stale: it records the store
//! generation it reflects. When the store has only grown since (import appends units and never
//! changes a variant's text), the new units are added to both tables; otherwise it is built again.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::ops::Range;

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::error::{Error, Result};
use crate::model::{LangTag, Language};
use crate::text::{FoldOptions, fold, fold_mapped, nfc};

/// The `meta` keys of the index's state: the generation it reflects, the highest unit and the
/// number of variants in it, and the form of its bodies.
const GENERATION_KEY: &str = "concordance_generation";
const UNITS_KEY: &str = "concordance_units";
const ROWS_KEY: &str = "concordance_rows";
const FORMAT_KEY: &str = "concordance_format";
/// The form of the index: 2 since the bodies end with [`END_MARKS`], 3 with the word index beside
/// the trigrams, 4 since its tokens have [`WORD_BITS`] bits (an index of another form is built
/// again).
const FORMAT: i64 = 4;
/// What follows each folded text in the index: two characters no text has (XML cannot hold them),
/// so that every character of the text starts a trigram.
const END_MARKS: &str = "\u{3}\u{3}";
/// A short pattern is looked up by reading the variants in order when one trigram it starts occurs
/// in at least one variant in this many: the hits are then dense enough to come soon.
const DENSE: i64 = 500;
/// The most trigrams a short pattern's index query may have; more and the variants are read.
const MAX_SHORT_TERMS: usize = 2048;
/// A pattern whose trigram query gives candidates in at most one variant in this many does not ask
/// the word index: they are few.
const SPARSE: i64 = 2000;
/// The longest word, in characters, around which the word index holds triples.
const SHORT_WORD: usize = 3;
/// Word tokens are hashed into this many bits (a collision only adds candidates).
const WORD_BITS: u32 = 20;
/// How much of the store a search maps into memory (SQLite's `mmap_size`).
const MMAP_SIZE: i64 = 1 << 36;

/// Variant orders above this share one row id per unit; their candidates are checked together.
const MAX_ORD: i64 = 0xFFFF;
/// The most trigrams of a pattern whose frequency is looked up (evenly spread over a long one).
const MAX_TRIGRAMS: usize = 256;
/// How many of the rarest trigrams the index query uses.
const RAREST: usize = 6;
/// A trigram across a word boundary counts as this many times rarer when trigrams are chosen.
const BOUNDARY: i64 = 4;
/// Past the first two, a trigram this many times more frequent than every chosen one is left out.
const COSTLY: i64 = 2;

/// What to look for.
#[derive(Clone, Debug)]
pub struct Pattern<'a> {
    pub text: &'a str,
    /// Only variants in this matching language (`LangTag::base`).
    pub lang: Option<&'a str>,
    pub options: FoldOptions,
    /// The most variants returned.
    pub limit: usize,
}

/// A variant where the pattern occurs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub unit: i64,
    pub lang: String,
    pub text: String,
    /// Byte ranges of the occurrences in `text`.
    pub spans: Vec<Range<usize>>,
}

/// The row id of a variant in the index.
fn row_id(unit: i64, ord: i64) -> i64 {
    (unit << 16) | ord.min(MAX_ORD)
}

/// The language a variant's text folds in.
fn language(base: &str) -> Language {
    LangTag::parse(base).map_or(Language::Other, |t| t.language())
}

/// The distinct trigrams of `text` as numbers (three 21-bit scalar values), sorted, into `out`.
fn trigrams(text: &str, out: &mut Vec<i64>) {
    out.clear();
    let mut window = [0i64; 3];
    for (i, c) in text.chars().enumerate() {
        window = [window[1], window[2], i64::from(u32::from(c))];
        if i >= 2 {
            out.push((window[0] << 42) | (window[1] << 21) | window[2]);
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// The text of a trigram number.
fn trigram_text(gram: i64) -> String {
    [gram >> 42, (gram >> 21) & 0x1F_FFFF, gram & 0x1F_FFFF]
        .into_iter()
        .filter_map(|c| char::from_u32(c as u32))
        .collect()
}

/// The last three characters of a word (all of a shorter one).
fn word_tail(word: &str) -> &str {
    word.char_indices()
        .rev()
        .nth(2)
        .map_or(word, |(at, _)| &word[at..])
}

/// The first three characters of a word (all of a shorter one).
fn word_head(word: &str) -> &str {
    word.char_indices()
        .nth(3)
        .map_or(word, |(at, _)| &word[..at])
}

/// The token of `parts` joined by spaces: FNV-1a, spread and cut to [`WORD_BITS`].
fn word_token(parts: &[&str]) -> u32 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, part) in parts.iter().enumerate() {
        let space = (i > 0).then_some(b' ');
        for b in space.into_iter().chain(part.bytes()) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - WORD_BITS)) as u32
}

/// Whether a word is short enough for the word index to hold triples around it: the pairs around a
/// longer word are rare enough already.
fn is_short(word: &str) -> bool {
    word.chars().nth(SHORT_WORD).is_none()
}

/// Appends the word tokens of a folded text to `out`: for each space, the tail of the word before
/// it and the head of the word after it; for each short word between two spaces, the tail before,
/// the word and the head after. A phrase of common words is rare as such tokens (`the the` is in
/// about one variant in a hundred, `the the the` in one in four thousand) where its trigrams are not.
fn word_tokens(folded: &str, out: &mut Vec<u32>) {
    let words: Vec<&str> = folded.split(' ').collect();
    for pair in words.windows(2) {
        out.push(word_token(&[word_tail(pair[0]), word_head(pair[1])]));
    }
    for triple in words.windows(3).filter(|triple| is_short(triple[1])) {
        out.push(word_token(&[
            word_tail(triple[0]),
            triple[1],
            word_head(triple[2]),
        ]));
    }
}

/// The word tokens of every text whose fold holds the folded pattern, sorted: a pattern may start
/// and end inside a word, so its first word gives a tail and its last word a head only with three
/// characters or more. A triple is taken where known (around a short word), a pair for a space no
/// triple covers.
fn pattern_word_tokens(folded: &str) -> Vec<u32> {
    let words: Vec<&str> = folded.split(' ').collect();
    let last = words.len() - 1;
    let long = |i: usize| words[i].chars().nth(2).is_some();
    let tail = |i: usize| (i > 0 || long(i)).then(|| word_tail(words[i]));
    let head = |i: usize| (i < last || long(i)).then(|| word_head(words[i]));
    let mut tokens = Vec::new();
    // Whether the space after word i is in a triple taken.
    let mut covered = vec![false; last];
    for i in 0..last.saturating_sub(1) {
        if let (true, Some(tail), Some(head)) = (is_short(words[i + 1]), tail(i), head(i + 2)) {
            tokens.push(word_token(&[tail, words[i + 1], head]));
            covered[i] = true;
            covered[i + 1] = true;
        }
    }
    for (i, covered) in covered.into_iter().enumerate() {
        if let (false, Some(tail), Some(head)) = (covered, tail(i), head(i + 1)) {
            tokens.push(word_token(&[tail, head]));
        }
    }
    tokens.sort_unstable();
    tokens.dedup();
    tokens
}

/// Inserts a unit's word tokens (all its variants') into the word index, and empties them.
fn insert_words(
    insert: &mut rusqlite::Statement<'_>,
    unit: i64,
    tokens: &mut Vec<u32>,
) -> rusqlite::Result<()> {
    tokens.sort_unstable();
    tokens.dedup();
    let body: Vec<String> = tokens.iter().map(u32::to_string).collect();
    insert.execute(params![unit, body.join(" ")])?;
    tokens.clear();
    Ok(())
}

/// A hasher for trigram numbers (they are already well spread): one multiplication.
#[derive(Default)]
struct GramHasher(u64);

impl std::hash::Hasher for GramHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_i64(&mut self, n: i64) {
        self.0 = (n as u64)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(29);
    }
}

type BuildGramHasher = std::hash::BuildHasherDefault<GramHasher>;

/// What the index can say about a folded pattern.
enum Plan {
    /// Read the variants in order (a short pattern with dense hits, or no character at all).
    Scan,
    /// A trigram occurs in no variant: no hit.
    Nothing,
    /// An FTS5 query for the rarest trigrams, or for those a short pattern starts, and the most
    /// candidates it can give (the count of its rarest trigram, or the sum of the short one's).
    Query(String, i64),
}

/// A trigram as an FTS5 string.
fn term(gram: i64) -> String {
    format!("\"{}\"", trigram_text(gram).replace('"', "\"\""))
}

impl Store {
    /// The plan for `folded`: [`RAREST`] of its least frequent trigrams, by the document counts
    /// kept beside the index (a frequent trigram's posting list costs more to read than it
    /// narrows), taken from places that do not overlap first (overlapping trigrams of one word
    /// narrow little more than one of them).
    fn plan(&self, folded: &str) -> Result<Plan> {
        let chars: Vec<char> = folded.chars().collect();
        if chars.len() < 3 {
            return self.short_plan(&chars);
        }
        // (gram, position) of every window, evenly sampled in a very long pattern.
        let windows = chars.len() - 2;
        let step = (windows as f64 / MAX_TRIGRAMS as f64).max(1.0);
        let mut sampled: Vec<(i64, usize)> = (0..windows.min(MAX_TRIGRAMS))
            .map(|i| (i as f64 * step) as usize)
            .map(|at| {
                let [a, b, c] =
                    [chars[at], chars[at + 1], chars[at + 2]].map(|c| i64::from(u32::from(c)));
                ((a << 42) | (b << 21) | c, at)
            })
            .collect();
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT docs FROM concordance_grams WHERE gram = ?1")
            .map_err(|e| self.err(e))?;
        let mut docs: HashMap<i64, i64> = HashMap::new();
        for (gram, _) in &sampled {
            if docs.contains_key(gram) {
                continue;
            }
            let count: Option<i64> = stmt
                .query_row(params![gram], |r| r.get(0))
                .optional()
                .map_err(|e| self.err(e))?;
            match count {
                None | Some(0) => return Ok(Plan::Nothing),
                Some(count) => docs.insert(*gram, count),
            };
        }
        // A trigram across a word boundary (a space in the middle) stands for two words side by
        // side, which the trigrams inside each word say little about: it narrows more than its
        // count suggests.
        let weight = |gram: i64| {
            let boundary = (gram >> 21) & 0x1F_FFFF == i64::from(u32::from(' '));
            if boundary {
                docs[&gram] / BOUNDARY
            } else {
                docs[&gram]
            }
        };
        sampled.sort_unstable_by_key(|(gram, at)| (weight(*gram), *at));
        let mut chosen: Vec<(i64, usize)> = Vec::with_capacity(RAREST);
        for spread in [true, false] {
            for (gram, at) in &sampled {
                if chosen.len() == RAREST {
                    break;
                }
                let taken = chosen.iter().any(|(g, _)| g == gram);
                let overlaps = chosen.iter().any(|(_, p)| p.abs_diff(*at) < 3);
                // Past two, a trigram far more frequent than those chosen costs more to read than
                // it narrows.
                let costly = chosen.len() >= 2
                    && chosen
                        .iter()
                        .all(|(g, _)| docs[gram] > COSTLY.saturating_mul(docs[g]));
                if !(taken || costly || (spread && overlaps)) {
                    chosen.push((*gram, *at));
                }
            }
        }
        let terms: Vec<String> = chosen.iter().map(|(g, _)| term(*g)).collect();
        let most = chosen.iter().map(|(g, _)| docs[g]).min().unwrap_or(0);
        Ok(Plan::Query(terms.join(" AND "), most))
    }

    /// The plan for a folded pattern of fewer than three characters: the trigrams that start with
    /// it (every occurrence starts one, thanks to the end marks), or a scan when one of them is in
    /// at least one variant in [`DENSE`] or there are too many of them.
    fn short_plan(&self, chars: &[char]) -> Result<Plan> {
        if chars.is_empty() {
            return Ok(Plan::Scan);
        }
        let prefix = chars
            .iter()
            .fold(0i64, |acc, c| (acc << 21) | i64::from(u32::from(*c)));
        let shift = 21 * (3 - chars.len() as u32);
        let (low, high) = (prefix << shift, ((prefix + 1) << shift) - 1);
        let rows = self.concordance_state(ROWS_KEY)?.unwrap_or(0);
        let mut stmt = self
            .conn()
            .prepare_cached(
                "SELECT gram, docs FROM concordance_grams WHERE gram BETWEEN ?1 AND ?2 ORDER BY gram",
            )
            .map_err(|e| self.err(e))?;
        let mut found = stmt.query(params![low, high]).map_err(|e| self.err(e))?;
        let mut terms: Vec<String> = Vec::new();
        let mut most = 0;
        while let Some(row) = found.next().map_err(|e| self.err(e))? {
            let gram: i64 = row.get(0).map_err(|e| self.err(e))?;
            let docs: i64 = row.get(1).map_err(|e| self.err(e))?;
            if docs.saturating_mul(DENSE) >= rows || terms.len() == MAX_SHORT_TERMS {
                return Ok(Plan::Scan);
            }
            if docs > 0 {
                terms.push(term(gram));
                most += docs;
            }
        }
        Ok(if terms.is_empty() {
            Plan::Nothing
        } else {
            Plan::Query(terms.join(" OR "), most)
        })
    }

    /// A number the index keeps in `meta`.
    fn concordance_state(&self, key: &str) -> Result<Option<i64>> {
        self.conn()
            .query_row(
                "SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?1",
                params![key],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }
}

impl Store {
    /// Whether the concordance index reflects the store as it is (else the next search updates or
    /// builds it first).
    pub fn concordance_is_current(&self) -> Result<bool> {
        Ok(self.concordance_state(FORMAT_KEY)? == Some(FORMAT)
            && self.concordance_state(GENERATION_KEY)? == Some(self.generation()?))
    }

    /// Brings the concordance index up to the store's generation.
    pub fn update_concordance(&self) -> Result<()> {
        let conn = self.conn();
        let err = |e| self.err(e);
        let generation = self.generation()?;
        let state = |key: &str| self.concordance_state(key);
        let same_format = state(FORMAT_KEY)? == Some(FORMAT);
        if same_format && state(GENERATION_KEY)? == Some(generation) {
            return Ok(());
        }
        conn.execute_batch("BEGIN IMMEDIATE").map_err(err)?;
        let result = (|| {
            let units = state(UNITS_KEY)?.unwrap_or(0);
            let rows = state(ROWS_KEY)?.unwrap_or(0);
            let kept = self.variant_count_through(units)? as i64;
            let (from, mut count) = if kept == rows && same_format {
                (units, rows)
            } else {
                conn.execute_batch(
                    "INSERT INTO concordance (concordance) VALUES ('delete-all');
                     INSERT INTO concordance_words (concordance_words) VALUES ('delete-all');
                     DELETE FROM concordance_grams;",
                )
                .map_err(err)?;
                (0, 0)
            };
            let mut top = from;
            let mut insert = conn
                .prepare("INSERT INTO concordance (rowid, body) VALUES (?1, ?2)")
                .map_err(err)?;
            let mut insert_unit = conn
                .prepare("INSERT INTO concordance_words (rowid, body) VALUES (?1, ?2)")
                .map_err(err)?;
            let mut folds: Vec<(String, Language)> = Vec::new();
            let mut docs: HashMap<i64, i64, BuildGramHasher> = HashMap::default();
            let mut grams: Vec<i64> = Vec::new();
            // The unit whose word tokens are being gathered, and its tokens.
            let mut unit_words: (Option<i64>, Vec<u32>) = (None, Vec::new());
            self.for_each_variant_of(from, |unit, ord, variant| {
                if unit_words.0 != Some(unit) {
                    if let Some(done) = unit_words.0 {
                        insert_words(&mut insert_unit, done, &mut unit_words.1).map_err(err)?;
                    }
                    unit_words.0 = Some(unit);
                }
                let base = variant.base;
                let language = match folds.iter().find(|(b, _)| b == base) {
                    Some((_, l)) => *l,
                    None => {
                        let l = language(base);
                        folds.push((base.to_string(), l));
                        l
                    }
                };
                let mut folded = fold(variant.text, language, FoldOptions::ALL);
                word_tokens(&folded, &mut unit_words.1);
                folded.push_str(END_MARKS);
                trigrams(&folded, &mut grams);
                for gram in &grams {
                    *docs.entry(*gram).or_default() += 1;
                }
                insert
                    .execute(params![row_id(unit, ord as i64), folded])
                    .map_err(err)?;
                top = top.max(unit);
                count += 1;
                Ok(ControlFlow::Continue(()))
            })?;
            if let Some(done) = unit_words.0 {
                insert_words(&mut insert_unit, done, &mut unit_words.1).map_err(err)?;
            }
            let mut add = conn
                .prepare(
                    "INSERT INTO concordance_grams (gram, docs) VALUES (?1, ?2)
                     ON CONFLICT (gram) DO UPDATE SET docs = docs + excluded.docs",
                )
                .map_err(err)?;
            for (gram, count) in docs {
                add.execute(params![gram, count]).map_err(err)?;
            }
            for (key, value) in [
                (GENERATION_KEY, generation),
                (UNITS_KEY, top),
                (ROWS_KEY, count),
                (FORMAT_KEY, FORMAT),
            ] {
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    params![key, value.to_string()],
                )
                .map_err(err)?;
            }
            Ok(())
        })();
        let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
        conn.execute_batch(end).map_err(err)?;
        result
    }

    /// The variants where `pattern` occurs, in unit order, at most `pattern.limit`. The index is
    /// brought up to date first.
    pub fn concordance(&self, pattern: &Pattern<'_>) -> Result<Vec<Occurrence>> {
        let text = nfc(pattern.text);
        if text.trim().is_empty() {
            return Err(Error::EmptyPattern);
        }
        if pattern.limit == 0 {
            return Ok(Vec::new());
        }
        self.update_concordance()?;
        // Candidates are read from all over the store: mapped, a page costs no copy.
        self.conn()
            .pragma_update(None, "mmap_size", MMAP_SIZE)
            .map_err(|e| self.err(e))?;
        // The index holds each variant folded in its language: ask in every folding that applies.
        let families: Vec<Language> = match pattern.lang {
            Some(base) => vec![language(base)],
            None => vec![Language::Azerbaijani, Language::English],
        };
        // A pattern with word tokens in every folding asks the word index (a phrase of common words
        // is rare there), unless its trigrams already narrow the search to a few candidates.
        let rows = self.concordance_state(ROWS_KEY)?.unwrap_or(0);
        let mut trigram_queries: Vec<String> = Vec::new();
        let mut word_queries: Vec<String> = Vec::new();
        let mut by_words = true;
        for family in families {
            let folded = fold(&text, family, FoldOptions::ALL);
            let query = match self.plan(&folded)? {
                Plan::Query(query, most) => {
                    by_words &= most.saturating_mul(SPARSE) > rows;
                    query
                }
                Plan::Nothing => continue,
                Plan::Scan => return self.scan(pattern),
            };
            if !trigram_queries.contains(&query) {
                trigram_queries.push(query);
            }
            let tokens = pattern_word_tokens(&folded);
            by_words &= !tokens.is_empty();
            let query: Vec<String> = tokens.iter().map(u32::to_string).collect();
            let query = query.join(" AND ");
            if !word_queries.contains(&query) {
                word_queries.push(query);
            }
        }
        if trigram_queries.is_empty() {
            return Ok(Vec::new());
        }
        let (sql, queries) = if by_words {
            (
                "SELECT rowid FROM concordance_words WHERE concordance_words MATCH ?1 ORDER BY rowid",
                word_queries,
            )
        } else {
            (
                "SELECT rowid FROM concordance WHERE concordance MATCH ?1 ORDER BY rowid",
                trigram_queries,
            )
        };
        let query = queries
            .iter()
            .map(|q| format!("({q})"))
            .collect::<Vec<_>>()
            .join(" OR ");
        let conn = self.conn();
        let err = |e| self.err(e);
        let mut candidates = conn.prepare(sql).map_err(err)?;
        let mut rows = candidates.query(params![query]).map_err(err)?;
        let mut checker = Checker::new(pattern);
        let mut found = Vec::new();
        while let Some(row) = rows.next().map_err(err)? {
            let id: i64 = row.get(0).map_err(err)?;
            // The word index has a row per unit, the trigram index one per variant.
            let (unit, ord, last) = match (by_words, id & MAX_ORD) {
                (true, _) => (id, 0, i64::MAX),
                (false, MAX_ORD) => (id >> 16, MAX_ORD, i64::MAX),
                (false, ord) => (id >> 16, ord, ord),
            };
            let mut hits = Vec::new();
            self.variants_of_unit(unit, |i, v| {
                let i = i as i64;
                if (ord..=last).contains(&i)
                    && let Some(spans) = checker.spans(v.base, v.text)
                {
                    hits.push(Occurrence {
                        unit,
                        lang: v.lang.to_string(),
                        text: v.text.to_string(),
                        spans,
                    });
                }
            })?;
            for hit in hits {
                found.push(hit);
                if found.len() == pattern.limit {
                    return Ok(found);
                }
            }
        }
        Ok(found)
    }

    /// The search for a pattern too short for trigrams: every variant is checked.
    fn scan(&self, pattern: &Pattern<'_>) -> Result<Vec<Occurrence>> {
        let mut checker = Checker::new(pattern);
        let mut found = Vec::new();
        self.for_each_variant_of(0, |unit, _, v| {
            if let Some(spans) = checker.spans(v.base, v.text) {
                found.push(Occurrence {
                    unit,
                    lang: v.lang.to_string(),
                    text: v.text.to_string(),
                    spans,
                });
                if found.len() == pattern.limit {
                    return Ok(ControlFlow::Break(()));
                }
            }
            Ok(ControlFlow::Continue(()))
        })?;
        Ok(found)
    }

    /// The other variants of `unit`: (language tag, text), in order.
    pub fn variants_of(&self, unit: i64) -> Result<Vec<(String, String)>> {
        let mut variants = Vec::new();
        self.variants_of_unit(unit, |_, v| {
            variants.push((v.lang.to_string(), v.text.to_string()))
        })?;
        Ok(variants)
    }
}

/// Checks variants against a pattern, with the pattern folded once per language.
struct Checker<'p> {
    pattern: &'p Pattern<'p>,
    /// (base, its language, the pattern folded in it).
    needles: Vec<(String, Language, String)>,
}

impl<'p> Checker<'p> {
    fn new(pattern: &'p Pattern<'p>) -> Checker<'p> {
        Checker {
            pattern,
            needles: Vec::new(),
        }
    }

    /// Where the pattern occurs in a variant's text (byte ranges), if it does.
    fn spans(&mut self, base: &str, text: &str) -> Option<Vec<Range<usize>>> {
        if self.pattern.lang.is_some_and(|l| l != base) {
            return None;
        }
        let at = match self.needles.iter().position(|(b, _, _)| b == base) {
            Some(at) => at,
            None => {
                let language = language(base);
                let needle = fold(&nfc(self.pattern.text), language, self.pattern.options);
                self.needles.push((base.to_string(), language, needle));
                self.needles.len() - 1
            }
        };
        let (_, language, needle) = &self.needles[at];
        let options = self.pattern.options;
        // Most candidates of a trigram index do not hold the pattern: check before mapping. Without
        // options a text whose whitespace is single spaces is its own fold.
        let plain = !options.case
            && !options.diacritics
            && !text.contains("  ")
            && !text.chars().any(|c| c.is_whitespace() && c != ' ');
        let holds = if plain {
            text.contains(needle.as_str())
        } else {
            fold(text, *language, options).contains(needle.as_str())
        };
        if !holds {
            return None;
        }
        let spans = fold_mapped(text, *language, options).find_all(needle);
        (!spans.is_empty()).then_some(spans)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Segment, Unit, Variant};

    /// A store with `fillers` units of common text and a few short, rare and cased texts.
    fn store(dir: &std::path::Path, fillers: usize) -> Store {
        let mut store = Store::open(&dir.join("t.db")).unwrap();
        let mut imp = store.importer().unwrap();
        let mut add = |pairs: &[(&str, &str)]| {
            let unit = Unit {
                variants: pairs
                    .iter()
                    .map(|(l, t)| Variant::new(LangTag::parse(l).unwrap(), Segment::plain(*t)))
                    .collect(),
                props: Default::default(),
            };
            imp.add(unit, None).unwrap();
        };
        for n in 0..fillers {
            add(&[
                ("en", &format!("Row {n} of the table")),
                ("az", &format!("Cədvəlin {n} sətri")),
            ]);
        }
        add(&[("en", "OK"), ("az", "Oldu")]);
        add(&[("en", "Use the zq key"), ("az", "zq")]);
        add(&[("en", "Press Zq"), ("kk", "Zq басыңыз")]);
        add(&[("en", "x"), ("ar", "مُدَرِّس")]);
        add(&[("en", "Ends with zq"), ("az", "İstanbul, ISTANBUL")]);
        add(&[("en", "Tab\there  twice"), ("az", "İ")]);
        add(&[("en", "the file for the file"), ("az", "İSTANBUL ofisi")]);
        add(&[("en", "Open the the the file"), ("kk", "Файлды ашу")]);
        add(&[("en", "of the"), ("ar", "افتح الْمَلَف")]);
        imp.commit().unwrap();
        store
    }

    /// Every pattern, option and limit finds in the index what reading every variant finds.
    #[test]
    fn the_index_finds_what_a_scan_finds() {
        let dir = tempfile::tempdir().unwrap();
        // With 1,200 fillers the rare short patterns go through the index, not a scan.
        let store = store(dir.path(), 1200);
        let patterns = [
            "zq",
            "Zq",
            "q",
            "x",
            "OK",
            "ok",
            "K",
            "İ",
            "i",
            "ı",
            "I",
            "st",
            "مد",
            "م",
            "ر",
            "مدرس",
            "the",
            "Row 1",
            "of the table",
            "h",
            "e  t",
            "b\th",
            "9",
            "99",
            "ZQ",
            "qz",
            // phrases, whole or cut inside a word: the word index
            "he fil",
            "the file",
            "file for the",
            "e for t",
            "he the th",
            "the the the",
            "of the",
            "w 12 of the t",
            "of the table",
            " of ",
            "1 of the",
            "istanbul ofisi",
            "İSTANBUL OFİSİ",
            "ıstanbul o",
            "файлды ашу",
            "افتح الملف",
            "ح الْمَ",
        ];
        let options = [
            FoldOptions::default(),
            FoldOptions::ALL,
            FoldOptions {
                case: true,
                diacritics: false,
            },
        ];
        for text in patterns {
            for options in options {
                for lang in [None, Some("az")] {
                    for limit in [2, 10_000] {
                        let pattern = Pattern {
                            text,
                            lang,
                            options,
                            limit,
                        };
                        let indexed = store.concordance(&pattern).unwrap();
                        let scanned = store.scan(&pattern).unwrap();
                        assert_eq!(indexed, scanned, "{text:?} {options:?} {lang:?} {limit}");
                    }
                }
            }
        }
        let pattern = |text| Pattern {
            text,
            lang: None,
            options: FoldOptions::default(),
            limit: 20,
        };
        assert_eq!(store.concordance(&pattern("zq")).unwrap().len(), 3);
        assert!(matches!(store.plan("zq").unwrap(), Plan::Query(..)));
        assert!(matches!(store.plan("qz").unwrap(), Plan::Nothing));
        // A pattern in most variants is found by reading them in order.
        assert!(matches!(store.plan("e").unwrap(), Plan::Scan));
    }

    /// Every stretch of a text has only word tokens that the text has: the word index never misses.
    #[test]
    fn a_pattern_has_only_word_tokens_of_the_texts_holding_it() {
        let texts = [
            "the file for the file",
            "Open the the the file",
            " a b  cd efg hijk ",
            "İSTANBUL ofisi və Iğdır",
            "Файлды ашу керек",
            "افتح الْمَلَف الآن",
        ];
        for text in texts {
            for language in [Language::English, Language::Azerbaijani, Language::Other] {
                let folded = fold(text, language, FoldOptions::ALL);
                let mut tokens = Vec::new();
                word_tokens(&folded, &mut tokens);
                let chars: Vec<char> = folded.chars().collect();
                for start in 0..chars.len() {
                    for end in start + 1..=chars.len() {
                        let piece: String = chars[start..end].iter().collect();
                        for token in pattern_word_tokens(&piece) {
                            assert!(tokens.contains(&token), "{piece:?} in {folded:?}");
                        }
                    }
                }
            }
        }
        // A pattern cut inside words on both sides has no token; whole words have them.
        assert!(pattern_word_tokens("he fil").is_empty());
        assert!(pattern_word_tokens("of the").is_empty());
        assert_eq!(pattern_word_tokens("the fil").len(), 1);
        // A triple stands for both of its spaces.
        assert_eq!(pattern_word_tokens("the the the").len(), 1);
        assert_eq!(pattern_word_tokens("big the the end").len(), 2);
        // Around a longer word, pairs.
        assert_eq!(pattern_word_tokens("the image file").len(), 2);
    }

    #[test]
    fn trigrams_are_numbers_and_back() {
        let mut grams = Vec::new();
        trigrams("şəki\"ş", &mut grams);
        let mut texts: Vec<String> = grams.iter().map(|g| trigram_text(*g)).collect();
        texts.sort();
        let mut expected = ["şək", "əki", "ki\"", "i\"ş"];
        expected.sort();
        assert_eq!(texts, expected);
        trigrams("ab", &mut grams);
        assert!(grams.is_empty());
    }
}
