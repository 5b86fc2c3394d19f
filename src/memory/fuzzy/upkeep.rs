//! Keeping the fuzzy indexes in step with the store. Each source language has its own index file
//! beside the store (`tarjuman.db-fuzzy-en.idx`). The file records the store generation it was built
//! from; the store's generation moves with every import that changes a unit, so an index that does
//! not match is stale and is rebuilt before it is used. Files are written to a temporary name and
//! renamed into place, never modified, so a mapped index stays valid while it is in use.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::index::{Entry, Index, Meta};
use super::score::prepare;
use crate::error::{Error, Result};
use crate::memory::Store;
use crate::output::write_atomically;

/// The most languages a unit's language mask distinguishes.
const MAX_SLOTS: usize = 32;

/// The index file of matching language `base` for the store at `store`.
pub fn index_path(store: &Path, base: &str) -> PathBuf {
    let mut name = store.as_os_str().to_owned();
    name.push(format!("-fuzzy-{base}.idx"));
    PathBuf::from(name)
}

/// Whether the index of `base` is missing or older than the store.
pub fn is_stale(store: &Store, base: &str) -> Result<bool> {
    let path = index_path(store.path(), base);
    let index = Index::open(&path).map_err(|e| Error::io(&path, e))?;
    Ok(index.is_none_or(|i| i.meta().generation != store.generation().unwrap_or(-1)))
}

/// Builds the index of `base` from the store (not saved).
pub fn build(store: &Store, base: &str) -> Result<Index> {
    let slots: Vec<String> = store.bases()?.into_iter().take(MAX_SLOTS).collect();
    let slot_of: HashMap<&str, u32> = slots
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), 1u32 << i))
        .collect();
    let mut entries: Vec<Entry> = Vec::new();
    let mut masks: HashMap<i64, u32> = HashMap::new();
    store.for_each_variant(|unit, variant_base, text| {
        *masks.entry(unit).or_default() |= slot_of.get(variant_base).copied().unwrap_or(0);
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
    let meta = Meta {
        lang: base.to_string(),
        slots,
        generation: store.generation()?,
    };
    Ok(Index::build(entries, meta))
}

/// The up-to-date index of `base`: the saved one when it matches the store, else a new one, saved
/// for the next time (an index that cannot be saved is still used).
pub fn open_or_build(store: &Store, base: &str) -> Result<Index> {
    let path = index_path(store.path(), base);
    let generation = store.generation()?;
    if let Some(index) = Index::open(&path).map_err(|e| Error::io(&path, e))?
        && index.meta().generation == generation
        && index.meta().lang == base
    {
        return Ok(index);
    }
    let index = build(store, base)?;
    let saved = write_atomically(&path, |out| {
        out.write_all(index.as_bytes())
            .map_err(|e| Error::io(&path, e))
    });
    if saved.is_ok()
        && let Ok(Some(mapped)) = Index::open(&path)
    {
        return Ok(mapped);
    }
    Ok(index)
}
