//! `inconsistent-name`: a name that no glossary has, written two or more ways. Candidate names
//! are capitalized words outside glossary mentions; a word that also appears in lower case is a
//! common word, not a name. Distinct spellings (ignoring case and tashkeel) are
//! grouped with [`crate::names::clusters`], which blocks by a coarse key so the work stays
//! near-linear; in a group, every mention spelled unlike the reference (the first spelling, or
//! the most frequent with [`Prefer::Majority`]) is flagged with the reference as the suggestion.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::arabic::ArabicNames;
use super::options::Prefer;
use super::spelling::is_common;
use super::{Flag, Rule};
use crate::glossary::recognize::{stems, strict_key};
use crate::model::Language;
use crate::names::clusters;
use crate::names::translit::is_acronym;

/// The shortest name compared, in letters.
const MIN_LETTERS: usize = 3;

/// Candidate names gathered over one document (or all, with `--across`).
#[derive(Default)]
pub(super) struct Names {
    /// Distinct spellings by key: (first written form, count).
    spellings: Vec<(String, usize)>,
    by_key: HashMap<String, usize>,
    /// Whether a spelling was once written where only a name is capitalized.
    name_like: Vec<bool>,
    /// Words as written → their spelling.
    by_word: HashMap<String, usize>,
    /// (document, range, spelling index).
    mentions: Vec<(usize, Range<usize>, usize)>,
    /// Whether a spelling is also written in lower case (a common word).
    common: Vec<bool>,
    /// Names in Arabic script, found by where they stand rather than by capitals.
    pub(super) arabic: ArabicNames,
}

impl Names {
    /// A capitalized word `word` at `range` of document `doc`.
    /// `name_like` when it stands where a common word would not be capitalized: inside a
    /// sentence, or beside another capitalized word. Acronyms and words with digits are left out.
    pub(super) fn add(&mut self, doc: usize, range: Range<usize>, word: &str, name_like: bool) {
        if word.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS
            || is_acronym(word)
            || word.chars().any(|c| c.is_numeric())
        {
            return;
        }
        let index = match self.by_word.get(word) {
            Some(&i) => i,
            None => {
                let key = strict_key(word, Language::English);
                let i = match self.by_key.get(&key) {
                    Some(&i) => i,
                    None => {
                        self.by_key.insert(key, self.spellings.len());
                        self.spellings.push((word.to_string(), 0));
                        self.name_like.push(false);
                        self.common.push(false);
                        self.spellings.len() - 1
                    }
                };
                self.by_word.insert(word.to_string(), i);
                i
            }
        };
        self.spellings[index].1 += 1;
        self.name_like[index] |= name_like;
        self.mentions.push((doc, range, index));
    }

    /// Marks the spellings that a document also writes in lower case, given its lower-case
    /// words: they are common words, not names.
    pub(super) fn mark_common(&mut self, lower: &HashSet<&str>) {
        for (i, (word, _)) in self.spellings.iter().enumerate() {
            if !self.common[i] && is_common(lower, word) {
                self.common[i] = true;
            }
        }
    }

    /// Where each spelling belongs: itself, or the spelling its stem is when the text also has
    /// that stem bare (`Kişdə` → `Kiş`), with the stem's length in bytes.
    fn stem_aliases(&self) -> Vec<(usize, Option<usize>)> {
        self.spellings
            .iter()
            .enumerate()
            .map(|(i, (word, _))| {
                stems(word)
                    .into_iter()
                    .find_map(|end| {
                        let key = strict_key(&word[..end], Language::English);
                        self.by_key.get(&key).map(|&j| (j, Some(end)))
                    })
                    .unwrap_or((i, None))
            })
            .collect()
    }

    /// The findings, with the document each is in.
    pub(super) fn findings(self, prefer: Prefer) -> Vec<(usize, Flag)> {
        let aliases = self.stem_aliases();
        // Members to cluster: each spelling that is its own root, and the stems of those that
        // have endings, standing for them (`Kishdə` is compared as `Kish`).
        let mut members: Vec<String> = Vec::new();
        let mut owners: Vec<(usize, Option<usize>)> = Vec::new();
        for (i, (word, _)) in self.spellings.iter().enumerate() {
            if aliases[i].0 != i || self.common[i] {
                continue;
            }
            members.push(word.clone());
            owners.push((i, None));
            for end in stems(word) {
                members.push(word[..end].to_string());
                owners.push((i, Some(end)));
            }
        }
        let refs: Vec<&str> = members.iter().map(String::as_str).collect();
        // spelling → (reference spelling, stem length) for spellings to flag.
        let mut verdict: HashMap<usize, (usize, Option<usize>)> = HashMap::new();
        let mut whole_in_group: HashSet<usize> = HashSet::new();
        for group in clusters(&refs) {
            let full: Vec<usize> = group
                .iter()
                .filter(|&&m| owners[m].1.is_none())
                .map(|&m| owners[m].0)
                .collect();
            let spellings: HashSet<usize> = group.iter().map(|&m| owners[m].0).collect();
            // Capitalized words seen only at the start of sentences may be common words.
            if spellings.len() < 2 || !full.iter().any(|&i| self.name_like[i]) {
                continue;
            }
            let reference = match prefer {
                Prefer::First => full[0],
                Prefer::Majority => full.iter().copied().fold(full[0], |best, i| {
                    if self.spellings[i].1 > self.spellings[best].1 {
                        i
                    } else {
                        best
                    }
                }),
            };
            for &m in &group {
                let (spelling, stem) = owners[m];
                if spelling == reference {
                    continue;
                }
                if stem.is_none() {
                    whole_in_group.insert(spelling);
                    verdict.insert(spelling, (reference, None));
                } else if !whole_in_group.contains(&spelling) {
                    verdict.entry(spelling).or_insert((reference, stem));
                }
            }
        }
        let mut out = Vec::new();
        for (doc, range, spelling) in &self.mentions {
            let (root, alias_stem) = aliases[*spelling];
            let Some(&(reference, stem)) = verdict.get(&root) else {
                continue;
            };
            let end = match alias_stem.or(stem) {
                Some(len) => (range.start + len).min(range.end),
                None => range.end,
            };
            out.push((
                *doc,
                Flag {
                    rule: Rule::InconsistentName,
                    range: range.start..end,
                    suggestion: Some(self.spellings[reference].0.clone()),
                    entry: None,
                },
            ));
        }
        out.extend(self.arabic.findings(prefer));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(words: &[&str], common: &[&str], prefer: Prefer) -> Vec<(String, String)> {
        let mut names = Names::default();
        let mut at = 0;
        for w in words {
            names.add(0, at..at + w.len(), w, true);
            at += w.len() + 1;
        }
        names.mark_common(&common.iter().copied().collect());
        let text = words.join(" ");
        let mut out: Vec<(String, String)> = names
            .findings(prefer)
            .into_iter()
            .map(|(_, f)| (text[f.range].to_string(), f.suggestion.unwrap()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn later_spellings_are_flagged_against_the_first() {
        let words = ["Abdykalikova", "Kiş", "Äbdıqalyqova", "Kish", "KIŞ"];
        assert_eq!(
            flagged(&words, &[], Prefer::First),
            [
                ("Kish".to_string(), "Kiş".to_string()),
                ("Äbdıqalyqova".to_string(), "Abdykalikova".to_string()),
            ]
        );
        let words = ["Kiş", "Kişdə", "Kishdə", "Kish"];
        assert_eq!(
            flagged(&words, &[], Prefer::First),
            [
                ("Kish".to_string(), "Kiş".to_string()),
                ("Kish".to_string(), "Kiş".to_string())
            ]
        );
        let words = ["Kish", "Kiş", "Kiş"];
        assert_eq!(
            flagged(&words, &[], Prefer::Majority),
            [("Kish".to_string(), "Kiş".to_string())]
        );
    }

    #[test]
    fn gendered_forms_common_words_and_case_are_never_flagged() {
        let words = [
            "Aliyev",
            "Aliyeva",
            "Kunanbaiuly",
            "Kunanbaikyzy",
            "SHEKI",
            "Sheki",
        ];
        assert!(flagged(&words, &[], Prefer::First).is_empty());
        let words = ["Форум", "Forum"];
        assert!(flagged(&words, &["форум"], Prefer::First).is_empty());
    }
}
