//! The check report as SARIF 2.1.0, for code scanning in CI: one run, the rules of tarjuman in
//! `tool.driver.rules`, one result per finding. Columns count Unicode code points
//! (`columnKind: unicodeCodePoints`), as tarjuman's do. No timestamps: the same report gives the
//! same bytes.

use std::io::{self, Write};
use std::path::Path;

use serde_json::{Value, json};

use crate::check::{Finding, Report, Rule, Severity, fix};
use crate::l10n::L10n;

use super::{finding_message, rule_help};

/// Where the SARIF 2.1.0 schema lives.
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The SARIF level of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// `path` as a URI reference: relative paths stay relative (with `/` separators), absolute ones
/// become `file://` URIs; bytes outside the unreserved set are percent-encoded.
pub fn uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::with_capacity(text.len());
    if text.starts_with('/') {
        out.push_str("file://");
    }
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

fn region(f: &Finding) -> Value {
    json!({
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "snippet": { "text": f.found },
    })
}

/// A result; `fix` is the suggestion when it can be applied as it is.
fn result(f: &Finding, fix: Option<&str>, index: usize, uri: &str, l10n: &L10n) -> Value {
    let location = json!({ "uri": uri, "index": index });
    let mut value = json!({
        "ruleId": f.rule.id(),
        "ruleIndex": Rule::ALL.iter().position(|r| *r == f.rule).unwrap_or(0),
        "level": level(f.severity),
        "message": { "text": finding_message(f, l10n) },
        "locations": [{
            "physicalLocation": { "artifactLocation": location, "region": region(f) },
        }],
    });
    let mut properties = serde_json::Map::new();
    if let Some(entry) = &f.entry {
        properties.insert("entry".into(), entry.clone().into());
    }
    if let Some(suggestion) = &f.suggestion {
        properties.insert("suggestion".into(), suggestion.clone().into());
    }
    if let Some(suggestion) = fix {
        value["fixes"] = json!([{
            "artifactChanges": [{
                "artifactLocation": location,
                "replacements": [{
                    "deletedRegion": {
                        "startLine": f.line,
                        "startColumn": f.column,
                        "endLine": f.end_line,
                        "endColumn": f.end_column,
                    },
                    "insertedContent": { "text": suggestion },
                }],
            }],
        }]);
    }
    if !properties.is_empty() {
        value["properties"] = properties.into();
    }
    value
}

/// The SARIF log of `report` as a JSON value.
pub fn to_value(report: &Report, l10n: &L10n) -> Value {
    let l10n = l10n.unisolated();
    let rules: Vec<Value> = Rule::ALL
        .iter()
        .map(|rule| {
            let help = rule_help(*rule, &l10n);
            json!({
                "id": rule.id(),
                "shortDescription": { "text": help },
                "help": { "text": help },
                "defaultConfiguration": { "level": level(rule.default_severity()) },
            })
        })
        .collect();
    let mut artifacts = Vec::new();
    let mut results = Vec::new();
    for (index, document) in report.documents.iter().enumerate() {
        let uri = uri(&document.path);
        artifacts.push(json!({
            "location": { "uri": uri },
            "encoding": "UTF-8",
            "properties": { "language": document.language.as_str() },
        }));
        results.extend(document.findings.iter().map(|f| {
            let fix = fix::offered(&document.path, &document.text, f);
            result(f, fix, index, &uri, &l10n)
        }));
    }
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "tarjuman",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                },
            },
            "language": l10n.lang(),
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": results,
        }],
    })
}

/// Writes `report` as SARIF 2.1.0 (pretty-printed JSON and a final newline).
pub fn write(report: &Report, l10n: &L10n, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_value(report, l10n))?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::super::sample;
    use super::*;

    fn log(lang: &str) -> (Value, String) {
        let mut out = Vec::new();
        write(&sample::report(), &L10n::new(lang), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        (serde_json::from_str(&text).unwrap(), text)
    }

    #[test]
    fn has_the_structure_sarif_2_1_0_requires() {
        let (log, _) = log("en");
        assert_eq!(log["version"], "2.1.0");
        let run = &log["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "tarjuman");
        let ids: Vec<&str> = driver["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, Rule::ALL.map(Rule::id));
        for rule in driver["rules"].as_array().unwrap() {
            assert!(!rule["help"]["text"].as_str().unwrap().is_empty());
        }
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), 3);
        for result in results {
            // Required: message.text; ruleId points into the rules by ruleIndex.
            assert!(result["message"]["text"].is_string());
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(driver["rules"][index]["id"], result["ruleId"]);
            let location = &result["locations"][0]["physicalLocation"];
            let artifact = location["artifactLocation"]["index"].as_u64().unwrap() as usize;
            assert_eq!(
                run["artifacts"][artifact]["location"]["uri"],
                location["artifactLocation"]["uri"]
            );
            for key in ["startLine", "startColumn", "endLine", "endColumn"] {
                assert!(location["region"][key].as_u64().unwrap() >= 1, "{key}");
            }
        }
        let first = &results[0];
        assert_eq!(first["level"], "warning");
        assert_eq!(
            first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "drafts/d01%20en.txt"
        );
        assert_eq!(
            first["locations"][0]["physicalLocation"]["region"]["startColumn"],
            7
        );
        assert_eq!(
            first["locations"][0]["physicalLocation"]["region"]["endColumn"],
            15
        );
        assert_eq!(
            first["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
            "AlMalik"
        );
        assert_eq!(results[1]["level"], "error");
    }

    #[test]
    fn is_deterministic_and_has_no_isolation_marks_in_arabic() {
        let (_, a) = log("ar");
        let (_, b) = log("ar");
        assert_eq!(a, b);
        assert!(!a.contains(['\u{2068}', '\u{2069}']));
        assert!(a.contains("\"language\": \"ar\""));
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri(Path::new("a b/ç.txt")), "a%20b/%C3%A7.txt");
        assert_eq!(uri(Path::new("/tmp/x.txt")), "file:///tmp/x.txt");
    }
}
