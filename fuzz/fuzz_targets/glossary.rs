//! Feeds arbitrary bytes to the glossary readers: a project glossary (CSV or TSV with `id`, `type`
//! and language columns, the files editors keep in `glossaries/`) and `glossary import` (TBX,
//! language-headed CSV/TSV, OmegaT's headerless TSV). Each must give a glossary or a positioned
//! error, never panic; a glossary read back from its own CSV export exports the same bytes. The
//! first byte picks CSV or TSV.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use tarjuman::error::Error;
use tarjuman::glossary::import::{ImportOptions, import};
use tarjuman::glossary::{Glossary, WriteOptions};
use tarjuman::model::LangTag;

/// The glossary as CSV, without formula neutralizing (which is not meant to round-trip).
fn export(glossary: &Glossary) -> Vec<u8> {
    let options = WriteOptions {
        sanitize: false,
        ..WriteOptions::default()
    };
    let mut out = Vec::new();
    glossary.write(&mut out, &options).expect("writing to memory");
    out
}

/// An input error must point at a real line and column.
fn check_position(result: &Result<Glossary, Error>) {
    if let Err(Error::Input {
        position: Some(position),
        ..
    }) = result
    {
        assert!(position.line >= 1 && position.column >= 1);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let path = common::scratch(bytes, if selector & 1 == 0 { "csv" } else { "tsv" });
    let read = Glossary::read(&path);
    check_position(&read);
    if let Ok(glossary) = read {
        let first = export(&glossary);
        let again = common::scratch(&first, "out.csv");
        let back = Glossary::read(&again).unwrap_or_else(|e| {
            panic!(
                "exported glossary does not read back ({e}):\n{}",
                String::from_utf8_lossy(&first)
            )
        });
        assert_eq!(
            String::from_utf8_lossy(&first),
            String::from_utf8_lossy(&export(&back)),
            "export is not a fixpoint"
        );
    }
    let options = ImportOptions {
        source_lang: LangTag::parse("en").ok(),
        target_lang: LangTag::parse("az").ok(),
    };
    let imported = import(&path, &options);
    check_position(&imported);
    if let Ok(glossary) = imported {
        export(&glossary);
    }
});
