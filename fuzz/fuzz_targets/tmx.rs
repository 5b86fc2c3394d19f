#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use tarjuman::formats::tmx::TmxReader;
use tarjuman::formats::{InputFile, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let path = common::scratch(data, "tmx");
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
