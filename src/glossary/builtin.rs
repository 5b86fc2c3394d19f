//! The glossaries shipped in the binary (`glossaries/*.csv`), used unless
//! `--no-default-glossaries` turns them off.

use std::path::Path;

use super::Glossary;
use crate::error::Result;

/// The shipped glossaries, by file name, in order of precedence (a later one wins where two
/// share an id or a spelling).
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "countries.csv",
        include_str!("../../glossaries/countries.csv"),
    ),
    ("icesco.csv", include_str!("../../glossaries/icesco.csv")),
];

/// The shipped glossaries, parsed.
pub fn shipped() -> Result<Vec<Glossary>> {
    SHIPPED
        .iter()
        .map(|(name, text)| Glossary::parse(name, Path::new(name), text, b','))
        .collect()
}

#[cfg(test)]
mod tests {
    use unicode_normalization::is_nfc;

    use super::super::{Column, WriteOptions, validate};
    use super::*;

    #[test]
    fn shipped_glossaries_are_clean_sorted_and_round_trip() {
        for (name, text) in SHIPPED {
            let g = Glossary::parse(name, Path::new(name), text, b',').unwrap();
            assert!(g.entries.len() >= 20, "{name}: {} entries", g.entries.len());
            assert_eq!(
                &g.header[..9],
                &super::super::CONTRACT_HEADER.map(String::from),
                "{name}"
            );
            let problems = validate(&g);
            assert!(problems.is_empty(), "{name}: {problems:#?}");
            let ids: Vec<&str> = g.entries.iter().map(|e| e.id.as_str()).collect();
            let mut sorted = ids.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(ids, sorted, "{name}: ids not sorted or not unique");
            assert!(is_nfc(text), "{name} is not NFC");
            // Every language column holds its own script (validate checks it; this says so).
            assert!(g.columns.iter().any(|c| matches!(c, Column::Lang(_))));
            let mut out = Vec::new();
            g.write(&mut out, &WriteOptions::default()).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), *text, "{name}");
        }
    }

    #[test]
    fn icesco_covers_the_seed_article_in_four_languages() {
        let g = shipped().unwrap();
        let icesco = &g[1];
        let full = icesco
            .entries
            .iter()
            .filter(|e| {
                ["en", "az", "kk", "ar"]
                    .iter()
                    .all(|l| e.form(&crate::model::LangTag::parse(l).unwrap()).is_some())
            })
            .count();
        assert!(full >= 15, "{full}");
        for id in [
            "i_icesco",
            "i_tchf",
            "p_almalik",
            "p_raimkulova",
            "p_karimov",
            "p_al_sanan",
            "p_gafarzade",
            "p_khidirov",
            "t_dg",
        ] {
            assert!(icesco.entry(id).is_some(), "{id}");
        }
    }
}
