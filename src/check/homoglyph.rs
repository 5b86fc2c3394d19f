//! `mixed-script`: words that mix scripts by the UTS #39 mixed-script data (found by
//! [`super::scan`]), and Arabic words with the Persian letters ی/ک in an Arabic document (one
//! script for UTS #39, two languages for us). The suggestion is the word in its one script: the
//! project's look-alike table first (Cyrillic а/о/е in a Latin word, Latin i for Kazakh і,
//! Cyrillic ә for Azerbaijani ə), then the UTS #39 confusables for any letter it does not know.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use unicode_security::skeleton;

use super::scan::{Token, name_part, tokens as tokens_of};
use super::spelling::Glossaries;
use super::{Flag, Rule};
use crate::glossary::recognize::stems;
use crate::names::translit::fix_homoglyphs;
use crate::text::{Script, script_of};

/// Persian letters that look like Arabic ones, with the Arabic letter.
const PERSIAN: &[(char, char)] = &[('ی', 'ي'), ('ک', 'ك')];

/// The findings for `tokens` of `text`; `arabic` when the document is in Arabic.
pub(super) fn check(
    text: &str,
    tokens: &[Token],
    arabic: bool,
    glossaries: &Glossaries,
) -> Vec<Flag> {
    let mut out = Vec::new();
    for token in tokens {
        let word = &text[token.range.clone()];
        let fixed = if token.mixed {
            to_script(&fix_homoglyphs(word), token.script)
        } else if arabic && token.script == Script::Arabic && word.contains(['ی', 'ک']) {
            word.chars()
                .map(|c| PERSIAN.iter().find(|(p, _)| *p == c).map_or(c, |(_, a)| *a))
                .collect()
        } else {
            continue;
        };
        let (span, suggestion) = name_span(word, &fixed, glossaries);
        // A word that stays mixed has no one-script spelling to suggest.
        let fixed_ok = fixed != word && !tokens_of(&suggestion, 0).iter().any(|t| t.mixed);
        out.push(Flag {
            rule: Rule::MixedScript,
            range: token.range.start + span.start..token.range.start + span.end,
            suggestion: fixed_ok.then_some(suggestion),
            entry: None,
        });
    }
    out
}

/// `word` with each letter of another script (Arabic aside) replaced by its UTS #39 confusable in
/// `script`, Latin or Cyrillic (a letter with the same skeleton), where it has one.
fn to_script(word: &str, script: Script) -> String {
    word.chars()
        .map(|c| {
            let theirs = script_of(c);
            if theirs == script || matches!(theirs, Script::Arabic | Script::Common) {
                return c;
            }
            let key: String = skeleton(c.encode_utf8(&mut [0; 4])).collect();
            look_alikes().get(&(script, key)).copied().unwrap_or(c)
        })
        .collect()
}

/// The letters of our alphabets (Latin to Extended-A with ə, and basic Cyrillic, which has the
/// Kazakh letters) by script and UTS #39 skeleton; of letters with one skeleton, the first by
/// code point. Phonetic and rare letters are left out: no suggestion rather than `ʍ` for `м`.
fn look_alikes() -> &'static HashMap<(Script, String), char> {
    static TABLE: OnceLock<HashMap<(Script, String), char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        let letters = ('A'..='\u{017F}')
            .chain(['Ə', 'ə'])
            .chain('\u{0400}'..='\u{04FF}');
        for c in letters.filter(|c| c.is_alphabetic()) {
            let script = script_of(c);
            if matches!(script, Script::Latin | Script::Cyrillic) {
                let key: String = skeleton(c.encode_utf8(&mut [0; 4])).collect();
                table.entry((script, key)).or_insert(c);
            }
        }
        table
    })
}

/// The name in `word` (byte range) and its fixed spelling: the glossary mention the fixed word
/// starts with, or a glossary word before an Azerbaijani or Kazakh ending, so that endings stay
/// outside; else the word without a hyphenated ending.
fn name_span(word: &str, fixed: &str, glossaries: &Glossaries) -> (Range<usize>, String) {
    let fixed_chars = |end: usize| fixed[..end].chars().count();
    let byte_of = |chars: usize| {
        word.char_indices()
            .nth(chars)
            .map_or(word.len(), |(i, _)| i)
    };
    let same_length = word.chars().count() == fixed.chars().count();
    if same_length {
        let known = glossaries
            .recognizer
            .find(fixed)
            .into_iter()
            .find(|m| m.start == 0)
            .map(|m| m.end)
            .or_else(|| {
                stems(fixed)
                    .into_iter()
                    .find(|&end| glossaries.knows_word(&fixed[..end]))
            });
        if let Some(end) = known {
            return (0..byte_of(fixed_chars(end)), fixed[..end].to_string());
        }
    }
    let part = name_part(word);
    let chars = part.chars().count();
    let fixed_part: String = fixed.chars().take(chars).collect();
    (0..part.len(), fixed_part)
}
