//! XLIFF 1.2 and 2.0: reading source/target pairs (streaming).
//!
//! XLIFF 1.2 (also 1.1 and namespace-less files): each `<trans-unit>` is a unit of its `<source>` and
//! `<target>` (`<seg-source>` and `<alt-trans>` are ignored). XLIFF 2.0: each `<segment>` of a `<unit>`
//! is a unit (`<ignorable>` is skipped). Languages come from `xml:lang` on `<source>`/`<target>`, else
//! the `<file>` (1.2) or `<xliff>` (2.0) attributes, else [`ReadOptions`]. The unit id becomes the
//! prop `x-xliff-id`, `resname` (1.2) or `name` (2.0, or a metadata `resname`) the prop `x-context`,
//! the `state` the target variant's prop `x-state`; notes are unit notes. Units whose source and
//! target hold no text (only codes or whitespace) are skipped and counted.
//!
//! Inline codes are converted to the TMX inline model: 1.2 `bpt`/`ept`/`it`/`ph`/`sub` keep their
//! names (`id`/`rid` become `i` or `x`, `ctype` becomes `type`), `<g>` becomes a `bpt`/`ept` pair,
//! `<x/>` a `ph`, `<bx/>`/`<ex/>` `bpt`/`ept`; 2.0 `<ph/>` becomes `ph`, `<pc>` a `bpt`/`ept` pair,
//! `<sc/>`/`<ec/>` `bpt`/`ept` (`it` when isolated), with their `originalData` as native code;
//! `<mrk>`, `<sm/>`, `<em/>` and unknown elements keep only their content; `<cp hex>` is the
//! character.

use std::collections::{HashMap, VecDeque};

use super::xml::{Element, Ev, SegmentBuilder, XmlReader, dedup_props, is_xml_char};
use super::{InputFile, ReadOptions, Skipped, UnitReader};
use crate::error::{Reason, Result};
use crate::model::{CONTEXT_PROP, LangTag, Props, Segment, Unit, Variant};

/// The prop type for the XLIFF unit id.
const ID_PROP: &str = "x-xliff-id";
/// The variant prop type for the XLIFF `state`.
const STATE_PROP: &str = "x-state";

/// Streams the units of an XLIFF 1.2 or 2.0 file.
pub struct XliffReader {
    xml: XmlReader,
    langs: Langs,
    inline: Inline,
    pending: VecDeque<Unit>,
    skipped: Skipped,
}

/// The languages in effect.
struct Langs {
    /// From the `<xliff>` root (2.0).
    doc: (Option<LangTag>, Option<LangTag>),
    /// From the current `<file>` (1.2).
    file: (Option<LangTag>, Option<LangTag>),
    /// From the options.
    fallback: (Option<LangTag>, Option<LangTag>),
}

impl Langs {
    /// The language of a `<source>` (`target` false) or `<target>`.
    fn resolve(&self, el: &Element<'_>, target: bool, v2: bool) -> Result<LangTag> {
        if let Some(tag) = el.attr("xml:lang")? {
            return parse_lang(el, &tag);
        }
        let pick = |pair: &(Option<LangTag>, Option<LangTag>)| {
            if target {
                pair.1.clone()
            } else {
                pair.0.clone()
            }
        };
        let found = if v2 {
            pick(&self.doc).or_else(|| pick(&self.file))
        } else {
            pick(&self.file).or_else(|| pick(&self.doc))
        };
        found.or_else(|| pick(&self.fallback)).ok_or_else(|| {
            let (element, attribute) = match (v2, target) {
                (false, false) => ("file", "source-language"),
                (false, true) => ("file", "target-language"),
                (true, false) => ("xliff", "srcLang"),
                (true, true) => ("xliff", "trgLang"),
            };
            el.error(Reason::MissingAttribute {
                element: element.into(),
                attribute: attribute.into(),
            })
        })
    }
}

fn parse_lang(el: &Element<'_>, tag: &str) -> Result<LangTag> {
    LangTag::parse(tag).map_err(|e| el.error(Reason::LangTag(e)))
}

/// Two language attributes of an element, parsed.
fn lang_pair(el: &Element<'_>, src: &str, trg: &str) -> Result<(Option<LangTag>, Option<LangTag>)> {
    let parse = |name| match el.attr(name)? {
        Some(tag) if !tag.trim().is_empty() => parse_lang(el, &tag).map(Some),
        _ => Ok(None),
    };
    Ok((parse(src)?, parse(trg)?))
}

/// One side of a segment: its language and text.
struct Side {
    lang: LangTag,
    segment: Segment,
}

impl XliffReader {
    /// Opens an XLIFF file and reads up to its root element.
    pub fn new(input: InputFile, options: &ReadOptions) -> Result<XliffReader> {
        let mut xml = XmlReader::new(input, "xliff")?;
        let doc = loop {
            match xml.next()? {
                Ev::Start(el) | Ev::Empty(el) => break lang_pair(&el, "srcLang", "trgLang")?,
                Ev::Eof => break (None, None),
                _ => {}
            }
        };
        Ok(XliffReader {
            xml,
            langs: Langs {
                doc,
                file: (None, None),
                fallback: (options.source_lang.clone(), options.target_lang.clone()),
            },
            inline: Inline::default(),
            pending: VecDeque::new(),
            skipped: Skipped::default(),
        })
    }

    /// Reads the content of a 1.2 `<trans-unit>`.
    fn read_trans_unit(&mut self, mut props: Props) -> Result<()> {
        let mut source = None;
        let mut target = None;
        let mut state = None;
        loop {
            match self.xml.next()? {
                Ev::Start(el) => match el.plain_name() {
                    Some("source") if source.is_none() => {
                        let lang = self.langs.resolve(&el, false, false)?;
                        let segment = self.inline.read(&mut self.xml, false)?;
                        source = Some(Side { lang, segment });
                    }
                    Some("target") if target.is_none() => {
                        let lang = self.langs.resolve(&el, true, false)?;
                        state = el.attr("state")?;
                        let segment = self.inline.read(&mut self.xml, false)?;
                        target = Some(Side { lang, segment });
                    }
                    Some("note") => read_note(&mut self.xml, &mut props)?,
                    _ => self.xml.skip()?,
                },
                Ev::Empty(el) => match el.plain_name() {
                    Some("source") if source.is_none() => {
                        let lang = self.langs.resolve(&el, false, false)?;
                        source = Some(Side {
                            lang,
                            segment: Segment::default(),
                        });
                    }
                    Some("target") if target.is_none() => {
                        let lang = self.langs.resolve(&el, true, false)?;
                        state = el.attr("state")?;
                        target = Some(Side {
                            lang,
                            segment: Segment::default(),
                        });
                    }
                    _ => {}
                },
                Ev::End => break,
                Ev::Text(_) | Ev::Other | Ev::Eof => {}
            }
        }
        dedup_props(&mut props);
        self.push_unit(props, source, target, state);
        Ok(())
    }

    /// Reads the content of a 2.0 `<unit>`: one unit per `<segment>`.
    fn read_unit(&mut self, mut props: Props) -> Result<()> {
        let mut segments = Vec::new();
        self.inline.data.clear();
        loop {
            match self.xml.next()? {
                Ev::Start(el) => match el.plain_name() {
                    Some("notes") => {
                        drop(el);
                        read_notes(&mut self.xml, &mut props)?;
                    }
                    Some("originalData") => {
                        drop(el);
                        read_original_data(&mut self.xml, &mut self.inline.data)?;
                    }
                    Some("segment") => {
                        let state = el.attr("state")?;
                        drop(el);
                        let (source, target) = self.read_segment()?;
                        segments.push((source, target, state));
                    }
                    None if el.local_name() == "metadata" => {
                        drop(el);
                        if let Some(resname) = read_metadata_resname(&mut self.xml)?
                            && props.values(CONTEXT_PROP).next().is_none()
                        {
                            props.add_prop(CONTEXT_PROP, resname);
                        }
                    }
                    _ => self.xml.skip()?,
                },
                Ev::End => break,
                Ev::Empty(_) | Ev::Text(_) | Ev::Other | Ev::Eof => {}
            }
        }
        dedup_props(&mut props);
        if segments.is_empty() {
            self.skipped.empty_entries += 1;
        }
        for (source, target, state) in segments {
            self.push_unit(props.clone(), source, target, state);
        }
        Ok(())
    }

    /// Reads the content of a 2.0 `<segment>`.
    fn read_segment(&mut self) -> Result<(Option<Side>, Option<Side>)> {
        let mut source = None;
        let mut target = None;
        loop {
            let (is_target, empty, lang) = match self.xml.next()? {
                Ev::Start(el) => match el.plain_name() {
                    Some(name @ ("source" | "target")) => {
                        let is_target = name == "target";
                        (is_target, false, self.langs.resolve(&el, is_target, true)?)
                    }
                    _ => {
                        drop(el);
                        self.xml.skip()?;
                        continue;
                    }
                },
                Ev::Empty(el) => match el.plain_name() {
                    Some(name @ ("source" | "target")) => {
                        let is_target = name == "target";
                        (is_target, true, self.langs.resolve(&el, is_target, true)?)
                    }
                    _ => continue,
                },
                Ev::End => return Ok((source, target)),
                Ev::Text(_) | Ev::Other | Ev::Eof => continue,
            };
            let segment = if empty {
                Segment::default()
            } else {
                self.inline.read(&mut self.xml, true)?
            };
            let slot = if is_target { &mut target } else { &mut source };
            if slot.is_none() {
                *slot = Some(Side { lang, segment });
            }
        }
    }

    /// Queues the unit of one source/target pair, or counts it when it has no text.
    fn push_unit(
        &mut self,
        props: Props,
        source: Option<Side>,
        target: Option<Side>,
        state: Option<String>,
    ) {
        let has_text = |side: &Option<Side>| {
            side.as_ref()
                .is_some_and(|s| !s.segment.text.trim().is_empty())
        };
        if !has_text(&source) && !has_text(&target) {
            self.skipped.empty_entries += 1;
            return;
        }
        let mut unit = Unit {
            variants: Vec::with_capacity(2),
            props,
        };
        if let Some(Side { lang, segment }) = source {
            unit.variants.push(Variant::new(lang, segment));
        }
        if let Some(Side { lang, segment }) = target {
            let mut variant = Variant::new(lang, segment);
            if let Some(state) = state {
                variant.props.add_prop(STATE_PROP, state);
            }
            unit.variants.push(variant);
        }
        self.pending.push_back(unit);
    }
}

/// The props of a unit from its `id` and its context attribute.
fn unit_props(el: &Element<'_>, context_attr: &str) -> Result<Props> {
    let mut props = Props::default();
    el.for_each_attr(|key, value| {
        if key == "id" {
            props.add_prop(ID_PROP, value);
        } else if key == context_attr {
            props.add_prop(CONTEXT_PROP, value);
        }
        Ok(())
    })?;
    Ok(props)
}

fn read_note(xml: &mut XmlReader, props: &mut Props) -> Result<()> {
    let mut note = String::new();
    xml.read_text(&mut note)?;
    props.notes.push(note);
    Ok(())
}

/// Reads the `<note>`s of a 2.0 `<notes>`.
fn read_notes(xml: &mut XmlReader, props: &mut Props) -> Result<()> {
    loop {
        match xml.next()? {
            Ev::Start(el) if el.plain_name() == Some("note") => {
                drop(el);
                read_note(xml, props)?;
            }
            Ev::Start(_) => xml.skip()?,
            Ev::End => return Ok(()),
            _ => {}
        }
    }
}

/// Reads the `<data id>` elements of a 2.0 `<originalData>`.
fn read_original_data(xml: &mut XmlReader, data: &mut HashMap<String, String>) -> Result<()> {
    loop {
        match xml.next()? {
            Ev::Start(el) if el.plain_name() == Some("data") => {
                let id = el.attr("id")?.unwrap_or_default();
                drop(el);
                let mut value = String::new();
                xml.read_text(&mut value)?;
                data.entry(id).or_insert(value);
            }
            Ev::Start(_) => xml.skip()?,
            Ev::End => return Ok(()),
            _ => {}
        }
    }
}

/// Reads a metadata module element and returns the text of a `<meta type="resname">` in it.
fn read_metadata_resname(xml: &mut XmlReader) -> Result<Option<String>> {
    let mut resname = None;
    let mut depth = 1usize;
    while depth > 0 {
        match xml.next()? {
            Ev::Start(el) => {
                if el.local_name() == "meta" && el.attr("type")?.as_deref() == Some("resname") {
                    drop(el);
                    let mut value = String::new();
                    xml.read_text(&mut value)?;
                    resname.get_or_insert(value);
                } else {
                    depth += 1;
                }
            }
            Ev::End => depth -= 1,
            _ => {}
        }
    }
    Ok(resname)
}

/// The attributes of an inline element that the conversion uses.
#[derive(Default)]
struct CodeAttrs {
    id: Option<String>,
    rid: Option<String>,
    i: Option<String>,
    ctype: Option<String>,
    kind: Option<String>,
    pos: Option<String>,
    assoc: Option<String>,
    datatype: Option<String>,
    data_ref: Option<String>,
    data_ref_start: Option<String>,
    data_ref_end: Option<String>,
    start_ref: Option<String>,
    isolated: bool,
    hex: Option<String>,
}

impl CodeAttrs {
    fn read(el: &Element<'_>) -> Result<CodeAttrs> {
        let mut a = CodeAttrs::default();
        el.for_each_attr(|key, value| {
            let slot = match key {
                "id" => &mut a.id,
                "rid" => &mut a.rid,
                "i" => &mut a.i,
                "ctype" => &mut a.ctype,
                "type" => &mut a.kind,
                "pos" => &mut a.pos,
                "assoc" => &mut a.assoc,
                "datatype" => &mut a.datatype,
                "dataRef" => &mut a.data_ref,
                "dataRefStart" => &mut a.data_ref_start,
                "dataRefEnd" => &mut a.data_ref_end,
                "startRef" => &mut a.start_ref,
                "hex" => &mut a.hex,
                "isolated" => {
                    a.isolated = value == "yes";
                    return Ok(());
                }
                _ => return Ok(()),
            };
            *slot = Some(value.to_string());
            Ok(())
        })?;
        Ok(a)
    }

    /// The pairing key of a 1.2 `bpt`/`ept`/`bx`/`ex`/`g`.
    fn pair_key(&self) -> &str {
        self.rid
            .as_deref()
            .or(self.id.as_deref())
            .or(self.i.as_deref())
            .unwrap_or("0")
    }
}

/// What to do at the end tag of an inline element.
enum Close {
    /// Close the TMX element written for it.
    Tag,
    /// Write an `<ept i>` with optional native code.
    Ept(String, Option<String>),
    /// Nothing (the element only contributed its content).
    Nothing,
}

/// Converts XLIFF inline content to a [`Segment`].
#[derive(Default)]
struct Inline {
    seg: SegmentBuilder,
    closes: Vec<Close>,
    /// The current 2.0 unit's `originalData`, by id.
    data: HashMap<String, String>,
}

impl Inline {
    /// Reads the content of a `<source>` or `<target>` whose start tag was just read.
    fn read(&mut self, xml: &mut XmlReader, v2: bool) -> Result<Segment> {
        self.closes.clear();
        loop {
            match xml.next()? {
                Ev::Text(text) => self.seg.text(&text),
                Ev::Start(el) => {
                    let name = el.plain_name().unwrap_or("").to_string();
                    let attrs = CodeAttrs::read(&el)?;
                    drop(el);
                    let close = if v2 {
                        self.start_v2(&name, &attrs, false)
                    } else {
                        self.start_v1(&name, &attrs, false)
                    };
                    match close {
                        Some(close) => self.closes.push(close),
                        None => xml.skip()?,
                    }
                }
                Ev::Empty(el) => {
                    let name = el.plain_name().unwrap_or("").to_string();
                    let attrs = CodeAttrs::read(&el)?;
                    drop(el);
                    let close = if v2 {
                        self.start_v2(&name, &attrs, true)
                    } else {
                        self.start_v1(&name, &attrs, true)
                    };
                    if let Some(close) = close {
                        self.close(close);
                    }
                }
                Ev::End => match self.closes.pop() {
                    Some(close) => self.close(close),
                    None => return Ok(self.seg.finish()),
                },
                Ev::Other | Ev::Eof => {}
            }
        }
    }

    fn close(&mut self, close: Close) {
        match close {
            Close::Tag => {
                self.seg.end();
            }
            Close::Ept(i, native) => code(&mut self.seg, "ept", &[("i", &i)], native.as_deref()),
            Close::Nothing => {}
        }
    }

    /// Converts a 1.2 start or empty tag; `None` means its content is to be skipped.
    fn start_v1(&mut self, name: &str, a: &CodeAttrs, empty: bool) -> Option<Close> {
        let ctype = a.ctype.as_deref().or(a.kind.as_deref());
        let written: (&str, Vec<(&str, &str)>) = match name {
            "g" => {
                let key = a.pair_key();
                code(
                    &mut self.seg,
                    "bpt",
                    &attrs(&[("i", Some(key)), ("type", ctype)]),
                    None,
                );
                return Some(Close::Ept(key.to_string(), None));
            }
            "x" | "bx" | "ex" => {
                let (tmx, list) = match name {
                    "x" => ("ph", attrs(&[("x", a.id.as_deref()), ("type", ctype)])),
                    "bx" => ("bpt", attrs(&[("i", Some(a.pair_key())), ("type", ctype)])),
                    _ => ("ept", attrs(&[("i", Some(a.pair_key()))])),
                };
                code(&mut self.seg, tmx, &list, None);
                return if empty { Some(Close::Nothing) } else { None };
            }
            "bpt" => ("bpt", attrs(&[("i", Some(a.pair_key())), ("type", ctype)])),
            "ept" => ("ept", attrs(&[("i", Some(a.pair_key()))])),
            "it" => {
                let pos = match a.pos.as_deref() {
                    Some("end" | "close") => "end",
                    _ => "begin",
                };
                (
                    "it",
                    attrs(&[("pos", Some(pos)), ("x", a.id.as_deref()), ("type", ctype)]),
                )
            }
            "ph" => (
                "ph",
                attrs(&[
                    ("x", a.id.as_deref()),
                    ("type", ctype),
                    ("assoc", a.assoc.as_deref()),
                ]),
            ),
            "sub" => (
                "sub",
                attrs(&[("datatype", a.datatype.as_deref()), ("type", ctype)]),
            ),
            _ => return Some(Close::Nothing),
        };
        if empty {
            self.seg.empty(written.0, &written.1);
            return Some(Close::Nothing);
        }
        self.open(written.0, &written.1);
        Some(Close::Tag)
    }

    /// Converts a 2.0 start or empty tag; `None` means its content is to be skipped.
    fn start_v2(&mut self, name: &str, a: &CodeAttrs, empty: bool) -> Option<Close> {
        let data = |id: &Option<String>| {
            let id = id.as_deref()?;
            self.data.get(id).cloned()
        };
        let (tmx, list, native) = match name {
            "ph" => ("ph", attrs(&[("x", a.id.as_deref())]), data(&a.data_ref)),
            "pc" => {
                let key = a.id.as_deref().unwrap_or("0");
                let start = data(&a.data_ref_start);
                code(&mut self.seg, "bpt", &[("i", key)], start.as_deref());
                return Some(Close::Ept(key.to_string(), data(&a.data_ref_end)));
            }
            "sc" if a.isolated => (
                "it",
                attrs(&[("pos", Some("begin")), ("x", a.id.as_deref())]),
                data(&a.data_ref),
            ),
            "sc" => (
                "bpt",
                attrs(&[("i", Some(a.id.as_deref().unwrap_or("0")))]),
                data(&a.data_ref),
            ),
            "ec" if a.isolated => (
                "it",
                attrs(&[
                    ("pos", Some("end")),
                    ("x", a.id.as_deref().or(a.start_ref.as_deref())),
                ]),
                data(&a.data_ref),
            ),
            "ec" => {
                let key = a.start_ref.as_deref().or(a.id.as_deref()).unwrap_or("0");
                ("ept", attrs(&[("i", Some(key))]), data(&a.data_ref))
            }
            "cp" => {
                let c = a
                    .hex
                    .as_deref()
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .and_then(char::from_u32)
                    .filter(|c| is_xml_char(*c));
                if let Some(c) = c {
                    self.seg.text(c.encode_utf8(&mut [0; 4]));
                }
                return if empty { Some(Close::Nothing) } else { None };
            }
            _ => return Some(Close::Nothing),
        };
        code(&mut self.seg, tmx, &list, native.as_deref());
        if empty { Some(Close::Nothing) } else { None }
    }

    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.seg.start(name, false);
        for (key, value) in attrs {
            self.seg.attr(key, value);
        }
    }
}

/// The attributes that have a value.
fn attrs<'a>(list: &[(&'a str, Option<&'a str>)]) -> Vec<(&'a str, &'a str)> {
    list.iter()
        .filter_map(|(key, value)| value.map(|v| (*key, v)))
        .collect()
}

/// Writes a code element holding `native` code, or an empty one.
fn code(seg: &mut SegmentBuilder, name: &str, attrs: &[(&str, &str)], native: Option<&str>) {
    match native.filter(|n| !n.is_empty()) {
        Some(native) => {
            seg.start(name, false);
            for (key, value) in attrs {
                seg.attr(key, value);
            }
            seg.text(native);
            seg.end();
        }
        None => seg.empty(name, attrs),
    }
}

impl UnitReader for XliffReader {
    fn next_unit(&mut self) -> Result<Option<Unit>> {
        loop {
            if let Some(unit) = self.pending.pop_front() {
                return Ok(Some(unit));
            }
            match self.xml.next()? {
                Ev::Start(el) => match el.plain_name() {
                    Some("file") => {
                        self.langs.file = lang_pair(&el, "source-language", "target-language")?;
                    }
                    Some("trans-unit") => {
                        let props = unit_props(&el, "resname")?;
                        drop(el);
                        self.read_trans_unit(props)?;
                    }
                    Some("unit") => {
                        let props = unit_props(&el, "name")?;
                        drop(el);
                        self.read_unit(props)?;
                    }
                    _ => {}
                },
                Ev::Empty(el) if matches!(el.plain_name(), Some("trans-unit" | "unit")) => {
                    self.skipped.empty_entries += 1;
                }
                Ev::Eof => return Ok(None),
                Ev::Empty(_) | Ev::End | Ev::Text(_) | Ev::Other => {}
            }
        }
    }

    fn bytes_read(&self) -> u64 {
        self.xml.bytes_read()
    }

    fn skipped(&self) -> Skipped {
        self.skipped.clone()
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

    fn reader(path: &Path, options: &ReadOptions) -> Result<XliffReader> {
        XliffReader::new(InputFile::open(path)?, options)
    }

    fn read_all(reader: &mut XliffReader) -> Result<Vec<Unit>> {
        let mut units = Vec::new();
        while let Some(unit) = reader.next_unit()? {
            units.push(unit);
        }
        Ok(units)
    }

    fn read_path(path: &Path) -> Result<Vec<Unit>> {
        read_all(&mut reader(path, &ReadOptions::default())?)
    }

    fn read_str_with(text: &str, options: &ReadOptions) -> Result<Vec<Unit>> {
        let file = tempfile::Builder::new().suffix(".xlf").tempfile().unwrap();
        std::fs::write(file.path(), text).unwrap();
        read_all(&mut reader(file.path(), options)?)
    }

    fn read_str(text: &str) -> Result<Vec<Unit>> {
        read_str_with(text, &ReadOptions::default())
    }

    fn input_error(result: Result<Vec<Unit>>) -> (Reason, Option<(u64, u64)>) {
        match result {
            Err(Error::Input {
                reason, position, ..
            }) => (
                reason,
                position.map(|Position { line, column }| (line, column)),
            ),
            other => panic!("expected an input error, got {other:?}"),
        }
    }

    fn lang(tag: &str) -> LangTag {
        LangTag::parse(tag).unwrap()
    }

    fn pairs(units: &[Unit]) -> Vec<Vec<(&str, &str)>> {
        units
            .iter()
            .map(|u| {
                u.variants
                    .iter()
                    .map(|v| (v.lang.as_str(), v.segment.text.as_str()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn every_valid_interop_xliff_reads_with_the_right_unit_count() {
        let expected = [
            ("okapi-688-cdata.xlf", 1, 0),
            ("okapi-FFFEBOM15992.sdlxliff", 1, 10),
            ("okapi-Manual-12-AltTrans.xlf", 7, 0),
            ("okapi-segmented.xlf", 2, 0),
            ("okapi-xliff2-placeholders_input.xlf", 3, 0),
            ("okapi-xliff2-test02.xlf", 5, 0),
            ("omegat-file-XLIFFFilter-tags.xlf", 10, 0),
            ("openxliff-OpenXLIFF_Java_es.xlf", 519, 0),
        ];
        for (name, count, skipped) in expected {
            let mut reader = reader(&shared("interop/xliff").join(name), &ReadOptions::default())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let units = read_all(&mut reader).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(units.len(), count, "{name}");
            assert_eq!(reader.skipped().empty_entries, skipped, "{name}");
            assert!(reader.bytes_read() > 0);
        }
    }

    #[test]
    fn negative_interop_xliff_files_are_input_errors_with_a_line() {
        let (reason, position) = input_error(read_path(&shared(
            "interop/xliff/okapi-invalid_xml_entity.xlf",
        )));
        assert_eq!(reason, Reason::InvalidXmlChar(3));
        assert_eq!(position, Some((8, 29)));
        let (reason, position) = input_error(read_path(&shared(
            "interop/xliff/okapi-generalstructure.xlf",
        )));
        assert_eq!(reason, Reason::InvalidUtf8);
        assert_eq!(position, Some((17, 23)));
    }

    #[test]
    fn xliff12_units_with_and_without_targets() {
        let units = read_path(&shared("interop/xliff/okapi-Manual-12-AltTrans.xlf")).unwrap();
        assert_eq!(pairs(&units)[0], [("en", "Text  text.")]);
        assert_eq!(
            units[0].variants[0].segment.markup.as_deref(),
            Some(
                "Text <ph x=\"1\">startCode<sub>[nested<ph x=\"2\">ph-in-sub</ph>still in sub]</sub>endCode</ph> text."
            )
        );
        // translate="no" is still imported.
        assert_eq!(pairs(&units)[1], [("en", "Do not translate this.")]);
        assert_eq!(
            pairs(&units)[3],
            [("en", "Text number 2"), ("fr", "Texte numéro 2.")]
        );
        assert_eq!(units[3].props.values(ID_PROP).collect::<Vec<_>>(), ["2"]);
        // alt-trans is ignored.
        assert_eq!(pairs(&units)[5], [("en", "Text number four")]);
    }

    #[test]
    fn xml_lang_on_source_and_target_wins_and_seg_source_is_ignored() {
        let units = read_path(&shared("interop/xliff/okapi-segmented.xlf")).unwrap();
        assert_eq!(
            pairs(&units)[0],
            [
                ("en-US", "The quick brown fox jumped over the lazy dog."),
                (
                    "de-DE",
                    "Der schnelle braune fuchs sprang über den faulen hund."
                )
            ]
        );
        assert_eq!(
            units[0].variants[0].segment.markup.as_deref(),
            Some(
                "The quick brown <bpt i=\"1\" type=\"bold\">&lt;b&gt;</bpt>fox<ept i=\"1\">&lt;/b&gt;</ept> jumped over the lazy dog."
            )
        );
        assert_eq!(units[0].props.notes.len(), 2);
        assert_eq!(pairs(&units)[1][1], ("de-DE", "Segment ein. Segment zwei."));
        assert_eq!(
            units[1].variants[1].segment.markup, None,
            "mrk keeps only text"
        );
    }

    #[test]
    fn cdata_is_text() {
        let units = read_path(&shared("interop/xliff/okapi-688-cdata.xlf")).unwrap();
        assert_eq!(
            pairs(&units)[0],
            [
                ("en", "t1.<p>CDATA in source & &amp;</p>.t3"),
                ("fr", "t1.<p>CDATA in target & &amp;</p>.t3")
            ]
        );
        assert_eq!(units[0].variants[0].segment.markup, None);
    }

    #[test]
    fn xliff11_namespace_g_x_and_mrk() {
        let units = read_path(&shared("interop/xliff/omegat-file-XLIFFFilter-tags.xlf")).unwrap();
        assert_eq!(
            pairs(&units)[0],
            [("en", "source"), ("be", "Link to http://localhost.")]
        );
        assert!(units[0].props.values(ID_PROP).next().is_none());
        assert_eq!(
            pairs(&units)[1],
            [("en-US", "About Gandalf"), ("fr-FR", "About Gandalf")]
        );
        assert_eq!(
            units[1].props.values(CONTEXT_PROP).collect::<Vec<_>>(),
            ["7"]
        );
        let g = &units[8].variants[1].segment;
        assert_eq!(g.text, "Nested tags: before  after");
        assert_eq!(
            g.markup.as_deref(),
            Some(
                "Nested tags: before <bpt i=\"0\"/><bpt i=\"1\"/><ph x=\"2\"/><ept i=\"1\"/><ept i=\"0\"/> after"
            )
        );
        let it = &units[3].variants[1].segment;
        assert_eq!(it.text, "one  two  three  four  five");
        assert!(
            it.markup
                .as_deref()
                .unwrap()
                .contains("<it pos=\"end\">&lt;d&gt;</it>")
        );
        let rid = &units[2].variants[1].segment;
        assert!(
            rid.markup
                .as_deref()
                .unwrap()
                .starts_with("<bpt i=\"1\">&lt;i&gt;</bpt>Tags<ept i=\"1\">")
        );
        assert_eq!(
            units[5].variants[1].segment.markup.as_deref(),
            Some("one <bpt i=\"2\" type=\"other\"/>two<ept i=\"2\"/> three")
        );
    }

    #[test]
    fn xliff20_segments_states_notes_and_original_data() {
        let units = read_path(&shared("interop/xliff/okapi-xliff2-test02.xlf")).unwrap();
        assert_eq!(
            pairs(&units)[..2],
            [
                vec![("en", "Sample segment."), ("fr", "Exemple de segment.")],
                vec![("en", "Segment's content."), ("fr", "Contenu du segment.")]
            ]
        );
        assert_eq!(units[0].props.values(ID_PROP).collect::<Vec<_>>(), ["tu1"]);
        assert_eq!(
            units[0].props.values(CONTEXT_PROP).collect::<Vec<_>>(),
            ["unit1"]
        );
        assert_eq!(
            units[0].variants[1]
                .props
                .values(STATE_PROP)
                .collect::<Vec<_>>(),
            ["translated"]
        );
        assert!(units[1].variants[1].props.is_empty());
        let tu2 = &units[4].variants[0].segment;
        assert_eq!(tu2.text, "special text and more\n.");
        assert_eq!(
            tu2.markup.as_deref(),
            Some(
                "<bpt i=\"1\">[b [#$tu3]   ]</bpt>special text<ept i=\"1\">[/b [#t3end]   ]</ept> and more\n<ph x=\"2\">[rtl-data   ]</ph>."
            )
        );
        let units =
            read_path(&shared("interop/xliff/okapi-xliff2-placeholders_input.xlf")).unwrap();
        assert_eq!(
            units[0].variants[0].segment.markup.as_deref(),
            Some("<ph x=\"1\">&lt;b&gt;</ph>Hello<ph x=\"2\">&lt;/b&gt;</ph> there.")
        );
        assert_eq!(units[0].variants[0].segment.text, "Hello there.");
        assert_eq!(
            units[2].variants[0].segment.text,
            "Some text <b>without</b> placeholders!"
        );
        assert_eq!(units[2].variants[0].segment.markup, None);
    }

    #[test]
    fn xliff20_metadata_resname_is_the_context() {
        let units = read_path(&shared("interop/xliff/openxliff-OpenXLIFF_Java_es.xlf")).unwrap();
        assert_eq!(
            pairs(&units)[0],
            [
                ("en", "Wrong XLIFF version"),
                ("es", "Versión de XLIFF incorrecta")
            ]
        );
        assert_eq!(
            units[0].props.values(CONTEXT_PROP).collect::<Vec<_>>(),
            ["FromXliff2.1"]
        );
        assert_eq!(
            units[0].variants[1]
                .props
                .values(STATE_PROP)
                .collect::<Vec<_>>(),
            ["final"]
        );
    }

    #[test]
    fn inline_codes_of_xliff20() {
        let doc = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="kk">
<file id="f"><unit id="u"><segment>
<source>A <sc id="1"/>b<ec startRef="1"/> <sc id="2" isolated="yes"/><mrk id="m">c</mrk><sm id="s"/>d<em startRef="s"/><cp hex="1F600"/><cp hex="0001"/></source>
<target>Ә <pc id="3">б</pc></target>
</segment></unit></file></xliff>"#;
        let units = read_str(doc).unwrap();
        let source = &units[0].variants[0].segment;
        assert_eq!(source.text, "A b cd😀");
        assert_eq!(
            source.markup.as_deref(),
            Some("A <bpt i=\"1\"/>b<ept i=\"1\"/> <it pos=\"begin\" x=\"2\"/>cd😀")
        );
        let target = &units[0].variants[1];
        assert_eq!(target.lang, lang("kk"));
        assert_eq!(
            target.segment.markup.as_deref(),
            Some("Ә <bpt i=\"3\"/>б<ept i=\"3\"/>")
        );
    }

    #[test]
    fn missing_languages_fall_back_to_the_options_or_fail() {
        let doc = "<xliff version=\"1.2\"><file><body>\n<trans-unit id=\"1\"><source>Hello</source><target>Salam</target></trans-unit>\n</body></file></xliff>";
        let (reason, position) = input_error(read_str(doc));
        assert_eq!(
            reason,
            Reason::MissingAttribute {
                element: "file".into(),
                attribute: "source-language".into()
            }
        );
        assert_eq!(position, Some((2, 20)));
        let options = ReadOptions {
            source_lang: Some(lang("en")),
            target_lang: Some(lang("az")),
        };
        let units = read_str_with(doc, &options).unwrap();
        assert_eq!(pairs(&units), [[("en", "Hello"), ("az", "Salam")]]);
        let doc2 = "<xliff version=\"2.0\" srcLang=\"en\"><file><unit id=\"1\"><segment><source>Hello</source><target>Salam</target></segment></unit></file></xliff>";
        let (reason, _) = input_error(read_str(doc2));
        assert_eq!(
            reason,
            Reason::MissingAttribute {
                element: "xliff".into(),
                attribute: "trgLang".into()
            }
        );
        // Without a target the target language is not needed.
        let doc3 = "<xliff version=\"2.0\" srcLang=\"en\"><file><unit id=\"1\"><segment><source>Hello</source></segment></unit></file></xliff>";
        assert_eq!(pairs(&read_str(doc3).unwrap()), [[("en", "Hello")]]);
        let bad = "<xliff version=\"2.0\" srcLang=\"e\" trgLang=\"az\"/>";
        assert!(matches!(input_error(read_str(bad)).0, Reason::LangTag(_)));
    }

    #[test]
    fn bad_xliff_inputs() {
        let (reason, _) = input_error(read_str("<tmx version=\"1.4\"/>"));
        assert!(matches!(reason, Reason::WrongRoot { .. }), "{reason:?}");
        let doc = "<xliff version=\"1.2\"><file source-language=\"en\"><body><trans-unit id=\"1\"><source>a &unknown; b</source></trans-unit></body></file></xliff>";
        assert_eq!(
            input_error(read_str(doc)).0,
            Reason::UndefinedEntity("unknown".into())
        );
        let doc = "<xliff version=\"1.2\"><file source-language=\"en\"><body><trans-unit id=\"1\"><source>a";
        assert_eq!(input_error(read_str(doc)).0, Reason::Truncated);
        let doc = "<!DOCTYPE xliff [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xliff/>";
        assert_eq!(input_error(read_str(doc)).0, Reason::EntityDeclaration);
    }

    #[test]
    fn converted_markup_is_valid_tmx() {
        let mut checked = 0;
        for entry in std::fs::read_dir(shared("interop/xliff")).unwrap() {
            let Ok(units) = read_path(&entry.unwrap().path()) else {
                continue;
            };
            for variant in units.iter().flat_map(|u| &u.variants) {
                if let Some(markup) = &variant.segment.markup {
                    assert!(super::super::tmx::is_valid_markup(markup), "{markup}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 10);
    }
}
