//! `tarjuman names`: the names of drafts with their spellings, counts, clusters and places (the
//! editor's overview), and `--pairs`: whether spellings are the same name, from the names engine.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use serde_json::{Value, json};
use tarjuman::check::overview::{self, Name};
use tarjuman::check::{self, Checker, Document, Options, Rule};
use tarjuman::error::{Error, Position, Reason, Result};
use tarjuman::glossary::{Glossary, Recognizer, builtin, neutralize};
use tarjuman::l10n::{Arg, L10n};
use tarjuman::names::similarity;
use tarjuman::output::write_atomically;

use crate::app::Outcome;
use crate::cli::Cli;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum NamesFormat {
    Human,
    Json,
    Jsonl,
    Csv,
}

#[derive(Debug, Args)]
pub(crate) struct NamesArgs {
    /// Drafts whose names to list, with their spellings, counts and places
    #[arg(
        value_name = "FILE",
        required_unless_present = "pairs",
        conflicts_with = "pairs"
    )]
    pub(crate) files: Vec<PathBuf>,
    /// A CSV of pairs with a header and the columns id, a and b: writes id,score (1 = same name; 0.5 and above = the same)
    #[arg(long, value_name = "FILE")]
    pub(crate) pairs: Option<PathBuf>,
    /// Output format of the list of names
    #[arg(long, value_enum, default_value_t = NamesFormat::Human)]
    pub(crate) format: NamesFormat,
    /// The file to write (standard output by default)
    #[arg(short = 'o', long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// A CSV reading error at its position in `path`.
fn csv_error(path: &Path, e: csv::Error) -> Error {
    let position = e.position().map(|p| Position {
        line: p.line(),
        column: 1,
    });
    match e.into_kind() {
        csv::ErrorKind::Io(source) => Error::io(path, source),
        csv::ErrorKind::Utf8 { .. } => Error::input(path, position, Reason::InvalidUtf8),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => Error::input(
            path,
            position,
            Reason::CsvWidth {
                expected: expected_len,
                found: len,
            },
        ),
        other => Error::input(path, position, Reason::Csv(format!("{other:?}"))),
    }
}

/// The `id,score` CSV for the pairs in `path`.
fn score_pairs(path: &Path) -> Result<String> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut reader = csv::ReaderBuilder::new().from_reader(std::io::BufReader::new(file));
    let headers = reader.headers().map_err(|e| csv_error(path, e))?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
            .ok_or_else(|| {
                Error::input(
                    path,
                    Some(Position { line: 1, column: 1 }),
                    Reason::Csv(format!("the header has no {name:?} column")),
                )
            })
    };
    let (id, a, b) = (column("id")?, column("a")?, column("b")?);
    let mut out = String::from("id,score\n");
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, e))?;
        let field = |i: usize| record.get(i).unwrap_or_default();
        let score = similarity(field(a), field(b));
        let mut writer = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        writer
            .write_record([field(id), &format!("{score:.4}")])
            .map_err(|e| csv_error(path, e))?;
        let row = writer
            .into_inner()
            .map_err(|e| Error::io(path, e.into_error()))?;
        out.push_str(&String::from_utf8_lossy(&row));
    }
    Ok(out)
}

pub(crate) fn run(cli: &Cli, args: &NamesArgs, l10n: &L10n) -> Result<Outcome> {
    let Some(pairs) = &args.pairs else {
        return overview_cmd(cli, args, l10n);
    };
    let text = score_pairs(pairs)?;
    match &args.output {
        Some(path) => std::fs::write(path, text).map_err(|e| Error::io(path, e))?,
        None => std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|e| Error::io(Path::new("-"), e))?,
    }
    Ok(Outcome::Success)
}

/// The JSON object of one name.
fn name_value(name: &Name, paths: &[String]) -> Value {
    let spellings: Vec<Value> = name
        .spellings
        .iter()
        .map(|s| {
            let locations: Vec<Value> = s
                .locations
                .iter()
                .map(|l| {
                    json!({
                        "path": paths[l.document],
                        "line": l.line,
                        "column": l.column,
                        "end_line": l.end_line,
                        "end_column": l.end_column,
                    })
                })
                .collect();
            json!({ "spelling": s.text, "count": s.locations.len(), "locations": locations })
        })
        .collect();
    json!({
        "name": name.spellings.first().map(|s| s.text.as_str()).unwrap_or_default(),
        "entry": name.entry,
        "count": name.count(),
        "spellings": spellings,
    })
}

/// The list of names in `format`.
fn render(names: &[Name], paths: &[String], format: NamesFormat, l10n: &L10n) -> String {
    let mut out = String::new();
    match format {
        NamesFormat::Json => {
            let names: Vec<Value> = names.iter().map(|n| name_value(n, paths)).collect();
            let value = json!({ "schema_version": 1, "names": names });
            out = serde_json::to_string_pretty(&value).unwrap_or_default();
            out.push('\n');
        }
        NamesFormat::Jsonl => {
            for name in names {
                out.push_str(&name_value(name, paths).to_string());
                out.push('\n');
            }
        }
        NamesFormat::Csv => {
            let mut writer = csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(Vec::new());
            let header = [
                "name",
                "entry",
                "spelling",
                "path",
                "line",
                "column",
                "end_line",
                "end_column",
            ];
            let _ = writer.write_record(header);
            for name in names {
                let first = name
                    .spellings
                    .first()
                    .map(|s| s.text.as_str())
                    .unwrap_or_default();
                for spelling in &name.spellings {
                    for l in &spelling.locations {
                        let numbers =
                            [l.line, l.column, l.end_line, l.end_column].map(|n| n.to_string());
                        let cells = [
                            first,
                            name.entry.as_deref().unwrap_or_default(),
                            &spelling.text,
                            &paths[l.document],
                            &numbers[0],
                            &numbers[1],
                            &numbers[2],
                            &numbers[3],
                        ];
                        let _ =
                            writer.write_record(cells.iter().map(|c| neutralize(c).into_owned()));
                    }
                }
            }
            out = String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default();
        }
        NamesFormat::Human => {
            for name in names {
                let first = name
                    .spellings
                    .first()
                    .map(|s| s.text.clone())
                    .unwrap_or_default();
                let counts = [
                    ("count", Arg::from(name.count())),
                    ("spellings", Arg::from(name.spellings.len())),
                ];
                let heading = match &name.entry {
                    Some(entry) => l10n.msg(
                        "names-entry",
                        &[
                            &[
                                ("name", Arg::from(first)),
                                ("entry", Arg::from(entry.as_str())),
                            ],
                            &counts[..],
                        ]
                        .concat(),
                    ),
                    None => l10n.msg(
                        "names-unlisted",
                        &[&[("name", Arg::from(first))], &counts[..]].concat(),
                    ),
                };
                out.push_str(&heading);
                out.push('\n');
                for spelling in &name.spellings {
                    let places: Vec<String> = spelling
                        .locations
                        .iter()
                        .map(|l| format!("{}:{}:{}", paths[l.document], l.line, l.column))
                        .collect();
                    let line = l10n.msg(
                        "names-spelling",
                        &[
                            ("spelling", Arg::from(spelling.text.as_str())),
                            ("count", Arg::from(spelling.locations.len())),
                            ("places", Arg::from(places.join(", "))),
                        ],
                    );
                    out.push_str("  ");
                    out.push_str(&line);
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// `names FILE…`: every name in the drafts.
fn overview_cmd(cli: &Cli, args: &NamesArgs, l10n: &L10n) -> Result<Outcome> {
    // The glossaries `check` would use: the project file's, then those of the command line.
    let project = crate::check_cmd::project_file()?;
    let shipped = !cli.no_default_glossaries
        && project
            .as_ref()
            .and_then(|p| p.default_glossaries)
            .unwrap_or(true);
    let mut glossaries = if shipped {
        builtin::shipped()?
    } else {
        Vec::new()
    };
    let from_project = project
        .as_ref()
        .map(|p| p.glossaries.as_slice())
        .unwrap_or_default();
    for path in from_project.iter().chain(&cli.glossaries) {
        glossaries.push(Glossary::read(path)?);
    }
    let recognizer = Recognizer::new(&glossaries)?;
    let documents = args
        .files
        .iter()
        .map(|path| check::load(path, None))
        .collect::<Result<Vec<Document>>>()?;
    let texts: Vec<String> = documents.iter().map(|d| d.text.clone()).collect();
    // The unlisted spellings that `check` ties to a glossary entry go under that entry.
    let report = Checker::new(&glossaries, Options::default())?.check(documents);
    let variants: Vec<Vec<(std::ops::Range<usize>, String)>> = report
        .documents
        .iter()
        .map(|d| {
            d.findings
                .iter()
                .filter(|f| matches!(f.rule, Rule::GlossaryVariant | Rule::ForbiddenSpelling))
                .filter_map(|f| Some((f.start..f.end, f.entry.clone()?)))
                .collect()
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let names = overview::names(&refs, &recognizer, &variants);
    let paths: Vec<String> = args.files.iter().map(|p| p.display().to_string()).collect();
    let text = render(&names, &paths, args.format, l10n);
    let target = args.output.clone().unwrap_or_else(|| PathBuf::from("-"));
    write_atomically(&target, |out| {
        out.write_all(text.as_bytes())
            .map_err(|e| Error::io(&target, e))
    })?;
    Ok(Outcome::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_each_pair_with_a_header() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pairs.csv");
        std::fs::write(
            &path,
            "id,a,b,label\np1,Tokayev,Тоқаев,same\np2,\"Aliyev\",Aliyeva,different\n",
        )
        .unwrap();
        let out = score_pairs(&path).unwrap();
        let rows: Vec<&str> = out.lines().collect();
        assert_eq!(rows[..2], ["id,score", "p1,1.0000"]);
        let low: f64 = rows[2].trim_start_matches("p2,").parse().unwrap();
        assert!(low < 0.5 && rows.len() == 3);
    }

    #[test]
    fn bad_input_is_a_typed_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            score_pairs(&dir.path().join("missing.csv")),
            Err(Error::Io { .. })
        ));
        let path = dir.path().join("bad.csv");
        std::fs::write(&path, "id,x\n1,2\n").unwrap();
        assert!(matches!(score_pairs(&path), Err(Error::Input { .. })));
        std::fs::write(&path, "id,a,b\n1,2\n").unwrap();
        assert!(matches!(score_pairs(&path), Err(Error::Input { .. })));
    }
}
