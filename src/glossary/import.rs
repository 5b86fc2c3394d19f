//! Converting termbases into glossaries: TBX (v3 and 2008), a glossary in the contract format,
//! CSV/TSV with a header of language tags, and OmegaT's tab-separated glossaries; and merging
//! one glossary into another (`glossary import --append`).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::recognize::strict_key;
use super::{Column, Entry, Glossary, Kind, csv_rows, read_text, sniff_delimiter};
use crate::error::{Error, Position, Reason, Result};
use crate::formats::tbx::{self, Status, Termbase};
use crate::model::{LangTag, Language};
use crate::text::{fold_whitespace, nfc};

/// What the file may not say.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The language of the first column of a file without a header (OmegaT).
    pub source_lang: Option<LangTag>,
    /// The language of its second column.
    pub target_lang: Option<LangTag>,
}

/// The column a language tag goes to: `en`, `az`, `kk`, `kk-Latn`, `ar` for tarjuman's languages
/// (whatever the region), the language (and script) for others.
fn column_tag(tag: &LangTag) -> LangTag {
    LangTag::parse(&tag.base()).unwrap_or_else(|_| tag.clone())
}

/// Clean term text: NFC, whitespace folded (TBX terms carry stray spaces and line breaks).
fn clean(s: &str) -> String {
    fold_whitespace(&nfc(s))
}

/// An id made from a term: lower-case ASCII letters and digits joined by `_`, at most 40.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
        if out.len() >= 40 {
            break;
        }
    }
    out.trim_end_matches('_').to_string()
}

/// Makes ids unique and non-empty: `t_<slug of the first form>` or `t_<n>`, `_2`, `_3` … after
/// a repeat.
fn assign_ids(entries: &mut [Entry], taken: &mut HashSet<String>) {
    for (i, entry) in entries.iter_mut().enumerate() {
        let base = if entry.id.trim().is_empty() {
            let from_form = entry
                .forms
                .first()
                .map(|(_, f)| slug(f))
                .unwrap_or_default();
            if from_form.is_empty() {
                format!("t_{}", i + 1)
            } else {
                format!("t_{from_form}")
            }
        } else {
            entry.id.trim().to_string()
        };
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains(&id) {
            id = format!("{base}_{n}");
            n += 1;
        }
        taken.insert(id.clone());
        entry.id = id;
    }
}

/// A glossary with the contract header, the languages of `langs` after tarjuman's four, and an
/// `allowed` column when an entry needs one.
fn glossary_with(name: &str, entries: Vec<Entry>, langs: &[LangTag]) -> Glossary {
    let mut g = Glossary::new(name);
    if entries.iter().any(|e| !e.allowed.is_empty()) {
        g.add_column(Column::Allowed);
    }
    for tag in langs {
        g.add_column(Column::Lang(tag.clone()));
    }
    g.entries = entries;
    g
}

/// Converts a TBX termbase: per language, the preferred term (else the first one that is not
/// deprecated) is the canonical form; admitted terms are `allowed`, deprecated ones `forbidden`,
/// the others `variants`. Notes are joined into `note`.
pub fn from_termbase(name: &str, termbase: &Termbase) -> Glossary {
    let mut langs: Vec<LangTag> = Vec::new();
    let mut entries = Vec::new();
    for concept in &termbase.concepts {
        let mut entry = Entry {
            id: concept.id.clone().unwrap_or_default(),
            kind: concept.kind.as_deref().map_or(Kind::Term, Kind::parse),
            note: concept.notes.join("; "),
            ..Entry::default()
        };
        for lang in &concept.langs {
            let Ok(tag) = LangTag::parse(&lang.lang).map(|t| column_tag(&t)) else {
                continue;
            };
            let terms: Vec<(String, Option<Status>, bool)> = lang
                .terms
                .iter()
                .map(|t| (clean(&t.text), t.status, t.variant))
                .filter(|(text, _, _)| !text.is_empty())
                .collect();
            let canonical = terms
                .iter()
                .position(|(_, s, _)| *s == Some(Status::Preferred))
                .or_else(|| {
                    terms
                        .iter()
                        .position(|(_, s, v)| *s != Some(Status::Deprecated) && !v)
                })
                .filter(|_| entry.form(&tag).is_none());
            for (i, (text, status, _)) in terms.iter().enumerate() {
                if Some(i) == canonical {
                    entry.forms.push((tag.clone(), text.clone()));
                    if !langs.contains(&tag) {
                        langs.push(tag.clone());
                    }
                    continue;
                }
                let list = match status {
                    Some(Status::Admitted) => &mut entry.allowed,
                    Some(Status::Deprecated) => &mut entry.forbidden,
                    _ => &mut entry.variants,
                };
                if !list.contains(text) {
                    list.push(text.clone());
                }
            }
        }
        if !entry.forms.is_empty() || !entry.variants.is_empty() {
            entries.push(entry);
        }
    }
    assign_ids(&mut entries, &mut HashSet::new());
    glossary_with(name, entries, &langs)
}

/// What a header cell of a generic CSV/TSV is.
fn generic_column(header: &str) -> Option<Column> {
    match header.trim().to_ascii_lowercase().as_str() {
        "note" | "notes" | "comment" | "comments" | "context" | "description" => Some(Column::Note),
        "variants" => Some(Column::Variants),
        "forbidden" => Some(Column::Forbidden),
        "allowed" => Some(Column::Allowed),
        "type" => Some(Column::Type),
        "id" => Some(Column::Id),
        _ => LangTag::parse(header.trim())
            .ok()
            .map(|t| Column::Lang(column_tag(&t))),
    }
}

/// Reads any glossary-like file: TBX (by its first character `<`), a contract glossary (a
/// header with `id` and `type`), CSV/TSV whose header names languages, or an OmegaT glossary
/// (tab-separated source, target, comment, without a header; `options` give the languages).
pub fn import(path: &Path, options: &ImportOptions) -> Result<Glossary> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let start = bytes.iter().position(|b| {
        !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF | 0xFE | 0xFF | 0)
    });
    let Some(start) = start else {
        return Err(Error::input(path, None, Reason::Empty));
    };
    if bytes[start] == b'<' {
        return Ok(from_termbase(&name, &tbx::read(path)?));
    }
    let text = read_text(path)?;
    let delimiter = sniff_delimiter(path, &text);
    let rows = csv_rows(path, &text, delimiter)?;
    let header: Vec<Option<Column>> = rows
        .first()
        .map(|(_, cells)| cells.iter().map(|h| generic_column(h)).collect())
        .unwrap_or_default();
    if header.contains(&Some(Column::Id)) && header.contains(&Some(Column::Type)) {
        return Glossary::parse(&name, path, &text, delimiter);
    }
    let has_language = header.iter().any(|c| matches!(c, Some(Column::Lang(_))));
    if has_language && header.iter().all(Option::is_some) {
        return from_rows(&name, path, rows);
    }
    if delimiter == b'\t' {
        return from_omegat(&name, path, &text, options);
    }
    Err(Error::input(
        path,
        Some(Position { line: 1, column: 1 }),
        Reason::CsvNoLanguage,
    ))
}

/// A CSV/TSV with a header of language tags (and optionally note/variants/… columns).
fn from_rows(name: &str, path: &Path, rows: Vec<(u64, Vec<String>)>) -> Result<Glossary> {
    let mut rows = rows.into_iter();
    let Some((_, header)) = rows.next() else {
        return Err(Error::input(path, None, Reason::Empty));
    };
    let columns: Vec<Column> = header.iter().filter_map(|h| generic_column(h)).collect();
    let mut langs = Vec::new();
    let mut entries = Vec::new();
    for (line, cells) in rows {
        if cells.len() != columns.len() {
            return Err(Error::input(
                path,
                Some(Position { line, column: 1 }),
                Reason::CsvWidth {
                    expected: columns.len() as u64,
                    found: cells.len() as u64,
                },
            ));
        }
        let mut entry = Entry {
            line,
            ..Entry::default()
        };
        for (column, cell) in columns.iter().zip(cells) {
            let cell = clean(&cell);
            match column {
                Column::Lang(tag) if !cell.is_empty() => {
                    if entry.form(tag).is_none() {
                        entry.forms.push((tag.clone(), cell));
                        if !langs.contains(tag) {
                            langs.push(tag.clone());
                        }
                    } else {
                        entry.variants.push(cell);
                    }
                }
                Column::Note if !cell.is_empty() => {
                    if !entry.note.is_empty() {
                        entry.note.push_str("; ");
                    }
                    entry.note.push_str(&cell);
                }
                Column::Variants => entry.variants.extend(super::split_list(&cell)),
                Column::Forbidden => entry.forbidden.extend(super::split_list(&cell)),
                Column::Allowed => entry.allowed.extend(super::split_list(&cell)),
                Column::Type => entry.kind = Kind::parse(&cell),
                Column::Id => entry.id = cell,
                _ => {}
            }
        }
        if !entry.forms.is_empty() {
            entries.push(entry);
        }
    }
    assign_ids(&mut entries, &mut HashSet::new());
    Ok(glossary_with(name, entries, &langs))
}

/// OmegaT's glossary: `source⇥target⇥comment` lines, `#` comments, no header.
fn from_omegat(name: &str, path: &Path, text: &str, options: &ImportOptions) -> Result<Glossary> {
    let (Some(source), Some(target)) = (&options.source_lang, &options.target_lang) else {
        return Err(Error::input(path, None, Reason::GlossaryNeedsLanguages));
    };
    let (source, target) = (column_tag(source), column_tag(target));
    let mut entries = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cells = line.split('\t').map(clean);
        let mut entry = Entry {
            line: i as u64 + 1,
            ..Entry::default()
        };
        for tag in [&source, &target] {
            if let Some(cell) = cells.next().filter(|c| !c.is_empty()) {
                entry.forms.push((tag.clone(), cell));
            }
        }
        entry.note = cells.collect::<Vec<_>>().join("; ");
        if !entry.forms.is_empty() {
            entries.push(entry);
        }
    }
    assign_ids(&mut entries, &mut HashSet::new());
    Ok(glossary_with(name, entries, &[source, target]))
}

/// Two values one concept has in two glossaries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The entry in the glossary merged into.
    pub id: String,
    /// The column (a language tag, or `type`).
    pub column: String,
    pub kept: String,
    pub incoming: String,
}

/// What [`merge_into`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: usize,
    pub merged: usize,
    pub conflicts: Vec<Conflict>,
}

/// Merges `incoming` into `existing`. An incoming entry is the same concept as an existing one
/// when it has the same id, or the same canonical form in some language (ignoring case and
/// tashkeel). Its missing forms are filled in and its variant, allowed and forbidden spellings
/// added; where both have a different canonical form (or type), the existing one is kept and the
/// difference is a [`Conflict`]. Other entries are appended (with a fresh id if theirs is taken).
pub fn merge_into(existing: &mut Glossary, incoming: Glossary) -> MergeReport {
    let mut report = MergeReport::default();
    let key = |tag: &LangTag, form: &str| (tag.base(), strict_key(form, Language::English));
    let mut by_form: HashMap<(String, String), usize> = HashMap::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (i, e) in existing.entries.iter().enumerate() {
        by_id.insert(e.id.clone(), i);
        for (tag, form) in &e.forms {
            by_form.entry(key(tag, form)).or_insert(i);
        }
    }
    let mut taken: HashSet<String> = existing.entries.iter().map(|e| e.id.clone()).collect();
    for (column, header) in incoming.columns.iter().zip(&incoming.header) {
        if !existing.columns.contains(column) {
            existing.columns.push(column.clone());
            existing.header.push(header.clone());
        }
    }
    for mut entry in incoming.entries {
        let target = by_id.get(&entry.id).copied().or_else(|| {
            entry
                .forms
                .iter()
                .find_map(|(tag, form)| by_form.get(&key(tag, form)).copied())
        });
        let Some(target) = target else {
            let mut one = [entry];
            assign_ids(&mut one, &mut taken);
            let [entry] = one;
            let index = existing.entries.len();
            by_id.insert(entry.id.clone(), index);
            for (tag, form) in &entry.forms {
                by_form.entry(key(tag, form)).or_insert(index);
            }
            existing.entries.push(entry);
            report.added += 1;
            continue;
        };
        let kept = &mut existing.entries[target];
        report.merged += 1;
        if entry.kind != kept.kind && entry.kind != Kind::Term {
            report.conflicts.push(Conflict {
                id: kept.id.clone(),
                column: "type".into(),
                kept: kept.kind.as_str().into(),
                incoming: entry.kind.as_str().into(),
            });
        }
        for (tag, form) in entry.forms.drain(..) {
            match kept.form(&tag).map(str::to_string) {
                None => kept.forms.push((tag, form)),
                Some(old) if old == form => {}
                Some(old) => report.conflicts.push(Conflict {
                    id: kept.id.clone(),
                    column: tag.as_str().into(),
                    kept: old,
                    incoming: form,
                }),
            }
        }
        for (list, new) in [
            (&mut kept.variants, entry.variants),
            (&mut kept.allowed, entry.allowed),
            (&mut kept.forbidden, entry.forbidden),
        ] {
            for item in new {
                if !list.contains(&item) {
                    list.push(item);
                }
            }
        }
        if kept.note.is_empty() {
            kept.note = entry.note;
        }
    }
    if existing.entries.iter().any(|e| !e.allowed.is_empty()) {
        existing.add_column(Column::Allowed);
    }
    // Every language of a form needs its column.
    let needed: Vec<LangTag> = existing
        .entries
        .iter()
        .flat_map(|e| e.forms.iter().map(|(t, _)| t.clone()))
        .collect();
    for tag in needed {
        existing.add_column(Column::Lang(tag));
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared")
            .join(name)
    }

    #[test]
    fn every_tbx_sample_converts() {
        let dir = shared("interop/tbx");
        let Ok(files) = std::fs::read_dir(&dir) else {
            return;
        };
        let mut n = 0;
        for file in files.flatten() {
            let g = import(&file.path(), &ImportOptions::default()).unwrap();
            assert!(!g.entries.is_empty(), "{}", file.path().display());
            n += 1;
        }
        assert_eq!(n, 7);
        let g = import(
            &dir.join("okapi-medtronic_TBX.tbx"),
            &ImportOptions::default(),
        )
        .unwrap();
        assert!(g.entries.iter().any(|e| !e.forbidden.is_empty()));
        let g = import(
            &dir.join("okapi-test02_win1254.tbx"),
            &ImportOptions::default(),
        )
        .unwrap();
        assert_eq!(
            g.entries[0].form(&LangTag::parse("tr").unwrap()),
            Some("tr term with: éá and İı")
        );
    }

    #[test]
    fn generic_csv_and_omegat() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("g.csv");
        std::fs::write(
            &csv,
            "en-US,kk-KZ,note\nICESCO,ИСЕСКО,org\nDirector-General,Бас директор,\n",
        )
        .unwrap();
        let g = import(&csv, &ImportOptions::default()).unwrap();
        assert_eq!(g.entries.len(), 2);
        assert_eq!(g.entries[0].id, "t_icesco");
        assert_eq!(
            g.entries[1].form(&LangTag::parse("kk").unwrap()),
            Some("Бас директор")
        );
        let txt = dir.path().join("glossary.txt");
        std::fs::write(&txt, "# OmegaT\nICESCO\tİSESKO\tacronym\n").unwrap();
        assert!(matches!(
            import(&txt, &ImportOptions::default()),
            Err(Error::Input {
                reason: Reason::GlossaryNeedsLanguages,
                ..
            })
        ));
        let options = ImportOptions {
            source_lang: Some(LangTag::parse("en").unwrap()),
            target_lang: Some(LangTag::parse("az").unwrap()),
        };
        let g = import(&txt, &options).unwrap();
        assert_eq!(
            g.entries[0].form(&LangTag::parse("az").unwrap()),
            Some("İSESKO")
        );
        assert_eq!(g.entries[0].note, "acronym");
    }

    #[test]
    fn merging_fills_in_and_reports_conflicts() {
        let mut existing = Glossary::parse(
            "a.csv",
            Path::new("a.csv"),
            "id,type,en,az,kk,ar,variants,forbidden,note\ni_icesco,institution,ICESCO,İSESKO,,,,,\n",
            b',',
        )
        .unwrap();
        let incoming = Glossary::parse(
            "b.csv",
            Path::new("b.csv"),
            "id,type,en,az,kk,ar,variants,forbidden,note\nx,institution,icesco,ISESCO,ИСЕСКО,,ISESCO,,\nt_dg,title,Director-General,,,,,,\n",
            b',',
        )
        .unwrap();
        let report = merge_into(&mut existing, incoming);
        assert_eq!(report.added, 1);
        assert_eq!(report.merged, 1);
        assert_eq!(report.conflicts.len(), 2, "{report:?}");
        let e = &existing.entries[0];
        assert_eq!(e.form(&LangTag::parse("kk").unwrap()), Some("ИСЕСКО"));
        assert_eq!(e.variants, ["ISESCO"]);
    }
}
