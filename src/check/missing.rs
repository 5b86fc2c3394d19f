//! `term-missing`: a glossary entry in a source segment whose form for the target language is
//! not in the target segment, in any inflection or shortened form the recognizer knows. A
//! target that uses another spelling of the entry is a `glossary-variant`, not a missing term.

use std::collections::BTreeSet;
use std::ops::Range;

use super::spelling::Glossaries;
use super::{Flag, Rule};
use crate::glossary::Mention;
use crate::model::LangTag;

/// The findings for one target segment at `range`, translating `source`; `mentions` are the
/// glossary mentions in the target.
pub(super) fn check(
    glossaries: &Glossaries,
    lang: &LangTag,
    source: &str,
    range: Range<usize>,
    mentions: &[Mention],
) -> Vec<Flag> {
    let present: BTreeSet<usize> = mentions.iter().map(|m| m.entry).collect();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for mention in glossaries.recognizer.find(source) {
        if present.contains(&mention.entry) || !seen.insert(mention.entry) {
            continue;
        }
        let Some(entry) = glossaries.entry(&mention) else {
            continue;
        };
        let Some(form) = entry.form(lang) else {
            continue;
        };
        out.push(Flag {
            rule: Rule::TermMissing,
            range: range.clone(),
            suggestion: Some(form.to_string()),
            entry: Some(entry.id.clone()),
        });
    }
    out
}
