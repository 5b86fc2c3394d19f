//! The language of a document, from its script and letters, when `--doc-lang` does not say.
//!
//! Letters are counted by script; the script with most letters decides: Arabic → `ar`, Cyrillic
//! → `kk`. A Latin text is Azerbaijani when at least 5% of its words (and two or more) have `ə` (a letter only
//! Azerbaijani uses), Kazakh Latin (`kk-Latn`) when as many of its words have one of the
//! 2021 alphabet's `ä ñ ū` (or `ğ`/`q` together with dotless `ı` and no `ə`), and English
//! otherwise. A few foreign names in an English text stay below these shares.

use crate::model::LangTag;
use crate::text::{Script, script_of};

/// The share of words, in percent, that marks a language.
const MARKED_WORDS: usize = 5;

/// The language of `text`.
pub fn detect(text: &str) -> LangTag {
    let mut counts = [0usize; 3];
    for c in text.chars() {
        match script_of(c) {
            Script::Latin => counts[0] += 1,
            Script::Cyrillic => counts[1] += 1,
            Script::Arabic => counts[2] += 1,
            _ => {}
        }
    }
    let tag = if counts[2] > counts[0].max(counts[1]) {
        "ar"
    } else if counts[1] > counts[0] {
        "kk"
    } else {
        latin_language(text)
    };
    LangTag::parse(tag).unwrap_or_else(|_| unreachable!("a valid tag"))
}

fn latin_language(text: &str) -> &'static str {
    let (mut words, mut schwa, mut kazakh, mut turkic) = (0usize, 0usize, 0usize, 0usize);
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        words += 1;
        let has = |set: &[char]| word.chars().any(|c| set.contains(&c));
        if has(&['ə', 'Ə']) {
            schwa += 1;
        }
        if has(&['ä', 'Ä', 'ñ', 'Ñ', 'ū', 'Ū']) {
            kazakh += 1;
        }
        if has(&['ı', 'ğ', 'Ğ', 'q', 'Q']) && has(&['ı', 'ş', 'Ş', 'ğ', 'ü', 'ö']) {
            turkic += 1;
        }
    }
    let marked = |n: usize| n * 100 >= words * MARKED_WORDS && n >= 2;
    if marked(schwa) {
        "az"
    } else if marked(kazakh) || marked(turkic) {
        "kk-Latn"
    } else {
        "en"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_from_script_and_letters() {
        let lang = |s: &str| detect(s).as_str().to_string();
        assert_eq!(
            lang("Heydər Əliyev Fondu Şəkidə sənətkarlıq mərkəzi açıb"),
            "az"
        );
        assert_eq!(
            lang("Астанада ИСЕСКО-мен бірлескен мәдени форум өтті"),
            "kk"
        );
        assert_eq!(lang("المدير العام لمنظمة الإيسيسكو يزور باكو"), "ar");
        assert_eq!(
            lang("Astanada İSESKO-men bırlesken mädeni forum öttı"),
            "kk-Latn"
        );
        assert_eq!(
            lang(
                "Former State Secretary Gulshara Abdykalikova said. Äbdıqalyqova added that \
                  volunteers from Mangystau had transcribed more than four hundred songs in the \
                  archive of the centre, which opened on Wednesday in the capital city."
            ),
            "en"
        );
    }
}
