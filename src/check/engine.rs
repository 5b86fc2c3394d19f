//! Runs the rules over documents: line by line for the rules that look at words, then the
//! names gathered over a document (or over all of them with `--across`). Where findings overlap,
//! one span keeps one finding, by precedence: mixed-script, invisible-char, forbidden-spelling,
//! glossary-variant, inconsistent-name. `term-missing` points at a whole segment and stands beside
//! the others.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use super::arabic::{self, NamePositions};
use super::consistency::Names;
use super::language::detect;
use super::scan::{name_part, tokens};
use super::spelling::{Glossaries, SpellingCheck, is_part_of, overlaps};
use super::{
    Document, DocumentReport, Finding, Flag, Options, Report, Rule, homoglyph, invisible, missing,
};
use crate::error::Result;
use rayon::prelude::*;

use crate::glossary::recognize::chunks;
use crate::glossary::{Glossary, Mention};
use crate::model::LangTag;
use crate::text::Script;

/// Glossaries and options compiled once for any number of documents.
pub struct Checker {
    glossaries: Glossaries,
    options: Options,
}

fn precedence(rule: Rule) -> u8 {
    match rule {
        Rule::MixedScript => 0,
        Rule::InvisibleChar => 1,
        Rule::ForbiddenSpelling => 2,
        Rule::GlossaryVariant => 3,
        Rule::InconsistentName => 4,
        Rule::TermMissing => 5,
    }
}

impl Checker {
    pub fn new(glossaries: &[Glossary], options: Options) -> Result<Checker> {
        Ok(Checker {
            glossaries: Glossaries::new(glossaries)?,
            options,
        })
    }

    /// The language `document` is checked in: `--doc-lang`, else the target language the file
    /// names, else the detected one.
    pub fn language_of(&self, document: &Document) -> LangTag {
        if let Some(lang) = self.options.doc_lang.clone().or(document.language.clone()) {
            return lang;
        }
        let prose: String = document
            .pieces
            .iter()
            .take(200)
            .map(|p| &document.checked()[p.range.clone()])
            .collect::<Vec<_>>()
            .join("\n");
        let sample = &prose[..floor_boundary(&prose, 1 << 16)];
        detect(sample)
    }

    /// Checks `documents` (in the order given).
    pub fn check(&self, documents: Vec<Document>) -> Report {
        let mut names = Names::default();
        let mut reports = Vec::new();
        for (index, document) in documents.into_iter().enumerate() {
            let language = self.language_of(&document);
            let mut flags = self.word_rules(index, &document, &language, &mut names);
            if !self.options.across {
                flags.extend(
                    std::mem::take(&mut names)
                        .findings(self.options.prefer)
                        .into_iter()
                        .map(|(_, f)| f),
                );
            }
            reports.push((document, language, flags));
        }
        if self.options.across {
            for (doc, flag) in names.findings(self.options.prefer) {
                reports[doc].2.push(flag);
            }
        }
        Report {
            documents: reports
                .into_iter()
                .map(|(document, language, flags)| self.report(document, language, flags))
                .collect(),
        }
    }

    /// The findings of the rules that read words; candidate names go to `names`. The chunks
    /// the recognizer reads (whole lines) are checked in parallel, then gathered in order.
    fn word_rules(
        &self,
        index: usize,
        document: &Document,
        language: &LangTag,
        names: &mut Names,
    ) -> Vec<Flag> {
        let text = document.checked();
        let arabic = language.primary() == "ar";
        let work: Vec<(usize, Range<usize>)> = document
            .pieces
            .iter()
            .enumerate()
            .flat_map(|(p, piece)| {
                let at = piece.range.start;
                chunks(&text[piece.range.clone()]).map(move |r| (p, at + r.start..at + r.end))
            })
            .collect();
        let common = work
            .par_iter()
            .map(|(_, range)| lower_case_words(&text[range.clone()]))
            .reduce(HashSet::new, |mut a, b| {
                a.extend(b);
                a
            });
        let spelling = SpellingCheck::new(&self.glossaries, language, text, &common);
        let checked: Vec<Chunk> = work
            .par_iter()
            .map(|(_, range)| self.chunk_rules(&spelling, text, range.clone(), arabic))
            .collect();
        let mut checked = checked
            .into_iter()
            .zip(work.iter().map(|(p, _)| *p))
            .peekable();
        let mut flags = Vec::new();
        // Arabic words outside glossary mentions and findings, for the other mentions of
        // Arabic names.
        let mut arabic_words: Vec<(Range<usize>, String)> = Vec::new();
        for (p, piece) in document.pieces.iter().enumerate() {
            let mut piece_mentions = Vec::new();
            while let Some((chunk, _)) = checked.next_if(|(_, q)| *q == p) {
                flags.extend(chunk.flags);
                for (range, name_like) in chunk.names {
                    names.add(index, range.clone(), &text[range], name_like);
                }
                for range in chunk.arabic_names {
                    names.arabic.add(index, range.clone(), &text[range]);
                }
                arabic_words.extend(chunk.arabic_words);
                piece_mentions.extend(chunk.mentions);
            }
            if let Some(source) = &piece.source {
                flags.extend(missing::check(
                    &self.glossaries,
                    language,
                    source,
                    piece.range.clone(),
                    &piece_mentions,
                ));
            }
        }
        names.mark_common(&common);
        if names.arabic.any_in(index) {
            names.arabic.add_mentions(index, text, &arabic_words);
        }
        flags
    }

    /// The word rules over one chunk (`range`) of a document's `text`, line by line; `arabic`
    /// when the document is in Arabic.
    fn chunk_rules(
        &self,
        spelling: &SpellingCheck<'_>,
        text: &str,
        range: Range<usize>,
        arabic: bool,
    ) -> Chunk {
        let recognizer = &self.glossaries.recognizer;
        let mut all_mentions = recognizer.find(&text[range.clone()]);
        for m in &mut all_mentions {
            m.start += range.start;
            m.end += range.start;
        }
        let mut out = Chunk::default();
        let positions = NamePositions::new(&self.glossaries.arabic_titles);
        let mut next_mention = 0;
        let mut start = range.start;
        for line in text[range].split_inclusive('\n') {
            let base = start;
            start += line.len();
            let tokens = tokens(line, base);
            let first = next_mention;
            while next_mention < all_mentions.len() && all_mentions[next_mention].start < start {
                next_mention += 1;
            }
            let mentions = &all_mentions[first..next_mention];
            let mixed = homoglyph::check(text, &tokens, arabic, &self.glossaries);
            let mut covered: Vec<Range<usize>> = mixed.iter().map(|f| f.range.clone()).collect();
            let mention_ranges: Vec<Range<usize>> =
                mentions.iter().map(|m| m.start..m.end).collect();
            out.flags
                .extend(invisible::check(text, &tokens, &mention_ranges));
            out.flags.extend(mixed);
            out.flags
                .extend(spelling.listed(mentions, &tokens, &mut covered));
            out.flags.extend(spelling.unlisted(&tokens, &mut covered));
            for (i, token) in tokens.iter().enumerate() {
                if token.capitalized
                    && !token.mixed
                    && matches!(token.script, Script::Latin | Script::Cyrillic)
                    && !overlaps(&covered, &token.range)
                {
                    let part = name_part(&text[token.range.clone()]);
                    let range = token.range.start..token.range.start + part.len();
                    let name_like = !sentence_start(text, token.range.start)
                        || tokens.get(i + 1).is_some_and(|next| {
                            next.capitalized
                                && text.get(token.range.end..next.range.start) == Some(" ")
                        });
                    out.names.push((range, name_like));
                }
            }
            if tokens.iter().any(|t| t.script == Script::Arabic) {
                let taken =
                    |r: &Range<usize>| overlaps(&covered, r) || overlaps(&mention_ranges, r);
                let keys: Vec<String> = tokens
                    .iter()
                    .map(|t| match t.script {
                        Script::Arabic => arabic::key(&text[t.range.clone()]),
                        _ => String::new(),
                    })
                    .collect();
                out.arabic_names
                    .extend(positions.units(text, &tokens, &keys, &taken));
                out.arabic_words.extend(
                    tokens
                        .iter()
                        .zip(keys)
                        .filter(|(t, _)| t.script == Script::Arabic && !taken(&t.range))
                        .map(|(t, k)| (t.range.clone(), k)),
                );
            }
        }
        out.mentions = all_mentions;
        out
    }

    /// Keeps one finding per span, applies the options and adds positions.
    fn report(
        &self,
        document: Document,
        language: LangTag,
        mut flags: Vec<Flag>,
    ) -> DocumentReport {
        flags.retain(|f| self.options.rule(f.rule).enabled);
        let text = document.checked();
        let language_id = language.language();
        flags.retain(|f| {
            let found = &text[f.range.clone()];
            !self
                .options
                .exceptions
                .iter()
                .any(|e| is_part_of(e, found, language_id))
        });
        flags.sort_by_key(|f| (precedence(f.rule), f.range.start));
        let mut kept: Vec<Flag> = Vec::new();
        // Kept spans by start; they never overlap, so the one starting last before a range's
        // end is the only one that can overlap it.
        let mut spans: BTreeMap<usize, usize> = BTreeMap::new();
        for flag in flags {
            if flag.rule != Rule::TermMissing {
                let range = &flag.range;
                if spans
                    .range(..range.end.max(range.start + 1))
                    .next_back()
                    .is_some_and(|(_, &end)| end > range.start)
                {
                    continue;
                }
                spans.insert(range.start, range.end);
            }
            kept.push(flag);
        }
        kept.sort_by(|a, b| {
            (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule))
        });
        let kept = merge_names(text, kept);
        // Positions refer to the text as stored; `found` is the text as checked.
        let stored = document.text.as_str();
        let lines = LineIndex::new(stored);
        let findings = kept
            .into_iter()
            .map(|flag| {
                let at = document.stored(flag.range.clone());
                let (line, column) = lines.locate(stored, at.start);
                let (end_line, end_column) = lines.locate(stored, at.end);
                Finding {
                    rule: flag.rule,
                    severity: self.options.rule(flag.rule).severity,
                    start: at.start,
                    end: at.end,
                    line,
                    column,
                    end_line,
                    end_column,
                    found: text[flag.range].to_string(),
                    suggestion: flag.suggestion,
                    entry: flag.entry,
                }
            })
            .collect();
        DocumentReport {
            path: document.path,
            language,
            text: document.text,
            findings,
        }
    }
}

/// The words of `text` that start with a lower-case letter.
fn lower_case_words(text: &str) -> HashSet<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect()
}

/// What the word rules found in one chunk of a document.
#[derive(Default)]
struct Chunk {
    flags: Vec<Flag>,
    /// Candidate names for `inconsistent-name`: range and whether it stands where only a name
    /// is capitalized.
    names: Vec<(Range<usize>, bool)>,
    /// Arabic-script names, found where names stand (see [`super::arabic`]).
    arabic_names: Vec<Range<usize>>,
    /// Arabic-script words outside glossary mentions and findings, where other mentions of
    /// those names may be.
    arabic_words: Vec<(Range<usize>, String)>,
    /// The recognizer's mentions, for `term-missing`.
    mentions: Vec<Mention>,
}

/// Whether a sentence starts at `at`: only spaces, quotes or brackets since the start of the
/// line or since sentence punctuation or a dash. A full stop after a title, an abbreviation or an
/// initial does not end a sentence (`Dr. Nuriyev`, `Salim M. AlMalik`).
pub(super) fn sentence_start(text: &str, at: usize) -> bool {
    for (i, c) in text[..at].char_indices().rev() {
        match c {
            ' ' | '\t' | '"' | '\'' | '«' | '“' | '‘' | '(' | '[' | '*' | '#' | '>' => {}
            '.' => {
                let before = &text[..i];
                let word_start = before
                    .char_indices()
                    .rev()
                    .find(|(_, c)| !(c.is_alphabetic() || *c == '.'))
                    .map_or(0, |(j, c)| j + c.len_utf8());
                return !crate::segment::rules::continues_sentence(&before[word_start..]);
            }
            '\n' | '!' | '?' | '…' | ':' | '—' | '–' | '-' | '•' | '؟' => {
                return true;
            }
            _ => return false,
        }
    }
    true
}

/// Joins `inconsistent-name` findings on consecutive words of one name (`Rashad Nabiyev` for
/// `Rəşad Nəbiyev` is one finding).
fn merge_names(text: &str, flags: Vec<Flag>) -> Vec<Flag> {
    let mut out: Vec<Flag> = Vec::with_capacity(flags.len());
    for flag in flags {
        if let Some(last) = out.last_mut()
            && last.rule == Rule::InconsistentName
            && flag.rule == Rule::InconsistentName
            && text.get(last.range.end..flag.range.start) == Some(" ")
        {
            last.range.end = flag.range.end;
            if let (Some(a), Some(b)) = (&mut last.suggestion, &flag.suggestion) {
                a.push(' ');
                a.push_str(b);
            }
            continue;
        }
        out.push(flag);
    }
    out
}

/// The largest char boundary of `s` at or below `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Where each line of a text starts, to turn byte offsets into lines and columns.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line and column (in scalar values) of byte `offset`.
    fn locate(&self, text: &str, offset: usize) -> (u64, u64) {
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = text[start..offset].chars().count() + 1;
        (line as u64, column as u64)
    }
}
