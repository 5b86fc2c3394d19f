#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use tarjuman::formats::xliff::XliffReader;
use tarjuman::formats::{InputFile, ReadOptions};
use tarjuman::model::LangTag;

fuzz_target!(|data: &[u8]| {
    let path = common::scratch(data, "xlf");
    let Ok(input) = InputFile::open(&path) else {
        return;
    };
    let options = ReadOptions {
        source_lang: LangTag::parse("en").ok(),
        target_lang: LangTag::parse("kk").ok(),
    };
    let Ok(reader) = XliffReader::new(input, &options) else {
        return;
    };
    if let Some(units) = common::drain(reader) {
        common::check_tmx_roundtrip(&units);
    }
});
