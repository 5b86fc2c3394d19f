//! Concordance search: where a piece of text occurs in the memory, in any language.
//!
//! An SQLite FTS5 table with the trigram tokenizer indexes a folded copy of every variant (case
//! folded by the variant's language, Arabic diacritics dropped, whitespace runs as one space; see
//! [`crate::text::fold`]). Only row ids are stored (a contentless table): the index proposes
//! candidates, and each is checked against the original text with the options asked for, so the
//! index may over-approximate but never miss. A pattern of fewer than three characters has no
//! trigram; it is checked against every variant instead.
//!
//! The index is built on first use, not during import, and it is never stale: it records the store
//! generation it reflects. When the store has only grown since (import appends units and never
//! changes a variant's text), the new units are added; otherwise it is built again.

use std::ops::Range;

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::error::{Error, Result};
use crate::model::{LangTag, Language};
use crate::text::{FoldOptions, fold, fold_mapped, nfc};

/// The `meta` keys of the index's state: the generation it reflects, the highest unit and the
/// number of variants in it.
const GENERATION_KEY: &str = "concordance_generation";
const UNITS_KEY: &str = "concordance_units";
const ROWS_KEY: &str = "concordance_rows";

/// Variant orders above this share one row id per unit; their candidates are checked together.
const MAX_ORD: i64 = 0xFFFF;
/// The most trigrams a query gives the index: enough to narrow the candidates, few enough to keep
/// a very long pattern cheap.
const MAX_TRIGRAMS: usize = 24;

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

/// An FTS5 query for the trigrams of `folded`; `None` when it has fewer than three characters.
fn trigram_query(folded: &str) -> Option<String> {
    let chars: Vec<char> = folded.chars().collect();
    if chars.len() < 3 {
        return None;
    }
    let mut grams: Vec<String> = chars.windows(3).map(|w| w.iter().collect()).collect();
    grams.sort();
    grams.dedup();
    if grams.len() > MAX_TRIGRAMS {
        let step = grams.len() as f64 / MAX_TRIGRAMS as f64;
        grams = (0..MAX_TRIGRAMS)
            .map(|i| grams[(i as f64 * step) as usize].clone())
            .collect();
    }
    let terms: Vec<String> = grams
        .iter()
        .map(|g| format!("\"{}\"", g.replace('"', "\"\"")))
        .collect();
    Some(terms.join(" AND "))
}

impl Store {
    /// Brings the concordance index up to the store's generation.
    pub fn update_concordance(&self) -> Result<()> {
        let conn = self.conn();
        let err = |e| self.err(e);
        let generation = self.generation()?;
        let state = |key: &str| -> Result<Option<i64>> {
            conn.query_row(
                "SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?1",
                params![key],
                |r| r.get(0),
            )
            .optional()
            .map_err(err)
        };
        if state(GENERATION_KEY)? == Some(generation) {
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
            let (from, mut count) = if kept == rows {
                (units, rows)
            } else {
                conn.execute(
                    "INSERT INTO concordance (concordance) VALUES ('delete-all')",
                    [],
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
                insert
                    .execute(params![
                        row_id(unit, ord),
                        fold(text, language, FoldOptions::ALL)
                    ])
                    .map_err(err)?;
                top = top.max(unit);
                count += 1;
            }
            for (key, value) in [
                (GENERATION_KEY, generation),
                (UNITS_KEY, top),
                (ROWS_KEY, count),
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
        // The index holds each variant folded in its language: ask in every folding that applies.
        let families: Vec<Language> = match pattern.lang {
            Some(base) => vec![language(base)],
            None => vec![Language::Azerbaijani, Language::English],
        };
        let mut queries: Vec<String> = Vec::new();
        for family in families {
            match trigram_query(&fold(&text, family, FoldOptions::ALL)) {
                Some(q) if !queries.contains(&q) => queries.push(q),
                Some(_) => {}
                None => return self.scan(pattern),
            }
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
        let mut found = Vec::new();
        while let Some(row) = rows.next().map_err(err)? {
            let id: i64 = row.get(0).map_err(err)?;
            let (unit, ord) = (id >> 16, id & MAX_ORD);
            let last = if ord == MAX_ORD { i64::MAX } else { ord };
            let mut variants = lookup.query(params![unit, ord, last]).map_err(err)?;
            while let Some(v) = variants.next().map_err(err)? {
                let (lang, base, text): (String, String, String) = (
                    v.get(1).map_err(err)?,
                    v.get(2).map_err(err)?,
                    v.get(3).map_err(err)?,
                );
                if let Some(hit) = check(pattern, unit, lang, &base, text) {
                    found.push(hit);
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
        let mut found = Vec::new();
        while let Some(row) = rows.next().map_err(err)? {
            let base = row.get_ref(2).map_err(err)?.as_str().unwrap_or_default();
            if pattern.lang.is_some_and(|l| l != base) {
                continue;
            }
            let base = base.to_string();
            let unit: i64 = row.get(0).map_err(err)?;
            let (lang, text): (String, String) =
                (row.get(1).map_err(err)?, row.get(3).map_err(err)?);
            if let Some(hit) = check(pattern, unit, lang, &base, text) {
                found.push(hit);
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

/// The occurrence of `pattern` in a variant, if it has any.
fn check(
    pattern: &Pattern<'_>,
    unit: i64,
    lang: String,
    base: &str,
    text: String,
) -> Option<Occurrence> {
    if pattern.lang.is_some_and(|l| l != base) {
        return None;
    }
    let language = language(base);
    let needle = fold(&nfc(pattern.text), language, pattern.options);
    let spans = fold_mapped(&text, language, pattern.options).find_all(&needle);
    (!spans.is_empty()).then_some(Occurrence {
        unit,
        lang,
        text,
        spans,
    })
}
