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
//! The index is built on first use, not during import, and it is never stale: it records the store
//! generation it reflects. When the store has only grown since (import appends units and never
//! changes a variant's text), the new units are added; otherwise it is built again.

use std::collections::HashMap;
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
/// The form of the indexed bodies: 2 since they end with [`END_MARKS`] (an index of another form
/// is built again).
const FORMAT: i64 = 2;
/// What follows each folded text in the index: two characters no text has (XML cannot hold them),
/// so that every character of the text starts a trigram.
const END_MARKS: &str = "\u{3}\u{3}";
/// A short pattern is looked up by reading the variants in order when one trigram it starts occurs
/// in at least one variant in this many: the hits are then dense enough to come soon.
const DENSE: i64 = 500;
/// The most trigrams a short pattern's index query may have; more and the variants are read.
const MAX_SHORT_TERMS: usize = 2048;
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
    /// An FTS5 query for the rarest trigrams, or for those a short pattern starts.
    Query(String),
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
        Ok(Plan::Query(terms.join(" AND ")))
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
        while let Some(row) = found.next().map_err(|e| self.err(e))? {
            let gram: i64 = row.get(0).map_err(|e| self.err(e))?;
            let docs: i64 = row.get(1).map_err(|e| self.err(e))?;
            if docs.saturating_mul(DENSE) >= rows || terms.len() == MAX_SHORT_TERMS {
                return Ok(Plan::Scan);
            }
            if docs > 0 {
                terms.push(term(gram));
            }
        }
        Ok(if terms.is_empty() {
            Plan::Nothing
        } else {
            Plan::Query(terms.join(" OR "))
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
            let kept: i64 = conn
                .query_row(
                    "SELECT count(*) FROM variants WHERE unit <= ?1",
                    params![units],
                    |r| r.get(0),
                )
                .map_err(err)?;
            let (from, mut count) = if kept == rows && same_format {
                (units, rows)
            } else {
                conn.execute_batch(
                    "INSERT INTO concordance (concordance) VALUES ('delete-all');
                     DELETE FROM concordance_grams;",
                )
                .map_err(err)?;
                (0, 0)
            };
            let mut top = from;
            let mut insert = conn
                .prepare("INSERT INTO concordance (rowid, body) VALUES (?1, ?2)")
                .map_err(err)?;
            let mut select = conn
                .prepare(
                    "SELECT unit, ord, base, text FROM variants WHERE unit > ?1 ORDER BY unit, ord",
                )
                .map_err(err)?;
            let mut found = select.query(params![from]).map_err(err)?;
            let mut folds: Vec<(String, Language)> = Vec::new();
            let mut docs: HashMap<i64, i64, BuildGramHasher> = HashMap::default();
            let mut grams: Vec<i64> = Vec::new();
            while let Some(row) = found.next().map_err(err)? {
                let unit: i64 = row.get(0).map_err(err)?;
                let ord: i64 = row.get(1).map_err(err)?;
                let base = row.get_ref(2).map_err(err)?.as_str().unwrap_or_default();
                let language = match folds.iter().find(|(b, _)| b == base) {
                    Some((_, l)) => *l,
                    None => {
                        let l = language(base);
                        folds.push((base.to_string(), l));
                        l
                    }
                };
                let text = row.get_ref(3).map_err(err)?.as_str().unwrap_or_default();
                let mut folded = fold(text, language, FoldOptions::ALL);
                folded.push_str(END_MARKS);
                trigrams(&folded, &mut grams);
                for gram in &grams {
                    *docs.entry(*gram).or_default() += 1;
                }
                insert
                    .execute(params![row_id(unit, ord), folded])
                    .map_err(err)?;
                top = top.max(unit);
                count += 1;
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
        let mut queries: Vec<String> = Vec::new();
        for family in families {
            match self.plan(&fold(&text, family, FoldOptions::ALL))? {
                Plan::Query(q) if !queries.contains(&q) => queries.push(q),
                Plan::Query(_) | Plan::Nothing => {}
                Plan::Scan => return self.scan(pattern),
            }
        }
        if queries.is_empty() {
            return Ok(Vec::new());
        }
        let query = queries
            .iter()
            .map(|q| format!("({q})"))
            .collect::<Vec<_>>()
            .join(" OR ");
        let conn = self.conn();
        let err = |e| self.err(e);
        let mut candidates = conn
            .prepare("SELECT rowid FROM concordance WHERE concordance MATCH ?1 ORDER BY rowid")
            .map_err(err)?;
        let mut lookup = conn
            .prepare_cached(
                "SELECT ord, lang, base, text FROM variants
                 WHERE unit = ?1 AND ord >= ?2 AND ord <= ?3 ORDER BY ord",
            )
            .map_err(err)?;
        let mut rows = candidates.query(params![query]).map_err(err)?;
        let mut checker = Checker::new(pattern);
        let mut found = Vec::new();
        while let Some(row) = rows.next().map_err(err)? {
            let id: i64 = row.get(0).map_err(err)?;
            let (unit, ord) = (id >> 16, id & MAX_ORD);
            let last = if ord == MAX_ORD { i64::MAX } else { ord };
            let mut variants = lookup.query(params![unit, ord, last]).map_err(err)?;
            while let Some(v) = variants.next().map_err(err)? {
                let base = v.get_ref(2).map_err(err)?.as_str().unwrap_or_default();
                let text = v.get_ref(3).map_err(err)?.as_str().unwrap_or_default();
                if let Some(spans) = checker.spans(base, text) {
                    found.push(Occurrence {
                        unit,
                        lang: v.get(1).map_err(err)?,
                        text: text.to_string(),
                        spans,
                    });
                    if found.len() == pattern.limit {
                        return Ok(found);
                    }
                }
            }
        }
        Ok(found)
    }

    /// The search for a pattern too short for trigrams: every variant is checked.
    fn scan(&self, pattern: &Pattern<'_>) -> Result<Vec<Occurrence>> {
        let err = |e| self.err(e);
        let mut stmt = self
            .conn()
            .prepare("SELECT unit, lang, base, text FROM variants ORDER BY unit, ord")
            .map_err(err)?;
        let mut rows = stmt.query([]).map_err(err)?;
        let mut checker = Checker::new(pattern);
        let mut found = Vec::new();
        while let Some(row) = rows.next().map_err(err)? {
            let base = row.get_ref(2).map_err(err)?.as_str().unwrap_or_default();
            let text = row.get_ref(3).map_err(err)?.as_str().unwrap_or_default();
            if let Some(spans) = checker.spans(base, text) {
                found.push(Occurrence {
                    unit: row.get(0).map_err(err)?,
                    lang: row.get(1).map_err(err)?,
                    text: text.to_string(),
                    spans,
                });
                if found.len() == pattern.limit {
                    break;
                }
            }
        }
        Ok(found)
    }

    /// The other variants of `unit`: (language tag, text), in order.
    pub fn variants_of(&self, unit: i64) -> Result<Vec<(String, String)>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT lang, text FROM variants WHERE unit = ?1 ORDER BY ord")
            .map_err(|e| self.err(e))?;
        stmt.query_map(params![unit], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))
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
        assert!(matches!(store.plan("zq").unwrap(), Plan::Query(_)));
        assert!(matches!(store.plan("qz").unwrap(), Plan::Nothing));
        // A pattern in most variants is found by reading them in order.
        assert!(matches!(store.plan("e").unwrap(), Plan::Scan));
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
