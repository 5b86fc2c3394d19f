//! `tarjuman analyze`: the match bands of documents against the memory, per file and in total.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use serde_json::json;
use tarjuman::analysis::{Analyzer, Band, Counts, Report, read_segments};
use tarjuman::error::{Error, Result};
use tarjuman::l10n::L10n;
use tarjuman::memory::{Leverage, Store};
use tarjuman::model::LangTag;

use crate::app::{Outcome, fuzzy_index, parse_lang, warn_unknown_language};
use crate::cli::Cli;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum AnalyzeFormat {
    Human,
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub(crate) struct AnalyzeArgs {
    /// Documents: plain text, Markdown, XLIFF, PO or TMX
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The language of the documents
    #[arg(long, value_name = "LANG")]
    from: String,
    /// Count only memory units that have a translation in this language
    #[arg(long, value_name = "LANG")]
    to: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = AnalyzeFormat::Human)]
    format: AnalyzeFormat,
}

pub(crate) fn run(cli: &Cli, args: &AnalyzeArgs, l10n: &L10n) -> Result<Outcome> {
    let from = LangTag::parse(&args.from)?;
    let base = from.base();
    let to = parse_lang(args.to.as_deref())?.map(|t| t.base());
    // Every document is read before the memory is touched: an unreadable one fails early.
    let documents = args
        .files
        .iter()
        .map(|path| read_segments(path, &from).map(|s| (path.clone(), s)))
        .collect::<Result<Vec<_>>>()?;
    let store = Store::open_existing(&cli.db)?;
    if let Some(store) = &store {
        warn_unknown_language(store, &base, l10n)?;
        if let Some(to) = &to {
            warn_unknown_language(store, to, l10n)?;
        }
    }
    let index = match &store {
        Some(store) => Some(fuzzy_index(cli, l10n, store, &base)?),
        None => None,
    };
    let leverage = match (&store, &index) {
        (Some(store), Some(index)) => Some(Leverage::new(store, index, &base, to.as_deref())),
        _ => None,
    };
    let mut analyzer = Analyzer::new(leverage);
    let mut reports = Vec::with_capacity(documents.len());
    let mut total = Report::default();
    for (path, segments) in &documents {
        let report = analyzer.analyze(segments)?;
        total.add(&report);
        reports.push((path.display().to_string(), report));
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let io = |e| Error::io(Path::new("-"), e);
    match args.format {
        AnalyzeFormat::Json => {
            let files: Vec<_> = reports
                .iter()
                .map(|(path, report)| json!({ "path": path, "bands": bands_json(report), "total": report.total() }))
                .collect();
            let document = json!({
                "schema_version": 1,
                "files": files,
                "total": { "bands": bands_json(&total), "total": total.total() },
            });
            let text = serde_json::to_string_pretty(&document).unwrap_or_default();
            writeln!(out, "{text}").map_err(io)?;
        }
        AnalyzeFormat::Csv => {
            let mut csv = csv::Writer::from_writer(&mut out);
            let row = |csv: &mut csv::Writer<_>, file: &str, band: &str, c: Counts| {
                csv.write_record([
                    file,
                    band,
                    &c.segments.to_string(),
                    &c.words.to_string(),
                    &c.characters.to_string(),
                ])
            };
            let result = (|| {
                csv.write_record(["file", "band", "segments", "words", "characters"])?;
                for (path, report) in reports
                    .iter()
                    .map(|(p, r)| (p.as_str(), r))
                    .chain([("", &total)])
                {
                    for band in Band::ALL {
                        row(&mut csv, path, band.id(), report.band(band))?;
                    }
                    row(&mut csv, path, "total", report.total())?;
                }
                csv.flush()?;
                Ok::<_, std::io::Error>(())
            })();
            result.map_err(io)?;
        }
        AnalyzeFormat::Human => {
            for (path, report) in &reports {
                writeln!(
                    out,
                    "{}",
                    l10n.msg("analyze-file", &[("path", path.clone().into())])
                )
                .map_err(io)?;
                write_table(&mut out, report, l10n).map_err(io)?;
                writeln!(out).map_err(io)?;
            }
            if reports.len() > 1 {
                writeln!(out, "{}", l10n.msg("analyze-total", &[])).map_err(io)?;
                write_table(&mut out, &total, l10n).map_err(io)?;
            }
        }
    }
    out.flush().map_err(io)?;
    Ok(Outcome::Success)
}

/// The bands of a report as a JSON object keyed by band id.
fn bands_json(report: &Report) -> serde_json::Value {
    let map: serde_json::Map<String, serde_json::Value> = Band::ALL
        .iter()
        .map(|b| (b.id().to_string(), json!(report.band(*b))))
        .collect();
    serde_json::Value::Object(map)
}

/// The human name of a band.
fn band_name(band: Band, l10n: &L10n) -> String {
    match band {
        Band::Repetition => l10n.msg("analyze-repetitions", &[]),
        Band::NoMatch => l10n.msg("analyze-no-match", &[]),
        Band::Context => "101%".to_string(),
        Band::Exact => "100%".to_string(),
        Band::Fuzzy95 => "95–99%".to_string(),
        Band::Fuzzy85 => "85–94%".to_string(),
        Band::Fuzzy75 => "75–84%".to_string(),
        Band::Fuzzy50 => "50–74%".to_string(),
    }
}

/// One report as a table: band, segments, words, characters, share of the words.
fn write_table(out: &mut impl Write, report: &Report, l10n: &L10n) -> std::io::Result<()> {
    let total = report.total();
    let names: Vec<String> = Band::ALL.iter().map(|b| band_name(*b, l10n)).collect();
    let total_name = l10n.msg("analyze-total-row", &[]);
    let width = names
        .iter()
        .chain([&total_name])
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(0);
    let pad = |s: &str| format!("{s}{}", " ".repeat(width.saturating_sub(s.chars().count())));
    writeln!(
        out,
        "  {}  {:>9}  {:>9}  {:>11}  {:>6}",
        pad(""),
        l10n.msg("analyze-segments", &[]),
        l10n.msg("analyze-words", &[]),
        l10n.msg("analyze-characters", &[]),
        "%",
    )?;
    let share = |c: Counts| {
        if total.words == 0 {
            0.0
        } else {
            100.0 * c.words as f64 / total.words as f64
        }
    };
    for (band, name) in Band::ALL.iter().zip(&names) {
        let c = report.band(*band);
        writeln!(
            out,
            "  {}  {:>9}  {:>9}  {:>11}  {:>6.1}",
            pad(name),
            c.segments,
            c.words,
            c.characters,
            share(c)
        )?;
    }
    writeln!(
        out,
        "  {}  {:>9}  {:>9}  {:>11}  {:>6.1}",
        pad(&total_name),
        total.segments,
        total.words,
        total.characters,
        if total.words == 0 { 0.0 } else { 100.0 }
    )
}
