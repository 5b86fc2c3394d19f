//! SRX 2.0 rule files: the document model, a reader and a writer.
//!
//! The reader goes through the checking XML layer of [`crate::formats`] (predefined entities only,
//! nothing fetched, errors with line and column). It is lenient where real files are: foreign
//! elements (Okapi's `okpsrx:*`) are skipped, SRX 1.0 `<maprule>` wrappers are looked into, and the
//! header attributes may be missing. It is strict where a mistake would change the segmentation
//! silently: a `<languagemap>` must name an existing `<languagerule>`, and `break` must be `yes` or
//! `no`. Rule patterns are Java regular expressions; [`java_to_rust`] rewrites the Java-only syntax
//! that has a Rust equivalent.

use std::borrow::Cow;
use std::path::Path;

use crate::error::{Error, Position, Reason, Result};
use crate::formats::InputFile;
use crate::formats::source::position_at;
use crate::formats::xml::{Element, Ev, XmlReader};

/// One `<rule>`: a break (or an exception, `break="no"`) between `before` and `after`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub is_break: bool,
    /// The pattern the text before the break must end with (may be empty).
    pub before: String,
    /// The pattern the text after the break must start with (may be empty).
    pub after: String,
    /// Written as an XML comment before the rule.
    pub comment: Option<String>,
}

/// A `<languagerule>`: a named, ordered list of rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageRule {
    pub name: String,
    pub rules: Vec<Rule>,
}

/// A `<languagemap>`: languages whose code matches `pattern` use the rules named `rule_name`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageMap {
    pub pattern: String,
    pub rule_name: String,
}

/// An SRX document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SrxDocument {
    /// With cascade, every matching language map contributes its rules, in order; without, only
    /// the first.
    pub cascade: bool,
    pub segment_subflows: bool,
    /// `<formathandle type="…" include="…">`: kept for the round trip (plain text has no codes).
    pub format_handles: Vec<(String, bool)>,
    pub language_rules: Vec<LanguageRule>,
    pub maps: Vec<LanguageMap>,
}

/// Where each rule and map of a read document starts (offsets in the decoded file), to report a
/// pattern that does not compile. Turned into a line and column only when needed: that reads the
/// file again.
#[derive(Clone, Debug, Default)]
pub struct SrxOffsets {
    /// `rules[l][r]`: the offset of rule `r` of language rule `l`.
    pub rules: Vec<Vec<u64>>,
    /// The offset of each language map.
    pub maps: Vec<u64>,
}

/// The line and column of `offset` in the SRX file `path`.
pub fn position_in(path: &Path, offset: u64) -> Position {
    position_at(path, None, offset)
}

fn yes_no(element: &Element<'_>, attribute: &str, default: bool) -> Result<bool> {
    match element.attr(attribute)?.as_deref().map(str::trim) {
        None => Ok(default),
        Some(v) if v.eq_ignore_ascii_case("yes") || v.eq_ignore_ascii_case("true") => Ok(true),
        Some(v) if v.eq_ignore_ascii_case("no") || v.eq_ignore_ascii_case("false") => Ok(false),
        Some(v) => Err(element.error(Reason::SrxBadValue {
            attribute: attribute.to_string(),
            value: v.to_string(),
        })),
    }
}

fn required(element: &Element<'_>, attribute: &str) -> Result<String> {
    element.attr(attribute)?.ok_or_else(|| {
        element.error(Reason::MissingAttribute {
            element: element.local_name().to_string(),
            attribute: attribute.to_string(),
        })
    })
}

/// Adds the rule being read to the last language rule.
fn finish_rule(doc: &mut SrxDocument, rule: &mut Option<(bool, Option<String>, Option<String>)>) {
    if let Some((is_break, before, after)) = rule.take()
        && let Some(current) = doc.language_rules.last_mut()
    {
        current.rules.push(Rule {
            is_break,
            before: before.unwrap_or_default(),
            after: after.unwrap_or_default(),
            comment: None,
        });
    }
}

/// Reads an SRX file.
pub fn read_srx(path: &Path) -> Result<(SrxDocument, SrxOffsets)> {
    let input = InputFile::open(path)?;
    let mut xml = XmlReader::new(input, "srx")?;
    let mut doc = SrxDocument {
        cascade: true,
        segment_subflows: true,
        format_handles: Vec::new(),
        language_rules: Vec::new(),
        maps: Vec::new(),
    };
    let mut offsets = SrxOffsets::default();
    let mut stack: Vec<String> = Vec::new();
    // The rule being read: (is_break, before, after).
    let mut rule: Option<(bool, Option<String>, Option<String>)> = None;
    loop {
        let (element, is_start) = match xml.next()? {
            Ev::Eof => break,
            Ev::End => {
                if stack.pop().as_deref() == Some("rule") {
                    finish_rule(&mut doc, &mut rule);
                }
                continue;
            }
            Ev::Text(_) | Ev::Other => continue,
            Ev::Start(element) => (element, true),
            Ev::Empty(element) => (element, false),
        };
        let Some(name) = element.plain_name().map(str::to_string) else {
            // A foreign element (okpsrx:options …): not ours.
            drop(element);
            if is_start {
                xml.skip()?;
            }
            continue;
        };
        let parent = stack.last().map(String::as_str);
        match (parent, name.as_str()) {
            (Some("header"), "formathandle") => {
                let kind = required(&element, "type")?;
                let include = yes_no(&element, "include", false)?;
                doc.format_handles.push((kind, include));
            }
            (Some("srx"), "header") => {
                doc.cascade = yes_no(&element, "cascade", true)?;
                doc.segment_subflows = yes_no(&element, "segmentsubflows", true)?;
            }
            (Some("languagerules"), "languagerule") => {
                doc.language_rules.push(LanguageRule {
                    name: required(&element, "languagerulename")?,
                    rules: Vec::new(),
                });
                offsets.rules.push(Vec::new());
            }
            (Some("languagerule"), "rule") => {
                rule = Some((yes_no(&element, "break", true)?, None, None));
                if let Some(list) = offsets.rules.last_mut() {
                    list.push(element.offset());
                }
                if !is_start {
                    // <rule/>: both patterns empty.
                    finish_rule(&mut doc, &mut rule);
                }
            }
            (Some("rule"), "beforebreak" | "afterbreak") => {
                let mut text = String::new();
                drop(element);
                if is_start {
                    xml.read_text(&mut text)?;
                }
                if let Some((_, before, after)) = rule.as_mut() {
                    if name == "beforebreak" {
                        *before = Some(text);
                    } else {
                        *after = Some(text);
                    }
                }
                continue;
            }
            (Some("maprules" | "maprule"), "languagemap") => {
                let map = LanguageMap {
                    pattern: required(&element, "languagepattern")?,
                    rule_name: required(&element, "languagerulename")?,
                };
                doc.maps.push(map);
                offsets.maps.push(element.offset());
            }
            _ => {}
        }
        if is_start {
            stack.push(name);
        }
    }
    // Maps may come before the rules they name, so they are checked at the end.
    for (map, offset) in doc.maps.iter().zip(&offsets.maps) {
        if !doc.language_rules.iter().any(|r| r.name == map.rule_name) {
            let position = position_in(path, *offset);
            let reason = Reason::SrxUnknownRule(map.rule_name.clone());
            return Err(Error::input(path, Some(position), reason));
        }
    }
    Ok((doc, offsets))
}

/// Escapes text for XML content or a double-quoted attribute.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            // Character references, so that attribute normalization and line-end handling give
            // them back unchanged.
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(c),
        }
    }
}

/// Writes `doc` as SRX 2.0 (valid against the LISA schema).
pub fn write_srx(doc: &SrxDocument) -> String {
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let mut out = String::with_capacity(8192);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">\n");
    out.push_str(&format!(
        "  <header segmentsubflows=\"{}\" cascade=\"{}\">\n",
        yes_no(doc.segment_subflows),
        yes_no(doc.cascade)
    ));
    for (kind, include) in doc.format_handles.iter().take(3) {
        out.push_str("    <formathandle type=\"");
        escape(&mut out, kind);
        out.push_str(&format!("\" include=\"{}\"/>\n", yes_no(*include)));
    }
    out.push_str("  </header>\n  <body>\n    <languagerules>\n");
    for language_rule in &doc.language_rules {
        out.push_str("      <languagerule languagerulename=\"");
        escape(&mut out, &language_rule.name);
        out.push_str("\">\n");
        for rule in &language_rule.rules {
            if let Some(comment) = &rule.comment {
                // "--" may not appear in a comment.
                out.push_str(&format!(
                    "        <!-- {} -->\n",
                    comment.replace("--", "- -")
                ));
            }
            out.push_str(&format!(
                "        <rule break=\"{}\">\n          <beforebreak>",
                yes_no(rule.is_break)
            ));
            escape(&mut out, &rule.before);
            out.push_str("</beforebreak>\n          <afterbreak>");
            escape(&mut out, &rule.after);
            out.push_str("</afterbreak>\n        </rule>\n");
        }
        out.push_str("      </languagerule>\n");
    }
    out.push_str("    </languagerules>\n    <maprules>\n");
    for map in &doc.maps {
        out.push_str("      <languagemap languagepattern=\"");
        escape(&mut out, &map.pattern);
        out.push_str("\" languagerulename=\"");
        escape(&mut out, &map.rule_name);
        out.push_str("\"/>\n");
    }
    out.push_str("    </maprules>\n  </body>\n</srx>\n");
    out
}

/// The Rust (fancy-regex) form of a Java regular expression, as SRX files write them.
///
/// Rewritten: `\p{IsLatin}` → `\p{Latin}`, `\p{javaLowerCase}` and friends, the POSIX classes
/// `\p{Alpha}`, `\p{Punct}` … (ASCII, as in Java), and the Java-only flag `U` (Unicode classes,
/// which Rust has anyway; in Rust `U` would swap greediness). Unicode blocks (`\p{InGreek}`) have
/// no Rust equivalent: such a pattern fails to compile and is reported.
pub fn java_to_rust(pattern: &str) -> Cow<'_, str> {
    let rewrites = ["\\p{", "\\P{", "(?", "[]", "[^]"];
    if !rewrites.iter().any(|r| pattern.contains(r)) {
        return Cow::Borrowed(pattern);
    }
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.char_indices().peekable();
    let mut in_class = 0usize;
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                let Some(&(_, next)) = chars.peek() else {
                    out.push(c);
                    break;
                };
                if (next == 'p' || next == 'P') && pattern[i + 2..].starts_with('{') {
                    let rest = &pattern[i + 3..];
                    if let Some(end) = rest.find('}') {
                        let name = &rest[..end];
                        let negated = next == 'P';
                        out.push_str(&java_property(name, negated, in_class > 0));
                        // Skip "p{name}".
                        let skip = 2 + name.chars().count() + 1;
                        for _ in 0..skip {
                            chars.next();
                        }
                        continue;
                    }
                }
                out.push(c);
                out.push(next);
                chars.next();
            }
            '[' => {
                in_class += 1;
                out.push(c);
                // A ']' right after '[' or '[^' is a literal in Java.
                if let Some(&(_, '^')) = chars.peek() {
                    out.push('^');
                    chars.next();
                }
                if let Some(&(_, ']')) = chars.peek() {
                    out.push_str("\\]");
                    chars.next();
                }
            }
            ']' if in_class > 0 => {
                in_class -= 1;
                out.push(c);
            }
            '(' if in_class == 0 && pattern[i + 1..].starts_with('?') => {
                // Inline flags: drop Java's U (UNICODE_CHARACTER_CLASS) and d (UNIX_LINES).
                let rest = &pattern[i + 2..];
                let flags_len = rest
                    .find(|ch: char| !(ch.is_ascii_alphabetic() || ch == '-'))
                    .unwrap_or(rest.len());
                let flags = &rest[..flags_len];
                let closes = rest[flags_len..].starts_with([')', ':']);
                if !flags.is_empty() && closes && flags.contains(['U', 'd']) {
                    out.push_str("(?");
                    out.extend(flags.chars().filter(|f| !matches!(f, 'U' | 'd')));
                    for _ in 0..=flags_len {
                        chars.next();
                    }
                    if out.ends_with("(?") && rest[flags_len..].starts_with(')') {
                        // "(?U)" alone: nothing left to say.
                        out.truncate(out.len() - 2);
                        chars.next();
                    }
                } else {
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A Java `\p{name}` (or `\P{name}`) in Rust syntax.
fn java_property(name: &str, negated: bool, in_class: bool) -> String {
    let ascii_class = |class: &str| -> String {
        match (negated, in_class) {
            (false, true) => format!("[:{class}:]"),
            (true, true) => format!("[:^{class}:]"),
            (false, false) => format!("[[:{class}:]]"),
            (true, false) => format!("[[:^{class}:]]"),
        }
    };
    let property = |rust: &str| format!("\\{}{{{rust}}}", if negated { 'P' } else { 'p' });
    match name {
        "Lower" => ascii_class("lower"),
        "Upper" => ascii_class("upper"),
        "ASCII" => ascii_class("ascii"),
        "Alpha" => ascii_class("alpha"),
        "Digit" => ascii_class("digit"),
        "Alnum" => ascii_class("alnum"),
        "Punct" => ascii_class("punct"),
        "Graph" => ascii_class("graph"),
        "Print" => ascii_class("print"),
        "Blank" => ascii_class("blank"),
        "Cntrl" => ascii_class("cntrl"),
        "XDigit" => ascii_class("xdigit"),
        "Space" => ascii_class("space"),
        "javaLowerCase" => property("Lowercase"),
        "javaUpperCase" => property("Uppercase"),
        "javaWhitespace" | "javaSpaceChar" => property("White_Space"),
        "javaLetter" | "javaAlphabetic" => property("L"),
        "javaDigit" => property("Nd"),
        "javaLetterOrDigit" => {
            if negated {
                "[^\\p{L}\\p{Nd}]".to_string()
            } else {
                "[\\p{L}\\p{Nd}]".to_string()
            }
        }
        _ => match name.strip_prefix("Is") {
            Some(rest) if !rest.is_empty() => property(rest),
            _ => property(name),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_syntax_is_rewritten() {
        assert_eq!(java_to_rust(r"\p{Lu}\."), r"\p{Lu}\.");
        assert_eq!(java_to_rust(r"\p{IsLatin}+"), r"\p{Latin}+");
        assert_eq!(java_to_rust(r"[\p{Punct}x]"), r"[[:punct:]x]");
        assert_eq!(java_to_rust(r"\P{Alpha}"), r"[[:^alpha:]]");
        assert_eq!(java_to_rust(r"\p{javaLowerCase}"), r"\p{Lowercase}");
        assert_eq!(java_to_rust(r"(?iU)abc"), r"(?i)abc");
        assert_eq!(java_to_rust(r"(?U)abc"), r"abc");
        assert_eq!(java_to_rust(r"[]a]"), r"[\]a]");
        assert_eq!(java_to_rust(r"((?i)jan|feb)\."), r"((?i)jan|feb)\.");
        assert_eq!(java_to_rust(r"\p{Ünï}x"), r"\p{Ünï}x");
    }
}
