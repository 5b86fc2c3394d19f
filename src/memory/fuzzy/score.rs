//! The match score translators see: `100 × (1 − lev(q, s) / max(|q|, |s|))`, with `lev` the
//! Levenshtein distance over Unicode scalar values (`chars`) or over word tokens (`words`, OmegaT's
//! token score), on text in NFC with whitespace runs folded to one space. Case and punctuation count.

use rapidfuzz::distance::levenshtein;

use crate::text::{normalize_for_matching, tokens};

/// What the Levenshtein distance counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Metric {
    /// Unicode scalar values (the default).
    #[default]
    Chars,
    /// Word tokens (unicode-segmentation word bounds; punctuation is a token, spaces are not).
    Words,
}

/// The text a score is computed on: NFC, whitespace runs folded to one space, trimmed.
pub fn prepare(text: &str) -> String {
    normalize_for_matching(text)
}

/// The units a metric compares, as numbers (scalar values, or interned word ids).
pub fn units(text: &str, metric: Metric, interner: &mut WordInterner) -> Vec<u32> {
    match metric {
        Metric::Chars => text.chars().map(u32::from).collect(),
        Metric::Words => tokens(text).map(|t| interner.id(t.text)).collect(),
    }
}

/// Gives each distinct word a number, so that word sequences compare like character sequences.
#[derive(Default)]
pub struct WordInterner {
    ids: std::collections::HashMap<String, u32>,
}

impl WordInterner {
    /// The number of `word`.
    pub fn id(&mut self, word: &str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(word.to_string()).or_insert(next)
    }

    /// The number of `word`, if it has one.
    pub fn find(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// How many words have numbers (the next number given).
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// The largest distance that still scores at least `min` percent for strings whose longer one has
/// `longest` units: `floor(longest × (100 − min) / 100)`, computed so that a score exactly at the
/// threshold (70 % of 10) is kept despite floating point.
pub fn max_distance(longest: usize, min: f64) -> usize {
    if min <= 0.0 {
        return longest;
    }
    let allowed = longest as f64 * (100.0 - min) / 100.0;
    // The cast rounds toward zero (floor, as the value is not negative) without a call to libm's
    // floor, which this runs once per verified candidate.
    (allowed + 1e-9) as usize
}

/// The score in percent of a distance between strings of `len_a` and `len_b` units.
pub fn percent(distance: usize, len_a: usize, len_b: usize) -> f64 {
    let longest = len_a.max(len_b);
    if longest == 0 {
        return 100.0;
    }
    100.0 * (1.0 - distance as f64 / longest as f64)
}

/// The score in percent of two texts already [`prepare`]d.
pub fn score(a: &str, b: &str, metric: Metric) -> f64 {
    let mut interner = WordInterner::default();
    let a = units(a, metric, &mut interner);
    let b = units(b, metric, &mut interner);
    let distance = levenshtein::distance(a.iter().copied(), b.iter().copied());
    percent(distance, a.len(), b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_in_all_four_scripts() {
        assert_eq!(score("Open file", "Open file", Metric::Chars), 100.0);
        // One substitution in ten characters.
        assert_eq!(
            score("Fayl açılır", "Fayl açıldı", Metric::Chars),
            100.0 * (1.0 - 2.0 / 11.0)
        );
        assert_eq!(
            score("Файлды ашу", "Файлды ашу.", Metric::Chars),
            100.0 * (1.0 - 1.0 / 11.0)
        );
        // Arabic letters are single scalar values; a missing shadda is an edit.
        assert_eq!(
            score("المتحدّة", "المتحدة", Metric::Chars),
            100.0 * (1.0 - 1.0 / 8.0)
        );
        // Case counts.
        assert!(score("ICESCO", "Icesco", Metric::Chars) < 50.0);
    }

    #[test]
    fn word_metric_counts_tokens() {
        // "Open the file ." vs "Open a file ." : one token of four differs.
        assert_eq!(score("Open the file.", "Open a file.", Metric::Words), 75.0);
        assert_eq!(score("Faylı aç", "Faylı aç", Metric::Words), 100.0);
    }

    #[test]
    fn preparation_folds_whitespace_and_normal_form() {
        assert_eq!(prepare("  Baş\u{00A0}direktor \n"), "Baş direktor");
        assert_eq!(prepare("Bas\u{327}"), "Baş");
    }

    #[test]
    fn max_distance_keeps_exact_thresholds() {
        assert_eq!(max_distance(10, 70.0), 3);
        assert_eq!(max_distance(9, 70.0), 2);
        assert_eq!(max_distance(100, 70.0), 30);
        assert_eq!(max_distance(7, 100.0), 0);
        assert_eq!(max_distance(3, 50.0), 1);
        // 1 - 3/10 = 0.7 is a 70 % match: the boundary is kept.
        assert!(percent(3, 10, 10) >= 70.0 - 1e-9);
    }
}
