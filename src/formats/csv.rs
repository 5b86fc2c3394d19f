//! CSV and TSV with a header of language tags (RFC 4180): reading (streaming) and writing.

use std::io::{self, Write};

use super::{InputFile, ReadOptions, Skipped, UnitReader};
use crate::error::Result;
use crate::model::{LangTag, Unit};

/// Streams the rows of a CSV/TSV file as units.
pub struct CsvReader {}

impl CsvReader {
    pub fn new(_input: InputFile, _delimiter: u8, _options: &ReadOptions) -> Result<CsvReader> {
        Ok(CsvReader {})
    }
}

impl UnitReader for CsvReader {
    fn next_unit(&mut self) -> Result<Option<Unit>> {
        Ok(None)
    }
    fn bytes_read(&self) -> u64 {
        0
    }
    fn skipped(&self) -> Skipped {
        Skipped::default()
    }
}

/// Writes units as CSV/TSV rows under a header of language tags.
pub struct CsvWriter<W: Write> {
    out: W,
}

impl<W: Write> CsvWriter<W> {
    /// `columns` are the languages, in order; `sanitize` neutralizes spreadsheet formulas.
    pub fn new(
        out: W,
        _columns: Vec<LangTag>,
        _delimiter: u8,
        _sanitize: bool,
    ) -> io::Result<CsvWriter<W>> {
        Ok(CsvWriter { out })
    }
    pub fn write_unit(&mut self, _unit: &Unit) -> io::Result<()> {
        Ok(())
    }
    pub fn finish(self) -> io::Result<W> {
        Ok(self.out)
    }
}
