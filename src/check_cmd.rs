//! `tarjuman check`: loads the glossaries and documents, runs the rules, renders the report.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use tarjuman::check::{self, Checker, Document, Options, Prefer, Severity};
use tarjuman::error::{Error, Result};
use tarjuman::glossary::{Glossary, builtin};
use tarjuman::l10n::L10n;
use tarjuman::model::LangTag;
use tarjuman::output::write_atomically;
use tarjuman::render::error_message;
use tarjuman::render::report::{HumanStyle, human, json, jsonl};

use crate::app::Outcome;
use crate::cli::{Cli, ColorChoice};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum CheckFormat {
    Human,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum PreferArg {
    First,
    Majority,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum SeverityArg {
    Info,
    Warning,
    Error,
}

impl SeverityArg {
    fn severity(self) -> Severity {
        match self {
            SeverityArg::Info => Severity::Info,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Error => Severity::Error,
        }
    }
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Drafts to check: text, Markdown, XLIFF, PO, TMX, CSV/TSV
    #[arg(required = true, value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,
    /// The language of the drafts (by default detected, or named by the file)
    #[arg(long, value_name = "LANG")]
    pub(crate) doc_lang: Option<String>,
    /// The source text a plain-text draft translates (aligned by sentence, for term-missing)
    #[arg(long, value_name = "SRC")]
    pub(crate) source: Option<PathBuf>,
    /// Compare names across all the files, not only within each
    #[arg(long)]
    pub(crate) across: bool,
    /// Which spelling of an inconsistent name is the reference
    #[arg(long, value_enum, default_value_t = PreferArg::First)]
    pub(crate) prefer: PreferArg,
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub(crate) format: CheckFormat,
    /// The file to write (standard output by default)
    #[arg(short = 'o', long, value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
    /// Exit with 1 when a finding is at this severity or above
    #[arg(long, value_enum, default_value_t = SeverityArg::Warning)]
    pub(crate) fail_on: SeverityArg,
    /// Skip unreadable files and glossaries with a warning instead of stopping
    #[arg(long)]
    pub(crate) keep_going: bool,
}

fn warn(l10n: &L10n, error: &Error) {
    let prefix = l10n.msg("warning-prefix", &[]);
    let message = l10n.msg(
        "check-skipped",
        &[("reason", error_message(error, l10n).into())],
    );
    let _ = writeln!(anstream::stderr(), "{prefix}: {message}");
}

/// `Ok(None)` for an error skipped under `--keep-going`.
fn keep_going<T>(result: Result<T>, args: &CheckArgs, l10n: &L10n) -> Result<Option<T>> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(error) if args.keep_going => {
            warn(l10n, &error);
            Ok(None)
        }
        Err(error) => Err(error),
    }
}

fn glossaries(cli: &Cli, args: &CheckArgs, l10n: &L10n) -> Result<Vec<Glossary>> {
    let mut glossaries = if cli.no_default_glossaries {
        Vec::new()
    } else {
        builtin::shipped()?
    };
    for path in &cli.glossaries {
        glossaries.extend(keep_going(Glossary::read(path), args, l10n)?);
    }
    Ok(glossaries)
}

/// The options the command line gives.
pub(crate) fn options(args: &CheckArgs) -> Result<Options> {
    let mut options = Options::default();
    options.across = args.across;
    options.prefer = match args.prefer {
        PreferArg::First => Prefer::First,
        PreferArg::Majority => Prefer::Majority,
    };
    options.doc_lang = args.doc_lang_tag()?;
    Ok(options)
}

fn documents(args: &CheckArgs, checker: &Checker, l10n: &L10n) -> Result<Vec<Document>> {
    let source = match &args.source {
        Some(path) => keep_going(check::document::read(path), args, l10n)?,
        None => None,
    };
    let doc_lang = args.doc_lang_tag()?;
    let mut documents = Vec::new();
    for path in &args.files {
        let Some(mut document) = keep_going(check::load(path, doc_lang.as_ref()), args, l10n)?
        else {
            continue;
        };
        if let Some(source) = &source {
            let lang = checker.language_of(&document);
            let source_lang = check::language::detect(source);
            check::document::attach_source(&mut document, source, &source_lang, &lang);
        }
        documents.push(document);
    }
    Ok(documents)
}

impl CheckArgs {
    fn doc_lang_tag(&self) -> Result<Option<LangTag>> {
        Ok(self.doc_lang.as_deref().map(LangTag::parse).transpose()?)
    }
}

pub(crate) fn run(cli: &Cli, args: &CheckArgs, l10n: &L10n) -> Result<Outcome> {
    let checker = Checker::new(&glossaries(cli, args, l10n)?, options(args)?)?;
    let report = checker.check(documents(args, &checker, l10n)?);
    let color = args.format == CheckFormat::Human
        && args.output.is_none()
        && match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
    let target = args.output.clone().unwrap_or_else(|| PathBuf::from("-"));
    write_atomically(&target, |out| {
        let written = match args.format {
            CheckFormat::Human => human(&report, l10n, HumanStyle { color }, out),
            CheckFormat::Json => json(&report, l10n, out),
            CheckFormat::Jsonl => jsonl(&report, l10n, out),
        };
        written.map_err(|e| Error::io(Path::new(&target), e))
    })?;
    Ok(if report.fails(args.fail_on.severity()) {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}
