//! Case folding, with the Turkic dotted and dotless I for Azerbaijani and Kazakh Latin.

use unicode_normalization::char::canonical_combining_class;

use crate::model::Language;

const COMBINING_DOT_ABOVE: char = '\u{307}';

/// Folds case for caseless comparison in `language`.
///
/// Azerbaijani and Kazakh Latin ([`Language::is_turkic_latin`]) fold `İ` to `i` and `I` to `ı`.
/// Every other language folds both `I` and `İ` to `i`: Unicode's default folding would turn `İ`
/// into `i` + U+0307, but an Azerbaijani name quoted in English ("İSESKO", "İlham") should match
/// its undotted spelling. In both cases a U+0307 that follows an `I` (NFD input, `I` + U+0307) is
/// absorbed, so decomposed and precomposed `İ` fold alike.
///
/// Everything else is lower-cased, plus the full case foldings that lower-casing lacks:
/// `ß`/`ẞ` → `ss`, final `ς` → `σ`, and the Latin ligatures U+FB00–U+FB06 (`ﬁ` → `fi`).
/// The result may need NFC again (`J` + U+030C lower-cases to a sequence that composes to `ǰ`).
pub fn fold_case(s: &str, language: Language) -> String {
    let turkic = language.is_turkic_latin();
    let mut out = String::with_capacity(s.len());
    // Where the fold of the last capital I starts in `out`, while a U+0307 may still attach to it.
    let mut capital_i: Option<usize> = None;
    for c in s.chars() {
        if c == COMBINING_DOT_ABOVE
            && let Some(at) = capital_i.take()
        {
            if turkic {
                out.replace_range(at..at + 'ı'.len_utf8(), "i");
            }
            continue;
        }
        // A starter or another mark above ends the reach of a capital I (SpecialCasing's After_I).
        if matches!(canonical_combining_class(c), 0 | 230) {
            capital_i = None;
        }
        match c {
            'I' => {
                capital_i = Some(out.len());
                out.push(if turkic { 'ı' } else { 'i' });
            }
            'İ' => out.push('i'),
            'ß' | 'ẞ' => out.push_str("ss"),
            'ς' => out.push('σ'),
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn azerbaijani_has_dotted_and_dotless_i() {
        let az = Language::Azerbaijani;
        assert_eq!(fold_case("İSTANBUL", az), "istanbul");
        assert_eq!(fold_case("ISTANBUL", az), "ıstanbul");
        assert_eq!(fold_case("İSESKO", az), "isesko");
        assert_eq!(fold_case("XIDIROV", az), "xıdırov");
        assert_eq!(fold_case("QAFARZADƏ", az), "qafarzadə");
        assert_eq!(fold_case("AĞDAM ŞƏKİ ÇÖL ÜZÜM", az), "ağdam şəki çöl üzüm");
    }

    #[test]
    fn kazakh_latin_folds_like_azerbaijani() {
        let kk_latn = Language::KazakhLatin;
        // İ is И/Й, I is І in the 2021 alphabet: ИСЕСКО, ІЛІМ.
        assert_eq!(fold_case("İSESKO", kk_latn), "isesko");
        assert_eq!(fold_case("ILIM", kk_latn), "ılım");
        assert_eq!(fold_case("QAZAQSTAN ŪLTTYQ", kk_latn), "qazaqstan ūlttyq");
    }

    #[test]
    fn decomposed_capital_dotted_i_folds_to_i() {
        assert_eq!(fold_case("I\u{307}SESKO", Language::Azerbaijani), "isesko");
        assert_eq!(fold_case("I\u{307}SESKO", Language::English), "isesko");
        // Another mark below may stand between the I and the dot (canonical order puts it first).
        assert_eq!(
            fold_case("I\u{323}\u{307}", Language::Azerbaijani),
            "i\u{323}"
        );
        // A dot above a later letter is kept.
        assert_eq!(fold_case("IA\u{307}", Language::Azerbaijani), "ıa\u{307}");
        // A small i with a dot above is not a capital I: its dot stays.
        assert_eq!(fold_case("i\u{307}", Language::Azerbaijani), "i\u{307}");
    }

    #[test]
    fn english_folds_both_capital_is_to_i() {
        let en = Language::English;
        assert_eq!(fold_case("ISTANBUL", en), "istanbul");
        assert_eq!(fold_case("İSTANBUL", en), "istanbul");
        assert_eq!(fold_case("ICESCO", en), "icesco");
        assert_eq!(
            fold_case("Salim bin Mohammed AlMalik", en),
            "salim bin mohammed almalik"
        );
    }

    #[test]
    fn full_foldings_beyond_lowercase() {
        let en = Language::English;
        assert_eq!(fold_case("Straße STRASSE", en), "strasse strasse");
        assert_eq!(fold_case("GROẞE", en), "grosse");
        assert_eq!(fold_case("\u{FB01}le e\u{FB00}ort", en), "file effort");
        assert_eq!(
            fold_case("ΟΔΥΣΣΕΥΣ Οδυσσευς", Language::Other),
            "οδυσσευσ οδυσσευσ"
        );
    }

    #[test]
    fn kazakh_cyrillic_folds_every_letter() {
        let kk = Language::Kazakh;
        assert_eq!(fold_case("ҚАЗАҚСТАН", kk), "қазақстан");
        assert_eq!(fold_case("АҚТОТЫ РАЙЫМҚҰЛОВА", kk), "ақтоты райымқұлова");
        assert_eq!(fold_case("ӘҒҚҢӨҰҮҺІ ИСЕСКО", kk), "әғқңөұүһі исеско");
        // Cyrillic І is not the Latin I: no Turkic rule applies to it.
        assert_eq!(fold_case("ІЛІМ", Language::KazakhLatin), "ілім");
    }

    #[test]
    fn arabic_has_no_case() {
        let s = "الإيسيسكو مُحَمَّد";
        assert_eq!(fold_case(s, Language::Arabic), s);
    }
}
