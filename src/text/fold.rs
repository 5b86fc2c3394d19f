//! Folding for concordance search: whitespace runs as one space, and on request caseless (Turkic
//! dotted/dotless I by language) and Arabic diacritic-blind, with a map from every position of the
//! folded text back to the original, so that hits found in the folded text highlight the original.
//!
//! The fold works one character at a time (a whitespace run aside), so a substring of a text folds
//! to a substring of the folded text: an index of folded text never loses a hit.

use std::ops::Range;

use super::{fold_case, strip_tashkeel};
use crate::model::Language;

/// What a search ignores.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FoldOptions {
    /// Letter case, with the Turkic I rules for Azerbaijani and Kazakh Latin.
    pub case: bool,
    /// Arabic tashkeel, tatweel and the hamza or madda on alef (`أ إ آ ٱ` are `ا`).
    pub diacritics: bool,
}

impl FoldOptions {
    /// Everything folded: the form the search index holds.
    pub const ALL: FoldOptions = FoldOptions {
        case: true,
        diacritics: true,
    };
}

/// A folded text with the way back to the original.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// For each byte position of `text` (and its end): where a hit starting there starts in the
    /// original.
    starts: Vec<usize>,
    /// For each byte position of `text` (and its end): where a hit ending there ends in the
    /// original, dropped marks after the last letter included.
    ends: Vec<usize>,
}

impl Folded {
    /// The byte range of the original that a byte range of the folded text came from.
    pub fn original(&self, range: Range<usize>) -> Range<usize> {
        self.starts[range.start]..self.ends[range.end].max(self.starts[range.start])
    }

    /// The byte ranges in the original of every non-overlapping occurrence of `pattern` (folded
    /// alike) in the folded text.
    pub fn find_all(&self, pattern: &str) -> Vec<Range<usize>> {
        if pattern.is_empty() {
            return Vec::new();
        }
        self.text
            .match_indices(pattern)
            .map(|(at, found)| self.original(at..at + found.len()))
            .collect()
    }
}

/// Arabic marks a diacritic-blind search drops (tatweel included).
fn is_dropped_mark(c: char) -> bool {
    let mut buf = [0u8; 4];
    strip_tashkeel(c.encode_utf8(&mut buf)).is_empty()
}

/// Whether `c` folds to itself: it lower-cases to itself and is none of the characters whose full
/// folding differs from lower-casing (`ß`, final `ς`, the Latin ligatures). Most letters of running
/// text are, and need no call to [`fold_case`].
fn is_own_fold(c: char) -> bool {
    let mut lower = c.to_lowercase();
    lower.len() == 1
        && lower.next() == Some(c)
        && !matches!(c, 'ß' | 'ς' | '\u{FB00}'..='\u{FB06}' | '\u{307}')
}

/// Appends the fold of `c` to `out`.
fn fold_char(c: char, language: Language, options: FoldOptions, out: &mut String) {
    if options.diacritics {
        if is_dropped_mark(c) {
            return;
        }
        if matches!(c, 'أ' | 'إ' | 'آ' | 'ٱ') {
            out.push('ا');
            return;
        }
    }
    if c.is_whitespace() {
        if !out.ends_with(' ') {
            out.push(' ');
        }
        return;
    }
    if !options.case {
        out.push(c);
    } else if c.is_ascii() {
        match c {
            'I' if language.is_turkic_latin() => out.push('ı'),
            _ => out.push(c.to_ascii_lowercase()),
        }
    } else if is_own_fold(c) {
        out.push(c);
    } else {
        let mut buf = [0u8; 4];
        let folded = fold_case(c.encode_utf8(&mut buf), language);
        // The folds that lower-casing builds from decomposed pieces are put back together.
        let mut chars = folded.chars();
        match (chars.next(), chars.next()) {
            (Some(one), None) => out.push(one),
            _ => {
                let composed: String =
                    unicode_normalization::UnicodeNormalization::nfc(folded.as_str()).collect();
                out.push_str(&composed);
            }
        }
    }
}

/// The fold of `text` in `language` (whitespace runs folded to one space).
pub fn fold(text: &str, language: Language, options: FoldOptions) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, language, options, &mut out);
    }
    out
}

/// The fold of `text` with the map back to it.
pub fn fold_mapped(text: &str, language: Language, options: FoldOptions) -> Folded {
    let mut out = String::with_capacity(text.len());
    let mut starts = Vec::with_capacity(text.len() + 1);
    let mut ends = vec![0];
    for (at, c) in text.char_indices() {
        let before = out.len();
        fold_char(c, language, options, &mut out);
        let end = at + c.len_utf8();
        starts.resize(out.len(), at);
        if out.len() == before {
            // Nothing written: a dropped mark or a space in a run belongs to what came before.
            if ends.len() > 1
                && let Some(last) = ends.last_mut()
            {
                *last = end;
            }
        } else {
            ends.resize(out.len(), end);
            ends.push(end);
        }
    }
    starts.push(text.len());
    Folded {
        text: out,
        starts,
        ends,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASE: FoldOptions = FoldOptions {
        case: true,
        diacritics: false,
    };

    fn hits<'a>(
        text: &'a str,
        pattern: &str,
        language: Language,
        options: FoldOptions,
    ) -> Vec<&'a str> {
        let folded = fold_mapped(text, language, options);
        folded
            .find_all(&fold(pattern, language, options))
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn turkic_case_folding_finds_the_right_i() {
        let az = Language::Azerbaijani;
        assert_eq!(
            hits("İSTANBUL və Istanbul", "istanbul", az, CASE),
            ["İSTANBUL"]
        );
        assert_eq!(
            hits("İSTANBUL və Istanbul", "ıstanbul", az, CASE),
            ["Istanbul"]
        );
        // English folds both capitals to i.
        let en = Language::English;
        assert_eq!(
            hits("İSTANBUL and Istanbul", "istanbul", en, CASE),
            ["İSTANBUL", "Istanbul"]
        );
        assert!(hits("İSTANBUL", "istanbul", az, FoldOptions::default()).is_empty());
    }

    #[test]
    fn expansions_map_back_to_whole_characters() {
        let en = Language::English;
        assert_eq!(hits("Die Straße", "strasse", en, CASE), ["Straße"]);
        assert_eq!(hits("Die Straße", "ss", en, CASE), ["ß"]);
    }

    #[test]
    fn arabic_diacritics_are_ignored_on_request() {
        let ar = Language::Arabic;
        let blind = FoldOptions {
            case: false,
            diacritics: true,
        };
        let text = "قال مُحَمَّدٌ: أحمد وعـــلي";
        assert_eq!(hits(text, "محمد", ar, blind), ["مُحَمَّدٌ"]);
        assert_eq!(hits(text, "احمد", ar, blind), ["أحمد"]);
        assert_eq!(hits(text, "علي", ar, blind), ["عـــلي"]);
        assert!(hits(text, "محمد", ar, FoldOptions::default()).is_empty());
    }

    #[test]
    fn the_shortcut_agrees_with_fold_case() {
        for c in (0..0x3000u32)
            .chain(0xFB00..0xFB10)
            .filter_map(char::from_u32)
        {
            if is_own_fold(c) {
                let mut buf = [0u8; 4];
                for language in [Language::English, Language::Azerbaijani] {
                    assert_eq!(fold_case(c.encode_utf8(&mut buf), language), c.to_string());
                }
            }
        }
    }

    #[test]
    fn whitespace_runs_are_one_space() {
        let en = Language::English;
        assert_eq!(
            hits(
                "open\u{A0} the file",
                "open the",
                en,
                FoldOptions::default()
            ),
            ["open\u{A0} the"]
        );
    }

    #[test]
    fn a_substring_folds_to_a_substring() {
        let text = "Qafarzadə İSESKO-nun BAŞ direktoru مُحَمَّد";
        for language in [Language::Azerbaijani, Language::English, Language::Arabic] {
            let whole = fold(text, language, FoldOptions::ALL);
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            for i in 0..chars.len() {
                for j in i + 1..=chars.len().min(i + 6) {
                    let end = chars.get(j).map_or(text.len(), |c| c.0);
                    let part = fold(&text[chars[i].0..end], language, FoldOptions::ALL);
                    assert!(whole.contains(&part), "{part:?} in {whole:?}");
                }
            }
        }
    }
}
