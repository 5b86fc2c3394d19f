//! The shared vocabulary: language tags, translation units and their variants.
//!
//! A [`Unit`] is multilingual: it holds any number of [`Variant`]s, one per language (a language may
//! occur twice, as real TMX files show), plus the properties it came with. Nothing here depends on
//! any other module.

mod lang;

pub use lang::{LangTag, LangTagError, Language};

use serde::{Deserialize, Serialize};

/// The text of one variant.
///
/// `text` is the plain text a translator reads and matching works on: inline codes removed, the
/// content of `<hi>` kept. `markup` is present only when the segment has inline codes; it is the
/// content of a TMX 1.4 `<seg>` (escaped text plus `bpt`/`ept`/`it`/`ph`/`hi`/`ut`/`sub` elements),
/// kept so that the codes round-trip.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markup: Option<String>,
}

impl Segment {
    /// A segment without inline codes.
    pub fn plain(text: impl Into<String>) -> Segment {
        Segment {
            text: text.into(),
            markup: None,
        }
    }

    /// What identifies the segment's content: the markup when there is some, else the text.
    pub fn content(&self) -> &str {
        self.markup.as_deref().unwrap_or(&self.text)
    }
}

/// A property as TMX writes it: `<prop type="…">value</prop>` (notes use the type `note`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Prop {
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
}

impl Prop {
    pub fn new(kind: impl Into<String>, value: impl Into<String>) -> Prop {
        Prop {
            kind: kind.into(),
            value: value.into(),
        }
    }
}

/// Properties of a unit or a variant. Lists keep their order and hold no duplicates.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Props {
    /// Attributes of the TMX `<tu>`/`<tuv>` (tuid, creationdate, changedate, creationid, usagecount, …)
    /// or their equivalents in other formats, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attrs: Vec<(String, String)>,
    /// `<note>` texts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// `<prop>` elements, including `x-context` and the origin file (`x-tarjuman-origin`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub props: Vec<Prop>,
}

/// The prop type that records which file a unit was imported from.
pub const ORIGIN_PROP: &str = "x-tarjuman-origin";
/// The prop type for a disambiguating context (gettext msgctxt, XLIFF resname, TMX x-context).
pub const CONTEXT_PROP: &str = "x-context";

impl Props {
    pub fn is_empty(&self) -> bool {
        self.attrs.is_empty() && self.notes.is_empty() && self.props.is_empty()
    }

    /// The value of an attribute.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Sets an attribute, replacing an earlier value.
    pub fn set_attr(&mut self, name: &str, value: impl Into<String>) {
        let value = value.into();
        match self.attrs.iter_mut().find(|(k, _)| k == name) {
            Some((_, v)) => *v = value,
            None => self.attrs.push((name.to_string(), value)),
        }
    }

    /// Adds a prop unless the same type and value is already there.
    pub fn add_prop(&mut self, kind: &str, value: impl Into<String>) {
        let prop = Prop::new(kind, value);
        if !self.props.contains(&prop) {
            self.props.push(prop);
        }
    }

    /// Adds a note unless it is already there.
    pub fn add_note(&mut self, note: impl Into<String>) {
        let note = note.into();
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    /// The values of all props of one type.
    pub fn values<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.props
            .iter()
            .filter(move |p| p.kind == kind)
            .map(|p| p.value.as_str())
    }

    /// Merges `other` into `self`: attributes already set win (except `changedate`, where the later
    /// date wins), notes and props are united.
    pub fn merge(&mut self, other: &Props) {
        for (name, value) in &other.attrs {
            match self.attr(name) {
                None => self.attrs.push((name.clone(), value.clone())),
                Some(mine) if name == "changedate" && value.as_str() > mine => {
                    self.set_attr(name, value.clone())
                }
                Some(_) => {}
            }
        }
        for note in &other.notes {
            self.add_note(note.clone());
        }
        for prop in &other.props {
            self.add_prop(&prop.kind, prop.value.clone());
        }
    }
}

/// One language version of a unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    pub lang: LangTag,
    pub segment: Segment,
    pub props: Props,
}

impl Variant {
    pub fn new(lang: LangTag, segment: Segment) -> Variant {
        Variant {
            lang,
            segment,
            props: Props::default(),
        }
    }
}

/// A translation unit: aligned variants in any number of languages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unit {
    pub variants: Vec<Variant>,
    pub props: Props,
}

impl Unit {
    /// The first variant whose language matches `lang` (see [`LangTag::matches`]).
    pub fn variant(&self, lang: &LangTag) -> Option<&Variant> {
        self.variants.iter().find(|v| v.lang.matches(lang))
    }

    /// The number of distinct languages in the unit.
    pub fn language_count(&self) -> usize {
        let variants = &self.variants;
        if variants.len() > 16 {
            let mut tags: Vec<&LangTag> = variants.iter().map(|v| &v.lang).collect();
            tags.sort();
            tags.dedup();
            return tags.len();
        }
        // The usual handful, without allocating (an import asks this of every unit).
        (0..variants.len())
            .filter(|&i| !variants[..i].iter().any(|v| v.lang == variants[i].lang))
            .count()
    }
}

impl Serialize for LangTag {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for LangTag {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        LangTag::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_unites_props_and_keeps_the_later_change_date() {
        let mut a = Props::default();
        a.set_attr("tuid", "1");
        a.set_attr("changedate", "20200101T000000Z");
        a.add_prop(CONTEXT_PROP, "menu");
        a.add_note("first");
        let mut b = Props::default();
        b.set_attr("tuid", "2");
        b.set_attr("changedate", "20240101T000000Z");
        b.add_prop(CONTEXT_PROP, "menu");
        b.add_prop(CONTEXT_PROP, "toolbar");
        b.add_note("second");
        a.merge(&b);
        assert_eq!(a.attr("tuid"), Some("1"));
        assert_eq!(a.attr("changedate"), Some("20240101T000000Z"));
        assert_eq!(
            a.values(CONTEXT_PROP).collect::<Vec<_>>(),
            ["menu", "toolbar"]
        );
        assert_eq!(a.notes, ["first", "second"]);
    }

    #[test]
    fn variant_lookup_uses_the_base_language() {
        let unit = Unit {
            variants: vec![
                Variant::new(LangTag::parse("en-US").unwrap(), Segment::plain("File")),
                Variant::new(LangTag::parse("kk-KZ").unwrap(), Segment::plain("Файл")),
            ],
            props: Props::default(),
        };
        let kk = LangTag::parse("kk").unwrap();
        assert_eq!(unit.variant(&kk).unwrap().segment.text, "Файл");
        assert!(unit.variant(&LangTag::parse("kk-Latn").unwrap()).is_none());
        assert_eq!(unit.language_count(), 2);
    }

    #[test]
    fn languages_are_counted_once_however_many_variants() {
        let variant = |tag: &str, i: usize| {
            Variant::new(LangTag::parse(tag).unwrap(), Segment::plain(format!("{i}")))
        };
        for n in [1, 3, 16, 17, 40] {
            let unit = Unit {
                variants: (0..n)
                    .map(|i| variant(["en", "kk", "az-AZ", "ar"][i % 4], i))
                    .collect(),
                props: Props::default(),
            };
            assert_eq!(unit.language_count(), n.min(4), "{n} variants");
        }
    }
}
