//! `mixed-script`: words that mix Latin and Cyrillic letters (look-alikes from the UTS #39
//! confusables: Cyrillic а/о/е in a Latin word, Latin i for Kazakh і, Cyrillic ә for
//! Azerbaijani ə), and Arabic words with the Persian letters ی/ک in an Arabic document. The
//! suggestion is the word in its one script.

use std::ops::Range;

use super::scan::{Token, name_part};
use super::{Flag, Rule};
use crate::glossary::Recognizer;
use crate::names::translit::fix_homoglyphs;
use crate::text::Script;

/// Persian letters that look like Arabic ones, with the Arabic letter.
const PERSIAN: &[(char, char)] = &[('ی', 'ي'), ('ک', 'ك')];

/// The findings for `tokens` of `text`; `arabic` when the document is in Arabic.
pub(super) fn check(
    text: &str,
    tokens: &[Token],
    arabic: bool,
    recognizer: &Recognizer,
) -> Vec<Flag> {
    let mut out = Vec::new();
    for token in tokens {
        let word = &text[token.range.clone()];
        let fixed = if token.mixed {
            fix_homoglyphs(word)
        } else if arabic && token.script == Script::Arabic && word.contains(['ی', 'ک']) {
            word.chars()
                .map(|c| PERSIAN.iter().find(|(p, _)| *p == c).map_or(c, |(_, a)| *a))
                .collect()
        } else {
            continue;
        };
        let (span, suggestion) = name_span(word, &fixed, recognizer);
        out.push(Flag {
            rule: Rule::MixedScript,
            range: token.range.start + span.start..token.range.start + span.end,
            suggestion: Some(suggestion),
            entry: None,
        });
    }
    out
}

/// The name in `word` (byte range) and its fixed spelling: the glossary mention the fixed word
/// starts with, so that endings stay outside, else the word without a hyphenated ending.
fn name_span(word: &str, fixed: &str, recognizer: &Recognizer) -> (Range<usize>, String) {
    let fixed_chars = |end: usize| fixed[..end].chars().count();
    let byte_of = |chars: usize| {
        word.char_indices()
            .nth(chars)
            .map_or(word.len(), |(i, _)| i)
    };
    let same_length = word.chars().count() == fixed.chars().count();
    if same_length && let Some(m) = recognizer.find(fixed).into_iter().find(|m| m.start == 0) {
        let end = byte_of(fixed_chars(m.end));
        return (0..end, fixed[..m.end].to_string());
    }
    let part = name_part(word);
    let chars = part.chars().count();
    let fixed_part: String = fixed.chars().take(chars).collect();
    (0..part.len(), fixed_part)
}
