//! `tarjuman match`: fuzzy matches for text, from the memory.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use anstyle::{AnsiColor, Style};
use serde::Serialize;
use tarjuman::error::{Error, Result};
use tarjuman::l10n::{Arg, L10n};
use tarjuman::memory::Store;
use tarjuman::memory::fuzzy::{Hit, Index, Query, Searcher, open_or_build, prepare, search_words};
use tarjuman::render::changed_spans;

use crate::app::{Outcome, parse_lang};
use crate::cli::{Cli, ColorChoice, MatchArgs, MatchFormat, MetricArg};

/// One match as machine output shows it.
#[derive(Serialize)]
struct MatchOut {
    /// Percent, unrounded.
    score: f64,
    unit: i64,
    source: String,
    target: String,
}

#[derive(Serialize)]
struct QueryOut {
    query: String,
    matches: Vec<MatchOut>,
}

/// The queries: TEXT, the lines of --queries FILE, or the lines of standard input.
fn queries(args: &MatchArgs) -> Result<Vec<String>> {
    if let Some(text) = &args.text {
        return Ok(vec![text.clone()]);
    }
    let lines = |reader: Box<dyn BufRead>, path: &Path| -> Result<Vec<String>> {
        reader
            .lines()
            .map(|line| line.map_err(|e| Error::io(path, e)))
            .collect()
    };
    match &args.queries {
        Some(path) => {
            let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
            lines(Box::new(std::io::BufReader::new(file)), path)
        }
        None => lines(Box::new(std::io::stdin().lock()), Path::new("-")),
    }
}

/// The original text of the hit's source variant (the index holds it prepared).
fn source_text(store: &Store, index: &Index, hit: &Hit, base: &str) -> Result<String> {
    let prepared = index.text(hit.entry);
    let texts = store.texts(hit.unit, base)?;
    Ok(texts
        .iter()
        .find(|t| prepare(t) == prepared)
        .cloned()
        .unwrap_or_else(|| prepared.to_string()))
}

pub(crate) fn run(cli: &Cli, args: &MatchArgs, l10n: &L10n) -> Result<Outcome> {
    let from = parse_lang(Some(&args.from))?
        .map(|t| t.base())
        .unwrap_or_default();
    let to = parse_lang(Some(&args.to))?
        .map(|t| t.base())
        .unwrap_or_default();
    let queries = queries(args)?;
    let store = Store::open_existing(&cli.db)?;
    let index = match &store {
        Some(store) => Some(open_or_build(store, &from)?),
        None => None,
    };
    let require = index
        .as_ref()
        .and_then(|i| i.meta().slots.iter().position(|s| *s == to))
        .map(|slot| 1u32 << slot);
    let mut searcher = index.as_ref().map(Searcher::new);
    let mut results = Vec::with_capacity(queries.len());
    for query in &queries {
        let prepared = prepare(query);
        let mut matches = Vec::new();
        if let (Some(store), Some(index), Some(searcher), Some(require)) =
            (&store, &index, searcher.as_mut(), require)
        {
            let q = Query {
                text: &prepared,
                top: args.top,
                min: args.min,
                require,
            };
            let hits = match args.metric {
                MetricArg::Chars => searcher.search(&q),
                MetricArg::Words => search_words(index, &q),
            };
            for hit in hits {
                let target = store
                    .texts(hit.unit, &to)?
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                matches.push(MatchOut {
                    score: hit.score(),
                    unit: hit.unit,
                    source: source_text(store, index, &hit, &from)?,
                    target,
                });
            }
        }
        results.push(QueryOut {
            query: query.clone(),
            matches,
        });
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let io = |e| Error::io(Path::new("-"), e);
    match args.format {
        MatchFormat::Jsonl => {
            for result in &results {
                let line = serde_json::to_string(result).unwrap_or_default();
                writeln!(out, "{line}").map_err(io)?;
            }
        }
        MatchFormat::Json => {
            let document = serde_json::json!({ "schema_version": 1, "results": results });
            let text = serde_json::to_string_pretty(&document).unwrap_or_default();
            writeln!(out, "{text}").map_err(io)?;
        }
        MatchFormat::Human => {
            let colour = match cli.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            for result in &results {
                write_human(&mut out, result, l10n, colour).map_err(io)?;
            }
        }
    }
    out.flush().map_err(io)?;
    Ok(Outcome::Success)
}

/// One query's matches for people: score, the memory source with what differs from the query
/// marked (in colour on a terminal, else between ⟦ ⟧), and the translation.
fn write_human(
    out: &mut impl Write,
    result: &QueryOut,
    l10n: &L10n,
    colour: bool,
) -> std::io::Result<()> {
    let query = tarjuman::text::show_invisible(&result.query);
    writeln!(
        out,
        "{}",
        l10n.msg("match-query", &[("query", query.clone().into())])
    )?;
    if result.matches.is_empty() {
        writeln!(out, "  {}", l10n.msg("match-none", &[]))?;
    }
    let changed = Style::new()
        .fg_color(Some(AnsiColor::Red.into()))
        .underline();
    for m in &result.matches {
        let mut marked = String::new();
        for span in changed_spans(&prepare(&result.query), &prepare(&m.source)) {
            let text = tarjuman::text::show_invisible(&span.text);
            match (span.changed, colour) {
                (false, _) => marked.push_str(&text),
                (true, true) => marked.push_str(&format!("{changed}{text}{changed:#}")),
                (true, false) => marked.push_str(&format!("⟦{text}⟧")),
            }
        }
        let score = format!("{:.0}%", m.score.floor());
        writeln!(
            out,
            "  {}",
            l10n.msg(
                "match-hit",
                &[
                    ("score", score.into()),
                    ("unit", Arg::Text(m.unit.to_string())),
                    ("source", marked.into()),
                ]
            )
        )?;
        let target = tarjuman::text::show_invisible(&m.target);
        writeln!(out, "      → {target}")?;
    }
    Ok(())
}
