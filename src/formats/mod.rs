//! Reading and writing the formats translators exchange memories in.
//!
//! Readers stream: [`open`] returns a [`UnitReader`] that yields one [`Unit`] at a time, so a file of
//! any size is read in bounded memory. Readers report the units as the file has them (no NFC, empty
//! segments included); the importer normalizes and counts oddities. A reader may instead hand a
//! unit's parts straight to a [`UnitSink`] ([`UnitReader::next_into`]: the TMX reader does for
//! plain units), which spares an import building the unit. Writers take an iterator of units.

pub mod csv;
mod detect;
pub mod po;
pub mod po_fill;
mod read_ahead;
mod sink;
pub mod source;
pub mod tbx;
pub mod tmx;
mod tmx_scan;
pub mod xliff;
pub mod xliff_fill;
pub(crate) mod xml;

pub use detect::detect;
pub use read_ahead::ReadAhead;
pub use sink::{TextSink, UnitSink};
pub use source::{CountingReader, InputFile};

use std::path::Path;
use std::sync::Arc;

use crate::error::Result;
use crate::model::{LangTag, Unit};

/// A memory file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Tmx,
    Csv,
    Tsv,
    Xliff,
    Po,
}

impl Format {
    /// The name used on the command line (`--format`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Tmx => "tmx",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Xliff => "xliff",
            Format::Po => "po",
        }
    }
}

/// What a reader needs to know that the file may not say.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// The source language when the file does not name one (PO: English by default).
    pub source_lang: Option<LangTag>,
    /// The target language when the file does not name one (PO without a Language header).
    pub target_lang: Option<LangTag>,
}

/// Things a reader passed over on purpose, counted for the import summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Skipped {
    /// PO entries marked fuzzy (their translation is not trusted).
    pub fuzzy: u64,
    /// PO entries marked obsolete (`#~`).
    pub obsolete: u64,
    /// Entries without any translatable text (PO header, empty XLIFF units).
    pub empty_entries: u64,
    /// Variants dropped because the format cannot hold them (for example a language the CSV header
    /// does not have).
    pub other: u64,
}

/// What [`UnitReader::next_into`] read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// A unit, given to the sink; it has this many languages.
    Sunk(usize),
    /// A unit, read into the unit given.
    Unit,
    /// The end of the file.
    End,
}

/// A streaming reader of translation units.
pub trait UnitReader {
    /// The next unit, `None` at the end of the file. After an error the reader must not be used again.
    fn next_unit(&mut self) -> Result<Option<Unit>>;
    /// [`UnitReader::next_unit`] into `unit`, whose strings a reader may reuse (so that reading
    /// millions of units does not allocate and free each one's); `false` at the end.
    fn next_unit_into(&mut self, unit: &mut Unit) -> Result<bool> {
        match self.next_unit()? {
            Some(next) => {
                *unit = next;
                Ok(true)
            }
            None => Ok(false),
        }
    }
    /// The next unit, given to `sink` part by part when the reader can (see [`UnitSink`]), else read
    /// into `unit` as by [`UnitReader::next_unit_into`].
    fn next_into(&mut self, sink: &mut dyn UnitSink, unit: &mut Unit) -> Result<Next> {
        let _ = sink;
        Ok(if self.next_unit_into(unit)? {
            Next::Unit
        } else {
            Next::End
        })
    }
    /// Bytes of the file consumed so far, for progress bars.
    fn bytes_read(&self) -> u64;
    /// What the reader skipped so far.
    fn skipped(&self) -> Skipped;
    /// The file being read, for another thread to read ahead ([`ReadAhead::help`]) when it has
    /// nothing else to do. Only the fast path of the TMX reader has one, once it reads the body.
    fn read_ahead(&self) -> Option<Arc<ReadAhead>> {
        None
    }
}

/// Opens `path` for reading in `format`, or in the format [`detect`] finds.
pub fn open(
    path: &Path,
    format: Option<Format>,
    options: &ReadOptions,
) -> Result<Box<dyn UnitReader>> {
    let input = InputFile::open(path)?;
    let format = match format {
        Some(format) => format,
        None => detect(path, input.head())?,
    };
    Ok(match format {
        Format::Tmx => Box::new(tmx::TmxReader::new(input, options)?),
        Format::Xliff => Box::new(xliff::XliffReader::new(input, options)?),
        Format::Csv => Box::new(csv::CsvReader::new(input, b',', options)?),
        Format::Tsv => Box::new(csv::CsvReader::new(input, b'\t', options)?),
        Format::Po => Box::new(po::PoReader::new(input, options)?),
    })
}
