//! What a check finds, where, and how bad it is.

use std::path::PathBuf;

use crate::model::LangTag;

/// How serious a finding is; ordered, so `--fail-on` compares with `>=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// The stable name used in machine output and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// A check rule. Its id is stable: it names the rule in machine output, in `tarjuman.toml`, and it
/// is the Fluent id of the rule's message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    GlossaryVariant,
    ForbiddenSpelling,
    InconsistentName,
    MixedScript,
    TermMissing,
    InvisibleChar,
}

impl Rule {
    pub const ALL: [Rule; 6] = [
        Rule::GlossaryVariant,
        Rule::ForbiddenSpelling,
        Rule::InconsistentName,
        Rule::MixedScript,
        Rule::TermMissing,
        Rule::InvisibleChar,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Rule::GlossaryVariant => "glossary-variant",
            Rule::ForbiddenSpelling => "forbidden-spelling",
            Rule::InconsistentName => "inconsistent-name",
            Rule::MixedScript => "mixed-script",
            Rule::TermMissing => "term-missing",
            Rule::InvisibleChar => "invisible-char",
        }
    }

    pub fn parse(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|rule| rule.id() == id)
    }

    pub fn default_severity(self) -> Severity {
        match self {
            Rule::ForbiddenSpelling | Rule::MixedScript => Severity::Error,
            _ => Severity::Warning,
        }
    }
}

/// One finding in one document. Positions refer to the document as stored (after decoding to
/// UTF-8): `start..end` in bytes, and 1-based lines and columns counted in Unicode scalar values,
/// the end exclusive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub start: usize,
    pub end: usize,
    pub line: u64,
    pub column: u64,
    pub end_line: u64,
    pub end_column: u64,
    /// The text at the span.
    pub found: String,
    /// What should be written instead, when there is one unambiguous answer (used by `--fix`).
    pub suggestion: Option<String>,
    /// The glossary entry id, for glossary rules.
    pub entry: Option<String>,
}

#[cfg(test)]
impl Finding {
    /// A finding of `rule` over `text[range]`, with its lines and columns: for tests.
    pub(crate) fn at(
        text: &str,
        range: std::ops::Range<usize>,
        rule: Rule,
        suggestion: Option<&str>,
        entry: Option<&str>,
    ) -> Finding {
        let (from, to) = (
            crate::glossary::position_of(text, range.start),
            crate::glossary::position_of(text, range.end),
        );
        Finding {
            rule,
            severity: rule.default_severity(),
            line: from.line,
            column: from.column,
            end_line: to.line,
            end_column: to.column,
            found: text[range.clone()].to_string(),
            start: range.start,
            end: range.end,
            suggestion: suggestion.map(str::to_string),
            entry: entry.map(str::to_string),
        }
    }
}

/// The findings in one document, with the text they point into.
#[derive(Clone, Debug)]
pub struct DocumentReport {
    /// The path as the user gave it.
    pub path: PathBuf,
    /// The document language the rules used.
    pub language: LangTag,
    /// The decoded text of the document; finding offsets point into it.
    pub text: String,
    /// Sorted by position, then rule.
    pub findings: Vec<Finding>,
}

/// Everything one `check` run found, documents in the order given.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub documents: Vec<DocumentReport>,
}

impl Report {
    /// The number of findings at each severity: info, warning, error.
    pub fn counts(&self) -> [usize; 3] {
        let mut counts = [0; 3];
        for finding in self.documents.iter().flat_map(|d| &d.findings) {
            counts[finding.severity as usize] += 1;
        }
        counts
    }

    /// Whether any finding is at `level` or above (exit code 1).
    pub fn fails(&self, level: Severity) -> bool {
        self.documents
            .iter()
            .flat_map(|d| &d.findings)
            .any(|f| f.severity >= level)
    }
}
