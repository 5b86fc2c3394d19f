//! `glossary-variant` and `forbidden-spelling`: mentions of glossary entries, listed spellings
//! found by the recognizer and unlisted transliterations found by the names engine, checked
//! against the entry's canonical form for the document's language.
//!
//! A mention is correct when its words, compared ignoring case and tashkeel, are an
//! order-preserving part of the canonical form (the surname alone; `سالم المالك` for
//! `سالم بن محمد المالك`). Unlisted variants are looked up by the names engine's coarse key
//! (consonant skeleton) among the entries' spellings and their surnames, then confirmed with
//! [`similarity`]; a spelling close to two entries names neither and is left alone.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Mutex;

use rayon::prelude::*;

use super::Flag;
use super::Rule;
use super::scan::{Token, arabic_runs, capitalized_runs, name_part};
use crate::error::Result;
use crate::glossary::recognize::{fold_key, strict_key};
use crate::glossary::{Entry, Form, Glossary, Kind, Mention, Recognizer};
use crate::model::{LangTag, Language};
use crate::names::translit::is_acronym;
use crate::names::{SAME_THRESHOLD, name_key, similarity};
use crate::text::{Script, dominant_script};

/// The fewest letters of a one-word unlisted spelling: shorter words match too much.
const MIN_ONE_WORD: usize = 5;

/// Arabic proclitics a name may follow (and, by, for, so, like).
const PROCLITICS: &[char] = &['و', 'ب', 'ل', 'ف', 'ك'];

/// Capitalized words before a surname that are not a given name (so `President Tokayev` is
/// Tokayev, while `Rustam Karimov` is not Anar Karimov).
const NOT_GIVEN_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sir",
    "madam",
    "president",
    "minister",
    "ambassador",
    "director",
    "secretary",
    "general",
    "deputy",
    "chairman",
    "chair",
    "king",
    "prince",
    "princess",
    "sheikh",
    "former",
    "acting",
    "premier",
    "mayor",
    "governor",
    "akim",
    "senator",
    "professor",
    "said",
    "says",
    "and",
    "but",
    "when",
    "as",
    // Words that open a sentence before a surname (`Later Khydyrov thanked …`).
    "then",
    "later",
    "earlier",
    "meanwhile",
    "also",
    "however",
    "today",
    "yesterday",
    "tomorrow",
    "afterwards",
    "finally",
    "now",
    "here",
    "there",
    "so",
    "yet",
    "still",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "after",
    "before",
    "during",
    "since",
    "while",
    "although",
    "if",
    "because",
];

/// The glossaries compiled for checking.
pub(super) struct Glossaries {
    pub(super) recognizer: Recognizer,
    pub(super) merged: Glossary,
    by_id: HashMap<String, usize>,
    /// Coarse name key → (entry, spelling).
    index: HashMap<String, Vec<(usize, String)>>,
    /// The words of every spelling, folded.
    words: HashSet<String>,
    /// The Arabic-script spellings of titles, as words in [`super::arabic::key`] form, by
    /// their first word: names follow them.
    pub(super) arabic_titles: HashMap<String, Vec<Vec<String>>>,
}

/// The coarse key unlisted spellings are looked up by: the script, then the consonant skeleton
/// (as in [`crate::names::clusters`]). Only spellings in one script are compared: across scripts
/// a short skeleton matches too much (Sun ~ الصين).
fn script_key(s: &str) -> Option<String> {
    let skeleton = name_key(s, true).replace('g', "k");
    (skeleton.chars().count() >= 2).then(|| format!("{:?}:{skeleton}", dominant_script(s)))
}

/// The first phone of a name: a one-word unlisted spelling must start like the known one.
fn first_phone(s: &str) -> Option<char> {
    name_key(s, false).chars().next()
}

/// The folded words of an entry's spellings, and the spellings (with a person's surname alone)
/// under their [`script_key`].
fn entry_keys(entry: &Entry) -> (Vec<String>, Vec<(String, String)>) {
    let mut words = Vec::new();
    let mut keyed = Vec::new();
    for (spelling, _) in entry.spellings() {
        words.extend(spelling.split_whitespace().map(fold_key));
        let mut keys = vec![spelling];
        if entry.kind == Kind::Person
            && let Some(last) = spelling.split_whitespace().last()
            && last != spelling
        {
            keys.push(last);
        }
        keyed.extend(
            keys.into_iter()
                .filter_map(|s| Some((script_key(s)?, s.to_string()))),
        );
    }
    (words, keyed)
}

impl Glossaries {
    /// Compiles `glossaries`: the recognizer and the index of unlisted spellings are built side
    /// by side, and the keys of the entries in parallel.
    pub(super) fn new(glossaries: &[Glossary]) -> Result<Glossaries> {
        let merged = Glossary::merged(glossaries);
        let (recognizer, keyed) = rayon::join(
            || Recognizer::new(glossaries),
            || {
                merged
                    .entries
                    .par_iter()
                    .map(entry_keys)
                    .collect::<Vec<_>>()
            },
        );
        let recognizer = recognizer?;
        let by_id = merged
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let mut index: HashMap<String, Vec<(usize, String)>> = HashMap::new();
        let mut words = HashSet::new();
        for (i, (entry_words, keys)) in keyed.into_iter().enumerate() {
            words.extend(entry_words);
            for (key, s) in keys {
                let list = index.entry(key).or_default();
                if !list.iter().any(|(e, t)| *e == i && *t == s) {
                    list.push((i, s));
                }
            }
        }
        let mut arabic_titles: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for spelling in merged
            .entries
            .iter()
            .filter(|e| e.kind == Kind::Title)
            .flat_map(|e| e.spellings().map(|(s, _)| s))
            .filter(|s| dominant_script(s) == Script::Arabic)
        {
            let words: Vec<String> = spelling
                .split_whitespace()
                .map(super::arabic::key)
                .collect();
            if let Some(first) = words.first() {
                arabic_titles.entry(first.clone()).or_default().push(words);
            }
        }
        Ok(Glossaries {
            recognizer,
            merged,
            by_id,
            index,
            words,
            arabic_titles,
        })
    }

    /// Whether `word` is a word of some glossary spelling (ignoring case and letter variants).
    pub(super) fn knows_word(&self, word: &str) -> bool {
        self.words.contains(&fold_key(word))
    }

    /// The merged entry a recognizer mention points to.
    pub(super) fn entry(&self, mention: &Mention) -> Option<&Entry> {
        let id = self.recognizer.entry_id(mention.entry);
        self.by_id.get(id).map(|&i| &self.merged.entries[i])
    }

    /// The one entry an unlisted spelling is a transliteration of, if exactly one.
    /// Acronyms are left to the listed spellings.
    fn lookup(&self, spelling: &str) -> Option<(usize, bool)> {
        let words = spelling.split_whitespace().count();
        let one_word = words == 1;
        let arabic = dominant_script(spelling) == Script::Arabic;
        if spelling.chars().any(char::is_numeric)
            || (one_word && (is_acronym(spelling) || spelling.chars().count() < MIN_ONE_WORD))
        {
            return None;
        }
        let candidates = self.index.get(&script_key(spelling)?)?;
        let mut best: Option<(f64, usize, bool)> = None;
        let mut tie = false;
        for (entry, known) in candidates {
            let known_words = known.split_whitespace().count();
            if (one_word && first_phone(spelling) != first_phone(known))
                || words.abs_diff(known_words) > 1
                || (arabic && known_words < 2)
            {
                continue;
            }
            let score = similarity(spelling, known);
            if score < SAME_THRESHOLD {
                continue;
            }
            let partial = known.split_whitespace().count()
                < self.merged.entries[*entry]
                    .spellings()
                    .map(|(s, _)| s.split_whitespace().count())
                    .max()
                    .unwrap_or(0);
            match best {
                Some((s, e, _)) if e == *entry => {
                    if score > s {
                        best = Some((score, e, partial));
                    }
                }
                Some((s, _, _)) if (score - s).abs() < 1e-9 => tie = true,
                Some((s, _, _)) if score < s => {}
                _ => {
                    best = Some((score, *entry, partial));
                    tie = false;
                }
            }
        }
        if tie {
            return None;
        }
        best.map(|(_, e, partial)| (e, partial))
    }
}

/// The words of `s` compared ignoring case and tashkeel.
fn keys(s: &str, language: Language) -> Vec<String> {
    s.split_whitespace()
        .map(|w| strict_key(w, language))
        .collect()
}

/// Whether `found` is `canonical` or an order-preserving part of its words.
pub(super) fn is_part_of(found: &str, canonical: &str, language: Language) -> bool {
    let (f, c) = (keys(found, language), keys(canonical, language));
    let mut rest = c.iter();
    !f.is_empty() && f.iter().all(|w| rest.any(|k| k == w))
}

/// The part of `canonical` that a mention written `found` covers: the order-preserving part of
/// its words most similar to `found` (the whole form when `found` has as many words or more).
pub(super) fn restrict(found: &str, canonical: &str) -> String {
    let words: Vec<&str> = canonical.split_whitespace().collect();
    let n = words.len();
    if found.split_whitespace().count() >= n || n > 8 {
        return canonical.to_string();
    }
    let mut best = (SAME_THRESHOLD, canonical.to_string());
    for mask in 1..(1u32 << n) - 1 {
        let part: Vec<&str> = (0..n)
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| words[i])
            .collect();
        let part = part.join(" ");
        let score = similarity(found, &part);
        if score > best.0 {
            best = (score, part);
        }
    }
    best.1
}

/// Remembered verdicts of [`SpellingCheck::judge`].
type Verdicts<'a> = HashMap<(&'a str, &'a str, Form), Option<(Rule, Option<String>)>>;

/// Checks mentions of glossary entries in one piece of a document.
pub(super) struct SpellingCheck<'a> {
    glossaries: &'a Glossaries,
    lang: &'a LangTag,
    text: &'a str,
    /// Unlisted spellings already looked up: names recur, and a lookup is costly. Shared by the
    /// threads that check parts of one document.
    seen: Mutex<HashMap<&'a str, Option<(usize, bool)>>>,
    /// Verdicts already given, by entry id, spelling found and form: mentions recur, and
    /// [`restrict`] is costly.
    judged: Mutex<Verdicts<'a>>,
    /// Words the document writes in lower case: common words, not names, when capitalized.
    common: &'a HashSet<&'a str>,
}

impl<'a> SpellingCheck<'a> {
    pub(super) fn new(
        glossaries: &'a Glossaries,
        lang: &'a LangTag,
        text: &'a str,
        common: &'a HashSet<&'a str>,
    ) -> Self {
        SpellingCheck {
            glossaries,
            lang,
            text,
            seen: Mutex::default(),
            judged: Mutex::default(),
            common,
        }
    }

    /// [`Glossaries::lookup`], remembered.
    fn lookup(&self, spelling: &'a str) -> Option<(usize, bool)> {
        if let Some(known) = lock(&self.seen).get(spelling) {
            return *known;
        }
        let found = self.glossaries.lookup(spelling);
        lock(&self.seen).insert(spelling, found);
        found
    }

    fn language(&self) -> Language {
        self.lang.language()
    }

    /// The finding for a mention of `entry` at `range`, if it is not the canonical spelling.
    fn judge(&self, entry: &'a Entry, range: Range<usize>, form: Form) -> Option<Flag> {
        let found = &self.text[range.clone()];
        let key = (entry.id.as_str(), found, form);
        let known = lock(&self.judged).get(&key).cloned();
        let (rule, suggestion) = match known {
            Some(verdict) => verdict,
            None => {
                let verdict = self.verdict(entry, found, form);
                lock(&self.judged).insert(key, verdict.clone());
                verdict
            }
        }?;
        Some(Flag {
            rule,
            range,
            suggestion,
            entry: Some(entry.id.clone()),
        })
    }

    /// What [`Self::judge`] flags a mention of `entry` written `found` for, with the suggestion.
    fn verdict(&self, entry: &Entry, found: &str, form: Form) -> Option<(Rule, Option<String>)> {
        if form == Form::Allowed {
            return None;
        }
        let language = self.language();
        let same = |a: &str, b: &str| strict_key(a, language) == strict_key(b, language);
        // A word in lower case where the entry's spellings are capitalized is a common word
        // (spa / SPA, az qatar "row" / Qatar); scripts without case are not concerned.
        if found.chars().any(char::is_lowercase)
            && !found.chars().any(char::is_uppercase)
            && entry
                .spellings()
                .filter_map(|(s, _)| s.chars().next())
                .filter(|c| c.is_uppercase() || c.is_lowercase())
                .all(char::is_uppercase)
        {
            return None;
        }
        let forbidden = form == Form::Forbidden || entry.forbidden.iter().any(|s| same(s, found));
        let canonical = entry.form(self.lang);
        if !forbidden {
            let canonical = canonical?;
            if is_part_of(found, canonical, language)
                || found
                    .strip_prefix('ل')
                    .is_some_and(|rest| is_part_of(&format!("ال{rest}"), canonical, language))
            {
                return None;
            }
        }
        let rule = if forbidden {
            Rule::ForbiddenSpelling
        } else {
            Rule::GlossaryVariant
        };
        Some((rule, canonical.map(|c| restrict(found, c))))
    }

    /// Whether the word before `start` is a given name that is not part of the mention (then
    /// a surname alone names someone else).
    /// A word inside one of `mentions` (a title such as `Президент`) is not a given name.
    fn after_other_given_name(
        &self,
        start: usize,
        tokens: &[Token],
        mentions: &[Range<usize>],
    ) -> bool {
        let Some(prev) = tokens.iter().rev().find(|t| t.range.end <= start) else {
            return false;
        };
        let gap = &self.text[prev.range.end..start];
        let word = &self.text[prev.range.clone()];
        gap == " "
            && prev.capitalized
            && !NOT_GIVEN_NAMES.contains(&word.to_lowercase().as_str())
            && !overlaps(mentions, &prev.range)
    }

    /// Findings for the listed spellings the recognizer found; the covered ranges go to `covered`.
    pub(super) fn listed(
        &self,
        mentions: &[Mention],
        tokens: &[Token],
        covered: &mut Vec<Range<usize>>,
    ) -> Vec<Flag> {
        let ranges: Vec<Range<usize>> = mentions.iter().map(|m| m.start..m.end).collect();
        let mut out = Vec::new();
        for mention in mentions {
            let Some(entry) = self.glossaries.entry(mention) else {
                continue;
            };
            covered.push(mention.start..mention.end);
            let found = &self.text[mention.start..mention.end];
            let partial = entry.kind == Kind::Person
                && entry
                    .spellings()
                    .all(|(s, _)| s.split_whitespace().count() > found.split_whitespace().count());
            if partial && self.after_other_given_name(mention.start, tokens, &ranges) {
                continue;
            }
            out.extend(self.judge(entry, mention.start..mention.end, mention.form));
        }
        out
    }

    /// The entry the words from `first` to `end` are an unlisted spelling of, with where the
    /// name starts (after an Arabic proclitic) and whether it is only part of the entry's name.
    fn lookup_window(&self, first: &Token, end: usize) -> Option<(usize, usize, bool)> {
        let start = first.range.start;
        let at = |start: usize| {
            self.lookup(&self.text[start..end])
                .map(|(e, p)| (start, e, p))
        };
        // After a proclitic, the name starts past it (وحيدر → حيدر).
        let clitic = self.text[start..]
            .chars()
            .next()
            .filter(|c| first.script == Script::Arabic && PROCLITICS.contains(c))
            .filter(|_| self.text[first.range.clone()].chars().count() >= 4);
        clitic
            .and_then(|c| at(start + c.len_utf8()))
            .or_else(|| at(start))
    }

    /// Findings for unlisted transliterations outside `covered`: among runs of capitalized
    /// words, and runs of two words or more in Arabic script.
    pub(super) fn unlisted(&self, tokens: &[Token], covered: &mut Vec<Range<usize>>) -> Vec<Flag> {
        let free: Vec<Token> = tokens
            .iter()
            .filter(|t| !overlaps(covered, &t.range))
            .cloned()
            .collect();
        let mut out = Vec::new();
        let mut found_ranges = Vec::new();
        let runs = capitalized_runs(self.text, &free, 0)
            .into_iter()
            .map(|r| (r, 1))
            .chain(arabic_runs(self.text, &free).into_iter().map(|r| (r, 2)));
        for (run, min_words) in runs {
            let mut i = run.start;
            while i < run.end {
                let mut matched = false;
                for j in (i + min_words..=run.end.min(i + 6)).rev() {
                    let last = &free[j - 1];
                    let end = last.range.start + name_part(&self.text[last.range.clone()]).len();
                    let Some((start, entry, partial)) = self.lookup_window(&free[i], end) else {
                        continue;
                    };
                    if j == i + 1 && is_common(self.common, &self.text[start..end]) {
                        continue;
                    }
                    if partial && i > run.start && self.after_other_given_name(start, &free, &[]) {
                        continue;
                    }
                    let entry = &self.glossaries.merged.entries[entry];
                    found_ranges.push(start..end);
                    out.extend(self.judge(entry, start..end, Form::Variant));
                    i = j;
                    matched = true;
                    break;
                }
                if !matched {
                    i += 1;
                }
            }
        }
        covered.extend(found_ranges);
        out
    }
}

/// The map behind `mutex`; a cache stays usable after a panic elsewhere.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Whether capitalized `word` is a common word: the text also has it in lower case.
pub(super) fn is_common(common: &HashSet<&str>, word: &str) -> bool {
    let mut chars = word.chars();
    let first: String = chars
        .next()
        .into_iter()
        .flat_map(char::to_lowercase)
        .collect();
    common.contains(format!("{first}{}", chars.as_str()).as_str())
        || common.contains(word.to_lowercase().as_str())
}

/// Whether `range` overlaps any of `ranges`.
pub(super) fn overlaps(ranges: &[Range<usize>], range: &Range<usize>) -> bool {
    ranges
        .iter()
        .any(|r| r.start < range.end && range.start < r.end)
}
