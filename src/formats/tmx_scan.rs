//! The fast path of the TMX reader: the body of a UTF-8 file read in large blocks, and each plain
//! `<tu>` in it (attributes, `<tuv>`s with a `<seg>` of text, `<prop>`s and `<note>`s, the five
//! predefined entities) turned into a unit by a byte scanner instead of an XML event stream.
//!
//! Anything else (inline codes, comments, CDATA, character references, carriage returns, odd
//! attributes, an empty `<tu>`, the end of the body, an error of any kind) is left to the full
//! reader: it reads the file from that `<tu>` on, as a fragment inside `<tmx><body>`, up to the end
//! of its next unit, and the scanner goes on after it. So every unit and every error is the one the
//! full reader gives; the scanner only decides, unit by unit, whether the full reader is needed.
//! The tests check that the two agree on documents made of all of these.

use std::fs::File;
use std::io::{self, BufRead, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use memchr::memmem;

use super::read_ahead::{HEAD_ROOM, Marks, ReadAhead};
use super::sink::{TextSink, UnitSink};
use super::tmx::{LangCache, add_prop, canonical_srclang};
use super::xml::{check_chars, dedup_props};
use crate::error::{Error, Result};
use crate::model::{LangTag, Props, Segment, Unit, Variant};

/// Bytes read from the file at a time. A block small enough to stay in the core's cache between
/// the read that copies it in and the scan (with 1 MiB, an import took a tenth more time).
#[cfg(not(any(test, fuzzing)))]
fn block_len() -> usize {
    256 << 10
}

#[cfg(any(test, fuzzing))]
thread_local! {
    /// The tests' and fuzzing's blocks: a few bytes by default, so that units cross blocks; more
    /// when a test wants units inside blocks.
    static BLOCK_LEN: std::cell::Cell<usize> = const { std::cell::Cell::new(7) };
}

#[cfg(any(test, fuzzing))]
fn block_len() -> usize {
    BLOCK_LEN.get()
}

/// Reads the bodies opened by this thread from now on in blocks of `len` bytes.
#[cfg(any(test, fuzzing))]
pub(super) fn set_block_len(len: usize) {
    BLOCK_LEN.set(len.max(1));
}

/// The end tag of a unit, searched for once per unit.
static END_TU: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(b"</tu>"));

/// A TMX body being read from a file.
pub(super) struct Body {
    path: PathBuf,
    /// The file, read from where the body starts.
    file: Arc<ReadAhead>,
    /// Bytes of the file before its decoded stream starts (a UTF-8 byte-order mark).
    skip: u64,
    /// The window: the file's bytes read and not yet dropped, `buffer[..filled]` (the first `at`
    /// of them read already). Most often a block from the file, with the unread end of the one
    /// before put in front of it.
    buffer: Vec<u8>,
    filled: usize,
    /// Offset of `buffer[0]` in the decoded stream, modulo 2⁶⁴ (before the body's start when the
    /// window begins with room left before a block).
    base: u64,
    /// How far into the window the body has been read.
    at: usize,
    /// The file has no bytes after the window.
    eof: bool,
    /// Where the window holds UTF-8 without characters XML forbids, as checked with its block
    /// ([`super::read_ahead::Checked`]), and where in that block characters at or above U+0300
    /// are (counted from the block's start, `checked.start` in the window).
    checked: std::ops::Range<usize>,
    marks: Marks,
}

/// What the scanner found at the current place.
pub(super) enum Scanned {
    /// A plain unit, given to the sink; it has this many languages.
    Sunk(usize),
    /// A plain unit, read into the unit given.
    Unit,
    /// Something for the full reader (see the module documentation).
    Other,
}

/// The source of a fragment: the window's unread bytes, then the file after them.
struct Rest {
    head: io::Cursor<Vec<u8>>,
    file: io::BufReader<File>,
}

impl Read for Rest {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.head.read(buf)? {
            0 => self.file.read(buf),
            n => Ok(n),
        }
    }
}

impl BufRead for Rest {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if (self.head.position() as usize) < self.head.get_ref().len() {
            self.head.fill_buf()
        } else {
            self.file.fill_buf()
        }
    }

    fn consume(&mut self, n: usize) {
        if (self.head.position() as usize) < self.head.get_ref().len() {
            self.head.consume(n)
        } else {
            self.file.consume(n)
        }
    }
}

impl Body {
    /// The body of the file at `path` from offset `start` of its decoded stream, which begins `skip`
    /// bytes into the file.
    pub(super) fn new(path: &Path, mut file: File, skip: u64, start: u64) -> Result<Body> {
        file.seek(SeekFrom::Start(skip + start))
            .map_err(|e| Error::io(path, e))?;
        Ok(Body {
            path: path.to_path_buf(),
            file: Arc::new(ReadAhead::new(file, block_len())),
            skip,
            buffer: Vec::new(),
            filled: 0,
            base: start,
            at: 0,
            eof: false,
            checked: 0..0,
            marks: Marks::default(),
        })
    }

    /// The file being read.
    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    /// The file, for another thread to read ahead.
    pub(super) fn read_ahead(&self) -> Arc<ReadAhead> {
        Arc::clone(&self.file)
    }

    /// Offset of the reading place in the decoded stream.
    pub(super) fn offset(&self) -> u64 {
        self.base.wrapping_add(self.at as u64)
    }

    /// The bytes read and not yet dropped.
    fn window(&self) -> &[u8] {
        &self.buffer[..self.filled]
    }

    /// Reads another block into the window (dropping what was read); `false` at the end of the
    /// file.
    fn fill(&mut self) -> Result<bool> {
        if self.eof {
            return Ok(false);
        }
        let mut block = self.file.next().map_err(|e| Error::io(&self.path, e))?;
        if block.len == 0 {
            self.eof = true;
            self.file.give_back(block.buffer);
            return Ok(false);
        }
        let unread = self.filled - self.at;
        let offset = self.offset();
        if unread <= HEAD_ROOM {
            // The unread bytes go in front of the block, which becomes the window.
            let start = HEAD_ROOM - unread;
            block.buffer[start..HEAD_ROOM].copy_from_slice(&self.buffer[self.at..self.filled]);
            let old = std::mem::replace(&mut self.buffer, block.buffer);
            if !old.is_empty() {
                self.file.give_back(old);
            }
            self.at = start;
            self.filled = HEAD_ROOM + block.len;
            self.checked = HEAD_ROOM..HEAD_ROOM + block.checked.valid;
            self.marks = block.checked.marks;
        } else {
            // A unit longer than the room: the block is appended, and the window grows (doubling,
            // so reading a long unit stays linear).
            self.checked = 0..0;
            self.buffer.copy_within(self.at..self.filled, 0);
            self.filled = unread;
            self.at = 0;
            let room = self.filled + block.len;
            if self.buffer.len() < room {
                self.buffer.resize(room.max(2 * self.buffer.len()), 0);
            }
            let data = &block.buffer[HEAD_ROOM..HEAD_ROOM + block.len];
            self.buffer[self.filled..room].copy_from_slice(data);
            self.filled = room;
            self.file.give_back(block.buffer);
        }
        self.base = offset.wrapping_sub(self.at as u64);
        Ok(true)
    }

    /// Reads the unit at the current place if it is a plain one: into `sink`, if there is one and
    /// it takes the unit, else into `unit` (reusing the unit's strings; when the unit is not plain,
    /// what `unit` holds is left undefined).
    pub(super) fn scan(
        &mut self,
        langs: &mut LangCache,
        srclang: Option<&str>,
        sink: Option<&mut dyn UnitSink>,
        unit: &mut Unit,
    ) -> Result<Scanned> {
        loop {
            let ws = self.window()[self.at..]
                .iter()
                .take_while(|&&b| is_space(b))
                .count();
            self.at += ws;
            // The tag name and the byte after it must be in the window.
            if self.filled - self.at < 4 && self.fill()? {
                continue;
            }
            break;
        }
        let rest = &self.window()[self.at..];
        if !(rest.starts_with(b"<tu") && rest.get(3).is_some_and(|&b| b == b'>' || is_space(b))) {
            return Ok(Scanned::Other);
        }
        // Most units lie whole in the window: read straight from it, their end found on the way.
        let mut sink = sink;
        if let Some(sink) = sink.as_deref_mut() {
            let at = self.at;
            match plain_parts(rest, |len| self.check(at..at + len), langs, srclang, sink) {
                Parts::Sunk(languages, len) => {
                    self.at += len;
                    return Ok(Scanned::Sunk(languages));
                }
                Parts::Declined(len) => return self.read_unit(at + len, langs, srclang, unit),
                Parts::Other => {}
            }
        }
        // Else the unit is found whole first, reading on as far as its end tag. Each byte is
        // searched once (but for an end tag cut by a block's end).
        let filled = self.filled - self.at;
        let mut searched = self.at;
        let end = loop {
            if let Some(end) = END_TU.find(&self.window()[searched..]) {
                break searched + end + b"</tu>".len();
            }
            let resume = (self.filled - self.at).saturating_sub(b"</tu>".len() - 1);
            if !self.fill()? {
                return Ok(Scanned::Other);
            }
            searched = self.at + resume;
        };
        // Unless it lay whole in the window the sink was given, it was cut short there.
        if let Some(sink) = sink.filter(|_| end - self.at > filled) {
            let (at, text) = (self.at, &self.window()[self.at..end]);
            match plain_parts(text, |len| self.check(at..at + len), langs, srclang, sink) {
                Parts::Sunk(languages, _) => {
                    self.at = end;
                    return Ok(Scanned::Sunk(languages));
                }
                Parts::Declined(_) | Parts::Other => {}
            }
        }
        if self.check(self.at..end).is_none() {
            return Ok(Scanned::Other);
        }
        self.read_unit(end, langs, srclang, unit)
    }

    /// Reads the plain unit from the current place to `end` (checked) into `unit`.
    fn read_unit(
        &mut self,
        end: usize,
        langs: &mut LangCache,
        srclang: Option<&str>,
        unit: &mut Unit,
    ) -> Result<Scanned> {
        match plain_unit(&self.window()[self.at..end], langs, srclang, unit) {
            Some(()) => {
                self.at = end;
                Ok(Scanned::Unit)
            }
            None => Ok(Scanned::Other),
        }
    }

    /// Whether the window's `range` is UTF-8 without characters XML forbids (as checked with its
    /// block, or checked here) and, if so, whether all its characters are below U+0300.
    fn check(&self, range: std::ops::Range<usize>) -> Option<bool> {
        let checked = &self.checked;
        if checked.start <= range.start && range.end <= checked.end {
            let start = checked.start;
            return Some(!self.marks.any_in(range.start - start..range.end - start));
        }
        let text = self.window().get(range)?;
        simdutf8::basic::from_utf8(text).ok()?;
        check_chars(text).ok()
    }

    /// The rest of the file from the current place, for the full reader, and the offset it starts
    /// at. [`Body::resume`] must follow before the next scan.
    pub(super) fn rest(&mut self) -> Result<(Box<dyn BufRead>, u64)> {
        let mut head = self.window()[self.at..].to_vec();
        let file = self
            .file
            .hand_over(&mut head)
            .map_err(|e| Error::io(&self.path, e))?;
        let rest = Rest {
            head: io::Cursor::new(head),
            file: io::BufReader::with_capacity(1 << 16, file),
        };
        Ok((Box::new(rest), self.offset()))
    }

    /// Goes on `consumed` bytes after the place [`Body::rest`] started at.
    pub(super) fn resume(&mut self, consumed: u64) -> Result<()> {
        let offset = self.offset() + consumed;
        self.file
            .resume(self.skip + offset)
            .map_err(|e| Error::io(&self.path, e))?;
        self.filled = 0;
        self.base = offset;
        self.at = 0;
        self.eof = false;
        self.checked = 0..0;
        Ok(())
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Whether two names are the same, byte by byte: they are a few bytes, shorter than a call to
/// compare them costs.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(a, b)| a == b)
}

/// Text the scanner took (UTF-8: see [`Scanner`]) as a `str`, for the units that are read into a
/// [`Unit`].
fn utf8(bytes: &[u8]) -> Option<&str> {
    std::str::from_utf8(bytes).ok()
}

/// The bytes of the names the fast path takes: ASCII letters and digits, `_`, `:`, `.` and `-`.
static NAME_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || matches!(c, b'_' | b':' | b'.' | b'-');
        b += 1;
    }
    table
};

/// The bytes that send an attribute value to the full reader: markup, references, and the
/// whitespace that attribute-value normalization would change.
static NOT_IN_VALUE: [bool; 256] = {
    let mut table = [false; 256];
    table[b'<' as usize] = true;
    table[b'&' as usize] = true;
    table[b'\t' as usize] = true;
    table[b'\n' as usize] = true;
    table[b'\r' as usize] = true;
    table
};

/// Where the name starting at `at` ends.
fn name_end(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|&b| NAME_BYTE[usize::from(b)]) {
        at += 1;
    }
    at
}

/// Attributes a start tag may have on the fast path.
const MAX_ATTRS: usize = 8;

/// A cursor over one `<tu>` element, checked already to be UTF-8 without characters XML forbids.
/// Every place it cuts the text at is next to an ASCII byte, so a character boundary: the names,
/// values and text it takes are UTF-8, and are passed on as bytes.
struct Scanner<'a> {
    text: &'a [u8],
    at: usize,
    /// The attributes (name, value) of the start tag read last.
    attrs: [(&'a [u8], &'a [u8]); MAX_ATTRS],
    len: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a [u8]) -> Scanner<'a> {
        Scanner {
            text,
            at: 0,
            attrs: [(b"", b""); MAX_ATTRS],
            len: 0,
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text
    }

    fn spaces(&mut self) {
        while self.bytes().get(self.at).is_some_and(|&b| is_space(b)) {
            self.at += 1;
        }
    }

    /// The attributes of the start tag read last.
    fn attrs(&self) -> &[(&'a [u8], &'a [u8])] {
        &self.attrs[..self.len]
    }

    /// The value of attribute `name` of the start tag read last.
    fn attr(&self, name: &[u8]) -> Option<&'a [u8]> {
        self.attrs()
            .iter()
            .find(|(k, _)| same(k, name))
            .map(|(_, v)| *v)
    }

    /// Consumes `</name>` if it comes next.
    fn end_tag(&mut self, name: &[u8]) -> bool {
        let rest = &self.bytes()[self.at..];
        // Byte by byte: the names are a few bytes, shorter than a call to compare them costs.
        let found = rest.len() > name.len() + 2
            && rest.starts_with(b"</")
            && rest[2..].iter().zip(name).all(|(a, b)| a == b)
            && rest[2 + name.len()] == b'>';
        if found {
            self.at += name.len() + 3;
        }
        found
    }

    /// The name of the next child element's start tag, or `Some(None)` at the end tag `</name>`
    /// (consumed); whitespace before either is skipped. `None` for anything else.
    fn child(&mut self, name: &[u8]) -> Option<Option<&'a [u8]>> {
        self.spaces();
        if self.end_tag(name) {
            return Some(None);
        }
        self.start_tag().map(Some)
    }

    /// A start tag with plain attributes (no references, no line breaks or tabs in values, no
    /// duplicates): its name, its attributes kept for [`Scanner::attrs`]. `None` for anything else,
    /// an empty-element tag included.
    fn start_tag(&mut self) -> Option<&'a [u8]> {
        if let Some(name) = self.common_tag() {
            return Some(name);
        }
        let bytes = self.bytes();
        let mut at = self.at;
        if bytes.get(at) != Some(&b'<') || !bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let start = at + 1;
        at = name_end(bytes, start);
        let name = &bytes[start..at];
        self.len = 0;
        loop {
            let before = at;
            while bytes.get(at).is_some_and(|&b| is_space(b)) {
                at += 1;
            }
            match *bytes.get(at)? {
                b'>' => {
                    self.at = at + 1;
                    return Some(name);
                }
                _ if at == before => return None,
                b if b.is_ascii_alphabetic() || b == b'_' => {}
                _ => return None,
            }
            let key_start = at;
            at = name_end(bytes, at);
            let key = &bytes[key_start..at];
            if bytes.get(at) != Some(&b'=') {
                return None;
            }
            let quote = *bytes.get(at + 1)?;
            if quote != b'"' && quote != b'\'' {
                return None;
            }
            let value_start = at + 2;
            at = value_start;
            // Values are short: a loop over their bytes costs less than a call to search them.
            loop {
                let b = *bytes.get(at)?;
                if b == quote {
                    break;
                }
                if NOT_IN_VALUE[usize::from(b)] {
                    return None;
                }
                at += 1;
            }
            let value = &bytes[value_start..at];
            if self.len == MAX_ATTRS || self.attr(key).is_some() {
                return None;
            }
            self.attrs[self.len] = (key, value);
            self.len += 1;
            at += 1;
        }
    }

    /// The start tags of nearly every unit, `<seg>` and `<tuv xml:lang="…">`, read as
    /// [`Scanner::start_tag`] would read them but recognized whole; `None` (nothing consumed) for
    /// any other tag.
    fn common_tag(&mut self) -> Option<&'a [u8]> {
        const SEG: &[u8] = b"<seg>";
        const TUV: &[u8] = b"<tuv xml:lang=\"";
        let rest = &self.bytes()[self.at..];
        if rest.starts_with(SEG) {
            self.at += SEG.len();
            self.len = 0;
            return Some(b"seg");
        }
        if !rest.starts_with(TUV) {
            return None;
        }
        let value = &rest[TUV.len()..];
        let len = value
            .iter()
            .position(|&b| b == b'"' || NOT_IN_VALUE[usize::from(b)])?;
        if value[len] != b'"' || value.get(len + 1) != Some(&b'>') {
            return None;
        }
        let start = self.at + TUV.len();
        self.attrs[0] = (b"xml:lang", &value[..len]);
        self.len = 1;
        self.at = start + len + 2;
        Some(b"tuv")
    }

    /// The text up to `</name>` (consumed), with the predefined entities resolved, onto `text`;
    /// `None` when anything but text comes first.
    fn text_until<T: TextSink + ?Sized>(&mut self, name: &[u8], text: &mut T) -> Option<()> {
        loop {
            let rest = &self.bytes()[self.at..];
            let n = memchr::memchr3(b'<', b'&', b'\r', rest)?;
            if !text.push_utf8(&rest[..n]) {
                return None;
            }
            self.at += n;
            match rest[n] {
                b'&' => {
                    let semicolon = memchr::memchr(b';', &rest[n..])?;
                    text.push(match &rest[n + 1..n + semicolon] {
                        b"lt" => '<',
                        b"gt" => '>',
                        b"amp" => '&',
                        b"apos" => '\'',
                        b"quot" => '"',
                        _ => return None,
                    });
                    self.at += semicolon + 1;
                }
                b'<' if self.end_tag(name) => return Some(()),
                _ => return None,
            }
        }
    }
}

/// A list whose items are overwritten in place: a unit read before leaves its strings for the
/// next one to reuse (an import reads millions of units, and allocating and freeing their strings
/// was a third of the reading).
struct Reuse<'v, T> {
    items: &'v mut Vec<T>,
    len: usize,
}

impl<'v, T> Reuse<'v, T> {
    fn new(items: &'v mut Vec<T>) -> Reuse<'v, T> {
        Reuse { items, len: 0 }
    }

    /// The next item, as it was left or made by `make` (the caller overwrites every field).
    fn next(&mut self, make: impl FnOnce() -> T) -> &mut T {
        if self.len == self.items.len() {
            self.items.push(make());
        }
        self.len += 1;
        &mut self.items[self.len - 1]
    }

    fn finish(self) {
        self.items.truncate(self.len);
    }
}

fn set(slot: &mut String, value: &str) {
    slot.clear();
    slot.push_str(value);
}

/// Appends an attribute to `out`, reusing the strings left there.
fn put_attr(out: &mut Reuse<'_, (String, String)>, key: &str, value: &str) {
    let (k, v) = out.next(Default::default);
    set(k, key);
    set(v, value);
}

/// Reads a plain `<tu>` element (`text` from `<tu` to `</tu>`) into `unit` as the full reader
/// would read it; `None` when it is not plain.
fn plain_unit(
    text: &[u8],
    langs: &mut LangCache,
    srclang: Option<&str>,
    unit: &mut Unit,
) -> Option<()> {
    let mut s = Scanner::new(text);
    s.start_tag()?;
    let mut attrs = Reuse::new(&mut unit.props.attrs);
    for &(key, value) in s.attrs() {
        let (key, value) = (utf8(key)?, utf8(value)?);
        match key {
            "srclang" => put_attr(&mut attrs, key, &canonical_srclang(value)),
            _ => put_attr(&mut attrs, key, value),
        }
    }
    // The header's source language goes last when nothing else names one; put there now (in
    // strings reused), and taken back below should a prop add attributes after it.
    let from_tag = attrs.len;
    let srclang = srclang.filter(|_| s.attr(b"srclang").is_none());
    if let Some(srclang) = srclang {
        put_attr(&mut attrs, "srclang", srclang);
    }
    attrs.finish();
    unit.props.notes.clear();
    unit.props.props.clear();
    let mut variants = Reuse::new(&mut unit.variants);
    while let Some(name) = s.child(b"tu")? {
        match name {
            b"tuv" => {
                let lang = tuv_lang(&s, langs)?;
                let variant = variants.next(|| Variant::new(lang.clone(), Segment::default()));
                // Most often the tag the unit read into before had: no reference count changes
                // (the storing thread reads these tags).
                if variant.lang != *lang {
                    variant.lang = lang.clone();
                }
                plain_variant(&mut s, variant)?;
            }
            b"prop" => read_prop(&mut s, &mut unit.props)?,
            b"note" => read_note(&mut s, &mut unit.props)?,
            _ => return None,
        }
    }
    variants.finish();
    // What is left after `</tu>` is not this unit's.
    if s.at != text.len() || unit.variants.is_empty() {
        return None;
    }
    let props_added_attrs = unit.props.attrs.len() > from_tag + usize::from(srclang.is_some());
    if let Some(srclang) = srclang
        && props_added_attrs
    {
        unit.props.attrs.remove(from_tag);
        dedup_props(&mut unit.props);
        if unit.props.attr("srclang").is_none() {
            unit.props.set_attr("srclang", srclang);
        }
    } else if props_added_attrs || !unit.props.notes.is_empty() || !unit.props.props.is_empty() {
        // Else the attributes are the start tag's (told apart there) and the header's srclang.
        dedup_props(&mut unit.props);
    }
    Some(())
}

/// What [`plain_parts`] did with a unit.
enum Parts {
    /// The sink took it: how many languages it has, and its length.
    Sunk(usize, usize),
    /// It is plain, but the sink declined it: its length.
    Declined(usize),
    /// It is not such a unit, or not whole in the text given.
    Other,
}

/// Hands the plain `<tu>` element without notes, props, variant attributes or empty variants that
/// `text` starts with to `sink`, as [`plain_unit`] would read it. `check` is asked, with the
/// unit's length once its end is found, whether its bytes are UTF-8 without characters XML
/// forbids and, if so, whether they are all below U+0300. Anything given for a unit that is not
/// taken is abandoned.
fn plain_parts(
    text: &[u8],
    check: impl FnOnce(usize) -> Option<bool>,
    langs: &mut LangCache,
    srclang: Option<&str>,
    sink: &mut dyn UnitSink,
) -> Parts {
    let mut s = Scanner::new(text);
    if s.start_tag().is_none() {
        return Parts::Other;
    }
    let srclang = srclang.filter(|_| s.attr(b"srclang").is_none());
    sink.start_unit(s.attrs().len() + usize::from(srclang.is_some()));
    let read = |s: &mut Scanner<'_>, sink: &mut dyn UnitSink| -> Option<bool> {
        for &(key, value) in s.attrs() {
            if same(key, b"srclang") {
                sink.attr(key, canonical_srclang(utf8(value)?).as_bytes());
            } else {
                sink.attr(key, value);
            }
        }
        if let Some(srclang) = srclang {
            sink.attr(b"srclang", srclang.as_bytes());
        }
        let mut variants = 0;
        // Up to `</tu>` (consumed).
        while let Some(name) = s.child(b"tu")? {
            if !same(name, b"tuv") {
                return None;
            }
            variants += 1;
            if s.attrs()
                .iter()
                .any(|&(key, _)| !same(key, b"xml:lang") && !same(key, b"lang"))
            {
                return None;
            }
            sink.start_variant(tuv_lang(s, langs)?);
            if s.child(b"tuv")? != Some(b"seg") || !s.attrs().is_empty() {
                return None;
            }
            s.text_until(b"seg", sink.text())?;
            s.spaces();
            if !s.end_tag(b"tuv") {
                return None;
            }
            sink.end_variant();
        }
        // A unit without variants is the full reader's to pass over.
        if variants == 0 {
            return None;
        }
        check(s.at)
    };
    match read(&mut s, sink) {
        Some(below_marks) => match sink.end_unit(below_marks) {
            Some(languages) => Parts::Sunk(languages, s.at),
            None => Parts::Declined(s.at),
        },
        None => {
            sink.abandon();
            Parts::Other
        }
    }
}

/// A `<note>`: its text.
fn read_note(s: &mut Scanner<'_>, props: &mut Props) -> Option<()> {
    let mut note = String::new();
    s.text_until(b"note", &mut note)?;
    props.notes.push(note);
    Some(())
}

/// A `<prop>` whose start tag was just read: its type (`type`, else `type2`, else empty) and text.
fn read_prop(s: &mut Scanner<'_>, props: &mut Props) -> Option<()> {
    let kind = utf8(s.attr(b"type").or(s.attr(b"type2")).unwrap_or_default())?.to_string();
    let mut value = String::new();
    s.text_until(b"prop", &mut value)?;
    add_prop(props, kind, value);
    Some(())
}

/// The language of a `<tuv>` whose start tag was just read: `xml:lang`, else the TMX 1.1 `lang`
/// (each must be a tag).
fn tuv_lang<'c>(s: &Scanner<'_>, langs: &'c mut LangCache) -> Option<&'c LangTag> {
    let (mut new, mut old) = (None, None);
    for &(key, value) in s.attrs() {
        if same(key, b"xml:lang") {
            new = Some(value);
        } else if same(key, b"lang") {
            old = Some(value);
        }
    }
    // Both must be tags, the one not used included.
    if let (Some(_), Some(old)) = (new, old) {
        langs.get_utf8(old)?;
    }
    langs.get_utf8(new.or(old)?)
}

/// The content of a `<tuv>` whose start tag was just read, up to its end tag, into `variant`
/// (whose language is set).
fn plain_variant(s: &mut Scanner<'_>, variant: &mut Variant) -> Option<()> {
    let mut attrs = Reuse::new(&mut variant.props.attrs);
    for &(key, value) in s.attrs() {
        if !same(key, b"xml:lang") && !same(key, b"lang") {
            put_attr(&mut attrs, utf8(key)?, utf8(value)?);
        }
    }
    let from_tag = attrs.len;
    attrs.finish();
    variant.props.notes.clear();
    variant.props.props.clear();
    variant.segment.markup = None;
    let mut segment = false;
    while let Some(name) = s.child(b"tuv")? {
        match name {
            b"seg" if !segment && s.attrs().is_empty() => {
                variant.segment.text.clear();
                s.text_until(b"seg", &mut variant.segment.text)?;
                segment = true;
            }
            b"prop" => read_prop(s, &mut variant.props)?,
            b"note" => read_note(s, &mut variant.props)?,
            _ => return None,
        }
    }
    if !segment {
        variant.segment.text.clear();
    }
    // Else the attributes are the start tag's, which told them apart.
    if variant.props.attrs.len() > from_tag
        || !variant.props.notes.is_empty()
        || !variant.props.props.is_empty()
    {
        dedup_props(&mut variant.props);
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::super::tmx::TmxReader;
    use super::super::{InputFile, Next, ReadOptions, TextSink, UnitReader, UnitSink};
    use crate::model::{LangTag, Segment, Unit, Variant};
    use proptest::prelude::*;

    /// How a test reads a file.
    #[derive(Clone, Copy, Debug)]
    enum Path {
        /// With the full reader only.
        Full,
        /// With the fast path, reading this many blocks ahead between units (as the storing
        /// thread of an import may).
        Fast(usize),
        /// As `Fast`, handing units to a sink ([`PartsSink`]) that declines those this pattern
        /// picks.
        Sink(usize, u8),
    }

    /// A sink that makes a unit of the parts it is given (and checks what it is told of them),
    /// declining every unit whose count has its bit set in `decline` (of 8, in turn).
    struct PartsSink {
        unit: Unit,
        /// The attributes the unit was said to have.
        attrs: usize,
        given: usize,
        decline: u8,
    }

    impl UnitSink for PartsSink {
        fn start_unit(&mut self, attrs: usize) {
            self.unit = Unit::default();
            self.attrs = attrs;
        }

        fn attr(&mut self, name: &[u8], value: &[u8]) {
            let text = |bytes| String::from_utf8_lossy(bytes).into_owned();
            self.unit.props.attrs.push((text(name), text(value)));
        }

        fn start_variant(&mut self, lang: &LangTag) {
            self.unit
                .variants
                .push(Variant::new(lang.clone(), Segment::default()));
        }

        fn text(&mut self) -> &mut dyn TextSink {
            &mut self
                .unit
                .variants
                .last_mut()
                .expect("a variant")
                .segment
                .text
        }

        fn end_variant(&mut self) {}

        fn end_unit(&mut self, below_marks: bool) -> Option<usize> {
            assert_eq!(self.unit.props.attrs.len(), self.attrs);
            let below = |text: &str| text.chars().all(|c| c < '\u{300}');
            if below_marks {
                assert!(self.unit.variants.iter().all(|v| below(&v.segment.text)));
            }
            self.given += 1;
            if self.decline >> (self.given % 8) & 1 == 1 {
                return None;
            }
            Some(self.unit.language_count())
        }

        fn abandon(&mut self) {
            self.unit = Unit::default();
        }
    }

    /// What a reader makes of a file: the units and the empty ones skipped, or the error.
    fn read(path: &std::path::Path, how: Path) -> std::result::Result<(Vec<Unit>, u64), String> {
        let run = || -> crate::error::Result<_> {
            let input = InputFile::open(path)?;
            let options = ReadOptions::default();
            let (mut reader, ahead) = match how {
                Path::Full => (TmxReader::slow(input, &options)?, 0),
                Path::Fast(ahead) | Path::Sink(ahead, _) => {
                    (TmxReader::new(input, &options)?, ahead)
                }
            };
            let mut sink = PartsSink {
                unit: Unit::default(),
                attrs: 0,
                given: 0,
                decline: match how {
                    Path::Sink(_, decline) => decline,
                    _ => 0,
                },
            };
            // One unit read into again and again, as an import does.
            let mut units = Vec::new();
            let mut unit = Unit::default();
            loop {
                let next = match how {
                    Path::Sink(..) => reader.next_into(&mut sink, &mut unit)?,
                    _ if reader.next_unit_into(&mut unit)? => Next::Unit,
                    _ => Next::End,
                };
                match next {
                    Next::End => break,
                    Next::Unit => units.push(unit.clone()),
                    Next::Sunk(languages) => {
                        assert_eq!(languages, sink.unit.language_count());
                        units.push(sink.unit.clone());
                    }
                }
                if let Some(file) = reader.read_ahead() {
                    for _ in 0..ahead {
                        file.help();
                    }
                }
            }
            Ok((units, reader.skipped().empty_entries))
        };
        run().map_err(|e| format!("{e:?}"))
    }

    /// Pieces of `<tu>` elements: plain ones and every kind the fast path leaves to the full reader.
    const PIECES: &[&str] = &[
        "<tu tuid=\"1\"><tuv xml:lang=\"en\"><seg>Open the file</seg></tuv><tuv xml:lang=\"az\"><seg>Faylı açın</seg></tuv></tu>",
        "<tu>\n  <tuv xml:lang=\"kk-KZ\">\n    <seg>Файлды ашу</seg>\n  </tuv>\n  <tuv xml:lang=\"ar\"><seg>افتح الملف</seg></tuv>\n</tu>",
        "<tu srclang=\"EN-us\" creationdate='20250101T000000Z'><prop type=\"x-context\">menu</prop><note>n &amp; m</note><tuv xml:lang=\"en\"><prop type2=\"t\">v</prop><seg>a &lt;b&gt; &quot;c&apos;</seg></tuv></tu>",
        "<tu><tuv lang=\"EN\"><seg>TMX 1.1</seg></tuv><tuv xml:lang=\"en\"><seg></seg></tuv></tu>",
        "<tu><prop type=\"x-attr-tuid\">9</prop><prop type=\"x\">1</prop><prop type=\"x\">1</prop><tuv xml:lang=\"az\"><note>a</note><note>a</note><seg>İki</seg></tuv></tu>",
        "<tu><tuv xml:lang=\"en\"><seg>x <ph x=\"1\">&lt;b&gt;</ph> y</seg></tuv></tu>",
        "<tu><tuv xml:lang=\"en\"><seg>a<!-- c --></seg></tuv><!-- </tu> --></tu>",
        "<tu><tuv xml:lang=\"en\"><seg><![CDATA[a < b]]></seg></tuv></tu>",
        "<tu><tuv xml:lang=\"en\"><seg>&#x41;&#66;\r\nC\rD</seg></tuv></tu>",
        "<tu/>",
        "<tu></tu>",
        "<tu tuid=\"1\" tuid=\"2\"><tuv xml:lang=\"en\"><seg>dup</seg></tuv></tu>",
        "<tu a=\"x&amp;y\" b=\"l\ni\"><tuv xml:lang=\"en\"><seg>refs</seg></tuv></tu>",
        "<tu><tuv xml:lang=\"e n\"><seg>bad tag</seg></tuv></tu>",
        "<tu><tuv><seg>no language</seg></tuv></tu>",
        "<tu><tuv xml:lang=\"en\"><seg>one</seg><seg>two</seg></tuv></tu>",
        "<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv><x:y/><tuv xml:lang=\"kk\"><seg/></tuv></tu>",
        "<tu><tuv xml:lang=\"en\"><seg>mis</tuv></seg></tu>",
        "<tu><tuv xml:lang=\"en\"><seg>\u{1}</seg></tuv></tu>",
        "<tu><tuv xml:lang=\"en\"><seg>&nope;</seg></tuv></tu>",
        "<tu><tuv xml:lang=\"en\">text<seg>s</seg></tuv></tu>",
        "<tu ><tuv xml:lang=\"en\" ><seg>spaced</seg ></tuv ></tu >",
        "<tuv xml:lang=\"en\"><seg>stray</seg></tuv>",
        "<!-- a comment -->",
        "<?pi x?>",
        "\n\t ",
        "<tu tuid=\"7\"><prop type=\"x-attr-srclang\">KK</prop><tuv xml:lang=\"en\"><seg>a prop names the source</seg></tuv></tu>",
        "<tu><prop type=\"x-attr-creationid\">me</prop><tuv xml:lang=\"en\" lang=\"e n\"><seg>both</seg></tuv></tu>",
        "<tu><tuv lang=\"az\" xml:lang=\"kk\"><seg>both, the old one first</seg></tuv></tu>",
        "<tu tuid=\"3\"><prop type=\"x-attr-tuid\">4</prop><tuv xml:lang=\"en\" creationid=\"a\"><prop type=\"x-attr-creationid\">b</prop><seg>an attribute twice</seg></tuv></tu>",
        "<tu tuid=\"\u{FFFE}\"><tuv xml:lang=\"en\"><seg>a bad character in a value</seg></tuv></tu>",
        "<tu><tuv xml:lang=\"ar\"><seg>\u{FEFB} \u{FEFF}\u{FFFD} allowed, led by 0xEF</seg></tuv></tu>",
        "<tu><tuv xml:lang=\"en\"><seg>not allowed: \u{FFFF}</seg></tuv></tu>",
        // U+FEFF between units, which quick-xml would drop where a fragment starts.
        "\u{FEFF}",
        "\u{FEFF}\u{FEFF}\u{1}",
        // A form feed is no XML whitespace (and no character XML allows).
        "\u{c}",
        // Plain units with characters at or above U+0300 among plain ones below it: text not in
        // NFC, and a typographic apostrophe.
        "<tu><tuv xml:lang=\"en\"><seg>Cafe\u{301}</seg></tuv><tuv xml:lang=\"az\"><seg>Kafe</seg></tuv></tu>",
        "<tu><tuv xml:lang=\"en\"><seg>It’s open</seg></tuv><tuv xml:lang=\"az\"><seg>Açıqdır</seg></tuv></tu>",
    ];

    fn document() -> impl Strategy<Value = Vec<u8>> {
        let header = prop::sample::select(vec![
            "<header srclang=\"en\"/>",
            "<header srclang=\"*all*\"></header>",
            "<header/>",
            "",
        ]);
        let end = prop::sample::select(vec![
            "</body>\n</tmx>\n",
            "</body></tmx>x",
            "</body>",
            "</tmx>",
            "",
        ]);
        (
            header,
            proptest::collection::vec(prop::sample::select(PIECES.to_vec()), 0..12),
            end,
            any::<bool>(),
            proptest::option::of(0usize..2000),
        )
            .prop_map(|(header, pieces, end, bom, cut)| {
                let mut doc = String::new();
                if bom {
                    doc.push('\u{feff}');
                }
                doc.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">");
                doc.push_str(header);
                doc.push_str("<body>\n");
                for piece in pieces {
                    doc.push_str(piece);
                    doc.push('\n');
                }
                doc.push_str(end);
                let mut bytes = doc.into_bytes();
                if let Some(cut) = cut {
                    bytes.truncate(cut.max(60));
                }
                bytes
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn the_fast_path_reads_what_the_full_reader_reads(
            doc in document(),
            ahead in 0usize..4,
            block in prop::sample::select(vec![7usize, 64, 4096]),
        ) {
            super::set_block_len(block);
            let file = tempfile::Builder::new().suffix(".tmx").tempfile().unwrap();
            std::fs::write(file.path(), &doc).unwrap();
            prop_assert_eq!(read(file.path(), Path::Fast(ahead)), read(file.path(), Path::Full));
        }

        #[test]
        fn units_handed_to_a_sink_are_those_the_full_reader_reads(
            doc in document(),
            ahead in 0usize..4,
            decline in any::<u8>(),
            block in prop::sample::select(vec![7usize, 64, 4096]),
        ) {
            super::set_block_len(block);
            let file = tempfile::Builder::new().suffix(".tmx").tempfile().unwrap();
            std::fs::write(file.path(), &doc).unwrap();
            prop_assert_eq!(
                read(file.path(), Path::Sink(ahead, decline)),
                read(file.path(), Path::Full)
            );
        }
    }

    #[test]
    fn plain_units_reach_the_sink_wherever_blocks_cut_them() {
        let mut doc = String::from("<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n");
        for _ in 0..20 {
            doc.push_str(PIECES[0]);
            doc.push_str(PIECES[1]);
        }
        doc.push_str("</body></tmx>");
        let file = tempfile::Builder::new().suffix(".tmx").tempfile().unwrap();
        std::fs::write(file.path(), &doc).unwrap();
        for block in [7, 64, 100, 4096] {
            super::set_block_len(block);
            let input = InputFile::open(file.path()).unwrap();
            let mut reader = TmxReader::new(input, &ReadOptions::default()).unwrap();
            let mut sink = PartsSink {
                unit: Unit::default(),
                attrs: 0,
                given: 0,
                decline: 0,
            };
            let mut unit = Unit::default();
            let mut sunk = 0;
            while let Next::Sunk(_) = reader.next_into(&mut sink, &mut unit).unwrap() {
                sunk += 1;
            }
            assert_eq!(sunk, 40, "blocks of {block} bytes");
        }
    }

    #[test]
    fn plain_units_take_the_fast_path_and_others_do_not() {
        use super::super::tmx::LangCache;
        let mut langs = LangCache::default();
        let mut unit = Unit::default();
        // Read into a unit that held a longer one: nothing of it is left.
        super::plain_unit(PIECES[2].as_bytes(), &mut langs, None, &mut unit).unwrap();
        super::plain_unit(PIECES[0].as_bytes(), &mut langs, Some("en"), &mut unit).unwrap();
        assert_eq!(unit.variants.len(), 2);
        assert_eq!(unit.variants[1].segment.text, "Faylı açın");
        assert_eq!(unit.variants[0].props, crate::model::Props::default());
        assert_eq!(
            unit.props.attrs,
            [("tuid".into(), "1".into()), ("srclang".into(), "en".into())]
        );
        assert!(unit.props.notes.is_empty() && unit.props.props.is_empty());
        for other in &PIECES[5..9] {
            assert!(
                super::plain_unit(other.as_bytes(), &mut langs, None, &mut unit).is_none(),
                "{other}"
            );
        }
    }
}
