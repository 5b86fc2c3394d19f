//! Keeping the fuzzy indexes in step with the store. Each source language has its own index file
//! beside the store (`tarjuman.db-fuzzy-en.idx`) and, once units were added after it was built, a
//! delta file (`tarjuman.db-fuzzy-en.delta.idx`) that indexes just those units.
//!
//! Units are never deleted and their variants never change (an import merges only into a unit with
//! the same variants), so the units a main index lacks are exactly those with ids above its
//! high-water mark. An import brings the delta up to date (rebuilding it from those units alone),
//! and when the delta passes a sixteenth of the main index, both are compacted into a new main
//! index. Every file records the store generation it reflects; a match that finds the delta behind
//! the store brings it up to date first, so an index is never used stale. Files are written to a
//! temporary name and renamed into place, never modified, so a mapped index stays valid while it is
//! in use; a delta counts only with the main index whose high-water mark it starts from.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::index::{Entry, Index, Meta};
use super::score::prepare;
use crate::error::{Error, Result};
use crate::memory::Store;
use crate::output::write_atomically;

/// The most languages a unit's language mask distinguishes.
const MAX_SLOTS: usize = 32;
/// The main index is rebuilt with the delta's units once the delta has more than one entry in
/// this many of the main index's.
const COMPACT_DIVISOR: usize = 16;
/// The suffix of index file names.
const SUFFIX: &str = ".idx";
/// The suffix of delta file names.
const DELTA_SUFFIX: &str = ".delta.idx";

/// The index file of matching language `base` for the store at `store`.
pub fn index_path(store: &Path, base: &str) -> PathBuf {
    let mut name = store.as_os_str().to_owned();
    name.push(format!("-fuzzy-{base}{SUFFIX}"));
    PathBuf::from(name)
}

/// The delta file of matching language `base` for the store at `store`.
fn delta_path(store: &Path, base: &str) -> PathBuf {
    let mut name = store.as_os_str().to_owned();
    name.push(format!("-fuzzy-{base}{DELTA_SUFFIX}"));
    PathBuf::from(name)
}

/// Maps an index file of `base`; `None` when it is missing, damaged or of another language.
fn open_file(path: &Path, base: &str) -> Result<Option<Index>> {
    let index = Index::open(path).map_err(|e| Error::io(path, e))?;
    Ok(index.filter(|i| i.meta().lang == base))
}

/// The saved index of `base` with its delta, when the delta belongs to it.
fn open_saved(store: &Store, base: &str) -> Result<Option<Index>> {
    let Some(main) = open_file(&index_path(store.path(), base), base)? else {
        return Ok(None);
    };
    let delta = open_file(&delta_path(store.path(), base), base)?
        .filter(|d| d.meta().after == main.meta().high_water);
    Ok(Some(match delta {
        Some(delta) => main.with_delta(delta),
        None => main,
    }))
}

/// Whether the index of `base` is missing or behind the store.
pub fn is_stale(store: &Store, base: &str) -> Result<bool> {
    let saved = open_saved(store, base)?;
    Ok(saved.is_none_or(|i| i.meta().generation != store.generation().unwrap_or(-1)))
}

/// Builds the whole index of `base` from the store (not saved).
pub fn build(store: &Store, base: &str) -> Result<Index> {
    build_part(store, base, 0, &[])
}

/// Indexes the variants in `base` of the units above `after`, in one snapshot of the store. The
/// language slots start with `slots` (those of the main index a delta extends), then the store's
/// other languages, most units first.
fn build_part(store: &Store, base: &str, after: i64, slots: &[String]) -> Result<Index> {
    store.snapshot(|store| {
        let mut slots = slots.to_vec();
        if after == 0 {
            slots.extend(store.bases()?);
        }
        let mut entries: Vec<Entry> = Vec::new();
        let mut masks: HashMap<i64, u32> = HashMap::new();
        let mut slot_of: HashMap<String, u32> = HashMap::new();
        store.for_each_variant(after, |unit, variant_base, text| {
            let bit = match slot_of.get(variant_base) {
                Some(bit) => *bit,
                None => {
                    // A delta meets a language its main index had no slot for: it gets the next.
                    if !slots.iter().any(|s| s == variant_base) {
                        slots.push(variant_base.to_string());
                    }
                    let slot = slots.iter().position(|s| s == variant_base);
                    let bit = slot.filter(|&s| s < MAX_SLOTS).map_or(0, |s| 1u32 << s);
                    slot_of.insert(variant_base.to_string(), bit);
                    bit
                }
            };
            *masks.entry(unit).or_default() |= bit;
            if variant_base == base {
                let text = prepare(text);
                if !text.is_empty() {
                    entries.push(Entry {
                        unit,
                        text,
                        langs: 0,
                    });
                }
            }
        })?;
        for entry in &mut entries {
            entry.langs = masks.get(&entry.unit).copied().unwrap_or(0);
        }
        slots.truncate(MAX_SLOTS);
        let meta = Meta {
            lang: base.to_string(),
            slots,
            generation: store.generation()?,
            after,
            high_water: store.high_water()?,
        };
        Ok(Index::build(entries, meta))
    })
}

/// Saves `index` at `path` and maps it back; the built index itself when it cannot be saved.
fn save(index: Index, path: &Path, base: &str) -> Index {
    let saved = write_atomically(path, |out| {
        out.write_all(index.as_bytes())
            .map_err(|e| Error::io(path, e))
    });
    match saved.and_then(|()| open_file(path, base)) {
        Ok(Some(mapped)) => mapped,
        _ => index,
    }
}

/// The up-to-date index of `base`: the saved one when it matches the store; else the saved main
/// index with a new delta of the units added since, or, when there is no main index or the delta
/// would be too large, a whole new index. What is built is saved for the next time (an index that
/// cannot be saved is still used).
pub fn open_or_build(store: &Store, base: &str) -> Result<Index> {
    let main = match open_saved(store, base)? {
        Some(index) if index.meta().generation == store.generation()? => return Ok(index),
        Some(index) => Some(index.without_delta()),
        None => None,
    };
    if let Some(main) = main {
        let meta = main.meta();
        let delta = build_part(store, base, meta.high_water, &meta.slots)?;
        if delta.len() * COMPACT_DIVISOR <= main.len() {
            let delta = save(delta, &delta_path(store.path(), base), base);
            return Ok(main.with_delta(delta));
        }
    }
    let index = save(build(store, base)?, &index_path(store.path(), base), base);
    // The delta of the old main index is of no use now.
    let _ = std::fs::remove_file(delta_path(store.path(), base));
    Ok(index)
}

/// Brings every saved index of the store up to date (after an import): a delta of the new units, or
/// a compaction. Languages without an index get one when they are first matched.
pub fn refresh(store: &Store) -> Result<()> {
    let path = store.path();
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return Ok(());
    };
    let prefix = format!("{name}-fuzzy-");
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(_) => return Ok(()),
    };
    let mut bases: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|f| !f.ends_with(DELTA_SUFFIX))
        .filter_map(|f| Some(f.strip_prefix(&prefix)?.strip_suffix(SUFFIX)?.to_string()))
        .collect();
    bases.sort();
    for base in bases {
        open_or_build(store, &base)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::fuzzy::{Hit, Query, Searcher, brute_force, brute_force_words};
    use crate::model::{LangTag, Props, Segment, Unit, Variant};
    use proptest::prelude::*;

    /// A unit of an English text and, by `langs`, Kazakh and Arabic ones (bit 0: kk, bit 1: ar);
    /// `note` makes a re-import merge a property into the stored unit.
    fn unit(text: &str, langs: u8, note: Option<&str>) -> Unit {
        let mut variants = vec![Variant::new(
            LangTag::parse("en").unwrap(),
            Segment::plain(text),
        )];
        for (bit, lang) in [(1, "kk"), (2, "ar")] {
            if langs & bit != 0 {
                variants.push(Variant::new(
                    LangTag::parse(lang).unwrap(),
                    Segment::plain(format!("{lang} {text}")),
                ));
            }
        }
        let mut props = Props::default();
        props.notes.extend(note.map(str::to_string));
        Unit { variants, props }
    }

    /// Imports `units` the way `memory::import` does: one transaction, then the indexes follow.
    fn import(store: &mut Store, units: &[Unit]) {
        let mut importer = store.importer().unwrap();
        for unit in units {
            importer.add(unit.clone(), None).unwrap();
        }
        importer.commit().unwrap();
        refresh(store).unwrap();
    }

    /// The language mask that requires `lang` in `index`, if it has a slot.
    fn require(index: &Index, lang: &str) -> Option<u32> {
        let slot = index.meta().slots.iter().position(|s| s == lang)?;
        Some(1 << slot)
    }

    /// The index in use gives what brute force over a whole new index of the store gives.
    fn assert_current(store: &Store, queries: &[String]) {
        let index = open_or_build(store, "en").unwrap();
        let whole = build(store, "en").unwrap();
        assert_eq!(index.len(), whole.len());
        assert_eq!(index.meta().generation, store.generation().unwrap());
        for query in queries {
            let query = prepare(query);
            for lang in ["en", "kk", "ar"] {
                let ask = |index: &Index| {
                    require(index, lang).map(|require| Query {
                        text: &query,
                        top: 3,
                        min: 50.0,
                        require,
                    })
                };
                let key = |i: &Index, hits: Vec<Hit>| {
                    hits.iter()
                        .map(|h| (h.unit, h.distance, h.longest, i.text(h.entry).to_string()))
                        .collect::<Vec<_>>()
                };
                let got = ask(&index).map_or(Vec::new(), |q| Searcher::new(&index).search(&q));
                let want = ask(&whole).map_or(Vec::new(), |q| brute_force(&whole, &q));
                assert_eq!(
                    key(&index, got),
                    key(&whole, want),
                    "query {query:?} to {lang}"
                );
                // The word metric, through both parts' token keys.
                let got =
                    ask(&index).map_or(Vec::new(), |q| Searcher::new(&index).search_words(&q));
                let want = ask(&whole).map_or(Vec::new(), |q| brute_force_words(&whole, &q));
                assert_eq!(
                    key(&index, got),
                    key(&whole, want),
                    "words {query:?} to {lang}"
                );
            }
        }
    }

    /// A unit's text, other languages (see [`unit`]) and note.
    fn unit_strategy() -> impl Strategy<Value = (String, u8, Option<String>)> {
        ("[abc xY]{1,12}", 0u8..4, proptest::option::of("[nm]"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]
        /// After any sequence of imports, matched or not in between, search equals brute force over
        /// the current store: new units are found, merged ones are found once, and a target
        /// language that only a delta has a slot for is required correctly.
        #[test]
        fn matches_follow_every_import(
            first in proptest::collection::vec(unit_strategy(), 40..120),
            later in proptest::collection::vec(proptest::collection::vec(unit_strategy(), 0..5), 0..6),
            match_between in proptest::collection::vec(any::<bool>(), 6),
            queries in proptest::collection::vec("[abc xY]{1,12}", 1..4),
        ) {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open(&dir.path().join("tm.db")).unwrap();
            // A first import large enough for later small ones to go into a delta.
            let imports: Vec<_> = std::iter::once(first).chain(later).collect();
            for (i, batch) in imports.iter().enumerate() {
                let units: Vec<Unit> = batch
                    .iter()
                    .map(|(text, langs, note)| unit(text, *langs, note.as_deref()))
                    .collect();
                import(&mut store, &units);
                if match_between[i] || i + 1 == imports.len() {
                    assert_current(&store, &queries);
                }
            }
        }
    }

    /// A store in `dir` with 64 English units (`Open file number 0` …), with Kazakh ones too.
    fn store_of_64_units(dir: &std::path::Path) -> Store {
        let mut store = Store::open(&dir.join("tm.db")).unwrap();
        let units: Vec<Unit> = (0..64)
            .map(|i| unit(&format!("Open file number {i}"), 1, None))
            .collect();
        import(&mut store, &units);
        store
    }

    /// An import that only merges a note into stored units leaves a delta without entries; both
    /// metrics must search past it (CI once found the word metric underflowing on it).
    #[test]
    fn a_delta_without_entries_is_searched_by_both_metrics() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store_of_64_units(dir.path());
        open_or_build(&store, "en").unwrap();
        import(&mut store, &[unit("Open file number 7", 1, Some("n"))]);
        assert_current(
            &store,
            &["Open file number 7".to_string(), "file".to_string()],
        );
    }

    #[test]
    fn an_import_adds_a_delta_and_a_large_one_is_compacted() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store_of_64_units(dir.path());
        let main = open_or_build(&store, "en").unwrap();
        assert_eq!((main.meta().after, main.meta().high_water), (0, 64));
        let delta = delta_path(store.path(), "en");
        // Few new units: a delta of just those, saved by the import itself.
        import(&mut store, &[unit("Close the file", 3, None)]);
        assert!(!is_stale(&store, "en").unwrap());
        let index = open_or_build(&store, "en").unwrap();
        assert_eq!(index.delta().map(Index::len), Some(1));
        assert_eq!((index.meta().after, index.meta().high_water), (64, 65));
        assert_eq!(index.meta().slots, ["en", "kk", "ar"]);
        assert!(delta.exists());
        // A property merged into a stored unit moves the generation, not the units.
        import(
            &mut store,
            &[unit("Open file number 3", 1, Some("checked"))],
        );
        assert!(!is_stale(&store, "en").unwrap());
        // Many new units: one main index again.
        let more: Vec<Unit> = (0..8)
            .map(|i| unit(&format!("Save {i}"), 1, None))
            .collect();
        import(&mut store, &more);
        let index = open_or_build(&store, "en").unwrap();
        assert!(index.delta().is_none());
        assert_eq!((index.meta().after, index.meta().high_water), (0, 73));
        assert!(!delta.exists());
    }
}
