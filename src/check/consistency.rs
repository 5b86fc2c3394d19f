//! `inconsistent-name`: a name that no glossary has, written two or more ways. Candidate names
//! are capitalized words outside glossary mentions; a word that also appears in lower case is a
//! common word, not a name. Distinct spellings (ignoring case and tashkeel) are
//! grouped with [`crate::names::clusters`], which blocks by a coarse key so the work stays
//! near-linear; in a group, every mention spelled unlike the reference (the first spelling, or
//! the most frequent with [`Prefer::Majority`]) is flagged with the reference as the suggestion.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::options::Prefer;
use super::{Flag, Rule};
use crate::glossary::recognize::strict_key;
use crate::model::Language;
use crate::names::clusters;

/// The shortest name compared, in letters.
const MIN_LETTERS: usize = 3;

/// Candidate names gathered over one document (or all, with `--across`).
#[derive(Default)]
pub(super) struct Names {
    /// Distinct spellings by key: (first written form, count).
    spellings: Vec<(String, usize)>,
    by_key: HashMap<String, usize>,
    /// Words as written → their spelling.
    by_word: HashMap<String, usize>,
    /// (document, range, spelling index).
    mentions: Vec<(usize, Range<usize>, usize)>,
    /// Words seen in lower case.
    common: HashSet<String>,
}

impl Names {
    /// A capitalized word `word` at `range` of document `doc`.
    pub(super) fn add(&mut self, doc: usize, range: Range<usize>, word: &str) {
        if word.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
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
                        self.spellings.len() - 1
                    }
                };
                self.by_word.insert(word.to_string(), i);
                i
            }
        };
        self.spellings[index].1 += 1;
        self.mentions.push((doc, range, index));
    }

    /// A word written in lower case.
    pub(super) fn add_common(&mut self, word: &str) {
        if word.len() >= MIN_LETTERS && !self.common.contains(word) {
            self.common.insert(word.to_string());
        }
    }

    /// Whether `name` is also written in lower case: then it is a common word.
    fn is_common(&self, name: &str) -> bool {
        let mut chars = name.chars();
        let first: String = chars
            .next()
            .into_iter()
            .flat_map(char::to_lowercase)
            .collect();
        self.common.contains(&format!("{first}{}", chars.as_str()))
            || self.common.contains(&name.to_lowercase())
    }

    /// The findings, with the document each is in.
    pub(super) fn findings(&self, prefer: Prefer) -> Vec<(usize, Flag)> {
        let names: Vec<&str> = self.spellings.iter().map(|(s, _)| s.as_str()).collect();
        let mut out = Vec::new();
        for group in clusters(&names) {
            let group: Vec<usize> = group
                .into_iter()
                .filter(|&i| !self.is_common(names[i]))
                .collect();
            if group.len() < 2 {
                continue;
            }
            let reference = match prefer {
                Prefer::First => group[0],
                Prefer::Majority => {
                    let mut best = group[0];
                    for &i in &group {
                        if self.spellings[i].1 > self.spellings[best].1 {
                            best = i;
                        }
                    }
                    best
                }
            };
            let members: HashSet<usize> = group.iter().copied().collect();
            for (doc, range, spelling) in &self.mentions {
                if *spelling != reference && members.contains(spelling) {
                    out.push((
                        *doc,
                        Flag {
                            rule: Rule::InconsistentName,
                            range: range.clone(),
                            suggestion: Some(self.spellings[reference].0.clone()),
                            entry: None,
                        },
                    ));
                }
            }
        }
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
            names.add(0, at..at + w.len(), w);
            at += w.len() + 1;
        }
        for w in common {
            names.add_common(w);
        }
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
