//! Finding entries by any spelling: exact after folding, a word of a spelling, a part of one, or
//! a near spelling (edit distance on a loose key). Cross-script search through transliteration
//! comes with the name-checking work; until then a query finds entries that have a spelling in
//! the query's script.

use super::recognize::fold_key;
use super::{Entry, Glossary};

/// One entry found.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index into the glossary's entries.
    pub entry: usize,
    /// 1.0 for the same spelling; less for a word, a part or a near spelling.
    pub score: f64,
    /// The spelling that matched best.
    pub spelling: String,
}

/// A looser key than the recognizer's: no spaces, hyphens, apostrophes or dots, Latin letters
/// without diacritics, `ə` as `e` and `x` as `kh` (Azerbaijani Xıdırov, English Khidirov).
pub fn loose_key(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let folded = fold_key(s);
    let mut out = String::with_capacity(folded.len());
    for c in folded.nfd() {
        match c {
            ' ' | '-' | '\'' | '.' | '‐' => {}
            'ə' => out.push('e'),
            'x' => out.push_str("kh"),
            c if ('\u{300}'..='\u{36F}').contains(&c) => {}
            c => out.push(c),
        }
    }
    out.nfc().collect()
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            current[j + 1] = (previous[j] + cost)
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// How alike two loose keys are, in [0, 1].
fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 0.0;
    }
    1.0 - levenshtein(&a, &b) as f64 / longest as f64
}

/// How well `query` (folded and loose keys) fits `spelling`.
fn score(query_key: &str, query_loose: &str, spelling: &str) -> f64 {
    let key = fold_key(spelling);
    if key == query_key {
        return 1.0;
    }
    let loose = loose_key(spelling);
    if loose == query_loose {
        return 0.97;
    }
    let words: Vec<String> = spelling.split_whitespace().map(loose_key).collect();
    if words.iter().any(|w| *w == query_loose) {
        return 0.95;
    }
    if query_loose.chars().count() >= 3 && loose.contains(query_loose) {
        return 0.9;
    }
    words
        .iter()
        .map(|w| similarity(query_loose, w))
        .fold(similarity(query_loose, &loose), f64::max)
        * 0.9
}

/// The lowest score [`search`] reports.
pub const THRESHOLD: f64 = 0.68;

/// Entries with a spelling like `query`, best first.
pub fn search(glossary: &Glossary, query: &str) -> Vec<Hit> {
    let query_key = fold_key(query);
    let query_loose = loose_key(query);
    if query_loose.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<Hit> = glossary
        .entries
        .iter()
        .enumerate()
        .filter_map(|(i, entry)| best(entry, &query_key, &query_loose).map(|h| (i, h)))
        .map(|(entry, (score, spelling))| Hit {
            entry,
            score,
            spelling,
        })
        .filter(|h| h.score >= THRESHOLD)
        .collect();
    hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entry.cmp(&b.entry)));
    hits
}

fn best(entry: &Entry, query_key: &str, query_loose: &str) -> Option<(f64, String)> {
    let id_score = if entry.id.eq_ignore_ascii_case(query_key) {
        1.0
    } else {
        0.0
    };
    entry
        .spellings()
        .map(|(s, _)| (score(query_key, query_loose, s), s.to_string()))
        .chain(std::iter::once((id_score, entry.id.clone())))
        .max_by(|a, b| a.0.total_cmp(&b.0))
}

#[cfg(test)]
mod tests {
    use super::super::builtin::shipped;
    use super::*;

    fn top(query: &str) -> Option<String> {
        let g = Glossary::merged(&shipped().unwrap());
        search(&g, query)
            .first()
            .map(|h| g.entries[h.entry].id.clone())
    }

    #[test]
    fn finds_entries_by_any_spelling_and_near_variants() {
        assert_eq!(top("Райымқұлова").as_deref(), Some("p_raimkulova"));
        assert_eq!(top("Raiymkulova").as_deref(), Some("p_raimkulova"));
        assert_eq!(top("Raimkulovva").as_deref(), Some("p_raimkulova"));
        assert_eq!(top("İSESKO").as_deref(), Some("i_icesco"));
        assert_eq!(top("الايسيسكو").as_deref(), Some("i_icesco"));
        assert_eq!(top("Qafarzade").as_deref(), Some("p_gafarzade"));
        assert_eq!(top("Xidirov").as_deref(), Some("p_khidirov"));
        assert_eq!(top("Al Malik").as_deref(), Some("p_almalik"));
        assert_eq!(top("Kazakhstan").as_deref(), Some("country_kz"));
        assert_eq!(top("zzzzqqq"), None);
    }
}
