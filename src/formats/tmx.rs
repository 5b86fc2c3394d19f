//! TMX 1.1 and 1.4b: reading (streaming) and writing.
//!
//! Reading: one `<tu>` becomes one [`Unit`]. Every `<tu>` attribute goes into `props.attrs` (`srclang`
//! canonicalized; a `<tu>` without one gets the header's unless that is `*all*`), `<note>`s into
//! notes, `<prop>`s into props (the type is `type`, else the Trados `type2`, else empty); the same for
//! `<tuv>` into [`Variant::props`]. Header notes and props are not unit props. Props of type
//! `x-attr-NAME` are read back into the attribute `NAME` (see the writer).
//!
//! Writing: TMX 1.4b, valid against the TMX 1.4b DTD. Attributes the DTD does not allow on `<tu>` or
//! `<tuv>` (and `segtype` values it does not know) are written as `<prop type="x-attr-NAME">`, so that
//! they come back as attributes; `creationdate`, `changedate` and `lastusagedate` values that are
//! not TMX dates (`YYYYMMDDThhmmssZ`) are left out. Characters XML 1.0 does not allow are left out.
//! Markup that is not well-formed TMX inline content is not written; the segment's text is.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, Write};
use std::path::Path;

use super::read_ahead::ReadAhead;
use super::tmx_scan::{Body, Scanned};
use super::xml::{
    Element, Ev, SegmentBuilder, XmlReader, dedup_props, escape_attr, escape_text, is_xml_char,
};
use super::{InputFile, Next, ReadOptions, Skipped, UnitReader, UnitSink};
use crate::error::{Reason, Result};
use crate::model::{LangTag, Prop, Props, Segment, Unit, Variant};

/// The prop type prefix under which attributes the DTD does not allow are written.
const ATTR_PROP: &str = "x-attr-";

/// Streams the `<tu>` elements of a TMX file as units.
///
/// The prolog and header are read as XML events; in a UTF-8 file the body is then read by the fast
/// path of [`super::tmx_scan`], which hands every unit that is not plain to a reader of this kind
/// over the rest of the file (a fragment inside `<tmx><body>`).
pub struct TmxReader {
    xml: XmlReader,
    /// The header's source language, canonical; `None` for `*all*` or none.
    srclang: Option<String>,
    seg: SegmentBuilder,
    langs: LangCache,
    skipped: Skipped,
    /// Another handle to a UTF-8 file and the length of its byte-order mark: the body is read by the
    /// fast path once it starts.
    fast: Option<(File, u64)>,
    /// The body, once the fast path reads it.
    body: Option<Body>,
    /// The fast path has read to the end of the document.
    finished: bool,
}

impl TmxReader {
    /// Opens a TMX file and reads up to its root element.
    pub fn new(input: InputFile, options: &ReadOptions) -> Result<TmxReader> {
        let skip = match input.bom() {
            None => Some(0),
            Some(encoding) if encoding == encoding_rs::UTF_8 => Some(3),
            Some(_) => None,
        };
        let file = skip.and_then(|skip| Some((input.try_clone_file().ok()?, skip)));
        let mut reader = TmxReader::slow(input, options)?;
        if reader.xml.is_utf8() {
            reader.fast = file;
        }
        Ok(reader)
    }

    /// [`TmxReader::new`] without the fast path.
    pub fn slow(input: InputFile, _options: &ReadOptions) -> Result<TmxReader> {
        let mut xml = XmlReader::new(input, "tmx")?;
        loop {
            match xml.next()? {
                Ev::Start(_) | Ev::Empty(_) | Ev::Eof => break,
                _ => {}
            }
        }
        Ok(TmxReader::with(xml, None))
    }

    fn with(xml: XmlReader, srclang: Option<String>) -> TmxReader {
        TmxReader {
            xml,
            srclang,
            seg: SegmentBuilder::default(),
            langs: LangCache::default(),
            skipped: Skipped::default(),
            fast: None,
            body: None,
            finished: false,
        }
    }

    /// The next unit of the body, by the fast path where it can: into `sink` if there is one and it
    /// takes the unit (see [`UnitSink`]), else into `unit`.
    fn next_in_body(&mut self, sink: Option<&mut dyn UnitSink>, unit: &mut Unit) -> Result<Next> {
        let Some(body) = self.body.as_mut() else {
            return Ok(Next::End);
        };
        if self.finished {
            return Ok(Next::End);
        }
        match body.scan(&mut self.langs, self.srclang.as_deref(), sink, unit)? {
            Scanned::Sunk(languages) => return Ok(Next::Sunk(languages)),
            Scanned::Unit => return Ok(Next::Unit),
            Scanned::Other => {}
        }
        let (source, base) = body.rest()?;
        let mut fragment = TmxReader::fragment(source, body.path(), base, self.srclang.clone());
        let next = fragment.next_unit()?;
        body.resume(fragment.xml.position() as u64)?;
        self.skipped.empty_entries += fragment.skipped.empty_entries;
        self.finished = next.is_none();
        Ok(match next {
            Some(next) => {
                *unit = next;
                Next::Unit
            }
            None => Next::End,
        })
    }

    /// [`UnitReader::next_into`], with or without a sink.
    fn next_maybe_into(
        &mut self,
        sink: Option<&mut dyn UnitSink>,
        unit: &mut Unit,
    ) -> Result<Next> {
        if self.body.is_none() {
            match self.next_by_events()? {
                Step::Unit(next) => {
                    *unit = next;
                    return Ok(Next::Unit);
                }
                Step::End => return Ok(Next::End),
                Step::Body => {}
            }
        }
        self.next_in_body(sink, unit)
    }

    /// A reader of the rest of a UTF-8 TMX file from inside its `<body>`: `source` starts at offset
    /// `base` of the file.
    fn fragment(
        source: Box<dyn BufRead>,
        path: &Path,
        base: u64,
        srclang: Option<String>,
    ) -> TmxReader {
        TmxReader::with(
            XmlReader::fragment(source, path, &["tmx", "body"], base),
            srclang,
        )
    }

    /// Reads the content of a `<tu>` into `unit`.
    fn read_tu(&mut self, unit: &mut Unit) -> Result<()> {
        loop {
            match self.xml.next()? {
                Ev::Start(el) => match el.name() {
                    "tuv" => {
                        let (lang, props) = tuv_attrs(&el, &mut self.langs)?;
                        let variant = self.read_tuv(lang, props)?;
                        unit.variants.push(variant);
                    }
                    "note" => read_note(&mut self.xml, &mut unit.props)?,
                    "prop" => {
                        let kind = prop_type(&el)?;
                        read_prop(&mut self.xml, &mut unit.props, kind)?;
                    }
                    _ => self.xml.skip()?,
                },
                Ev::Empty(el) => match el.name() {
                    "tuv" => {
                        let (lang, props) = tuv_attrs(&el, &mut self.langs)?;
                        unit.variants.push(Variant {
                            lang,
                            segment: Segment::default(),
                            props,
                        });
                    }
                    "note" => unit.props.notes.push(String::new()),
                    "prop" => add_prop(&mut unit.props, prop_type(&el)?, String::new()),
                    _ => {}
                },
                Ev::End => return Ok(()),
                Ev::Text(_) | Ev::Other | Ev::Eof => {}
            }
        }
    }

    /// Reads the content of a `<tuv>`.
    fn read_tuv(&mut self, lang: LangTag, mut props: Props) -> Result<Variant> {
        let mut segment = None;
        loop {
            match self.xml.next()? {
                Ev::Start(el) => match el.name() {
                    "seg" if segment.is_none() => segment = Some(self.read_seg()?),
                    "note" => read_note(&mut self.xml, &mut props)?,
                    "prop" => {
                        let kind = prop_type(&el)?;
                        read_prop(&mut self.xml, &mut props, kind)?;
                    }
                    _ => self.xml.skip()?,
                },
                Ev::Empty(el) => match el.name() {
                    "seg" if segment.is_none() => segment = Some(Segment::default()),
                    "note" => props.notes.push(String::new()),
                    "prop" => add_prop(&mut props, prop_type(&el)?, String::new()),
                    _ => {}
                },
                Ev::End => break,
                Ev::Text(_) | Ev::Other | Ev::Eof => {}
            }
        }
        dedup_props(&mut props);
        Ok(Variant {
            lang,
            segment: segment.unwrap_or_default(),
            props,
        })
    }

    /// Reads the content of a `<seg>`: text and inline elements.
    fn read_seg(&mut self) -> Result<Segment> {
        loop {
            match self.xml.next()? {
                Ev::Text(text) => self.seg.text(&text),
                Ev::Start(el) => {
                    self.seg.start(el.name(), false);
                    el.for_each_attr(|key, value| {
                        self.seg.attr(key, value);
                        Ok(())
                    })?;
                }
                Ev::Empty(el) => {
                    self.seg.start(el.name(), true);
                    el.for_each_attr(|key, value| {
                        self.seg.attr(key, value);
                        Ok(())
                    })?;
                }
                Ev::End => {
                    if !self.seg.end() {
                        return Ok(self.seg.finish());
                    }
                }
                Ev::Other | Ev::Eof => {}
            }
        }
    }
}

/// The header's `srclang`, canonical; `None` for `*all*` and for values that are not tags.
fn header_srclang(el: &Element<'_>) -> Result<Option<String>> {
    Ok(el
        .attr("srclang")?
        .and_then(|value| LangTag::parse(&value).ok())
        .map(|tag| tag.as_str().to_string()))
}

/// Parsed language tags by their spelling in the file (files use only a few).
#[derive(Default)]
pub(super) struct LangCache(Vec<(String, LangTag)>);

impl LangCache {
    const MAX: usize = 64;

    pub(super) fn parse(
        &mut self,
        tag: &str,
    ) -> std::result::Result<LangTag, crate::model::LangTagError> {
        self.get(tag).cloned()
    }

    /// [`LangCache::parse`], lent.
    pub(super) fn get(
        &mut self,
        tag: &str,
    ) -> std::result::Result<&LangTag, crate::model::LangTagError> {
        match self.position(tag.as_bytes()) {
            Some(i) => Ok(&self.0[i].1),
            None => {
                let parsed = LangTag::parse(tag)?;
                Ok(self.insert(tag, parsed))
            }
        }
    }

    /// [`LangCache::get`] of UTF-8 bytes; `None` when they are no tag (or not UTF-8).
    pub(super) fn get_utf8(&mut self, tag: &[u8]) -> Option<&LangTag> {
        match self.position(tag) {
            Some(i) => Some(&self.0[i].1),
            None => {
                let tag = std::str::from_utf8(tag).ok()?;
                let parsed = LangTag::parse(tag).ok()?;
                Some(self.insert(tag, parsed))
            }
        }
    }

    fn position(&self, tag: &[u8]) -> Option<usize> {
        // Byte by byte: tags are a few bytes, shorter than a call to compare them costs.
        let same = |raw: &str| raw.len() == tag.len() && raw.bytes().zip(tag).all(|(a, &b)| a == b);
        self.0.iter().position(|(raw, _)| same(raw))
    }

    fn insert(&mut self, raw: &str, tag: LangTag) -> &LangTag {
        if self.0.len() == Self::MAX {
            self.0.pop();
        }
        self.0.push((raw.to_string(), tag));
        &self.0[self.0.len() - 1].1
    }
}

/// The language and attributes of a `<tuv>`: `xml:lang`, else the TMX 1.1 `lang`.
fn tuv_attrs(el: &Element<'_>, langs: &mut LangCache) -> Result<(LangTag, Props)> {
    let mut props = Props::default();
    let mut lang = None;
    let mut old_lang = None;
    el.for_each_attr(|key, value| {
        let slot = match key {
            "xml:lang" => &mut lang,
            "lang" => &mut old_lang,
            _ => {
                props.attrs.push((key.to_string(), value.to_string()));
                return Ok(());
            }
        };
        *slot = Some(
            langs
                .parse(value)
                .map_err(|e| el.error(Reason::LangTag(e)))?,
        );
        Ok(())
    })?;
    let Some(lang) = lang.or(old_lang) else {
        return Err(el.error(Reason::MissingAttribute {
            element: "tuv".into(),
            attribute: "xml:lang".into(),
        }));
    };
    Ok((lang, props))
}

/// The type of a `<prop>`: `type`, else `type2` (Trados), else empty.
fn prop_type(el: &Element<'_>) -> Result<String> {
    let mut kind = None;
    let mut kind2 = None;
    el.for_each_attr(|key, value| {
        match key {
            "type" => kind = Some(value.to_string()),
            "type2" => kind2 = Some(value.to_string()),
            _ => {}
        }
        Ok(())
    })?;
    Ok(kind.or(kind2).unwrap_or_default())
}

fn read_note(xml: &mut XmlReader, props: &mut Props) -> Result<()> {
    let mut note = String::new();
    xml.read_text(&mut note)?;
    props.notes.push(note);
    Ok(())
}

fn read_prop(xml: &mut XmlReader, props: &mut Props, kind: String) -> Result<()> {
    let mut value = String::new();
    xml.read_text(&mut value)?;
    add_prop(props, kind, value);
    Ok(())
}

/// Adds a prop; `x-attr-NAME` props become the attribute `NAME` (unless the element has it:
/// [`dedup_props`] keeps the first value).
pub(super) fn add_prop(props: &mut Props, kind: String, value: String) {
    match kind.strip_prefix(ATTR_PROP) {
        Some(name) if !name.is_empty() => props.attrs.push((name.to_string(), value)),
        _ => props.props.push(Prop { kind, value }),
    }
}

/// `srclang` canonical when it is a tag (`*all*` and other values are kept as they are).
pub(super) fn canonical_srclang(value: &str) -> Cow<'_, str> {
    match LangTag::parse(value) {
        Ok(tag) => Cow::Owned(tag.as_str().to_string()),
        Err(_) => Cow::Borrowed(value),
    }
}

/// Where reading up to the body got.
enum Step {
    Unit(Unit),
    /// The body starts: the fast path reads it.
    Body,
    End,
}

impl TmxReader {
    /// The next unit as XML events, until the body starts where the fast path can read it.
    fn next_by_events(&mut self) -> Result<Step> {
        loop {
            match self.xml.next()? {
                Ev::Start(el) => match el.name() {
                    "header" => {
                        self.srclang = header_srclang(&el)?;
                        self.xml.skip()?;
                    }
                    "body" => {
                        if let Some((file, skip)) = self.fast.take() {
                            let start = self.xml.position() as u64;
                            let path = self.xml.path().to_path_buf();
                            self.body = Some(Body::new(&path, file, skip, start)?);
                            return Ok(Step::Body);
                        }
                    }
                    "tu" => {
                        let mut unit = Unit::default();
                        el.for_each_attr(|key, value| {
                            let value = match key {
                                "srclang" => canonical_srclang(value),
                                _ => Cow::Borrowed(value),
                            };
                            unit.props.attrs.push((key.to_string(), value.into_owned()));
                            Ok(())
                        })?;
                        self.read_tu(&mut unit)?;
                        dedup_props(&mut unit.props);
                        if unit.variants.is_empty() {
                            self.skipped.empty_entries += 1;
                            continue;
                        }
                        if let Some(srclang) = &self.srclang
                            && unit.props.attr("srclang").is_none()
                        {
                            unit.props.set_attr("srclang", srclang.clone());
                        }
                        return Ok(Step::Unit(unit));
                    }
                    _ => self.xml.skip()?,
                },
                Ev::Empty(el) => match el.name() {
                    "header" => self.srclang = header_srclang(&el)?,
                    "tu" => self.skipped.empty_entries += 1,
                    _ => {}
                },
                Ev::Eof => return Ok(Step::End),
                Ev::End | Ev::Text(_) | Ev::Other => {}
            }
        }
    }
}

impl UnitReader for TmxReader {
    fn next_unit(&mut self) -> Result<Option<Unit>> {
        let mut unit = Unit::default();
        Ok(self.next_unit_into(&mut unit)?.then_some(unit))
    }

    fn next_unit_into(&mut self, unit: &mut Unit) -> Result<bool> {
        Ok(self.next_maybe_into(None, unit)? != Next::End)
    }

    fn next_into(&mut self, sink: &mut dyn UnitSink, unit: &mut Unit) -> Result<Next> {
        self.next_maybe_into(Some(sink), unit)
    }

    fn bytes_read(&self) -> u64 {
        match &self.body {
            Some(body) => body.offset(),
            None => self.xml.bytes_read(),
        }
    }

    fn skipped(&self) -> Skipped {
        self.skipped.clone()
    }

    fn read_ahead(&self) -> Option<std::sync::Arc<ReadAhead>> {
        self.body.as_ref().map(Body::read_ahead)
    }
}

/// Reads the TMX bodies opened by this thread from now on in blocks of `len` bytes (the fuzz
/// target varies them; they are a few bytes by default when fuzzing).
#[cfg(fuzzing)]
pub fn fuzz_block_len(len: usize) {
    super::tmx_scan::set_block_len(len);
}

/// What the TMX header says.
#[derive(Clone, Debug)]
pub struct TmxHeader {
    /// The source language; `None` writes `*all*`.
    pub srclang: Option<LangTag>,
    /// The language of notes and props.
    pub adminlang: LangTag,
}

/// Attributes the DTD allows on `<tu>` (besides none); `<tuv>` allows the same minus the last three.
const TU_ATTRS: &[&str] = &[
    "o-encoding",
    "datatype",
    "usagecount",
    "lastusagedate",
    "creationtool",
    "creationtoolversion",
    "creationdate",
    "creationid",
    "changedate",
    "changeid",
    "o-tmf",
    "tuid",
    "segtype",
    "srclang",
];

/// Whether `value` is a TMX date, `YYYYMMDDThhmmssZ`.
fn is_tmx_date(value: &str) -> bool {
    let b = value.as_bytes();
    let digits = |range: std::ops::Range<usize>| b[range].iter().all(u8::is_ascii_digit);
    let number = |range: std::ops::Range<usize>| {
        b[range]
            .iter()
            .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))
    };
    b.len() == 16
        && digits(0..8)
        && b[8] == b'T'
        && digits(9..15)
        && b[15] == b'Z'
        && (1..=12).contains(&number(4..6))
        && (1..=31).contains(&number(6..8))
        && number(9..11) < 24
        && number(11..13) < 60
        && number(13..15) < 60
}

/// How an attribute of a unit or variant is written.
enum AttrOut {
    Attr,
    Prop,
    Skip,
}

fn attr_out(name: &str, value: &str, on_tu: bool) -> AttrOut {
    let allowed = if on_tu {
        TU_ATTRS
    } else {
        &TU_ATTRS[..TU_ATTRS.len() - 3]
    };
    match name {
        "xml:lang" | "lang" if !on_tu => AttrOut::Skip,
        "creationdate" | "changedate" | "lastusagedate" if !is_tmx_date(value) => AttrOut::Skip,
        "segtype" if !matches!(value, "block" | "paragraph" | "sentence" | "phrase") => {
            AttrOut::Prop
        }
        _ if allowed.contains(&name) => AttrOut::Attr,
        _ => AttrOut::Prop,
    }
}

/// `text` without the characters XML 1.0 does not allow.
fn xml_clean(text: &str) -> Cow<'_, str> {
    if text.chars().all(is_xml_char) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|c| is_xml_char(*c)).collect())
    }
}

/// Whether `markup` is well-formed TMX 1.4b `<seg>` content: only the inline elements where the
/// DTD allows them, with their attributes, predefined entities and character references only.
pub(super) fn is_valid_markup(markup: &str) -> bool {
    use quick_xml::events::Event;
    fn spec(
        name: &str,
    ) -> Option<(
        &'static str,
        &'static [&'static str],
        &'static [&'static str],
    )> {
        // (name, allowed attributes, required attributes)
        Some(match name {
            "bpt" => ("bpt", &["i", "x", "type"], &["i"]),
            "ept" => ("ept", &["i"], &["i"]),
            "it" => ("it", &["pos", "x", "type"], &["pos"]),
            "ph" => ("ph", &["x", "assoc", "type"], &[]),
            "hi" => ("hi", &["x", "type"], &[]),
            "ut" => ("ut", &["x"], &[]),
            "sub" => ("sub", &["datatype", "type"], &[]),
            _ => return None,
        })
    }
    fn allowed_in(parent: &str, child: &str) -> bool {
        match parent {
            "seg" | "hi" | "sub" => child != "sub",
            _ => child == "sub",
        }
    }
    let mut reader = quick_xml::Reader::from_str(markup);
    let mut stack: Vec<&'static str> = vec!["seg"];
    loop {
        let (tag, empty) = match reader.read_event() {
            Ok(Event::Start(tag)) => (tag, false),
            Ok(Event::Empty(tag)) => (tag, true),
            Ok(Event::End(_)) => {
                stack.pop();
                continue;
            }
            Ok(Event::Text(text)) if text.chars().all(is_xml_char) => continue,
            Ok(Event::CData(text)) if text.chars().all(is_xml_char) => continue,
            Ok(Event::GeneralRef(r)) => {
                let ok = matches!(&*r, "lt" | "gt" | "amp" | "apos" | "quot")
                    || matches!(r.resolve_char_ref(), Ok(Some(c)) if is_xml_char(c));
                if ok {
                    continue;
                }
                return false;
            }
            Ok(Event::Eof) => return stack.len() == 1,
            _ => return false,
        };
        let Some((name, allowed, required)) = spec(tag.name().0) else {
            return false;
        };
        if !stack.last().is_some_and(|parent| allowed_in(parent, name)) {
            return false;
        }
        let mut seen = 0;
        for attr in tag.attributes() {
            let Ok(attr) = attr else { return false };
            let key = attr.key.0;
            if !allowed.contains(&key) {
                return false;
            }
            if name == "it" && key == "pos" && !matches!(&*attr.value, "begin" | "end") {
                return false;
            }
            seen += usize::from(required.contains(&key));
            if attr.value.contains('<') || !attr.value.chars().all(is_xml_char) {
                return false;
            }
        }
        if seen < required.len() {
            return false;
        }
        if !empty {
            stack.push(name);
        }
    }
}

/// Writes a TMX 1.4b document, one unit at a time.
pub struct TmxWriter<W: Write> {
    out: W,
    buf: String,
}

impl<W: Write> TmxWriter<W> {
    /// Writes the XML declaration, DOCTYPE, header and the start of the body.
    pub fn new(mut out: W, header: &TmxHeader) -> io::Result<TmxWriter<W>> {
        let mut buf = String::with_capacity(1024);
        buf.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        buf.push_str("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n");
        buf.push_str("<tmx version=\"1.4\">\n  <header");
        let srclang = header.srclang.as_ref().map_or("*all*", LangTag::as_str);
        for (name, value) in [
            ("creationtool", "tarjuman"),
            ("creationtoolversion", env!("CARGO_PKG_VERSION")),
            ("segtype", "sentence"),
            ("o-tmf", "tarjuman"),
            ("adminlang", header.adminlang.as_str()),
            ("srclang", srclang),
            ("datatype", "plaintext"),
        ] {
            write_attr(&mut buf, name, value);
        }
        buf.push_str("/>\n  <body>\n");
        out.write_all(buf.as_bytes())?;
        Ok(TmxWriter { out, buf })
    }

    /// Writes one unit as a `<tu>`. A unit without variants is not written (TMX needs one).
    pub fn write_unit(&mut self, unit: &Unit) -> io::Result<()> {
        if unit.variants.is_empty() {
            return Ok(());
        }
        let buf = &mut self.buf;
        buf.clear();
        buf.push_str("    <tu");
        let extra = write_attrs(buf, &unit.props, true);
        buf.push_str(">\n");
        write_notes_and_props(buf, &unit.props, &extra, "      ");
        for variant in &unit.variants {
            buf.push_str("      <tuv");
            write_attr(buf, "xml:lang", variant.lang.as_str());
            let extra = write_attrs(buf, &variant.props, false);
            buf.push_str(">\n");
            write_notes_and_props(buf, &variant.props, &extra, "        ");
            buf.push_str("        <seg>");
            let segment = &variant.segment;
            match segment.markup.as_deref().map(xml_clean) {
                Some(markup) if is_valid_markup(&markup) => buf.push_str(&markup),
                _ => escape_text(buf, &xml_clean(&segment.text)),
            }
            buf.push_str("</seg>\n      </tuv>\n");
        }
        buf.push_str("    </tu>\n");
        self.out.write_all(self.buf.as_bytes())
    }

    /// Ends the document and returns the writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.write_all(b"  </body>\n</tmx>\n")?;
        self.out.flush()?;
        Ok(self.out)
    }
}

fn write_attr(buf: &mut String, name: &str, value: &str) {
    buf.push(' ');
    buf.push_str(name);
    buf.push_str("=\"");
    escape_attr(buf, &xml_clean(value));
    buf.push('"');
}

/// Writes the attributes the DTD allows; returns the others, to be written as props.
fn write_attrs<'a>(buf: &mut String, props: &'a Props, on_tu: bool) -> Vec<(&'a str, &'a str)> {
    let mut extra = Vec::new();
    for (name, value) in &props.attrs {
        match attr_out(name, value, on_tu) {
            AttrOut::Attr => write_attr(buf, name, value),
            AttrOut::Prop => extra.push((name.as_str(), value.as_str())),
            AttrOut::Skip => {}
        }
    }
    extra
}

fn write_notes_and_props(buf: &mut String, props: &Props, extra: &[(&str, &str)], indent: &str) {
    for note in &props.notes {
        buf.push_str(indent);
        buf.push_str("<note>");
        escape_text(buf, &xml_clean(note));
        buf.push_str("</note>\n");
    }
    let attr_props = extra.iter().map(|(name, value)| (Some(*name), "", *value));
    let props = props
        .props
        .iter()
        .map(|p| (None, p.kind.as_str(), p.value.as_str()));
    for (attr, kind, value) in props.chain(attr_props) {
        buf.push_str(indent);
        buf.push_str("<prop type=\"");
        if let Some(name) = attr {
            buf.push_str(ATTR_PROP);
            escape_attr(buf, &xml_clean(name));
        } else {
            escape_attr(buf, &xml_clean(kind));
        }
        buf.push_str("\">");
        escape_text(buf, &xml_clean(value));
        buf.push_str("</prop>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Error, Position};
    use std::path::{Path, PathBuf};

    fn shared(rel: &str) -> PathBuf {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")).join(rel)
    }

    fn read_path(path: &Path) -> Result<Vec<Unit>> {
        let mut reader = TmxReader::new(InputFile::open(path)?, &ReadOptions::default())?;
        let mut units = Vec::new();
        while let Some(unit) = reader.next_unit()? {
            units.push(unit);
        }
        assert!(reader.bytes_read() > 0);
        Ok(units)
    }

    fn read_bytes(bytes: &[u8]) -> Result<Vec<Unit>> {
        let file = tempfile::Builder::new().suffix(".tmx").tempfile().unwrap();
        std::fs::write(file.path(), bytes).unwrap();
        read_path(file.path())
    }

    fn read_str(text: &str) -> Result<Vec<Unit>> {
        read_bytes(text.as_bytes())
    }

    /// The reason and position of the error reading `bytes`.
    fn input_error(bytes: &[u8]) -> (Reason, Option<(u64, u64)>) {
        match read_bytes(bytes) {
            Err(Error::Input {
                reason, position, ..
            }) => (
                reason,
                position.map(|Position { line, column }| (line, column)),
            ),
            other => panic!("expected an input error, got {other:?}"),
        }
    }

    fn tmx(body: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header srclang=\"en\" adminlang=\"en\"/>\n<body>\n{body}\n</body>\n</tmx>\n"
        )
    }

    fn lang(tag: &str) -> LangTag {
        LangTag::parse(tag).unwrap()
    }

    fn texts(unit: &Unit) -> Vec<(&str, &str)> {
        unit.variants
            .iter()
            .map(|v| (v.lang.as_str(), v.segment.text.as_str()))
            .collect()
    }

    #[test]
    fn every_interop_tmx_reads_with_the_right_unit_count() {
        let expected = [
            ("okapi-Paragraph_TM.tmx", 7),
            ("okapi-html_test.tmx", 11),
            ("okapi-issue277.tmx", 2),
            ("okapi-okapi-confusion.tmx", 1),
            ("okapi-sampleTMX2.tmx", 2),
            ("omegat-ExportTest1B.tmx", 2),
            ("omegat-ImportTest1A.tmx", 2),
            ("omegat-ImportTest1B.tmx", 1),
            ("omegat-ImportTest1C.tmx", 3),
            ("omegat-ImportTest1G.tmx", 3),
            ("omegat-ImportTest1H.tmx", 3),
            ("omegat-ImportTest1K.tmx", 2),
            ("omegat-ImportTest1L.tmx", 1),
            ("omegat-ImportTest2A.tmx", 7),
            ("omegat-ImportTest2C.tmx", 1),
            ("omegat-empty.tmx", 0),
            ("omegat-test-SMP.tmx", 1),
            ("omegat-test-level2.tmx", 4),
            ("omegat-test-missingSource.tmx", 4),
            ("omegat-test-multiple-tuv.tmx", 3),
            ("openxliff-OpenXLIFF_Java_es.tmx", 519),
            ("weblate-memory.tmx", 1),
            ("weblate-memory2.tmx", 1),
        ];
        let dir = shared("interop/tmx");
        let mut seen = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            let result = read_path(&path);
            match expected.iter().find(|(file, _)| *file == name) {
                Some((_, count)) => {
                    let units = result.unwrap_or_else(|e| panic!("{name}: {e}"));
                    assert_eq!(units.len(), *count, "{name}");
                    assert!(units.iter().all(|u| !u.variants.is_empty()), "{name}");
                    seen += 1;
                }
                // The negative files may read or fail, but must not panic.
                None => assert!(name.contains("invalid"), "unexpected file {name}"),
            }
        }
        assert_eq!(seen, expected.len());
    }

    #[test]
    fn negative_interop_files_read_without_panic() {
        let units = read_path(&shared("interop/tmx/omegat-invalid.tmx")).unwrap();
        assert_eq!(units.len(), 1);
        let units = read_path(&shared("interop/tmx/omegat-test-omegat-invalid.tmx")).unwrap();
        assert_eq!(units.len(), 4);
    }

    #[test]
    fn whitespace_from_character_references_survives() {
        // UTF-16LE with a BOM.
        let units = read_path(&shared("interop/tmx/omegat-ImportTest1A.tmx")).unwrap();
        assert_eq!(
            texts(&units[0]),
            [
                ("en-US", "First segment with [\t\t   ]"),
                ("fr-CA", "Premier segment avec [\t\t   ]")
            ]
        );
        assert_eq!(
            units[1].variants[0].segment.text,
            "Second segment with [  \t\t]"
        );
        assert_eq!(units[1].variants[0].segment.markup, None);
    }

    #[test]
    fn character_references_are_decoded_in_utf16be() {
        let units = read_path(&shared("interop/tmx/omegat-ImportTest1G.tmx")).unwrap();
        let all: String = units
            .iter()
            .flat_map(|u| u.variants.iter().map(|v| v.segment.text.clone()))
            .collect();
        for expected in ["é", "™", "\u{201C}", "¤", "ÿ"] {
            assert!(all.contains(expected), "{expected} missing in {all}");
        }
        assert!(!all.contains("&#"));
    }

    #[test]
    fn us_ascii_file_with_hex_references() {
        let units = read_path(&shared("interop/tmx/omegat-ImportTest1H.tmx")).unwrap();
        let all: String = units
            .iter()
            .flat_map(|u| u.variants.iter().map(|v| v.segment.text.clone()))
            .collect();
        assert!(!all.is_ascii(), "{all}");
    }

    #[test]
    fn inline_codes_become_markup_and_stay_out_of_the_text() {
        let units = read_path(&shared("interop/tmx/omegat-ImportTest2A.tmx")).unwrap();
        let en = &units[0].variants[0];
        assert_eq!(en.lang, lang("en-US"));
        assert_eq!(en.segment.text, "The big black cat sleeps.");
        assert_eq!(
            en.segment.markup.as_deref(),
            Some(
                "The big <bpt i=\"1\" x=\"1\" type=\"bold\">&lt;b&gt;</bpt>black<ept i=\"1\">&lt;/b&gt;</ept> <bpt i=\"2\" x=\"2\" type=\"ulined\">&lt;u&gt;</bpt>cat<ept i=\"2\">&lt;/u&gt;</ept> sleeps."
            )
        );
        assert_eq!(
            units[1].variants[0].segment.text,
            "Test for special characters = <=lt, >=gt, &=amp, \"=quot."
        );
        // Attribute spacing and quotes are canonicalized.
        let fr = &units[2].variants[1].segment;
        assert!(
            fr.markup
                .as_deref()
                .unwrap()
                .starts_with("Format en gigogne = <bpt type=\"bold\" i=\"1\" x=\"1\">")
        );
        assert_eq!(units[5].variants[0].lang, lang("en-US"));
        assert_eq!(units[5].variants[0].segment.text, "Picture: ");
        // <hi> content is text; the target comes first in the file.
        assert_eq!(
            texts(&units[6]),
            [
                ("fr-CA", "Du texte avec une portion délimitée."),
                ("en-US", "Some text with a part highlighted.")
            ]
        );
        assert_eq!(
            units[6].variants[1].segment.markup.as_deref(),
            Some("Some text with <hi x=\"1\" type=\"special-part\">a part highlighted</hi>.")
        );
    }

    #[test]
    fn sub_flows_and_empty_codes() {
        let units = read_path(&shared("interop/tmx/omegat-test-level2.tmx")).unwrap();
        assert_eq!(units[1].variants[1].segment.text, "First  tr.");
        assert_eq!(
            units[1].variants[1].segment.markup.as_deref(),
            Some("First <ph x=\"1\">{\\test internal /&gt;}</ph> tr.")
        );
        assert_eq!(units[3].variants[0].segment.text, "3 xx");
        assert_eq!(
            units[3].variants[0].segment.markup.as_deref(),
            Some("3 <bpt i=\"5\" type=\"n\"/>xx<ept i=\"5\">&lt;/z&gt;</ept>")
        );
        let units = read_path(&shared("interop/tmx/omegat-ImportTest2C.tmx")).unwrap();
        for variant in &units[0].variants {
            assert!(variant.segment.markup.as_deref().unwrap().contains("<sub"));
        }
    }

    #[test]
    fn tmx11_lang_and_duplicate_languages_are_kept() {
        let units = read_path(&shared("interop/tmx/omegat-test-multiple-tuv.tmx")).unwrap();
        let langs: Vec<&str> = units[0].variants.iter().map(|v| v.lang.as_str()).collect();
        assert_eq!(langs.len(), 8);
        assert_eq!(
            langs.iter().filter(|l| **l == "fr-CA").count(),
            2,
            "{langs:?}"
        );
        assert!(langs.contains(&"es-AR"));
    }

    #[test]
    fn srclang_all_and_props_at_every_level() {
        let units = read_path(&shared("interop/tmx/okapi-sampleTMX2.tmx")).unwrap();
        let first = &units[0].props;
        assert_eq!(first.attr("tuid"), Some("0001"));
        assert_eq!(first.attr("usagecount"), Some("2"));
        assert_eq!(first.attr("srclang"), Some("en-US"), "the header's");
        assert_eq!(first.notes, ["Text of a note at the TU level."]);
        assert_eq!(first.values("x-Project").collect::<Vec<_>>(), ["Pægasus"]);
        let fr = &units[0].variants[1];
        assert_eq!(fr.lang, lang("fr-CA"));
        assert_eq!(fr.props.attr("changeid"), Some("ManonD"));
        assert_eq!(fr.props.attr("xml:lang"), None);
        assert_eq!(fr.props.values("Origin").collect::<Vec<_>>(), ["MT"]);
        assert_eq!(
            units[0].variants[0].segment.text,
            "data (with a non-standard character: \u{F8FF})."
        );
        let second = &units[1];
        assert_eq!(second.props.attr("srclang"), Some("*all*"));
        assert_eq!(
            second.props.values("Domain").collect::<Vec<_>>(),
            ["Cooking\n   "]
        );
        assert_eq!(second.variants.len(), 3);
        // Header props are not unit props.
        assert!(
            units
                .iter()
                .all(|u| u.props.values("RTFPreamble").next().is_none())
        );
    }

    #[test]
    fn per_tu_srclang_overrides_the_header() {
        let units = read_path(&shared("interop/tmx/omegat-ImportTest1K.tmx")).unwrap();
        assert_eq!(units[0].props.attr("srclang"), Some("de-DE"));
        assert_eq!(units[1].props.attr("srclang"), Some("fr-CA"));
    }

    #[test]
    fn trados_props_with_type2() {
        let units = read_path(&shared("interop/tmx/okapi-html_test.tmx")).unwrap();
        assert_eq!(
            texts(&units[0]),
            [
                ("en-US", "start &lt; of &lt; body text"),
                ("fr-FR", "stXrt &lt; Xf &lt; bXdy tXxt")
            ]
        );
        let units = read_str(&tmx(
            "<tu><prop type2=\"x-two\">2</prop><prop>none</prop><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>",
        ))
        .unwrap();
        assert_eq!(units[0].props.values("x-two").collect::<Vec<_>>(), ["2"]);
        assert_eq!(units[0].props.values("").collect::<Vec<_>>(), ["none"]);
    }

    #[test]
    fn supplementary_plane_characters() {
        let units = read_path(&shared("interop/tmx/omegat-test-SMP.tmx")).unwrap();
        assert!(units[0].variants.iter().all(|v| {
            v.segment
                .text
                .chars()
                .all(|c| c as u32 >= 0x10000 || c == ' ')
        }));
    }

    #[test]
    fn real_tm_has_all_four_languages() {
        let units = read_path(&shared("data/real-tm.tmx")).unwrap();
        assert_eq!(units.len(), 7894);
        for tag in ["en", "az", "kk", "ar"] {
            let tag = lang(tag);
            assert!(
                units
                    .iter()
                    .any(|u| u.variant(&tag).is_some_and(|v| !v.segment.text.is_empty())),
                "{tag:?}"
            );
        }
        assert!(units.iter().all(|u| u.variant(&lang("en")).is_some()));
        assert!(
            units
                .iter()
                .all(|u| u.props.values("x-origin").next().is_some())
        );
    }

    #[test]
    fn whitespace_is_kept_exactly() {
        let units = read_str(&tmx(
            "<tu><tuv xml:lang=\"en\"><seg>\n  two  lines\r\n end &#x09;</seg></tuv></tu>",
        ))
        .unwrap();
        assert_eq!(units[0].variants[0].segment.text, "\n  two  lines\n end \t");
    }

    #[test]
    fn bad_language_tag_is_an_error_with_a_position() {
        let (reason, position) =
            input_error(tmx("<tu>\n  <tuv xml:lang=\"e\"><seg>a</seg></tuv></tu>").as_bytes());
        assert!(matches!(reason, Reason::LangTag(_)), "{reason:?}");
        assert_eq!(position, Some((6, 3)));
        let (reason, _) = input_error(tmx("<tu><tuv><seg>a</seg></tuv></tu>").as_bytes());
        assert!(
            matches!(reason, Reason::MissingAttribute { .. }),
            "{reason:?}"
        );
    }

    #[test]
    fn malformed_xml_is_an_error_with_a_position() {
        let (reason, position) =
            input_error(tmx("<tu><tuv xml:lang=\"en\"><seg>a</tuv></seg></tu>").as_bytes());
        assert_eq!(
            reason,
            Reason::XmlMismatchedEndTag {
                expected: "seg".into(),
                found: "tuv".into()
            }
        );
        assert_eq!(position, Some((5, 30)));
        let (reason, position) = input_error(b"<tmx><body>\n<tu <tuv/></tu></body></tmx>");
        assert!(matches!(reason, Reason::Xml(_)), "{reason:?}");
        assert_eq!(position, Some((2, 1)));
        let (reason, _) = input_error(b"<tmx><body/></tmx><tmx/>");
        assert!(matches!(reason, Reason::Xml(_)), "{reason:?}");
        let (reason, _) = input_error(b"<tmx a=\"1\" a=\"2\"/>");
        assert!(matches!(reason, Reason::Xml(_)), "{reason:?}");
        let (reason, _) = input_error(b"<tmx a=\"<\"/>");
        assert!(matches!(reason, Reason::Xml(_)), "{reason:?}");
        let (reason, _) = input_error(b"<tmx>a & b</tmx>");
        assert!(matches!(reason, Reason::Xml(_)), "{reason:?}");
    }

    #[test]
    fn undefined_entity_is_an_error_with_a_position() {
        let (reason, position) = input_error(
            tmx("<tu><tuv xml:lang=\"en\"><seg>a &nbsp; b</seg></tuv></tu>").as_bytes(),
        );
        assert_eq!(reason, Reason::UndefinedEntity("nbsp".into()));
        assert_eq!(position, Some((5, 31)));
        let (reason, position) = input_error(
            tmx("<tu tuid=\"&foo;\"><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>").as_bytes(),
        );
        assert_eq!(reason, Reason::UndefinedEntity("foo".into()));
        assert_eq!(position, Some((5, 1)));
    }

    #[test]
    fn billion_laughs_is_refused_before_anything_is_expanded() {
        let doc = r#"<?xml version="1.0"?>
<!DOCTYPE tmx [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&lol3;</seg></tuv></tu></body></tmx>
"#;
        let (reason, position) = input_error(doc.as_bytes());
        assert_eq!(reason, Reason::EntityDeclaration);
        assert_eq!(position, Some((2, 1)));
    }

    #[test]
    fn external_entity_is_refused() {
        let doc = r#"<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv></tu></body></tmx>
"#;
        let (reason, position) = input_error(doc.as_bytes());
        assert_eq!(reason, Reason::EntityDeclaration);
        assert_eq!(position, Some((2, 1)));
        // Without the declaration the reference is simply undefined.
        let doc = "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx><body><tu><tuv xml:lang=\"en\"><seg>&xxe;</seg></tuv></tu></body></tmx>";
        let (reason, _) = input_error(doc.as_bytes());
        assert_eq!(reason, Reason::UndefinedEntity("xxe".into()));
    }

    #[test]
    fn plain_doctype_is_fine() {
        let doc = "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx><body><tu><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu></body></tmx>";
        assert_eq!(read_str(doc).unwrap().len(), 1);
    }

    #[test]
    fn invalid_utf8_is_reported_at_its_line_and_column() {
        let mut doc = tmx("<tu><tuv xml:lang=\"en\"><seg>Ünï\u{1}</seg></tuv></tu>").into_bytes();
        let at = doc.iter().position(|b| *b == 1).unwrap();
        doc[at] = 0xA1;
        let (reason, position) = input_error(&doc);
        assert_eq!(reason, Reason::InvalidUtf8);
        assert_eq!(position, Some((5, 32)));
        // In an attribute too.
        let mut doc =
            tmx("<tu tuid=\"ä\u{1}\"><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu>").into_bytes();
        let at = doc.iter().position(|b| *b == 1).unwrap();
        doc[at] = 0xFF;
        let (reason, position) = input_error(&doc);
        assert_eq!(reason, Reason::InvalidUtf8);
        assert_eq!(position, Some((5, 12)));
    }

    #[test]
    fn control_characters_are_refused() {
        let (reason, position) =
            input_error(tmx("<tu><tuv xml:lang=\"en\"><seg>ab\u{3}</seg></tuv></tu>").as_bytes());
        assert_eq!(reason, Reason::InvalidXmlChar(3));
        assert_eq!(position, Some((5, 31)));
        let (reason, _) =
            input_error(tmx("<tu><tuv xml:lang=\"en\"><seg>ab&#x1F;</seg></tuv></tu>").as_bytes());
        assert_eq!(reason, Reason::InvalidXmlChar(0x1F));
        let (reason, _) =
            input_error(tmx("<tu><tuv xml:lang=\"en\"><seg>&#0;</seg></tuv></tu>").as_bytes());
        assert_eq!(reason, Reason::InvalidXmlChar(0));
        let (reason, _) = input_error(
            tmx("<tu tuid=\"&#x2;\"><tuv xml:lang=\"en\"><seg/></tuv></tu>").as_bytes(),
        );
        assert_eq!(reason, Reason::InvalidXmlChar(2));
        let (reason, _) =
            input_error(tmx("<tu><tuv xml:lang=\"en\"><seg>\u{FFFE}</seg></tuv></tu>").as_bytes());
        assert_eq!(reason, Reason::InvalidXmlChar(0xFFFE));
    }

    #[test]
    fn utf16_without_bom_is_refused() {
        let doc: Vec<u8> = tmx("<tu><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu>")
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let (reason, position) = input_error(&doc);
        assert_eq!(reason, Reason::Utf16WithoutBom);
        assert_eq!(position, None);
        // Declared UTF-16 but written in an ASCII-compatible encoding.
        let doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><tmx/>";
        assert_eq!(input_error(doc.as_bytes()).0, Reason::Utf16WithoutBom);
    }

    #[test]
    fn declared_single_byte_encodings_are_transcoded() {
        let mut doc = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<tmx><body><tu><tuv xml:lang=\"fr\"><seg>caf".to_vec();
        doc.extend_from_slice(&[0xE9, 0x80]);
        doc.extend_from_slice(b"</seg></tuv></tu></body></tmx>");
        let units = read_bytes(&doc).unwrap();
        assert_eq!(units[0].variants[0].segment.text, "café€");
        let doc = "<?xml version=\"1.0\" encoding=\"klingon\"?><tmx/>";
        assert_eq!(
            input_error(doc.as_bytes()).0,
            Reason::UnknownEncoding("klingon".into())
        );
    }

    #[test]
    fn truncated_file_is_an_error() {
        let doc = tmx("<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>");
        for cut in [doc.len() - 8, doc.len() / 2, 60, 5] {
            let (reason, position) = input_error(&doc.as_bytes()[..cut]);
            assert_eq!(reason, Reason::Truncated, "cut at {cut}");
            assert!(position.is_some());
        }
        let (reason, position) = input_error(b"<?xml version=\"1.0\"?>\n<tmx>\n<body>\n<tu");
        assert_eq!(reason, Reason::Truncated);
        assert_eq!(position, Some((4, 1)));
        let (reason, _) = input_error(b"<?xml version=\"1.0\"?>\n");
        assert_eq!(reason, Reason::Truncated);
    }

    #[test]
    fn wrong_root_is_an_error() {
        let (reason, position) = input_error(b"<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"/>");
        assert_eq!(
            reason,
            Reason::WrongRoot {
                expected: "tmx".into(),
                found: "xliff".into()
            }
        );
        assert_eq!(position, Some((2, 1)));
        let (reason, _) = input_error(b"just some text");
        assert!(matches!(reason, Reason::Xml(_)), "{reason:?}");
    }

    #[test]
    fn empty_tus_are_skipped_and_counted() {
        let doc = tmx("<tu/><tu tuid=\"2\"></tu><tu><tuv xml:lang=\"en\"/></tu>");
        let file = tempfile::Builder::new().suffix(".tmx").tempfile().unwrap();
        std::fs::write(file.path(), doc).unwrap();
        let mut reader = TmxReader::new(
            InputFile::open(file.path()).unwrap(),
            &ReadOptions::default(),
        )
        .unwrap();
        let unit = reader.next_unit().unwrap().unwrap();
        assert_eq!(unit.variants[0].segment, Segment::default());
        assert!(reader.next_unit().unwrap().is_none());
        assert_eq!(reader.skipped().empty_entries, 2);
    }

    #[test]
    fn many_props_and_attributes_stay_linear() {
        let attrs: String = (0..20_000).map(|i| format!(" a{i}=\"{i}\"")).collect();
        let props: String = (0..20_000)
            .map(|i| {
                format!(
                    "<prop type=\"t\">{}</prop><note>n{}</note>",
                    i % 10_000,
                    i % 7
                )
            })
            .collect();
        let body = format!("<tu{attrs}>{props}<tuv xml:lang=\"en\"><seg>x</seg></tuv></tu>");
        let started = std::time::Instant::now();
        let units = read_str(&tmx(&body)).unwrap();
        assert!(started.elapsed().as_secs() < 20);
        let props = &units[0].props;
        assert_eq!(props.attrs.len(), 20_001, "with the header's srclang");
        assert_eq!(props.props.len(), 10_000);
        assert_eq!(props.notes.len(), 7);
        let duplicate = format!("<tu{attrs} a5=\"x\"><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu>");
        assert!(matches!(
            input_error(tmx(&duplicate).as_bytes()).0,
            Reason::Xml(_)
        ));
    }

    fn write(header: &TmxHeader, units: &[Unit]) -> String {
        let mut writer = TmxWriter::new(Vec::new(), header).unwrap();
        for unit in units {
            writer.write_unit(unit).unwrap();
        }
        String::from_utf8(writer.finish().unwrap()).unwrap()
    }

    fn header(srclang: Option<&str>) -> TmxHeader {
        TmxHeader {
            srclang: srclang.map(lang),
            adminlang: lang("en"),
        }
    }

    #[test]
    fn writer_output_follows_the_dtd() {
        let mut unit = Unit::default();
        unit.props.set_attr("tuid", "7");
        unit.props.set_attr("creationdate", "20240131T235959Z");
        unit.props.set_attr("changedate", "yesterday");
        unit.props.set_attr("x-custom", "a\"b");
        unit.props.set_attr("segtype", "word");
        unit.props.add_note("note & more");
        unit.props.add_prop("x-context", "menu");
        let mut en = Variant::new(lang("en"), Segment::plain(" File <1> \u{1}"));
        en.props.set_attr("creationid", "me");
        en.props.set_attr("tuid", "on a tuv");
        let ar = Variant::new(
            lang("ar"),
            Segment {
                text: "ملف".into(),
                markup: Some("<bpt i=\"1\">&lt;b&gt;</bpt>ملف<ept i=\"1\"/>".into()),
            },
        );
        unit.variants = vec![en, ar];
        let out = write(&header(Some("en")), &[unit, Unit::default()]);
        let expected = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="tarjuman" creationtoolversion="{}" segtype="sentence" o-tmf="tarjuman" adminlang="en" srclang="en" datatype="plaintext"/>
  <body>
    <tu tuid="7" creationdate="20240131T235959Z">
      <note>note &amp; more</note>
      <prop type="x-context">menu</prop>
      <prop type="x-attr-x-custom">a"b</prop>
      <prop type="x-attr-segtype">word</prop>
      <tuv xml:lang="en" creationid="me">
        <prop type="x-attr-tuid">on a tuv</prop>
        <seg> File &lt;1&gt; </seg>
      </tuv>
      <tuv xml:lang="ar">
        <seg><bpt i="1">&lt;b&gt;</bpt>ملف<ept i="1"/></seg>
      </tuv>
    </tu>
  </body>
</tmx>
"#,
            env!("CARGO_PKG_VERSION")
        );
        assert_eq!(out, expected);
        // Reading it back gives the attributes back.
        let units = read_str(&out).unwrap();
        assert_eq!(units[0].props.attr("x-custom"), Some("a\"b"));
        assert_eq!(units[0].props.attr("segtype"), Some("word"));
        assert_eq!(units[0].props.attr("changedate"), None);
        assert_eq!(units[0].variants[0].props.attr("tuid"), Some("on a tuv"));
        assert_eq!(units[0].variants[1].segment.text, "ملف");
    }

    #[test]
    fn writer_drops_markup_that_is_not_tmx_inline_content() {
        for markup in [
            "<b>bold</b>",
            "<bpt>no i</bpt>",
            "<ph x=\"1\"><ph/></ph>",
            "<it pos=\"middle\"/>",
            "<ph foo=\"1\"/>",
            "&nbsp;",
            "<ph>",
            "<sub/>",
            "a</ph>",
            "<?pi?>",
        ] {
            let mut unit = Unit::default();
            unit.variants.push(Variant::new(
                lang("en"),
                Segment {
                    text: "plain & text".into(),
                    markup: Some(markup.into()),
                },
            ));
            let out = write(&header(None), &[unit]);
            assert!(
                out.contains("<seg>plain &amp; text</seg>"),
                "{markup}: {out}"
            );
        }
        assert!(is_valid_markup(
            "a <bpt i=\"1\" x=\"1\" type=\"b\">&lt;b&gt;<sub type=\"x\">t<hi>h</hi><ph/></sub></bpt>&#9;<ept i=\"1\"/><it pos=\"end\"/><ut>u</ut><hi x=\"2\"><ph assoc=\"p\">x</ph></hi>"
        ));
    }

    #[test]
    fn tmx_dates_are_checked() {
        assert!(is_tmx_date("20020101T163812Z"));
        for bad in [
            "2002-01-01",
            "20021301T163812Z",
            "20020101T163860Z",
            "20020101 163812Z",
            "٢٠٠٢٠١٠١T163812Z",
        ] {
            assert!(!is_tmx_date(bad), "{bad}");
        }
    }

    mod roundtrip {
        use super::*;
        use crate::formats::xml::SegmentBuilder;
        use proptest::prelude::*;

        /// Text mixing the four languages, XML specials, whitespace and supplementary-plane characters.
        fn text() -> impl Strategy<Value = String> {
            let pieces = prop::sample::select(vec![
                "Файл",
                "Қазақ",
                "ә",
                "ң",
                "ү",
                "ı",
                "İstifadəçi",
                "ə",
                "ğ",
                "ملف",
                "مُحَمَّد",
                "\u{200F}",
                "File",
                " ",
                "  ",
                "\t",
                "\n",
                "\r",
                "\r\n",
                "&",
                "<",
                ">",
                "\"",
                "'",
                "&amp;",
                "]]>",
                "\u{1D400}",
                "😀",
                "\u{A0}",
                "\u{F8FF}",
                "x",
            ]);
            prop::collection::vec(pieces, 0..8).prop_map(|v| v.concat())
        }

        /// A segment built from text and inline codes, canonical like the reader's.
        fn segment() -> impl Strategy<Value = Segment> {
            let piece = prop_oneof![
                3 => text().prop_map(|t| (0u8, t)),
                1 => text().prop_map(|t| (1u8, t)),
                1 => text().prop_map(|t| (2u8, t)),
                1 => text().prop_map(|t| (3u8, t)),
            ];
            prop::collection::vec(piece, 0..6).prop_map(|pieces| {
                let mut b = SegmentBuilder::default();
                for (i, (kind, t)) in pieces.iter().enumerate() {
                    let id = (i + 1).to_string();
                    match kind {
                        0 => b.text(t),
                        1 => {
                            b.start("bpt", false);
                            b.attr("i", &id);
                            b.attr("type", t);
                            b.text(t);
                            b.end();
                            b.text(t);
                            b.empty("ept", &[("i", &id)]);
                        }
                        2 => {
                            b.start("ph", false);
                            b.attr("x", &id);
                            b.text(t);
                            b.start("sub", false);
                            b.text(t);
                            b.end();
                            b.end();
                        }
                        _ => {
                            b.start("hi", false);
                            b.text(t);
                            b.empty("it", &[("pos", "begin")]);
                            b.end();
                        }
                    }
                }
                b.finish()
            })
        }

        fn date() -> impl Strategy<Value = String> {
            (
                1990u32..2100,
                1u32..13,
                1u32..29,
                0u32..24,
                0u32..60,
                0u32..60,
            )
                .prop_map(|(y, mo, d, h, mi, s)| {
                    format!("{y:04}{mo:02}{d:02}T{h:02}{mi:02}{s:02}Z")
                })
        }

        /// Props: known attributes first (in any order), then unknown ones, unique notes and props.
        fn props(on_tu: bool) -> impl Strategy<Value = Props> {
            let known = (
                prop::option::of(text()),
                prop::option::of(date()),
                prop::option::of(date()),
                prop::option::of(text()),
                prop::option::of(prop::sample::select(vec!["block", "sentence"])),
                prop::option::of(prop::sample::select(vec!["en", "kk-Latn", "*all*"])),
            );
            let unknown = prop::collection::btree_map("x-[a-z]{1,6}", text(), 0..3);
            let notes = prop::collection::btree_set(text(), 0..3);
            let props = prop::collection::btree_set((text(), text()), 0..3);
            (known, unknown, notes, props).prop_map(move |(known, unknown, notes, props)| {
                let (id, created, changed, creator, segtype, srclang) = known;
                let mut p = Props::default();
                let tu_only = [
                    ("tuid", id),
                    ("segtype", segtype.map(String::from)),
                    ("srclang", srclang.map(String::from)),
                ];
                let common = [
                    ("changedate", changed),
                    ("creationid", creator),
                    ("creationdate", created),
                ];
                for (name, value) in common
                    .into_iter()
                    .chain(tu_only.into_iter().filter(|_| on_tu))
                {
                    if let Some(value) = value {
                        p.set_attr(name, value);
                    }
                }
                for (name, value) in unknown {
                    p.set_attr(&name, value);
                }
                for note in notes {
                    p.add_note(note);
                }
                for (kind, value) in props {
                    p.add_prop(&kind, value);
                }
                p
            })
        }

        fn variant() -> impl Strategy<Value = Variant> {
            let langs =
                prop::sample::select(vec!["en", "en-US", "az", "kk", "kk-Latn", "ar", "ar-SA"]);
            (langs, segment(), props(false)).prop_map(|(tag, segment, props)| Variant {
                lang: lang(tag),
                segment,
                props,
            })
        }

        fn unit() -> impl Strategy<Value = Unit> {
            (prop::collection::vec(variant(), 1..4), props(true))
                .prop_map(|(variants, props)| Unit { variants, props })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]
            #[test]
            fn read_of_write_is_identity(units in prop::collection::vec(unit(), 0..4)) {
                let out = write(&header(None), &units);
                let back = read_str(&out).unwrap();
                prop_assert_eq!(back, units);
            }
        }
    }
}
