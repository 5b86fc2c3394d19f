//! Shared by the fuzz targets: readers take files, so each input is written to a per-process file.
//! Each target uses only some of these helpers.
#![allow(dead_code)]

use std::path::PathBuf;

use tarjuman::formats::tmx::{TmxHeader, TmxReader, TmxWriter};
use tarjuman::formats::{InputFile, ReadOptions, UnitReader};
use tarjuman::model::{LangTag, Unit};

/// Writes `data` to this process's scratch file with the given extension and returns its path.
pub fn scratch(data: &[u8], extension: &str) -> PathBuf {
    let path =
        std::env::temp_dir().join(format!("tarjuman-fuzz-{}.{extension}", std::process::id()));
    std::fs::write(&path, data).expect("scratch file");
    path
}

/// Reads every unit; errors are fine, panics are not.
pub fn drain(mut reader: impl UnitReader) -> Option<Vec<Unit>> {
    let mut units = Vec::new();
    loop {
        match reader.next_unit() {
            Ok(Some(unit)) => units.push(unit),
            Ok(None) => return Some(units),
            Err(_) => return None,
        }
    }
}

/// Writes units as TMX.
pub fn write_tmx(units: &[Unit]) -> Vec<u8> {
    let header = TmxHeader {
        srclang: None,
        adminlang: LangTag::parse("en").expect("tag"),
    };
    let mut writer = TmxWriter::new(Vec::new(), &header).expect("header");
    for unit in units {
        writer.write_unit(unit).expect("unit");
    }
    writer.finish().expect("finish")
}

/// What the writer writes must read back, and writing that again gives the same bytes.
pub fn check_tmx_roundtrip(units: &[Unit]) {
    let written = write_tmx(units);
    let path = scratch(&written, "out.tmx");
    let input = InputFile::open(&path).expect("open written TMX");
    let reader = TmxReader::new(input, &ReadOptions::default()).expect("written TMX opens");
    let back = drain(reader).unwrap_or_else(|| {
        panic!(
            "written TMX does not read back:\n{}",
            String::from_utf8_lossy(&written)
        )
    });
    let rewritten = write_tmx(&back);
    assert_eq!(
        String::from_utf8_lossy(&written),
        String::from_utf8_lossy(&rewritten),
        "writing is not a fixpoint"
    );
}
