//! Filling the empty `msgstr` of a PO file in place, line by line: every other line stays as it is.
//! A fuzzy match gets the `fuzzy` flag (gettext's "needs review"); every filled entry gets a
//! translator comment `# tarjuman: NN% match` recording the score. Plural entries, obsolete
//! entries (`#~`) and the header are left alone. The file must be UTF-8.

use std::ops::Range;
use std::path::Path;

use super::xliff_fill::Fill;
use crate::error::{Error, Reason, Result};

/// An entry of the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PoEntry {
    pub msgid: String,
    pub msgctxt: Option<String>,
    /// The entry can be filled: singular, not obsolete, not the header, `msgstr` empty.
    pub open: bool,
}

/// Where an entry's lines are.
#[derive(Clone, Debug, Default)]
struct Spots {
    /// The first line of the entry.
    start: usize,
    /// The `#,` line (without its line end).
    flags: Option<Range<usize>>,
    /// Where a new `#,` line goes: before `#|`, `msgctxt` or `msgid`.
    before_keywords: Option<usize>,
    /// The `msgstr` with its continuation lines (without the last line end).
    msgstr: Range<usize>,
}

/// A PO file read for filling.
pub struct PoFile {
    text: String,
    newline: &'static str,
    entries: Vec<PoEntry>,
    spots: Vec<Spots>,
}

/// The value of a quoted PO string (`"a\"b"` → `a"b`).
fn unquote(line: &str) -> String {
    let inner = line
        .trim()
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or_default();
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// `text` as a quoted PO string.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Which string a line adds to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    None,
    Context,
    Id,
    Plural,
    Str,
}

impl PoFile {
    /// Reads the PO file at `path`.
    pub fn read(path: &Path) -> Result<PoFile> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text =
            String::from_utf8(bytes).map_err(|_| Error::input(path, None, Reason::NotUtf8))?;
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let mut file = PoFile {
            entries: Vec::new(),
            spots: Vec::new(),
            newline,
            text: String::new(),
        };
        let mut entry: Option<(PoEntry, Spots, bool, String)> = None;
        let mut field = Field::None;
        let mut at = 0;
        let finish = |entry: Option<(PoEntry, Spots, bool, String)>, file: &mut PoFile| {
            if let Some((mut e, spots, plural_or_obsolete, msgstr)) = entry
                && !spots.msgstr.is_empty()
            {
                e.open = !plural_or_obsolete && !e.msgid.is_empty() && msgstr.is_empty();
                file.entries.push(e);
                file.spots.push(spots);
            }
        };
        for line in text.split_inclusive('\n') {
            let start = at;
            at += line.len();
            let body = line.trim_end_matches(['\n', '\r']);
            let end = start + body.len();
            let trimmed = body.trim_start();
            if trimmed.is_empty() {
                finish(entry.take(), &mut file);
                field = Field::None;
                continue;
            }
            let (e, spots, skip, msgstr) = entry.get_or_insert_with(|| {
                (
                    PoEntry::default(),
                    Spots {
                        start,
                        ..Spots::default()
                    },
                    false,
                    String::new(),
                )
            });
            if let Some(rest) = trimmed.strip_prefix('#') {
                if rest.starts_with('~') {
                    *skip = true;
                } else if rest.starts_with(',') {
                    spots.flags = Some(start..end);
                } else if rest.starts_with('|') && spots.before_keywords.is_none() {
                    spots.before_keywords = Some(start);
                }
                continue;
            }
            let keyword = |k: &str| {
                trimmed
                    .strip_prefix(k)
                    .filter(|r| r.starts_with([' ', '\t']))
            };
            if let Some(rest) = keyword("msgctxt") {
                spots.before_keywords.get_or_insert(start);
                e.msgctxt = Some(unquote(rest));
                field = Field::Context;
            } else if let Some(rest) = keyword("msgid") {
                spots.before_keywords.get_or_insert(start);
                e.msgid = unquote(rest);
                field = Field::Id;
            } else if keyword("msgid_plural").is_some() {
                *skip = true;
                field = Field::Plural;
            } else if let Some(rest) = keyword("msgstr") {
                *msgstr = unquote(rest);
                spots.msgstr = start..end;
                field = Field::Str;
            } else if trimmed.starts_with("msgstr[") {
                *skip = true;
                spots.msgstr = start..end;
                field = Field::Plural;
            } else if trimmed.starts_with('"') {
                let more = unquote(trimmed);
                match field {
                    Field::Context => {
                        if let Some(c) = e.msgctxt.as_mut() {
                            c.push_str(&more);
                        }
                    }
                    Field::Id => e.msgid.push_str(&more),
                    Field::Str => {
                        msgstr.push_str(&more);
                        spots.msgstr.end = end;
                    }
                    Field::Plural | Field::None => {}
                }
            }
        }
        finish(entry.take(), &mut file);
        file.text = text;
        Ok(file)
    }

    /// The entries in file order.
    pub fn entries(&self) -> &[PoEntry] {
        &self.entries
    }

    /// The file with `fills` (one per entry, `None` to leave it) in the open entries.
    pub fn filled(&self, fills: &[Option<Fill>]) -> Vec<u8> {
        let nl = self.newline;
        let mut edits: Vec<(Range<usize>, String)> = Vec::new();
        for ((entry, spots), fill) in self.entries.iter().zip(&self.spots).zip(fills) {
            let Some(fill) = fill.as_ref().filter(|_| entry.open) else {
                continue;
            };
            let score = format!("{:.2}", fill.score);
            let score = score.trim_end_matches('0').trim_end_matches('.');
            edits.push((
                spots.start..spots.start,
                format!("# tarjuman: {score}% match{nl}"),
            ));
            if fill.score < 100.0 {
                match &spots.flags {
                    Some(flags) => edits.push((flags.end..flags.end, ", fuzzy".to_string())),
                    None => {
                        let at = spots.before_keywords.unwrap_or(spots.msgstr.start);
                        edits.push((at..at, format!("#, fuzzy{nl}")));
                    }
                }
            }
            edits.push((
                spots.msgstr.clone(),
                format!("msgstr {}", quote(&fill.target)),
            ));
        }
        edits.sort_by_key(|(r, _)| (r.start, r.end));
        let mut out = String::with_capacity(self.text.len() + edits.len() * 48);
        let mut at = 0;
        for (range, text) in edits {
            out.push_str(&self.text[at..range.start]);
            out.push_str(&text);
            at = range.end;
        }
        out.push_str(&self.text[at..]);
        out.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PO: &str = "# header\nmsgid \"\"\nmsgstr \"\"\n\"Language: az\\n\"\n\n#: a.c:1\nmsgid \"Open \\\"file\\\"\"\nmsgstr \"\"\n\n#, c-format\nmsgctxt \"menu\"\nmsgid \"Save %s\"\nmsgstr \"\"\n\nmsgid \"Done\"\nmsgstr \"Hazır\"\n\nmsgid \"One\"\nmsgid_plural \"Many\"\nmsgstr[0] \"\"\n";

    fn file() -> PoFile {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.po");
        std::fs::write(&path, PO).unwrap();
        PoFile::read(&path).unwrap()
    }

    #[test]
    fn entries_are_found_with_their_state() {
        let file = file();
        let open: Vec<(&str, bool)> = file
            .entries()
            .iter()
            .map(|e| (e.msgid.as_str(), e.open))
            .collect();
        assert_eq!(
            open,
            [
                ("", false),
                ("Open \"file\"", true),
                ("Save %s", true),
                ("Done", false),
                ("One", false)
            ]
        );
        assert_eq!(file.entries()[2].msgctxt.as_deref(), Some("menu"));
    }

    #[test]
    fn fills_touch_only_their_entries() {
        let file = file();
        let fill = |target: &str, score: f64| {
            Some(Fill {
                target: target.to_string(),
                score,
                memory_source: String::new(),
                codes: None,
            })
        };
        let out = file.filled(&[
            None,
            fill("\"Faylı\" aç", 100.0),
            fill("%s saxla", 87.5),
            fill("x", 50.0),
            None,
        ]);
        let out = String::from_utf8(out).unwrap();
        let expected = PO
            .replace(
                "#: a.c:1\nmsgid \"Open \\\"file\\\"\"\nmsgstr \"\"",
                "# tarjuman: 100% match\n#: a.c:1\nmsgid \"Open \\\"file\\\"\"\nmsgstr \"\\\"Faylı\\\" aç\"",
            )
            .replace(
                "#, c-format\nmsgctxt \"menu\"\nmsgid \"Save %s\"\nmsgstr \"\"",
                "# tarjuman: 87.5% match\n#, c-format, fuzzy\nmsgctxt \"menu\"\nmsgid \"Save %s\"\nmsgstr \"%s saxla\"",
            );
        assert_eq!(out, expected);
    }
}
