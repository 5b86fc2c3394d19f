//! Canonical composition (NFC) and whitespace folding: the form fuzzy matching compares.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The NFC form of `s`; borrows `s` when it is already NFC.
///
/// The quick check answers most strings without normalizing; only a "maybe" (e.g. an Arabic
/// hamza mark, which may compose with the letter before it) is settled by comparing with the
/// composed form, still without allocating.
pub fn nfc(s: &str) -> Cow<'_, str> {
    if below_combining_marks(s) {
        return Cow::Borrowed(s);
    }
    let already = match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => s.chars().eq(s.nfc()),
    };
    if already {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// Whether every character of `s` is below U+0300 (no UTF-8 byte is 0xCC or more). Those are all
/// NFC and start no composition (the combining marks begin at U+0300), so such text (English,
/// Azerbaijani and most Latin text) is NFC without a lookup per character.
pub fn below_combining_marks(s: impl AsRef<[u8]>) -> bool {
    let below = |block: &[u8; 32]| block.iter().fold(0u8, |max, &b| max.max(b)) < 0xCC;
    // Whole blocks, which the compiler compares a vector at a time, and the rest byte by byte
    // (padding it into a block took a call to copy it, a tenth of the time an import normalizes).
    let (blocks, rest) = s.as_ref().as_chunks::<32>();
    blocks.iter().all(below) && rest.iter().all(|&b| b < 0xCC)
}

/// Replaces every run of Unicode whitespace with one ASCII space and trims both ends.
///
/// Whitespace is the Unicode `White_Space` property: tabs, line breaks, NBSP (U+00A0), the narrow
/// NBSP (U+202F), the ideographic space (U+3000) and so on. Zero-width characters such as ZWSP
/// (U+200B) are not whitespace; see [`super::strip_invisible`].
pub fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for piece in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(piece);
    }
    out
}

/// The form the fuzzy score compares: NFC with whitespace runs folded to one space.
///
/// Case, punctuation and invisible characters are kept: CAT match scores are case sensitive.
pub fn normalize_for_matching(s: &str) -> String {
    fold_whitespace(&nfc(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_borrows_text_that_is_already_composed() {
        for s in [
            "Salim bin Mohammed AlMalik",
            "Qafarzadə Xıdırov İSESKO",
            "Ақтоты Райымқұлова",
            "الإيسيسكو",
        ] {
            assert!(matches!(nfc(s), Cow::Borrowed(_)), "{s:?}");
        }
    }

    #[test]
    fn nfc_composes_decomposed_letters_in_all_scripts() {
        // en: e + combining acute.
        assert_eq!(nfc("re\u{301}sume\u{301}"), "résumé");
        // az: S + cedilla, I + dot above, o + diaeresis.
        assert_eq!(
            nfc("S\u{327}ahin I\u{307}smayılov, go\u{308}l"),
            "Şahin İsmayılov, göl"
        );
        // kk: и + breve is й.
        assert_eq!(nfc("Раи\u{306}ымқұлова"), "Райымқұлова");
        // ar: alef + hamza below is إ; the quick check says "maybe" here.
        assert_eq!(nfc("ا\u{655}يسيسكو"), "إيسيسكو");
        assert!(matches!(nfc("ا\u{655}"), Cow::Owned(_)));
    }

    #[test]
    fn the_fast_path_holds_for_every_character_below_u0300() {
        let below: String = ('\0'..'\u{300}').collect();
        assert!(below_combining_marks(&below));
        assert_eq!(is_nfc_quick(below.chars()), IsNormalized::Yes);
        // Every character below U+0300 stays as it is after any of them.
        for c in '\0'..'\u{300}' {
            let pair: String = ['e', c].into_iter().collect();
            assert_eq!(pair.nfc().collect::<String>(), pair, "{c:?}");
        }
        assert!(!below_combining_marks("Sahin\u{327}"));
        assert!(!below_combining_marks("Қазақ"));
        // In a whole block, and in the padded rest after one.
        assert!(!below_combining_marks(format!(
            "S\u{327}{}",
            "x".repeat(40)
        )));
        assert!(!below_combining_marks(format!("{}Қ", "x".repeat(40))));
        assert!(below_combining_marks(format!("{}ə", "x".repeat(40))));
        assert_eq!(
            nfc("a long enough English text, then S\u{327}"),
            "a long enough English text, then Ş"
        );
    }

    #[test]
    fn nfc_settles_a_maybe_without_allocating() {
        // A hamza above after a letter it does not compose with is a "maybe" that stays.
        let s = "ب\u{654}";
        assert!(matches!(nfc(s), Cow::Borrowed(_)));
    }

    #[test]
    fn whitespace_runs_become_one_space() {
        assert_eq!(
            fold_whitespace("  Salim\u{a0}bin\t\tMohammed\r\n AlMalik \u{3000}"),
            "Salim bin Mohammed AlMalik"
        );
        assert_eq!(
            fold_whitespace("Qafarzadə\u{202f}Xıdırov"),
            "Qafarzadə Xıdırov"
        );
        assert_eq!(
            fold_whitespace("Ақтоты\u{2009}\u{2009}Райымқұлова\n"),
            "Ақтоты Райымқұлова"
        );
        assert_eq!(fold_whitespace("محمد\u{85}علي"), "محمد علي");
        assert_eq!(fold_whitespace(" \t\n\u{a0}"), "");
    }

    #[test]
    fn zero_width_space_is_not_whitespace() {
        assert_eq!(fold_whitespace("Al\u{200b}Malik"), "Al\u{200b}Malik");
    }

    #[test]
    fn matching_form_keeps_case_and_punctuation() {
        assert_eq!(
            normalize_for_matching(" ICESCO,\u{a0}the  Islamic World  Organization. "),
            "ICESCO, the Islamic World Organization."
        );
        assert_eq!(
            normalize_for_matching("I\u{307}SESKO\n(Bakı)"),
            "İSESKO (Bakı)"
        );
        assert_eq!(
            normalize_for_matching("ИСЕСКО —\tҚазақстан"),
            "ИСЕСКО — Қазақстан"
        );
        assert_eq!(
            normalize_for_matching("الإيسيسكو ،  مُحَمَّد"),
            "الإيسيسكو ، مُحَمَّد"
        );
    }
}
