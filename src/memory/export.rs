//! Exporting the store as TMX 1.4b, CSV or TSV.

use std::io::{self, Write};

use super::store::Store;
use crate::error::{Error, Result};
use crate::formats::csv::CsvWriter;
use crate::formats::tmx::{TmxHeader, TmxWriter};
use crate::model::{LangTag, Language};

/// The formats the memory exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Tmx,
    Csv,
    Tsv,
}

/// What to export and how.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    pub format: ExportFormat,
    /// Only these languages (compared by matching language). A unit is exported when it has at least
    /// two of them (or one, when only one is asked for).
    pub langs: Option<Vec<LangTag>>,
    /// The TMX header's source language; by default the language most units have.
    pub srclang: Option<LangTag>,
    /// Neutralize spreadsheet formulas in CSV/TSV cells.
    pub sanitize: bool,
}

/// The order of CSV columns: the first-class languages first, then the others by unit count.
fn column_rank(tag: &LangTag) -> u8 {
    match tag.language() {
        Language::English => 0,
        Language::Azerbaijani => 1,
        Language::Kazakh => 2,
        Language::KazakhLatin => 3,
        Language::Arabic => 4,
        Language::Other => 5,
    }
}

/// Writes the store to `out`; `target` names the output in errors. Returns the number of units
/// written.
pub fn export(
    store: &Store,
    out: &mut dyn Write,
    target: &std::path::Path,
    options: &ExportOptions,
) -> Result<u64> {
    let io_err = |e: io::Error| Error::io(target, e);
    let bases: Option<Vec<String>> = options
        .langs
        .as_ref()
        .map(|langs| langs.iter().map(LangTag::base).collect());
    let needed = bases.as_ref().map_or(1, |b| b.len().min(2));
    let mut written = 0u64;
    match options.format {
        ExportFormat::Tmx => {
            let srclang = match &options.srclang {
                Some(lang) => Some(lang.clone()),
                None => store
                    .stats()?
                    .languages
                    .first()
                    .and_then(|l| LangTag::parse(&l.lang).ok()),
            };
            let header = TmxHeader {
                srclang,
                adminlang: LangTag::parse("en").expect("en is a valid tag"),
            };
            let mut writer = TmxWriter::new(&mut *out, &header).map_err(io_err)?;
            store.for_each_unit(bases.as_deref(), |stored| {
                if stored.unit.language_count() >= needed {
                    let mut unit = stored.unit;
                    if unit.props.attr("creationdate").is_none() {
                        unit.props.set_attr("creationdate", stored.added);
                    }
                    writer.write_unit(&unit).map_err(io_err)?;
                    written += 1;
                }
                Ok(())
            })?;
            writer.finish().map_err(io_err)?;
        }
        ExportFormat::Csv | ExportFormat::Tsv => {
            let columns = match &options.langs {
                Some(langs) => langs.clone(),
                None => {
                    let mut bases: Vec<(LangTag, u64)> = Vec::new();
                    for (tag, count) in store.language_tags()? {
                        let Ok(base) = LangTag::parse(&tag.base()) else {
                            continue;
                        };
                        match bases.iter_mut().find(|(b, _)| *b == base) {
                            Some((_, n)) => *n += count,
                            None => bases.push((base, count)),
                        }
                    }
                    bases.sort_by(|(a, na), (b, nb)| {
                        column_rank(a).cmp(&column_rank(b)).then(nb.cmp(na))
                    });
                    bases.into_iter().map(|(tag, _)| tag).collect()
                }
            };
            let delimiter = if options.format == ExportFormat::Csv {
                b','
            } else {
                b'\t'
            };
            let mut writer =
                CsvWriter::new(&mut *out, columns, delimiter, options.sanitize).map_err(io_err)?;
            store.for_each_unit(bases.as_deref(), |stored| {
                if stored.unit.language_count() >= needed {
                    writer.write_unit(&stored.unit).map_err(io_err)?;
                    written += 1;
                }
                Ok(())
            })?;
            writer.finish().map_err(io_err)?;
        }
    }
    Ok(written)
}
