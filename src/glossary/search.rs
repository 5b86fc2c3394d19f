//! Finding entries by any spelling: exact after folding, a word of a spelling, a part of one, a
//! near spelling (edit distance on a loose key), or a spelling in another script that the names
//! engine's transliteration judges the same name (`Тоқаев` finds an entry written only as
//! `Kassym-Jomart Tokayev`).

use super::recognize::fold_key;
use super::{Entry, Glossary};
use crate::names::{SAME_THRESHOLD, name_key, similarity as name_similarity};
use crate::text::{Script, dominant_script};

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

/// How well `query` fits `spelling` written in another script: through the names engine, for the
/// whole spelling or one of its words; a same-name judgement scores from 0.7 (at the engine's
/// threshold) to 0.95 (the same key).
fn cross_script(query: &str, spelling: &str) -> f64 {
    let script = dominant_script(query);
    if script == Script::Other || script == dominant_script(spelling) {
        return 0.0;
    }
    let best = spelling
        .split_whitespace()
        .map(|word| name_similarity(query, word))
        .fold(name_similarity(query, spelling), f64::max);
    if best >= SAME_THRESHOLD {
        return 0.7 + 0.25 * (best - SAME_THRESHOLD) / (1.0 - SAME_THRESHOLD);
    }
    // Arabic script writes few vowels: compare consonant skeletons (ف for v), of at least three
    // consonants so that short names do not match by chance.
    if script == Script::Arabic || dominant_script(spelling) == Script::Arabic {
        let skeleton = |s: &str| name_key(s, true).to_lowercase().replace('v', "f");
        let query = skeleton(query);
        let same = query.chars().count() >= 3
            && (skeleton(spelling) == query
                || spelling.split_whitespace().any(|w| skeleton(w) == query));
        if same {
            return 0.85;
        }
    }
    0.0
}

/// How well `query` (folded and loose keys) fits `spelling`; `across` also compares it through
/// transliteration when the scripts differ.
fn score(query: &str, query_key: &str, query_loose: &str, spelling: &str, across: bool) -> f64 {
    let within = score_within(query_key, query_loose, spelling);
    if within >= 0.95 || !across {
        return within;
    }
    within.max(cross_script(query, spelling))
}

/// How well `query` (folded and loose keys) fits `spelling` in the same script.
fn score_within(query_key: &str, query_loose: &str, spelling: &str) -> f64 {
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
        .filter_map(|(i, entry)| best(entry, query, &query_key, &query_loose).map(|h| (i, h)))
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

fn best(entry: &Entry, query: &str, query_key: &str, query_loose: &str) -> Option<(f64, String)> {
    // Transliteration (slower) only for entries with no spelling in the query's script: the
    // others are found by their spelling in that script.
    let script = dominant_script(query);
    let across = entry.spellings().all(|(s, _)| dominant_script(s) != script);
    let id_score = if entry.id.eq_ignore_ascii_case(query_key) {
        1.0
    } else {
        0.0
    };
    entry
        .spellings()
        .map(|(s, _)| {
            (
                score(query, query_key, query_loose, s, across),
                s.to_string(),
            )
        })
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

    #[test]
    fn finds_spellings_in_other_scripts_through_transliteration() {
        let csv = "id,type,en,az,kk,ar,variants,forbidden,note\n\
            p_tokayev,person,Kassym-Jomart Tokayev,,,,,,\n\
            p_nazarbayev,person,,,Нұрсұлтан Назарбаев,,,,\n\
            p_aliyev,person,Ilham Aliyev,,,,,,\n";
        let g = Glossary::parse("g", std::path::Path::new("g.csv"), csv, b',').unwrap();
        let found = |query: &str| {
            search(&g, query)
                .first()
                .map(|h| g.entries[h.entry].id.clone())
        };
        assert_eq!(found("Тоқаев").as_deref(), Some("p_tokayev"));
        assert_eq!(found("Токаев").as_deref(), Some("p_tokayev"));
        assert_eq!(found("توكاييف").as_deref(), Some("p_tokayev"));
        assert_eq!(
            found("Nursultan Nazarbayev").as_deref(),
            Some("p_nazarbayev")
        );
        assert_eq!(found("Nazarbaev").as_deref(), Some("p_nazarbayev"));
        assert_eq!(found("Алиев").as_deref(), Some("p_aliyev"));
        assert_eq!(found("إلهام علييف").as_deref(), Some("p_aliyev"));
        assert_eq!(found("نزارباييف").as_deref(), Some("p_nazarbayev"));
        // Different names stay apart across scripts too.
        assert_eq!(found("Назарова"), None);
    }
}
