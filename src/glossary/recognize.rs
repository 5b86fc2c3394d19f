//! Term recognition: every spelling of every entry, compiled once into one Aho-Corasick automaton
//! over a folded form of the text, found with word boundaries, Azerbaijani and Kazakh case endings,
//! the English possessive and Arabic proclitics.
//!
//! **Folding.** Text and spellings are folded the same way, character by character, with a map
//! from each folded byte back to the character it came from: letter case (the Turkic `İ`, `I` and
//! `ı` all fold to `i`, because the language of a name's spelling is unknown), Arabic letter
//! variants as in [`crate::text::normalize_arabic`] (hamza forms of alef, alef maksura, ta
//! marbuta, Persian yeh and keheh, presentation forms; tashkeel and tatweel dropped), invisible
//! characters dropped, runs of whitespace made one space, typographic apostrophes and hyphens made
//! ASCII, and decomposed letters composed. Which of an entry's spellings a mention is written in
//! (its [`Form`]) is then decided on the text as written, ignoring only case and tashkeel.
//!
//! **Boundaries.** A match must start after a non-letter, and end before one or before an
//! ending: Azerbaijani and Kazakh case, possessive and plural endings in Latin and Cyrillic
//! (`AlMalikin`, `Raimkulovanın`, `Райымқұловамен`, `Фондының`). The ending is not part of the
//! reported span; endings after a hyphen or an apostrophe (`ICESCO-nun`, `İSESKO'ya`, `AlMalik's`)
//! need no list. A bare `-a` is never an ending, so `Aliyev` does not match `Aliyeva`. Arabic
//! spellings may follow the proclitics و ف ب ل ك (and their pairs), and a spelling that starts
//! with ال is also found after ل as لل (`للإيسيسكو`); the span starts after the proclitic.
//!
//! **Shortened mentions.** For persons, every order-preserving part of a spelling that keeps the
//! last name is recognized too: the surname alone, `Salim AlMalik`, `سالم المالك`. Particles
//! (al, bin, ibn, بن, عبد …) stay with the name they introduce. A shortened form that two
//! entries share (the surname of two Aliyevs) is dropped: it names neither for sure.
//!
//! The longest match wins; overlapping matches are not reported.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, Input, MatchKind};
use serde::Serialize;
use unicode_normalization::char::{canonical_combining_class, decompose_compatible};

use super::{Glossary, Kind};
use crate::error::{Error, Result};
use crate::model::Language;
use crate::text::{
    Script, dominant_script, fold_case, fold_whitespace, is_invisible, nfc, strip_invisible,
    strip_tashkeel,
};

/// Which kind of spelling a mention uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// A canonical form (a language column), or a shortened one.
    Canonical,
    /// An accepted alternative (`allowed`).
    Allowed,
    /// A listed variant, or a spelling that matches only after folding (an unlisted near-variant).
    Variant,
    /// A deprecated spelling (`forbidden`).
    Forbidden,
}

impl Form {
    /// The name in machine output.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Canonical => "canonical",
            Form::Allowed => "allowed",
            Form::Variant => "variant",
            Form::Forbidden => "forbidden",
        }
    }
}

/// A recognized mention: byte offsets into the text, end exclusive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Index of the entry; see [`Recognizer::entry_id`].
    pub entry: usize,
    pub start: usize,
    pub end: usize,
    pub form: Form,
}

/// The comparison key that decides a mention's form and what counts as the same spelling: NFC,
/// no invisible characters, no tashkeel or tatweel, case folded in `language`, whitespace folded.
pub fn strict_key(s: &str, language: Language) -> String {
    let composed = nfc(s);
    let visible = strip_invisible(&composed);
    fold_whitespace(&nfc(&fold_case(&strip_tashkeel(&visible), language)))
}

fn is_tashkeel(c: char) -> bool {
    matches!(c, '\u{64B}'..='\u{65F}' | '\u{670}' | '\u{6D6}'..='\u{6ED}' | '\u{640}')
        && !matches!(c, '\u{6DD}' | '\u{6DE}' | '\u{6E9}')
}

fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// Folds one character (see the module documentation) into `out`.
fn fold_char(c: char, out: &mut dyn FnMut(char)) {
    match c {
        'A'..='Z' => out(c.to_ascii_lowercase()),
        '\0'..='\x7f' => out(c),
        'İ' | 'ı' => out('i'),
        // Letters that are already lower case, without the case tables.
        'а'..='я' | 'ѐ'..='џ' | 'ə' | 'ç' | 'ş' | 'ğ' | 'ö' | 'ü' | 'ä' | 'ñ' | 'ū' => {
            out(c)
        }
        'А'..='Я' => out(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
        'Ѐ'..='Џ' => out(char::from_u32(c as u32 + 0x50).unwrap_or(c)),
        'أ' | 'إ' | 'آ' | 'ٱ' => out('ا'),
        'ى' | 'ی' => out('ي'),
        'ک' => out('ك'),
        'ة' => out('ه'),
        c if is_tashkeel(c) || is_invisible(c) => {}
        '\u{600}'..='\u{6FF}' => out(c),
        '\u{2018}' | '\u{2019}' | '\u{2032}' | '\u{2BC}' | '\u{B4}' => out('\''),
        '\u{2010}' | '\u{2011}' => out('-'),
        'ß' | 'ẞ' => {
            out('s');
            out('s');
        }
        'ς' => out('σ'),
        c if is_presentation_form(c) => decompose_compatible(c, |d| fold_char(d, out)),
        c if c.is_whitespace() => out(' '),
        c => c.to_lowercase().for_each(&mut *out),
    }
}

/// False for the letters that make up most text (Latin-1, Cyrillic and Arabic letters), so
/// that only the rest is looked up in the combining class table.
fn may_be_mark(c: char) -> bool {
    !matches!(c, '\u{80}'..='\u{2FF}' | '\u{400}'..='\u{482}' | '\u{48A}'..='\u{52F}' | '\u{621}'..='\u{64A}')
}

/// Appends the folded form of `text` to `key`; with `map`, pushes for every byte appended the
/// offset in `text` of the character it comes from.
fn fold_into(text: &str, key: &mut String, mut map: Option<&mut Vec<u32>>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut last_space = false;
    // Where the last starter character begins in `text` and in `key`, while marks may follow.
    let mut base: Option<(usize, usize)> = None;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                if !last_space {
                    key.push(' ');
                    if let Some(map) = map.as_deref_mut() {
                        map.push(i as u32);
                    }
                    last_space = true;
                }
                base = None;
            } else {
                base = Some((i, key.len()));
                key.push(b.to_ascii_lowercase() as char);
                if let Some(map) = map.as_deref_mut() {
                    map.push(i as u32);
                }
                last_space = false;
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if c.is_whitespace() {
            if !last_space {
                key.push(' ');
                if let Some(map) = map.as_deref_mut() {
                    map.push(i as u32);
                }
                last_space = true;
            }
            base = None;
            i += len;
            continue;
        }
        let composing = may_be_mark(c)
            && ((canonical_combining_class(c) != 0 && !is_tashkeel(c))
                || matches!(c, '\u{653}'..='\u{655}'));
        if composing && let Some((base_at, key_at)) = base {
            // A decomposed letter: compose the cluster and fold it again.
            let mut end = i;
            for m in text[i..].chars() {
                if canonical_combining_class(m) == 0 {
                    break;
                }
                end += m.len_utf8();
            }
            key.truncate(key_at);
            if let Some(map) = map.as_deref_mut() {
                map.truncate(key_at);
            }
            for composed in nfc(&text[base_at..end]).chars() {
                fold_char(composed, &mut |f| {
                    key.push(f);
                    if let Some(map) = map.as_deref_mut() {
                        map.extend(std::iter::repeat_n(base_at as u32, f.len_utf8()));
                    }
                });
            }
            last_space = false;
            i = end;
            continue;
        }
        let before = key.len();
        fold_char(c, &mut |f| {
            key.push(f);
            if let Some(map) = map.as_deref_mut() {
                map.extend(std::iter::repeat_n(i as u32, f.len_utf8()));
            }
        });
        if key.len() > before {
            base = Some((i, before));
            last_space = false;
        }
        i += len;
    }
}

/// The folded key of a spelling, trimmed.
pub fn fold_key(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    fold_into(s, &mut key, None);
    key.trim().to_string()
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Endings a Latin-script name takes in Azerbaijani (and Kazakh Latin), folded.
const AZ_AFTER_CONSONANT: &[&str] = &[
    "ın", "in", "un", "ün", "ə", "ı", "i", "u", "ü", "da", "də", "dan", "dən", "la", "lə", "dır",
    "dir", "dur", "dür", "dakı", "dəki", "lar", "lər", "ları", "ləri", "ların", "lərin", "lara",
    "lərə", "larda", "lərdə", "dakı", "ta", "tə", "tan", "tən",
];
const AZ_AFTER_VOWEL: &[&str] = &[
    "nın", "nin", "nun", "nün", "ya", "yə", "nı", "ni", "nu", "nü", "da", "də", "dan", "dən",
    "yla", "ylə", "dır", "dir", "dur", "dür", "dakı", "dəki", "ylə", "sı", "si", "su", "sü", "lar",
    "lər", "na", "nə", "nda", "ndə", "ndan", "ndən", "ndakı", "ndəki",
];
/// Possessive endings after which the `n`-forms of the cases follow (`Fondu` → `Fondunun`).
const AZ_POSSESSIVE: &[&str] = &["ı", "i", "u", "ü", "sı", "si", "su", "sü"];
const KK_LATIN: &[&str] = &[
    "dyñ", "diñ", "tyñ", "tiñ", "nyñ", "niñ", "ğa", "ge", "qa", "ke", "na", "ne", "dy", "di", "ty",
    "ti", "ny", "ni", "ta", "te", "dan", "den", "tan", "ten", "nan", "nen", "men", "ben", "pen",
];
/// Endings a Cyrillic name takes in Kazakh.
const KK_CASES: &[&str] = &[
    "тың", "тің", "дың", "дің", "ның", "нің", "қа", "ке", "ға", "ге", "ты", "ті", "ды", "ді", "ны",
    "ні", "та", "те", "да", "де", "тан", "тен", "дан", "ден", "нан", "нен", "мен", "бен", "пен",
    "тар", "тер", "дар", "дер", "лар", "лер", "дағы", "дегі", "тағы", "тегі", "ы", "і", "сы", "сі",
];
const KK_AFTER_POSSESSIVE: &[&str] = &[
    "ның",
    "нің",
    "на",
    "не",
    "н",
    "нда",
    "нде",
    "нан",
    "нен",
    "мен",
    "ндағы",
    "ндегі",
];
const KK_POSSESSIVE: &[&str] = &["ы", "і", "сы", "сі"];

struct Endings {
    latin: HashSet<String>,
    cyrillic: HashSet<String>,
}

fn endings() -> &'static Endings {
    static ENDINGS: OnceLock<Endings> = OnceLock::new();
    ENDINGS.get_or_init(|| {
        let mut latin: HashSet<String> = AZ_AFTER_CONSONANT
            .iter()
            .chain(AZ_AFTER_VOWEL)
            .chain(KK_LATIN)
            .map(|s| fold_key(s))
            .collect();
        for p in AZ_POSSESSIVE {
            for case in AZ_AFTER_VOWEL.iter().filter(|c| c.starts_with('n')) {
                latin.insert(fold_key(&format!("{p}{case}")));
            }
        }
        let mut cyrillic: HashSet<String> = KK_CASES.iter().map(|s| fold_key(s)).collect();
        for p in KK_POSSESSIVE {
            for case in KK_AFTER_POSSESSIVE {
                cyrillic.insert(fold_key(&format!("{p}{case}")));
            }
        }
        // A bare -a/-а/-е is the feminine of a surname, never an ending: Aliyev ≠ Aliyeva.
        for feminine in ["a", "а", "е"] {
            latin.remove(feminine);
            cyrillic.remove(feminine);
        }
        Endings { latin, cyrillic }
    })
}

/// The byte lengths of the stems of `word` that leave an Azerbaijani or Kazakh ending after
/// them (`Əliyevin` → `Əliyev`), longest stem first; stems keep at least three letters.
pub fn stems(word: &str) -> Vec<usize> {
    let set = match dominant_script(word) {
        Script::Latin => &endings().latin,
        Script::Cyrillic => &endings().cyrillic,
        _ => return Vec::new(),
    };
    word.char_indices()
        .skip(3)
        .map(|(i, _)| i)
        .filter(|&i| set.contains(&fold_key(&word[i..])))
        .collect()
}

/// Arabic proclitics a name may follow, alone or in pairs.
const PROCLITICS: &[&str] = &["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];
/// What may come before لل.
const LIL_PREFIXES: &[&str] = &["و", "ف"];

/// Words that belong to the name after them: `bin Mohammed`, `Al Malik`, `عبد الحكيم`.
fn is_particle(token: &str) -> bool {
    let lower = token.to_lowercase();
    matches!(
        lower.as_str(),
        "al" | "el"
            | "ul"
            | "ad"
            | "ar"
            | "as"
            | "ash"
            | "at"
            | "az"
            | "an"
            | "bin"
            | "ibn"
            | "bint"
            | "ben"
            | "abu"
            | "abd"
            | "əl"
            | "əs"
            | "аль"
            | "әл"
            | "әс"
            | "ал"
            | "бин"
            | "ибн"
            | "بن"
            | "بنت"
            | "ابن"
            | "عبد"
            | "أبو"
            | "ابو"
            | "آل"
    )
}

/// The shortened forms of a person's name: every order-preserving part that keeps the last
/// name, except the whole.
fn short_forms(spelling: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut pending = String::new();
    for token in spelling.split_whitespace() {
        if is_particle(token) {
            pending.push_str(token);
            pending.push(' ');
        } else {
            tokens.push(format!("{pending}{token}"));
            pending.clear();
        }
    }
    if !pending.is_empty() {
        return Vec::new();
    }
    let n = tokens.len();
    if n < 2 {
        return Vec::new();
    }
    let last = &tokens[n - 1];
    let mut out = Vec::new();
    if n > 6 {
        out.push(last.clone());
    } else {
        for mask in 0..(1u32 << (n - 1)) - 1 {
            let mut parts: Vec<&str> = (0..n - 1)
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| tokens[i].as_str())
                .collect();
            parts.push(last);
            out.push(parts.join(" "));
        }
    }
    out.retain(|s| s.chars().count() >= 3);
    out
}

struct Pattern {
    entry: u32,
    /// The spelling starts with ال and is matched as لل.
    lil: bool,
    script: Script,
    derived: bool,
    ambiguous: bool,
}

struct Spelling {
    en: String,
    tr: String,
    form: Form,
}

/// The compiled recognizer for a set of glossaries.
pub struct Recognizer {
    ac: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
    ids: Vec<String>,
    spellings: Vec<Vec<Spelling>>,
}

/// How big a piece of text is folded at once (it ends at a line break after this many bytes).
const CHUNK: usize = 1 << 20;

impl Recognizer {
    /// Compiles every spelling of every entry of `glossaries`. Where two glossaries have an entry
    /// with the same id, or the same spelling in two entries, the later glossary wins.
    pub fn new(glossaries: &[Glossary]) -> Result<Recognizer> {
        let mut ids = Vec::new();
        let mut spellings = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut seen_ids = HashSet::new();
        for glossary in glossaries.iter().rev() {
            for entry in &glossary.entries {
                if !seen_ids.insert(entry.id.clone()) {
                    continue;
                }
                let index = ids.len() as u32;
                ids.push(entry.id.clone());
                let mut own: Vec<(String, Form, bool)> = entry
                    .spellings()
                    .map(|(s, form)| (s.to_string(), form, false))
                    .collect();
                if entry.kind == Kind::Person {
                    let derived: Vec<(String, Form, bool)> = own
                        .iter()
                        .flat_map(|(s, form, _)| {
                            short_forms(s).into_iter().map(move |d| (d, *form, true))
                        })
                        .collect();
                    own.extend(derived);
                }
                let mut entry_spellings: Vec<Spelling> = own
                    .iter()
                    .map(|(s, form, _)| Spelling {
                        en: strict_key(s, Language::English),
                        tr: strict_key(s, Language::Azerbaijani),
                        form: *form,
                    })
                    .collect();
                entry_spellings.sort_by_key(|s| s.form);
                spellings.push(entry_spellings);
                for (spelling, _, derived) in &own {
                    let key = fold_key(spelling);
                    if !key.chars().any(is_word) {
                        continue;
                    }
                    let script = dominant_script(spelling);
                    let mut variants = vec![(key.clone(), false)];
                    if let Some(rest) = key.strip_prefix("ال")
                        && rest.chars().count() >= 2
                    {
                        variants.push((format!("لل{rest}"), true));
                    }
                    for (key, lil) in variants {
                        match by_key.get(&key) {
                            None => {
                                by_key.insert(key.clone(), patterns.len());
                                keys.push(key);
                                patterns.push(Pattern {
                                    entry: index,
                                    lil,
                                    script,
                                    derived: *derived,
                                    ambiguous: false,
                                });
                            }
                            Some(&p) => {
                                let existing = &mut patterns[p];
                                if existing.entry == index {
                                    existing.derived &= *derived;
                                } else if existing.derived && !derived {
                                    *existing = Pattern {
                                        entry: index,
                                        lil,
                                        script,
                                        derived: false,
                                        ambiguous: false,
                                    };
                                } else if existing.derived && *derived {
                                    existing.ambiguous = true;
                                }
                            }
                        }
                    }
                }
            }
        }
        let (keys, patterns): (Vec<String>, Vec<Pattern>) = keys
            .into_iter()
            .zip(patterns)
            .filter(|(_, p)| !p.ambiguous)
            .unzip();
        let ac = if keys.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&keys)
                    .map_err(|e| Error::Automaton(e.to_string()))?,
            )
        };
        Ok(Recognizer {
            ac,
            patterns,
            ids,
            spellings,
        })
    }

    /// The id of entry `index` of a [`Mention`].
    pub fn entry_id(&self, index: usize) -> &str {
        &self.ids[index]
    }

    /// How many spellings (with shortened forms) were compiled.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Every mention in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        let Some(ac) = &self.ac else {
            return out;
        };
        let mut key = String::new();
        let mut map = Vec::new();
        for range in chunks(text) {
            key.clear();
            map.clear();
            let chunk = &text[range.clone()];
            fold_into(chunk, &mut key, Some(&mut map));
            self.find_in_chunk(ac, chunk, &key, &map, range.start, &mut out);
        }
        out
    }

    fn find_in_chunk(
        &self,
        ac: &AhoCorasick,
        chunk: &str,
        key: &str,
        map: &[u32],
        offset: usize,
        out: &mut Vec<Mention>,
    ) {
        let mut at = 0;
        while at < key.len() {
            let Some(m) = ac.find(Input::new(key).span(at..key.len())) else {
                break;
            };
            let pattern = &self.patterns[m.pattern().as_usize()];
            match self.accept(chunk, key, map, m.start(), m.end(), pattern) {
                Some((start, end, form)) => {
                    out.push(Mention {
                        entry: pattern.entry as usize,
                        start: offset + start,
                        end: offset + end,
                        form,
                    });
                    at = m.end();
                }
                None => {
                    at = m.start() + key[m.start()..].chars().next().map_or(1, char::len_utf8);
                }
            }
        }
    }

    /// Checks the boundaries of a match at `start..end` of `key`; gives the span in the chunk and
    /// the form.
    fn accept(
        &self,
        chunk: &str,
        key: &str,
        map: &[u32],
        start: usize,
        end: usize,
        pattern: &Pattern,
    ) -> Option<(usize, usize, Form)> {
        if let Some(prev) = key[..start].chars().next_back()
            && is_word(prev)
        {
            if pattern.script != Script::Arabic {
                return None;
            }
            let word_start = key[..start]
                .char_indices()
                .rev()
                .take_while(|(_, c)| is_word(*c))
                .last()
                .map_or(start, |(i, _)| i);
            let prefix = &key[word_start..start];
            let allowed = if pattern.lil {
                LIL_PREFIXES
            } else {
                PROCLITICS
            };
            if !allowed.contains(&prefix) {
                return None;
            }
        }
        if let Some(next) = key[end..].chars().next()
            && is_word(next)
        {
            let word_end = key[end..]
                .char_indices()
                .find(|(_, c)| !is_word(*c))
                .map_or(key.len(), |(i, _)| end + i);
            let ending = &key[end..word_end];
            let ok = match pattern.script {
                Script::Latin => endings().latin.contains(ending),
                Script::Cyrillic => endings().cyrillic.contains(ending),
                _ => false,
            };
            if !ok {
                return None;
            }
        }
        let name_start = if pattern.lil {
            start + 'ل'.len_utf8()
        } else {
            start
        };
        let src_start = *map.get(name_start)? as usize;
        let src_end = cluster_end(chunk, *map.get(end.checked_sub(1)?)? as usize);
        let found = chunk.get(src_start..src_end)?;
        Some((src_start, src_end, self.form_of(pattern, found)))
    }

    fn form_of(&self, pattern: &Pattern, found: &str) -> Form {
        let written = if pattern.lil {
            format!("ا{found}")
        } else {
            found.to_string()
        };
        let en = strict_key(&written, Language::English);
        let tr = strict_key(&written, Language::Azerbaijani);
        self.spellings[pattern.entry as usize]
            .iter()
            .find(|s| s.en == en || s.tr == tr)
            .map_or(Form::Variant, |s| s.form)
    }
}

/// The end of the character at `at` and of the marks that follow it.
fn cluster_end(text: &str, at: usize) -> usize {
    let mut chars = text[at..].char_indices();
    let Some((_, first)) = chars.next() else {
        return at;
    };
    let mut end = at + first.len_utf8();
    for (i, c) in chars {
        if canonical_combining_class(c) == 0 {
            break;
        }
        end = at + i + c.len_utf8();
    }
    end
}

/// The pieces of `text` that [`Recognizer::find`] reads one at a time: about a megabyte each,
/// ending after a line break. Finding in each piece alone gives the same mentions.
pub fn chunks(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        (start < text.len()).then(|| {
            let end = chunk_end(text, start);
            let range = start..end;
            start = end;
            range
        })
    })
}

fn chunk_end(text: &str, start: usize) -> usize {
    if text.len() - start <= CHUNK {
        return text.len();
    }
    let mut target = start + CHUNK;
    while !text.is_char_boundary(target) {
        target += 1;
    }
    text[target..]
        .find('\n')
        .map_or(text.len(), |i| target + i + 1)
}

/// Turns increasing byte offsets of a text into 1-based lines and columns (in Unicode scalar
/// values), reading the text once.
pub struct Locator<'a> {
    text: &'a str,
    at: usize,
    line: u64,
    column: u64,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Locator<'a> {
        Locator {
            text,
            at: 0,
            line: 1,
            column: 1,
        }
    }

    /// The line and column of byte `offset`; offsets must not decrease between calls (a smaller
    /// one starts over from the beginning).
    pub fn locate(&mut self, offset: usize) -> (u64, u64) {
        if offset < self.at {
            *self = Locator::new(self.text);
        }
        let piece = &self.text[self.at..offset];
        match piece.rfind('\n') {
            Some(last) => {
                self.line += piece.bytes().filter(|&b| b == b'\n').count() as u64;
                self.column = piece[last + 1..].chars().count() as u64 + 1;
            }
            None => self.column += piece.chars().count() as u64,
        }
        self.at = offset;
        (self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    const HEADER: &str = "id,type,en,az,kk,ar,variants,forbidden,note\n";

    fn recognizer(rows: &str) -> Recognizer {
        let text = format!("{HEADER}{rows}");
        let g = Glossary::parse("t.csv", Path::new("t.csv"), &text, b',').unwrap();
        Recognizer::new(&[g]).unwrap()
    }

    fn icesco() -> Recognizer {
        Recognizer::new(&super::super::builtin::shipped().unwrap()).unwrap()
    }

    /// (found, entry, form) of every mention.
    fn found(r: &Recognizer, text: &str) -> Vec<(String, String, &'static str)> {
        r.find(text)
            .into_iter()
            .map(|m| {
                (
                    text[m.start..m.end].to_string(),
                    r.entry_id(m.entry).to_string(),
                    m.form.as_str(),
                )
            })
            .collect()
    }

    fn spans(r: &Recognizer, text: &str) -> Vec<String> {
        found(r, text).into_iter().map(|(s, _, _)| s).collect()
    }

    #[test]
    fn azerbaijani_endings_with_and_without_a_hyphen() {
        let r = icesco();
        assert_eq!(
            spans(&r, "İSESKO-nun Baş direktoru Salim AlMalikin sözləri"),
            ["İSESKO", "Baş direktor", "Salim AlMalik"]
        );
        assert_eq!(
            spans(&r, "ICESCO-nun nümayəndələri İSESKO-ya və İSESKO'ya gəldi"),
            ["ICESCO", "İSESKO", "İSESKO"]
        );
        assert_eq!(
            spans(&r, "Fond prezidenti Raimkulovanın və Kərimovun görüşü"),
            ["prezident", "Raimkulova", "Kərimov"]
        );
        assert_eq!(
            spans(&r, "Türk Mədəniyyəti və İrsi Fondunun layihələri"),
            ["Türk Mədəniyyəti və İrsi Fondu"]
        );
    }

    #[test]
    fn kazakh_endings() {
        let r = icesco();
        assert_eq!(
            spans(
                &r,
                "Ақтоты Райымқұловамен кездесті. Райымқұлованың айтуынша, ИСЕСКО-ның өкілдері"
            ),
            ["Ақтоты Райымқұлова", "Райымқұлова", "ИСЕСКО"]
        );
        let r = recognizer("i_f,institution,,,Түркі мәдениеті мен мұрасы фонды,,,,\n");
        assert_eq!(
            spans(&r, "Түркі мәдениеті мен мұрасы фондының жобалары"),
            ["Түркі мәдениеті мен мұрасы фонды"]
        );
        let r = recognizer("p_tokayev,person,,,Қасым-Жомарт Тоқаев,,,,\n");
        assert_eq!(spans(&r, "Тоқаевтың сапары"), ["Тоқаев"]);
    }

    #[test]
    fn english_possessive_and_case() {
        let r = icesco();
        assert_eq!(
            found(&r, "ICESCO's delegation met AlMalik's team in BAKU."),
            [
                ("ICESCO".into(), "i_icesco".into(), "canonical"),
                ("AlMalik".into(), "p_almalik".into(), "canonical"),
                ("BAKU".into(), "pl_baku".into(), "canonical"),
            ]
        );
        assert_eq!(
            found(&r, "Salim Al-Malik and Maryam Gafarzade"),
            [
                ("Salim Al-Malik".into(), "p_almalik".into(), "variant"),
                ("Maryam Gafarzade".into(), "p_gafarzade".into(), "variant"),
            ]
        );
    }

    #[test]
    fn arabic_proclitics_and_lil() {
        let r = icesco();
        assert_eq!(
            found(
                &r,
                "وقال سالم المالك إن الإيسيسكو ستدعم وللإيسيسكو مكتب، بالإيسيسكو"
            ),
            [
                ("سالم المالك".into(), "p_almalik".into(), "canonical"),
                ("الإيسيسكو".into(), "i_icesco".into(), "canonical"),
                ("لإيسيسكو".into(), "i_icesco".into(), "canonical"),
                ("الإيسيسكو".into(), "i_icesco".into(), "canonical"),
            ]
        );
        // Hamza dropped: recognized, but not the canonical spelling; tashkeel is no difference.
        assert_eq!(
            found(&r, "والايسيسكو والمُدِيرُ العام"),
            [
                ("الايسيسكو".into(), "i_icesco".into(), "variant"),
                ("المُدِيرُ العام".into(), "t_dg".into(), "canonical"),
            ]
        );
        // A word that merely contains the name is no mention.
        assert!(spans(&r, "بالإيسيسكوية").is_empty());
    }

    #[test]
    fn gendered_forms_never_match() {
        let r = recognizer(
            "p_ilham,person,Ilham Aliyev,İlham Əliyev,Ильхам Әлиев,,,,\n\
             p_nazarbayev,person,Nursultan Nazarbayev,,Нұрсұлтан Назарбаев,,,,\n",
        );
        assert!(spans(&r, "Mehriban Aliyeva and Leyla Aliyeva").is_empty());
        assert!(spans(&r, "Mehriban Əliyeva, Əliyevanın").is_empty());
        assert!(spans(&r, "Дариға Назарбаева").is_empty());
        assert_eq!(spans(&r, "Aliyev's visit; Əliyevin"), ["Aliyev", "Əliyev"]);
    }

    #[test]
    fn shortened_mentions_and_longest_match() {
        let r = icesco();
        assert_eq!(
            found(
                &r,
                "Director of the ICESCO Regional Office in Baku Dr. Abdulhakim Al-Sanan; Al-Sanan said"
            ),
            [
                ("Director".into(), "t_director".into(), "canonical"),
                (
                    "ICESCO Regional Office in Baku".into(),
                    "i_regional_office".into(),
                    "canonical"
                ),
                (
                    "Abdulhakim Al-Sanan".into(),
                    "p_al_sanan".into(),
                    "canonical"
                ),
                ("Al-Sanan".into(), "p_al_sanan".into(), "canonical"),
            ]
        );
        // A surname two entries share names neither.
        let r =
            recognizer("p_ilham,person,Ilham Aliyev,,,,,,\np_heydar,person,Heydar Aliyev,,,,,,\n");
        assert!(spans(&r, "Aliyev said").is_empty());
        assert_eq!(spans(&r, "Heydar Aliyev said"), ["Heydar Aliyev"]);
    }

    #[test]
    fn folding_handles_invisibles_decomposition_and_line_breaks() {
        let r = icesco();
        assert_eq!(
            spans(
                &r,
                "Ələkbər\u{A0}Xıdırov, Al\u{200B}Malik, I\u{307}SESKO, Maryam\nGafar-zade"
            ),
            [
                "Ələkbər\u{A0}Xıdırov",
                "Al\u{200B}Malik",
                "I\u{307}SESKO",
                "Maryam\nGafar-zade"
            ]
        );
        assert_eq!(
            found(&r, "XIDIROV")[0].2,
            "canonical",
            "all capitals are the canonical spelling"
        );
        assert_eq!(found(&r, "Xidirov")[0].2, "variant");
    }

    #[test]
    fn locator_counts_scalar_values() {
        let text = "ab\nمُحَمَّد ICESCO\nx";
        let mut locator = Locator::new(text);
        let at = text.find("ICESCO").unwrap();
        assert_eq!(locator.locate(at), (2, 10));
        assert_eq!(locator.locate(at + 6), (2, 16));
        assert_eq!(locator.locate(text.len()), (3, 2));
    }

    #[test]
    fn the_seed_article_names_more_than_ten_entries() {
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_ed5fbb20ccc5fd05.txt"),
        );
        let Ok(text) = text else { return };
        let r = icesco();
        let ids: HashSet<String> = found(&r, &text).into_iter().map(|(_, id, _)| id).collect();
        assert!(ids.len() >= 15, "{ids:?}");
    }
}
