//! Check reports in each output format. Every renderer takes the whole [`Report`] and writes it to
//! `out`; only the `message` of a finding (and headings in the formats for people) is localized,
//! machine formats carry ids and raw values and no bidi isolation marks.

pub mod csv;
pub mod html;
pub mod sarif;

use crate::check::{Finding, Rule};
use crate::l10n::{Arg, L10n};

/// The localized message of `finding`: the Fluent message whose id is the rule id, with the text
/// found, the suggestion (empty when there is none) and the glossary entry (empty when none).
pub fn finding_message(finding: &Finding, l10n: &L10n) -> String {
    l10n.msg(
        finding.rule.id(),
        &[
            ("found", Arg::from(finding.found.as_str())),
            (
                "suggestion",
                Arg::from(finding.suggestion.clone().unwrap_or_default()),
            ),
            (
                "entry",
                Arg::from(finding.entry.clone().unwrap_or_default()),
            ),
        ],
    )
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
    use crate::glossary::position_of;
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
        let end = start + found.len();
        let (from, to) = (position_of(text, start), position_of(text, end));
        Finding {
            rule,
            severity: rule.default_severity(),
            start,
            end,
            line: from.line,
            column: from.column,
            end_line: to.line,
            end_column: to.column,
            found: found.to_string(),
            suggestion: suggestion.map(str::to_string),
            entry: entry.map(str::to_string),
        }
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
