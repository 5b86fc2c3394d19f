//! The names of drafts at a glance (`tarjuman names FILE…`): every name found, with its
//! spellings, how often each is written, and where. Glossary names are the glossary's mentions
//! and the unlisted variants `check` ties to an entry, grouped by entry; other names are runs of capitalized words (not words the document also
//! writes in lower case), grouped by spelling into clusters of the same name with
//! [`crate::names::clusters`].

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use super::engine::sentence_start;
use super::scan::{capitalized_runs, name_part, tokens};
use crate::glossary::Locator;
use crate::glossary::recognize::{Recognizer, strict_key};
use crate::model::Language;
use crate::names::clusters;
use crate::segment::rules::continues_sentence;

/// Where one mention is: the document's index and 1-based line and column (scalar values), the
/// end exclusive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub document: usize,
    pub line: u64,
    pub column: u64,
    pub end_line: u64,
    pub end_column: u64,
}

/// One way a name is written, with every place it is written so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spelling {
    pub text: String,
    pub locations: Vec<Location>,
}

/// A name: its glossary entry (for glossary names) and its spellings in order of first use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    pub entry: Option<String>,
    pub spellings: Vec<Spelling>,
}

impl Name {
    /// How many times the name is written, in any spelling.
    pub fn count(&self) -> usize {
        self.spellings.iter().map(|s| s.locations.len()).sum()
    }
}

/// The shortest unlisted name, in letters.
const MIN_LETTERS: usize = 3;

/// A mention before positions: document, byte range, text.
type Raw = (usize, Range<usize>, String);

/// The names in `texts` (in order), glossary names first in order of first mention, then other
/// names. `variants` holds, per text, the spellings of glossary entries that the recognizer does
/// not list but `check` flags as variants of an entry (byte range, entry id): they are listed
/// under their entry.
pub fn names(
    texts: &[&str],
    recognizer: &Recognizer,
    variants: &[Vec<(Range<usize>, String)>],
) -> Vec<Name> {
    let mut listed: BTreeMap<String, Vec<Raw>> = BTreeMap::new();
    let mut unlisted: Vec<Raw> = Vec::new();
    let mut common: HashSet<String> = HashSet::new();
    for (doc, text) in texts.iter().enumerate() {
        let mentions = recognizer.find(text);
        let mut covered: Vec<Range<usize>> = mentions.iter().map(|m| m.start..m.end).collect();
        for m in &mentions {
            listed
                .entry(recognizer.entry_id(m.entry).to_string())
                .or_default()
                .push((doc, m.start..m.end, text[m.start..m.end].to_string()));
        }
        for (range, entry) in variants.get(doc).into_iter().flatten() {
            let overlaps = covered
                .iter()
                .any(|c| c.start < range.end && range.start < c.end);
            if !overlaps && text.get(range.clone()).is_some() {
                listed.entry(entry.clone()).or_default().push((
                    doc,
                    range.clone(),
                    text[range.clone()].to_string(),
                ));
                covered.push(range.clone());
            }
        }
        let mut base = 0;
        for line in text.split_inclusive('\n') {
            let words = tokens(line, base);
            for token in &words {
                let word = &text[token.range.clone()];
                if word.chars().next().is_some_and(char::is_lowercase) {
                    common.insert(strict_key(word, Language::English));
                }
            }
            for run in capitalized_runs(line, &words, base) {
                let mut run = &words[run];
                // A title before a name is not part of it (`Dr.`), and a lone capitalized word at
                // the start of a sentence may be any word.
                while let Some((last, rest)) = run.split_last()
                    && text[last.range.end..].starts_with('.')
                    && continues_sentence(&text[last.range.clone()])
                {
                    run = rest;
                }
                if let [only] = run
                    && sentence_start(text, only.range.start)
                {
                    continue;
                }
                let (Some(first), Some(last)) = (run.first(), run.last()) else {
                    continue;
                };
                let start = first.range.start;
                let whole = &text[start..last.range.end];
                let end = if run.len() == 1 {
                    start + name_part(whole).len()
                } else {
                    last.range.end
                };
                let overlaps = covered.iter().any(|c| c.start < end && start < c.end);
                if !overlaps && !run.iter().any(|t| t.mixed) {
                    unlisted.push((doc, start..end, text[start..end].to_string()));
                }
            }
            base += line.len();
        }
    }
    // A single word the drafts also write in lower case is a common word, not a name.
    unlisted.retain(|(_, _, s)| {
        s.chars().filter(|c| c.is_alphabetic()).count() >= MIN_LETTERS
            && (s.contains(' ') || !common.contains(&strict_key(s, Language::English)))
    });
    let mut locators: Vec<Locator> = texts.iter().map(|t| Locator::new(t)).collect();
    let mut locate = |doc: usize, range: &Range<usize>| {
        let (line, column) = locators[doc].locate(range.start);
        let (end_line, end_column) = locators[doc].locate(range.end);
        Location {
            document: doc,
            line,
            column,
            end_line,
            end_column,
        }
    };
    // Glossary names in order of first mention (documents in order, then position).
    let mut by_first: Vec<(&String, &Vec<Raw>)> = listed.iter().collect();
    by_first.sort_by_key(|(_, mentions)| {
        mentions
            .iter()
            .map(|(doc, range, _)| (*doc, range.start))
            .min()
    });
    let mut out: Vec<Name> = by_first
        .into_iter()
        .map(|(entry, mentions)| Name {
            entry: Some(entry.clone()),
            spellings: spellings(mentions, &mut locate),
        })
        .collect();
    // Other names: distinct spellings clustered, then each mention put in its spelling's cluster
    // in one pass; clusters come in order of their first mention.
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut distinct: Vec<&str> = Vec::new();
    for (_, _, spelling) in &unlisted {
        index.entry(spelling.as_str()).or_insert_with(|| {
            distinct.push(spelling.as_str());
            distinct.len() - 1
        });
    }
    let groups = clusters(&distinct);
    let mut group_of = vec![0; distinct.len()];
    for (g, members) in groups.iter().enumerate() {
        for &member in members {
            group_of[member] = g;
        }
    }
    let mut grouped: Vec<Vec<Raw>> = vec![Vec::new(); groups.len()];
    for mention in &unlisted {
        grouped[group_of[index[mention.2.as_str()]]].push(mention.clone());
    }
    out.extend(
        grouped
            .iter()
            .filter(|m| !m.is_empty())
            .map(|mentions| Name {
                entry: None,
                spellings: spellings(mentions, &mut locate),
            }),
    );
    out
}

/// Mentions grouped by exact spelling, in order of first mention.
fn spellings(
    mentions: &[Raw],
    locate: &mut impl FnMut(usize, &Range<usize>) -> Location,
) -> Vec<Spelling> {
    let mut out: Vec<Spelling> = Vec::new();
    let mut sorted: Vec<&Raw> = mentions.iter().collect();
    sorted.sort_by_key(|(doc, range, _)| (*doc, range.start));
    for (doc, range, text) in sorted {
        let location = locate(*doc, range);
        match out.iter_mut().find(|s| s.text == *text) {
            Some(spelling) => spelling.locations.push(location),
            None => out.push(Spelling {
                text: text.clone(),
                locations: vec![location],
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Glossary;

    const GLOSSARY: &str = "id,type,en,az,kk,ar,variants,forbidden,note\n\
p_almalik,person,Salim AlMalik,,,سالم المالك,Salim Al-Malik,,\n";

    #[test]
    fn glossary_names_by_entry_and_other_names_by_cluster() {
        let g = Glossary::parse("g", std::path::Path::new("g.csv"), GLOSSARY, b',').unwrap();
        let recognizer = Recognizer::new(&[g]).unwrap();
        let a = "Salim AlMalik visited Sheki.\nThe palace of Sheki was shown by Nuriyev.\n";
        let b = "Salim Al-Malik praised the town of Shaki and Nuriev.\nوزار سالم المالك المدينة.\n";
        let names = names(&[a, b], &recognizer, &[]);
        let entry = &names[0];
        assert_eq!(entry.entry.as_deref(), Some("p_almalik"));
        let texts: Vec<&str> = entry.spellings.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["Salim AlMalik", "Salim Al-Malik", "سالم المالك"]);
        assert_eq!(entry.count(), 3);
        assert_eq!(
            entry.spellings[2].locations[0],
            Location {
                document: 1,
                line: 2,
                column: 6,
                end_line: 2,
                end_column: 17
            }
        );
        let other: Vec<Vec<(&str, usize)>> = names[1..]
            .iter()
            .map(|n| {
                n.spellings
                    .iter()
                    .map(|s| (s.text.as_str(), s.locations.len()))
                    .collect()
            })
            .collect();
        assert!(
            other.contains(&vec![("Sheki", 2), ("Shaki", 1)]),
            "{other:?}"
        );
        assert!(
            other.contains(&vec![("Nuriyev", 1), ("Nuriev", 1)]),
            "{other:?}"
        );
        // "The" is written in lower case elsewhere ("the"): not a name.
        assert!(
            !other.iter().flatten().any(|(s, _)| *s == "The"),
            "{other:?}"
        );
    }

    #[test]
    fn titles_and_lone_sentence_starts_are_not_names() {
        let recognizer = Recognizer::new(&[]).unwrap();
        let text = "Dr. Nuriyev opened it. Later Dr. Nuryev spoke. Afterwards Prof. Aliyev left.";
        let spellings: Vec<String> = names(&[text], &recognizer, &[])
            .iter()
            .flat_map(|n| n.spellings.iter().map(|s| s.text.clone()))
            .collect();
        assert_eq!(spellings, ["Nuriyev", "Nuryev", "Aliyev"]);
    }
}
