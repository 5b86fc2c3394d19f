//! TMX 1.1 and 1.4b: reading (streaming) and writing.

use std::io::{self, Write};

use super::{InputFile, ReadOptions, Skipped, UnitReader};
use crate::error::Result;
use crate::model::{LangTag, Unit};

/// Streams the `<tu>` elements of a TMX file as units.
pub struct TmxReader {}

impl TmxReader {
    pub fn new(_input: InputFile, _options: &ReadOptions) -> Result<TmxReader> {
        Ok(TmxReader {})
    }
}

impl UnitReader for TmxReader {
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

/// What the TMX header says.
#[derive(Clone, Debug)]
pub struct TmxHeader {
    /// The source language; `None` writes `*all*`.
    pub srclang: Option<LangTag>,
    /// The language of notes and props.
    pub adminlang: LangTag,
}

/// Writes a TMX 1.4b document, one unit at a time.
pub struct TmxWriter<W: Write> {
    out: W,
}

impl<W: Write> TmxWriter<W> {
    pub fn new(out: W, _header: &TmxHeader) -> io::Result<TmxWriter<W>> {
        Ok(TmxWriter { out })
    }
    pub fn write_unit(&mut self, _unit: &Unit) -> io::Result<()> {
        Ok(())
    }
    pub fn finish(self) -> io::Result<W> {
        Ok(self.out)
    }
}
