//! Filling the empty targets of an XLIFF 1.2 or 2.0 file in place: the file's bytes are copied and
//! only the targets, their states and the match records are spliced in, so everything else (layout,
//! comments, other namespaces, untouched units) stays byte for byte.
//!
//! - XLIFF 1.2: a missing or empty `<target>` of a `<trans-unit>` gets the text with
//!   `state="translated" state-qualifier="exact-match"` (100 and 101) or
//!   `state="needs-review-translation" state-qualifier="leveraged-tm"` (fuzzy), followed by an
//!   `<alt-trans match-quality="…" origin="tarjuman">` with the memory's source and target (XLIFF 1.2
//!   §2.5.4 and the `state`/`state-qualifier` value lists of the 1.2 specification).
//! - XLIFF 2.0: the `<segment>` gets `state="translated"` (100 and 101) or `state="initial"` (fuzzy)
//!   with `subState="tarjuman:exact-match"` or `"tarjuman:leveraged-tm"` (§4.3.1.29/.30: a
//!   `prefix:value` refinement of `state`), and the `<unit>` gets a Translation Candidates module
//!   element `<mtc:matches>` whose `<mtc:match ref="#SEGMENT" similarity="…" type="tm">` records
//!   the score (§5.2; a segment without an `id` gets one so that it can be referenced). A root
//!   without `trgLang` gets one.
//!
//! A source with inline codes (1.2 `<g>`, `<x/>`, `<bx/>`/`<ex/>`, `<bpt>`/`<ept>`, `<ph>`, `<it>`,
//! `<mrk>`; 2.0 `<ph/>`, `<pc>`, `<sc/>`/`<ec/>`, `<mrk>`, `<sm/>`/`<em/>`) is matched by its text,
//! and its target gets copies of the source's codes, ids and all, placed as [`crate::memory::codes`]
//! decides. A segment whose source holds an element of another namespace is left alone (its copy
//! could lose the namespace declaration). The file must be UTF-8 (a byte-order mark is kept).

use std::ops::Range;
use std::path::Path;

use super::InputFile;
use super::xml::{Ev, XmlReader, escape_attr, escape_text};
use crate::error::{Error, Reason, Result};
use crate::memory::codes::{Carried, Code, Piece, Role};
use crate::model::LangTag;

/// The namespace of the XLIFF 2.0 Translation Candidates module.
const MTC_NAMESPACE: &str = "urn:oasis:names:tc:xliff:matches:2.0";

/// A segment of the file and whether it can be filled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XliffSegment {
    /// The source as plain text (the content of native codes such as `<bpt>` left out, as import
    /// does).
    pub source: String,
    /// The source as text and codes.
    pub content: Vec<Piece>,
    /// The source's inline codes.
    pub codes: Vec<Code>,
    /// The unit's `resname` (1.2) or `name` (2.0).
    pub name: Option<String>,
    /// The source has an inline element of another namespace: the segment is not filled.
    pub foreign: bool,
    /// The target is missing or empty (and the unit is translatable).
    pub open: bool,
}

/// What to put into a segment.
#[derive(Clone, Debug, PartialEq)]
pub struct Fill {
    /// The translation as plain text.
    pub target: String,
    /// Percent (101 for a context match).
    pub score: f64,
    /// The memory's source, recorded with the match.
    pub memory_source: String,
    /// The translation with the segment's inline codes, for a segment that has some.
    pub codes: Option<Carried>,
}

impl Fill {
    /// Whether the fill is a translation rather than a match to review: 100 % or a context match,
    /// with the segment's codes, if any, where the memory has them.
    pub fn exact(&self) -> bool {
        self.score >= 100.0 && self.codes.as_ref().is_none_or(|c| c.placed && c.identical)
    }
}

/// Where a segment's pieces are in the file.
#[derive(Clone, Debug, Default)]
struct Spots {
    /// The end of `</source>` (or `</seg-source>`), where a missing target goes.
    after_source: usize,
    /// The existing empty `<target>` element, and its start tag.
    target: Option<(Range<usize>, Range<usize>)>,
    /// 2.0: the `<segment>` start tag and its `id`.
    segment_tag: Range<usize>,
    segment_id: Option<String>,
    /// 2.0: the index of the unit.
    unit: usize,
    /// The XML of each inline code of the source, as written.
    codes: Vec<Range<usize>>,
}

/// An XLIFF file read for filling.
pub struct XliffFile {
    bytes: Vec<u8>,
    v2: bool,
    /// The root start tag and whether it has `trgLang` (2.0).
    root_tag: Range<usize>,
    has_trg_lang: bool,
    /// 2.0: the end of each `<unit>` start tag, and the segment ids in the unit.
    units: Vec<(usize, Vec<String>)>,
    segments: Vec<XliffSegment>,
    spots: Vec<Spots>,
}

/// The attributes of a raw start tag: name range and the whole range with the white space before
/// it.
fn attr_spans(tag: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let bytes = tag.as_bytes();
    let mut spans = Vec::new();
    let mut i = tag
        .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        .unwrap_or(tag.len());
    loop {
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let name_start = i;
        while i < bytes.len()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
            && !bytes[i].is_ascii_whitespace()
        {
            i += 1;
        }
        if i == name_start {
            return spans;
        }
        let name = name_start..i;
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'=') {
            i += 1;
        }
        let Some(&quote) = bytes.get(i) else {
            return spans;
        };
        let value_start = i + 1;
        let Some(len) = tag[value_start..].find(quote as char) else {
            return spans;
        };
        i = value_start + len + 1;
        spans.push((name, start..i));
    }
}

/// A raw start tag without the attributes `remove`, with `add` (` name="value"` pieces) before its
/// end; `open` turns an empty-element tag into a start tag.
fn rewrite_tag(tag: &str, remove: &[&str], add: &str, open: bool) -> String {
    let mut out = String::with_capacity(tag.len() + add.len());
    let mut at = 0;
    for (name, whole) in attr_spans(tag) {
        if remove.contains(&&tag[name]) {
            out.push_str(&tag[at..whole.start]);
            at = whole.end;
        }
    }
    let body = tag[at..].trim_end_matches('>');
    let (body, empty) = match body.strip_suffix('/') {
        Some(b) => (b, true),
        None => (body, false),
    };
    out.push_str(body.trim_end());
    out.push_str(add);
    out.push_str(if empty && !open { "/>" } else { ">" });
    out
}

/// ` name="value"`, escaped.
fn attr(name: &str, value: &str) -> String {
    let mut out = format!(" {name}=\"");
    escape_attr(&mut out, value);
    out.push('"');
    out
}

fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_text(&mut out, text);
    out
}

/// The score as the files record it: up to two decimals.
fn score_text(score: f64) -> String {
    let text = format!("{score:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl XliffFile {
    /// Reads the XLIFF file at `path`.
    pub fn read(path: &Path) -> Result<XliffFile> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let input = InputFile::open(path)?;
        let bom = match input.bom() {
            None => 0,
            Some(e) if e == encoding_rs::UTF_8 => 3,
            Some(_) => return Err(Error::input(path, None, Reason::NotUtf8)),
        };
        if std::str::from_utf8(&bytes).is_err() {
            return Err(Error::input(path, None, Reason::InvalidUtf8));
        }
        let mut xml = XmlReader::new(input, "xliff")?;
        let mut file = XliffFile {
            bytes,
            v2: false,
            root_tag: 0..0,
            has_trg_lang: false,
            units: Vec::new(),
            segments: Vec::new(),
            spots: Vec::new(),
        };
        let mut stack: Vec<String> = Vec::new();
        let mut current: Option<(XliffSegment, Spots)> = None;
        let mut unit_name: Option<String> = None;
        let mut translate = true;
        let mut at = bom + xml.position();
        loop {
            let item = Item::of(xml.next()?)?;
            let end = bom + xml.position();
            match item {
                Item::Eof => break,
                Item::Start(el) | Item::Empty(el) if stack.is_empty() => {
                    file.v2 = el.version.is_some_and(|v| v.starts_with('2'));
                    file.has_trg_lang = el.trg_lang;
                    file.root_tag = at..end;
                    stack.push(el.name);
                }
                Item::Start(el) => {
                    let parent = stack.last().map(String::as_str).unwrap_or_default();
                    match (el.name.as_str(), parent) {
                        ("trans-unit", _) if !file.v2 => {
                            unit_name = el.resname.clone();
                            translate = el.translate;
                            current = Some((new_segment(&unit_name, translate), Spots::default()));
                        }
                        ("unit", _) if file.v2 => {
                            unit_name = el.unit_name.clone();
                            translate = el.translate;
                            file.units.push((end, Vec::new()));
                        }
                        ("segment", "unit") if file.v2 => {
                            if let (Some(id), Some(unit)) = (&el.id, file.units.last_mut()) {
                                unit.1.push(id.clone());
                            }
                            let spots = Spots {
                                segment_tag: at..end,
                                segment_id: el.id.clone(),
                                unit: file.units.len().saturating_sub(1),
                                ..Spots::default()
                            };
                            current = Some((new_segment(&unit_name, translate), spots));
                        }
                        ("source", "trans-unit" | "segment") | ("seg-source", "trans-unit") => {
                            let content = read_content(&mut xml, bom, file.v2)?;
                            if let Some((segment, spots)) = current.as_mut() {
                                if el.name == "source" {
                                    segment.source = content.text;
                                    segment.content = content.pieces;
                                    segment.codes = content.codes;
                                    segment.foreign = content.foreign;
                                    spots.codes = content.xml;
                                }
                                spots.after_source = bom + xml.position();
                            }
                            at = bom + xml.position();
                            continue;
                        }
                        ("target", "trans-unit" | "segment") => {
                            let content = read_content(&mut xml, bom, file.v2)?;
                            let after = bom + xml.position();
                            if let Some((segment, spots)) = current.as_mut() {
                                if !content.codes.is_empty()
                                    || content.foreign
                                    || !content.text.trim().is_empty()
                                {
                                    segment.open = false;
                                } else {
                                    spots.target = Some((at..after, at..end));
                                }
                            }
                            at = after;
                            continue;
                        }
                        _ => {}
                    }
                    stack.push(el.name);
                }
                Item::Empty(el) => {
                    let parent = stack.last().map(String::as_str).unwrap_or_default();
                    if el.name == "target"
                        && matches!(parent, "trans-unit" | "segment")
                        && let Some((_, spots)) = current.as_mut()
                    {
                        spots.target = Some((at..end, at..end));
                    }
                }
                Item::End => {
                    let name = stack.pop().unwrap_or_default();
                    if matches!(name.as_str(), "trans-unit" | "segment")
                        && let Some((segment, spots)) = current.take()
                    {
                        file.segments.push(segment);
                        file.spots.push(spots);
                    }
                }
                Item::Other => {}
            }
            at = end;
        }
        Ok(file)
    }

    /// Whether the file is XLIFF 2.
    pub fn is_v2(&self) -> bool {
        self.v2
    }

    /// The segments in file order.
    pub fn segments(&self) -> &[XliffSegment] {
        &self.segments
    }

    /// The file with `fills` (one per segment, `None` to leave it) spliced in; segments that are
    /// not open or hold foreign elements are left as they are.
    pub fn filled(&self, fills: &[Option<Fill>], to: &LangTag) -> Vec<u8> {
        let mut edits: Vec<(Range<usize>, String)> = Vec::new();
        let tag = |r: &Range<usize>| String::from_utf8_lossy(&self.bytes[r.clone()]).into_owned();
        let mut matches: Vec<String> = vec![String::new(); self.units.len()];
        let mut used_ids: Vec<Vec<String>> = self.units.iter().map(|u| u.1.clone()).collect();
        let mut any = false;
        for ((segment, spots), fill) in self.segments.iter().zip(&self.spots).zip(fills) {
            let Some(fill) = fill else { continue };
            if !segment.open || segment.foreign {
                continue;
            }
            any = true;
            let exact = fill.exact();
            let target = match &fill.codes {
                Some(carried) => {
                    let mut out = String::new();
                    for piece in &carried.pieces {
                        match piece {
                            Piece::Text(text) => escape_text(&mut out, text),
                            Piece::Code(i) => out.push_str(&String::from_utf8_lossy(
                                &self.bytes[spots.codes[*i].clone()],
                            )),
                        }
                    }
                    out
                }
                None => escaped(&fill.target),
            };
            if self.v2 {
                let id = match &spots.segment_id {
                    Some(id) => id.clone(),
                    None => {
                        let ids = &mut used_ids[spots.unit];
                        let id = (1..)
                            .map(|n| format!("tarjuman{n}"))
                            .find(|c| !ids.contains(c))
                            .unwrap_or_default();
                        ids.push(id.clone());
                        id
                    }
                };
                let mut add = v2_state(fill);
                if spots.segment_id.is_none() {
                    add = attr("id", &id) + &add;
                }
                let segment_tag = rewrite_tag(
                    &tag(&spots.segment_tag),
                    &["state", "subState"],
                    &add,
                    false,
                );
                edits.push((spots.segment_tag.clone(), segment_tag));
                match &spots.target {
                    Some((whole, start)) => {
                        let open = rewrite_tag(&tag(start), &[], "", true);
                        edits.push((whole.clone(), format!("{open}{target}</target>")));
                    }
                    None => edits.push((
                        spots.after_source..spots.after_source,
                        format!("<target>{target}</target>"),
                    )),
                }
                matches[spots.unit].push_str(&v2_match(&id, fill));
            } else {
                let (state, qualifier) = if exact {
                    ("translated", "exact-match")
                } else {
                    ("needs-review-translation", "leveraged-tm")
                };
                let add = attr("state", state) + &attr("state-qualifier", qualifier);
                let alt = format!(
                    "<alt-trans match-quality=\"{}\" origin=\"tarjuman\"><source>{}</source><target>{}</target></alt-trans>",
                    score_text(fill.score),
                    escaped(&fill.memory_source),
                    escaped(&fill.target),
                );
                match &spots.target {
                    Some((whole, start)) => {
                        let open =
                            rewrite_tag(&tag(start), &["state", "state-qualifier"], &add, true);
                        edits.push((whole.clone(), format!("{open}{target}</target>{alt}")));
                    }
                    None => edits.push((
                        spots.after_source..spots.after_source,
                        format!("<target{add}>{target}</target>{alt}"),
                    )),
                }
            }
        }
        if self.v2 {
            for ((unit_start, _), found) in self.units.iter().zip(&matches) {
                if !found.is_empty() {
                    edits.push((
                        *unit_start..*unit_start,
                        format!("<mtc:matches xmlns:mtc=\"{MTC_NAMESPACE}\">{found}</mtc:matches>"),
                    ));
                }
            }
            if any && !self.has_trg_lang {
                let root = rewrite_tag(
                    &tag(&self.root_tag),
                    &[],
                    &attr("trgLang", to.as_str()),
                    false,
                );
                edits.push((self.root_tag.clone(), root));
            }
        }
        edits.sort_by_key(|(r, _)| (r.start, r.end));
        let mut out = Vec::with_capacity(self.bytes.len() + edits.len() * 64);
        let mut at = 0;
        for (range, text) in edits {
            out.extend_from_slice(&self.bytes[at..range.start]);
            out.extend_from_slice(text.as_bytes());
            at = range.end;
        }
        out.extend_from_slice(&self.bytes[at..]);
        out
    }
}

/// What the reader needs of a tag.
struct Tag {
    name: String,
    version: Option<String>,
    trg_lang: bool,
    resname: Option<String>,
    unit_name: Option<String>,
    id: Option<String>,
    translate: bool,
}

/// An event with what the reader needs of it, owned.
enum Item {
    Start(Tag),
    Empty(Tag),
    End,
    Other,
    Eof,
}

impl Item {
    fn of(event: Ev<'_>) -> Result<Item> {
        let tag = |el: &super::xml::Element<'_>| -> Result<Tag> {
            Ok(Tag {
                name: el.local_name().to_string(),
                version: el.attr("version")?,
                trg_lang: el.attr("trgLang")?.is_some(),
                resname: el.attr("resname")?,
                unit_name: el.attr("name")?,
                id: el.attr("id")?,
                translate: el.attr("translate")?.as_deref() != Some("no"),
            })
        };
        Ok(match event {
            Ev::Start(el) => Item::Start(tag(&el)?),
            Ev::Empty(el) => Item::Empty(tag(&el)?),
            Ev::End => Item::End,
            Ev::Text(_) | Ev::Other => Item::Other,
            Ev::Eof => Item::Eof,
        })
    }
}

/// `state` and `subState` of an XLIFF 2.0 segment filled with `fill`.
fn v2_state(fill: &Fill) -> String {
    let (state, sub) = if fill.exact() {
        ("translated", "tarjuman:exact-match")
    } else {
        ("initial", "tarjuman:leveraged-tm")
    };
    attr("state", state) + &attr("subState", sub)
}

/// The Translation Candidates record of a fill for segment `id`.
fn v2_match(id: &str, fill: &Fill) -> String {
    format!(
        "<mtc:match ref=\"#{}\" similarity=\"{}\" type=\"tm\" origin=\"tarjuman\"><source>{}</source><target>{}</target></mtc:match>",
        escaped(id),
        score_text(fill.score.min(100.0)),
        escaped(&fill.memory_source),
        escaped(&fill.target),
    )
}

/// A new XLIFF 2.0 document for the segments of a plain document named `original`: a unit per
/// segment, with the target and the match record where a fill is given.
pub fn new_xliff2(
    original: &str,
    from: &LangTag,
    to: &LangTag,
    segments: &[(String, Option<Fill>)],
) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\"{}{}>\n",
        attr("srcLang", from.as_str()),
        attr("trgLang", to.as_str())
    ));
    out.push_str(&format!(
        " <file{}{}>\n",
        attr("id", "f1"),
        attr("original", original)
    ));
    for (i, (source, fill)) in segments.iter().enumerate() {
        let n = i + 1;
        out.push_str(&format!("  <unit id=\"u{n}\">\n"));
        let id = format!("s{n}");
        match fill {
            Some(fill) => {
                out.push_str(&format!(
                    "   <mtc:matches xmlns:mtc=\"{MTC_NAMESPACE}\">{}</mtc:matches>\n",
                    v2_match(&id, fill)
                ));
                out.push_str(&format!(
                    "   <segment id=\"{id}\"{}><source>{}</source><target>{}</target></segment>\n",
                    v2_state(fill),
                    escaped(source),
                    escaped(&fill.target)
                ));
            }
            None => out.push_str(&format!(
                "   <segment id=\"{id}\"><source>{}</source></segment>\n",
                escaped(source)
            )),
        }
        out.push_str("  </unit>\n");
    }
    out.push_str(" </file>\n</xliff>\n");
    out
}

fn new_segment(name: &Option<String>, translate: bool) -> XliffSegment {
    XliffSegment {
        source: String::new(),
        content: Vec::new(),
        codes: Vec::new(),
        name: name.clone(),
        foreign: false,
        open: translate,
    }
}

/// The content of a `<source>` or `<target>`.
#[derive(Default)]
struct Content {
    /// The text outside native codes.
    text: String,
    pieces: Vec<Piece>,
    codes: Vec<Code>,
    /// Where each code's XML is.
    xml: Vec<Range<usize>>,
    /// An inline element of another namespace.
    foreign: bool,
}

impl Content {
    fn push_text(&mut self, text: &str) {
        self.text.push_str(text);
        match self.pieces.last_mut() {
            Some(Piece::Text(t)) => t.push_str(text),
            _ => self.pieces.push(Piece::Text(text.to_string())),
        }
    }

    fn push_code(&mut self, code: Code, xml: Range<usize>) -> usize {
        let index = self.codes.len();
        self.pieces.push(Piece::Code(index));
        self.codes.push(code);
        self.xml.push(xml);
        index
    }
}

/// What the reader needs of an inline element's tag.
struct InlineTag {
    name: String,
    /// The element has a namespace prefix.
    foreign: bool,
    id: Option<String>,
    rid: Option<String>,
    start_ref: Option<String>,
    isolated: bool,
    /// `canReorder="no"` or `"firstNo"`.
    fixed: bool,
    hex: Option<String>,
}

impl InlineTag {
    fn of(el: &super::xml::Element<'_>) -> Result<InlineTag> {
        Ok(InlineTag {
            name: el.local_name().to_string(),
            foreign: el.plain_name().is_none(),
            id: el.attr("id")?,
            rid: el.attr("rid")?,
            start_ref: el.attr("startRef")?,
            isolated: el.attr("isolated")?.as_deref() == Some("yes"),
            fixed: matches!(el.attr("canReorder")?.as_deref(), Some("no" | "firstNo")),
            hex: el.attr("hex")?,
        })
    }
}

/// How an inline element is taken.
enum Inline {
    /// One code; its content (if any) is native code, not text.
    Code(Role, Option<String>),
    /// A pair of codes around text: the start and the end tag.
    Element,
    /// A character (2.0 `<cp hex>`).
    Char(Option<char>),
}

/// Reads the content of the element whose start tag was just read, as text and inline codes.
fn read_content(xml: &mut XmlReader, bom: usize, v2: bool) -> Result<Content> {
    let mut content = Content::default();
    // The open paired elements: the index of their opening code.
    let mut elements: Vec<usize> = Vec::new();
    // The opening codes of spans waiting for their closing code, by key.
    let mut spans: Vec<(String, usize)> = Vec::new();
    let mut at = bom + xml.position();
    loop {
        let event = match xml.next()? {
            Ev::Start(el) => Some((InlineTag::of(&el)?, false)),
            Ev::Empty(el) => Some((InlineTag::of(&el)?, true)),
            Ev::Text(text) => {
                content.push_text(&text);
                None
            }
            Ev::End => {
                let end = bom + xml.position();
                let Some(open) = elements.pop() else {
                    return Ok(content);
                };
                let code = Code {
                    role: Role::Close,
                    partner: Some(open),
                    ..content.codes[open].clone()
                };
                let index = content.push_code(code, at..end);
                content.codes[open].partner = Some(index);
                None
            }
            Ev::Other => None,
            Ev::Eof => return Ok(content),
        };
        let end = bom + xml.position();
        let Some((tag, empty)) = event else {
            at = end;
            continue;
        };
        content.foreign |= tag.foreign;
        let InlineTag {
            name,
            id,
            rid,
            start_ref,
            isolated,
            fixed,
            hex,
            ..
        } = tag;
        let pair_key = rid.or_else(|| id.clone());
        let inline = match (v2, name.as_str()) {
            (false, "g") | (true, "pc") if !empty => Inline::Element,
            (false, "bx" | "bpt") => Inline::Code(Role::Open, pair_key),
            (false, "ex" | "ept") => Inline::Code(Role::Close, pair_key),
            (true, "sc" | "sm") if !isolated => Inline::Code(Role::Open, id),
            (true, "ec" | "em") if !isolated => Inline::Code(Role::Close, start_ref.or(id)),
            (true, "cp") => Inline::Char(
                hex.and_then(|hex| u32::from_str_radix(&hex, 16).ok())
                    .and_then(char::from_u32),
            ),
            _ if !empty && !is_code(v2, &name) => Inline::Element,
            _ => Inline::Code(Role::Standalone, None),
        };
        // Codes the memory keeps no counterpart of: annotations and unknown elements.
        let unmatched = !is_code(v2, &name);
        let code = |role| Code {
            role,
            partner: None,
            element: false,
            unmatched,
            fixed,
        };
        match inline {
            Inline::Char(c) => {
                if let Some(c) = c {
                    content.push_text(c.encode_utf8(&mut [0; 4]));
                }
                if !empty {
                    xml.skip()?;
                }
            }
            Inline::Element => {
                let index = content.push_code(
                    Code {
                        element: true,
                        ..code(Role::Open)
                    },
                    at..end,
                );
                elements.push(index);
            }
            Inline::Code(role, key) => {
                if !empty {
                    xml.skip()?;
                }
                let index = content.push_code(code(role), at..bom + xml.position());
                match (role, key) {
                    (Role::Open, Some(key)) => spans.push((key, index)),
                    (Role::Close, Some(key)) => {
                        if let Some(found) = spans.iter().rposition(|(k, _)| *k == key) {
                            let (_, open) = spans.remove(found);
                            content.codes[open].partner = Some(index);
                            content.codes[index].partner = Some(open);
                        }
                    }
                    _ => {}
                }
            }
        }
        at = bom + xml.position();
    }
}

/// Whether `name` is an inline code of XLIFF 1.2 (`v2` false) or 2.0, as import maps to TMX codes.
fn is_code(v2: bool, name: &str) -> bool {
    if v2 {
        matches!(name, "ph" | "pc" | "sc" | "ec" | "cp")
    } else {
        matches!(name, "g" | "x" | "bx" | "ex" | "bpt" | "ept" | "ph" | "it")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_rewritten_attribute_by_attribute() {
        assert_eq!(
            rewrite_tag(
                "<segment id=\"s1\" state='initial'>",
                &["state"],
                " state=\"translated\"",
                false
            ),
            "<segment id=\"s1\" state=\"translated\">"
        );
        assert_eq!(
            rewrite_tag("<target xml:lang=\"az\"/>", &[], " state=\"x\"", true),
            "<target xml:lang=\"az\" state=\"x\">"
        );
        assert_eq!(score_text(87.5), "87.5");
        assert_eq!(score_text(100.0), "100");
        assert_eq!(score_text(2.0 / 3.0 * 100.0), "66.67");
    }
}
