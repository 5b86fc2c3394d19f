//! `invisible-char`: zero-width, bidi-control and soft-hyphen characters inside a name (a
//! capitalized word, an Arabic word, or a glossary mention). ZWNJ in Arabic script is spelling,
//! not a stray character, and is left alone.

use std::ops::Range;

use super::scan::{Token, name_part};
use super::{Flag, Rule};
use crate::text::{Script, is_invisible, strip_invisible};

/// The findings for `tokens` of `text`; `mentions` are the glossary mentions' ranges.
pub(super) fn check(text: &str, tokens: &[Token], mentions: &[Range<usize>]) -> Vec<Flag> {
    let mut out = Vec::new();
    for token in tokens {
        let word = &text[token.range.clone()];
        let arabic = token.script == Script::Arabic;
        let stray = |c: char| is_invisible(c) && !(arabic && c == '\u{200C}');
        if !word.chars().any(stray) {
            continue;
        }
        let in_mention = mentions
            .iter()
            .any(|m| m.start < token.range.end && token.range.start < m.end);
        if !(token.capitalized || arabic || in_mention) {
            continue;
        }
        let part = name_part(word);
        if !part.chars().any(stray) {
            continue;
        }
        out.push(Flag {
            rule: Rule::InvisibleChar,
            range: token.range.start..token.range.start + part.len(),
            suggestion: Some(strip_invisible(part).into_owned()),
            entry: None,
        });
    }
    out
}
