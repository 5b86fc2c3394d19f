//! gettext PO: reading (streaming).

use std::cell::Cell;
use std::collections::VecDeque;
use std::io::BufRead;
use std::mem;
use std::path::PathBuf;
use std::rc::Rc;

use encoding_rs::{Encoding, UTF_8};

use super::{InputFile, ReadOptions, Skipped, UnitReader};
use crate::error::{Error, Position, Reason, Result};
use crate::model::{CONTEXT_PROP, LangTag, LangTagError, Props, Segment, Unit, Variant};

/// The prop holding an entry's `#:` references, separated by spaces.
pub const REFERENCE_PROP: &str = "x-po-reference";
/// The prop holding an entry's `#,` flags other than `fuzzy`, separated by `, `.
pub const FLAGS_PROP: &str = "x-po-flags";
/// The prop holding the plural form (`0`, `1`, …) of a unit made from a plural entry.
pub const PLURAL_FORM_PROP: &str = "x-plural-form";
/// The prop holding the header's `Plural-Forms` value on units made from plural entries, which says
/// what each form number means.
pub const PLURAL_FORMS_PROP: &str = "x-po-plural-forms";

/// Streams the entries of a PO file as units.
///
/// **Languages.** The target language is the header's `Language` (gettext locales such as `az_AZ`,
/// `sr_RS@latin` or `kk@latin` are accepted), else [`ReadOptions::target_lang`], else the file is
/// refused with [`Reason::PoNoLanguage`]. The source language is the header's `X-Source-Language`, else
/// [`ReadOptions::source_lang`], else English. The charset comes from the header's `Content-Type`
/// (UTF-8 when there is none, or the template value `CHARSET`); a byte-order mark overrides it.
///
/// **Entries.** Each entry becomes a unit with the `msgid` in the source language and the `msgstr` in
/// the target language; an untranslated entry (empty `msgstr`) gives a unit with the source variant
/// only. `msgctxt` becomes the prop [`CONTEXT_PROP`]; translator comments (`# `) and extracted comments
/// (`#.`) become one note each (lines joined with a line break); `#:` references become the prop
/// [`REFERENCE_PROP`]; `#,` flags other than `fuzzy` become [`FLAGS_PROP`]. The header entry is not a
/// unit. Entries flagged `fuzzy` are skipped and counted in [`Skipped::fuzzy`], obsolete entries (`#~`)
/// in [`Skipped::obsolete`]; previous-msgid comments (`#|`) are ignored.
///
/// **Plurals.** An entry with `msgid_plural` becomes one unit per `msgstr[k]`: form 0 pairs the
/// `msgid` with `msgstr[0]`, each form k ≥ 1 pairs the `msgid_plural` with `msgstr[k]`. Each of these
/// units has the prop [`PLURAL_FORM_PROP`] = k, the entry's context, notes and references, and the
/// header's `Plural-Forms` in [`PLURAL_FORMS_PROP`]. An empty `msgstr[k]` gives a unit with the source
/// variant only.
///
/// **Strings** are C strings: `\n \t \r \a \b \f \v \\ \" \' \?`, octal `\NNN` and hex `\xHH` up to
/// `\177`/`\x7F` (higher values would be bytes of the file's charset: write the character itself).
///
/// **Errors.** Anything else is refused with [`Reason::Po`] at its line and column: a line that is
/// not a keyword, a string or a comment, a string without a keyword before it (a file that starts with
/// the header's strings but no `msgid ""`/`msgstr ""`), an unterminated string, an unknown escape, a
/// `msgstr` before its `msgid`, an entry without `msgstr`, plural forms out of order. Invalid UTF-8 is
/// [`Reason::InvalidUtf8`].
pub struct PoReader {
    path: PathBuf,
    input: Box<dyn BufRead>,
    counter: Rc<Cell<u64>>,
    /// The number of the last line read.
    line: u64,
    /// The entry being read.
    entry: Entry,
    source: LangTag,
    target: LangTag,
    plural_forms: Option<String>,
    /// Units of an entry not yet returned (the forms of a plural entry).
    queue: VecDeque<Unit>,
    skipped: Skipped,
}

/// Which string a continuation line extends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Part {
    #[default]
    None,
    Context,
    Id,
    Plural,
    Str,
}

/// An entry as read, before it becomes units.
#[derive(Debug, Default)]
struct Entry {
    /// The line of its first keyword.
    line: u64,
    translator_comments: Vec<String>,
    extracted_comments: Vec<String>,
    references: Vec<String>,
    flags: Vec<String>,
    fuzzy: bool,
    context: Option<String>,
    id: Option<String>,
    plural: Option<String>,
    strs: Vec<String>,
    part: Part,
}

impl Entry {
    fn has_keyword(&self) -> bool {
        self.context.is_some() || self.id.is_some()
    }

    fn is_complete(&self) -> bool {
        !self.strs.is_empty()
    }

    fn is_header(&self) -> bool {
        self.id.as_deref() == Some("") && self.context.is_none() && self.plural.is_none()
    }

    /// The string a continuation line extends.
    fn current_part(&mut self) -> Option<&mut String> {
        match self.part {
            Part::None => None,
            Part::Context => self.context.as_mut(),
            Part::Id => self.id.as_mut(),
            Part::Plural => self.plural.as_mut(),
            Part::Str => self.strs.last_mut(),
        }
    }
}

/// A syntax error's column and what is wrong.
type Syntax = (usize, String);

impl PoReader {
    /// Opens the file and reads its header.
    pub fn new(input: InputFile, options: &ReadOptions) -> Result<PoReader> {
        input.check_not_bomless_utf16()?;
        let path = input.path().to_path_buf();
        let bom = input.bom();
        let declared = match bom {
            Some(_) => None,
            None => match head_charset(&input.head_text()) {
                Some(label) => Some(encoding_for(&label).ok_or_else(|| {
                    Error::input(&path, None, Reason::UnknownEncoding(label.clone()))
                })?),
                None => None,
            },
        };
        let counter = input.counter();
        let mut reader = PoReader {
            path,
            input: input.into_utf8(declared),
            counter,
            line: 0,
            entry: Entry::default(),
            // Both are set below, once the header is read.
            source: LangTag::parse("en")?,
            target: LangTag::parse("en")?,
            plural_forms: None,
            queue: VecDeque::new(),
            skipped: Skipped::default(),
        };
        let first = reader.next_entry()?;
        let mut target = None;
        let mut source = None;
        let first = match first {
            Some(header) if header.is_header() => {
                let at = Position {
                    line: header.line,
                    column: 1,
                };
                let language_error = |e: LangTagError| {
                    Error::input(&reader.path, Some(at.clone()), Reason::LangTag(e))
                };
                let text = header.strs.first().map_or("", String::as_str);
                for (name, value) in text.lines().filter_map(|line| line.split_once(':')) {
                    let (name, value) = (name.trim(), value.trim());
                    if value.is_empty() {
                        continue;
                    }
                    if name.eq_ignore_ascii_case("Language") {
                        target = Some(gettext_language(value).map_err(language_error)?);
                    } else if name.eq_ignore_ascii_case("X-Source-Language") {
                        source = Some(gettext_language(value).map_err(language_error)?);
                    } else if name.eq_ignore_ascii_case("Plural-Forms") {
                        reader.plural_forms = Some(value.to_string());
                    } else if name.eq_ignore_ascii_case("Content-Type") && bom.is_none() {
                        reader.check_charset(value, declared.unwrap_or(UTF_8), &at)?;
                    }
                }
                None
            }
            other => other,
        };
        reader.target = match target.or_else(|| options.target_lang.clone()) {
            Some(target) => target,
            None => return Err(Error::input(&reader.path, None, Reason::PoNoLanguage)),
        };
        if let Some(source) = source.or_else(|| options.source_lang.clone()) {
            reader.source = source;
        }
        if let Some(entry) = first {
            reader.push_units(entry);
        }
        Ok(reader)
    }

    /// Refuses a header charset that differs from the one the file was decoded with (possible only
    /// when the header starts too far into the file to be found before decoding).
    fn check_charset(
        &self,
        content_type: &str,
        used: &'static Encoding,
        at: &Position,
    ) -> Result<()> {
        let Some(label) = charset_label(content_type) else {
            return Ok(());
        };
        let error = |reason| Error::input(&self.path, Some(at.clone()), reason);
        match encoding_for(label) {
            None => Err(error(Reason::UnknownEncoding(label.to_string()))),
            Some(encoding) if encoding != used => Err(error(Reason::Po(format!(
                "the header declares charset {label} too far into the file; move the header to the top"
            )))),
            Some(_) => Ok(()),
        }
    }

    fn syntax_error(&self, line: &str, (byte, detail): Syntax) -> Error {
        let column = line[..byte.min(line.len())].chars().count() as u64 + 1;
        let position = Position {
            line: self.line,
            column,
        };
        Error::input(&self.path, Some(position), Reason::Po(detail))
    }

    /// The next line without its line break, `None` at the end of the file.
    fn read_line(&mut self) -> Result<Option<String>> {
        let mut bytes = Vec::new();
        let n = self
            .input
            .read_until(b'\n', &mut bytes)
            .map_err(|e| Error::io(&self.path, e))?;
        if n == 0 {
            return Ok(None);
        }
        self.line += 1;
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
            if bytes.last() == Some(&b'\r') {
                bytes.pop();
            }
        }
        String::from_utf8(bytes).map(Some).map_err(|e| {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let position = Position {
                line: self.line,
                column: String::from_utf8_lossy(valid).chars().count() as u64 + 1,
            };
            Error::input(&self.path, Some(position), Reason::InvalidUtf8)
        })
    }

    /// The next entry (the header included), `None` at the end of the file.
    fn next_entry(&mut self) -> Result<Option<Entry>> {
        while let Some(line) = self.read_line()? {
            if let Some(entry) = self.feed(&line).map_err(|e| self.syntax_error(&line, e))? {
                return Ok(Some(entry));
            }
        }
        if self.entry.has_keyword() && !self.entry.is_complete() {
            let position = Position {
                line: self.entry.line,
                column: 1,
            };
            let reason = Reason::Po("the entry has no msgstr".into());
            return Err(Error::input(&self.path, Some(position), reason));
        }
        Ok(self.entry.is_complete().then(|| mem::take(&mut self.entry)))
    }

    /// Reads one line into the current entry; returns the previous entry when the line starts a new
    /// one.
    fn feed(&mut self, line: &str) -> Result<Option<Entry>, Syntax> {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.is_empty() {
            return Ok(None);
        }
        if let Some(rest) = trimmed.strip_prefix("#~") {
            let done = self.start_entry(indent)?;
            // Comments in front of an obsolete entry belong to it.
            self.entry = Entry::default();
            let rest = rest.trim_start();
            if rest.starts_with("msgid") && !rest.starts_with("msgid_") {
                self.skipped.obsolete += 1;
            }
            return Ok(done);
        }
        if let Some(rest) = trimmed.strip_prefix('#') {
            if self.entry.has_keyword() && !self.entry.is_complete() {
                return Err((
                    indent,
                    "a comment inside an entry, before its msgstr".into(),
                ));
            }
            let done = self.start_entry(indent)?;
            self.comment(rest);
            return Ok(done);
        }
        if trimmed.starts_with('"') {
            let text = parse_string(line, indent)?;
            let Some(part) = self.entry.current_part() else {
                return Err((indent, "a string without a keyword before it".into()));
            };
            part.push_str(&text);
            return Ok(None);
        }
        let keyword_len = trimmed
            .find(|c: char| c == '"' || c.is_whitespace())
            .unwrap_or(trimmed.len());
        let keyword = &trimmed[..keyword_len];
        let after = &trimmed[keyword_len..];
        let string_at = indent + keyword_len + (after.len() - after.trim_start().len());
        let is_keyword = matches!(keyword, "msgctxt" | "msgid" | "msgid_plural" | "msgstr")
            || keyword.starts_with("msgstr[");
        if !is_keyword {
            return Err((
                indent,
                format!("expected a keyword, a string or a comment, found {keyword:?}"),
            ));
        }
        if !line[string_at..].starts_with('"') {
            return Err((string_at, format!("expected a string after {keyword}")));
        }
        let text = parse_string(line, string_at)?;
        self.keyword(keyword, text, indent)
    }

    /// Ends the current entry if it is complete, before a line that starts a new one.
    fn start_entry(&mut self, at: usize) -> Result<Option<Entry>, Syntax> {
        if self.entry.is_complete() {
            Ok(Some(mem::take(&mut self.entry)))
        } else if self.entry.has_keyword() {
            Err((at, "the entry above has no msgstr".into()))
        } else {
            Ok(None)
        }
    }

    /// A comment line (after its `#`).
    fn comment(&mut self, rest: &str) {
        let entry = &mut self.entry;
        if let Some(flags) = rest.strip_prefix(',') {
            for flag in flags.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                if flag == "fuzzy" {
                    entry.fuzzy = true;
                } else if !entry.flags.iter().any(|f| f == flag) {
                    entry.flags.push(flag.to_string());
                }
            }
        } else if let Some(text) = rest.strip_prefix('.') {
            entry.extracted_comments.push(text.trim().to_string());
        } else if let Some(references) = rest.strip_prefix(':') {
            entry
                .references
                .extend(references.split_whitespace().map(String::from));
        } else if !rest.starts_with('|') {
            entry.translator_comments.push(rest.trim().to_string());
        }
    }

    /// A keyword line with its string.
    fn keyword(&mut self, keyword: &str, text: String, at: usize) -> Result<Option<Entry>, Syntax> {
        let error = |detail: &str| Err((at, detail.to_string()));
        let mut done = None;
        match keyword {
            "msgctxt" | "msgid" => {
                let entry = &self.entry;
                let only_context = entry.context.is_some() && entry.id.is_none();
                if keyword == "msgctxt" && only_context {
                    return error("msgctxt twice in one entry");
                }
                if !(keyword == "msgid" && only_context) {
                    done = self.start_entry(at)?;
                }
                let entry = &mut self.entry;
                if !entry.has_keyword() {
                    entry.line = self.line;
                }
                if keyword == "msgctxt" {
                    entry.context = Some(text);
                    entry.part = Part::Context;
                } else {
                    entry.id = Some(text);
                    entry.part = Part::Id;
                }
            }
            "msgid_plural" => {
                let entry = &mut self.entry;
                if entry.id.is_none() {
                    return error("msgid_plural before msgid");
                }
                if entry.plural.is_some() || entry.is_complete() {
                    return error("msgid_plural after msgid_plural or msgstr");
                }
                entry.plural = Some(text);
                entry.part = Part::Plural;
            }
            "msgstr" => {
                let entry = &mut self.entry;
                if entry.id.is_none() {
                    return error("msgstr before msgid");
                }
                if entry.plural.is_some() {
                    return error("msgstr after msgid_plural; use msgstr[0], msgstr[1], …");
                }
                if entry.is_complete() {
                    return error("msgstr twice in one entry");
                }
                entry.strs.push(text);
                entry.part = Part::Str;
            }
            _ => {
                let entry = &mut self.entry;
                let index = keyword
                    .strip_prefix("msgstr[")
                    .and_then(|rest| rest.strip_suffix(']'))
                    .and_then(|n| n.parse::<usize>().ok());
                let Some(index) = index else {
                    return error(&format!("{keyword:?} is not msgstr[N]"));
                };
                if entry.id.is_none() {
                    return error("msgstr[N] before msgid");
                }
                if entry.plural.is_none() {
                    return error("msgstr[N] without msgid_plural");
                }
                if index != entry.strs.len() {
                    return error(&format!(
                        "msgstr[{index}] where msgstr[{}] was expected",
                        entry.strs.len()
                    ));
                }
                entry.strs.push(text);
                entry.part = Part::Str;
            }
        }
        Ok(done)
    }

    /// Turns an entry into units in the queue, or counts it as skipped.
    fn push_units(&mut self, entry: Entry) {
        if entry.fuzzy {
            self.skipped.fuzzy += 1;
            return;
        }
        if entry.is_header() {
            // A second header: not a unit.
            self.skipped.empty_entries += 1;
            return;
        }
        let Some(id) = entry.id else {
            return;
        };
        let mut props = Props::default();
        if let Some(context) = entry.context {
            props.add_prop(CONTEXT_PROP, context);
        }
        for comments in [entry.translator_comments, entry.extracted_comments] {
            let note = comments.join("\n");
            if !note.trim().is_empty() {
                props.add_note(note.trim());
            }
        }
        if !entry.references.is_empty() {
            props.add_prop(REFERENCE_PROP, entry.references.join(" "));
        }
        if !entry.flags.is_empty() {
            props.add_prop(FLAGS_PROP, entry.flags.join(", "));
        }
        let unit = |source: String, target: String, props: Props| {
            let mut variants = vec![Variant::new(self.source.clone(), Segment::plain(source))];
            if !target.is_empty() {
                variants.push(Variant::new(self.target.clone(), Segment::plain(target)));
            }
            Unit { variants, props }
        };
        let Some(plural) = entry.plural else {
            let target = entry.strs.into_iter().next().unwrap_or_default();
            let unit = unit(id, target, props);
            self.queue.push_back(unit);
            return;
        };
        let mut units = Vec::with_capacity(entry.strs.len());
        for (form, target) in entry.strs.into_iter().enumerate() {
            let mut props = props.clone();
            props.add_prop(PLURAL_FORM_PROP, form.to_string());
            if let Some(forms) = &self.plural_forms {
                props.add_prop(PLURAL_FORMS_PROP, forms.clone());
            }
            let source = if form == 0 { &id } else { &plural };
            units.push(unit(source.clone(), target, props));
        }
        self.queue.extend(units);
    }
}

impl UnitReader for PoReader {
    fn next_unit(&mut self) -> Result<Option<Unit>> {
        loop {
            if let Some(unit) = self.queue.pop_front() {
                return Ok(Some(unit));
            }
            match self.next_entry()? {
                Some(entry) => self.push_units(entry),
                None => return Ok(None),
            }
        }
    }

    fn bytes_read(&self) -> u64 {
        self.counter.get()
    }

    fn skipped(&self) -> Skipped {
        self.skipped.clone()
    }
}

/// Parses the C strings that start with the quote at byte `start` of `line` (`"a" "b"` is `ab`);
/// only whitespace may follow them.
fn parse_string(line: &str, start: usize) -> Result<String, Syntax> {
    let mut text = String::new();
    let mut start = start;
    loop {
        let end = parse_one_string(line, start, &mut text)?;
        let rest = &line[end..];
        let trailing = rest.len() - rest.trim_start().len();
        match rest[trailing..].chars().next() {
            None => return Ok(text),
            Some('"') => start = end + trailing,
            Some(_) => return Err((end + trailing, "text after the closing quote".into())),
        }
    }
}

/// Appends the C string that starts with the quote at byte `start` of `line` to `text`; returns the
/// byte after its closing quote.
fn parse_one_string(line: &str, start: usize, text: &mut String) -> Result<usize, Syntax> {
    let mut chars = line[start + 1..]
        .char_indices()
        .map(|(i, c)| (start + 1 + i, c))
        .peekable();
    loop {
        let Some((at, c)) = chars.next() else {
            return Err((start, "the string has no closing quote".into()));
        };
        match c {
            '"' => return Ok(at + 1),
            '\\' => {
                let Some((_, escape)) = chars.next() else {
                    return Err((start, "the string has no closing quote".into()));
                };
                let value = match escape {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    'a' => '\u{7}',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'v' => '\u{b}',
                    '\\' | '"' | '\'' | '?' => escape,
                    '0'..='7' | 'x' => {
                        let (radix, max_digits, mut value) = match escape {
                            'x' => (16, 2, 0),
                            digit => (8, 2, digit.to_digit(8).unwrap_or(0)),
                        };
                        let mut digits = 0;
                        while digits < max_digits {
                            let Some(d) = chars.peek().and_then(|(_, c)| c.to_digit(radix)) else {
                                break;
                            };
                            value = value * radix + d;
                            digits += 1;
                            chars.next();
                        }
                        if escape == 'x' && digits == 0 {
                            return Err((at, "\\x without hex digits".into()));
                        }
                        match char::from_u32(value).filter(char::is_ascii) {
                            Some(c) => c,
                            None => {
                                return Err((
                                    at,
                                    "an escape above \\177 (\\x7F) stands for a byte; write the character itself".into(),
                                ));
                            }
                        }
                    }
                    other => return Err((at, format!("unknown escape \\{other}"))),
                };
                text.push(value);
            }
            c => text.push(c),
        }
    }
}

/// The `charset=` label of a header that starts the file, found in its first bytes before decoding.
fn head_charset(head: &str) -> Option<String> {
    let mut lines = head
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#') && !l.is_empty());
    if lines.next()? != "msgid \"\"" {
        return None;
    }
    let first = lines.next()?.strip_prefix("msgstr")?.trim_start();
    // The header's string: the msgstr line and its continuation lines, quotes removed.
    let mut header = String::new();
    for string in std::iter::once(first).chain(lines.take_while(|l| l.starts_with('"'))) {
        header.push_str(string.trim_matches('"'));
    }
    let at = header.to_ascii_lowercase().find("content-type:")?;
    let (label, rest) = split_charset(&header[at..])?;
    // Something must follow the label in the head, or the label may be cut short.
    (!rest.is_empty()).then(|| label.to_string())
}

/// The `charset=` label of a `Content-Type` value.
fn charset_label(content_type: &str) -> Option<&str> {
    split_charset(content_type).map(|(label, _)| label)
}

/// The `charset=` label of a `Content-Type` value (text may follow) and the text after it.
fn split_charset(content_type: &str) -> Option<(&str, &str)> {
    let at = content_type.to_ascii_lowercase().find("charset=")? + "charset=".len();
    let rest = &content_type[at..];
    let end = rest
        .find(|c: char| c == '\\' || c == '"' || c == ';' || c.is_whitespace())
        .unwrap_or(rest.len());
    Some(rest.split_at(end)).filter(|(label, _)| !label.is_empty())
}

/// The encoding of a PO charset label. ASCII and the template value `CHARSET` mean UTF-8.
fn encoding_for(label: &str) -> Option<&'static Encoding> {
    match label.to_ascii_lowercase().as_str() {
        "charset" | "ascii" | "us-ascii" | "ansi_x3.4-1968" => Some(UTF_8),
        other => Encoding::for_label(other.as_bytes()),
    }
}

/// A language tag from a gettext locale name: `az_AZ`, `ru_RU.UTF-8`, `sr_RS@latin` (→ `sr-Latn-RS`),
/// `ca@valencia` (→ `ca-valencia`), or a BCP 47 tag.
fn gettext_language(value: &str) -> Result<LangTag, LangTagError> {
    let (locale, modifier) = value.split_once('@').unwrap_or((value, ""));
    let locale = locale.split_once('.').map_or(locale, |(locale, _)| locale);
    let script = match modifier.to_ascii_lowercase().as_str() {
        "" => return LangTag::parse(locale),
        "latin" => "Latn",
        "cyrillic" => "Cyrl",
        _ => return LangTag::parse(&format!("{locale}-{modifier}")),
    };
    let tag = match locale.split_once(['_', '-']) {
        Some((language, rest)) => format!("{language}-{script}-{rest}"),
        None => format!("{locale}-{script}"),
    };
    LangTag::parse(&tag)
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;
    use std::path::Path;

    use super::*;

    fn tag(s: &str) -> LangTag {
        LangTag::parse(s).unwrap()
    }

    fn options(target: Option<&str>) -> ReadOptions {
        ReadOptions {
            source_lang: None,
            target_lang: target.map(tag),
        }
    }

    fn read_path(path: &Path, options: &ReadOptions) -> Result<(Vec<Unit>, Skipped)> {
        let mut reader = PoReader::new(InputFile::open(path)?, options)?;
        let mut units = Vec::new();
        while let Some(unit) = reader.next_unit()? {
            units.push(unit);
        }
        assert!(reader.bytes_read() > 0);
        Ok((units, reader.skipped()))
    }

    fn read_with(bytes: &[u8], options: &ReadOptions) -> Result<(Vec<Unit>, Skipped)> {
        let mut file = tempfile::Builder::new().suffix(".po").tempfile().unwrap();
        file.write_all(bytes).unwrap();
        read_path(file.path(), options)
    }

    fn read(text: &str) -> Result<Vec<Unit>> {
        read_with(text.as_bytes(), &options(Some("kk"))).map(|(units, _)| units)
    }

    fn input_error<T: std::fmt::Debug>(result: Result<T>) -> (Option<(u64, u64)>, Reason) {
        match result {
            Err(Error::Input {
                position, reason, ..
            }) => (position.map(|p| (p.line, p.column)), reason),
            other => panic!("expected an input error, got {other:?}"),
        }
    }

    fn texts(unit: &Unit) -> Vec<(&str, &str)> {
        unit.variants
            .iter()
            .map(|v| (v.lang.as_str(), v.segment.text.as_str()))
            .collect()
    }

    fn prop<'a>(unit: &'a Unit, kind: &str) -> Option<&'a str> {
        unit.props
            .props
            .iter()
            .find(|p| p.kind == kind)
            .map(|p| p.value.as_str())
    }

    const HEADER: &str = "msgid \"\"\nmsgstr \"\"\n\"Language: az\\n\"\n\"Plural-Forms: nplurals=2; plural=n != 1;\\n\"\n\n";

    #[test]
    fn entries_comments_and_escapes() {
        let text = format!(
            "{HEADER}\
             # Translator says\n\
             #  hello\n\
             #. Extracted\n\
             #: src/a.rs:1 src/b.rs:2\n\
             #: src/c.rs:3\n\
             #, c-format, no-wrap\n\
             #| msgid \"Old\"\n\
             msgctxt \"menu\"\n\
             msgid \"\"\n\
             \"Open \"\n\
             \"%s\"\n\
             msgstr \"A\\\"\\\\\\t\\n\\r\\a\\b\\f\\v\\'\\?\\101\\x42\\0\" \"\\7\"\n\
             \n\
             msgid \"Untranslated\"\n\
             msgstr \"\"\n"
        );
        let units = read(&text).unwrap();
        assert_eq!(units.len(), 2);
        assert_eq!(
            texts(&units[0]),
            [
                ("en", "Open %s"),
                ("az", "A\"\\\t\n\r\u{7}\u{8}\u{c}\u{b}'?AB\0\u{7}")
            ]
        );
        assert_eq!(prop(&units[0], CONTEXT_PROP), Some("menu"));
        assert_eq!(
            units[0].props.notes,
            ["Translator says\nhello", "Extracted"]
        );
        assert_eq!(
            prop(&units[0], REFERENCE_PROP),
            Some("src/a.rs:1 src/b.rs:2 src/c.rs:3")
        );
        assert_eq!(prop(&units[0], FLAGS_PROP), Some("c-format, no-wrap"));
        assert_eq!(texts(&units[1]), [("en", "Untranslated")]);
        assert!(units[1].props.is_empty());
    }

    #[test]
    fn plural_entries_give_one_unit_per_form() {
        let text = format!(
            "{HEADER}msgctxt \"files\"\nmsgid \"%d file\"\nmsgid_plural \"%d files\"\n\
             msgstr[0] \"%d fayl\"\nmsgstr[1] \"\"\nmsgstr[2] \"%d fayllar\"\n"
        );
        let units = read(&text).unwrap();
        let forms: Vec<_> = units
            .iter()
            .map(|u| (texts(u), prop(u, PLURAL_FORM_PROP).unwrap()))
            .collect();
        assert_eq!(
            forms,
            [
                (vec![("en", "%d file"), ("az", "%d fayl")], "0"),
                (vec![("en", "%d files")], "1"),
                (vec![("en", "%d files"), ("az", "%d fayllar")], "2"),
            ]
        );
        for unit in &units {
            assert_eq!(prop(unit, CONTEXT_PROP), Some("files"));
            assert_eq!(
                prop(unit, PLURAL_FORMS_PROP),
                Some("nplurals=2; plural=n != 1;")
            );
        }
    }

    #[test]
    fn fuzzy_and_obsolete_entries_are_skipped_and_counted() {
        let text = format!(
            "{HEADER}#, fuzzy, c-format\nmsgid \"a\"\nmsgstr \"b\"\n\n\
             #, fuzzy\n#~ msgid \"old\"\n#~ msgstr \"köhnə\"\n\n\
             #~ msgctxt \"x\"\n#~ msgid \"n\"\n#~ msgid_plural \"ns\"\n#~ msgstr[0] \"\"\n\n\
             msgid \"kept\"\nmsgstr \"saxlanıb\"\n"
        );
        let (units, skipped) = read_with(text.as_bytes(), &ReadOptions::default()).unwrap();
        assert_eq!(units.len(), 1);
        assert_eq!(texts(&units[0]), [("en", "kept"), ("az", "saxlanıb")]);
        assert!(units[0].props.is_empty());
        assert_eq!(
            skipped,
            Skipped {
                fuzzy: 1,
                obsolete: 2,
                ..Skipped::default()
            }
        );
    }

    #[test]
    fn languages_from_the_header_the_options_or_nowhere() {
        let header = |fields: &str| {
            format!("msgid \"\"\nmsgstr \"{fields}\"\n\nmsgid \"a\"\nmsgstr \"b\"\n")
        };
        let langs = |text: &str, options: &ReadOptions| {
            let (units, _) = read_with(text.as_bytes(), options).unwrap();
            units[0]
                .variants
                .iter()
                .map(|v| v.lang.to_string())
                .collect::<Vec<_>>()
        };
        let kk = options(Some("kk"));
        assert_eq!(
            langs(&header("Language: sr_RS@latin\\n"), &kk),
            ["en", "sr-Latn-RS"]
        );
        assert_eq!(
            langs(&header("Language: kk@latin\\n"), &kk),
            ["en", "kk-Latn"]
        );
        assert_eq!(
            langs(&header("Language: ru_RU.UTF-8\\n"), &kk),
            ["en", "ru-RU"]
        );
        assert_eq!(
            langs(&header("Language: az\\nX-Source-Language: ar\\n"), &kk),
            ["ar", "az"]
        );
        assert_eq!(langs(&header("Language: \\n"), &kk), ["en", "kk"]);
        let options = ReadOptions {
            source_lang: Some(tag("az")),
            target_lang: None,
        };
        assert_eq!(
            langs(&header("Language: kk_KZ\\n"), &options),
            ["az", "kk-KZ"]
        );
        assert_eq!(
            input_error(read_with(
                header("Language: \\n").as_bytes(),
                &ReadOptions::default()
            )),
            (None, Reason::PoNoLanguage)
        );
        let (position, reason) = input_error(read(&header("Language: xx\\n")));
        assert_eq!(position, Some((1, 1)));
        assert!(matches!(
            reason,
            Reason::LangTag(LangTagError::UnknownLanguage(..))
        ));
    }

    #[test]
    fn declared_charset_is_decoded_and_unknown_ones_refused() {
        let mut bytes = b"msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=windows-1251\\n\"\n\nmsgid \"File\"\nmsgstr \"".to_vec();
        bytes.extend([0xD4, 0xE0, 0xE9, 0xEB]);
        bytes.extend(b"\"\n");
        let (units, _) = read_with(&bytes, &options(Some("ru"))).unwrap();
        assert_eq!(texts(&units[0]), [("en", "File"), ("ru", "Файл")]);
        let unknown = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=klingon\\n\"\n";
        assert_eq!(
            input_error(read(unknown)),
            (None, Reason::UnknownEncoding("klingon".into()))
        );
        // A template's placeholder means UTF-8.
        let template = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=CHARSET\\n\"\n\nmsgid \"ə\"\nmsgstr \"\"\n";
        assert_eq!(texts(&read(template).unwrap()[0]), [("en", "ə")]);
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let cases: &[(&str, (u64, u64), &str)] = &[
            (
                "\"Language: fr\\n\"\n",
                (1, 1),
                "a string without a keyword before it",
            ),
            (
                "msgid \"a\nmsgstr \"\"\n",
                (1, 7),
                "the string has no closing quote",
            ),
            ("msgid \"a\\\"\n", (1, 7), "the string has no closing quote"),
            (
                "msgid \"a\" x\nmsgstr \"\"\n",
                (1, 11),
                "text after the closing quote",
            ),
            ("msgid \"\\q\"\nmsgstr \"\"\n", (1, 8), "unknown escape \\q"),
            ("msgid \"\\x\"\n", (1, 8), "\\x without hex digits"),
            (
                "msgid \"é\\303\"\n",
                (1, 9),
                "an escape above \\177 (\\x7F) stands for a byte; write the character itself",
            ),
            ("msgstr \"b\"\n", (1, 1), "msgstr before msgid"),
            (
                "msgid \"a\"\nmsgid \"b\"\n",
                (2, 1),
                "the entry above has no msgstr",
            ),
            (
                "msgid \"a\"\n# note\nmsgstr \"b\"\n",
                (2, 1),
                "a comment inside an entry, before its msgstr",
            ),
            ("msgid \"a\"\n", (1, 1), "the entry has no msgstr"),
            (
                "msgid \"a\"\nmsgstr \"b\"\nmsgstr \"c\"\n",
                (3, 1),
                "msgstr twice in one entry",
            ),
            (
                "msgid \"a\"\nmsgstr[0] \"b\"\n",
                (2, 1),
                "msgstr[N] without msgid_plural",
            ),
            (
                "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"b\"\n",
                (3, 1),
                "msgstr after msgid_plural; use msgstr[0], msgstr[1], …",
            ),
            (
                "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[1] \"b\"\n",
                (3, 1),
                "msgstr[1] where msgstr[0] was expected",
            ),
            (
                "msgid \"a\"\nmsgstr[x] \"b\"\n",
                (2, 1),
                "\"msgstr[x]\" is not msgstr[N]",
            ),
            ("  msgid\n", (1, 8), "expected a string after msgid"),
            (
                "msgid \"a\"\nmsgstr \"b\"\nhello\n",
                (3, 1),
                "expected a keyword, a string or a comment, found \"hello\"",
            ),
            (
                "msgctxt \"a\"\nmsgctxt \"b\"\n",
                (2, 1),
                "msgctxt twice in one entry",
            ),
        ];
        for (text, position, detail) in cases {
            assert_eq!(
                input_error(read(text)),
                (Some(*position), Reason::Po(detail.to_string())),
                "{text:?}"
            );
        }
    }

    #[test]
    fn invalid_utf8_is_reported_at_its_line_and_column() {
        let result = read_with(
            b"msgid \"\"\nmsgstr \"Language: kk\\n\"\n\nmsgid \"\xD0\x90\xFF\"\n",
            &ReadOptions::default(),
        );
        assert_eq!(input_error(result), (Some((4, 9)), Reason::InvalidUtf8));
    }

    #[test]
    fn utf16_with_a_bom_and_crlf_lines_are_read() {
        let text =
            "msgid \"\"\r\nmsgstr \"Language: kk\\n\"\r\n\r\nmsgid \"File\"\r\nmsgstr \"Файл\"\r\n";
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
        let (units, _) = read_with(&bytes, &ReadOptions::default()).unwrap();
        assert_eq!(texts(&units[0]), [("en", "File"), ("kk", "Файл")]);
    }

    /// A file of the shared PO test data, if this checkout has it next to it.
    #[allow(clippy::print_stderr)]
    fn shared(name: &str) -> Option<PathBuf> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/interop/po")
            .join(name);
        if !path.exists() {
            eprintln!("skipped: {} is not there", path.display());
        }
        path.exists().then_some(path)
    }

    #[test]
    fn eyedropper_arabic_and_kazakh() {
        for (name, lang) in [("eyedropper-ar.po", "ar"), ("eyedropper-kk.po", "kk")] {
            let Some(path) = shared(name) else {
                return;
            };
            let (units, skipped) = read_path(&path, &ReadOptions::default()).unwrap();
            assert_eq!(units.len(), 145, "{name}");
            assert_eq!(skipped, Skipped::default());
            let translated = units.iter().filter(|u| u.variants.len() == 2).count();
            assert_eq!(translated, 144, "{name}");
            assert!(units.iter().all(|u| u.variants[0].lang.as_str() == "en"
                && u.variants.get(1).is_none_or(|v| v.lang.as_str() == lang)));
            let with_context = units
                .iter()
                .filter(|u| prop(u, CONTEXT_PROP).is_some())
                .count();
            assert_eq!(with_context, 12, "{name}");
            let untranslated: Vec<_> = units.iter().filter(|u| u.variants.len() == 1).collect();
            assert_eq!(texts(untranslated[0]), [("en", "FineFindus")]);
            let basic = units
                .iter()
                .find(|u| u.variants[0].segment.text == "Basic")
                .unwrap();
            assert_eq!(
                prop(basic, CONTEXT_PROP),
                Some(
                    "Name of the basic color keyword set from https://www.w3.org/TR/css-color-3/#html4"
                )
            );
            assert_eq!(
                prop(&units[0], REFERENCE_PROP),
                Some(
                    "data/com.github.finefindus.eyedropper.desktop.in.in:3 \
                     data/com.github.finefindus.eyedropper.metainfo.xml.in.in:7 \
                     data/resources/ui/window.blp:38 src/main.rs:30 src/widgets/about_window.rs:29"
                )
            );
        }
        let Some(ar) = shared("eyedropper-ar.po") else {
            return;
        };
        let (units, _) = read_path(&ar, &ReadOptions::default()).unwrap();
        assert_eq!(
            texts(&units[0]),
            [("en", "Eyedropper"), ("ar", "قط\u{651}\u{64e}ارة")]
        );
        assert_eq!(
            texts(&units[2]),
            [
                ("en", "Pick and format colors"),
                ("ar", "انتق\u{650} الألوان ونس\u{651}\u{650}قها")
            ]
        );
        assert_eq!(
            texts(&units[3]),
            [
                ("en", "Gnome;GTK;Color;Colorpicker;Picker;Palette;"),
                (
                    "ar",
                    "جنوم;جتك;لون;منتقي ألوان;منتقي;لوحة ألوان;قطارة;Gnome;GTK;Color;Colorpicker;Picker;Palette;"
                )
            ]
        );
        assert_eq!(
            units[3].props.notes,
            [
                "Translators: Search terms to find this application. Do NOT translate or localize the semicolons! The list MUST also end with a semicolon!"
            ]
        );
        let shaddas = units
            .iter()
            .flat_map(|u| u.variants.get(1))
            .map(|v| v.segment.text.matches('\u{651}').count())
            .sum::<usize>();
        assert_eq!(shaddas, 48);
        let Some(kk) = shared("eyedropper-kk.po") else {
            return;
        };
        let (units, _) = read_path(&kk, &ReadOptions::default()).unwrap();
        let basic = units
            .iter()
            .find(|u| u.variants[0].segment.text == "Basic")
            .unwrap();
        assert_eq!(texts(basic), [("en", "Basic"), ("kk", "Негізгі")]);
        assert_eq!(
            texts(&units[3]),
            [
                ("en", "Gnome;GTK;Color;Colorpicker;Picker;Palette;"),
                ("kk", "Gnome;GTK;Түс;Түс таңдаушы;Таңдаушы;Палитра;")
            ]
        );
    }

    #[test]
    fn okapi_all_cases() {
        let Some(path) = shared("okapi-AllCasesTest.po") else {
            return;
        };
        assert_eq!(
            input_error(read_path(&path, &ReadOptions::default())),
            (None, Reason::PoNoLanguage)
        );
        let (units, skipped) = read_path(&path, &options(Some("fr"))).unwrap();
        assert_eq!(units.len(), 10);
        assert_eq!(skipped.fuzzy, 3);
        let untranslated = &units[3];
        assert_eq!(texts(untranslated), [("en", "Text without translation")]);
        assert_eq!(
            untranslated.props.notes,
            [
                "Comments from a translator about this text",
                "Developer comment"
            ]
        );
        assert_eq!(prop(untranslated, FLAGS_PROP), Some("c-format"));
        assert_eq!(
            texts(&units[4]),
            [
                (
                    "en",
                    "Special chars: \"=quot, &=amp, <=lt, >=gt, '=apos, Ą=U+0104"
                ),
                (
                    "fr",
                    "Characters spéciaux : \"=quot, &=amp, <=lt, >=gt, '=apos, Ą=U+0104"
                )
            ]
        );
        assert_eq!(texts(&units[5]), [("en", "%d file"), ("fr", "%d fichier")]);
        assert_eq!(
            texts(&units[6]),
            [("en", "%d files"), ("fr", "%d fichiers")]
        );
        assert_eq!(texts(&units[7]), [("en", "%d directory left")]);
        assert_eq!(texts(&units[8]), [("en", "%d directories left")]);
        assert_eq!(prop(&units[8], PLURAL_FORM_PROP), Some("1"));
        assert_eq!(texts(&units[9]), [("en", "%1s %2s %3d")]);
        assert_eq!(prop(&units[9], REFERENCE_PROP), Some("/src/string.h:203"));
    }

    #[test]
    fn okapi_windows_1251_without_language() {
        let Some(path) = shared("okapi-Test_DrupalRussianCP1251.po") else {
            return;
        };
        assert_eq!(
            input_error(read_path(&path, &ReadOptions::default())),
            (None, Reason::PoNoLanguage)
        );
        let (units, _) = read_path(&path, &options(Some("ru"))).unwrap();
        assert_eq!(units.len(), 17);
        assert_eq!(units.iter().filter(|u| u.variants.len() == 2).count(), 11);
        assert_eq!(
            texts(&units[0]),
            [
                (
                    "en",
                    "Allows filtered input of various types of informational, context-related links."
                ),
                (
                    "ru",
                    "Позволяет вводить различные контент-зависимые ссылки."
                )
            ]
        );
    }

    #[test]
    fn okapi_without_header_and_with_obsolete_entries() {
        let Some(path) = shared("okapi-fail.po") else {
            return;
        };
        assert_eq!(
            input_error(read_path(&path, &ReadOptions::default())),
            (None, Reason::PoNoLanguage)
        );
        let (units, skipped) = read_path(&path, &options(Some("af"))).unwrap();
        assert_eq!(units.len(), 1);
        assert_eq!(
            texts(&units[0]),
            [("en", "pointing at \"%s\""), ("af", "wys na \"%s\"")]
        );
        assert_eq!(
            skipped,
            Skipped {
                obsolete: 2,
                ..Skipped::default()
            }
        );
    }

    #[test]
    fn okapi_broken_header_is_a_syntax_error() {
        let Some(path) = shared("okapi-msgctxt_notes.po") else {
            return;
        };
        assert_eq!(
            input_error(read_path(&path, &options(Some("fr")))),
            (
                Some((1, 1)),
                Reason::Po("a string without a keyword before it".into())
            )
        );
    }
}
