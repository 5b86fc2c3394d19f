//! The streaming XML layer shared by the TMX and XLIFF readers.
//!
//! [`XmlReader`] wraps quick-xml and adds what a safe, well-formedness-checking reader needs: the
//! declared encoding, a single root element of the expected name, only the five predefined entities
//! and character references (a DOCTYPE that declares entities is refused, nothing is ever
//! expanded or fetched), characters XML 1.0 allows, detection of truncated files, and errors with
//! file, line and column. [`SegmentBuilder`] turns a stream of text and inline elements into a
//! [`Segment`]: plain text plus canonical TMX-style markup.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashSet;
use std::hash::Hash;
use std::io::{BufRead, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use encoding_rs::Encoding;
use quick_xml::XmlVersion;
use quick_xml::errors::{Error as QxError, IllFormedError, SyntaxError};
use quick_xml::escape::{EscapeError, ParseCharRefError};
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;

use super::InputFile;
use super::source::position_at;
use crate::error::{Error, Reason, Result};
use crate::model::{Props, Segment};

/// The UTF-8 encoding of U+FEFF, the byte order mark.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Where the reader is and how positions map back to the file.
struct Context {
    path: PathBuf,
    declared: Option<&'static Encoding>,
    /// Offset of the current event in the decoded stream.
    start: u64,
    /// Where the stream starts in the file's decoded stream (a fragment starts inside it).
    base: u64,
}

impl Context {
    /// An error at `offset` in the decoded stream.
    fn error_at(&self, offset: u64, reason: Reason) -> Error {
        let position = position_at(&self.path, self.declared, self.base + offset);
        Error::input(&self.path, Some(position), reason)
    }

    /// An error at the start of the current event.
    fn error(&self, reason: Reason) -> Error {
        self.error_at(self.start, reason)
    }

    /// Maps a quick-xml error to an input error at the right place.
    fn parse_error(&self, error: QxError, error_offset: u64, end_offset: u64) -> Error {
        let at = |reason| self.error_at(error_offset.max(self.start), reason);
        match error {
            QxError::Io(e) => Error::io(&self.path, std::io::Error::new(e.kind(), e.to_string())),
            QxError::Encoding(_) => {
                // Found in the whole file; offsets here count from `base`.
                let offset = first_invalid_utf8(&self.path, self.declared)
                    .map_or(end_offset, |at| at.saturating_sub(self.base));
                self.error_at(offset, Reason::InvalidUtf8)
            }
            QxError::Syntax(SyntaxError::InvalidBangMarkup) => {
                at(Reason::Xml(SyntaxError::InvalidBangMarkup.to_string()))
            }
            QxError::Syntax(_) => at(Reason::Truncated),
            QxError::IllFormed(IllFormedError::MissingEndTag(_)) => at(Reason::Truncated),
            QxError::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => {
                at(Reason::XmlMismatchedEndTag { expected, found })
            }
            QxError::IllFormed(IllFormedError::UnmatchedEndTag(found)) => {
                at(Reason::XmlUnmatchedEndTag(found))
            }
            QxError::Escape(e) => at(escape_reason(e)),
            other => at(Reason::Xml(other.to_string())),
        }
    }
}

fn escape_reason(error: EscapeError) -> Reason {
    match error {
        EscapeError::UnrecognizedEntity(_, name) => Reason::UndefinedEntity(name),
        EscapeError::InvalidCharRef(
            ParseCharRefError::IllegalCharacter(code) | ParseCharRefError::InvalidCodepoint(code),
        ) => Reason::InvalidXmlChar(code),
        other => Reason::Xml(other.to_string()),
    }
}

/// The five entities XML predefines; nothing else is ever resolved.
fn predefined_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "apos" => "'",
        "quot" => "\"",
        _ => return None,
    })
}

/// Whether XML 1.0 allows the character in a document.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The byte index and value of the first character XML 1.0 does not allow. In UTF-8 these are
/// control bytes and `EF BF BE`/`EF BF BF` (U+FFFE, U+FFFF); blocks of 32 bytes holding neither a
/// forbidden control byte nor 0xEF (a test the compiler turns into a few vector instructions) are
/// skipped at once.
pub(crate) fn first_bad_char(s: &str) -> Option<(usize, u32)> {
    check_chars(s.as_bytes()).err()
}

/// [`first_bad_char`] of UTF-8 `bytes` as an error, else (in the same pass) whether every
/// character is below U+0300: such text is in NFC (see [`crate::text::normalize::nfc`]).
pub(crate) fn check_chars(bytes: &[u8]) -> Result<bool, (usize, u32)> {
    let mut below = true;
    check_chars_noting(bytes, |_| below = false)?;
    Ok(below)
}

/// Bytes [`check_chars_noting`] looks at together.
pub(crate) const PIECE: usize = 32;

/// [`first_bad_char`] of UTF-8 `bytes` as an error, else (in the same pass) `Ok`, having called
/// `marked` with the start of each piece of [`PIECE`] bytes (the last may be shorter) that holds a
/// character at or above U+0300, in order.
pub(crate) fn check_chars_noting(
    bytes: &[u8],
    mut marked: impl FnMut(usize),
) -> Result<(), (usize, u32)> {
    // Tabs and line breaks (between the elements of most files) do not make a piece suspect.
    let suspect =
        |b: u8| u8::from(b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) | u8::from(b == 0xEF);
    let (pieces, rest) = bytes.as_chunks::<PIECE>();
    for (n, piece) in pieces.iter().enumerate() {
        let (any, most) = piece.iter().fold((0u8, 0u8), |(any, most), &b| {
            (any | suspect(b), most.max(b))
        });
        // At or above U+0300: a UTF-8 byte of 0xCC or more. Noted first, as the piece's start
        // may come before a forbidden character in it.
        if most >= 0xCC {
            marked(n * PIECE);
        }
        if any != 0
            && let Some(found) = first_bad_char_in(bytes, n * PIECE..(n + 1) * PIECE)
        {
            return Err(found);
        }
    }
    // The last few bytes one by one (copying them into a piece took a call).
    let start = bytes.len() - rest.len();
    if rest.iter().any(|&b| b >= 0xCC) {
        marked(start);
    }
    if rest.iter().any(|&b| suspect(b) != 0)
        && let Some(found) = first_bad_char_in(bytes, start..bytes.len())
    {
        return Err(found);
    }
    Ok(())
}

/// [`first_bad_char`] starting in `range` of `bytes` (a character may run past its end).
fn first_bad_char_in(bytes: &[u8], range: std::ops::Range<usize>) -> Option<(usize, u32)> {
    for i in range {
        match bytes[i] {
            b @ 0..=0x1F if !matches!(b, b'\t' | b'\n' | b'\r') => return Some((i, b.into())),
            0xEF if bytes.get(i + 1) == Some(&0xBF) => match bytes.get(i + 2) {
                Some(0xBE) => return Some((i, 0xFFFE)),
                Some(0xBF) => return Some((i, 0xFFFF)),
                _ => {}
            },
            _ => {}
        }
    }
    None
}

/// The offset of the first invalid UTF-8 sequence in the decoded stream of `path`.
fn first_invalid_utf8(path: &Path, declared: Option<&'static Encoding>) -> Option<u64> {
    let mut reader = InputFile::open(path).ok()?.into_utf8(declared);
    let mut offset = 0u64;
    let mut pending: Vec<u8> = Vec::new();
    let mut chunk = vec![0u8; 1 << 16];
    loop {
        let n = reader.read(&mut chunk).ok()?;
        let at_end = n == 0;
        pending.extend_from_slice(&chunk[..n]);
        match std::str::from_utf8(&pending) {
            Ok(_) if at_end => return None,
            Ok(_) => {
                offset += pending.len() as u64;
                pending.clear();
            }
            Err(e) if e.error_len().is_some() || at_end => {
                return Some(offset + e.valid_up_to() as u64);
            }
            Err(e) => {
                let valid = e.valid_up_to();
                offset += valid as u64;
                pending.drain(..valid);
            }
        }
    }
}

/// The `encoding` of an XML declaration at the start of `text`.
pub(crate) fn declared_encoding(text: &str) -> Option<&str> {
    let text = text.trim_start_matches('\u{FEFF}');
    let decl = text.strip_prefix("<?xml")?;
    let decl = &decl[..decl.find("?>")?];
    let rest = &decl[decl.find("encoding")? + "encoding".len()..];
    let rest = rest.trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(&value[..value.find(quote)?])
}

/// The encoding to transcode from, given the BOM and the declaration.
fn transcoding(input: &InputFile) -> Result<Option<&'static Encoding>> {
    if input.bom().is_some() {
        return Ok(None);
    }
    input.check_not_bomless_utf16()?;
    let head = input.head_text();
    let Some(label) = declared_encoding(&head) else {
        return Ok(None);
    };
    let lower = label.trim().to_ascii_lowercase();
    if matches!(lower.as_str(), "us-ascii" | "ascii" | "utf-8" | "utf8") {
        return Ok(None);
    }
    match Encoding::for_label(lower.as_bytes()) {
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => {
            Err(Error::input(input.path(), None, Reason::Utf16WithoutBom))
        }
        Some(e) if e == encoding_rs::UTF_8 => Ok(None),
        Some(e) if e != encoding_rs::REPLACEMENT => Ok(Some(e)),
        _ => Err(Error::input(
            input.path(),
            None,
            Reason::UnknownEncoding(label.to_string()),
        )),
    }
}

/// An event as the format readers see it.
pub(crate) enum Ev<'a> {
    /// A start tag.
    Start(Element<'a>),
    /// An empty-element tag (`<x/>`); no `End` follows.
    Empty(Element<'a>),
    /// An end tag (it always matches the last open start tag).
    End,
    /// Character data: text with line ends normalized, a resolved reference, or a CDATA section.
    Text(Cow<'a, str>),
    /// Comments, processing instructions, the declaration and the DOCTYPE.
    Other,
    /// The end of the document.
    Eof,
}

/// A start or empty-element tag.
pub(crate) struct Element<'a> {
    tag: BytesStart<'a>,
    ctx: &'a Context,
    /// Byte ranges of the attribute names and raw values in `tag`, found when it was checked.
    attrs: &'a [AttrRange],
}

/// Where an attribute's name and raw value are in its tag.
type AttrRange = (Range<usize>, Range<usize>);

impl Element<'_> {
    /// The qualified name as written (`xml:lang`, `mda:meta`, `tuv`).
    pub(crate) fn name(&self) -> &str {
        self.tag.name().0
    }

    /// The local name of an unprefixed element, `None` for a prefixed (foreign) one.
    pub(crate) fn plain_name(&self) -> Option<&str> {
        let name = self.name();
        (!name.contains(':')).then_some(name)
    }

    /// The local name, whatever the prefix.
    pub(crate) fn local_name(&self) -> &str {
        let name = self.name();
        name.rsplit_once(':').map_or(name, |(_, local)| local)
    }

    /// Where this element starts in the decoded stream (see [`super::source::position_at`]).
    pub(crate) fn offset(&self) -> u64 {
        self.ctx.start
    }

    /// An error at this element.
    pub(crate) fn error(&self, reason: Reason) -> Error {
        self.ctx.error(reason)
    }

    /// Calls `f` with each attribute's qualified name and normalized value.
    pub(crate) fn for_each_attr(&self, mut f: impl FnMut(&str, &str) -> Result<()>) -> Result<()> {
        let content: &str = &self.tag;
        for (key, value) in self.attrs {
            let attr = Attribute {
                key: QName(&content[key.clone()]),
                value: Cow::Borrowed(&content[value.clone()]),
            };
            let value = normalized_value(&attr, self.ctx)?;
            f(attr.key.0, &value)?;
        }
        Ok(())
    }

    /// The value of one attribute.
    pub(crate) fn attr(&self, name: &str) -> Result<Option<String>> {
        let mut found = None;
        self.for_each_attr(|key, value| {
            if key == name && found.is_none() {
                found = Some(value.to_string());
            }
            Ok(())
        })?;
        Ok(found)
    }
}

/// The value of an attribute with references resolved and whitespace normalized.
fn normalized_value<'a>(attr: &Attribute<'a>, ctx: &Context) -> Result<Cow<'a, str>> {
    if !attr.value.contains(['&', '\t', '\n', '\r']) {
        return Ok(attr.value.clone());
    }
    let value = attr
        .normalized_value_with(XmlVersion::Implicit1_0, 1, predefined_entity)
        .map_err(|e| match e {
            QxError::Escape(e) => ctx.error(escape_reason(e)),
            other => ctx.error(Reason::Xml(other.to_string())),
        })?;
    if let Some((_, c)) = first_bad_char(&value) {
        return Err(ctx.error(Reason::InvalidXmlChar(c)));
    }
    Ok(value)
}

/// Checks the attributes of a tag (syntax, no duplicates, no `<`, known references only) and
/// records where they are.
fn check_attrs(tag: &BytesStart<'_>, ctx: &Context, ranges: &mut Vec<AttrRange>) -> Result<()> {
    ranges.clear();
    let mut many: Option<HashSet<&str>> = None;
    let content: &str = tag;
    let base = content.as_ptr() as usize;
    let range = |s: &str| {
        let start = s.as_ptr() as usize - base;
        start..start + s.len()
    };
    for attr in tag.attributes().with_checks(false) {
        let attr = attr.map_err(|e| ctx.error(Reason::Xml(e.to_string())))?;
        let key = attr.key.0;
        let duplicate = match &mut many {
            Some(seen) => !seen.insert(key),
            None if ranges.len() < 16 => ranges.iter().any(|(k, _)| &content[k.clone()] == key),
            None => {
                let mut seen: HashSet<&str> =
                    ranges.iter().map(|(k, _)| &content[k.clone()]).collect();
                let duplicate = !seen.insert(key);
                many = Some(seen);
                duplicate
            }
        };
        if duplicate {
            return Err(ctx.error(Reason::Xml(format!("duplicate attribute {key}"))));
        }
        if attr.value.contains('<') {
            let reason = Reason::Xml(format!("'<' in the value of attribute {key}"));
            return Err(ctx.error(reason));
        }
        if attr.value.contains('&') {
            normalized_value(&attr, ctx)?;
        }
        let Cow::Borrowed(value) = attr.value else {
            return Err(ctx.error(Reason::Xml(format!("attribute {key}"))));
        };
        ranges.push((range(key), range(value)));
    }
    Ok(())
}

/// A streaming, checking XML reader over an input file.
pub(crate) struct XmlReader {
    reader: quick_xml::Reader<Box<dyn BufRead>>,
    buf: Vec<u8>,
    ctx: Context,
    char_buf: [u8; 4],
    counter: Rc<Cell<u64>>,
    tree: Tree,
    attrs: Vec<AttrRange>,
    /// For a fragment: the elements it started inside, which quick-xml never saw open.
    open: Option<Outer>,
    /// For a fragment: the bytes passed over at its start (see [`XmlReader::fragment`]).
    lead: u64,
}

/// The elements a fragment started inside (the root first), and how many of its own are open.
/// quick-xml checks the end tags of the fragment's own elements; those of the outer ones are
/// checked here, as quick-xml would have checked them in the whole file.
struct Outer {
    names: Vec<&'static str>,
    own: usize,
}

impl Outer {
    fn open(&mut self) {
        self.own += 1;
    }

    /// An end tag named `found`.
    fn close(&mut self, found: &str) -> std::result::Result<(), Reason> {
        if self.own > 0 {
            self.own -= 1;
            return Ok(());
        }
        match self.names.pop() {
            Some(expected) if expected == found => Ok(()),
            Some(expected) => Err(Reason::XmlMismatchedEndTag {
                expected: expected.to_string(),
                found: found.to_string(),
            }),
            None => Err(Reason::XmlUnmatchedEndTag(found.to_string())),
        }
    }
}

/// Where in the element tree the reader is.
struct Tree {
    root: &'static str,
    depth: usize,
    seen_root: bool,
}

impl Tree {
    /// Checks a start or empty tag against the root rules and tracks the depth.
    fn enter(&mut self, tag: &BytesStart<'_>, empty: bool, ctx: &Context) -> Result<()> {
        if self.depth == 0 {
            if self.seen_root {
                let reason = Reason::Xml("a second root element".into());
                return Err(ctx.error(reason));
            }
            let name = tag.name().0;
            let local = name.rsplit_once(':').map_or(name, |(_, local)| local);
            if local != self.root {
                return Err(ctx.error(Reason::WrongRoot {
                    expected: self.root.to_string(),
                    found: name.to_string(),
                }));
            }
            self.seen_root = true;
        }
        if !empty {
            self.depth += 1;
        }
        Ok(())
    }
}

impl XmlReader {
    /// Opens `input`, whose root element must be `root` (compared by local name).
    pub(crate) fn new(input: InputFile, root: &'static str) -> Result<XmlReader> {
        let declared = transcoding(&input)?;
        let path = input.path().to_path_buf();
        let counter = input.counter();
        let mut reader = quick_xml::Reader::from_reader(input.into_utf8(declared));
        let config = reader.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = false;
        config.allow_dangling_amp = false;
        config.trim_text(false);
        Ok(XmlReader {
            reader,
            buf: Vec::with_capacity(1 << 12),
            ctx: Context {
                path,
                declared,
                start: 0,
                base: 0,
            },
            char_buf: [0; 4],
            counter,
            tree: Tree {
                root,
                depth: 0,
                seen_root: false,
            },
            attrs: Vec::new(),
            open: None,
            lead: 0,
        })
    }

    /// A reader of a fragment of the UTF-8 file at `path`: `source` starts at offset `base` of the
    /// file's decoded stream, inside the elements `outer` (the root first), so it ends where they
    /// close. Errors name their place in the whole file.
    pub(crate) fn fragment(
        mut source: Box<dyn BufRead>,
        path: &Path,
        outer: &[&'static str],
        base: u64,
    ) -> XmlReader {
        // quick-xml drops a byte order mark where it starts reading, uncounted; at a fragment's
        // start a U+FEFF is text between elements (passed over), so it is passed over here,
        // counted.
        let mut lead = 0;
        while source
            .fill_buf()
            .is_ok_and(|bytes| bytes.starts_with(UTF8_BOM))
        {
            source.consume(UTF8_BOM.len());
            lead += UTF8_BOM.len() as u64;
        }
        let mut reader = quick_xml::Reader::from_reader(source);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.allow_unmatched_ends = true;
        config.expand_empty_elements = false;
        config.allow_dangling_amp = false;
        config.trim_text(false);
        XmlReader {
            reader,
            buf: Vec::with_capacity(1 << 12),
            ctx: Context {
                path: path.to_path_buf(),
                declared: None,
                start: 0,
                base: base + lead,
            },
            char_buf: [0; 4],
            counter: Rc::new(Cell::new(0)),
            tree: Tree {
                root: outer.first().copied().unwrap_or_default(),
                depth: outer.len(),
                seen_root: true,
            },
            attrs: Vec::new(),
            open: Some(Outer {
                names: outer.to_vec(),
                own: 0,
            }),
            lead,
        }
    }

    /// The file being read.
    pub(crate) fn path(&self) -> &Path {
        &self.ctx.path
    }

    /// Whether the file is read as it is: UTF-8, with no encoding to transcode from.
    pub(crate) fn is_utf8(&self) -> bool {
        self.ctx.declared.is_none()
    }

    /// Where the reader is in the decoded stream: the end of the last event.
    pub(crate) fn position(&self) -> usize {
        (self.lead + self.reader.buffer_position()) as usize
    }

    /// Bytes of the file consumed so far.
    pub(crate) fn bytes_read(&self) -> u64 {
        self.counter.get()
    }

    /// The next event. After an error the reader must not be used again.
    pub(crate) fn next(&mut self) -> Result<Ev<'_>> {
        if self.buf.capacity() > 1 << 20 {
            // Do not keep the memory of one huge text node for the rest of the file.
            self.buf = Vec::with_capacity(1 << 12);
        }
        self.buf.clear();
        let start = self.reader.buffer_position();
        self.ctx.start = start;
        let event = match self.reader.read_event_into(&mut self.buf) {
            Ok(event) => event,
            Err(e) => {
                let (error_at, end) = (self.reader.error_position(), self.reader.buffer_position());
                return Err(self.ctx.parse_error(e, error_at, end));
            }
        };
        let ctx = &self.ctx;
        let check = |raw: &str, skip: u64| match first_bad_char(raw) {
            Some((i, c)) => Err(ctx.error_at(start + skip + i as u64, Reason::InvalidXmlChar(c))),
            None => Ok(()),
        };
        match event {
            Event::Start(tag) | Event::Empty(tag) if tag.name().0.is_empty() => {
                Err(ctx.error(Reason::Xml("element without a name".into())))
            }
            Event::Start(tag) => {
                check(&tag, 1)?;
                check_attrs(&tag, ctx, &mut self.attrs)?;
                self.tree.enter(&tag, false, ctx)?;
                if let Some(open) = self.open.as_mut() {
                    open.open();
                }
                let attrs = &self.attrs;
                Ok(Ev::Start(Element { tag, ctx, attrs }))
            }
            Event::Empty(tag) => {
                check(&tag, 1)?;
                check_attrs(&tag, ctx, &mut self.attrs)?;
                self.tree.enter(&tag, true, ctx)?;
                let attrs = &self.attrs;
                Ok(Ev::Empty(Element { tag, ctx, attrs }))
            }
            Event::End(end) => {
                if let Some(open) = self.open.as_mut() {
                    open.close(end.name().0)
                        .map_err(|reason| ctx.error(reason))?;
                }
                self.tree.depth -= 1;
                Ok(Ev::End)
            }
            Event::Text(text) => {
                check(&text, 0)?;
                if self.tree.depth == 0 && !text.bytes().all(|b| b.is_ascii_whitespace()) {
                    let reason = Reason::Xml("text outside the root element".into());
                    return Err(ctx.error(reason));
                }
                Ok(Ev::Text(text.xml10_content()))
            }
            Event::CData(data) => {
                check(&data, 9)?;
                if self.tree.depth == 0 {
                    let reason = Reason::Xml("CDATA outside the root element".into());
                    return Err(ctx.error(reason));
                }
                Ok(Ev::Text(data.xml10_content()))
            }
            Event::GeneralRef(reference) => {
                if self.tree.depth == 0 {
                    let reason = Reason::Xml("reference outside the root element".into());
                    return Err(ctx.error(reason));
                }
                if let Some(text) = predefined_entity(&reference) {
                    return Ok(Ev::Text(Cow::Borrowed(text)));
                }
                let c = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    Ok(None) => {
                        return Err(ctx.error(Reason::UndefinedEntity(reference.to_string())));
                    }
                    Err(QxError::Escape(e)) => return Err(ctx.error(escape_reason(e))),
                    Err(e) => return Err(ctx.error(Reason::Xml(e.to_string()))),
                };
                if !is_xml_char(c) {
                    return Err(ctx.error(Reason::InvalidXmlChar(c as u32)));
                }
                Ok(Ev::Text(Cow::Borrowed(c.encode_utf8(&mut self.char_buf))))
            }
            Event::DocType(doctype) => {
                check(&doctype, 0)?;
                if doctype.contains("<!ENTITY") {
                    return Err(ctx.error(Reason::EntityDeclaration));
                }
                Ok(Ev::Other)
            }
            Event::Comment(text) => {
                check(&text, 4)?;
                Ok(Ev::Other)
            }
            Event::PI(pi) => {
                check(&pi, 2)?;
                Ok(Ev::Other)
            }
            Event::Decl(_) => Ok(Ev::Other),
            Event::Eof if self.tree.depth > 0 || !self.tree.seen_root => {
                Err(ctx.error_at(self.reader.buffer_position(), Reason::Truncated))
            }
            Event::Eof => Ok(Ev::Eof),
        }
    }

    /// Skips the rest of the element whose start tag was just read.
    pub(crate) fn skip(&mut self) -> Result<()> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.next()? {
                Ev::Start(_) => depth += 1,
                Ev::End => depth -= 1,
                _ => {}
            }
        }
        Ok(())
    }

    /// Appends the text of the element whose start tag was just read (nested elements included)
    /// to `out` and consumes its end tag.
    pub(crate) fn read_text(&mut self, out: &mut String) -> Result<()> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.next()? {
                Ev::Start(_) => depth += 1,
                Ev::End => depth -= 1,
                Ev::Text(text) => out.push_str(&text),
                _ => {}
            }
        }
        Ok(())
    }
}

/// Removes later duplicates (by `key`) from `items`, keeping the order, in linear time.
fn dedup_by_key<T, K: Eq + Hash>(items: &mut Vec<T>, key: impl Fn(&T) -> &K) {
    if items.len() < 2 {
        return;
    }
    if items.len() <= 16 {
        let mut i = 1;
        while i < items.len() {
            if items[..i]
                .iter()
                .any(|earlier| key(earlier) == key(&items[i]))
            {
                items.remove(i);
            } else {
                i += 1;
            }
        }
        return;
    }
    let mut seen = HashSet::with_capacity(items.len());
    let keep: Vec<bool> = items.iter().map(|item| seen.insert(key(item))).collect();
    let mut keep = keep.into_iter();
    items.retain(|_| keep.next().unwrap_or(true));
}

/// Makes props gathered with plain pushes follow the [`Props`] rules: no duplicate notes or
/// props, one value per attribute (the first).
pub(crate) fn dedup_props(props: &mut Props) {
    dedup_by_key(&mut props.attrs, |(name, _)| name);
    dedup_by_key(&mut props.notes, |note| note);
    dedup_by_key(&mut props.props, |prop| prop);
}

/// Appends `text` escaped for element content.
pub(crate) fn escape_text(out: &mut String, text: &str) {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let replacement = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'\r' => "&#13;",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(replacement);
        last = i + 1;
    }
    out.push_str(&text[last..]);
}

/// Appends `value` escaped for a double-quoted attribute value (whitespace other than spaces as
/// character references, so that attribute normalization keeps it).
pub(crate) fn escape_attr(out: &mut String, value: &str) {
    let mut last = 0;
    for (i, b) in value.bytes().enumerate() {
        let replacement = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'"' => "&quot;",
            b'\t' => "&#9;",
            b'\n' => "&#10;",
            b'\r' => "&#13;",
            _ => continue,
        };
        out.push_str(&value[last..i]);
        out.push_str(replacement);
        last = i + 1;
    }
    out.push_str(&value[last..]);
}

/// Whether the content of an inline element is native code rather than text.
fn is_native_code(name: &str) -> bool {
    matches!(name, "bpt" | "ept" | "it" | "ph" | "ut" | "sub")
}

/// Builds a [`Segment`] from text and TMX inline elements.
///
/// `text` collects the text outside native codes (`bpt`, `ept`, `it`, `ph`, `ut` and `sub`
/// content is left out, `hi` content kept). The markup is the canonical serialization: text with
/// `&`, `<`, `>` (and CR) escaped, attributes in double quotes. It is only built once the first
/// element appears, from the text so far.
#[derive(Default)]
pub(crate) struct SegmentBuilder {
    text: String,
    markup: String,
    inline: bool,
    /// Names of the open elements, concatenated; `open` holds (start in `names`, native code).
    names: String,
    open: Vec<(usize, bool)>,
    /// A start tag is being written (attributes may follow).
    in_tag: bool,
}

impl SegmentBuilder {
    /// Character data.
    pub(crate) fn text(&mut self, text: &str) {
        self.close_tag();
        if !self.open.last().is_some_and(|&(_, native)| native) {
            self.text.push_str(text);
        }
        if self.inline {
            escape_text(&mut self.markup, text);
        }
    }

    /// Starts writing the start tag of `name`; attributes may follow with [`Self::attr`].
    pub(crate) fn start(&mut self, name: &str, empty: bool) {
        self.close_tag();
        if !self.inline {
            self.inline = true;
            self.markup.clear();
            escape_text(&mut self.markup, &self.text);
        }
        self.markup.push('<');
        self.markup.push_str(name);
        if empty {
            // Empty elements are closed by `close_tag` with `/>`; mark with a sentinel entry.
            self.open.push((usize::MAX, false));
        } else {
            let native = is_native_code(name) || self.open.last().is_some_and(|&(_, n)| n);
            self.open.push((self.names.len(), native));
            self.names.push_str(name);
        }
        self.in_tag = true;
    }

    /// An attribute of the start tag being written.
    pub(crate) fn attr(&mut self, name: &str, value: &str) {
        self.markup.push(' ');
        self.markup.push_str(name);
        self.markup.push_str("=\"");
        escape_attr(&mut self.markup, value);
        self.markup.push('"');
    }

    /// Ends a start tag being written.
    fn close_tag(&mut self) {
        if !self.in_tag {
            return;
        }
        self.in_tag = false;
        if self
            .open
            .last()
            .is_some_and(|&(start, _)| start == usize::MAX)
        {
            self.open.pop();
            self.markup.push_str("/>");
        } else {
            self.markup.push('>');
        }
    }

    /// Writes an empty element with attributes.
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start(name, true);
        for (key, value) in attrs {
            self.attr(key, value);
        }
        self.close_tag();
    }

    /// Closes the innermost open element; `false` when none is open (the end tag is the
    /// container's).
    pub(crate) fn end(&mut self) -> bool {
        self.close_tag();
        let Some((start, _)) = self.open.pop() else {
            return false;
        };
        self.markup.push_str("</");
        self.markup.push_str(&self.names[start..]);
        self.markup.push('>');
        self.names.truncate(start);
        true
    }

    /// The segment built so far; the builder is reset.
    pub(crate) fn finish(&mut self) -> Segment {
        while self.end() {}
        // Copies of the exact size; the builder keeps its buffers for the next segment.
        let markup = self.inline.then(|| self.markup.clone());
        self.inline = false;
        self.markup.clear();
        let text = self.text.clone();
        self.text.clear();
        Segment { text, markup }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_characters_are_found_in_every_position() {
        assert_eq!(first_bad_char("plain ASCII text, long enough"), None);
        assert_eq!(first_bad_char("Қазақ тілі\t\n\r"), None);
        assert_eq!(first_bad_char("0123456789\u{3}"), Some((10, 3)));
        assert_eq!(first_bad_char("ab\u{FFFE}"), Some((2, 0xFFFE)));
        assert_eq!(first_bad_char("ӘӘӘӘӘ\u{FFFF}"), Some((10, 0xFFFF)));
        assert_eq!(first_bad_char("\u{F8FF}\u{FFFD}\u{1D400}"), None);
    }

    proptest::proptest! {
        /// Whatever the blocks the text falls into, the first character XML forbids is found,
        /// as a walk over the characters finds it.
        #[test]
        fn the_first_bad_character_is_the_one_a_walk_finds(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", "ə", "Қ", "ع", "\t", "\n", "\u{1}", "\u{1F}",
                    "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{EFFF}", "\u{F000}", "\u{1D400}",
                    "plain ASCII text, long enough to fill a block"]),
                0..40,
            )
        ) {
            let text = pieces.concat();
            let walk = text
                .char_indices()
                .find(|&(_, c)| !is_xml_char(c))
                .map(|(i, c)| (i, u32::from(c)));
            proptest::prop_assert_eq!(first_bad_char(&text), walk);
        }
    }

    #[test]
    fn declared_encoding_is_read_from_the_declaration() {
        assert_eq!(
            declared_encoding("<?xml version='1.0' encoding = 'windows-1252' ?>"),
            Some("windows-1252")
        );
        assert_eq!(
            declared_encoding("<?xml version=\"1.0\"?><a encoding=\"x\"/>"),
            None
        );
        assert_eq!(declared_encoding("<tmx/>"), None);
    }

    #[test]
    fn builder_keeps_text_outside_codes_and_serializes_canonically() {
        let mut b = SegmentBuilder::default();
        b.text("a & b ");
        b.start("bpt", false);
        b.attr("i", "1");
        b.attr("type", "\"q\"\t");
        b.text("<b>");
        b.end();
        b.text("bold");
        b.empty("ept", &[("i", "1")]);
        b.start("hi", false);
        b.text(" hi\r");
        b.end();
        let segment = b.finish();
        assert_eq!(segment.text, "a & b bold hi\r");
        assert_eq!(
            segment.markup.as_deref(),
            Some(
                "a &amp; b <bpt i=\"1\" type=\"&quot;q&quot;&#9;\">&lt;b&gt;</bpt>bold<ept i=\"1\"/><hi> hi&#13;</hi>"
            )
        );
        b.text("plain");
        assert_eq!(b.finish(), Segment::plain("plain"));
    }

    #[test]
    fn dedup_keeps_the_first_of_each_in_order() {
        for n in [5usize, 50] {
            let mut props = Props::default();
            for i in 0..n {
                props.attrs.push((format!("a{}", i % 3), i.to_string()));
                props.notes.push(format!("n{}", i % 4));
            }
            dedup_props(&mut props);
            let attrs: Vec<(&str, &str)> = props
                .attrs
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            assert_eq!(attrs, [("a0", "0"), ("a1", "1"), ("a2", "2")]);
            assert_eq!(props.notes, ["n0", "n1", "n2", "n3"]);
        }
    }
}
