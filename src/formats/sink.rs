//! Units passed on as the reader reads them, part by part, instead of as a [`crate::model::Unit`]:
//! the fast path of the TMX reader hands a plain unit's parts to a [`UnitSink`] straight from the
//! file's bytes, so an import writes its store records without building and then reading a unit's
//! strings (and an import's two threads exchange one buffer of records, not each unit's strings).

use crate::model::LangTag;

/// Where the text of a variant is written, decoded (entities resolved).
pub trait TextSink {
    /// Appends `text`, UTF-8 if its unit is taken (see [`UnitSink`]); `false` (nothing appended)
    /// when a sink that holds a `str` finds it is not.
    fn push_utf8(&mut self, text: &[u8]) -> bool;
    fn push(&mut self, c: char);
}

impl TextSink for String {
    fn push_utf8(&mut self, text: &[u8]) -> bool {
        // SIMD: a segment's text in Azerbaijani, Kazakh or Arabic is checked several times
        // faster than by `std::str::from_utf8` (a sixth of the reading of a unit with props).
        simdutf8::basic::from_utf8(text)
            .map(|text| self.push_str(text))
            .is_ok()
    }

    fn push(&mut self, c: char) {
        String::push(self, c)
    }
}

impl TextSink for Vec<u8> {
    fn push_utf8(&mut self, text: &[u8]) -> bool {
        self.extend_from_slice(text);
        true
    }

    fn push(&mut self, c: char) {
        self.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes())
    }
}

/// A unit's parts, in this order: [`UnitSink::start_unit`], its attributes, then for each variant
/// [`UnitSink::start_variant`], its text and [`UnitSink::end_variant`], and last
/// [`UnitSink::end_unit`]. Units handed over this way have no notes, props, variant attributes or
/// markup, and every variant has text. A unit's bytes are checked (UTF-8, no character XML
/// forbids) once its end is found, before `end_unit`: until then its parts may not be UTF-8. A
/// reader that finds the unit is not such a unit after all, or fails the check, calls
/// [`UnitSink::abandon`] instead of `end_unit`, and reads it again as a `Unit`.
pub trait UnitSink {
    /// A unit starts, with `attrs` attributes (each given to [`UnitSink::attr`]).
    fn start_unit(&mut self, attrs: usize);
    /// An attribute: its name and value (UTF-8 if the unit is taken).
    fn attr(&mut self, name: &[u8], value: &[u8]);
    /// A variant in `lang` starts; its text comes next.
    fn start_variant(&mut self, lang: &LangTag);
    /// Where the variant's text goes.
    fn text(&mut self) -> &mut dyn TextSink;
    fn end_variant(&mut self);
    /// The unit is complete. With `below_marks`, all its characters are below U+0300 (so its text
    /// is in NFC). `None` when the sink cannot take it as it is (for example text that is not in
    /// NFC): everything since `start_unit` is dropped, and the reader reads the unit again as a
    /// `Unit`. Else how many languages the unit has.
    fn end_unit(&mut self, below_marks: bool) -> Option<usize>;
    /// Drops everything since [`UnitSink::start_unit`].
    fn abandon(&mut self);
}
