//! A batch of units as store records ([`super::chunk`]), made on the thread that reads a file: the
//! fast path of the TMX reader writes a plain unit's record straight from the file's bytes (a
//! [`UnitSink`]), and any other unit is encoded here once read. The storing thread then takes one
//! buffer of records, with each unit's key, and copies the records of new units into place.

use std::borrow::Cow;
use std::ops::Range;

use super::chunk;
use super::store::{normalize_unit, pairs_key, unit_key};
use crate::formats::{TextSink, UnitSink};
use crate::model::{LangTag, ORIGIN_PROP, Unit};
use crate::text::normalize::{below_combining_marks, nfc};

/// A unit of a batch of records.
struct Entry {
    /// Where its record ends in `bytes`.
    end: usize,
    /// Its key, once worked out.
    key: Option<i64>,
    /// Its variants' (tag, base) list: its place in `shapes`.
    shape: usize,
    /// Its variants' (tag, text) places in `pairs`, while its key is not worked out.
    pairs: Range<usize>,
}

/// Records of units, in the order they were read, each with its key.
pub struct Records {
    /// When the units are added (each record holds it).
    added: String,
    /// Whether the importer records an origin (the file name) on new units.
    has_origin: bool,
    bytes: Vec<u8>,
    units: Vec<Entry>,
    /// Whether the keys of units given by a sink are left for [`Records::work_out_keys`].
    keys_later: bool,
    /// The (tag, text) places of the variants of units whose keys are left for later.
    pairs: Vec<[Range<usize>; 2]>,
    /// The (tag, base) lists of the batch's units, each once (a batch most often has one).
    shapes: Vec<Vec<(String, String)>>,
    /// The [`EncodedLang::id`]s of the variants of the last unit a sink gave, and its shape (so
    /// that a unit whose languages are those of the one before takes its shape without
    /// comparing strings).
    last_shape: Option<(Vec<u32>, usize)>,
    /// The unit a sink is being given: where its record starts,
    start: usize,
    /// where its variant count goes (one byte, written last),
    count_at: usize,
    /// where its variants' tags, bases and texts are in `bytes`,
    variants: Vec<[Range<usize>; 3]>,
    /// its variants' languages ([`EncodedLang::id`]),
    lang_ids: Vec<u32>,
    /// whether a language was dropped from `langs` while it was given (so that one language may
    /// have had two ids),
    dropped_lang: bool,
    /// and where the length of the text being written goes (one byte, widened when it is done).
    text_at: usize,
    /// The start of every record a sink gives: flags and when added.
    head: Vec<u8>,
    /// Languages met last.
    langs: Vec<EncodedLang>,
    /// The id of the next language encoded.
    next_lang_id: u32,
}

/// A language tag and its base as a record holds them.
struct EncodedLang {
    tag: LangTag,
    /// Told apart from the other languages a batch encoded, whether kept still or not.
    id: u32,
    encoded: Vec<u8>,
    /// Where the tag and the base are in `encoded`.
    at_tag: Range<usize>,
    at_base: Range<usize>,
}

impl EncodedLang {
    fn new(tag: &LangTag, id: u32) -> EncodedLang {
        let mut encoded = Vec::new();
        let mut put = |s: &str| {
            chunk::put_str(&mut encoded, s);
            encoded.len() - s.len()..encoded.len()
        };
        let at_tag = put(tag.as_str());
        let at_base = put(&tag.base_str());
        EncodedLang {
            tag: tag.clone(),
            id,
            encoded,
            at_tag,
            at_base,
        }
    }
}

impl Records {
    /// Languages kept encoded at most.
    const LANGS: usize = 16;

    /// An empty batch of units added at `added` (a TMX date); with `has_origin`, new units that
    /// name no origin of their own take the importer's (see [`super::Importer::add_records`]).
    pub fn new(added: &str, has_origin: bool) -> Records {
        Records {
            added: added.to_string(),
            has_origin,
            bytes: Vec::new(),
            units: Vec::new(),
            keys_later: false,
            pairs: Vec::new(),
            shapes: Vec::new(),
            last_shape: None,
            start: 0,
            count_at: 0,
            variants: Vec::new(),
            lang_ids: Vec::new(),
            dropped_lang: false,
            text_at: 0,
            head: Vec::new(),
            langs: Vec::new(),
            next_lang_id: 0,
        }
    }

    /// An empty batch for the same import.
    pub fn clone_empty(&self) -> Records {
        Records::new(&self.added, self.has_origin)
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Empties the batch, keeping its memory.
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.units.clear();
        self.pairs.clear();
        self.shapes.clear();
        self.last_shape = None;
    }

    /// With `later`, the keys of the units given by a sink from now on are worked out by
    /// the importer (on the thread that stores them, when it has the time), not as
    /// they come.
    pub fn keys_later(&mut self, later: bool) {
        self.keys_later = later;
    }

    /// Works out the keys left for later.
    pub(super) fn work_out_keys(&mut self) {
        for entry in self.units.iter_mut().filter(|e| e.key.is_none()) {
            entry.key = Some(key_of(&self.bytes, &self.pairs[entry.pairs.clone()]));
        }
    }

    /// Adds `unit` (whose empty variants the caller dropped), putting its text into NFC first.
    pub fn push_unit(&mut self, unit: &mut Unit) {
        normalize_unit(unit);
        let key = unit_key(unit);
        let origin = self.has_origin && unit.props.values(ORIGIN_PROP).next().is_none();
        chunk::encode_unit(&mut self.bytes, &self.added, unit, origin);
        let bases: Vec<_> = unit.variants.iter().map(|v| v.lang.base_str()).collect();
        let shape = shape_of(
            &mut self.shapes,
            unit.variants
                .iter()
                .zip(&bases)
                .map(|(v, b)| (v.lang.as_str().as_bytes(), b.as_bytes())),
        );
        self.units.push(Entry {
            end: self.bytes.len(),
            key: Some(key),
            shape,
            pairs: 0..0,
        });
    }

    /// Each record with its key (0 when not worked out: see [`Records::work_out_keys`]) and its
    /// variants' (tag, base) list.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&[u8], i64, &[(String, String)])> {
        let starts = std::iter::once(0).chain(self.units.iter().map(|e| e.end));
        self.units.iter().zip(starts).map(|(e, start)| {
            (
                &self.bytes[start..e.end],
                e.key.unwrap_or_default(),
                self.shapes[e.shape].as_slice(),
            )
        })
    }

    /// Gives the `i`-th unit `key`, as if its variants had it.
    #[cfg(test)]
    pub(super) fn force_key(&mut self, i: usize, key: i64) {
        self.units[i].key = Some(key);
    }

    /// The keys, in order (0 where not worked out).
    pub(super) fn keys(&self) -> impl Iterator<Item = i64> {
        self.units.iter().map(|e| e.key.unwrap_or_default())
    }
}

impl UnitSink for Records {
    fn start_unit(&mut self, attrs: usize) {
        self.start = self.bytes.len();
        self.variants.clear();
        self.lang_ids.clear();
        self.dropped_lang = false;
        if self.head.is_empty() {
            // No props of its own: a unit read this way takes the importer's origin when it has one.
            self.head
                .push(if self.has_origin { chunk::ORIGIN } else { 0 });
            chunk::put_str(&mut self.head, &self.added);
        }
        self.bytes.extend_from_slice(&self.head);
        chunk::put_len(&mut self.bytes, attrs);
    }

    fn attr(&mut self, name: &[u8], value: &[u8]) {
        for text in [name, value] {
            chunk::put_len(&mut self.bytes, text.len());
            self.bytes.extend_from_slice(text);
        }
    }

    fn start_variant(&mut self, lang: &LangTag) {
        if self.variants.is_empty() {
            // No notes, no props; the variant count.
            self.bytes.extend_from_slice(&[0, 0]);
            self.count_at = self.bytes.len();
            self.bytes.push(0);
        }
        // Tag and base as a record holds them, encoded once per language met.
        let i = match self.langs.iter().position(|known| known.tag == *lang) {
            Some(i) => i,
            None => {
                if self.langs.len() == Self::LANGS {
                    self.langs.remove(0);
                    self.dropped_lang = true;
                }
                self.langs.push(EncodedLang::new(lang, self.next_lang_id));
                self.next_lang_id = self.next_lang_id.wrapping_add(1);
                self.langs.len() - 1
            }
        };
        let known = &self.langs[i];
        self.lang_ids.push(known.id);
        let at = self.bytes.len();
        self.bytes.extend_from_slice(&known.encoded);
        let place = |range: &Range<usize>| at + range.start..at + range.end;
        self.variants
            .push([place(&known.at_tag), place(&known.at_base), 0..0]);
        self.text_at = self.bytes.len();
        self.bytes.push(0);
    }

    fn text(&mut self) -> &mut dyn TextSink {
        &mut self.bytes
    }

    fn end_variant(&mut self) {
        let at = self.text_at;
        let len = self.bytes.len() - at - 1;
        if len < 0x80 {
            self.bytes[at] = len as u8;
        } else {
            // The text moves up to make room for its longer length (in place: a text this long
            // is common, and a new vector for the length was a tenth of a variant's time).
            let (prefix, width) = chunk::len_prefix(len);
            let end = self.bytes.len();
            self.bytes.resize(end + width - 1, 0);
            self.bytes.copy_within(at + 1..end, at + width);
            self.bytes[at..at + width].copy_from_slice(&prefix[..width]);
        }
        let text = self.bytes.len() - len..self.bytes.len();
        if let Some(last) = self.variants.last_mut() {
            last[2] = text;
        }
        // No markup, no attributes, notes or props.
        self.bytes.extend_from_slice(&[0, 0, 0, 0]);
    }

    fn end_unit(&mut self, below_marks: bool) -> Option<usize> {
        let n = self.variants.len();
        let bytes = &self.bytes;
        let in_nfc = |[_, _, text]: &[Range<usize>; 3]| {
            let text = &bytes[text.clone()];
            !text.is_empty()
                && (below_marks
                    || below_combining_marks(text)
                    || simdutf8::basic::from_utf8(text)
                        .is_ok_and(|text| matches!(nfc(text), Cow::Borrowed(_))))
        };
        // The count takes one byte.
        if n == 0 || n > 0x7F || !self.variants.iter().all(in_nfc) {
            self.abandon();
            return None;
        }
        self.bytes[self.count_at] = n as u8;
        let ids = &self.lang_ids;
        let same_ids = |last: &[u32]| last.len() == n && last.iter().zip(ids).all(|(a, b)| a == b);
        let shape = match &self.last_shape {
            Some((last, shape)) if same_ids(last) => *shape,
            _ => {
                let (bytes, variants) = (&self.bytes, &self.variants);
                let shape = shape_of(
                    &mut self.shapes,
                    variants
                        .iter()
                        .map(|[tag, base, _]| (&bytes[tag.clone()], &bytes[base.clone()])),
                );
                let (last, at) = self.last_shape.get_or_insert_default();
                last.clone_from(ids);
                *at = shape;
                shape
            }
        };
        let (bytes, variants) = (&self.bytes, &self.variants);
        let languages = if self.dropped_lang {
            let tag = |i: usize| &bytes[variants[i][0].clone()];
            (0..n).filter(|&i| (0..i).all(|j| tag(j) != tag(i))).count()
        } else {
            (0..n).filter(|&i| !ids[..i].contains(&ids[i])).count()
        };
        let from = self.pairs.len();
        self.pairs.extend(
            variants
                .iter()
                .map(|[tag, _, text]| [tag.clone(), text.clone()]),
        );
        let pairs = from..self.pairs.len();
        let key = (!self.keys_later).then(|| key_of(&self.bytes, &self.pairs[pairs.clone()]));
        self.units.push(Entry {
            end: self.bytes.len(),
            key,
            shape,
            pairs,
        });
        Some(languages)
    }

    fn abandon(&mut self) {
        self.bytes.truncate(self.start);
        self.variants.clear();
    }
}

/// The place in `shapes` of the (tag, base) list `variants` gives, adding it when it is new.
fn shape_of<'a>(
    shapes: &mut Vec<Vec<(String, String)>>,
    variants: impl ExactSizeIterator<Item = (&'a [u8], &'a [u8])> + Clone,
) -> usize {
    let same = |shape: &Vec<(String, String)>| {
        shape.len() == variants.len()
            && shape
                .iter()
                .zip(variants.clone())
                .all(|((tag, base), (t, b))| tag.as_bytes() == t && base.as_bytes() == b)
    };
    if let Some(i) = shapes.iter().rposition(same) {
        return i;
    }
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    shapes.push(variants.map(|(t, b)| (text(t), text(b))).collect());
    shapes.len() - 1
}

/// The key of the unit whose variants' tags and texts are at `places` in `bytes`.
fn key_of(bytes: &[u8], places: &[[Range<usize>; 2]]) -> i64 {
    let pair = |[tag, text]: &[Range<usize>; 2]| (&bytes[tag.clone()], &bytes[text.clone()]);
    // On the stack for the usual few variants.
    let mut few: [(&[u8], &[u8]); 8] = [(&[], &[]); 8];
    if places.len() <= few.len() {
        for (slot, place) in few.iter_mut().zip(places) {
            *slot = pair(place);
        }
        pairs_key(&mut few[..places.len()])
    } else {
        pairs_key(&mut places.iter().map(pair).collect::<Vec<_>>())
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::model::{Segment, Variant};
    use proptest::prelude::*;

    /// Gives `unit` to `sink` part by part, as a reader would.
    fn give(sink: &mut dyn UnitSink, unit: &Unit) -> Option<usize> {
        let below = unit
            .variants
            .iter()
            .all(|v| v.segment.text.chars().all(|c| c < '\u{300}'));
        sink.start_unit(unit.props.attrs.len());
        for (name, value) in &unit.props.attrs {
            sink.attr(name.as_bytes(), value.as_bytes());
        }
        for variant in &unit.variants {
            sink.start_variant(&variant.lang);
            assert!(sink.text().push_utf8(variant.segment.text.as_bytes()));
            sink.end_variant();
        }
        sink.end_unit(below)
    }

    /// A record with its key and (tag, base) list.
    type Listed = (Vec<u8>, i64, Vec<(String, String)>);

    /// Each record of a batch with its key and (tag, base) list.
    fn listed(records: &Records) -> Vec<Listed> {
        records
            .iter()
            .map(|(record, key, shape)| (record.to_vec(), key, shape.to_vec()))
            .collect()
    }

    fn unit_of(attrs: Vec<(String, String)>, variants: Vec<(&str, String)>) -> Unit {
        Unit {
            variants: variants
                .into_iter()
                .map(|(lang, text)| {
                    Variant::new(LangTag::parse(lang).unwrap(), Segment::plain(text))
                })
                .collect(),
            props: crate::model::Props {
                attrs,
                ..Default::default()
            },
        }
    }

    fn texts() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "".to_string(),
            "Open the file".to_string(),
            "Faylı açın: İstanbul".to_string(),
            "Файлды ашу".to_string(),
            "افتح الملف".to_string(),
            // Not in NFC: a combining breve after и.
            "Фаи\u{306}л".to_string(),
            // Lengths whose prefix takes two and three bytes.
            "ə".repeat(100),
            "x".repeat(20_000),
        ])
    }

    fn units() -> impl Strategy<Value = Unit> {
        let langs = prop::sample::select(vec![
            "en",
            "az",
            "kk",
            "kk-Latn",
            "ar",
            "de-AT",
            "sr-Latn-RS",
        ]);
        let attrs = proptest::collection::vec(("[a-z]{1,6}", "[ -~]{0,8}"), 0..3);
        (attrs, proptest::collection::vec((langs, texts()), 0..10))
            .prop_map(|(attrs, variants)| unit_of(attrs, variants))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Units given to a batch part by part are stored as the units themselves would be; a unit
        /// the batch declines (text empty or not in NFC) leaves nothing behind.
        #[test]
        fn a_unit_given_by_parts_makes_the_record_the_unit_makes(
            units in proptest::collection::vec(units(), 1..6),
            later in any::<bool>(),
            origin in any::<bool>(),
        ) {
            let mut given = Records::new("20261130T080000Z", origin);
            given.keys_later(later);
            let mut whole = Records::new("20261130T080000Z", origin);
            for unit in &units {
                let fits = !unit.variants.is_empty()
                    && unit.variants.iter().all(|v| {
                        !v.segment.text.is_empty() && nfc(&v.segment.text) == v.segment.text
                    });
                match give(&mut given, unit) {
                    Some(languages) => {
                        prop_assert!(fits);
                        prop_assert_eq!(languages, unit.language_count());
                        whole.push_unit(&mut unit.clone());
                    }
                    None => prop_assert!(!fits),
                }
            }
            given.work_out_keys();
            prop_assert_eq!(&given.bytes, &whole.bytes);
            prop_assert_eq!(listed(&given), listed(&whole));
        }
    }

    #[test]
    fn a_unit_with_more_languages_than_are_kept_encoded_counts_each_once() {
        let mut given = Records::new("d", false);
        let mut whole = Records::new("d", false);
        let many = [
            "en", "de", "fr", "es", "it", "pt", "nl", "sv", "fi", "pl", "cs", "tr", "ru", "uk",
            "el", "he", "ja", "ko", "en",
        ];
        let variants = |tags: &[&'static str]| tags.iter().map(|&t| (t, "x".to_string())).collect();
        // The first `en` is dropped from the languages kept before the second comes; then the
        // same languages again, and a unit of two of them.
        for tags in [&many[..], &many[..], &["ko", "en"]] {
            let unit = unit_of(Vec::new(), variants(tags));
            assert_eq!(give(&mut given, &unit), Some(unit.language_count()));
            whole.push_unit(&mut unit.clone());
        }
        assert_eq!(unit_of(Vec::new(), variants(&many)).language_count(), 18);
        assert_eq!(listed(&given), listed(&whole));
    }

    #[test]
    fn a_long_text_widens_its_length_in_place() {
        let mut records = Records::new("d", false);
        let unit = unit_of(
            Vec::new(),
            vec![("en", "y".repeat(300)), ("az", "ə".repeat(9000))],
        );
        assert_eq!(give(&mut records, &unit), Some(2));
        let (_, stored) = chunk::decode_unit(records.iter().next().unwrap().0, None).unwrap();
        assert_eq!(stored, unit);
    }
}
