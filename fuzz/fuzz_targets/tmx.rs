#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use tarjuman::formats::tmx::TmxReader;
use tarjuman::formats::{InputFile, ReadOptions, UnitReader};

/// Every unit a reader gives, or its error, as text (errors compare by reason and position). The
/// fast reader's file is read `ahead` blocks ahead between units, as an import's storing thread
/// may.
fn read_all(path: &std::path::Path, fast: bool, ahead: u8) -> Result<Vec<String>, String> {
    let input = InputFile::open(path).map_err(|e| format!("{e:?}"))?;
    let options = ReadOptions::default();
    let mut reader = if fast {
        TmxReader::new(input, &options)
    } else {
        TmxReader::slow(input, &options)
    }
    .map_err(|e| format!("{e:?}"))?;
    let mut units = Vec::new();
    while let Some(unit) = reader.next_unit().map_err(|e| format!("{e:?}"))? {
        units.push(format!("{unit:?}"));
        if let Some(file) = reader.read_ahead() {
            for _ in 0..ahead {
                file.help();
            }
        }
    }
    units.push(format!("{:?}", reader.skipped()));
    Ok(units)
}

fuzz_target!(|data: &[u8]| {
    let path = common::scratch(data, "tmx");
    // The fast path over the body must read exactly what the full reader reads.
    let ahead = data.last().map_or(0, |b| b % 4);
    assert_eq!(read_all(&path, true, ahead), read_all(&path, false, 0));
    let Ok(input) = InputFile::open(&path) else {
        return;
    };
    let Ok(reader) = TmxReader::new(input, &ReadOptions::default()) else {
        return;
    };
    if let Some(units) = common::drain(reader) {
        common::check_tmx_roundtrip(&units);
    }
});
