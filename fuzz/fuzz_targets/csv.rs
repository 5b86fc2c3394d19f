//! Feeds arbitrary bytes to the CSV/TSV reader: it must return units or a positioned error, never
//! panic. The first byte picks the delimiter.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use tarjuman::error::Error;
use tarjuman::formats::csv::CsvReader;
use tarjuman::formats::{InputFile, ReadOptions, UnitReader};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let delimiter = if selector & 1 == 0 { b',' } else { b'\t' };
    let mut file = tempfile::NamedTempFile::new().expect("temporary file");
    file.write_all(bytes).expect("write the input");
    let result = InputFile::open(file.path())
        .and_then(|input| CsvReader::new(input, delimiter, &ReadOptions::default()))
        .and_then(|mut reader| {
            while let Some(unit) = reader.next_unit()? {
                assert!(!unit.variants.is_empty());
            }
            Ok(())
        });
    if let Err(Error::Input {
        position: Some(position),
        ..
    }) = result
    {
        assert!(position.line >= 1 && position.column >= 1);
    }
});
