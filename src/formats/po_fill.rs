//! Filling the empty `msgstr` of a PO file in place, line by line: every other line stays as it is.
//! A fuzzy match gets the `fuzzy` flag (gettext's "needs review"); every filled entry gets a
//! translator comment `# tarjuman: NN% match` recording the score (the lowest of its forms). A
//! plural entry whose `msgstr[k]` are all empty gets a `msgstr[k]` for each form the file's
//! `Plural-Forms` has (`nplurals`); forms without a fill stay empty, and the entry is then fuzzy
//! too. Obsolete entries (`#~`) and the header are left alone. The file must be UTF-8.

use std::ops::Range;
use std::path::Path;

use super::xliff_fill::Fill;
use crate::error::{Error, Reason, Result};

/// An entry of the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PoEntry {
    pub msgid: String,
    pub msgctxt: Option<String>,
    /// The `msgid_plural` of a plural entry.
    pub plural: Option<String>,
    /// How many `msgstr[k]` a plural entry has.
    pub forms: usize,
    /// The entry can be filled: not obsolete, not the header, `msgstr` (every `msgstr[k]`) empty.
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
    /// Each `msgstr[k]` of a plural entry, likewise.
    forms: Vec<Range<usize>>,
}

/// A PO file read for filling.
pub struct PoFile {
    text: String,
    newline: &'static str,
    entries: Vec<PoEntry>,
    spots: Vec<Spots>,
    /// `nplurals` of the header's `Plural-Forms`.
    nplurals: Option<usize>,
}

/// An entry being read.
#[derive(Default)]
struct Pending {
    entry: PoEntry,
    spots: Spots,
    obsolete: bool,
    msgstr: String,
    forms: Vec<String>,
}

/// `nplurals` of a header's `Plural-Forms: nplurals=N; plural=…;` line.
fn nplurals(header: &str) -> Option<usize> {
    header.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        if name.trim().eq_ignore_ascii_case("Plural-Forms") {
            plural_count(value)
        } else {
            None
        }
    })
}

/// `nplurals` of a `Plural-Forms` value (`nplurals=2; plural=n != 1;`).
pub fn plural_count(plural_forms: &str) -> Option<usize> {
    plural_forms.split(';').find_map(|part| {
        let (key, value) = part.split_once('=')?;
        if key.trim() == "nplurals" {
            value.trim().parse().ok()
        } else {
            None
        }
    })
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
    /// `msgstr[k]`, by its place in the entry.
    Form(usize),
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
            nplurals: None,
        };
        let mut entry: Option<Pending> = None;
        let mut field = Field::None;
        let mut at = 0;
        let finish = |entry: Option<Pending>, file: &mut PoFile| {
            let Some(Pending {
                mut entry,
                spots,
                obsolete,
                msgstr,
                forms,
            }) = entry
            else {
                return;
            };
            if spots.msgstr.is_empty() && spots.forms.is_empty() {
                return;
            }
            if entry.msgid.is_empty() && entry.msgctxt.is_none() && !obsolete {
                file.nplurals = file.nplurals.or(nplurals(&msgstr));
            }
            entry.forms = forms.len();
            entry.open = !obsolete
                && !entry.msgid.is_empty()
                && msgstr.is_empty()
                && forms.iter().all(String::is_empty)
                && entry.plural.is_some() != forms.is_empty();
            file.entries.push(entry);
            file.spots.push(spots);
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
            let pending = entry.get_or_insert_with(|| Pending {
                spots: Spots {
                    start,
                    ..Spots::default()
                },
                ..Pending::default()
            });
            let (e, spots) = (&mut pending.entry, &mut pending.spots);
            if let Some(rest) = trimmed.strip_prefix('#') {
                if rest.starts_with('~') {
                    pending.obsolete = true;
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
            } else if let Some(rest) = keyword("msgid_plural") {
                e.plural = Some(unquote(rest));
                field = Field::Plural;
            } else if let Some(rest) = keyword("msgstr") {
                pending.msgstr = unquote(rest);
                spots.msgstr = start..end;
                field = Field::Str;
            } else if let Some(rest) = trimmed.strip_prefix("msgstr[") {
                let value = rest.split_once(']').map_or("", |(_, v)| v);
                pending.forms.push(unquote(value));
                spots.forms.push(start..end);
                field = Field::Form(spots.forms.len() - 1);
            } else if trimmed.starts_with('"') {
                let more = unquote(trimmed);
                match field {
                    Field::Context => {
                        if let Some(c) = e.msgctxt.as_mut() {
                            c.push_str(&more);
                        }
                    }
                    Field::Id => e.msgid.push_str(&more),
                    Field::Plural => {
                        if let Some(p) = e.plural.as_mut() {
                            p.push_str(&more);
                        }
                    }
                    Field::Str => {
                        pending.msgstr.push_str(&more);
                        spots.msgstr.end = end;
                    }
                    Field::Form(k) => {
                        pending.forms[k].push_str(&more);
                        spots.forms[k].end = end;
                    }
                    Field::None => {}
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

    /// `nplurals` of the header's `Plural-Forms`, if it has one.
    pub fn nplurals(&self) -> Option<usize> {
        self.nplurals
    }

    /// The file with `fills` in the open entries: one list per entry, with one fill for a singular
    /// entry and one per plural form for a plural entry (`None` where there is nothing to fill;
    /// an empty list leaves the entry).
    pub fn filled(&self, fills: &[Vec<Option<Fill>>]) -> Vec<u8> {
        let nl = self.newline;
        let mut edits: Vec<(Range<usize>, String)> = Vec::new();
        for ((entry, spots), forms) in self.entries.iter().zip(&self.spots).zip(fills) {
            let lowest = forms.iter().flatten().map(|f| f.score).reduce(f64::min);
            let Some(lowest) = lowest.filter(|_| entry.open) else {
                continue;
            };
            let score = format!("{lowest:.2}");
            let score = score.trim_end_matches('0').trim_end_matches('.');
            edits.push((
                spots.start..spots.start,
                format!("# tarjuman: {score}% match{nl}"),
            ));
            if lowest < 100.0 || forms.iter().any(Option::is_none) {
                match &spots.flags {
                    Some(flags) => edits.push((flags.end..flags.end, ", fuzzy".to_string())),
                    None => {
                        let at = spots.before_keywords.unwrap_or(spots.msgstr.start);
                        edits.push((at..at, format!("#, fuzzy{nl}")));
                    }
                }
            }
            if entry.plural.is_none() {
                if let Some(Some(fill)) = forms.first() {
                    edits.push((
                        spots.msgstr.clone(),
                        format!("msgstr {}", quote(&fill.target)),
                    ));
                }
                continue;
            }
            // Forms the entry lacks are added after its last one, empty where there is no fill.
            let mut added = String::new();
            for (k, fill) in forms.iter().enumerate() {
                let target = fill.as_ref().map_or("", |f| f.target.as_str());
                match spots.forms.get(k) {
                    Some(range) if fill.is_some() => {
                        edits.push((range.clone(), format!("msgstr[{k}] {}", quote(target))));
                    }
                    Some(_) => {}
                    None => added.push_str(&format!("{nl}msgstr[{k}] {}", quote(target))),
                }
            }
            if let (false, Some(last)) = (added.is_empty(), spots.forms.last()) {
                edits.push((last.end..last.end, added));
            }
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

    const PO: &str = "# header\nmsgid \"\"\nmsgstr \"\"\n\"Language: az\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n#: a.c:1\nmsgid \"Open \\\"file\\\"\"\nmsgstr \"\"\n\n#, c-format\nmsgctxt \"menu\"\nmsgid \"Save %s\"\nmsgstr \"\"\n\nmsgid \"Done\"\nmsgstr \"Hazır\"\n\nmsgid \"One\"\nmsgid_plural \"Many\"\nmsgstr[0] \"\"\n\n#~ msgid \"Old\"\n#~ msgstr \"\"\n";

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
                ("One", true)
            ]
        );
        assert_eq!(file.entries()[2].msgctxt.as_deref(), Some("menu"));
        assert_eq!(file.entries()[4].plural.as_deref(), Some("Many"));
        assert_eq!(file.entries()[4].forms, 1);
        assert_eq!(file.nplurals(), Some(2));
        assert_eq!(plural_count(" nplurals=6; plural=n==0 ? 0 : 1;"), Some(6));
    }

    /// A fill of `target` at `score`.
    fn fill(target: &str, score: f64) -> Option<Fill> {
        Some(Fill {
            target: target.to_string(),
            score,
            memory_source: String::new(),
            codes: None,
        })
    }

    #[test]
    fn fills_touch_only_their_entries() {
        let file = file();
        let out = file.filled(&[
            vec![None],
            vec![fill("\"Faylı\" aç", 100.0)],
            vec![fill("%s saxla", 87.5)],
            vec![fill("x", 50.0)],
            vec![],
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

    #[test]
    fn plural_forms_are_filled_and_missing_ones_added() {
        let file = file();
        let mut fills = vec![vec![]; 5];
        fills[4] = vec![fill("Bir", 100.0), fill("Çox", 100.0)];
        let out = String::from_utf8(file.filled(&fills)).unwrap();
        assert!(
            out.contains("# tarjuman: 100% match\nmsgid \"One\"\nmsgid_plural \"Many\"\nmsgstr[0] \"Bir\"\nmsgstr[1] \"Çox\"\n\n#~"),
            "{out}"
        );
        // A form without a fill stays empty, and the entry is to be reviewed.
        fills[4] = vec![None, fill("Çox", 92.5)];
        let out = String::from_utf8(file.filled(&fills)).unwrap();
        assert!(
            out.contains("# tarjuman: 92.5% match\n#, fuzzy\nmsgid \"One\"\nmsgid_plural \"Many\"\nmsgstr[0] \"\"\nmsgstr[1] \"Çox\"\n"),
            "{out}"
        );
    }
}
