//! Which script a character belongs to, by Unicode block ranges.

/// The scripts tarjuman tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Script {
    Latin,
    Cyrillic,
    Arabic,
    /// Shared by all scripts: whitespace, punctuation, symbols, digits, combining diacritics.
    Common,
    /// A letter of any other script (Greek, Han, Devanagari, …).
    Other,
}

/// The script of `c`.
///
/// Arabic and Cyrillic are their blocks as a whole, so Arabic punctuation (`،` `؟`), tatweel,
/// tashkeel and the Arabic-Indic digits count as [`Script::Arabic`]; the BOM U+FEFF does not.
/// Latin is the letters of Basic Latin, Latin-1, Extended-A to E, IPA Extensions (so `ə`
/// U+0259), the phonetic extensions, Latin Extended Additional, the `ﬁ` ligatures and the
/// full-width forms. Other letters are [`Script::Other`]; everything that is not a letter is
/// [`Script::Common`], including digits, spacing modifier letters (`ʼ`, `ʻ`) and the combining
/// diacritics U+0300–U+036F.
pub fn script_of(c: char) -> Script {
    match c {
        '\u{FEFF}' => Script::Common,
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}' => Script::Arabic,
        '\u{0400}'..='\u{052F}'
        | '\u{1C80}'..='\u{1C8F}'
        | '\u{2DE0}'..='\u{2DFF}'
        | '\u{A640}'..='\u{A69F}' => Script::Cyrillic,
        '\u{02B0}'..='\u{036F}' => Script::Common,
        c if !c.is_alphabetic() => Script::Common,
        'A'..='Z'
        | 'a'..='z'
        | 'ª'
        | 'º'
        | '\u{00C0}'..='\u{02AF}'
        | '\u{1D00}'..='\u{1DBF}'
        | '\u{1E00}'..='\u{1EFF}'
        | '\u{2C60}'..='\u{2C7F}'
        | '\u{A720}'..='\u{A7FF}'
        | '\u{AB30}'..='\u{AB6F}'
        | '\u{FB00}'..='\u{FB06}'
        | '\u{FF21}'..='\u{FF3A}'
        | '\u{FF41}'..='\u{FF5A}' => Script::Latin,
        _ => Script::Other,
    }
}

/// The script most characters of `s` are written in, ignoring [`Script::Common`] ones; a tie goes
/// to the script seen first. [`Script::Common`] when `s` has no letters at all.
pub fn dominant_script(s: &str) -> Script {
    const SCRIPTS: [Script; 4] = [
        Script::Latin,
        Script::Cyrillic,
        Script::Arabic,
        Script::Other,
    ];
    // (count, index of first occurrence) per script.
    let mut seen = [(0usize, usize::MAX); 4];
    for (i, c) in s.chars().enumerate() {
        if let Some(k) = SCRIPTS.iter().position(|&sc| sc == script_of(c)) {
            seen[k].0 += 1;
            seen[k].1 = seen[k].1.min(i);
        }
    }
    SCRIPTS
        .iter()
        .zip(seen)
        .filter(|(_, (count, _))| *count > 0)
        .max_by_key(|(_, (count, first))| (*count, std::cmp::Reverse(*first)))
        .map_or(Script::Common, |(&script, _)| script)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn azerbaijani_letters_are_latin_including_schwa() {
        for c in "QafarzadəXıdırovİSESKOğışçöüƏĞIŞÇÖÜ".chars() {
            assert_eq!(script_of(c), Script::Latin, "{c}");
        }
        assert_eq!(script_of('ə'), Script::Latin);
        assert_eq!(script_of('Ə'), Script::Latin);
    }

    #[test]
    fn kazakh_letters_are_cyrillic() {
        for c in "АқтотыРайымқұловаИСЕСКОәғқңөұүһіӘҒҚҢӨҰҮҺІ".chars()
        {
            assert_eq!(script_of(c), Script::Cyrillic, "{c}");
        }
    }

    #[test]
    fn arabic_block_is_arabic_including_marks_digits_and_punctuation() {
        // Letters, harakat, shadda, tatweel, digits, comma and question mark.
        for c in "مُحَمَّد عـــلي ٢٠٢٤ ۱۲ ،؟".chars().filter(|&c| c != ' ') {
            assert_eq!(script_of(c), Script::Arabic, "U+{:04X}", u32::from(c));
        }
        assert_eq!(script_of('\u{FEFB}'), Script::Arabic);
        assert_eq!(script_of('\u{FEFF}'), Script::Common);
        assert_eq!(script_of('ی'), Script::Arabic);
    }

    #[test]
    fn shared_characters_are_common() {
        for c in [
            ' ', '1', '.', '-', '«', '—', '×', '\u{A0}', '\u{200C}', '\u{301}', 'ʼ', '€',
        ] {
            assert_eq!(script_of(c), Script::Common, "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn letters_of_other_scripts_are_other() {
        for c in ['α', 'Ω', '中', 'क', 'ა'] {
            assert_eq!(script_of(c), Script::Other, "{c}");
        }
    }

    #[test]
    fn dominant_script_counts_letters() {
        assert_eq!(dominant_script("Salim bin Mohammed AlMalik"), Script::Latin);
        assert_eq!(dominant_script("Qafarzadə (ИСЕСКО)"), Script::Latin);
        assert_eq!(
            dominant_script("Ақтоты Райымқұлова (Aktoty)"),
            Script::Cyrillic
        );
        assert_eq!(dominant_script("الإيسيسكو (ICESCO)"), Script::Arabic);
        assert_eq!(dominant_script("2024 — 12:30!"), Script::Common);
        assert_eq!(dominant_script(""), Script::Common);
        // A tie goes to the script seen first.
        assert_eq!(dominant_script("ab аб"), Script::Latin);
        assert_eq!(dominant_script("аб ab"), Script::Cyrillic);
    }
}
