//! Check reports for people (`human`) and for machines (`json`, `jsonl`). Messages are localized;
//! machine output carries no bidi isolation marks, no colours and no timestamps, and the same
//! report always gives the same bytes. Also `csv`, `sarif` (SARIF 2.1.0) and `html` (one
//! self-contained page).

pub mod csv;
pub mod html;
mod human;
mod json;
pub mod sarif;

pub use human::{HumanStyle, human};
pub use json::{SCHEMA_VERSION, json, jsonl};

use crate::check::{Finding, Rule};
use crate::l10n::{Arg, L10n};

/// The localized message of `finding` (its rule id is the message id).
pub fn finding_message(finding: &Finding, l10n: &L10n) -> String {
    l10n.msg(
        finding.rule.id(),
        &[
            ("found", Arg::Text(finding.found.clone())),
            (
                "suggestion",
                Arg::Text(finding.suggestion.clone().unwrap_or_default()),
            ),
            (
                "entry",
                Arg::Text(finding.entry.clone().unwrap_or_default()),
            ),
        ],
    )
}

/// `s` without the bidi isolation and embedding marks Fluent adds around placeables.
pub fn strip_bidi_marks(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}' | '\u{202A}'..='\u{202E}'))
        .collect()
}

/// What `rule` looks for, in one sentence (`rule-help-ID`).
pub fn rule_help(rule: Rule, l10n: &L10n) -> String {
    l10n.msg(&format!("rule-help-{}", rule.id()), &[])
}

#[cfg(test)]
pub(crate) mod sample {
    //! A small report used by the renderers' tests: an English and an Arabic document.

    use std::path::PathBuf;

    use crate::check::{DocumentReport, Finding, Report, Rule, Severity};
    use crate::model::LangTag;

    /// A finding of `rule` on the first `found` in `text`.
    pub(crate) fn finding(
        text: &str,
        rule: Rule,
        found: &str,
        suggestion: Option<&str>,
        entry: Option<&str>,
    ) -> Finding {
        let start = text.find(found).expect("the sample text holds the span");
        Finding::at(text, start..start + found.len(), rule, suggestion, entry)
    }

    pub(crate) fn report() -> Report {
        let en = "Director-General Salim AlMalik met\nSalim Al-Malik and =Kerimov in Baku.\n";
        let ar = "التقى المدير العام سالم المالك\nبممثلي الايسيسكو <في> الرباط.\n";
        let mut findings_en = vec![
            finding(
                en,
                Rule::GlossaryVariant,
                "Al-Malik",
                Some("AlMalik"),
                Some("p_almalik"),
            ),
            finding(
                en,
                Rule::ForbiddenSpelling,
                "=Kerimov",
                Some("Karimov"),
                Some("p_karimov"),
            ),
        ];
        findings_en[1].severity = Severity::Error;
        let findings_ar = vec![finding(
            ar,
            Rule::GlossaryVariant,
            "الايسيسكو",
            Some("الإيسيسكو"),
            Some("i_icesco"),
        )];
        Report {
            documents: vec![
                DocumentReport {
                    path: PathBuf::from("drafts/d01 en.txt"),
                    language: LangTag::parse("en").unwrap(),
                    text: en.to_string(),
                    findings: findings_en,
                },
                DocumentReport {
                    path: PathBuf::from("drafts/d05-ar.txt"),
                    language: LangTag::parse("ar").unwrap(),
                    text: ar.to_string(),
                    findings: findings_ar,
                },
            ],
        }
    }
}
