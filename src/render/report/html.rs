//! The check report as one self-contained HTML page: a summary table (findings per document and
//! rule), then each document with its findings highlighted inline. A highlight's tooltip holds the
//! message and the suggestion. The page takes `lang` and `dir` from the interface language; each
//! document its own (`dir="rtl"` for Arabic). No scripts, fonts or style sheets from elsewhere, and
//! every piece of text is escaped.

use std::io::{self, Write};

use crate::check::{DocumentReport, Finding, Report, Rule, Severity};
use crate::l10n::{Arg, L10n};
use crate::model::Language;

use super::finding_message;

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;line-height:1.5}\
table{border-collapse:collapse;margin-bottom:2em}\
th,td{border:1px solid #bbb;padding:.25em .6em;text-align:start}\
td.n{text-align:end;font-variant-numeric:tabular-nums}\
pre.doc{white-space:pre-wrap;border:1px solid #ddd;padding:1em;background:#fafafa;font-family:inherit}\
mark{border-radius:2px;padding:0 1px}\
mark.error{background:#f8c4c4;border-bottom:2px solid #c00}\
mark.warning{background:#fde9a9;border-bottom:2px solid #b80}\
mark.info{background:#cfe3fb;border-bottom:2px solid #36c}\
ol.findings{font-size:.95em}";

/// `text` with `&`, `<`, `>`, `"` and `'` escaped, safe in element content and quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `rtl` for a right-to-left language, else `ltr`.
fn direction(rtl: bool) -> &'static str {
    if rtl { "rtl" } else { "ltr" }
}

/// The tooltip of a highlight: each finding's message, with its suggestion.
fn tooltip(findings: &[&Finding], l10n: &L10n) -> String {
    findings
        .iter()
        .map(|f| {
            let mut line = format!(
                "{} [{}]: {}",
                severity_name(f.severity, l10n),
                f.rule.id(),
                finding_message(f, l10n)
            );
            if let Some(suggestion) = &f.suggestion {
                line.push_str(" — ");
                line.push_str(&l10n.msg(
                    "check-suggestion",
                    &[("suggestion", Arg::from(suggestion.as_str()))],
                ));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn severity_name(severity: Severity, l10n: &L10n) -> String {
    l10n.msg(&format!("check-severity-{}", severity.as_str()), &[])
}

/// The document's text with findings marked. Overlapping findings share one highlight, which
/// spans them all and takes the highest severity.
fn marked_text(document: &DocumentReport, l10n: &L10n) -> String {
    let text = &document.text;
    let mut findings: Vec<&Finding> = document
        .findings
        .iter()
        .filter(|f| {
            f.start <= f.end
                && f.end <= text.len()
                && text.is_char_boundary(f.start)
                && text.is_char_boundary(f.end)
        })
        .collect();
    findings.sort_by_key(|f| (f.start, f.end));
    let mut out = String::with_capacity(text.len() * 2);
    let mut at = 0;
    let mut i = 0;
    while i < findings.len() {
        let start = findings[i].start.max(at);
        let mut end = findings[i].end.max(start);
        let mut group = vec![findings[i]];
        i += 1;
        while i < findings.len() && findings[i].start < end {
            end = end.max(findings[i].end);
            group.push(findings[i]);
            i += 1;
        }
        let severity = group
            .iter()
            .map(|f| f.severity)
            .max()
            .unwrap_or(Severity::Info);
        out.push_str(&escape(&text[at..start]));
        out.push_str(&format!(
            "<mark class=\"{}\" title=\"{}\">{}</mark>",
            severity.as_str(),
            escape(&tooltip(&group, l10n)),
            escape(&text[start..end])
        ));
        at = end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

fn summary(report: &Report, l10n: &L10n, out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<Rule> = Rule::ALL
        .into_iter()
        .filter(|rule| {
            report
                .documents
                .iter()
                .flat_map(|d| &d.findings)
                .any(|f| f.rule == *rule)
        })
        .collect();
    writeln!(
        out,
        "<h2>{}</h2>",
        escape(&l10n.msg("report-summary-heading", &[]))
    )?;
    write!(
        out,
        "<table class=\"summary\"><thead><tr><th>{}</th><th>{}</th>",
        escape(&l10n.msg("report-document", &[])),
        escape(&l10n.msg("report-language", &[]))
    )?;
    for rule in &rules {
        write!(out, "<th><code>{}</code></th>", rule.id())?;
    }
    writeln!(
        out,
        "<th>{}</th></tr></thead><tbody>",
        escape(&l10n.msg("report-total", &[]))
    )?;
    let mut totals = vec![0usize; rules.len() + 1];
    for (index, document) in report.documents.iter().enumerate() {
        write!(
            out,
            "<tr><td><a href=\"#doc-{}\"><bdi>{}</bdi></a></td><td>{}</td>",
            index + 1,
            escape(&document.path.display().to_string()),
            escape(document.language.as_str())
        )?;
        for (column, rule) in rules.iter().enumerate() {
            let n = document.findings.iter().filter(|f| f.rule == *rule).count();
            totals[column] += n;
            write!(out, "<td class=\"n\">{n}</td>")?;
        }
        totals[rules.len()] += document.findings.len();
        writeln!(out, "<td class=\"n\">{}</td></tr>", document.findings.len())?;
    }
    write!(
        out,
        "</tbody><tfoot><tr><th colspan=\"2\">{}</th>",
        escape(&l10n.msg("report-total", &[]))
    )?;
    for n in totals {
        write!(out, "<td class=\"n\">{n}</td>")?;
    }
    writeln!(out, "</tr></tfoot></table>")
}

fn document_section(
    index: usize,
    document: &DocumentReport,
    l10n: &L10n,
    out: &mut dyn Write,
) -> io::Result<()> {
    let rtl = document.language.language() == Language::Arabic;
    let lang = escape(document.language.as_str());
    writeln!(
        out,
        "<section id=\"doc-{}\"><h2><bdi>{}</bdi></h2>",
        index + 1,
        escape(&document.path.display().to_string())
    )?;
    writeln!(
        out,
        "<p>{}</p>",
        escape(&l10n.msg(
            "report-document-findings",
            &[("count", Arg::from(document.findings.len()))]
        ))
    )?;
    writeln!(
        out,
        "<pre class=\"doc\" lang=\"{lang}\" dir=\"{}\">{}</pre>",
        direction(rtl),
        marked_text(document, l10n)
    )?;
    if !document.findings.is_empty() {
        writeln!(out, "<ol class=\"findings\">")?;
        for f in &document.findings {
            write!(
                out,
                "<li><span class=\"pos\" dir=\"ltr\">{}:{}</span> {} <code>{}</code>: {} <q lang=\"{lang}\" dir=\"{}\">{}</q>",
                f.line,
                f.column,
                escape(&severity_name(f.severity, l10n)),
                f.rule.id(),
                escape(&finding_message(f, l10n)),
                direction(rtl),
                escape(&f.found)
            )?;
            if let Some(suggestion) = &f.suggestion {
                write!(
                    out,
                    " → <q lang=\"{lang}\" dir=\"{}\">{}</q>",
                    direction(rtl),
                    escape(suggestion)
                )?;
            }
            writeln!(out, "</li>")?;
        }
        writeln!(out, "</ol>")?;
    }
    writeln!(out, "</section>")
}

/// Writes `report` as one HTML page in `l10n`'s language.
pub fn write(report: &Report, l10n: &L10n, out: &mut dyn Write) -> io::Result<()> {
    // The page says the direction itself; isolation marks inside would only get in the way.
    let l10n = l10n.unisolated();
    let title = escape(&l10n.msg("report-title", &[]));
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(
        out,
        "<html lang=\"{}\" dir=\"{}\">",
        l10n.lang(),
        direction(l10n.is_rtl())
    )?;
    writeln!(
        out,
        "<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{title}</title><style>{STYLE}</style></head>"
    )?;
    writeln!(out, "<body><h1>{title}</h1>")?;
    let [info, warnings, errors] = report.counts();
    writeln!(
        out,
        "<p>{}</p>",
        escape(&l10n.msg(
            "report-totals",
            &[
                ("documents", Arg::from(report.documents.len())),
                ("errors", Arg::from(errors)),
                ("warnings", Arg::from(warnings)),
                ("infos", Arg::from(info)),
            ],
        ))
    )?;
    summary(report, &l10n, out)?;
    for (index, document) in report.documents.iter().enumerate() {
        document_section(index, document, &l10n, out)?;
    }
    writeln!(out, "</body></html>")
}

#[cfg(test)]
mod tests {
    use super::super::sample;
    use super::*;

    fn page(lang: &str) -> String {
        let mut out = Vec::new();
        write(&sample::report(), &L10n::new(lang), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn page_and_documents_carry_their_language_and_direction() {
        let en = page("en");
        assert!(en.contains("<html lang=\"en\" dir=\"ltr\">"), "{en}");
        assert!(en.contains("<pre class=\"doc\" lang=\"en\" dir=\"ltr\">"));
        assert!(en.contains("<pre class=\"doc\" lang=\"ar\" dir=\"rtl\">"));
        let ar = page("ar");
        assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(!ar.contains(['\u{2068}', '\u{2069}']));
        for lang in ["az", "kk"] {
            assert!(page(lang).contains(&format!("<html lang=\"{lang}\" dir=\"ltr\">")));
        }
    }

    #[test]
    fn is_self_contained_and_escapes_the_input() {
        let en = page("en");
        assert!(!en.contains("<script") && !en.contains("<link") && !en.contains("http"));
        // The Arabic sample holds "<في>": it appears escaped, never as markup.
        assert!(en.contains("&lt;في&gt;") && !en.contains("<في>"));
    }

    #[test]
    fn findings_are_highlighted_with_message_and_suggestion() {
        let en = page("en");
        let mark = en
            .split("<mark ")
            .nth(1)
            .and_then(|rest| rest.split("</mark>").next())
            .unwrap();
        assert!(mark.starts_with("class=\"warning\""), "{mark}");
        assert!(
            mark.contains("AlMalik") && mark.ends_with(">Al-Malik"),
            "{mark}"
        );
        assert!(en.contains("<mark class=\"error\""));
        assert_eq!(en.matches("<mark ").count(), 3);
    }

    #[test]
    fn summary_counts_per_document_and_rule() {
        let en = page("en");
        assert!(en.contains(
            "<th><code>glossary-variant</code></th><th><code>forbidden-spelling</code></th>"
        ));
        assert!(
            en.contains("<td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">2</td></tr>"),
            "{en}"
        );
        assert!(en.contains(
            "<td class=\"n\">2</td><td class=\"n\">1</td><td class=\"n\">3</td></tr></tfoot>"
        ));
    }

    #[test]
    fn overlapping_findings_share_one_highlight() {
        let mut report = sample::report();
        let doc = &mut report.documents[0];
        let mut wider = doc.findings[0].clone();
        wider.start -= 6;
        wider.rule = Rule::InconsistentName;
        doc.findings.push(wider);
        let mut out = Vec::new();
        write(&report, &L10n::new("en"), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(">Salim Al-Malik</mark>"), "{text}");
    }
}
