//! Importing files into the store: every file of one call in one transaction, with a summary of what
//! was added, merged and passed over.

use std::path::{Path, PathBuf};

use super::store::{Added, Store};
use crate::error::Result;
use crate::formats::{self, Format, ReadOptions, Skipped};
use crate::model::Unit;

/// What importing one file did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct FileSummary {
    pub path: PathBuf,
    /// Units the file holds (after dropping empty ones).
    pub units: u64,
    /// Units the store did not have.
    pub added: u64,
    /// Units the store had already (same variants): their properties were merged.
    pub duplicates: u64,
    /// Units with a single language (kept: they still serve as sources).
    pub single_language: u64,
    /// Variants dropped because their segment was empty.
    pub empty_segments: u64,
    /// Units dropped because no variant had any text.
    pub empty_units: u64,
    /// What the reader passed over on purpose.
    #[serde(skip)]
    pub skipped: Skipped,
}

impl FileSummary {
    /// PO entries skipped as fuzzy.
    pub fn fuzzy(&self) -> u64 {
        self.skipped.fuzzy
    }
}

/// Receives progress while files are read.
pub trait Progress {
    /// A new file starts; `len` is its size in bytes.
    fn start(&mut self, path: &Path, len: u64);
    /// `bytes` of the current file have been read.
    fn advance(&mut self, bytes: u64);
    /// The current file is done.
    fn finish(&mut self);
}

/// Progress that goes nowhere.
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&mut self, _: &Path, _: u64) {}
    fn advance(&mut self, _: u64) {}
    fn finish(&mut self) {}
}

/// Removes empty variants (counting them) and reports whether anything is left.
fn drop_empty_variants(unit: &mut Unit, summary: &mut FileSummary) -> bool {
    let before = unit.variants.len();
    unit.variants
        .retain(|v| !v.segment.text.is_empty() || v.segment.markup.is_some());
    summary.empty_segments += (before - unit.variants.len()) as u64;
    !unit.variants.is_empty()
}

/// Imports `paths` in one transaction: either every file is imported, or (on the first error) none.
pub fn import(
    store: &mut Store,
    paths: &[PathBuf],
    format: Option<Format>,
    options: &ReadOptions,
    progress: &mut dyn Progress,
) -> Result<Vec<FileSummary>> {
    let mut importer = store.importer()?;
    let mut summaries = Vec::with_capacity(paths.len());
    for path in paths {
        let mut reader = formats::open(path, format, options)?;
        let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        progress.start(path, len);
        let origin = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned());
        let mut summary = FileSummary {
            path: path.clone(),
            ..FileSummary::default()
        };
        let mut last_reported = 0;
        while let Some(mut unit) = reader.next_unit()? {
            if !drop_empty_variants(&mut unit, &mut summary) {
                summary.empty_units += 1;
                continue;
            }
            summary.units += 1;
            if unit.language_count() < 2 {
                summary.single_language += 1;
            }
            match importer.add(unit, origin.as_deref())? {
                Added::New(_) => summary.added += 1,
                Added::Merged(_) | Added::Unchanged(_) => summary.duplicates += 1,
            }
            let read = reader.bytes_read();
            if read - last_reported >= 1 << 16 {
                progress.advance(read);
                last_reported = read;
            }
        }
        summary.skipped = reader.skipped();
        progress.finish();
        summaries.push(summary);
    }
    importer.commit()?;
    Ok(summaries)
}
