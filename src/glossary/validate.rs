//! Linting a glossary: what `tarjuman glossary validate` reports, each problem with its line.

use std::collections::{HashMap, HashSet};

use unicode_normalization::is_nfc;

use super::recognize::strict_key;
use super::{Column, Glossary, Kind};
use crate::model::{LangTag, Language};
use crate::text::{Script, script_of};

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The id is used by an earlier entry (on `first_line`).
    DuplicateId { first_line: u64 },
    /// The entry has no id.
    EmptyId,
    /// A spelling that another entry has too.
    DuplicateSpelling { spelling: String, other: String },
    /// A variant, allowed or forbidden spelling that the entry already lists.
    RepeatedSpelling { spelling: String },
    /// A language cell without a single letter of that language's script.
    WrongScript {
        column: String,
        text: String,
        expected: Script,
    },
    /// Letters of two scripts in one cell or list item.
    MixedScript { column: String, text: String },
    /// Text that is not in Unicode NFC.
    NotNfc { column: String },
    /// Leading or trailing whitespace, doubled spaces, or whitespace other than a plain space.
    Whitespace { column: String },
    /// An empty item in a `|`-separated list (`a||b`, a trailing `|`).
    EmptyItem { column: String },
    /// No canonical form in any language.
    EmptyEntry,
    /// A `type` outside person, institution, title, place, term.
    UnknownType { kind: String },
}

/// One problem of one entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The line the entry starts on.
    pub line: u64,
    /// The entry's id (may be empty).
    pub id: String,
    pub kind: ProblemKind,
}

fn script_name(script: Script) -> &'static str {
    match script {
        Script::Latin => "Latin",
        Script::Cyrillic => "Cyrillic",
        Script::Arabic => "Arabic",
        Script::Common => "Common",
        Script::Other => "Other",
    }
}

impl Problem {
    /// The Fluent message id.
    pub fn message_id(&self) -> &'static str {
        match self.kind {
            ProblemKind::DuplicateId { .. } => "glossary-problem-duplicate-id",
            ProblemKind::EmptyId => "glossary-problem-empty-id",
            ProblemKind::DuplicateSpelling { .. } => "glossary-problem-duplicate-spelling",
            ProblemKind::RepeatedSpelling { .. } => "glossary-problem-repeated-spelling",
            ProblemKind::WrongScript { .. } => "glossary-problem-wrong-script",
            ProblemKind::MixedScript { .. } => "glossary-problem-mixed-script",
            ProblemKind::NotNfc { .. } => "glossary-problem-not-nfc",
            ProblemKind::Whitespace { .. } => "glossary-problem-whitespace",
            ProblemKind::EmptyItem { .. } => "glossary-problem-empty-item",
            ProblemKind::EmptyEntry => "glossary-problem-empty-entry",
            ProblemKind::UnknownType { .. } => "glossary-problem-unknown-type",
        }
    }

    /// The Fluent arguments (always `id`, plus the problem's own).
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let mut args = vec![("id", self.id.clone())];
        match &self.kind {
            ProblemKind::DuplicateId { first_line } => args.push(("first", first_line.to_string())),
            ProblemKind::DuplicateSpelling { spelling, other } => {
                args.push(("spelling", spelling.clone()));
                args.push(("other", other.clone()));
            }
            ProblemKind::RepeatedSpelling { spelling } => args.push(("spelling", spelling.clone())),
            ProblemKind::WrongScript {
                column,
                text,
                expected,
            } => {
                args.push(("column", column.clone()));
                args.push(("text", text.clone()));
                args.push(("script", script_name(*expected).to_string()));
            }
            ProblemKind::MixedScript { column, text } => {
                args.push(("column", column.clone()));
                args.push(("text", text.clone()));
            }
            ProblemKind::NotNfc { column }
            | ProblemKind::Whitespace { column }
            | ProblemKind::EmptyItem { column } => args.push(("column", column.clone())),
            ProblemKind::UnknownType { kind } => args.push(("type", kind.clone())),
            ProblemKind::EmptyId | ProblemKind::EmptyEntry => {}
        }
        args
    }
}

/// The script a language is written in: the tag's script subtag, else the usual script of the
/// language (Latin for en, az, tr …; Cyrillic for kk, ru …; Arabic for ar, fa …). `None` when
/// it is not known.
pub fn expected_script(tag: &LangTag) -> Option<Script> {
    match tag.script() {
        Some("Latn") => return Some(Script::Latin),
        Some("Cyrl") => return Some(Script::Cyrillic),
        Some("Arab") => return Some(Script::Arabic),
        Some(_) => return None,
        None => {}
    }
    match tag.primary() {
        "en" | "az" | "tr" | "tk" | "uz" | "fr" | "de" | "es" | "it" | "pt" | "nl" | "pl"
        | "cs" | "ro" | "hu" | "sv" | "da" | "nb" | "no" | "fi" | "id" | "ms" | "sq" | "hr"
        | "sl" | "sk" | "et" | "lv" | "lt" => Some(Script::Latin),
        "kk" | "ru" | "uk" | "be" | "bg" | "ky" | "tg" | "mn" | "tt" | "ba" => {
            Some(Script::Cyrillic)
        }
        "ar" | "fa" | "ur" | "ps" | "ckb" => Some(Script::Arabic),
        _ => None,
    }
}

/// The scripts of the letters of `s`.
fn letter_scripts(s: &str) -> Vec<Script> {
    let mut scripts = Vec::new();
    for c in s.chars() {
        let script = script_of(c);
        if script != Script::Common && !scripts.contains(&script) {
            scripts.push(script);
        }
    }
    scripts
}

fn bad_whitespace(s: &str) -> bool {
    s != s.trim() || s.contains("  ") || s.chars().any(|c| c.is_whitespace() && c != ' ')
}

/// Two spellings are the same when they differ at most in letter case (under both the Turkic
/// and the default rules for I) and, in Arabic, in tashkeel.
fn same_spelling_key(s: &str) -> (String, String) {
    (
        strict_key(s, Language::English),
        strict_key(s, Language::Azerbaijani),
    )
}

/// Lints `glossary`: duplicate ids, the same spelling in two entries, a spelling listed twice in
/// one entry, the wrong script in a language column, mixed-script cells, non-NFC text, stray
/// whitespace, empty list items, entries without any canonical form and unknown types.
/// Problems come in line order.
pub fn validate(glossary: &Glossary) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut ids: HashMap<&str, u64> = HashMap::new();
    let mut owners: HashMap<(String, String), &str> = HashMap::new();
    let header_of = |wanted: &Column| {
        glossary
            .columns
            .iter()
            .zip(&glossary.header)
            .find(|(c, _)| *c == wanted)
            .map_or_else(|| wanted.header(), |(_, h)| h.clone())
    };
    for entry in &glossary.entries {
        let mut report = |kind: ProblemKind| {
            problems.push(Problem {
                line: entry.line,
                id: entry.id.clone(),
                kind,
            })
        };
        if entry.id.trim().is_empty() {
            report(ProblemKind::EmptyId);
        } else if let Some(&first_line) = ids.get(entry.id.as_str()) {
            report(ProblemKind::DuplicateId { first_line });
        } else {
            ids.insert(&entry.id, entry.line);
        }
        if let Kind::Unknown(kind) = &entry.kind {
            report(ProblemKind::UnknownType { kind: kind.clone() });
        }
        // Text checks on every cell.
        let mut cells: Vec<(String, &str)> = vec![("id".into(), entry.id.as_str())];
        for (tag, form) in &entry.forms {
            cells.push((header_of(&Column::Lang(tag.clone())), form));
        }
        let lists = [
            (Column::Variants, &entry.variants),
            (Column::Allowed, &entry.allowed),
            (Column::Forbidden, &entry.forbidden),
        ];
        for (column, list) in &lists {
            let name = header_of(column);
            if list.iter().any(|item| item.trim().is_empty()) {
                report(ProblemKind::EmptyItem {
                    column: name.clone(),
                });
            }
            for item in list.iter() {
                cells.push((name.clone(), item));
            }
        }
        cells.push((header_of(&Column::Note), entry.note.as_str()));
        for (name, value) in &entry.other {
            cells.push((name.clone(), value));
        }
        let mut reported_nfc = HashSet::new();
        let mut reported_space = HashSet::new();
        for (column, text) in &cells {
            if !is_nfc(text) && reported_nfc.insert(column.clone()) {
                report(ProblemKind::NotNfc {
                    column: column.clone(),
                });
            }
            let is_note = *column == header_of(&Column::Note);
            let stray = if is_note {
                *text != text.trim()
            } else {
                bad_whitespace(text)
            };
            if stray && reported_space.insert(column.clone()) {
                report(ProblemKind::Whitespace {
                    column: column.clone(),
                });
            }
        }
        // Scripts.
        for (tag, form) in &entry.forms {
            let column = header_of(&Column::Lang(tag.clone()));
            let scripts = letter_scripts(form);
            match expected_script(tag) {
                Some(expected) if !scripts.is_empty() && !scripts.contains(&expected) => {
                    report(ProblemKind::WrongScript {
                        column,
                        text: form.clone(),
                        expected,
                    })
                }
                _ if scripts.len() > 1 => report(ProblemKind::MixedScript {
                    column,
                    text: form.clone(),
                }),
                _ => {}
            }
        }
        for (column, list) in &lists {
            for item in list.iter() {
                if letter_scripts(item).len() > 1 {
                    report(ProblemKind::MixedScript {
                        column: header_of(column),
                        text: item.clone(),
                    });
                }
            }
        }
        if entry.forms.iter().all(|(_, f)| f.trim().is_empty()) {
            report(ProblemKind::EmptyEntry);
        }
        // Spellings: repeated within the entry, shared with another entry.
        let mut own: HashSet<(String, String)> = HashSet::new();
        for (tag_form, _) in entry.forms.iter().map(|(t, f)| (f, t)) {
            if !tag_form.trim().is_empty() {
                own.insert(same_spelling_key(tag_form));
            }
        }
        for (_, list) in &lists {
            for item in list.iter().filter(|i| !i.trim().is_empty()) {
                if !own.insert(same_spelling_key(item)) {
                    report(ProblemKind::RepeatedSpelling {
                        spelling: item.clone(),
                    });
                }
            }
        }
        let mut spellings: Vec<&str> = entry
            .forms
            .iter()
            .map(|(_, f)| f.as_str())
            .chain(lists.iter().flat_map(|(_, l)| l.iter().map(String::as_str)))
            .filter(|s| !s.trim().is_empty())
            .collect();
        spellings.dedup();
        let mut seen_here = HashSet::new();
        for spelling in spellings {
            let key = same_spelling_key(spelling);
            if !seen_here.insert(key.clone()) {
                continue;
            }
            match owners.get(&key) {
                Some(other) if *other != entry.id => report(ProblemKind::DuplicateSpelling {
                    spelling: spelling.to_string(),
                    other: other.to_string(),
                }),
                Some(_) => {}
                None => {
                    owners.insert(key, &entry.id);
                }
            }
        }
    }
    problems.sort_by_key(|p| p.line);
    problems
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn problems(text: &str) -> Vec<(u64, ProblemKind)> {
        let g = Glossary::parse("t.csv", Path::new("t.csv"), text, b',').unwrap();
        validate(&g).into_iter().map(|p| (p.line, p.kind)).collect()
    }

    const HEADER: &str = "id,type,en,az,kk,ar,variants,forbidden,note\n";

    #[test]
    fn a_clean_glossary_has_no_problems() {
        let text = format!(
            "{HEADER}i_icesco,institution,ICESCO,İSESKO,ИСЕСКО,الإيسيسكو,ISESCO,,\n\
             t_dg,title,Director-General,Baş direktor,Бас директор,المدير العام,Director General,,\n"
        );
        assert_eq!(problems(&text), []);
    }

    #[test]
    fn each_problem_is_reported_with_its_line() {
        let text = format!(
            "{HEADER}a,person,Anar Karimov,Anar Kərimov,Anar Kerimov,,Anar karimov,,\n\
             a,person, Ilham Aliyev,İlham Əliyev,Ильхам Әлиев,,Ilham Aliev||,,\n\
             b,people,Anar Karimov,,,,,,\n\
             c,place,Bakı,Bakı,Баку,باكو,Bakу,,\n\
             d,term,,,,,,,\n\
             e,term,Qafarzade\u{301},,,,,,\n"
        );
        let found = problems(&text);
        let has = |line: u64, f: &dyn Fn(&ProblemKind) -> bool| {
            found.iter().any(|(l, k)| *l == line && f(k))
        };
        // Latin in the kk column; a variant equal to the canonical form but for case.
        assert!(has(
            2,
            &|k| matches!(k, ProblemKind::WrongScript { column, .. } if column == "kk")
        ));
        assert!(has(2, &|k| matches!(
            k,
            ProblemKind::RepeatedSpelling { .. }
        )));
        assert!(has(3, &|k| matches!(
            k,
            ProblemKind::DuplicateId { first_line: 2 }
        )));
        assert!(has(
            3,
            &|k| matches!(k, ProblemKind::Whitespace { column } if column == "en")
        ));
        assert!(has(3, &|k| matches!(k, ProblemKind::EmptyItem { .. })));
        assert!(has(4, &|k| matches!(k, ProblemKind::UnknownType { .. })));
        assert!(has(
            4,
            &|k| matches!(k, ProblemKind::DuplicateSpelling { other, .. } if other == "a")
        ));
        // Cyrillic у in a Latin variant.
        assert!(has(
            5,
            &|k| matches!(k, ProblemKind::MixedScript { column, .. } if column == "variants")
        ));
        assert!(has(6, &|k| matches!(k, ProblemKind::EmptyEntry)));
        assert!(has(7, &|k| matches!(k, ProblemKind::NotNfc { .. })));
    }

    #[test]
    fn latin_in_arabic_and_cyrillic_in_azerbaijani_are_wrong_scripts() {
        let text = format!("{HEADER}x,person,Ali,Алиев,Әлиев,Ali,,,\n");
        let found = problems(&text);
        assert_eq!(
            found
                .iter()
                .filter(|(_, k)| matches!(k, ProblemKind::WrongScript { .. }))
                .count(),
            2,
            "{found:?}"
        );
    }
}
