//! `tarjuman names`: whether spellings are the same name, from the names engine.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use tarjuman::error::{Error, Position, Reason, Result};
use tarjuman::l10n::L10n;
use tarjuman::names::similarity;

use crate::app::Outcome;
use crate::cli::Cli;

#[derive(Debug, Args)]
pub(crate) struct NamesArgs {
    /// A CSV of pairs with a header and the columns id, a and b: writes id,score (1 = same name; 0.5 and above = the same)
    #[arg(long, value_name = "FILE", required = true)]
    pub(crate) pairs: PathBuf,
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

pub(crate) fn run(_cli: &Cli, args: &NamesArgs, _l10n: &L10n) -> Result<Outcome> {
    let text = score_pairs(&args.pairs)?;
    match &args.output {
        Some(path) => std::fs::write(path, text).map_err(|e| Error::io(path, e))?,
        None => std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|e| Error::io(Path::new("-"), e))?,
    }
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
