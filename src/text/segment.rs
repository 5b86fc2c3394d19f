//! Word and sentence boundaries (UAX #29, through `unicode-segmentation`).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// A word or token of a text, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Number of scalar values before the word (0-based; add 1 for a column).
    pub char_offset: usize,
}

/// Attaches scalar offsets to pieces given in increasing byte order.
fn located<'a>(
    text: &'a str,
    pieces: impl Iterator<Item = (usize, &'a str)>,
) -> impl Iterator<Item = Word<'a>> {
    let mut counted_to = 0;
    let mut chars = 0;
    pieces.map(move |(start, piece)| {
        chars += text[counted_to..start].chars().count();
        counted_to = start;
        Word {
            text: piece,
            range: start..start + piece.len(),
            char_offset: chars,
        }
    })
}

/// The words of `s`: UAX #29 word segments that contain a letter or a digit.
///
/// Combining marks, ZWNJ and ZWJ stay inside a word (`وال` + ZWNJ + `مدير` is one word); a hyphen
/// splits (`Gafar-zade` is two words) and so does a ZWSP; an apostrophe between letters does not
/// (`don't`).
pub fn words(s: &str) -> impl Iterator<Item = Word<'_>> {
    located(s, s.unicode_word_indices())
}

/// The tokens of `s`: UAX #29 word segments except those that are only whitespace, so each
/// punctuation mark is a token of its own. The `--metric words` fuzzy score compares these.
pub fn tokens(s: &str) -> impl Iterator<Item = Word<'_>> {
    located(
        s,
        s.split_word_bound_indices()
            .filter(|(_, piece)| !piece.chars().all(char::is_whitespace)),
    )
}

/// The sentences of `s` by the plain UAX #29 rules, each with its trailing whitespace, so that
/// they concatenate back to `s`. Abbreviations are not known: `Dr. Smith` is split after `Dr.`.
pub fn sentences(s: &str) -> impl Iterator<Item = &str> {
    s.split_sentence_bounds()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(it: impl Iterator<Item = Word<'a>>) -> Vec<&'a str> {
        it.map(|w| w.text).collect()
    }

    #[test]
    fn words_in_all_four_scripts() {
        assert_eq!(
            texts(words("Salim bin Mohammed AlMalik, ICESCO's head.")),
            ["Salim", "bin", "Mohammed", "AlMalik", "ICESCO's", "head"]
        );
        assert_eq!(
            texts(words("Azərbaycan İSESKO-nun üzvüdür.")),
            ["Azərbaycan", "İSESKO", "nun", "üzvüdür"]
        );
        assert_eq!(
            texts(words("Қазақстан — ИСЕСКО мүшесі!")),
            ["Қазақстан", "ИСЕСКО", "мүшесі"]
        );
        assert_eq!(
            texts(words("قال مُحَمَّد: الإيسيسكو، ٢٠٢٤.")),
            ["قال", "مُحَمَّد", "الإيسيسكو", "٢٠٢٤"]
        );
    }

    #[test]
    fn zwnj_stays_inside_an_arabic_word() {
        assert_eq!(
            texts(words("قال وال\u{200C}مدير")),
            ["قال", "وال\u{200C}مدير"]
        );
    }

    #[test]
    fn hyphen_and_zwsp_split_words() {
        assert_eq!(texts(words("Gafar-zade")), ["Gafar", "zade"]);
        assert_eq!(texts(words("Al\u{200B}Malik")), ["Al", "Malik"]);
    }

    #[test]
    fn word_positions_count_bytes_and_scalars() {
        let found: Vec<Word<'_>> = words("Qafarzadə və Xıdırov").collect();
        assert_eq!(
            found,
            [
                Word {
                    text: "Qafarzadə",
                    range: 0..10,
                    char_offset: 0
                },
                Word {
                    text: "və",
                    range: 11..14,
                    char_offset: 10
                },
                Word {
                    text: "Xıdırov",
                    range: 15..24,
                    char_offset: 13
                },
            ]
        );
        let kk: Vec<(usize, usize)> = words("Ақтоты Райымқұлова")
            .map(|w| (w.range.start, w.char_offset))
            .collect();
        assert_eq!(kk, [(0, 0), (13, 7)]);
    }

    #[test]
    fn tokens_keep_punctuation_and_drop_spaces() {
        assert_eq!(
            texts(tokens("Aktoty Raimkulova (ICESCO), Gafar-zade.")),
            [
                "Aktoty",
                "Raimkulova",
                "(",
                "ICESCO",
                ")",
                ",",
                "Gafar",
                "-",
                "zade",
                "."
            ]
        );
        assert_eq!(
            texts(tokens("Xıdırov:\u{A0}«Azərbaycan»")),
            ["Xıdırov", ":", "«", "Azərbaycan", "»"]
        );
        assert_eq!(
            texts(tokens("Ақтоты, Райымқұлова!")),
            ["Ақтоты", ",", "Райымқұлова", "!"]
        );
        assert_eq!(texts(tokens("مرحبًا، عالم؟")), ["مرحبًا", "،", "عالم", "؟"]);
        let last = tokens("Ақтоты, Райымқұлова!").last().unwrap();
        assert_eq!((last.range, last.char_offset), (36..37, 19));
    }

    #[test]
    fn sentences_follow_uax29_and_concatenate_back() {
        let en = "ICESCO was founded in 1979. Is Azerbaijan a member? Yes!";
        assert_eq!(
            sentences(en).collect::<Vec<_>>(),
            [
                "ICESCO was founded in 1979. ",
                "Is Azerbaijan a member? ",
                "Yes!"
            ]
        );
        let az = "Qafarzadə Bakıda yaşayır. İSESKO-nun üzvüdür.";
        assert_eq!(
            sentences(az).collect::<Vec<_>>(),
            ["Qafarzadə Bakıda yaşayır. ", "İSESKO-nun üzvüdür."]
        );
        let kk = "Қазақстан — ИСЕСКО мүшесі. Ақтоты Райымқұлова сөз сөйледі!";
        assert_eq!(
            sentences(kk).collect::<Vec<_>>(),
            [
                "Қазақстан — ИСЕСКО мүшесі. ",
                "Ақтоты Райымқұлова сөз сөйледі!"
            ]
        );
        let ar = "هل الإيسيسكو هنا؟ نعم. شكرًا";
        assert_eq!(
            sentences(ar).collect::<Vec<_>>(),
            ["هل الإيسيسكو هنا؟ ", "نعم. ", "شكرًا"]
        );
        assert_eq!(sentences(ar).collect::<String>(), ar);
    }

    #[test]
    fn abbreviations_are_not_known_yet() {
        assert_eq!(
            sentences("Dr. AlMalik spoke.").collect::<Vec<_>>(),
            ["Dr. ", "AlMalik spoke."]
        );
    }
}
