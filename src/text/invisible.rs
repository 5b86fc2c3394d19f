//! Invisible characters: zero-width joiners and spaces, bidi controls, soft hyphens.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` takes no visible space and yet changes the text.
///
/// ZWSP, ZWNJ, ZWJ (U+200B–U+200D); the marks LRM, RLM (U+200E, U+200F) and ALM (U+061C); bidi
/// embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069); the word joiner and
/// invisible operators (U+2060–U+2064); the soft hyphen (U+00AD); the BOM / zero-width no-break
/// space (U+FEFF); the Mongolian vowel separator (U+180E); the combining grapheme joiner (U+034F).
/// Whitespace (NBSP, U+202F) and control characters are not in this set.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{061C}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{2060}'..='\u{2064}'
            | '\u{00AD}'
            | '\u{FEFF}'
            | '\u{180E}'
            | '\u{034F}'
    )
}

/// `s` without its invisible characters; borrows `s` when it has none.
///
/// Used for matching keys, so that `Al` + ZWSP + `Malik` finds `AlMalik`.
pub fn strip_invisible(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_invisible) {
        Cow::Owned(s.chars().filter(|&c| !is_invisible(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// `s` made safe and explicit for a terminal: each invisible character and each control
/// character other than tab and line feed (C0, DEL, C1; carriage return included) is shown as a
/// marker such as `⟨U+200C⟩`.
pub fn show_invisible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_invisible(c) || (c.is_control() && c != '\t' && c != '\n') {
            // Writing to a String cannot fail.
            let _ = write!(out, "⟨U+{:04X}⟩", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// The invisible characters of `s` with their 0-based index in scalar values (add 1 for a column).
pub fn find_invisible(s: &str) -> Vec<(usize, char)> {
    s.chars()
        .enumerate()
        .filter(|&(_, c)| is_invisible(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listed_characters_are_invisible_and_spaces_are_not() {
        for c in [
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{202A}',
            '\u{202E}', '\u{2066}', '\u{2069}', '\u{2060}', '\u{2064}', '\u{00AD}', '\u{FEFF}',
            '\u{180E}', '\u{034F}',
        ] {
            assert!(is_invisible(c), "U+{:04X}", u32::from(c));
        }
        for c in [
            ' ', '\u{A0}', '\u{202F}', '\u{2065}', '\u{2070}', 'ə', 'қ', 'ـ', '\u{64E}', '\t',
        ] {
            assert!(!is_invisible(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn strip_removes_invisibles_in_all_scripts() {
        assert_eq!(strip_invisible("Al\u{200B}Malik"), "AlMalik");
        assert_eq!(strip_invisible("\u{FEFF}Qafar\u{AD}zadə"), "Qafarzadə");
        assert_eq!(strip_invisible("Райым\u{2060}құлова"), "Райымқұлова");
        assert_eq!(
            strip_invisible("\u{200F}وال\u{200C}مدير\u{200E}"),
            "والمدير"
        );
        assert_eq!(
            strip_invisible("\u{2067}الإيسيسكو\u{2069} (ICESCO)"),
            "الإيسيسكو (ICESCO)"
        );
    }

    #[test]
    fn strip_borrows_clean_text() {
        assert!(matches!(
            strip_invisible("Ақтоты Райымқұлова"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(strip_invisible("مُحَمَّد"), Cow::Borrowed(_)));
    }

    #[test]
    fn show_marks_invisibles_and_controls() {
        assert_eq!(show_invisible("Al\u{200B}Malik"), "Al⟨U+200B⟩Malik");
        assert_eq!(show_invisible("وال\u{200C}مدير"), "وال⟨U+200C⟩مدير");
        assert_eq!(
            show_invisible("\u{FEFF}Xıdırov\u{AD}"),
            "⟨U+FEFF⟩Xıdırov⟨U+00AD⟩"
        );
        assert_eq!(
            show_invisible("ИСЕСКО\u{1B}[31m\r\n\tҚазақстан\u{7F}\u{9B}"),
            "ИСЕСКО⟨U+001B⟩[31m⟨U+000D⟩\n\tҚазақстан⟨U+007F⟩⟨U+009B⟩"
        );
        assert_eq!(show_invisible("Salim bin Mohammed"), "Salim bin Mohammed");
    }

    #[test]
    fn find_reports_scalar_indices() {
        // "Qafarzadə" has a two-byte ə: the index counts scalar values, not bytes.
        assert_eq!(find_invisible("Qafarzadə\u{200B}"), [(9, '\u{200B}')]);
        assert_eq!(
            find_invisible("\u{200F}وال\u{200C}مدير"),
            [(0, '\u{200F}'), (4, '\u{200C}')]
        );
        assert_eq!(find_invisible("Ақтоты"), []);
    }
}
