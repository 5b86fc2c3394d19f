//! `--format human`: `path:line:col: severity[rule] message`, in the interface language, then the
//! line with the span underlined and the suggestion. Characters of the input that a terminal
//! would act on or hide (controls, bidi controls, zero-width characters) are shown escaped.
//! File names, numbers and quoted text are isolated (FSI/PDI) in right-to-left languages by
//! Fluent.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use unicode_normalization::char::canonical_combining_class;

use super::finding_message;
use crate::check::{Finding, Report, Severity};
use crate::l10n::{Arg, L10n};
use crate::text::show_invisible;

/// How the human report looks.
#[derive(Clone, Copy, Debug, Default)]
pub struct HumanStyle {
    /// ANSI colours (on a terminal, unless `--color never` or `NO_COLOR`).
    pub color: bool,
}

impl HumanStyle {
    fn paint(&self, style: Style, text: &str) -> String {
        if self.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }
}

fn severity_style(severity: Severity) -> Style {
    let color = match severity {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Info => AnsiColor::Cyan,
    };
    Style::new().bold().fg_color(Some(color.into()))
}

/// The columns `s` takes on a terminal, roughly: combining marks take none.
fn width(s: &str) -> usize {
    s.chars()
        .filter(|&c| canonical_combining_class(c) == 0)
        .count()
}

/// Padding as wide as `s`, keeping its tabs.
fn padding(s: &str) -> String {
    s.chars()
        .filter(|&c| canonical_combining_class(c) == 0)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect()
}

fn write_finding(
    out: &mut dyn Write,
    path: &str,
    text: &str,
    finding: &Finding,
    l10n: &L10n,
    style: HumanStyle,
) -> io::Result<()> {
    // The input's own text is escaped before it goes into the message, so the isolation marks
    // Fluent puts around it in Arabic stay marks and the input's own controls show escaped.
    let shown = Finding {
        found: show_invisible(&finding.found),
        suggestion: finding.suggestion.as_deref().map(show_invisible),
        entry: finding.entry.as_deref().map(show_invisible),
        ..finding.clone()
    };
    let severity = l10n.msg(
        &format!("check-severity-{}", finding.severity.as_str()),
        &[],
    );
    let header = l10n.msg(
        "check-finding",
        &[
            ("path", Arg::Text(path.to_string())),
            ("line", Arg::Text(finding.line.to_string())),
            ("column", Arg::Text(finding.column.to_string())),
            ("severity", Arg::Text(severity)),
            ("rule", Arg::Text(finding.rule.id().to_string())),
            ("message", Arg::Text(finding_message(&shown, l10n))),
        ],
    );
    writeln!(out, "{header}")?;
    let line_start = text[..finding.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[finding.start..]
        .find('\n')
        .map_or(text.len(), |i| finding.start + i);
    let before = show_invisible(&text[line_start..finding.start]);
    let span = show_invisible(&text[finding.start..finding.end.min(line_end)]);
    let after = show_invisible(&text[finding.end.min(line_end)..line_end]);
    let number = finding.line.to_string();
    let gutter = " ".repeat(number.len());
    let paint = severity_style(finding.severity);
    writeln!(
        out,
        "{number} | {before}{}{after}",
        style.paint(paint, &span)
    )?;
    writeln!(
        out,
        "{gutter} | {}{}",
        padding(&before),
        style.paint(paint, &"^".repeat(width(&span).max(1)))
    )?;
    if let Some(suggestion) = &finding.suggestion {
        let green = Style::new().fg_color(Some(AnsiColor::Green.into()));
        let line = l10n.msg(
            "check-suggestion",
            &[(
                "suggestion",
                Arg::Text(style.paint(green, &show_invisible(suggestion))),
            )],
        );
        writeln!(out, "{gutter} = {line}")?;
    }
    Ok(())
}

/// The report for people, with a summary line at the end.
pub fn human(
    report: &Report,
    l10n: &L10n,
    style: HumanStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    for document in &report.documents {
        let path = show_invisible(&document.path.display().to_string());
        for finding in &document.findings {
            write_finding(out, &path, &document.text, finding, l10n, style)?;
            writeln!(out)?;
        }
    }
    let [info, warning, error] = report.counts();
    let summary = l10n.msg(
        "check-summary",
        &[
            ("files", report.documents.len().into()),
            ("errors", error.into()),
            ("warnings", warning.into()),
            ("infos", info.into()),
        ],
    );
    writeln!(out, "{summary}")
}
