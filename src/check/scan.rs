//! Words of a text as names are written: letters and marks, with hyphens between letters and
//! invisible characters inside (`Kassym-Jomart` and `Al`+ZWSP+`Malik` are one word), and runs of
//! capitalized words, which is where names are.

use std::ops::Range;

use unicode_normalization::char::canonical_combining_class;
use unicode_security::mixed_script::AugmentedScriptSet;

use crate::text::{Script, is_invisible, script_of};

/// A word: its byte range in the text and its script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Token {
    pub(super) range: Range<usize>,
    pub(super) script: Script,
    /// Starts with an upper-case letter (never true in Arabic script).
    pub(super) capitalized: bool,
    /// Mixes scripts inside one part (UTS #39: no script is common to all its letters).
    pub(super) mixed: bool,
}

fn is_letter(c: char) -> bool {
    match c {
        _ if c.is_ascii() => return c.is_ascii_alphanumeric(),
        // The letters of our alphabets, without the Unicode tables.
        '\u{00C0}'..='\u{017F}' if c != '×' && c != '÷' => return true,
        'ə' | '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' => return true,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => return true,
        _ => {}
    }
    c.is_alphanumeric() || canonical_combining_class(c) != 0 || ('\u{64B}'..='\u{65F}').contains(&c)
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}') || is_invisible(c)
}

/// The words of `text`, offsets added to `base`.
pub(super) fn tokens(text: &str, base: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_letter(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            while end < chars.len() && is_letter(chars[end].1) {
                end += 1;
            }
            // Joiners between letters keep the word going.
            let mut j = end;
            while j < chars.len() && is_joiner(chars[j].1) {
                j += 1;
            }
            if j > end && j < chars.len() && is_letter(chars[j].1) {
                end = j;
            } else {
                break;
            }
        }
        let byte_start = chars[start].0;
        let byte_end = chars.get(end).map_or(text.len(), |(b, _)| *b);
        out.push(token(text, byte_start..byte_end, base));
        i = end;
    }
    out
}

fn token(text: &str, range: Range<usize>, base: usize) -> Token {
    let word = &text[range.clone()];
    let (mut latin, mut cyrillic, mut arabic, mut other) = (0, 0, 0, 0);
    for c in word.chars() {
        match script_of(c) {
            Script::Latin => latin += 1,
            Script::Cyrillic => cyrillic += 1,
            Script::Arabic => arabic += 1,
            Script::Other => other += 1,
            Script::Common => {}
        }
    }
    let script = if arabic > latin.max(cyrillic) {
        Script::Arabic
    } else if cyrillic > latin {
        Script::Cyrillic
    } else if latin > 0 {
        Script::Latin
    } else {
        Script::Common
    };
    // Parts joined by a hyphen may be in different scripts (`UID-тің`), letters of one part not:
    // a part mixes scripts when the UTS #39 resolved script set of its letters is empty. Arabic
    // script is left out: it attaches proclitics to foreign words (`بGanbek`, `لـCtrl`). Letters
    // of only Latin or only Cyrillic are single-script and skip the lookup.
    let mixed = ((latin > 0 && cyrillic > 0) || other > 0)
        && word
            .split(|c: char| is_joiner(c) && !is_invisible(c))
            .any(mixes_scripts);
    Token {
        range: base + range.start..base + range.end,
        script,
        capitalized: is_capitalized(word),
        mixed,
    }
}

/// Whether the letters of `part` outside Arabic script have no script in common (UTS #39).
fn mixes_scripts(part: &str) -> bool {
    let mut scripts = AugmentedScriptSet::default();
    for c in part.chars().filter(|&c| script_of(c) != Script::Arabic) {
        scripts.intersect_with(AugmentedScriptSet::for_char(c));
    }
    scripts.is_empty()
}

/// Starts with an upper-case letter, or with a particle and a hyphen before one (`el-Sisi`).
fn is_capitalized(word: &str) -> bool {
    let upper = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    upper(word)
        || word
            .split_once('-')
            .is_some_and(|(particle, rest)| PARTICLES.contains(&particle) && upper(rest))
}

/// The part of a word that is the name: without a lower-case ending after a hyphen
/// (`ICESCO-nun` → `ICESCO`; `el-Sisi` stays whole).
pub(super) fn name_part(word: &str) -> &str {
    match word.find('-') {
        Some(i)
            if word.chars().next().is_some_and(char::is_uppercase)
                && word[i + 1..].chars().all(|c| !c.is_uppercase()) =>
        {
            &word[..i]
        }
        _ => word,
    }
}

/// Runs of capitalized Latin or Cyrillic words of `text` (the tokens' text) that are separated by
/// one space only, as indexes into `tokens`. Particles (al, el, bin, ibn, de …) may join them.
pub(super) fn capitalized_runs(text: &str, tokens: &[Token], base: usize) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    let word = |t: &Token| &text[t.range.start - base..t.range.end - base];
    while i < tokens.len() {
        let t = &tokens[i];
        if !t.capitalized || !matches!(t.script, Script::Latin | Script::Cyrillic) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < tokens.len() {
            let gap = &text[tokens[end - 1].range.end - base..tokens[end].range.start - base];
            if gap != " " {
                break;
            }
            let next = &tokens[end];
            if next.capitalized && next.script == t.script {
                end += 1;
            } else if PARTICLES.contains(&word(next))
                && tokens.get(end + 1).is_some_and(|n| n.capitalized)
            {
                end += 2;
            } else {
                break;
            }
        }
        runs.push(start..end.min(tokens.len()));
        i = end;
    }
    runs
}

/// Runs of Arabic-script words separated by one space, as indexes into `tokens`.
pub(super) fn arabic_runs(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].script != Script::Arabic {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < tokens.len()
            && tokens[i].script == Script::Arabic
            && &text[tokens[i - 1].range.end..tokens[i].range.start] == " "
        {
            i += 1;
        }
        runs.push(start..i);
    }
    runs
}

/// Lower-case words that join the parts of a name.
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "de", "van", "von", "ul", "ad",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text, 0)
            .iter()
            .map(|t| &text[t.range.clone()])
            .collect()
    }

    #[test]
    fn words_keep_hyphens_and_invisible_characters_inside() {
        assert_eq!(
            words("Kassym-Jomart Tokayev's, Al\u{200B}Malik — ИСЕСКО-мен؛ المالك"),
            [
                "Kassym-Jomart",
                "Tokayev",
                "s",
                "Al\u{200B}Malik",
                "ИСЕСКО-мен",
                "المالك"
            ]
        );
        assert_eq!(name_part("ICESCO-nun"), "ICESCO");
        assert_eq!(name_part("el-Sisi"), "el-Sisi");
        assert_eq!(name_part("Alma-Ata"), "Alma-Ata");
        let t = tokens("Aбай UID-тің لـCtrl بGanbek Tοkayev", 0);
        assert!(t[0].mixed && t[0].script == Script::Cyrillic);
        assert!(!t[1].mixed && !t[2].mixed && !t[3].mixed && t[4].mixed);
    }

    #[test]
    fn runs_of_capitalized_words() {
        let text = "The centre of Abdel Fattah el-Sisi and Mohammed bin Salman, Raiymkulova said.";
        let t = tokens(text, 0);
        let runs: Vec<String> = capitalized_runs(text, &t, 0)
            .into_iter()
            .map(|r| text[t[r.start].range.start..t[r.end - 1].range.end].to_string())
            .collect();
        assert_eq!(
            runs,
            [
                "The",
                "Abdel Fattah el-Sisi",
                "Mohammed bin Salman",
                "Raiymkulova"
            ]
        );
    }
}
