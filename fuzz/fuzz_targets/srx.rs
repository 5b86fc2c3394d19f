#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use tarjuman::model::LangTag;
use tarjuman::segment::{Rules, segment_document, segment_markdown, write_srx};

const TEXT: &str = "Mr. S. M. AlMalik visited Baku on 09.12.2025. Is it signed? Yes...\n\nКездесуге проф. А. Райымқұлова т.б. қатысты! هل وقّع د. المالك؟ نعم۔ - item\n# Title";

fuzz_target!(|data: &[u8]| {
    let path = common::scratch(data, "srx");
    // Malformed files are errors, never panics.
    let Ok(rules) = Rules::from_srx_file(&path) else {
        return;
    };
    for lang in ["en", "az", "kk", "ar", "de-DE"] {
        let lang = LangTag::parse(lang).expect("tag");
        let segments = segment_document(TEXT, &lang, &rules);
        for s in &segments {
            assert_eq!(s.text, &TEXT[s.range.clone()]);
        }
        segment_markdown(TEXT, &lang, &rules);
    }
    // What the writer writes reads back as the same rules.
    let written = write_srx(rules.document());
    let again = common::scratch(written.as_bytes(), "out.srx");
    let back = Rules::from_srx_file(&again).expect("written SRX reads back");
    assert_eq!(back.document().language_rules, rules.document().language_rules);
    assert_eq!(back.document().maps, rules.document().maps);
    assert_eq!(back.document().cascade, rules.document().cascade);
});
