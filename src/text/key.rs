//! The key glossary look-up and search compare.

use super::{
    Script, fold_case, fold_whitespace, nfc, normalize_arabic, script_of, strip_invisible,
};
use crate::model::Language;

/// The matching key of `s` in `language`, for glossary look-up and search (the fuzzy score uses
/// [`super::normalize_for_matching`] instead).
///
/// Steps, in order: [`nfc`]; [`strip_invisible`]; [`normalize_arabic`] if `s` has an Arabic
/// letter, whatever `language` is, since names travel between languages; [`fold_case`] in
/// `language`; NFC again (removing a joiner or lower-casing can leave a sequence that composes);
/// [`fold_whitespace`]. Punctuation is kept. Applying it to its own output changes nothing.
pub fn match_key(s: &str, language: Language) -> String {
    let composed = nfc(s);
    let visible = strip_invisible(&composed);
    let has_arabic_letter = visible
        .chars()
        .any(|c| script_of(c) == Script::Arabic && c.is_alphabetic());
    let folded = if has_arabic_letter {
        fold_case(&normalize_arabic(&visible), language)
    } else {
        fold_case(&visible, language)
    };
    fold_whitespace(&nfc(&folded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_names_match_across_case_spacing_and_invisibles() {
        let en = Language::English;
        assert_eq!(
            match_key(" Salim  bin\u{A0}Mohammed Al\u{200B}Malik ", en),
            "salim bin mohammed almalik"
        );
        assert_eq!(match_key("ICESCO", en), "icesco");
        assert_eq!(match_key("İSESKO", en), "isesko");
    }

    #[test]
    fn azerbaijani_keys_use_turkic_case() {
        let az = Language::Azerbaijani;
        assert_eq!(match_key("İSESKO", az), "isesko");
        assert_eq!(match_key("I\u{307}SESKO", az), "isesko");
        assert_eq!(match_key("XIDIROV", az), match_key("Xıdırov", az));
        assert_eq!(match_key("QAFARZADƏ\u{AD}", az), "qafarzadə");
        assert_eq!(match_key("Qafarzade\u{301}", az), "qafarzadé");
    }

    #[test]
    fn kazakh_keys() {
        assert_eq!(
            match_key("АҚТОТЫ\u{202F}РАЙЫМҚҰЛОВА", Language::Kazakh),
            "ақтоты райымқұлова"
        );
        assert_eq!(match_key("ИСЕСКО", Language::Kazakh), "исеско");
        assert_eq!(
            match_key("Aqtoty RAIYMQŪLOVA", Language::KazakhLatin),
            "aqtoty raıymqūlova"
        );
    }

    #[test]
    fn arabic_is_normalized_in_any_language() {
        assert_eq!(match_key("الإيسيسكو", Language::Arabic), "الايسيسكو");
        assert_eq!(
            match_key("\u{200F}مُحَمَّد  عـــلي", Language::Arabic),
            "محمد علي"
        );
        // An Arabic name quoted in an English or Kazakh segment gets the same key.
        assert_eq!(
            match_key("ICESCO (الإيسيسكو)", Language::English),
            "icesco (الايسيسكو)"
        );
        assert_eq!(
            match_key("ИСЕСКО (الإيسيسكو)", Language::Kazakh),
            "исеско (الايسيسكو)"
        );
        assert_eq!(match_key("وال\u{200C}مدير", Language::Arabic), "والمدير");
    }

    #[test]
    fn the_key_is_recomposed_after_stripping_and_folding() {
        // The CGJ blocks composition; once it is gone, e + acute is é.
        assert_eq!(
            match_key("Qafarzade\u{34F}\u{301}", Language::Azerbaijani),
            "qafarzadé"
        );
        // There is no capital J with caron; the small one is precomposed (found by proptest).
        assert_eq!(match_key("J\u{30C}", Language::English), "\u{1F0}");
    }
}
