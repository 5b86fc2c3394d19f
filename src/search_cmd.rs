//! `tarjuman search`: a concordance of the memory, with each hit's translations.

use std::io::Write;
use std::ops::Range;
use std::path::Path;

use anstyle::{AnsiColor, Style};
use clap::{Args, ValueEnum};
use serde::Serialize;
use tarjuman::error::{Error, Result};
use tarjuman::l10n::{Arg, L10n};
use tarjuman::memory::{Occurrence, Pattern, Store};
use tarjuman::text::{FoldOptions, show_invisible};

use crate::app::{
    Outcome, command_has_lang, parse_lang, use_colour, warn_unknown_language, while_indexing,
};
use crate::cli::Cli;

/// Characters of context shown on each side of a hit in human output.
const CONTEXT: usize = 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum SearchFormat {
    Human,
    Json,
    Jsonl,
}

#[derive(Debug, Args)]
pub(crate) struct SearchArgs {
    /// The text to look for
    #[arg(value_name = "PATTERN")]
    pattern: String,
    /// Only in this language
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// Ignore letter case (dotted and dotless I by the language of each text)
    #[arg(long, short = 'i')]
    ignore_case: bool,
    /// Ignore Arabic diacritics: tashkeel, tatweel, hamza and madda on alef
    #[arg(long)]
    ignore_diacritics: bool,
    /// The most hits shown
    #[arg(long, default_value_t = 20, value_name = "N")]
    limit: usize,
    /// Output format
    #[arg(long, value_enum, default_value_t = SearchFormat::Human)]
    format: SearchFormat,
}

/// A span of a hit in scalar values: 1-based start column, exclusive end.
#[derive(Serialize)]
struct SpanOut {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct VariantOut {
    lang: String,
    text: String,
}

#[derive(Serialize)]
struct HitOut {
    unit: i64,
    lang: String,
    text: String,
    spans: Vec<SpanOut>,
    /// The unit's variants in the other languages.
    others: Vec<VariantOut>,
}

fn columns(text: &str, range: &Range<usize>) -> SpanOut {
    let start = text[..range.start].chars().count() + 1;
    SpanOut {
        start,
        end: start + text[range.clone()].chars().count(),
    }
}

pub(crate) fn run(cli: &Cli, args: &SearchArgs, l10n: &L10n) -> Result<Outcome> {
    // `--lang` before the command is the interface language, which clap also puts here.
    let lang = args.lang.as_deref().filter(|_| command_has_lang("search"));
    let lang = parse_lang(lang)?.map(|t| t.base());
    let options = FoldOptions {
        case: args.ignore_case,
        diacritics: args.ignore_diacritics,
    };
    // One hit more than shown tells whether there are more.
    let pattern = Pattern {
        text: &args.pattern,
        lang: lang.as_deref(),
        options,
        limit: args.limit.saturating_add(1),
    };
    if args.pattern.trim().is_empty() {
        return Err(Error::EmptyPattern);
    }
    let store = Store::open_existing(&cli.db)?;
    let mut hits = Vec::new();
    let mut more = false;
    if let Some(store) = &store {
        if let Some(lang) = &lang {
            warn_unknown_language(store, lang, l10n)?;
        }
        if !store.concordance_is_current()? {
            let message = l10n.msg("progress-indexing-search", &[]);
            while_indexing(cli.quiet, message, || store.update_concordance())?;
        }
        let mut found = store.concordance(&pattern)?;
        more = found.len() > args.limit;
        found.truncate(args.limit);
        for Occurrence {
            unit,
            lang,
            text,
            spans,
        } in found
        {
            let others = store
                .variants_of(unit)?
                .into_iter()
                .filter(|(l, t)| !(l == &lang && t == &text))
                .map(|(lang, text)| VariantOut { lang, text })
                .collect();
            hits.push((
                HitOut {
                    unit,
                    spans: spans.iter().map(|r| columns(&text, r)).collect(),
                    lang,
                    text,
                    others,
                },
                spans,
            ));
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let io = |e| Error::io(Path::new("-"), e);
    match args.format {
        SearchFormat::Jsonl => {
            for (hit, _) in &hits {
                let line = serde_json::to_string(hit).unwrap_or_default();
                writeln!(out, "{line}").map_err(io)?;
            }
        }
        SearchFormat::Json => {
            let hits: Vec<&HitOut> = hits.iter().map(|(h, _)| h).collect();
            let document = serde_json::json!({
                "schema_version": 1,
                "pattern": args.pattern,
                "hits": hits,
                "more": more,
            });
            let text = serde_json::to_string_pretty(&document).unwrap_or_default();
            writeln!(out, "{text}").map_err(io)?;
        }
        SearchFormat::Human => {
            let colour = use_colour(cli);
            if hits.is_empty() {
                writeln!(
                    out,
                    "{}",
                    l10n.msg("search-none", &[("pattern", args.pattern.clone().into())])
                )
                .map_err(io)?;
            }
            for (hit, spans) in &hits {
                writeln!(
                    out,
                    "{}",
                    l10n.msg(
                        "search-hit",
                        &[
                            ("unit", Arg::Text(hit.unit.to_string())),
                            ("lang", hit.lang.clone().into()),
                            ("text", marked(&hit.text, spans, colour).into()),
                        ]
                    )
                )
                .map_err(io)?;
                for other in &hit.others {
                    writeln!(out, "      {}: {}", other.lang, show_invisible(&other.text))
                        .map_err(io)?;
                }
            }
            if more {
                writeln!(
                    out,
                    "{}",
                    l10n.msg("search-limit", &[("limit", args.limit.into())])
                )
                .map_err(io)?;
            }
        }
    }
    out.flush().map_err(io)?;
    Ok(Outcome::Success)
}

/// `text` around its hits, the hits marked (in colour, else between ⟦ ⟧), at most [`CONTEXT`]
/// characters before the first and after the last, elided with `…`.
fn marked(text: &str, spans: &[Range<usize>], colour: bool) -> String {
    let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
        return show_invisible(text);
    };
    let before = &text[..first.start];
    let start = before
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(0, |(i, _)| i);
    let after = &text[last.end..];
    let end = after
        .char_indices()
        .nth(CONTEXT)
        .map_or(text.len(), |(i, _)| last.end + i);
    let style = Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold();
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut at = start;
    for span in spans {
        out.push_str(&show_invisible(&text[at..span.start]));
        let hit = show_invisible(&text[span.clone()]);
        if colour {
            out.push_str(&format!("{style}{hit}{style:#}"));
        } else {
            out.push_str(&format!("⟦{hit}⟧"));
        }
        at = span.end;
    }
    out.push_str(&show_invisible(&text[at..end]));
    if end < text.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_are_marked_with_context() {
        let text = "Open the file and save the file.";
        let spans = vec![9..13, 27..31];
        assert_eq!(
            marked(text, &spans, false),
            "Open the ⟦file⟧ and save the ⟦file⟧."
        );
        let long = format!("{}needle{}", "a".repeat(100), "b".repeat(100));
        let span = 100..106;
        let shown = marked(&long, std::slice::from_ref(&span), false);
        assert_eq!(
            shown,
            format!("…{}⟦needle⟧{}…", "a".repeat(60), "b".repeat(60))
        );
    }

    #[test]
    fn columns_count_scalar_values() {
        let text = "Bakı şəhəri";
        let at = text.find("şəhər").unwrap();
        let span = columns(text, &(at..at + "şəhər".len()));
        assert_eq!((span.start, span.end), (6, 11));
    }
}
