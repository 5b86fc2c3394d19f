//! Anchors: tokens that a sentence and its translation share, whatever the language. They pull the
//! alignment towards the right pairs where lengths alone are ambiguous.

use crate::model::Language;

/// What kind of evidence an anchor is; the kinds weigh differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnchorKind {
    /// A number (digits of any script, read as ASCII digits) or a printf-style placeholder.
    Number,
    /// A name or term: a capitalized Latin token written the same in both languages, or (from a
    /// glossary) the id of an entry both sentences mention.
    Name,
    /// A question or exclamation mark (Arabic ؟ counts as ?).
    Punctuation,
    /// A word and its translation, learned by the aligner from the links of its first pass.
    Word,
}

/// One anchor of a sentence: sentences of the two documents share an anchor when kind and key
/// are equal.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Anchor {
    pub kind: AnchorKind,
    pub key: String,
}

impl Anchor {
    pub fn new(kind: AnchorKind, key: impl Into<String>) -> Anchor {
        Anchor {
            kind,
            key: key.into(),
        }
    }
}

/// Gives the anchors of a sentence. Pluggable, so that glossary names and terms can be added: a
/// glossary source returns `Anchor::new(AnchorKind::Name, entry_id)` for every entry the sentence
/// mentions in any of its spellings. Closures `Fn(&str, Language) -> Vec<Anchor>` are sources too.
pub trait AnchorSource: Sync {
    /// Appends the anchors of `sentence`, written in `language`, to `out`.
    fn anchors(&self, sentence: &str, language: Language, out: &mut Vec<Anchor>);
}

impl<F> AnchorSource for F
where
    F: Fn(&str, Language) -> Vec<Anchor> + Sync,
{
    fn anchors(&self, sentence: &str, language: Language, out: &mut Vec<Anchor>) {
        out.extend(self(sentence, language));
    }
}

/// Several sources together.
pub struct Anchors<'a>(pub Vec<&'a dyn AnchorSource>);

impl AnchorSource for Anchors<'_> {
    fn anchors(&self, sentence: &str, language: Language, out: &mut Vec<Anchor>) {
        for source in &self.0 {
            source.anchors(sentence, language, out);
        }
    }
}

/// The built-in anchors: numbers, printf placeholders, ? and !, command-line options (`--user`),
/// capitalized Latin tokens (`ICESCO`, `AlMalik`, `GTK2`) and lower-case Latin words of four
/// letters or more. The aligner only uses anchors that occur in both documents, so English words
/// that a translation does not keep cost nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct BuiltinAnchors;

/// The ASCII digit of a decimal digit of any script (Arabic-Indic ٣, Extended ۳ …).
fn ascii_digit(c: char) -> Option<char> {
    if c.is_ascii_digit() {
        return Some(c);
    }
    let zero = match c as u32 {
        0x0660..=0x0669 => 0x0660,
        0x06F0..=0x06F9 => 0x06F0,
        0xFF10..=0xFF19 => 0xFF10,
        _ => return None,
    };
    char::from_digit(c as u32 - zero, 10)
}

impl AnchorSource for BuiltinAnchors {
    fn anchors(&self, sentence: &str, _language: Language, out: &mut Vec<Anchor>) {
        let chars: Vec<char> = sentence.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if let Some(d) = ascii_digit(c) {
                // A number: leading zeros dropped, so 09 and 9 meet.
                let mut digits = String::from(d);
                i += 1;
                while i < chars.len() {
                    match ascii_digit(chars[i]) {
                        Some(d) => digits.push(d),
                        None => break,
                    }
                    i += 1;
                }
                let trimmed = digits.trim_start_matches('0');
                let key = if trimmed.is_empty() { "0" } else { trimmed };
                out.push(Anchor::new(AnchorKind::Number, key));
                continue;
            }
            if c == '%' || c == '$' {
                // printf placeholders: %s %d %1$s %-5.2f %lu, and $VAR-free forms.
                let mut j = i + 1;
                while j < chars.len()
                    && (chars[j].is_ascii_digit() || "$-+ #.'*".contains(chars[j]))
                {
                    j += 1;
                }
                while j < chars.len() && matches!(chars[j], 'l' | 'h' | 'z' | 'j' | 't' | 'L') {
                    j += 1;
                }
                if c == '%'
                    && j < chars.len()
                    && matches!(
                        chars[j],
                        's' | 'd' | 'i' | 'u' | 'f' | 'x' | 'X' | 'c' | 'g' | 'p' | 'e' | 'o'
                    )
                {
                    let key: String = chars[i..=j]
                        .iter()
                        .filter(|c| !c.is_ascii_digit() && !matches!(**c, '$' | 'I' | '\''))
                        .collect();
                    out.push(Anchor::new(AnchorKind::Number, key));
                    i = j + 1;
                    continue;
                }
                i += 1;
                continue;
            }
            if c == '-'
                && (i == 0 || chars[i - 1].is_whitespace())
                && chars
                    .get(i + 1)
                    .is_some_and(|n| *n == '-' || n.is_ascii_alphanumeric())
            {
                // A command-line option: -A, --administrators.
                let start = i;
                i += 1;
                if chars[i] == '-' {
                    i += 1;
                }
                while i < chars.len()
                    && (chars[i].is_ascii_alphanumeric() || chars[i] == '-' || chars[i] == '_')
                {
                    i += 1;
                }
                if i - start >= 2 && chars[i - 1] != '-' {
                    out.push(Anchor::new(
                        AnchorKind::Name,
                        chars[start..i].iter().collect::<String>(),
                    ));
                }
                continue;
            }
            if matches!(c, '?' | '؟' | '¿') {
                out.push(Anchor::new(AnchorKind::Punctuation, "?"));
            } else if matches!(c, '!' | '¡') {
                out.push(Anchor::new(AnchorKind::Punctuation, "!"));
            }
            if c.is_alphabetic() {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '\u{2019}') {
                    i += 1;
                }
                let word = &chars[start..i];
                let latin = word.iter().all(|c| c.is_ascii_alphanumeric());
                let capital = word[0].is_ascii_uppercase();
                // Capitalized names, and longer Latin words, which a translation into another
                // script keeps only when they are names, commands or terms (root, lastlog, tcb).
                // The aligner only uses anchors that occur in both documents, so the English
                // words a translation does not keep cost nothing.
                let name = capital && word.len() >= 2;
                let term = !capital && word.len() >= 4;
                if latin && (name || term) {
                    out.push(Anchor::new(
                        AnchorKind::Name,
                        word.iter().collect::<String>(),
                    ));
                }
                continue;
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchors(s: &str) -> Vec<(AnchorKind, String)> {
        let mut out = Vec::new();
        BuiltinAnchors.anchors(s, Language::Other, &mut out);
        out.into_iter().map(|a| (a.kind, a.key)).collect()
    }

    #[test]
    fn numbers_in_any_script_meet() {
        use AnchorKind::*;
        assert_eq!(
            anchors("On 09.12.2025, ICESCO met."),
            [
                (Name, "On".into()),
                (Number, "9".into()),
                (Number, "12".into()),
                (Number, "2025".into()),
                (Name, "ICESCO".into())
            ]
        );
        assert_eq!(
            anchors("في ٠٩.١٢.٢٠٢٥ التقى؟"),
            [
                (Number, "9".into()),
                (Number, "12".into()),
                (Number, "2025".into()),
                (Punctuation, "?".into())
            ]
        );
    }

    #[test]
    fn placeholders_and_names() {
        use AnchorKind::*;
        assert_eq!(
            anchors("Cannot open %s: %1$lu bytes in GTK2 for AlMalik!"),
            [
                (Name, "Cannot".into()),
                (Name, "open".into()),
                (Number, "%s".into()),
                (Number, "%lu".into()),
                (Name, "bytes".into()),
                (Name, "GTK2".into()),
                (Name, "AlMalik".into()),
                (Punctuation, "!".into())
            ]
        );
        assert_eq!(anchors("Ақтоты ICESCO-ға барды"), [(Name, "ICESCO".into())]);
        assert_eq!(
            anchors("Open the file"),
            [(Name, "Open".into()), (Name, "file".into())]
        );
    }
}
