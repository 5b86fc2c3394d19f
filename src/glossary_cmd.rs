//! `tarjuman glossary …`: the command line of the glossary (its arguments and what each command
//! prints). The work is done by `tarjuman::glossary`.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;
use tarjuman::error::{Error, Reason, Result};
use tarjuman::formats::tbx::{self, Concept, LangTerms, Status, Term, Termbase};
use tarjuman::glossary::{
    self, Column, Entry, Form, Glossary, Kind, Locator, Problem, Recognizer, RowWriter,
    WriteOptions, builtin, extract, import, search,
};
use tarjuman::l10n::{Arg, L10n};
use tarjuman::model::LangTag;
use tarjuman::output::write_atomically;
use tarjuman::text::{Script, dominant_script};

use crate::app::{Outcome, say};
use crate::cli::Cli;

#[derive(Debug, Args)]
pub(crate) struct GlossaryArgs {
    #[command(subcommand)]
    pub(crate) command: GlossaryCommand,
}

#[derive(Debug, Subcommand)]
pub(crate) enum GlossaryCommand {
    /// List the entries of the glossaries in use
    List(ListArgs),
    /// Show one entry with all its spellings
    Show(ShowArgs),
    /// Find entries by any spelling, in any script
    Search(SearchArgs),
    /// Append a validated entry to a glossary file
    Add(AddArgs),
    /// Check glossary files and report each problem with its line (exit 1 on problems)
    Validate(ValidateArgs),
    /// Convert a termbase (TBX, CSV/TSV, OmegaT) into a glossary file
    Import(ImportArgs),
    /// Write the glossaries in use as CSV, TSV or TBX
    Export(ExportArgs),
    /// List every mention of a glossary entry in text files
    Find(FindArgs),
    /// List candidate names and terms that no glossary has yet, as glossary CSV
    Extract(ExtractArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum EntryType {
    Person,
    Institution,
    Title,
    Place,
    Term,
}

#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    /// Only entries of this type
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub(crate) kind: Option<EntryType>,
}

#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    /// The entry id
    #[arg(value_name = "ID")]
    pub(crate) id: String,
}

#[derive(Debug, Args)]
pub(crate) struct SearchArgs {
    /// A spelling in any script
    #[arg(required = true, value_name = "TEXT")]
    pub(crate) text: Vec<String>,
}

#[derive(Debug, Args)]
pub(crate) struct AddArgs {
    /// The glossary file (created when missing)
    #[arg(value_name = "FILE")]
    pub(crate) file: PathBuf,
    /// The id of the new entry
    #[arg(long)]
    pub(crate) id: String,
    /// What the entry names
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub(crate) kind: EntryType,
    /// The English form
    #[arg(long)]
    pub(crate) en: Option<String>,
    /// The Azerbaijani form (Latin)
    #[arg(long)]
    pub(crate) az: Option<String>,
    /// The Kazakh form (Cyrillic)
    #[arg(long)]
    pub(crate) kk: Option<String>,
    /// The Arabic form
    #[arg(long)]
    pub(crate) ar: Option<String>,
    /// The form in another language, as LANG=TEXT (repeatable)
    #[arg(long, value_name = "LANG=TEXT")]
    pub(crate) form: Vec<String>,
    /// Known variant spellings, |-separated
    #[arg(long)]
    pub(crate) variants: Option<String>,
    /// Accepted alternative spellings, |-separated
    #[arg(long)]
    pub(crate) allowed: Option<String>,
    /// Deprecated spellings, |-separated
    #[arg(long)]
    pub(crate) forbidden: Option<String>,
    /// A note for people
    #[arg(long)]
    pub(crate) note: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    /// Glossary files to check
    #[arg(required = true, value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// The termbase to convert
    #[arg(value_name = "FILE")]
    pub(crate) file: PathBuf,
    /// The glossary file to write
    #[arg(short, long, value_name = "GLOSSARY")]
    pub(crate) output: PathBuf,
    /// Merge into the existing glossary file and report conflicts
    #[arg(long)]
    pub(crate) append: bool,
    /// The language of the first column of a file without a header (OmegaT)
    #[arg(long, value_name = "LANG")]
    pub(crate) source_lang: Option<String>,
    /// The language of the second column of a file without a header (OmegaT)
    #[arg(long, value_name = "LANG")]
    pub(crate) target_lang: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportFormat {
    Csv,
    Tsv,
    Tbx,
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The file to write, or - for standard output
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: PathBuf,
    /// The format (by default from the extension of the output, else CSV)
    #[arg(long, value_enum)]
    pub(crate) format: Option<ExportFormat>,
    /// Only these languages, comma-separated
    #[arg(long, value_delimiter = ',', value_name = "LANGS")]
    pub(crate) langs: Vec<String>,
    /// Two columns, source and target, as OmegaT, memoQ and Trados import them
    #[arg(long, value_name = "SRC:TGT")]
    pub(crate) pair: Option<String>,
    /// A UTF-8 byte order mark and CRLF line ends, for Excel
    #[arg(long)]
    pub(crate) excel: bool,
    /// Write cells as they are, without neutralizing spreadsheet formulas
    #[arg(long)]
    pub(crate) no_sanitize: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum FindFormat {
    Human,
    Jsonl,
}

#[derive(Debug, Args)]
pub(crate) struct FindArgs {
    /// Text files to search
    #[arg(required = true, value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = FindFormat::Human)]
    pub(crate) format: FindFormat,
}

#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    /// Text files to read (the global --lang names their language)
    #[arg(required = true, value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,
}

/// Runs a glossary command.
pub(crate) fn run(cli: &Cli, args: &GlossaryArgs, l10n: &L10n) -> Result<Outcome> {
    match &args.command {
        GlossaryCommand::List(a) => list(cli, a, l10n),
        GlossaryCommand::Show(a) => show(cli, a, l10n),
        GlossaryCommand::Search(a) => search_cmd(cli, a, l10n),
        GlossaryCommand::Add(a) => add(cli, a, l10n),
        GlossaryCommand::Validate(a) => validate(cli, a, l10n),
        GlossaryCommand::Import(a) => import_cmd(cli, a, l10n),
        GlossaryCommand::Export(a) => export(cli, a, l10n),
        GlossaryCommand::Find(a) => find(cli, a, l10n),
        GlossaryCommand::Extract(a) => extract_cmd(cli, a),
    }
}

/// The glossaries in use: the shipped ones unless `--no-default-glossaries`, then every
/// `--glossary FILE` in order (later ones win).
fn loaded(cli: &Cli) -> Result<Vec<Glossary>> {
    let mut glossaries = if cli.no_default_glossaries {
        Vec::new()
    } else {
        builtin::shipped()?
    };
    for path in &cli.glossaries {
        glossaries.push(Glossary::read(path)?);
    }
    Ok(glossaries)
}

fn kind_of(t: EntryType) -> Kind {
    match t {
        EntryType::Person => Kind::Person,
        EntryType::Institution => Kind::Institution,
        EntryType::Title => Kind::Title,
        EntryType::Place => Kind::Place,
        EntryType::Term => Kind::Term,
    }
}

fn lang(tag: &str) -> Result<LangTag> {
    LangTag::parse(tag).map_err(Error::from)
}

fn forms_line(entry: &Entry) -> String {
    entry
        .forms
        .iter()
        .map(|(_, f)| f.as_str())
        .collect::<Vec<_>>()
        .join(" · ")
}

fn list(cli: &Cli, args: &ListArgs, l10n: &L10n) -> Result<Outcome> {
    let merged = Glossary::merged(&loaded(cli)?);
    let wanted = args.kind.map(kind_of);
    let mut count = 0usize;
    for entry in &merged.entries {
        if wanted.as_ref().is_some_and(|k| *k != entry.kind) {
            continue;
        }
        count += 1;
        say(&format!(
            "{:<24} {:<12} {}",
            entry.id,
            entry.kind.as_str(),
            forms_line(entry)
        ))?;
    }
    if !cli.quiet {
        say(&l10n.msg("glossary-list-summary", &[("count", count.into())]))?;
    }
    Ok(Outcome::Success)
}

fn show(cli: &Cli, args: &ShowArgs, l10n: &L10n) -> Result<Outcome> {
    let glossaries = loaded(cli)?;
    let merged = Glossary::merged(&glossaries);
    let Some(entry) = merged.entry(&args.id) else {
        say_err(&l10n.msg("glossary-no-entry", &[("id", args.id.clone().into())]));
        return Ok(Outcome::Findings);
    };
    let field = |name: &str| l10n.msg(&format!("glossary-field-{name}"), &[]);
    say(&format!("{}: {}", field("id"), entry.id))?;
    say(&format!("{}: {}", field("type"), entry.kind.as_str()))?;
    for (tag, form) in &entry.forms {
        say(&format!("  {tag}: {form}"))?;
    }
    for (name, list) in [
        ("allowed", &entry.allowed),
        ("variants", &entry.variants),
        ("forbidden", &entry.forbidden),
    ] {
        if !list.is_empty() {
            say(&format!("{}: {}", field(name), list.join(" | ")))?;
        }
    }
    if !entry.note.is_empty() {
        say(&format!("{}: {}", field("note"), entry.note))?;
    }
    for (name, value) in entry.other.iter().filter(|(_, v)| !v.is_empty()) {
        say(&format!("{name}: {value}"))?;
    }
    if let Some(g) = glossaries
        .iter()
        .rev()
        .find(|g| g.entry(&entry.id).is_some())
    {
        say(&format!("{}: {}", field("glossary"), g.name))?;
    }
    Ok(Outcome::Success)
}

fn say_err(line: &str) {
    let _ = writeln!(anstream::stderr(), "{line}");
}

fn warn(l10n: &L10n, message: &str) {
    say_err(&format!("{}: {message}", l10n.msg("warning-prefix", &[])));
}

fn search_cmd(cli: &Cli, args: &SearchArgs, l10n: &L10n) -> Result<Outcome> {
    let merged = Glossary::merged(&loaded(cli)?);
    let query = args.text.join(" ");
    let hits = search::search(&merged, &query);
    if hits.is_empty() {
        say_err(&l10n.msg("glossary-search-none", &[("text", query.into())]));
        return Ok(Outcome::Findings);
    }
    for hit in hits.iter().take(20) {
        let entry = &merged.entries[hit.entry];
        say(&l10n.msg(
            "glossary-search-hit",
            &[
                ("id", entry.id.clone().into()),
                ("type", entry.kind.as_str().to_string().into()),
                ("forms", forms_line(entry).into()),
                ("spelling", hit.spelling.clone().into()),
                ("score", format!("{:.2}", hit.score).into()),
            ],
        ))?;
    }
    Ok(Outcome::Success)
}

/// A validation problem in the interface language.
fn problem_message(problem: &Problem, l10n: &L10n) -> String {
    let args: Vec<(&str, Arg)> = problem
        .args()
        .into_iter()
        .map(|(name, value)| (name, Arg::Text(value)))
        .collect();
    l10n.msg(problem.message_id(), &args)
}

fn add(cli: &Cli, args: &AddArgs, l10n: &L10n) -> Result<Outcome> {
    let mut target = if args.file.exists() {
        Glossary::read(&args.file)?
    } else {
        Glossary::new(args.file.display().to_string())
    };
    let list = |s: &Option<String>| s.as_deref().map(glossary::split_list).unwrap_or_default();
    let mut entry = Entry {
        id: args.id.clone(),
        kind: kind_of(args.kind),
        variants: list(&args.variants),
        allowed: list(&args.allowed),
        forbidden: list(&args.forbidden),
        note: args.note.clone().unwrap_or_default(),
        line: target.entries.len() as u64 + 2,
        ..Entry::default()
    };
    let mut forms: Vec<(LangTag, String)> = Vec::new();
    for (tag, value) in [
        ("en", &args.en),
        ("az", &args.az),
        ("kk", &args.kk),
        ("ar", &args.ar),
    ] {
        if let Some(value) = value {
            forms.push((lang(tag)?, value.clone()));
        }
    }
    for pair in &args.form {
        let (tag, value) = pair.split_once('=').unwrap_or((pair.as_str(), ""));
        forms.push((lang(tag)?, value.to_string()));
    }
    for (tag, value) in forms {
        if !target.columns.contains(&Column::Lang(tag.clone())) {
            target.add_column(Column::Lang(tag.clone()));
        }
        entry.set_form(tag, value);
    }
    if !entry.allowed.is_empty() {
        target.add_column(Column::Allowed);
    }
    // Warn about likely variants of entries already known (in the file or in use).
    let mut known = loaded(cli)?;
    known.push(target.clone());
    let merged = Glossary::merged(&known);
    for (spelling, _) in entry.spellings() {
        for hit in search::search(&merged, spelling) {
            let other = &merged.entries[hit.entry];
            if other.id != entry.id && hit.score >= 0.8 {
                warn(
                    l10n,
                    &l10n.msg(
                        "glossary-add-similar",
                        &[
                            ("spelling", spelling.to_string().into()),
                            ("other", other.id.clone().into()),
                            ("match", hit.spelling.clone().into()),
                        ],
                    ),
                );
            }
        }
    }
    target.entries.push(entry.clone());
    let problems: Vec<Problem> = glossary::validate(&target)
        .into_iter()
        .filter(|p| p.line == entry.line)
        .collect();
    if !problems.is_empty() {
        for problem in &problems {
            say_err(&format!(
                "{}: {}",
                l10n.msg("error-prefix", &[]),
                problem_message(problem, l10n)
            ));
        }
        return Err(Error::input(
            &args.file,
            None,
            Reason::GlossaryEntryRejected(problems.len() as u64),
        ));
    }
    write_atomically(&args.file, |out| {
        target
            .write(out, &WriteOptions::default())
            .map_err(|e| Error::io(&args.file, e))
    })?;
    if !cli.quiet {
        say(&l10n.msg(
            "glossary-add-done",
            &[
                ("id", entry.id.into()),
                ("path", args.file.display().to_string().into()),
            ],
        ))?;
    }
    Ok(Outcome::Success)
}

fn validate(cli: &Cli, args: &ValidateArgs, l10n: &L10n) -> Result<Outcome> {
    let mut any = false;
    for path in &args.files {
        let g = Glossary::read(path)?;
        let problems = glossary::validate(&g);
        let shown = path.display().to_string();
        for problem in &problems {
            say(&l10n.msg(
                "glossary-problem-line",
                &[
                    ("path", shown.clone().into()),
                    ("line", Arg::Text(problem.line.to_string())),
                    ("message", problem_message(problem, l10n).into()),
                ],
            ))?;
        }
        if problems.is_empty() {
            if !cli.quiet {
                say(&l10n.msg(
                    "glossary-validate-ok",
                    &[("path", shown.into()), ("entries", g.entries.len().into())],
                ))?;
            }
        } else {
            any = true;
            say(&l10n.msg(
                "glossary-validate-problems",
                &[("path", shown.into()), ("count", problems.len().into())],
            ))?;
        }
    }
    Ok(if any {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}

fn write_glossary(path: &Path, g: &Glossary) -> Result<()> {
    let delimiter = glossary::sniff_delimiter(path, "");
    write_atomically(path, |out| {
        g.write(
            out,
            &WriteOptions {
                delimiter,
                ..WriteOptions::default()
            },
        )
        .map_err(|e| Error::io(path, e))
    })
}

fn import_cmd(cli: &Cli, args: &ImportArgs, l10n: &L10n) -> Result<Outcome> {
    let options = import::ImportOptions {
        source_lang: args.source_lang.as_deref().map(lang).transpose()?,
        target_lang: args.target_lang.as_deref().map(lang).transpose()?,
    };
    let incoming = import::import(&args.file, &options)?;
    let shown = args.output.display().to_string();
    if args.append && args.output.exists() {
        let mut existing = Glossary::read(&args.output)?;
        let report = import::merge_into(&mut existing, incoming);
        write_glossary(&args.output, &existing)?;
        for conflict in &report.conflicts {
            warn(
                l10n,
                &l10n.msg(
                    "glossary-import-conflict",
                    &[
                        ("id", conflict.id.clone().into()),
                        ("column", conflict.column.clone().into()),
                        ("kept", conflict.kept.clone().into()),
                        ("incoming", conflict.incoming.clone().into()),
                    ],
                ),
            );
        }
        if !cli.quiet {
            say(&l10n.msg(
                "glossary-import-merged",
                &[
                    ("path", shown.into()),
                    ("added", report.added.into()),
                    ("merged", report.merged.into()),
                    ("conflicts", report.conflicts.len().into()),
                ],
            ))?;
        }
    } else {
        write_glossary(&args.output, &incoming)?;
        if !cli.quiet {
            say(&l10n.msg(
                "glossary-import-done",
                &[
                    ("path", shown.into()),
                    ("entries", incoming.entries.len().into()),
                ],
            ))?;
        }
    }
    Ok(Outcome::Success)
}

/// The language a variant spelling most likely belongs to, among `langs`: by script, and for
/// Latin by Azerbaijani or Kazakh Latin letters.
fn language_for(spelling: &str, langs: &[LangTag]) -> Option<LangTag> {
    let wanted: &[&str] = match dominant_script(spelling) {
        Script::Arabic => &["ar"],
        Script::Cyrillic => &["kk", "ru"],
        Script::Latin if spelling.chars().any(|c| "äñūÄÑŪ".contains(c)) => &["kk-Latn", "en"],
        Script::Latin if spelling.chars().any(|c| "əƏğĞıİşŞçÇöÖüÜ".contains(c)) => {
            &["az", "en"]
        }
        Script::Latin => &["en", "az"],
        _ => &[],
    };
    wanted
        .iter()
        .find_map(|w| langs.iter().find(|l| l.base() == *w))
        .or_else(|| {
            langs
                .iter()
                .find(|l| glossary::expected_script(l) == Some(dominant_script(spelling)))
        })
        .cloned()
}

/// The glossary as a TBX termbase: per language the canonical form (preferred), and the other
/// spellings in the language their script suggests: allowed (admitted), variants (termType
/// variant) and forbidden (deprecated).
fn to_termbase(g: &Glossary, langs: &[LangTag]) -> Termbase {
    let mut concepts = Vec::new();
    for entry in &g.entries {
        let mut by_lang: Vec<LangTerms> = langs
            .iter()
            .map(|l| LangTerms {
                lang: l.as_str().to_string(),
                terms: entry
                    .form(l)
                    .map(|f| Term {
                        text: f.to_string(),
                        status: Some(Status::Preferred),
                        variant: false,
                    })
                    .into_iter()
                    .collect(),
            })
            .collect();
        for (spelling, form) in entry.spellings() {
            let (status, variant) = match form {
                Form::Canonical => continue,
                Form::Allowed => (Some(Status::Admitted), false),
                Form::Variant => (None, true),
                Form::Forbidden => (Some(Status::Deprecated), false),
            };
            let Some(tag) = language_for(spelling, langs) else {
                continue;
            };
            if let Some(slot) = by_lang.iter_mut().find(|l| l.lang == tag.as_str()) {
                slot.terms.push(Term {
                    text: spelling.to_string(),
                    status,
                    variant,
                });
            }
        }
        concepts.push(Concept {
            id: Some(entry.id.clone()),
            kind: Some(entry.kind.as_str().to_string()),
            notes: if entry.note.is_empty() {
                Vec::new()
            } else {
                vec![entry.note.clone()]
            },
            langs: by_lang,
        });
    }
    Termbase {
        lang: langs.first().map(|l| l.as_str().to_string()),
        concepts,
    }
}

fn export(cli: &Cli, args: &ExportArgs, l10n: &L10n) -> Result<Outcome> {
    let merged = Glossary::merged(&loaded(cli)?);
    let format = args.format.unwrap_or_else(|| {
        match args
            .output
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("tsv" | "tab" | "txt") => ExportFormat::Tsv,
            Some("tbx") => ExportFormat::Tbx,
            _ => ExportFormat::Csv,
        }
    });
    let mut langs = args
        .langs
        .iter()
        .map(|t| lang(t))
        .collect::<Result<Vec<_>>>()?;
    let pair = match &args.pair {
        Some(pair) => {
            let (src, tgt) = pair.split_once(':').unwrap_or((pair.as_str(), ""));
            Some((lang(src)?, lang(tgt)?))
        }
        None => None,
    };
    if let Some((src, tgt)) = &pair {
        langs = vec![src.clone(), tgt.clone()];
    }
    let options = WriteOptions {
        delimiter: if format == ExportFormat::Tsv {
            b'\t'
        } else {
            b','
        },
        sanitize: !args.no_sanitize,
        excel: args.excel,
        langs: (!langs.is_empty()).then(|| langs.clone()),
    };
    let output = &args.output;
    let written = write_atomically(output, |out| {
        let io = |e| Error::io(output, e);
        match (format, &pair) {
            (ExportFormat::Tbx, _) => {
                let columns: Vec<LangTag> = merged
                    .languages()
                    .into_iter()
                    .filter(|l| langs.is_empty() || langs.iter().any(|w| w.matches(l)))
                    .collect();
                let termbase = to_termbase(&merged, &columns);
                tbx::write(&termbase, &format!("tarjuman: {}", merged.name), out).map_err(io)?;
                Ok(termbase.concepts.len())
            }
            (_, Some((src, tgt))) => {
                let mut writer = RowWriter::new(out, &options).map_err(io)?;
                // OmegaT reads a TSV without a header; memoQ and Trados want the languages in a CSV header.
                if format == ExportFormat::Csv {
                    writer.row(&[src.as_str(), tgt.as_str()]).map_err(io)?;
                }
                let mut rows = 0;
                for entry in &merged.entries {
                    if let (Some(s), Some(t)) = (entry.form(src), entry.form(tgt)) {
                        writer.row(&[s, t]).map_err(io)?;
                        rows += 1;
                    }
                }
                Ok(rows)
            }
            (_, None) => {
                merged.write(out, &options).map_err(io)?;
                Ok(merged.entries.len())
            }
        }
    })?;
    if !cli.quiet && output != Path::new("-") {
        say(&l10n.msg(
            "glossary-export-done",
            &[
                ("entries", written.into()),
                ("path", output.display().to_string().into()),
            ],
        ))?;
    }
    Ok(Outcome::Success)
}

/// One mention in `--format jsonl` (a public interface: keep the keys).
#[derive(Serialize)]
struct MentionRecord<'a> {
    path: &'a str,
    line: u64,
    column: u64,
    end_line: u64,
    end_column: u64,
    entry: &'a str,
    found: &'a str,
    form: Form,
}

fn find(cli: &Cli, args: &FindArgs, l10n: &L10n) -> Result<Outcome> {
    let recognizer = Recognizer::new(&loaded(cli)?)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let dash = Path::new("-");
    for path in &args.files {
        let text = glossary::read_text(path)?;
        let shown = path.display().to_string();
        let mut locator = Locator::new(&text);
        for mention in recognizer.find(&text) {
            let (line, column) = locator.locate(mention.start);
            let (end_line, end_column) = locator.locate(mention.end);
            let found = &text[mention.start..mention.end];
            let entry = recognizer.entry_id(mention.entry);
            let line_out = match args.format {
                FindFormat::Jsonl => serde_json::to_string(&MentionRecord {
                    path: &shown,
                    line,
                    column,
                    end_line,
                    end_column,
                    entry,
                    found,
                    form: mention.form,
                })
                .unwrap_or_default(),
                FindFormat::Human => l10n.msg(
                    "glossary-find-mention",
                    &[
                        ("path", shown.clone().into()),
                        ("line", Arg::Text(line.to_string())),
                        ("column", Arg::Text(column.to_string())),
                        ("found", found.to_string().into()),
                        ("entry", entry.to_string().into()),
                        (
                            "form",
                            l10n.msg(&format!("glossary-form-{}", mention.form.as_str()), &[])
                                .into(),
                        ),
                    ],
                ),
            };
            writeln!(out, "{line_out}").map_err(|e| Error::io(dash, e))?;
        }
    }
    out.flush().map_err(|e| Error::io(dash, e))?;
    Ok(Outcome::Success)
}

fn extract_cmd(cli: &Cli, args: &ExtractArgs) -> Result<Outcome> {
    let recognizer = Recognizer::new(&loaded(cli)?)?;
    let doc_lang = cli.lang.as_deref().map(lang).transpose()?;
    let texts = args
        .files
        .iter()
        .map(|p| glossary::read_text(p))
        .collect::<Result<Vec<_>>>()?;
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let candidates = extract::extract(&refs, &recognizer);
    let g = extract::to_glossary(&candidates, doc_lang.as_ref());
    let dash = Path::new("-");
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    g.write(&mut out, &WriteOptions::default())
        .and_then(|()| out.flush())
        .map_err(|e| Error::io(dash, e))?;
    Ok(Outcome::Success)
}
