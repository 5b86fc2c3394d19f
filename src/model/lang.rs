//! Language tags (BCP 47) and the four first-class languages.
//!
//! Tags are accepted in any case and with `_` or `-` (`EN-US`, `az_AZ`, `az-Latn-AZ`, `kk-KZ`, `ar-SA`),
//! checked against the ISO 639 registry and stored in canonical form: language lower case, script title
//! case, region upper case, the default script of a language suppressed (`az-Latn-AZ` → `az-AZ`) and
//! three-letter codes shortened where a two-letter one exists (`kaz` → `kk`). The region and other
//! subtags are kept: the tag is data. Matching goes through [`LangTag::base`], which maps every tag of a
//! first-class language onto `en`, `az`, `kk`, `kk-Latn` or `ar`.

use std::fmt;
use std::sync::{Arc, OnceLock};

/// Why a language tag was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LangTagError {
    /// The tag does not follow the BCP 47 grammar.
    #[error("malformed language tag {0:?}")]
    Malformed(String),
    /// Well-formed, but the language subtag is not an ISO 639 code.
    #[error("unknown language {1:?} in tag {0:?}")]
    UnknownLanguage(String, String),
}

/// A canonical BCP 47 language tag.
// Equality is the tag's (the language follows from it), compared cheapest first.
#[allow(clippy::derived_hash_with_manual_eq)]
#[derive(Clone, Eq, Hash, PartialOrd, Ord)]
pub struct LangTag {
    tag: Arc<str>,
    /// What [`LangTag::language`] answers, found once (it is asked of every variant an import
    /// stores).
    language: Language,
}

impl PartialEq for LangTag {
    /// Two tags of different languages differ without comparing their text, and clones of one
    /// tag are the same without it (an import compares the tags of every unit's variants).
    fn eq(&self, other: &LangTag) -> bool {
        Arc::ptr_eq(&self.tag, &other.tag)
            || (self.language == other.language && self.tag == other.tag)
    }
}

fn primary_of(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

fn script_of(tag: &str) -> Option<&str> {
    tag.split('-')
        .skip(1)
        .find(|s| s.len() == 4 && s.as_bytes()[0].is_ascii_uppercase())
}

/// The language a canonical tag is of.
fn language_of(tag: &str) -> Language {
    match (primary_of(tag), script_of(tag)) {
        ("en", None | Some("Latn")) => Language::English,
        ("az" | "azj" | "azb", None | Some("Latn")) => Language::Azerbaijani,
        ("kk", None | Some("Cyrl")) => Language::Kazakh,
        ("kk", Some("Latn")) => Language::KazakhLatin,
        ("ar" | "arb", None | Some("Arab")) => Language::Arabic,
        _ => Language::Other,
    }
}

impl fmt::Debug for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("LangTag").field(&self.tag).finish()
    }
}

/// The languages tarjuman knows linguistically; everything else is [`Language::Other`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    English,
    Azerbaijani,
    /// Kazakh in Cyrillic script (the default).
    Kazakh,
    /// Kazakh in the 2021 Latin alphabet (`kk-Latn`).
    KazakhLatin,
    Arabic,
    Other,
}

impl Language {
    /// Whether words of this language fold case with the Turkic dotted/dotless I rules.
    pub fn is_turkic_latin(self) -> bool {
        matches!(self, Language::Azerbaijani | Language::KazakhLatin)
    }
}

/// The lines of the ISO 639 registry: a code, then optionally a tab and its shortest equivalent.
/// The file is sorted by code (a test checks it), so a code is found by binary search; splitting the
/// lines is all the set-up there is, which matters to a process that parses one or two tags.
fn registry() -> &'static [&'static str] {
    static REGISTRY: OnceLock<Vec<&'static str>> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        include_str!("iso639.tsv")
            .lines()
            .filter(|line| !line.starts_with('#') && !line.is_empty())
            .collect()
    })
}

/// The code of a registry line.
fn code_of(line: &str) -> &str {
    line.split_once('\t').map_or(line, |(code, _)| code)
}

/// The registry's entry for language subtag `code`: `Some(shortest equivalent, if another)`, or
/// `None` when the registry does not know it.
fn lookup(code: &str) -> Option<Option<&'static str>> {
    let lines = registry();
    let i = lines
        .binary_search_by(|line| code_of(line).cmp(code))
        .ok()?;
    Some(lines[i].split_once('\t').map(|(_, short)| short))
}

fn is_alpha(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphabetic())
}

fn is_alnum(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// ISO 639 private-use range `qaa`–`qtz`.
fn is_private_use_language(code: &str) -> bool {
    code.len() == 3 && code.as_bytes()[0] == b'q' && (b'a'..=b't').contains(&code.as_bytes()[1])
}

fn default_script(language: &str) -> Option<&'static str> {
    match language {
        "en" | "az" | "fr" | "de" | "es" | "it" | "pt" | "tr" | "nl" | "pl" | "cs" => Some("Latn"),
        "kk" | "ru" | "uk" | "be" | "bg" | "ky" => Some("Cyrl"),
        "ar" | "fa" | "ur" => Some("Arab"),
        _ => None,
    }
}

impl LangTag {
    /// Parses and canonicalizes a tag. `*all*` and other TMX pseudo-values are not tags.
    pub fn parse(input: &str) -> Result<LangTag, LangTagError> {
        let malformed = || LangTagError::Malformed(input.to_string());
        let trimmed = input.trim();
        if trimmed.is_empty() || !trimmed.is_ascii() {
            return Err(malformed());
        }
        let lowered = trimmed.replace('_', "-").to_ascii_lowercase();
        let subtags: Vec<&str> = lowered.split('-').collect();
        if subtags
            .iter()
            .any(|s| s.is_empty() || s.len() > 8 || !is_alnum(s))
        {
            return Err(malformed());
        }
        let mut parts: Vec<String> = Vec::with_capacity(subtags.len());
        let mut rest = subtags.as_slice();
        // Private-use tags (x-…) are kept as they are.
        if rest[0] == "x" {
            if rest.len() < 2 {
                return Err(malformed());
            }
            return Ok(LangTag::new(lowered.into()));
        }
        let language = rest[0];
        if !(2..=3).contains(&language.len()) || !is_alpha(language) {
            return Err(malformed());
        }
        let canonical_language = match lookup(language) {
            Some(Some(short)) => short.to_string(),
            Some(None) => language.to_string(),
            None if is_private_use_language(language) => language.to_string(),
            None => {
                return Err(LangTagError::UnknownLanguage(
                    input.to_string(),
                    language.to_string(),
                ));
            }
        };
        rest = &rest[1..];
        // Extended language subtags (up to three of three letters).
        let mut extlangs = 0;
        while let Some(s) = rest.first() {
            if s.len() == 3 && is_alpha(s) && extlangs < 3 {
                parts.push(s.to_string());
                extlangs += 1;
                rest = &rest[1..];
            } else {
                break;
            }
        }
        parts.insert(0, canonical_language.clone());
        if let Some(s) = rest.first().filter(|s| s.len() == 4 && is_alpha(s)) {
            let script = format!("{}{}", s[..1].to_ascii_uppercase(), &s[1..]);
            if default_script(&canonical_language) != Some(script.as_str()) {
                parts.push(script);
            }
            rest = &rest[1..];
        }
        if let Some(s) = rest.first().filter(|s| {
            (s.len() == 2 && is_alpha(s)) || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
        }) {
            parts.push(s.to_ascii_uppercase());
            rest = &rest[1..];
        }
        while let Some(s) = rest.first() {
            let is_variant = (s.len() >= 5) || (s.len() == 4 && s.as_bytes()[0].is_ascii_digit());
            if !is_variant {
                break;
            }
            parts.push(s.to_string());
            rest = &rest[1..];
        }
        // Extensions and private use: singleton followed by one or more subtags.
        while let Some(singleton) = rest.first() {
            if singleton.len() != 1 {
                return Err(malformed());
            }
            let min_len = if *singleton == "x" { 1 } else { 2 };
            parts.push(singleton.to_string());
            rest = &rest[1..];
            let mut count = 0;
            while let Some(s) = rest.first() {
                if s.len() == 1 && *singleton != "x" {
                    break;
                }
                if s.len() < min_len {
                    return Err(malformed());
                }
                parts.push(s.to_string());
                rest = &rest[1..];
                count += 1;
            }
            if count == 0 {
                return Err(malformed());
            }
        }
        Ok(LangTag::new(parts.join("-").into()))
    }

    fn new(tag: Arc<str>) -> LangTag {
        let language = language_of(&tag);
        LangTag { tag, language }
    }

    /// The canonical tag.
    pub fn as_str(&self) -> &str {
        &self.tag
    }

    /// The language subtag (`en` for `en-US`).
    pub fn primary(&self) -> &str {
        primary_of(&self.tag)
    }

    /// The explicit script subtag, if the tag has one (`Latn` for `kk-Latn-KZ`).
    pub fn script(&self) -> Option<&str> {
        script_of(&self.tag)
    }

    /// Which first-class language the tag belongs to.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The key matching uses: `en`, `az`, `kk`, `kk-Latn`, `ar` for the first-class languages,
    /// the language and script for the others (`fr`, `sr-Latn`).
    pub fn base(&self) -> String {
        self.base_str().into_owned()
    }

    /// [`LangTag::base`], borrowed where it can be.
    pub fn base_str(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match self.language() {
            Language::English => Cow::Borrowed("en"),
            Language::Azerbaijani => Cow::Borrowed("az"),
            Language::Kazakh => Cow::Borrowed("kk"),
            Language::KazakhLatin => Cow::Borrowed("kk-Latn"),
            Language::Arabic => Cow::Borrowed("ar"),
            Language::Other => match self.script() {
                Some(script) => Cow::Owned(format!("{}-{script}", self.primary())),
                None => Cow::Borrowed(self.primary()),
            },
        }
    }

    /// Whether `self` is `other` or a more specific form of it, compared on [`LangTag::base`]
    /// (`en-US` matches `en`; `kk-Latn` does not match `kk`).
    pub fn matches(&self, other: &LangTag) -> bool {
        self.base() == other.base()
    }
}

impl fmt::Display for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag)
    }
}

impl std::str::FromStr for LangTag {
    type Err = LangTagError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LangTag::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> String {
        LangTag::parse(s).unwrap().as_str().to_string()
    }

    #[test]
    fn the_registry_is_sorted_by_code_and_finds_codes() {
        let codes: Vec<&str> = registry().iter().map(|l| code_of(l)).collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(lookup("eng"), Some(Some("en")));
        assert_eq!(lookup("en"), Some(None));
        assert_eq!(lookup("zzz"), None);
    }

    #[test]
    fn canonical_case_and_separators() {
        assert_eq!(tag("EN-US"), "en-US");
        assert_eq!(tag("eN-uS"), "en-US");
        assert_eq!(tag("az_AZ"), "az-AZ");
        assert_eq!(tag("kk-KZ"), "kk-KZ");
        assert_eq!(tag("ar-SA"), "ar-SA");
        assert_eq!(tag("sr-latn-rs"), "sr-Latn-RS");
        assert_eq!(tag("es-419"), "es-419");
    }

    #[test]
    fn default_scripts_are_suppressed_and_others_kept() {
        assert_eq!(tag("az-Latn-AZ"), "az-AZ");
        assert_eq!(tag("kk-Cyrl"), "kk");
        assert_eq!(tag("kk-Latn"), "kk-Latn");
        assert_eq!(tag("ar-Arab-EG"), "ar-EG");
    }

    #[test]
    fn three_letter_codes_shorten() {
        assert_eq!(tag("kaz"), "kk");
        assert_eq!(tag("eng"), "en");
        assert_eq!(tag("AZE-az"), "az-AZ");
        assert_eq!(tag("ara"), "ar");
    }

    #[test]
    fn first_class_languages() {
        let lang = |s: &str| LangTag::parse(s).unwrap().language();
        assert_eq!(lang("EN-GB"), Language::English);
        assert_eq!(lang("az-Latn-AZ"), Language::Azerbaijani);
        assert_eq!(lang("kk-KZ"), Language::Kazakh);
        assert_eq!(lang("kk-Latn-KZ"), Language::KazakhLatin);
        assert_eq!(lang("ar-SA"), Language::Arabic);
        assert_eq!(lang("fr-CA"), Language::Other);
        assert_eq!(LangTag::parse("kk-Latn-KZ").unwrap().base(), "kk-Latn");
        assert_eq!(LangTag::parse("FR-ca").unwrap().base(), "fr");
        assert!(Language::Azerbaijani.is_turkic_latin());
        assert!(!Language::Kazakh.is_turkic_latin());
    }

    #[test]
    fn other_languages_are_kept() {
        assert_eq!(tag("SC"), "sc");
        assert_eq!(tag("ja-jp"), "ja-JP");
        assert_eq!(tag("be"), "be");
        assert_eq!(tag("x-klingon"), "x-klingon");
        assert_eq!(tag("qaa"), "qaa");
        assert_eq!(tag("en-US-x-twain"), "en-US-x-twain");
    }

    #[test]
    fn malformed_and_unknown_tags_are_refused() {
        for bad in [
            "",
            "e",
            "english-language",
            "en--US",
            "en-US-",
            "én",
            "*all*",
            "en US",
            "1en",
        ] {
            assert!(
                matches!(LangTag::parse(bad), Err(LangTagError::Malformed(_))),
                "{bad:?} should be malformed"
            );
        }
        assert!(matches!(
            LangTag::parse("xx-YY"),
            Err(LangTagError::UnknownLanguage(_, _))
        ));
        assert!(matches!(
            LangTag::parse("zz"),
            Err(LangTagError::UnknownLanguage(_, _))
        ));
    }
}
