//! The Unicode text core: normalization, case folding, Arabic letter variants, invisible characters,
//! word and sentence boundaries. One function per rule, each tested with real examples.

pub mod arabic;
pub mod case;
pub mod fold;
pub mod invisible;
pub mod key;
pub mod normalize;
pub mod script;
pub mod segment;

pub use arabic::{normalize_arabic, strip_tashkeel};
pub use case::fold_case;
pub use fold::{FoldOptions, Folded, fold, fold_mapped};
pub use invisible::{find_invisible, is_invisible, show_invisible, strip_invisible};
pub use key::match_key;
pub use normalize::{fold_whitespace, nfc, normalize_for_matching};
pub use script::{Script, dominant_script, script_of};
pub use segment::{Word, sentences, tokens, words};

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::{match_key, normalize_for_matching};
    use crate::model::Language;

    /// Characters where the rules meet: Turkic I, Kazakh and Arabic letters, harakat and hamza
    /// marks, presentation forms, joiners, spaces, controls and Latin combining marks.
    const ALPHABET: &[char] = &[
        'a', 'e', 'I', 'i', 'İ', 'ı', 'J', 'ə', 'Ə', 'ş', 'ß', 'ς', 'Σ', 'Қ', 'қ', 'І', 'і', 'й',
        'ا', 'أ', 'ى', 'ة', 'و', 'ي', 'ی', 'ـ', '٢', '\u{64E}', '\u{651}', '\u{654}', '\u{655}',
        '\u{670}', '\u{6D6}', '\u{FEFB}', '\u{FDF2}', '\u{301}', '\u{307}', '\u{30C}', '\u{323}',
        '\u{34F}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{200F}', '\u{FEFF}', '\u{AD}', ' ',
        '\u{A0}', '\u{202F}', '\u{3000}', '\t', '\n', '.', '-', '\u{212A}', '\u{FB01}',
    ];

    fn mixed_text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(ALPHABET), 0..24)
            .prop_map(|chars| chars.into_iter().collect())
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![mixed_text(), any::<String>()]
    }

    fn language() -> impl Strategy<Value = Language> {
        prop::sample::select(vec![
            Language::English,
            Language::Azerbaijani,
            Language::Kazakh,
            Language::KazakhLatin,
            Language::Arabic,
            Language::Other,
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        #[test]
        fn normalize_for_matching_is_idempotent(s in text()) {
            let once = normalize_for_matching(&s);
            prop_assert_eq!(normalize_for_matching(&once), once);
        }

        #[test]
        fn match_key_is_idempotent(s in text(), language in language()) {
            let once = match_key(&s, language);
            prop_assert_eq!(match_key(&once, language), once);
        }
    }
}
