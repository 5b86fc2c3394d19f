//! How the store lays units out: in chunks of up to [`CHUNK_UNITS`] consecutive ids, one row of the
//! `chunks` table each, rather than a row per unit and per variant with B-tree indexes over them.
//! An import then writes one row per few hundred units (no index to keep up), a scan reads the
//! units in id order from a few large values, and a unit is found by its chunk's first id.
//!
//! A chunk's `data` is
//! `count: u32 | slots: u32 | origin length: u32 | offsets: (slots + 1) × u32 | origin | records`,
//! little-endian, the offsets counted from the start; the first `count + 1` offsets are used. A
//! chunk is written with a slot for every unit it may take, so its records go into place as they
//! come and nothing is copied when it is done. A record is one unit:
//! `flags: u8 | added | props | variant count | variants`, a variant
//! `lang | base | text | markup flag: u8 [markup] | props`; strings are a LEB128 length and UTF-8,
//! props three lists (attributes as name and value, notes, props as type and value). The `ORIGIN`
//! flag says the unit's props end with the chunk's origin (the file it was imported from), written
//! once per chunk instead of once per unit.
//!
//! Beside it, `keys` holds each unit's key (8 bytes, little-endian) and `summary` the chunk's counts
//! for `stats` ([`Summary`]).

use std::collections::{BTreeMap, HashMap};

use crate::model::{LangTag, ORIGIN_PROP, Prop, Props, Segment, Unit, Variant};

/// Units per chunk at most.
pub(super) const CHUNK_UNITS: usize = 256;

/// Record bytes after which a chunk takes no more units.
const CHUNK_BYTES: usize = 16 << 20;

/// The record flag: the unit's props end with the chunk's origin.
pub(super) const ORIGIN: u8 = 1;

/// A chunk that does not decode: the store file was damaged.
#[derive(Debug)]
pub(super) struct Damaged;

impl From<Damaged> for rusqlite::Error {
    fn from(_: Damaged) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            Some("a chunk of units does not decode".to_string()),
        )
    }
}

type Decoded<T> = std::result::Result<T, Damaged>;

/// `n` as a length prefix (LEB128): its bytes, and how many of them there are.
pub(super) fn len_prefix(mut n: usize) -> ([u8; 10], usize) {
    let mut bytes = [0; 10];
    let mut width = 0;
    while n >= 0x80 {
        bytes[width] = n as u8 | 0x80;
        n >>= 7;
        width += 1;
    }
    bytes[width] = n as u8;
    (bytes, width + 1)
}

#[inline]
pub(super) fn put_len(out: &mut Vec<u8>, n: usize) {
    if n < 0x80 {
        out.push(n as u8);
    } else {
        let (bytes, width) = len_prefix(n);
        out.extend_from_slice(&bytes[..width]);
    }
}

pub(super) fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

fn put_props(out: &mut Vec<u8>, props: &Props) {
    put_len(out, props.attrs.len());
    for (name, value) in &props.attrs {
        put_str(out, name);
        put_str(out, value);
    }
    put_len(out, props.notes.len());
    for note in &props.notes {
        put_str(out, note);
    }
    put_len(out, props.props.len());
    for prop in &props.props {
        put_str(out, &prop.kind);
        put_str(out, &prop.value);
    }
}

/// Appends the record of `unit` to `out`. With `origin`, the unit's props get the chunk's origin
/// last when read.
pub(super) fn encode_unit(out: &mut Vec<u8>, added: &str, unit: &Unit, origin: bool) {
    out.push(if origin { ORIGIN } else { 0 });
    put_str(out, added);
    put_props(out, &unit.props);
    put_len(out, unit.variants.len());
    for variant in &unit.variants {
        put_str(out, variant.lang.as_str());
        put_str(out, &variant.lang.base_str());
        put_str(out, &variant.segment.text);
        match &variant.segment.markup {
            Some(markup) => {
                out.push(1);
                put_str(out, markup);
            }
            None => out.push(0),
        }
        put_props(out, &variant.props);
    }
}

/// Reads a record's fields in order.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn byte(&mut self) -> Decoded<u8> {
        let b = *self.bytes.get(self.at).ok_or(Damaged)?;
        self.at += 1;
        Ok(b)
    }

    fn len(&mut self) -> Decoded<usize> {
        let mut n = 0usize;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7F) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(Damaged)
    }

    /// Passes over a string without checking it.
    fn skip_str(&mut self) -> Decoded<()> {
        let n = self.len()?;
        self.at = self.at.checked_add(n).ok_or(Damaged)?;
        if self.at > self.bytes.len() {
            return Err(Damaged);
        }
        Ok(())
    }

    fn str(&mut self) -> Decoded<&'a str> {
        let n = self.len()?;
        let end = self.at.checked_add(n).ok_or(Damaged)?;
        let bytes = self.bytes.get(self.at..end).ok_or(Damaged)?;
        self.at = end;
        simdutf8::basic::from_utf8(bytes).map_err(|_| Damaged)
    }

    /// A count of items that each take at least one byte: never more than the bytes left.
    fn count(&mut self) -> Decoded<usize> {
        let n = self.len()?;
        if n > self.bytes.len() - self.at {
            return Err(Damaged);
        }
        Ok(n)
    }

    fn props(&mut self) -> Decoded<Props> {
        let mut props = Props::default();
        for _ in 0..self.count()? {
            props
                .attrs
                .push((self.str()?.to_string(), self.str()?.to_string()));
        }
        for _ in 0..self.count()? {
            props.notes.push(self.str()?.to_string());
        }
        for _ in 0..self.count()? {
            props.props.push(Prop::new(self.str()?, self.str()?));
        }
        Ok(props)
    }

    fn skip_props(&mut self) -> Decoded<()> {
        for strings in [2, 1, 2] {
            for _ in 0..self.count()? * strings {
                self.skip_str()?;
            }
        }
        Ok(())
    }
}

/// One variant of a record, borrowed.
pub(super) struct VariantRef<'a> {
    pub(super) lang: &'a str,
    pub(super) base: &'a str,
    pub(super) text: &'a str,
    pub(super) markup: Option<&'a str>,
}

impl<'a> VariantRef<'a> {
    /// What identifies the variant's content, as [`Segment::content`].
    pub(super) fn content(&self) -> &'a str {
        self.markup.unwrap_or(self.text)
    }
}

/// Calls `visit(ord, variant)` for each variant of a record, without copying.
pub(super) fn for_each_variant<'a>(
    record: &'a [u8],
    mut visit: impl FnMut(usize, VariantRef<'a>),
) -> Decoded<()> {
    let mut cursor = Cursor {
        bytes: record,
        at: 1,
    };
    cursor.str()?;
    cursor.skip_props()?;
    for ord in 0..cursor.count()? {
        let lang = cursor.str()?;
        let base = cursor.str()?;
        let text = cursor.str()?;
        let markup = match cursor.byte()? {
            0 => None,
            1 => Some(cursor.str()?),
            _ => return Err(Damaged),
        };
        cursor.skip_props()?;
        visit(
            ord,
            VariantRef {
                lang,
                base,
                text,
                markup,
            },
        );
    }
    Ok(())
}

/// Calls `visit(tag, base)` for each variant of a record, passing over the rest unread.
fn for_each_language<'a>(record: &'a [u8], mut visit: impl FnMut(&'a str, &'a str)) -> Decoded<()> {
    let mut cursor = Cursor {
        bytes: record,
        at: 1,
    };
    cursor.skip_str()?;
    cursor.skip_props()?;
    // Tags are a few ASCII bytes: checked by the standard library, quicker than SIMD at that size.
    let tag = |cursor: &mut Cursor<'a>| -> Decoded<&'a str> {
        let start = cursor.at;
        cursor.skip_str()?;
        let bytes = &record[start..cursor.at];
        let len_bytes = bytes.iter().take_while(|&&b| b >= 0x80).count() + 1;
        std::str::from_utf8(&bytes[len_bytes..]).map_err(|_| Damaged)
    };
    for _ in 0..cursor.count()? {
        let lang = tag(&mut cursor)?;
        let base = tag(&mut cursor)?;
        cursor.skip_str()?;
        match cursor.byte()? {
            0 => {}
            1 => cursor.skip_str()?,
            _ => return Err(Damaged),
        }
        cursor.skip_props()?;
        visit(lang, base);
    }
    Ok(())
}

/// A record after its flags and the date its unit was added: the unit's props (but for the chunk's
/// origin) and variants. Two units whose records have the same such part are the same unit with
/// the same props, so a merge of one into the other changes nothing.
pub(super) fn after_date(record: &[u8]) -> Decoded<&[u8]> {
    let mut cursor = Cursor {
        bytes: record,
        at: 1,
    };
    cursor.skip_str()?;
    Ok(&record[cursor.at..])
}

/// Whether a record's unit takes its chunk's origin.
pub(super) fn takes_origin(record: &[u8]) -> bool {
    record.first().is_some_and(|flags| flags & ORIGIN != 0)
}

/// A tag as a record holds it, parsed; `None` when it no longer parses. A store holds a few tags
/// over and over, so the tags parsed last are kept (per thread): decoding a unit then parses none.
fn parse_tag(raw: &str) -> Option<LangTag> {
    thread_local! {
        static PARSED: std::cell::RefCell<Vec<(Box<str>, LangTag)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    const KEPT: usize = 16;
    PARSED.with_borrow_mut(|parsed| {
        if let Some((_, tag)) = parsed.iter().find(|(known, _)| **known == *raw) {
            return Some(tag.clone());
        }
        let tag = LangTag::parse(raw).ok()?;
        if parsed.len() == KEPT {
            parsed.remove(0);
        }
        parsed.push((raw.into(), tag.clone()));
        Some(tag)
    })
}

/// A record decoded: when the unit was added, and the unit. Variants whose tag no longer parses
/// are left out.
pub(super) fn decode_unit(record: &[u8], origin: Option<&str>) -> Decoded<(String, Unit)> {
    let mut cursor = Cursor {
        bytes: record,
        at: 0,
    };
    let flags = cursor.byte()?;
    let added = cursor.str()?.to_string();
    let mut props = cursor.props()?;
    if let Some(origin) = origin.filter(|_| flags & ORIGIN != 0) {
        props.props.push(Prop::new(ORIGIN_PROP, origin));
    }
    let n = cursor.count()?;
    let mut variants = Vec::with_capacity(n);
    for _ in 0..n {
        let lang = cursor.str()?;
        cursor.str()?;
        let text = cursor.str()?.to_string();
        let markup = match cursor.byte()? {
            0 => None,
            1 => Some(cursor.str()?.to_string()),
            _ => return Err(Damaged),
        };
        let props = cursor.props()?;
        if let Some(lang) = parse_tag(lang) {
            variants.push(Variant {
                lang,
                segment: Segment { text, markup },
                props,
            });
        }
    }
    Ok((added, Unit { variants, props }))
}

/// A chunk's `data`, read.
pub(super) struct ChunkView<'a> {
    data: &'a [u8],
    count: usize,
    slots: usize,
}

fn u32_at(data: &[u8], at: usize) -> Decoded<usize> {
    let bytes = data.get(at..at + 4).ok_or(Damaged)?;
    Ok(u32::from_le_bytes(bytes.try_into().map_err(|_| Damaged)?) as usize)
}

/// Bytes before the offsets.
const HEADER: usize = 12;

impl<'a> ChunkView<'a> {
    pub(super) fn new(data: &'a [u8]) -> Decoded<ChunkView<'a>> {
        let count = u32_at(data, 0)?;
        let slots = u32_at(data, 4)?;
        if count > slots || slots > CHUNK_UNITS || HEADER + 4 * (slots + 1) > data.len() {
            return Err(Damaged);
        }
        Ok(ChunkView { data, count, slots })
    }

    pub(super) fn count(&self) -> usize {
        self.count
    }

    /// The file the chunk's units with the origin flag came from.
    pub(super) fn origin(&self) -> Decoded<&'a str> {
        let len = u32_at(self.data, 8)?;
        let start = HEADER + 4 * (self.slots + 1);
        let bytes = self.data.get(start..start + len).ok_or(Damaged)?;
        std::str::from_utf8(bytes).map_err(|_| Damaged)
    }

    /// The record of the chunk's `i`-th unit.
    pub(super) fn record(&self, i: usize) -> Decoded<&'a [u8]> {
        if i >= self.count {
            return Err(Damaged);
        }
        let start = u32_at(self.data, HEADER + 4 * i)?;
        let end = u32_at(self.data, HEADER + 4 * (i + 1))?;
        self.data.get(start..end).ok_or(Damaged)
    }

    /// The `i`-th unit, decoded.
    pub(super) fn unit(&self, i: usize) -> Decoded<(String, Unit)> {
        decode_unit(self.record(i)?, Some(self.origin()?))
    }
}

/// Counts of a chunk's units for `stats`: units per language tag, per matching language and per
/// pair of matching languages, and variants. Kept as text lines in the `summary` column.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Summary {
    pub tags: BTreeMap<String, u64>,
    pub bases: BTreeMap<String, u64>,
    pub pairs: BTreeMap<(String, String), u64>,
    pub variants: u64,
}

impl Summary {
    /// Counts one unit, given its variants' (tag, base).
    pub(super) fn add(&mut self, variants: &[(&str, &str)]) {
        self.add_times(variants, 1);
    }

    /// Counts `units` units with the same variants' (tag, base).
    fn add_times(&mut self, variants: &[(&str, &str)], units: u64) {
        for (i, &(tag, base)) in variants.iter().enumerate() {
            self.variants += units;
            let earlier = &variants[..i];
            if !earlier.iter().any(|&(t, _)| t == tag) {
                count(&mut self.tags, tag, units);
            }
            if earlier.iter().any(|&(_, b)| b == base) {
                continue;
            }
            count(&mut self.bases, base, units);
            // Each pair once: with the distinct bases before this one.
            for (j, &(_, other)) in earlier.iter().enumerate() {
                if other == base || earlier[..j].iter().any(|&(_, b)| b == other) {
                    continue;
                }
                let (a, b) = if other < base {
                    (other, base)
                } else {
                    (base, other)
                };
                // Looked up without allocating: a chunk has few pairs.
                match self.pairs.iter_mut().find(|((x, y), _)| x == a && y == b) {
                    Some((_, n)) => *n += units,
                    None => {
                        self.pairs.insert((a.to_string(), b.to_string()), units);
                    }
                }
            }
        }
    }

    /// Adds another summary's counts.
    pub(super) fn absorb(&mut self, other: Summary) {
        for (tag, n) in other.tags {
            *self.tags.entry(tag).or_default() += n;
        }
        for (base, n) in other.bases {
            *self.bases.entry(base).or_default() += n;
        }
        for (pair, n) in other.pairs {
            *self.pairs.entry(pair).or_default() += n;
        }
        self.variants += other.variants;
    }

    pub(super) fn encode(&self) -> String {
        use std::fmt::Write;
        let mut s = format!("v\t{}\n", self.variants);
        for (tag, n) in &self.tags {
            let _ = writeln!(s, "l\t{tag}\t{n}");
        }
        for (base, n) in &self.bases {
            let _ = writeln!(s, "b\t{base}\t{n}");
        }
        for ((a, b), n) in &self.pairs {
            let _ = writeln!(s, "p\t{a}\t{b}\t{n}");
        }
        s
    }

    pub(super) fn decode(text: &str) -> Decoded<Summary> {
        let mut summary = Summary::default();
        for line in text.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            let n = |s: &str| s.parse::<u64>().map_err(|_| Damaged);
            match fields.as_slice() {
                ["v", count] => summary.variants = n(count)?,
                ["l", tag, count] => {
                    summary.tags.insert(tag.to_string(), n(count)?);
                }
                ["b", base, count] => {
                    summary.bases.insert(base.to_string(), n(count)?);
                }
                ["p", a, b, count] => {
                    summary
                        .pairs
                        .insert((a.to_string(), b.to_string()), n(count)?);
                }
                _ => return Err(Damaged),
            }
        }
        Ok(summary)
    }
}

/// Adds one to `name`'s count (allocating only for a new name).
fn count(counts: &mut BTreeMap<String, u64>, name: &str, units: u64) {
    match counts.get_mut(name) {
        Some(n) => *n += units,
        None => {
            counts.insert(name.to_string(), units);
        }
    }
}

/// Units counted by their variants' (tag, base) lists, for a chunk's [`Summary`]: a chunk holds
/// few such lists (most often one), so a unit is counted by finding its list among them, not by
/// looking each language and pair up.
#[derive(Default)]
struct Shapes(Vec<(Vec<(String, String)>, u64)>);

impl Shapes {
    /// Lists kept apart at most; the units of any others are counted into the summary at once.
    const MAX: usize = 16;

    fn add(&mut self, variants: &[(&str, &str)], summary: &mut Summary) {
        // Byte by byte: tags are a few bytes, shorter than a call to compare them costs.
        let eq =
            |a: &str, b: &str| a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y);
        let same = |(shape, _): &&mut (Vec<(String, String)>, u64)| {
            shape.len() == variants.len()
                && shape
                    .iter()
                    .zip(variants)
                    .all(|((t, b), (t2, b2))| eq(t, t2) && eq(b, b2))
        };
        let full = self.0.len() == Self::MAX;
        match self.0.iter_mut().rev().find(same) {
            Some((_, units)) => *units += 1,
            None if !full => {
                let shape = variants
                    .iter()
                    .map(|&(t, b)| (t.to_string(), b.to_string()))
                    .collect();
                self.0.push((shape, 1));
            }
            None => summary.add(variants),
        }
    }

    /// Counts the units kept here into `summary`.
    fn into_summary(self, summary: &mut Summary) {
        for (shape, units) in self.0 {
            let variants: Vec<(&str, &str)> = shape
                .iter()
                .map(|(t, b)| (t.as_str(), b.as_str()))
                .collect();
            summary.add_times(&variants, units);
        }
    }
}

/// A chunk being filled: records written into place as units come, and records replaced (a merge
/// into a unit of the chunk) kept aside until [`ChunkBuilder::finish`] lays the chunk out again.
pub(super) struct ChunkBuilder {
    /// The chunk's first unit id.
    pub first: i64,
    /// The chunk's data so far: header, origin and records (count and offsets are written last).
    data: Vec<u8>,
    origin: String,
    /// Where each record starts in `data`.
    starts: Vec<usize>,
    replaced: HashMap<usize, Vec<u8>>,
    keys: Vec<u8>,
    summary: Summary,
    shapes: Shapes,
}

/// A chunk laid out, ready for its row.
pub(super) struct FinishedChunk {
    pub first: i64,
    pub count: usize,
    pub keys: Vec<u8>,
    pub summary: Summary,
    pub data: Vec<u8>,
}

/// The start of a chunk's data up to its first record, with count and offsets still zero.
fn header(origin: &str, capacity: usize) -> Vec<u8> {
    let mut data = Vec::with_capacity(capacity);
    data.extend_from_slice(&0u32.to_le_bytes());
    data.extend_from_slice(&(CHUNK_UNITS as u32).to_le_bytes());
    data.extend_from_slice(&(origin.len() as u32).to_le_bytes());
    data.resize(HEADER + 4 * (CHUNK_UNITS + 1), 0);
    data.extend_from_slice(origin.as_bytes());
    data
}

impl ChunkBuilder {
    pub(super) fn new(first: i64, origin: &str) -> ChunkBuilder {
        ChunkBuilder {
            first,
            // Room for 256 units of some 500 bytes without growing (growing copies the data).
            data: header(origin, 128 * 1024),
            origin: origin.to_string(),
            starts: Vec::with_capacity(CHUNK_UNITS),
            replaced: HashMap::new(),
            keys: Vec::with_capacity(8 * CHUNK_UNITS),
            summary: Summary::default(),
            shapes: Shapes::default(),
        }
    }

    /// A builder holding the units of a stored chunk, to replace some of their records.
    pub(super) fn from_stored(first: i64, data: &[u8], keys: &[u8]) -> Decoded<ChunkBuilder> {
        let view = ChunkView::new(data)?;
        let mut builder = ChunkBuilder::new(first, view.origin()?);
        for i in 0..view.count() {
            builder.push_record(view.record(i)?)?;
        }
        if keys.len() != 8 * view.count() {
            return Err(Damaged);
        }
        builder.keys.extend_from_slice(keys);
        Ok(builder)
    }

    pub(super) fn origin(&self) -> &str {
        &self.origin
    }

    pub(super) fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether the chunk takes no more units: it has [`CHUNK_UNITS`], or its records fill
    /// [`CHUNK_BYTES`] (long segments), which keeps every offset well inside 32 bits.
    pub(super) fn is_full(&self) -> bool {
        self.len() == CHUNK_UNITS || self.data.len() >= CHUNK_BYTES
    }

    /// Appends a unit's record (its id is `first + len` before the call).
    pub(super) fn push_record(&mut self, record: &[u8]) -> Decoded<()> {
        // (tag, base) on the stack for the usual few variants.
        let mut few: [(&str, &str); 8] = [("", ""); 8];
        let mut many = Vec::new();
        let mut n = 0;
        for_each_language(record, |tag, base| {
            if n < few.len() {
                few[n] = (tag, base);
            } else {
                if n == few.len() {
                    many.extend_from_slice(&few);
                }
                many.push((tag, base));
            }
            n += 1;
        })?;
        let variants = if n <= few.len() { &few[..n] } else { &many[..] };
        self.shapes.add(variants, &mut self.summary);
        self.starts.push(self.data.len());
        self.data.extend_from_slice(record);
        Ok(())
    }

    /// Appends the record of a new unit with `key`, whose variants' (tag, base) list is `shape`.
    pub(super) fn push_new(&mut self, key: i64, record: &[u8], shape: &[(String, String)]) {
        let mut few: [(&str, &str); 8] = [("", ""); 8];
        if shape.len() <= few.len() {
            for (slot, (t, b)) in few.iter_mut().zip(shape) {
                *slot = (t, b);
            }
            self.shapes.add(&few[..shape.len()], &mut self.summary);
        } else {
            let many: Vec<(&str, &str)> = shape.iter().map(|(t, b)| (&t[..], &b[..])).collect();
            self.shapes.add(&many, &mut self.summary);
        }
        self.starts.push(self.data.len());
        self.data.extend_from_slice(record);
        self.keys.extend_from_slice(&key.to_le_bytes());
    }

    /// The record of the `i`-th unit, as it stands.
    pub(super) fn record(&self, i: usize) -> &[u8] {
        if let Some(record) = self.replaced.get(&i) {
            return record;
        }
        let end = self.starts.get(i + 1).copied().unwrap_or(self.data.len());
        &self.data[self.starts[i]..end]
    }

    /// Appends a new unit with `key` (its id is `first + len` before the call).
    pub(super) fn push_unit(&mut self, key: i64, added: &str, unit: &Unit, origin: bool) {
        let mut record = Vec::new();
        encode_unit(&mut record, added, unit, origin);
        let shape: Vec<(String, String)> = unit
            .variants
            .iter()
            .map(|v| (v.lang.as_str().to_string(), v.lang.base()))
            .collect();
        self.push_new(key, &record, &shape);
    }

    /// Replaces the record of the `i`-th unit (its variants stay the same: only props change).
    pub(super) fn replace(&mut self, i: usize, record: Vec<u8>) {
        self.replaced.insert(i, record);
    }

    /// Lays the chunk out: count and offsets into the header, and the records again only when
    /// some were replaced.
    pub(super) fn finish(self) -> FinishedChunk {
        let count = self.len();
        let ChunkBuilder {
            first,
            mut data,
            origin,
            mut starts,
            replaced,
            keys,
            mut summary,
            shapes,
        } = self;
        shapes.into_summary(&mut summary);
        if !replaced.is_empty() {
            let old = std::mem::replace(&mut data, header(&origin, 0));
            let mut moved = Vec::with_capacity(count);
            for i in 0..count {
                let end = starts.get(i + 1).copied().unwrap_or(old.len());
                moved.push(data.len());
                match replaced.get(&i) {
                    Some(record) => data.extend_from_slice(record),
                    None => data.extend_from_slice(&old[starts[i]..end]),
                }
            }
            starts = moved;
        }
        data[0..4].copy_from_slice(&(count as u32).to_le_bytes());
        let end = data.len();
        for (i, at) in starts.iter().chain(std::iter::once(&end)).enumerate() {
            data[HEADER + 4 * i..HEADER + 4 * (i + 1)].copy_from_slice(&(*at as u32).to_le_bytes());
        }
        FinishedChunk {
            first,
            count,
            keys,
            summary,
            data,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn decoding_leaves_out_variants_whose_tag_no_longer_parses() {
        // A record by hand: no flags, a date, no props, three variants, the second's tag malformed.
        let mut record = vec![0];
        put_str(&mut record, "20261130T000000Z");
        record.extend_from_slice(&[0, 0, 0]);
        put_len(&mut record, 3);
        for (tag, text) in [("kk-Latn", "Fail"), ("e n", "x"), ("kk-Latn", "Faıl")] {
            put_str(&mut record, tag);
            put_str(&mut record, "kk");
            put_str(&mut record, text);
            // No markup, no props.
            record.extend_from_slice(&[0, 0, 0, 0]);
        }
        // The second time, the tags come from those parsed the first.
        for _ in 0..2 {
            let (added, unit) = decode_unit(&record, None).unwrap();
            assert_eq!(added, "20261130T000000Z");
            let texts: Vec<_> = unit
                .variants
                .iter()
                .map(|v| v.segment.text.as_str())
                .collect();
            assert_eq!(texts, ["Fail", "Faıl"]);
            for variant in &unit.variants {
                assert_eq!(variant.lang, LangTag::parse("KK_latn").unwrap());
                assert_eq!(variant.lang.as_str(), "kk-Latn");
            }
        }
    }

    fn variant(lang: &str, text: &str) -> Variant {
        Variant::new(LangTag::parse(lang).unwrap(), Segment::plain(text))
    }

    fn sample() -> Unit {
        let mut unit = Unit {
            variants: vec![
                variant("en", "Director-General of ICESCO"),
                variant("az", "İSESKO-nun Baş direktoru"),
                variant("kk", "ИСЕСКО Бас директоры"),
                variant("ar", "المدير العام للإيسيسكو"),
            ],
            props: Props::default(),
        };
        unit.variants[0].segment.markup = Some("Director-General of <ph x=\"1\"/>ICESCO".into());
        unit.variants[2].props.add_note("тексерілді");
        unit.props.set_attr("tuid", "17");
        unit.props.add_prop("x-context", "title");
        unit
    }

    #[test]
    fn a_chunk_gives_back_its_units_with_the_origin_where_flagged() {
        let mut builder = ChunkBuilder::new(41, "seed.tmx");
        builder.push_unit(7, "20261129T000000Z", &sample(), true);
        builder.push_unit(8, "20261129T000001Z", &sample(), false);
        let done = builder.finish();
        assert_eq!((done.first, done.count), (41, 2));
        assert_eq!(done.keys, [7i64.to_le_bytes(), 8i64.to_le_bytes()].concat());
        let view = ChunkView::new(&done.data).unwrap();
        assert_eq!(view.origin().unwrap(), "seed.tmx");
        let (added, flagged) = view.unit(0).unwrap();
        assert_eq!(added, "20261129T000000Z");
        let mut expected = sample();
        assert_eq!(flagged.variants, expected.variants);
        expected.props.add_prop(ORIGIN_PROP, "seed.tmx");
        assert_eq!(flagged.props, expected.props);
        assert_eq!(view.unit(1).unwrap().1, sample());
        let mut seen = Vec::new();
        for_each_variant(view.record(1).unwrap(), |ord, v| {
            seen.push((ord, v.lang, v.base, v.text, v.content().to_string()))
        })
        .unwrap();
        assert_eq!(seen[0].4, "Director-General of <ph x=\"1\"/>ICESCO");
        assert_eq!(
            seen[3],
            (
                3,
                "ar",
                "ar",
                "المدير العام للإيسيسكو",
                "المدير العام للإيسيسكو".into()
            )
        );
    }

    proptest! {
        /// However many kinds of unit a chunk holds (more than [`Shapes::MAX`] included), its
        /// summary counts what counting each unit on its own counts.
        #[test]
        fn a_chunks_summary_counts_each_unit(
            units in prop::collection::vec(
                prop::collection::vec(
                    prop::sample::select(vec!["en", "en-US", "az", "kk", "kk-Latn", "ar", "fr", "sr-Latn"]),
                    1..5,
                ),
                0..120,
            )
        ) {
            let mut builder = ChunkBuilder::new(1, "");
            let mut expected = Summary::default();
            for (i, tags) in units.iter().enumerate() {
                let unit = Unit {
                    variants: tags.iter().map(|t| variant(t, "x")).collect(),
                    props: Props::default(),
                };
                builder.push_unit(i as i64, "d", &unit, false);
                let bases: Vec<String> = unit.variants.iter().map(|v| v.lang.base()).collect();
                let pairs: Vec<(&str, &str)> = unit
                    .variants
                    .iter()
                    .zip(&bases)
                    .map(|(v, b)| (v.lang.as_str(), b.as_str()))
                    .collect();
                expected.add(&pairs);
            }
            prop_assert_eq!(builder.finish().summary, expected);
        }
    }

    #[test]
    fn replaced_records_take_their_place_and_summaries_count_units() {
        let mut builder = ChunkBuilder::new(1, "");
        let pair = |en: &str, kk: &str| Unit {
            variants: vec![variant("en-US", en), variant("kk", kk), variant("kk", kk)],
            props: Props::default(),
        };
        for i in 0..3 {
            builder.push_unit(i, "d", &pair(&format!("File {i}"), "Файл"), false);
        }
        let mut changed = pair("File 1", "Файл");
        changed.props.add_note("merged");
        let mut record = Vec::new();
        encode_unit(&mut record, "d", &changed, false);
        builder.replace(1, record);
        let done = builder.finish();
        let view = ChunkView::new(&done.data).unwrap();
        assert_eq!(view.unit(1).unwrap().1, changed);
        assert_eq!(view.unit(2).unwrap().1, pair("File 2", "Файл"));
        let summary = Summary::decode(&done.summary.encode()).unwrap();
        assert_eq!(summary, done.summary);
        assert_eq!(summary.variants, 9);
        assert_eq!(summary.tags["en-US"], 3);
        assert_eq!(summary.bases["kk"], 3, "a unit counts once per language");
        assert_eq!(summary.pairs[&("en".to_string(), "kk".to_string())], 3);
        // Built again from the stored chunk: the same layout and counts.
        let again = ChunkBuilder::from_stored(1, &done.data, &done.keys)
            .unwrap()
            .finish();
        assert_eq!(again.data, done.data);
        assert_eq!(again.summary, done.summary);
    }

    #[test]
    fn a_unit_counts_once_per_language_and_pair_of_languages() {
        let mut summary = Summary::default();
        summary.add(&[
            ("en", "en"),
            ("kk-KZ", "kk"),
            ("en-US", "en"),
            ("ar", "ar"),
            ("kk", "kk"),
        ]);
        assert_eq!(summary.variants, 5);
        assert_eq!(summary.tags.len(), 5);
        assert_eq!(summary.bases.values().collect::<Vec<_>>(), [&1, &1, &1]);
        let pairs: Vec<(&str, &str, u64)> = summary
            .pairs
            .iter()
            .map(|((a, b), n)| (a.as_str(), b.as_str(), *n))
            .collect();
        assert_eq!(pairs, [("ar", "en", 1), ("ar", "kk", 1), ("en", "kk", 1)]);
    }

    #[test]
    fn damaged_chunks_are_errors_not_panics() {
        let mut builder = ChunkBuilder::new(1, "a.tmx");
        builder.push_unit(1, "d", &sample(), true);
        let data = builder.finish().data;
        for cut in 0..data.len() {
            let short = &data[..cut];
            if let Ok(view) = ChunkView::new(short) {
                assert!(view.unit(0).is_err(), "cut at {cut}");
            }
        }
        let mut huge = data.clone();
        huge[0..4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(ChunkView::new(&huge).is_err());
        assert!(Summary::decode("v\tmany\n").is_err());
    }

    fn text() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-zəığşİIҚқәأإ<>&\"\u{200c} ]{0,12}").unwrap()
    }

    fn props() -> impl Strategy<Value = Props> {
        (
            proptest::collection::vec((text(), text()), 0..3),
            proptest::collection::vec(text(), 0..3),
            proptest::collection::vec((text(), text()), 0..3),
        )
            .prop_map(|(attrs, notes, props)| Props {
                attrs,
                notes,
                props: props.into_iter().map(|(k, v)| Prop::new(k, v)).collect(),
            })
    }

    fn unit() -> impl Strategy<Value = Unit> {
        let lang = prop::sample::select(vec!["en", "az-Latn-AZ", "kk", "kk-Latn", "ar", "sr-Latn"]);
        let variant = (lang, text(), proptest::option::of(text()), props()).prop_map(
            |(lang, text, markup, props)| Variant {
                lang: LangTag::parse(lang).unwrap(),
                segment: Segment { text, markup },
                props,
            },
        );
        (proptest::collection::vec(variant, 0..5), props())
            .prop_map(|(variants, props)| Unit { variants, props })
    }

    proptest! {
        #[test]
        fn every_unit_round_trips(
            units in proptest::collection::vec((unit(), any::<bool>()), 1..40),
            origin in text(),
        ) {
            let mut builder = ChunkBuilder::new(100, &origin);
            for (i, (unit, flagged)) in units.iter().enumerate() {
                builder.push_unit(i as i64, "20260101T000000Z", unit, *flagged);
            }
            let done = builder.finish();
            let view = ChunkView::new(&done.data).unwrap();
            prop_assert_eq!(view.count(), units.len());
            for (i, (unit, flagged)) in units.iter().enumerate() {
                let (_, got) = view.unit(i).unwrap();
                prop_assert_eq!(&got.variants, &unit.variants);
                let mut props = unit.props.clone();
                if *flagged {
                    props.props.push(Prop::new(ORIGIN_PROP, origin.clone()));
                }
                prop_assert_eq!(got.props, props);
            }
        }
    }
}
