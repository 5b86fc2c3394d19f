//! `--format json` (one document with a `schema_version`) and `--format jsonl` (one finding per
//! line). Keys are a public interface: keep them.

use std::io::{self, Write};

use serde::Serialize;

use super::{finding_message, strip_bidi_marks};
use crate::check::{Finding, Report};
use crate::l10n::L10n;

/// The version of the `json` layout; raised when a key changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Record<'a> {
    path: String,
    line: u64,
    column: u64,
    end_line: u64,
    end_column: u64,
    rule: &'static str,
    severity: &'static str,
    found: &'a str,
    suggestion: Option<&'a str>,
    entry: Option<&'a str>,
    message: String,
}

fn record<'a>(path: &str, finding: &'a Finding, l10n: &L10n) -> Record<'a> {
    Record {
        path: path.to_string(),
        line: finding.line,
        column: finding.column,
        end_line: finding.end_line,
        end_column: finding.end_column,
        rule: finding.rule.id(),
        severity: finding.severity.as_str(),
        found: &finding.found,
        suggestion: finding.suggestion.as_deref(),
        entry: finding.entry.as_deref(),
        message: strip_bidi_marks(&finding_message(finding, l10n)),
    }
}

/// One JSON object per finding and line.
pub fn jsonl(report: &Report, l10n: &L10n, out: &mut dyn Write) -> io::Result<()> {
    for document in &report.documents {
        let path = document.path.display().to_string();
        for finding in &document.findings {
            serde_json::to_writer(&mut *out, &record(&path, finding, l10n))?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct DocumentRecord<'a> {
    path: String,
    language: &'a str,
    findings: Vec<Record<'a>>,
}

#[derive(Serialize)]
struct Summary {
    info: usize,
    warning: usize,
    error: usize,
}

#[derive(Serialize)]
struct ReportRecord<'a> {
    schema_version: u32,
    documents: Vec<DocumentRecord<'a>>,
    summary: Summary,
}

/// The whole report as one JSON document.
pub fn json(report: &Report, l10n: &L10n, out: &mut dyn Write) -> io::Result<()> {
    let [info, warning, error] = report.counts();
    let record = ReportRecord {
        schema_version: SCHEMA_VERSION,
        documents: report
            .documents
            .iter()
            .map(|d| {
                let path = d.path.display().to_string();
                DocumentRecord {
                    language: d.language.as_str(),
                    findings: d.findings.iter().map(|f| record(&path, f, l10n)).collect(),
                    path,
                }
            })
            .collect(),
        summary: Summary {
            info,
            warning,
            error,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &record)?;
    out.write_all(b"\n")
}
