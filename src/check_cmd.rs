//! `tarjuman check`: loads the glossaries and documents, runs the rules, renders the report.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use tarjuman::check::{self, Checker, Document, Options, Prefer, Report, Severity, fix};
use tarjuman::error::{Error, Reason, Result};
use tarjuman::glossary::{Glossary, builtin};
use tarjuman::l10n::{Arg, L10n};
use tarjuman::model::LangTag;
use tarjuman::output::write_atomically;
use tarjuman::project::{self, Project};
use tarjuman::render::error_message;
use tarjuman::render::report::{self, HumanStyle, human, json, jsonl};

use crate::app::Outcome;
use crate::cli::{Cli, ColorChoice};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum CheckFormat {
    Human,
    Json,
    Jsonl,
    Csv,
    Sarif,
    Html,
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
    /// The file to write (standard output by default); with --fix, the fixed text
    #[arg(short = 'o', long, value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
    /// Apply the unambiguous suggestions: to -o OUT, --in-place or as a --diff
    #[arg(long)]
    pub(crate) fix: bool,
    /// With --fix: rewrite each file, keeping the original as FILE.orig
    #[arg(long, requires = "fix", conflicts_with_all = ["output", "diff"])]
    pub(crate) in_place: bool,
    /// With --fix: show the fixes as a unified diff instead of writing them
    #[arg(long, requires = "fix", conflicts_with = "output")]
    pub(crate) diff: bool,
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

fn glossaries(
    cli: &Cli,
    args: &CheckArgs,
    project: Option<&Project>,
    l10n: &L10n,
) -> Result<Vec<Glossary>> {
    let shipped =
        !cli.no_default_glossaries && project.and_then(|p| p.default_glossaries).unwrap_or(true);
    let mut glossaries = if shipped {
        builtin::shipped()?
    } else {
        Vec::new()
    };
    let from_project = project.map(|p| p.glossaries.as_slice()).unwrap_or_default();
    for path in from_project.iter().chain(&cli.glossaries) {
        glossaries.extend(keep_going(Glossary::read(path), args, l10n)?);
    }
    Ok(glossaries)
}

/// The options the project file and the command line give.
pub(crate) fn options(args: &CheckArgs, project: Option<&Project>) -> Result<Options> {
    let mut options = Options::default();
    if let Some(project) = project {
        for (rule, setting) in &project.rules {
            if let Some(enabled) = setting.enabled {
                options.set_enabled(*rule, enabled);
            }
            if let Some(severity) = setting.severity {
                options.set_severity(*rule, severity);
            }
        }
        options
            .exceptions
            .extend(project.exceptions.iter().cloned());
    }
    options.across = args.across;
    options.prefer = match args.prefer {
        PreferArg::First => Prefer::First,
        PreferArg::Majority => Prefer::Majority,
    };
    options.doc_lang = args.doc_lang_tag()?;
    Ok(options)
}

fn documents(
    args: &CheckArgs,
    checker: &Checker,
    project: Option<&Project>,
    l10n: &L10n,
) -> Result<Vec<Document>> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let source = match &args.source {
        Some(path) => keep_going(check::document::read(path), args, l10n)?,
        None => None,
    };
    let doc_lang = args.doc_lang_tag()?;
    let mut documents = Vec::new();
    for path in &args.files {
        // --doc-lang, else the language the project file sets for this path.
        let lang = doc_lang
            .clone()
            .or_else(|| project.and_then(|p| p.language_for(path, &cwd)));
        let Some(mut document) = keep_going(check::load(path, lang.as_ref()), args, l10n)? else {
            continue;
        };
        if lang.is_some() {
            document.language = lang;
        }
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

/// The project file above the current folder, if there is one.
pub(crate) fn project_file() -> Result<Option<Project>> {
    let cwd = std::env::current_dir().unwrap_or_default();
    project::find(&cwd)
        .map(|path| project::load(&path))
        .transpose()
}

pub(crate) fn run(cli: &Cli, args: &CheckArgs, l10n: &L10n) -> Result<Outcome> {
    let project = project_file()?;
    let project = project.as_ref();
    // Without --in-place or --diff, the fixed text goes to one place: one file's text only.
    if args.fix && !args.in_place && !args.diff && args.files.len() > 1 {
        let output = args.output.as_deref().unwrap_or(Path::new("-"));
        return Err(Error::input(output, None, Reason::FixOneFile));
    }
    let checker = Checker::new(
        &glossaries(cli, args, project, l10n)?,
        options(args, project)?,
    )?;
    let report = checker.check(documents(args, &checker, project, l10n)?);
    if args.fix {
        return apply_fixes(cli, args, &report, l10n);
    }
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
            CheckFormat::Csv => report::csv::write(&report, l10n, out),
            CheckFormat::Sarif => report::sarif::write(&report, l10n, out),
            CheckFormat::Html => report::html::write(&report, l10n, out),
        };
        written.map_err(|e| Error::io(Path::new(&target), e))
    })?;
    Ok(if report.fails(args.fail_on.severity()) {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}

/// `--fix`: writes each document with its unambiguous suggestions applied (to `-o OUT`, over the
/// file with `--in-place`, or as a diff with `--diff`), says what it did on standard error, and
/// exits with 1 when findings at `--fail-on` remain unfixed.
fn apply_fixes(cli: &Cli, args: &CheckArgs, report: &Report, l10n: &L10n) -> Result<Outcome> {
    let level = args.fail_on.severity();
    let mut remaining = false;
    let mut diff = String::new();
    for document in &report.documents {
        // Suggestions that the file's format would have to escape are left for a person.
        let findings: Vec<check::Finding> = document
            .findings
            .iter()
            .map(|f| {
                let mut f = f.clone();
                f.suggestion = f.suggestion.filter(|s| fix::fits(&document.path, s));
                f
            })
            .collect();
        let fixed = fix::apply(&document.text, &findings);
        remaining |= document
            .findings
            .iter()
            .zip(&fixed.fixed)
            .any(|(f, done)| !done && f.severity >= level);
        let path = &document.path;
        if args.diff {
            let name = path.display().to_string();
            diff.push_str(&fix::unified_diff(
                &name,
                &name,
                &document.text,
                &fixed.text,
            ));
        } else if args.in_place {
            if fixed.applied > 0 {
                let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
                let mut original = path.as_os_str().to_owned();
                original.push(".orig");
                let original = PathBuf::from(original);
                std::fs::write(&original, &bytes).map_err(|e| Error::io(&original, e))?;
                let permissions = std::fs::metadata(path)
                    .map_err(|e| Error::io(path, e))?
                    .permissions();
                write_atomically(path, |out| {
                    out.write_all(&fix::encode_like(&bytes, &fixed.text))
                        .map_err(|e| Error::io(path, e))
                })?;
                // The new file is the old one rewritten: same permissions.
                std::fs::set_permissions(path, permissions).map_err(|e| Error::io(path, e))?;
            }
        } else {
            let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            let target = args.output.clone().unwrap_or_else(|| PathBuf::from("-"));
            write_atomically(&target, |out| {
                out.write_all(&fix::encode_like(&bytes, &fixed.text))
                    .map_err(|e| Error::io(&target, e))
            })?;
        }
        if !cli.quiet {
            let message = l10n.msg(
                "check-fix-done",
                &[
                    ("path", Arg::Text(path.display().to_string())),
                    ("applied", Arg::from(fixed.applied)),
                    ("skipped", Arg::from(fixed.skipped)),
                ],
            );
            let _ = writeln!(anstream::stderr(), "{message}");
        }
    }
    if args.diff {
        std::io::stdout()
            .write_all(diff.as_bytes())
            .map_err(|e| Error::io(Path::new("-"), e))?;
    }
    Ok(if remaining {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}
