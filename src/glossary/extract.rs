//! Candidate names and terms that no glossary has yet: capitalized multiword sequences, acronyms,
//! Arabic names of the form `X الY`, and frequent word n-grams, each with a count and the context
//! of its first occurrence. The result is a glossary in the contract format, to review and append.

use std::collections::{HashMap, HashSet};

use super::recognize::fold_key;
use super::{Entry, Glossary, Kind, Recognizer};
use crate::model::LangTag;
use crate::text::{Script, dominant_script, fold_whitespace, words};

/// One candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// As first written.
    pub text: String,
    pub kind: Kind,
    pub count: usize,
    /// The first occurrence with some text around it: `…before [text] after…`.
    pub context: String,
}

/// Words that join the capitalized words of one name.
const CONNECTORS: &[&str] = &[
    "of",
    "the",
    "and",
    "for",
    "in",
    "on",
    "de",
    "bin",
    "ibn",
    "bint",
    "al",
    "el",
    "və",
    "üzrə",
    "мен",
    "және",
    "жөніндегі",
];
/// Capitalized words that start sentences rather than names.
const LEADING: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "On",
    "At",
    "In",
    "During",
    "It",
    "Today",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Head",
    "Director",
    "Deputy",
    "Secretary",
    "President",
];
/// Arabic words that are not names.
const ARABIC_PARTICLES: &[&str] = &[
    "في", "من", "إلى", "الى", "على", "عن", "مع", "أن", "إن", "ان", "التي", "الذي", "هذا", "هذه",
    "كان", "قال", "و", "ثم", "أو", "او", "بين", "خلال", "حول", "عبر", "لدى",
];
/// Words n-grams do not start or end with.
const STOPWORDS: &[&str] = &[
    "the", "of", "and", "a", "an", "in", "on", "for", "to", "with", "by", "at", "as", "is", "was",
    "were", "be", "been", "that", "this", "from", "it", "its", "their", "his", "her", "will",
    "also", "və", "ilə", "bu", "da", "də", "üçün", "мен", "және", "бұл", "да", "де", "үшін", "في",
    "من", "على", "إلى", "عن", "مع", "أن", "التي", "الذي",
];
/// Words that make a capitalized sequence an institution.
const INSTITUTION_WORDS: &[&str] = &[
    "foundation",
    "office",
    "commission",
    "organization",
    "organisation",
    "university",
    "ministry",
    "sector",
    "center",
    "centre",
    "council",
    "academy",
    "agency",
    "committee",
    "fund",
    "institute",
    "union",
    "assembly",
    "fondu",
    "nazirliyi",
    "komissiyası",
    "təşkilatı",
    "ofisi",
    "qoru",
    "ұйымы",
    "қоры",
    "министрлігі",
    "университеті",
    "комиссиясы",
    "منظمة",
    "مؤسسة",
    "وزارة",
    "لجنة",
    "مكتب",
    "جامعة",
    "مركز",
];

fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=10).contains(&letters)
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && matches!(dominant_script(word), Script::Latin | Script::Cyrillic)
}

fn kind_of(text: &str) -> Kind {
    let lower = text.to_lowercase();
    if lower
        .split_whitespace()
        .any(|w| INSTITUTION_WORDS.contains(&w))
    {
        Kind::Institution
    } else {
        Kind::Person
    }
}

/// `…before [text] after…` on the line of `start..end`, at most 40 characters each side.
fn context(text: &str, start: usize, end: usize) -> String {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before: String = text[line_start..start]
        .chars()
        .rev()
        .take(40)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[end..line_end].chars().take(40).collect();
    fold_whitespace(&format!("…{before}[{}]{after}…", &text[start..end]))
}

#[derive(Default)]
struct Tally {
    by_key: HashMap<String, Candidate>,
    order: Vec<String>,
}

impl Tally {
    fn add(&mut self, text: &str, kind: Kind, context: impl FnOnce() -> String) {
        let key = fold_key(text);
        if key.is_empty() {
            return;
        }
        match self.by_key.get_mut(&key) {
            Some(c) => c.count += 1,
            None => {
                self.order.push(key.clone());
                self.by_key.insert(
                    key,
                    Candidate {
                        text: text.to_string(),
                        kind,
                        count: 1,
                        context: context(),
                    },
                );
            }
        }
    }
}

/// Candidates in `texts` that `recognizer` does not already know, most frequent first.
/// Capitalized sequences and acronyms are kept from one occurrence, Arabic names and n-grams from
/// two and three.
pub fn extract(texts: &[&str], recognizer: &Recognizer) -> Vec<Candidate> {
    let mut names = Tally::default();
    let mut arabic = Tally::default();
    let mut grams = Tally::default();
    for text in texts {
        let known: Vec<(usize, usize)> = recognizer
            .find(text)
            .into_iter()
            .map(|m| (m.start, m.end))
            .collect();
        let covered = |s: usize, e: usize| known.iter().any(|&(ks, ke)| s < ke && ks < e);
        let ws: Vec<_> = words(text).collect();
        // Words separated by no more than spaces or a hyphen on one line belong together.
        let joined = |a: usize, b: usize| {
            let between = &text[ws[a].range.end..ws[b].range.start];
            between.chars().all(|c| c == ' ' || c == '-') && between.chars().count() <= 2
        };
        let mut in_name = vec![false; ws.len()];
        // Capitalized sequences and acronyms.
        let mut i = 0;
        while i < ws.len() {
            let word = ws[i].text.trim_end_matches("'s");
            if !is_capitalized(word) || LEADING.contains(&word) && !is_acronym(word) {
                if is_acronym(word) && !covered(ws[i].range.start, ws[i].range.end) {
                    let (s, e) = (ws[i].range.start, ws[i].range.start + word.len());
                    names.add(word, Kind::Institution, || context(text, s, e));
                    in_name[i] = true;
                }
                i += 1;
                continue;
            }
            let mut j = i;
            let mut caps = 1;
            let free = |k: usize| !covered(ws[k].range.start, ws[k].range.end);
            while j + 1 < ws.len() && joined(j, j + 1) && free(j + 1) {
                let next = ws[j + 1].text;
                if is_capitalized(next) {
                    caps += 1;
                    j += 1;
                } else if CONNECTORS.contains(&next.to_lowercase().as_str())
                    && j + 2 < ws.len()
                    && joined(j + 1, j + 2)
                    && is_capitalized(ws[j + 2].text)
                    && free(j + 2)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let start = ws[i].range.start;
            let last = ws[j].text.trim_end_matches("'s");
            let end = ws[j].range.start + last.len();
            if caps >= 2 && !covered(start, end) {
                let name = &text[start..end];
                names.add(name, kind_of(name), || context(text, start, end));
                in_name[i..=j].iter_mut().for_each(|f| *f = true);
            } else if caps == 1 && is_acronym(word) && !covered(start, end) {
                names.add(word, Kind::Institution, || context(text, start, end));
                in_name[i] = true;
            }
            i = j + 1;
        }
        // Arabic X الY names.
        for k in 0..ws.len().saturating_sub(1) {
            let (a, b) = (ws[k].text, ws[k + 1].text);
            if dominant_script(a) == Script::Arabic
                && dominant_script(b) == Script::Arabic
                && !a.starts_with("ال")
                && b.starts_with("ال")
                && !ARABIC_PARTICLES.contains(&a)
                && a.chars().count() >= 3
                && joined(k, k + 1)
            {
                let (s, e) = (ws[k].range.start, ws[k + 1].range.end);
                if !covered(s, e) {
                    arabic.add(&text[s..e], Kind::Person, || context(text, s, e));
                }
            }
        }
        // Word bigrams and trigrams.
        for n in [2, 3] {
            for k in 0..ws.len().saturating_sub(n - 1) {
                let span = &ws[k..k + n];
                if (0..n - 1).any(|x| !joined(k + x, k + x + 1))
                    || in_name[k..k + n].iter().any(|f| *f)
                {
                    continue;
                }
                let first = span[0].text.to_lowercase();
                let last = span[n - 1].text.to_lowercase();
                if STOPWORDS.contains(&first.as_str())
                    || STOPWORDS.contains(&last.as_str())
                    || span.iter().any(|w| w.text.chars().all(|c| c.is_numeric()))
                {
                    continue;
                }
                let (s, e) = (span[0].range.start, span[n - 1].range.end);
                if !covered(s, e) {
                    grams.add(&text[s..e], Kind::Term, || context(text, s, e));
                }
            }
        }
    }
    let mut out: Vec<Candidate> = Vec::new();
    let mut seen = HashSet::new();
    for (tally, min) in [(names, 1), (arabic, 2), (grams, 3)] {
        for key in &tally.order {
            let candidate = &tally.by_key[key];
            if candidate.count >= min && seen.insert(key.clone()) {
                out.push(candidate.clone());
            }
        }
    }
    out.sort_by_key(|c| std::cmp::Reverse(c.count));
    out
}

/// The language column a candidate goes to: `lang`, or by its script (Latin with Azerbaijani
/// letters is `az`, other Latin `en`, Cyrillic `kk`, Arabic `ar`).
fn language_of(text: &str, lang: Option<&LangTag>) -> Option<LangTag> {
    if let Some(lang) = lang {
        return Some(lang.clone());
    }
    let tag = match dominant_script(text) {
        Script::Latin if text.chars().any(|c| "əƏğĞıİşŞçÇöÖüÜ".contains(c)) => "az",
        Script::Latin => "en",
        Script::Cyrillic => "kk",
        Script::Arabic => "ar",
        _ => return None,
    };
    LangTag::parse(tag).ok()
}

/// The candidates as a contract glossary: ids `x_<slug>`, the text in its language's column, and
/// `count× context` in the note.
pub fn to_glossary(candidates: &[Candidate], lang: Option<&LangTag>) -> Glossary {
    let mut g = Glossary::new("extract");
    let mut taken = HashSet::new();
    for (i, c) in candidates.iter().enumerate() {
        let Some(tag) = language_of(&c.text, lang) else {
            continue;
        };
        let slug: String = fold_key(&c.text)
            .chars()
            .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '_' })
            .collect::<String>()
            .split('_')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("_");
        let base = if slug.is_empty() {
            format!("x_{}", i + 1)
        } else {
            format!("x_{slug}")
        };
        let mut id = base.clone();
        let mut n = 2;
        while !taken.insert(id.clone()) {
            id = format!("{base}_{n}");
            n += 1;
        }
        g.add_column(super::Column::Lang(tag.clone()));
        g.entries.push(Entry {
            id,
            kind: c.kind.clone(),
            forms: vec![(tag, c.text.clone())],
            note: format!("{}× {}", c.count, c.context),
            ..Entry::default()
        });
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_unknown_names_acronyms_and_terms() {
        let text = "The Heydar Aliyev Center hosted TURKSOY and ICESCO. \
                    Nigar Mammadova spoke at the Heydar Aliyev Center. \
                    Cultural heritage matters; cultural heritage sites; cultural heritage preservation.\n\
                    قال عبدالله الخطيب إن عبدالله الخطيب والإيسيسكو";
        let r = Recognizer::new(&super::super::builtin::shipped().unwrap()).unwrap();
        let found = extract(&[text], &r);
        let get = |t: &str| found.iter().find(|c| c.text == t);
        let center = get("Heydar Aliyev Center").expect("institution");
        assert_eq!((center.count, &center.kind), (2, &Kind::Institution));
        assert!(center.context.contains("[Heydar Aliyev Center]"));
        assert_eq!(get("Nigar Mammadova").map(|c| &c.kind), Some(&Kind::Person));
        assert!(get("TURKSOY").is_some());
        assert!(get("ICESCO").is_none(), "known entries are not candidates");
        assert_eq!(get("cultural heritage").map(|c| c.count), None);
        assert!(
            found
                .iter()
                .any(|c| fold_key(&c.text) == "cultural heritage")
        );
        assert_eq!(get("عبدالله الخطيب").map(|c| c.count), Some(2));
        let g = to_glossary(&found, None);
        assert!(g.entry("x_heydar_aliyev_center").is_some());
        assert!(
            g.entries
                .iter()
                .any(|e| e.form(&LangTag::parse("ar").unwrap()) == Some("عبدالله الخطيب"))
        );
    }
}
