//! Feeds arbitrary bytes to the PO reader: it must return units or a positioned error, never panic.
//! The first byte decides whether a target language is given.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use tarjuman::error::Error;
use tarjuman::formats::po::PoReader;
use tarjuman::formats::{InputFile, ReadOptions, UnitReader};
use tarjuman::model::LangTag;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let options = ReadOptions {
        source_lang: None,
        target_lang: (selector & 1 == 1).then(|| LangTag::parse("kk").expect("a valid tag")),
    };
    let mut file = tempfile::NamedTempFile::new().expect("temporary file");
    file.write_all(bytes).expect("write the input");
    let result = InputFile::open(file.path())
        .and_then(|input| PoReader::new(input, &options))
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
