//! Arabic letter variants and marks that matching treats as one.

use std::borrow::Cow;

use unicode_normalization::char::decompose_compatible;
use unicode_normalization::{UnicodeNormalization, is_nfc};

use super::nfc;

/// Tashkeel and other marks matching ignores: harakat, tanwin, shadda, sukun, the hamza marks
/// U+0653–U+0655 and the rest of U+064B–U+065F, the superscript alef U+0670, and the Quranic
/// annotation marks in U+06D6–U+06ED. The end-of-ayah sign U+06DD and the symbols ۞ (U+06DE) and
/// ۩ (U+06E9) in that range are not marks and are kept.
fn is_ignored_mark(c: char) -> bool {
    matches!(c, '\u{64B}'..='\u{65F}' | '\u{670}' | '\u{6D6}'..='\u{6ED}')
        && !matches!(c, '\u{6DD}' | '\u{6DE}' | '\u{6E9}')
}

/// `s` without tashkeel and tatweel (the marks [`normalize_arabic`] ignores, and U+0640), and
/// nothing else changed: hamza forms, ta marbuta and alef maksura stay. This is the comparison the
/// glossary's annotation rules call "ignoring tashkeel": `مُحَمَّد` and `محمد` are one spelling,
/// `الإيسيسكو` and `الايسيسكو` are two.
pub fn strip_tashkeel(s: &str) -> Cow<'_, str> {
    if s.chars().any(|c| c == '\u{640}' || is_ignored_mark(c)) {
        Cow::Owned(
            s.chars()
                .filter(|&c| c != '\u{640}' && !is_ignored_mark(c))
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// Arabic presentation forms A and B (the BOM U+FEFF at the end of block B is not one).
fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// Normalizes Arabic spelling variants for matching.
///
/// - presentation forms (as PDF text extraction produces: `ﻹ`, `ﷲ`) become the letters they
///   stand for (compatibility decomposition), and the text is put in NFC, so that a decomposed
///   `و` + U+0654 is `ؤ` before marks are stripped;
/// - tashkeel and tatweel (U+0640) are removed: `مُحَمَّد` → `محمد`, `عـــلي` → `علي`;
/// - alef with hamza or madda and alef wasla (`أ إ آ ٱ`) become bare alef `ا`;
/// - alef maksura `ى` and Persian yeh `ی` become yeh `ي`; Persian keheh `ک` becomes kaf `ك`;
/// - teh marbuta `ة` becomes heh `ه`.
///
/// Hamza on waw and yeh (`ؤ ئ`) and the lone hamza `ء` are kept: they spell different words.
/// Digits are kept as they are: Arabic-Indic `٢٠٢٤` and ASCII `2024` stay different, because a
/// translation that changes the digits is a change the translator should see.
/// Characters of other scripts are not touched, except that the text as a whole ends up in NFC.
pub fn normalize_arabic(s: &str) -> String {
    let expanded: Cow<'_, str> = if s.chars().any(is_presentation_form) {
        let mut expanded = String::with_capacity(s.len() * 2);
        for c in s.chars() {
            if is_presentation_form(c) {
                decompose_compatible(c, |d| expanded.push(d));
            } else {
                expanded.push(c);
            }
        }
        Cow::Owned(expanded)
    } else {
        Cow::Borrowed(s)
    };
    let composed = nfc(&expanded);
    let mut out = String::with_capacity(composed.len());
    for c in composed.chars() {
        match c {
            '\u{640}' => {}
            c if is_ignored_mark(c) => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' | 'ی' => out.push('ي'),
            'ک' => out.push('ك'),
            'ة' => out.push('ه'),
            c => out.push(c),
        }
    }
    // Removing a mark can leave a Latin letter next to a mark it composes with.
    if is_nfc(&out) {
        out
    } else {
        out.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hamza_forms_become_bare_alef() {
        assert_eq!(
            normalize_arabic("الإمارات العربيّة المتحدّة"),
            "الامارات العربيه المتحده"
        );
        assert_eq!(normalize_arabic("الإيسيسكو"), "الايسيسكو");
        assert_eq!(normalize_arabic("أحمد"), "احمد");
        assert_eq!(normalize_arabic("القرآن"), "القران");
        assert_eq!(normalize_arabic("ٱلرَّحْمَٰنِ"), "الرحمن");
    }

    #[test]
    fn tashkeel_and_tatweel_are_removed() {
        assert_eq!(normalize_arabic("مُحَمَّد"), "محمد");
        assert_eq!(normalize_arabic("عـــلي"), "علي");
        assert_eq!(
            normalize_arabic("سَالِم بِن مُحَمَّد المَالِك"),
            "سالم بن محمد المالك"
        );
        assert_eq!(normalize_arabic("كِتَابًا"), "كتابا");
        // Quranic small high letters go; the end-of-ayah sign stays.
        assert_eq!(normalize_arabic("ٱلْعَٰلَمِينَ ۝٢"), "العلمين ۝٢");
    }

    #[test]
    fn yeh_teh_marbuta_and_persian_letters_are_unified() {
        assert_eq!(normalize_arabic("مصطفى"), "مصطفي");
        assert_eq!(normalize_arabic("منظمة"), "منظمه");
        assert_eq!(normalize_arabic("کتابی"), "كتابي");
    }

    #[test]
    fn hamza_on_waw_and_yeh_is_kept_also_when_decomposed() {
        assert_eq!(normalize_arabic("مؤتمر رئيس"), "مؤتمر رئيس");
        assert_eq!(normalize_arabic("م\u{648}\u{654}تمر"), "مؤتمر");
        assert_eq!(normalize_arabic("ا\u{655}يسيسكو"), "ايسيسكو");
    }

    #[test]
    fn presentation_forms_become_letters() {
        assert_eq!(normalize_arabic("\u{FEFB}"), "لا");
        assert_eq!(normalize_arabic("\u{FEF9}"), "لا");
        assert_eq!(
            normalize_arabic(
                "\u{FE8D}\u{FEDF}\u{FE88}\u{FEF3}\u{FEB4}\u{FEF4}\u{FEB4}\u{FEDC}\u{FEEE}"
            ),
            "الايسيسكو"
        );
    }

    #[test]
    fn removing_a_mark_recomposes_what_it_blocked() {
        // The hamza above blocks the acute from composing with e; without it, e + acute is é.
        assert_eq!(normalize_arabic("Qafarzade\u{654}\u{301}"), "Qafarzadé");
    }

    #[test]
    fn strip_tashkeel_keeps_hamza_and_letter_variants() {
        assert_eq!(strip_tashkeel("مُحَمَّد عـــلي"), "محمد علي");
        assert_eq!(strip_tashkeel("الإيسيسكو"), "الإيسيسكو");
        assert_eq!(strip_tashkeel("مصطفى منظمة"), "مصطفى منظمة");
        assert!(matches!(strip_tashkeel("Salim"), Cow::Borrowed(_)));
    }

    #[test]
    fn digits_and_other_scripts_are_kept() {
        assert_eq!(normalize_arabic("عام ٢٠٢٤ / 2024"), "عام ٢٠٢٤ / 2024");
        for s in ["ICESCO İSESKO", "Qafarzadə Xıdırov", "Ақтоты Райымқұлова"] {
            assert_eq!(normalize_arabic(s), s);
        }
    }
}
