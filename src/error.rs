//! Typed library errors. Each carries what a user needs to find the problem (file, line, column) and a
//! reason with a stable Fluent message id, so the binary can say it in the user's language.
//! `Display` gives an English fallback for logs and tests.

use std::path::{Path, PathBuf};

use crate::model::LangTagError;

/// A result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Where in an input file something happened: 1-based line and column (in Unicode scalar values).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: u64,
    pub column: u64,
}

/// Why an input could not be read. Each variant has a message id in `locales/*/tarjuman.ftl`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Reason {
    #[error("the file is empty")]
    Empty,
    #[error("a line is longer than {0} bytes")]
    LineTooLong(u64),
    #[error("the file is not valid UTF-8")]
    InvalidUtf8,
    /// A file that is edited in place must be UTF-8.
    #[error("the file is not UTF-8; only UTF-8 files can be filled in place")]
    NotUtf8,
    #[error("the file looks like UTF-16 but has no byte order mark")]
    Utf16WithoutBom,
    #[error("unsupported character encoding {0:?}")]
    UnknownEncoding(String),
    #[error("this is not a translation memory file (binary data)")]
    Binary,
    #[error("cannot tell the format of this file; use --format")]
    UnknownFormat,
    #[error("malformed XML: {0}")]
    Xml(String),
    #[error("malformed XML: </{found}> where </{expected}> should close the open element")]
    XmlMismatchedEndTag { expected: String, found: String },
    #[error("malformed XML: </{0}> closes no open element")]
    XmlUnmatchedEndTag(String),
    #[error("the file ends before the document is complete")]
    Truncated,
    #[error("undefined entity &{0};")]
    UndefinedEntity(String),
    #[error("DOCTYPE declares entities, which are never expanded")]
    EntityDeclaration,
    #[error("expected a <{expected}> document, found <{found}>")]
    WrongRoot { expected: String, found: String },
    #[error("<{element}> has no {attribute} attribute")]
    MissingAttribute { element: String, attribute: String },
    #[error("invalid character U+{0:04X} in XML")]
    InvalidXmlChar(u32),
    #[error("language tag: {0}")]
    LangTag(#[from] LangTagError),
    #[error("unbalanced quote in CSV")]
    CsvUnbalancedQuote,
    /// A quoted CSV field followed by more text (`"ab"c`); the whole field must be quoted.
    #[error("text after the closing quote of a CSV field")]
    CsvTextAfterQuote,
    #[error("row has {found} fields, the header has {expected}")]
    CsvWidth { expected: u64, found: u64 },
    #[error("the header has no language column")]
    CsvNoLanguage,
    #[error("the same column {0:?} appears twice in the header")]
    CsvDuplicateColumn(String),
    #[error("{0}")]
    Csv(String),
    #[error("PO syntax error: {0}")]
    Po(String),
    #[error("the PO file names no language; use --target-lang")]
    PoNoLanguage,
    #[error("the glossary has no {0:?} column")]
    GlossaryMissingColumn(String),
    #[error("the glossary names no languages; use --source-lang and --target-lang")]
    GlossaryNeedsLanguages,
    #[error("the new entry has {0} problems and was not added")]
    GlossaryEntryRejected(u64),
    #[error("{attribute}=\"{value}\" must be yes or no")]
    SrxBadValue { attribute: String, value: String },
    #[error("<languagemap> names the language rule {0:?}, which the file does not define")]
    SrxUnknownRule(String),
    /// A rule pattern that does not compile; the rule is skipped (a warning, not an error).
    #[error("the pattern {pattern:?} cannot be used ({detail}); the rule is skipped")]
    SrxRegex { pattern: String, detail: String },
    /// The project file (`tarjuman.toml`) is not valid TOML or has an unknown key.
    #[error("project file: {0}")]
    ProjectFile(String),
    #[error("unknown rule {0:?}")]
    ProjectUnknownRule(String),
    /// `--fix` (to `-o OUT` or standard output) was given several files.
    #[error(
        "--fix writes the text of one file (to -o OUT or standard output); use --in-place or --diff for several"
    )]
    FixOneFile,
    #[error("{value:?} is not a setting of {rule}: use on, off, info, warning or error")]
    ProjectRuleSetting { rule: String, value: String },
}

impl Reason {
    /// The Fluent message id of this reason.
    pub fn message_id(&self) -> &'static str {
        match self {
            Reason::Empty => "reason-empty",
            Reason::LineTooLong(_) => "reason-line-too-long",
            Reason::InvalidUtf8 => "reason-invalid-utf8",
            Reason::NotUtf8 => "reason-not-utf8",
            Reason::Utf16WithoutBom => "reason-utf16-without-bom",
            Reason::UnknownEncoding(_) => "reason-unknown-encoding",
            Reason::Binary => "reason-binary",
            Reason::UnknownFormat => "reason-unknown-format",
            Reason::Xml(_) => "reason-xml",
            Reason::XmlMismatchedEndTag { .. } => "reason-xml-mismatched-end-tag",
            Reason::XmlUnmatchedEndTag(_) => "reason-xml-unmatched-end-tag",
            Reason::Truncated => "reason-truncated",
            Reason::UndefinedEntity(_) => "reason-undefined-entity",
            Reason::EntityDeclaration => "reason-entity-declaration",
            Reason::WrongRoot { .. } => "reason-wrong-root",
            Reason::MissingAttribute { .. } => "reason-missing-attribute",
            Reason::InvalidXmlChar(_) => "reason-invalid-xml-char",
            Reason::LangTag(LangTagError::Malformed(_)) => "reason-malformed-lang",
            Reason::LangTag(LangTagError::UnknownLanguage(..)) => "reason-unknown-lang",
            Reason::CsvUnbalancedQuote => "reason-csv-quote",
            Reason::CsvTextAfterQuote => "reason-csv-text-after-quote",
            Reason::CsvWidth { .. } => "reason-csv-width",
            Reason::CsvNoLanguage => "reason-csv-no-language",
            Reason::CsvDuplicateColumn(_) => "reason-csv-duplicate-column",
            Reason::Csv(_) => "reason-csv",
            Reason::Po(_) => "reason-po",
            Reason::PoNoLanguage => "reason-po-no-language",
            Reason::GlossaryMissingColumn(_) => "reason-glossary-missing-column",
            Reason::GlossaryNeedsLanguages => "reason-glossary-needs-languages",
            Reason::GlossaryEntryRejected(_) => "reason-glossary-entry-rejected",
            Reason::SrxBadValue { .. } => "reason-srx-bad-value",
            Reason::SrxUnknownRule(_) => "reason-srx-unknown-rule",
            Reason::SrxRegex { .. } => "reason-srx-regex",
            Reason::ProjectFile(_) => "reason-project-file",
            Reason::ProjectUnknownRule(_) => "reason-project-unknown-rule",
            Reason::FixOneFile => "reason-fix-one-file",
            Reason::ProjectRuleSetting { .. } => "reason-project-rule-setting",
        }
    }

    /// The Fluent arguments of this reason.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Reason::UnknownEncoding(name) => vec![("encoding", name.clone())],
            Reason::LineTooLong(limit) => vec![("limit", limit.to_string())],
            Reason::Xml(detail) | Reason::Csv(detail) | Reason::Po(detail) => {
                vec![("detail", detail.clone())]
            }
            Reason::UndefinedEntity(name) => vec![("entity", name.clone())],
            Reason::XmlMismatchedEndTag { expected, found } => {
                vec![("expected", expected.clone()), ("found", found.clone())]
            }
            Reason::XmlUnmatchedEndTag(name) => vec![("found", name.clone())],
            Reason::WrongRoot { expected, found } => {
                vec![("expected", expected.clone()), ("found", found.clone())]
            }
            Reason::MissingAttribute { element, attribute } => {
                vec![
                    ("element", element.clone()),
                    ("attribute", attribute.clone()),
                ]
            }
            Reason::InvalidXmlChar(c) => vec![("char", format!("U+{c:04X}"))],
            Reason::LangTag(LangTagError::Malformed(tag)) => vec![("tag", tag.clone())],
            Reason::LangTag(LangTagError::UnknownLanguage(tag, _)) => vec![("tag", tag.clone())],
            Reason::CsvWidth { expected, found } => {
                vec![
                    ("expected", expected.to_string()),
                    ("found", found.to_string()),
                ]
            }
            Reason::CsvDuplicateColumn(name) | Reason::GlossaryMissingColumn(name) => {
                vec![("column", name.clone())]
            }
            Reason::GlossaryEntryRejected(count) => vec![("count", count.to_string())],
            Reason::SrxBadValue { attribute, value } => {
                vec![("attribute", attribute.clone()), ("value", value.clone())]
            }
            Reason::SrxUnknownRule(name) => vec![("name", name.clone())],
            Reason::ProjectFile(detail) => vec![("detail", detail.clone())],
            Reason::ProjectUnknownRule(rule) => vec![("rule", rule.clone())],
            Reason::ProjectRuleSetting { rule, value } => {
                vec![("rule", rule.clone()), ("value", value.clone())]
            }
            Reason::SrxRegex { pattern, detail } => {
                vec![("pattern", pattern.clone()), ("detail", detail.clone())]
            }
            _ => Vec::new(),
        }
    }
}

/// A library error.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be opened, read or written.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An input file is not what it should be. `position` is `None` when the problem is the file as a
    /// whole (empty, binary).
    #[error("{}{}: {reason}", path.display(), position.as_ref().map(|p| format!(":{}:{}", p.line, p.column)).unwrap_or_default())]
    Input {
        path: PathBuf,
        position: Option<Position>,
        reason: Reason,
    },
    /// A language tag given on the command line or in a setting is not valid.
    #[error("{0}")]
    LangTag(#[from] LangTagError),
    /// The memory store failed.
    #[error("store {}: {source}", path.display())]
    Store {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    /// The store was written by a newer tarjuman.
    #[error("store {}: schema version {found} is newer than this tarjuman supports ({supported})", path.display())]
    StoreTooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// The file is not a tarjuman store.
    #[error("{} is not a tarjuman store", path.display())]
    NotAStore { path: PathBuf },
    /// A search pattern with nothing to look for.
    #[error("the search pattern is empty")]
    EmptyPattern,
    /// The glossaries' spellings could not be compiled into one automaton (too many).
    #[error("cannot compile the glossaries: {0}")]
    Automaton(String),
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// An input error at a position.
    pub fn input(path: &Path, position: Option<Position>, reason: Reason) -> Error {
        Error::Input {
            path: path.to_path_buf(),
            position,
            reason,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::l10n::L10n;

    /// Every reason's message id is in every interface language (the catalogs' consistency test
    /// then pins the variables).
    #[test]
    fn every_reason_has_a_message() {
        let source = include_str!("error.rs");
        let ids: Vec<&str> = source
            .split("=> \"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .filter(|id| id.starts_with("reason-"))
            .collect();
        assert!(ids.len() >= 20, "{ids:?}");
        for lang in ["en", "az", "kk", "ar"] {
            let l10n = L10n::new(lang);
            for id in &ids {
                assert!(l10n.has_own(id), "{lang}: no message {id}");
            }
        }
    }
}
