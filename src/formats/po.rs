//! gettext PO: reading (streaming).

use super::{InputFile, ReadOptions, Skipped, UnitReader};
use crate::error::Result;
use crate::model::Unit;

/// Streams the entries of a PO file as units.
pub struct PoReader {}

impl PoReader {
    pub fn new(_input: InputFile, _options: &ReadOptions) -> Result<PoReader> {
        Ok(PoReader {})
    }
}

impl UnitReader for PoReader {
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
