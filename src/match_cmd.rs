//! `tarjuman match`: fuzzy matches for text, from the memory.

use std::io::{BufRead, Write};
use std::path::Path;

use anstyle::{AnsiColor, Style};
use serde::Serialize;
use tarjuman::error::{Error, Result};
use tarjuman::l10n::{Arg, L10n};
use tarjuman::memory::fuzzy::{Metric, prepare};
use tarjuman::memory::{Context, Leverage, Store};
use tarjuman::render::changed_spans;

use crate::app::{Outcome, fuzzy_index, parse_lang, use_colour, warn_unknown_language};
use crate::cli::{Cli, MatchArgs, MatchFormat, MetricArg};

/// One match as machine output shows it.
#[derive(Serialize)]
struct MatchOut {
    /// Percent, unrounded; 101 for a context match.
    score: f64,
    unit: i64,
    source: String,
    target: String,
    /// The target's numbers or tags were replaced by the query's.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    adjusted: bool,
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

pub(crate) fn run(cli: &Cli, args: &MatchArgs, l10n: &L10n) -> Result<Outcome> {
    let from = parse_lang(Some(&args.from))?
        .map(|t| t.base())
        .unwrap_or_default();
    let to = parse_lang(Some(&args.to))?
        .map(|t| t.base())
        .unwrap_or_default();
    let queries = queries(args)?;
    let store = Store::open_existing(&cli.db)?;
    if let Some(store) = &store {
        warn_unknown_language(store, &from, l10n)?;
        warn_unknown_language(store, &to, l10n)?;
    }
    let index = match &store {
        Some(store) => Some(fuzzy_index(cli, l10n, store, &from)?),
        None => None,
    };
    let mut leverage = match (&store, &index) {
        (Some(store), Some(index)) => Some(Leverage::new(store, index, &from, Some(&to))),
        _ => None,
    };
    let context = Context {
        id: args.context.as_deref(),
        prev: args.context_prev.as_deref(),
        next: args.context_next.as_deref(),
    };
    let metric = match args.metric {
        MetricArg::Chars => Metric::Chars,
        MetricArg::Words => Metric::Words,
    };
    let mut results = Vec::with_capacity(queries.len());
    for query in &queries {
        let mut matches = Vec::new();
        if let Some(leverage) = leverage.as_mut() {
            for s in leverage.suggest(query, &context, args.top, args.min, metric)? {
                matches.push(MatchOut {
                    score: s.score,
                    unit: s.unit,
                    source: s.source,
                    target: s.target,
                    adjusted: s.adjusted,
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
            let colour = use_colour(cli);
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
        if m.adjusted {
            writeln!(out, "      → {target}  {}", l10n.msg("match-adjusted", &[]))?;
        } else {
            writeln!(out, "      → {target}")?;
        }
    }
    Ok(())
}
