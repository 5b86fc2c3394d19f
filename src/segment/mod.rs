//! Sentence segmentation for English, Azerbaijani, Kazakh and Arabic, with SRX 2.0 rules.
//!
//! A document is split into paragraphs first (blank lines; in Markdown also headings, list items,
//! table rows, and fenced code, which is left out), then each paragraph into sentences by a rule set
//! with SRX 2.0 semantics: at every position of the text the rules are tried in order, and the first
//! one whose `before` pattern matches the text ending there and whose `after` pattern matches the
//! text starting there decides, break or no break; where no rule matches there is no break.
//!
//! The built-in rules ([`Rules::builtin`]) are the UAX #29 sentence-break rules written as SRX break
//! rules, preceded by the exceptions of each language (see [`rules`]). An SRX file replaces them
//! ([`Rules::from_srx_file`]); its Java regular expressions are rewritten where Rust syntax differs,
//! and a rule whose pattern still does not compile is skipped and reported in
//! [`Rules::problems`], never dropped silently. Look-around works (fancy-regex).

pub mod rules;
pub mod srx;

use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use fancy_regex::{Regex, RegexBuilder, RegexInput};

pub use srx::{LanguageMap, LanguageRule, Rule, SrxDocument, java_to_rust, read_srx, write_srx};

use crate::error::{Error, Reason, Result};
use crate::model::LangTag;

/// A sentence of a document, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Segment {
    /// The sentence as the document has it (line breaks inside included), without the white space
    /// around it.
    pub text: String,
    /// Byte range in the document.
    #[serde(skip)]
    pub range: Range<usize>,
    /// 1-based line and column (in Unicode scalar values) of the first character.
    pub line: u64,
    pub column: u64,
    /// 1-based line and column just after the last character (exclusive end).
    pub end_line: u64,
    pub end_column: u64,
    /// 0-based index of the paragraph the sentence is in.
    pub paragraph: usize,
}

/// Limits that keep a hostile rule file from taking unbounded time or memory.
const BACKTRACK_LIMIT: usize = 100_000;
const REGEX_SIZE_LIMIT: usize = 4 << 20;

fn compile(pattern: &str) -> std::result::Result<Regex, String> {
    RegexBuilder::new(&java_to_rust(pattern))
        .backtrack_limit(BACKTRACK_LIMIT)
        .delegate_size_limit(REGEX_SIZE_LIMIT)
        .delegate_dfa_size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| e.to_string())
}

/// A rule ready to run. An empty pattern matches everywhere.
#[derive(Debug)]
struct CompiledRule {
    is_break: bool,
    before: Option<Regex>,
    after: Option<Regex>,
}

/// Whether `re` matches `text` starting exactly at `pos` (with the text before visible to look-behind
/// and `\b`). A run-time error (backtracking limit) counts as no match.
fn matches_at(re: &Regex, text: &str, pos: usize) -> bool {
    let input = RegexInput::new(text).from_pos(pos).anchored(true);
    matches!(re.find_input(input), Ok(Some(_)))
}

/// The byte index of the character after the one at `pos`.
fn next_boundary(text: &str, pos: usize) -> usize {
    text[pos..]
        .chars()
        .next()
        .map_or(text.len() + 1, |c| pos + c.len_utf8())
}

impl CompiledRule {
    /// Calls `found` with every position where the rule matches. Matches of `before` are looked for
    /// from every start, so overlapping matches count; past a work limit (a pattern that matches
    /// almost everywhere) the search goes on without overlaps.
    fn positions(&self, text: &str, found: &mut dyn FnMut(usize)) {
        let mut budget = 8 * text.len() + 64;
        let mut pos = 0;
        match (&self.before, &self.after) {
            (None, None) => {
                for (i, _) in text.char_indices() {
                    found(i);
                }
                found(text.len());
            }
            (None, Some(after)) => {
                while pos <= text.len() {
                    let Ok(Some(m)) = after.find_from_pos(text, pos) else {
                        break;
                    };
                    found(m.start());
                    pos = next_boundary(text, m.start());
                }
            }
            (Some(before), after) => {
                while pos <= text.len() {
                    let Ok(Some(m)) = before.find_from_pos(text, pos) else {
                        break;
                    };
                    let end = m.end();
                    if after.as_ref().is_none_or(|a| matches_at(a, text, end)) {
                        found(end);
                    }
                    budget = budget.saturating_sub(end - m.start() + 1);
                    pos = if budget == 0 && end > m.start() {
                        end
                    } else {
                        next_boundary(text, m.start())
                    };
                }
            }
        }
    }
}

/// A compiled rule set: the built-in rules or an SRX file.
#[derive(Debug)]
pub struct Rules {
    document: SrxDocument,
    /// Per language rule, per rule: `None` when a pattern did not compile.
    compiled: Vec<Vec<Option<CompiledRule>>>,
    /// The language maps' patterns, anchored at both ends; `None` when one did not compile.
    maps: Vec<Option<Regex>>,
    problems: Vec<Error>,
}

impl Rules {
    /// The built-in rules for English, Azerbaijani, Kazakh and Arabic.
    pub fn builtin() -> &'static Rules {
        static RULES: OnceLock<Rules> = OnceLock::new();
        RULES.get_or_init(|| Rules::from_document(rules::default_document(), None))
    }

    /// Compiles a document. Patterns that do not compile are reported in [`Rules::problems`] (with
    /// positions in `source` when the document was read from a file).
    fn from_document(document: SrxDocument, source: Option<(&Path, &srx::SrxOffsets)>) -> Rules {
        let mut problems = Vec::new();
        let mut report = |pattern: &str, detail: String, offset: Option<u64>| {
            let reason = Reason::SrxRegex {
                pattern: pattern.to_string(),
                detail,
            };
            let (path, position) = match source {
                Some((path, _)) => (path, offset.map(|o| srx::position_in(path, o))),
                None => (Path::new("<built-in rules>"), None),
            };
            problems.push(Error::input(path, position, reason));
        };
        let mut compiled = Vec::with_capacity(document.language_rules.len());
        for (l, language_rule) in document.language_rules.iter().enumerate() {
            let mut list = Vec::with_capacity(language_rule.rules.len());
            for (r, rule) in language_rule.rules.iter().enumerate() {
                let offset = source.and_then(|(_, o)| o.rules.get(l)?.get(r).copied());
                let mut part = |pattern: &str| -> std::result::Result<Option<Regex>, ()> {
                    if pattern.is_empty() {
                        return Ok(None);
                    }
                    compile(pattern).map(Some).map_err(|detail| {
                        report(pattern, detail, offset);
                    })
                };
                let before = part(&rule.before);
                let after = part(&rule.after);
                list.push(match (before, after) {
                    (Ok(before), Ok(after)) => Some(CompiledRule {
                        is_break: rule.is_break,
                        before,
                        after,
                    }),
                    _ => None,
                });
            }
            compiled.push(list);
        }
        let mut maps = Vec::with_capacity(document.maps.len());
        for (m, map) in document.maps.iter().enumerate() {
            let offset = source.and_then(|(_, o)| o.maps.get(m).copied());
            match compile(&format!("^(?:{})$", map.pattern)) {
                Ok(re) => maps.push(Some(re)),
                Err(detail) => {
                    report(&map.pattern, detail, offset);
                    maps.push(None);
                }
            }
        }
        Rules {
            document,
            compiled,
            maps,
            problems,
        }
    }

    /// Reads and compiles an SRX file. A malformed file is an error with its line and column; a
    /// pattern that does not compile is not (see [`Rules::problems`]).
    pub fn from_srx_file(path: &Path) -> Result<Rules> {
        let (document, offsets) = read_srx(path)?;
        Ok(Rules::from_document(document, Some((path, &offsets))))
    }

    /// The rule set as an SRX document (for `--export-srx`).
    pub fn document(&self) -> &SrxDocument {
        &self.document
    }

    /// Patterns that did not compile: their rules (or language maps) are not used.
    pub fn problems(&self) -> &[Error] {
        &self.problems
    }

    /// The rules that apply to `lang`, in order: those of the first language map whose pattern
    /// matches the tag, or with cascade of every such map.
    pub fn for_language(&self, lang: &LangTag) -> Splitter<'_> {
        let mut rules = Vec::new();
        for (map, re) in self.document.maps.iter().zip(&self.maps) {
            let Some(re) = re else { continue };
            if !matches!(re.is_match(lang.as_str()), Ok(true)) {
                continue;
            }
            let named = self
                .document
                .language_rules
                .iter()
                .position(|r| r.name == map.rule_name);
            if let Some(index) = named {
                rules.extend(self.compiled[index].iter().flatten());
            }
            if !self.document.cascade {
                break;
            }
        }
        Splitter { rules }
    }
}

/// The rules for one language.
#[derive(Debug)]
pub struct Splitter<'a> {
    rules: Vec<&'a CompiledRule>,
}

impl Splitter<'_> {
    /// The positions (byte offsets, strictly inside `text`) where a sentence ends.
    pub fn breaks(&self, text: &str) -> Vec<usize> {
        // 0: undecided, 1: break, 2: no break. The first rule that matches a position decides.
        let mut decided = vec![0u8; text.len() + 1];
        for rule in &self.rules {
            let verdict = if rule.is_break { 1 } else { 2 };
            rule.positions(text, &mut |pos| {
                if let Some(d) = decided.get_mut(pos).filter(|d| **d == 0) {
                    *d = verdict;
                }
            });
        }
        (1..text.len())
            .filter(|&pos| decided[pos] == 1 && text.is_char_boundary(pos))
            .collect()
    }

    /// The sentences of `text` as byte ranges, without surrounding white space; empty pieces are
    /// dropped.
    pub fn split(&self, text: &str) -> Vec<Range<usize>> {
        let mut ranges = Vec::new();
        let mut start = 0;
        for end in self.breaks(text).into_iter().chain([text.len()]) {
            let piece = &text[start..end];
            let trimmed = piece.trim_start();
            let from = start + (piece.len() - trimmed.len());
            let to = from + trimmed.trim_end().len();
            if to > from {
                ranges.push(from..to);
            }
            start = end;
        }
        ranges
    }
}

/// A piece of a document's layout: its byte range.
type Block = Range<usize>;

/// The lines of `text`: byte ranges without the line feed (a carriage return before it is kept).
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').map(move |line| {
        let range = start..start + line.strip_suffix('\n').unwrap_or(line).len();
        start += line.len();
        range
    })
}

/// The paragraphs of plain text: runs of lines that are not blank. A paragraph separator (U+2029)
/// or a form feed also ends a paragraph.
fn plain_paragraphs(text: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    for line in lines(text) {
        if text[line.clone()].trim().is_empty() {
            blocks.extend(current.take());
            continue;
        }
        let mut start = line.start;
        for piece in text[line.clone()].split_inclusive(['\u{2029}', '\u{c}']) {
            let end = start + piece.len();
            let content = piece.trim_end_matches(['\u{2029}', '\u{c}']);
            let ends_paragraph = content.len() < piece.len();
            if content.trim().is_empty() {
                if let Some(block) = current.take() {
                    blocks.push(block);
                }
            } else {
                let content_end = start + content.len();
                current = Some(match current.take() {
                    Some(block) => block.start..content_end,
                    None => start..content_end,
                });
                if ends_paragraph && let Some(block) = current.take() {
                    blocks.push(block);
                }
            }
            start = end;
        }
    }
    blocks.extend(current);
    blocks
}

/// What a Markdown line is.
enum MarkdownLine {
    /// Text that continues the paragraph.
    Text,
    /// A line that is a block of its own or starts one (heading, list item, table row, quote), with
    /// the length of its marker.
    Start(usize),
    /// A line that holds nothing to translate (fence, rule, blank).
    Skip,
    /// A code fence opening or closing.
    Fence,
}

fn markdown_line(line: &str) -> MarkdownLine {
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    let content = trimmed.trim_end();
    if content.is_empty() {
        return MarkdownLine::Skip;
    }
    if content.starts_with("```") || content.starts_with("~~~") {
        return MarkdownLine::Fence;
    }
    let rule_chars = |c: char| content.chars().all(|x| x == c || x == ' ');
    if content.len() >= 3 && (rule_chars('-') || rule_chars('*') || rule_chars('_')) {
        return MarkdownLine::Skip;
    }
    if content.starts_with('|') {
        if content.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
            return MarkdownLine::Skip;
        }
        return MarkdownLine::Start(indent + 1);
    }
    let hashes = trimmed.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with([' ', '\t']) {
        return MarkdownLine::Start(indent + hashes + 1);
    }
    if let Some(rest) = trimmed.strip_prefix(['-', '*', '+', '>'])
        && (rest.starts_with([' ', '\t']) || rest.is_empty())
    {
        return MarkdownLine::Start(indent + 1 + usize::from(!rest.is_empty()));
    }
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits)
        && trimmed[digits..].starts_with(['.', ')'])
        && trimmed[digits + 1..].starts_with([' ', '\t'])
    {
        return MarkdownLine::Start(indent + digits + 2);
    }
    MarkdownLine::Text
}

/// The paragraphs of a Markdown document: blocks of text lines; headings, list items, quotes and
/// table rows start a block (their markers are left out); fenced code is left out.
fn markdown_paragraphs(text: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    let mut in_fence = false;
    for line in lines(text) {
        let content = &text[line.clone()];
        let end = line.start + content.trim_end().len();
        match markdown_line(content) {
            MarkdownLine::Fence => {
                blocks.extend(current.take());
                in_fence = !in_fence;
            }
            _ if in_fence => {}
            MarkdownLine::Skip => blocks.extend(current.take()),
            MarkdownLine::Start(marker) => {
                blocks.extend(current.take());
                let rest = &content[marker.min(content.len())..];
                let start = line.start + marker + (rest.len() - rest.trim_start().len());
                if end > start {
                    current = Some(start..end);
                }
            }
            MarkdownLine::Text => {
                current = Some(match current.take() {
                    Some(block) => block.start..end,
                    None => line.start + (content.len() - content.trim_start().len())..end,
                });
            }
        }
    }
    blocks.extend(current);
    blocks
}

/// Walks a text forward, turning increasing byte offsets into 1-based lines and columns.
struct Cursor<'a> {
    text: &'a str,
    byte: usize,
    line: u64,
    column: u64,
}

impl Cursor<'_> {
    fn advance(&mut self, to: usize) -> (u64, u64) {
        for c in self.text[self.byte..to].chars() {
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
        self.byte = to;
        (self.line, self.column)
    }
}

fn segment_blocks(text: &str, blocks: &[Block], lang: &LangTag, rules: &Rules) -> Vec<Segment> {
    let splitter = rules.for_language(lang);
    let mut cursor = Cursor {
        text,
        byte: 0,
        line: 1,
        column: 1,
    };
    let mut segments = Vec::new();
    for (paragraph, block) in blocks.iter().enumerate() {
        for range in splitter.split(&text[block.clone()]) {
            let range = block.start + range.start..block.start + range.end;
            let (line, column) = cursor.advance(range.start);
            let (end_line, end_column) = cursor.advance(range.end);
            segments.push(Segment {
                text: text[range.clone()].to_string(),
                range,
                line,
                column,
                end_line,
                end_column,
                paragraph,
            });
        }
    }
    segments
}

/// The sentences of a plain-text document in language `lang`: paragraphs (split on blank lines)
/// first, then sentences by `rules`.
pub fn segment_document(text: &str, lang: &LangTag, rules: &Rules) -> Vec<Segment> {
    segment_blocks(text, &plain_paragraphs(text), lang, rules)
}

/// The sentences of a Markdown document: as [`segment_document`], with headings, list items, quotes
/// and table rows as blocks of their own (markers left out) and fenced code left out.
pub fn segment_markdown(text: &str, lang: &LangTag, rules: &Rules) -> Vec<Segment> {
    segment_blocks(text, &markdown_paragraphs(text), lang, rules)
}

/// Reads a plain-text or Markdown document: UTF-8 (a byte-order mark is dropped) or UTF-16 with a
/// byte-order mark. Invalid UTF-8 is an error at the line and column of the first bad byte. An
/// empty file is an empty document.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&bytes)
        && encoding != encoding_rs::UTF_8
    {
        let (text, malformed) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if malformed {
            return Err(Error::input(path, None, Reason::InvalidUtf8));
        }
        return Ok(text.into_owned());
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(body) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let good = &body[..e.valid_up_to()];
            let text = std::str::from_utf8(good).unwrap_or_default();
            let line = text.matches('\n').count() as u64 + 1;
            let column = text.rsplit('\n').next().unwrap_or("").chars().count() as u64 + 1;
            let position = crate::error::Position { line, column };
            Err(Error::input(path, Some(position), Reason::InvalidUtf8))
        }
    }
}

#[cfg(test)]
mod tests;
