//! What a check run is asked to do: which rules, at which severity, and what to accept. The
//! command line fills it; a project file can too.

use super::{Rule, Severity};
use crate::model::LangTag;

/// Which mention an inconsistent name is compared with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Prefer {
    /// The first spelling in the document (or the first file, with `across`).
    #[default]
    First,
    /// The spelling used most often; a tie goes to the one seen first.
    Majority,
}

/// One rule's setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleSetting {
    pub enabled: bool,
    pub severity: Severity,
}

/// The options of a check run.
#[derive(Clone, Debug)]
pub struct Options {
    /// Settings in the order of [`Rule::ALL`].
    rules: [RuleSetting; 6],
    /// Spellings that are never flagged, alone or as part of a longer mention (compared ignoring
    /// case and tashkeel).
    pub exceptions: Vec<String>,
    /// Compare unlisted names across all documents of the run, not only within each.
    pub across: bool,
    pub prefer: Prefer,
    /// The document language; detected per document when `None`.
    pub doc_lang: Option<LangTag>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            rules: Rule::ALL.map(|rule| RuleSetting {
                enabled: true,
                severity: rule.default_severity(),
            }),
            exceptions: Vec::new(),
            across: false,
            prefer: Prefer::First,
            doc_lang: None,
        }
    }
}

impl Options {
    fn index(rule: Rule) -> usize {
        Rule::ALL.iter().position(|r| *r == rule).unwrap_or(0)
    }

    /// The setting of `rule`.
    pub fn rule(&self, rule: Rule) -> RuleSetting {
        self.rules[Options::index(rule)]
    }

    /// Turns `rule` on or off.
    pub fn set_enabled(&mut self, rule: Rule, enabled: bool) {
        self.rules[Options::index(rule)].enabled = enabled;
    }

    /// Sets the severity `rule` reports with.
    pub fn set_severity(&mut self, rule: Rule, severity: Severity) {
        self.rules[Options::index(rule)].severity = severity;
    }
}
