//! The glue between the command line and the library: options resolved, commands run, messages
//! printed in the interface language. No domain logic lives here.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::error::{ContextKind, ErrorKind};
use clap::{ColorChoice as ClapColor, CommandFactory, FromArgMatches};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tarjuman::error::{Error, Result};
use tarjuman::formats::{Format, ReadOptions};
use tarjuman::l10n::{self, Arg, L10n};
use tarjuman::memory::fuzzy::{self, Index};
use tarjuman::memory::{self, ExportFormat, ExportOptions, Progress, Store};
use tarjuman::model::LangTag;
use tarjuman::output::write_atomically;
use tarjuman::render::error_message;

use crate::cli::{
    Cli, ColorChoice, Command, ExportArgs, ImportArgs, InputFormat, OutputFormat, StatsArgs,
    StatsFormat, localize,
};

/// What a command found: decides between exit codes 0 and 1.
pub(crate) enum Outcome {
    Success,
    /// Problems found (or nothing found where something was asked for): exit code 1.
    Findings,
}

/// Exit code for usage, input and I/O errors.
const EXIT_ERROR: u8 = 2;

/// The value of `--lang` in the raw arguments, read before clap so that `--help` can be localized.
/// After `segment`, `--lang` is the document's language, not the interface's.
fn lang_flag(args: &[String]) -> Option<String> {
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--" || arg == "segment" || arg == "search" {
            break;
        }
        if arg == "--lang" {
            return iter.next().cloned();
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Some(value.to_string());
        }
    }
    None
}

/// Whether `--lang` is given after `command` in the raw arguments: there it is the command's own
/// option (the language searched), before it the interface language, and clap sees one option.
pub(crate) fn command_has_lang(command: &str) -> bool {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    lang_after(&args, command)
}

fn lang_after(args: &[String], command: &str) -> bool {
    args.iter()
        .skip_while(|a| *a != command)
        .take_while(|a| *a != "--")
        .any(|a| a == "--lang" || a.starts_with("--lang="))
}

/// `--color never|always` (or `NO_COLOR`) read before clap, so that clap's own output follows it.
fn lang_independent_color(args: &[String]) -> Option<bool> {
    let mut value = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        if arg == "--color" {
            value = iter.next().cloned();
        } else if let Some(v) = arg.strip_prefix("--color=") {
            value = Some(v.to_string());
        }
    }
    match value.as_deref() {
        Some("never") => Some(false),
        Some("always") => Some(true),
        _ if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) => Some(false),
        _ => None,
    }
}

/// A clap usage error in the interface language.
fn clap_error_message(err: &clap::Error, l10n: &L10n) -> String {
    let context = |kind: ContextKind| err.get(kind).map(|v| v.to_string()).unwrap_or_default();
    match err.kind() {
        ErrorKind::UnknownArgument => l10n.msg(
            "cli-error-unknown-argument",
            &[("arg", context(ContextKind::InvalidArg).into())],
        ),
        ErrorKind::InvalidSubcommand => l10n.msg(
            "cli-error-unknown-command",
            &[("command", context(ContextKind::InvalidSubcommand).into())],
        ),
        ErrorKind::InvalidValue => l10n.msg(
            "cli-error-invalid-value",
            &[
                ("value", context(ContextKind::InvalidValue).into()),
                ("arg", context(ContextKind::InvalidArg).into()),
                ("values", context(ContextKind::ValidValue).into()),
            ],
        ),
        ErrorKind::MissingRequiredArgument => l10n.msg(
            "cli-error-missing-argument",
            &[("args", context(ContextKind::InvalidArg).into())],
        ),
        ErrorKind::ArgumentConflict => l10n.msg(
            "cli-error-conflict",
            &[
                ("arg", context(ContextKind::InvalidArg).into()),
                ("other", context(ContextKind::PriorArg).into()),
            ],
        ),
        _ => l10n.msg("cli-error-other", &[]),
    }
}

/// Chooses the interface language; an unknown one gives English and a warning.
fn choose_language(args: &[String]) -> (L10n, Option<String>) {
    let requested =
        l10n::requested_language(lang_flag(args).as_deref(), |var| std::env::var(var).ok());
    match requested {
        None => (L10n::new("en"), None),
        Some(requested) => match l10n::ui_language(&requested) {
            Some(lang) => (L10n::new(lang), None),
            None => (L10n::new("en"), Some(requested)),
        },
    }
}

/// Runs the command line and returns the process exit code.
pub(crate) fn main() -> ExitCode {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let (l10n, unknown_lang) = choose_language(&args);
    let warn = |message: String| {
        let prefix = l10n.msg("warning-prefix", &[]);
        let _ = writeln!(anstream::stderr(), "{prefix}: {message}");
    };
    if let Some(lang) = unknown_lang {
        warn(l10n.msg("warning-unknown-ui-lang", &[("lang", lang.into())]));
    }
    let color = match lang_independent_color(&args) {
        Some(false) => ClapColor::Never,
        Some(true) => ClapColor::Always,
        None => ClapColor::Auto,
    };
    let command = localize(Cli::command(), &l10n).color(color);
    let parsed = command
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) if !err.use_stderr() => {
            // --help and --version: clap prints them (already localized) on standard output.
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        Err(err) if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            return ExitCode::from(EXIT_ERROR);
        }
        Err(err) => {
            let prefix = l10n.msg("error-prefix", &[]);
            let _ = writeln!(
                anstream::stderr(),
                "{prefix}: {}\n\n{}",
                clap_error_message(&err, &l10n),
                l10n.msg("cli-error-hint", &[])
            );
            return ExitCode::from(EXIT_ERROR);
        }
    };
    match run(&cli, &l10n) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(err) => {
            let prefix = l10n.msg("error-prefix", &[]);
            let _ = writeln!(
                anstream::stderr(),
                "{prefix}: {}",
                error_message(&err, &l10n)
            );
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn run(cli: &Cli, l10n: &L10n) -> Result<Outcome> {
    match &cli.command {
        Command::Import(args) => import(cli, args, l10n),
        Command::Export(args) => export(cli, args, l10n),
        Command::Stats(args) => stats(cli, args, l10n),
        Command::Match(args) => crate::match_cmd::run(cli, args, l10n),
        Command::Search(args) => crate::search_cmd::run(cli, args, l10n),
        Command::Analyze(args) => crate::analyze_cmd::run(cli, args, l10n),
        Command::Pretranslate(args) => crate::pretranslate_cmd::run(cli, args, l10n),
        Command::Glossary(args) => crate::glossary_cmd::run(cli, args, l10n),
        Command::Segment(args) => {
            crate::segment_cmd::segment(cli, args, l10n).map(|()| Outcome::Success)
        }
        Command::Align(args) => {
            crate::segment_cmd::align(cli, args, l10n).map(|()| Outcome::Success)
        }
        Command::Names(args) => crate::names_cmd::run(cli, args, l10n),
        Command::Check(args) => crate::check_cmd::run(cli, args, l10n),
    }
}

pub(crate) fn parse_lang(tag: Option<&str>) -> Result<Option<LangTag>> {
    tag.map(|t| LangTag::parse(t).map_err(Error::from))
        .transpose()
}

/// Whether the command's output gets colours: `--color`, else a terminal without `NO_COLOR`.
pub(crate) fn use_colour(cli: &Cli) -> bool {
    match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    }
}

/// Warns on standard error when the store has no text in matching language `base`, naming the
/// languages it has: the results will be empty.
pub(crate) fn warn_unknown_language(store: &Store, base: &str, l10n: &L10n) -> Result<()> {
    if store.has_language(base)? {
        return Ok(());
    }
    let known = store.bases()?.join(", ");
    let prefix = l10n.msg("warning-prefix", &[]);
    let message = l10n.msg(
        "warning-lang-not-in-store",
        &[("lang", base.to_string().into()), ("known", known.into())],
    );
    let _ = writeln!(anstream::stderr(), "{prefix}: {message}");
    Ok(())
}

/// Prints a line of the command's own output on standard output.
pub(crate) fn say(line: &str) -> Result<()> {
    writeln!(std::io::stdout(), "{line}").map_err(|e| Error::io(Path::new("-"), e))
}

/// The fuzzy-match index of `base`, built or brought up to date first when it is behind the store
/// (with a spinner on a terminal).
pub(crate) fn fuzzy_index(cli: &Cli, l10n: &L10n, store: &Store, base: &str) -> Result<Index> {
    if !fuzzy::is_stale(store, base)? {
        return fuzzy::open_or_build(store, base);
    }
    let message = l10n.msg("progress-indexing-matches", &[("lang", base.into())]);
    while_indexing(cli.quiet, message, || fuzzy::open_or_build(store, base))
}

/// Runs `work` (building an index) with a spinner and `message` on standard error, drawn only on a
/// terminal and without `--quiet`: the first match or search after an import of a large memory
/// takes a while, and should not look stuck.
pub(crate) fn while_indexing<T>(quiet: bool, message: String, work: impl FnOnce() -> T) -> T {
    if quiet || !std::io::stderr().is_terminal() {
        return work();
    }
    let spinner = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    spinner.set_style(
        ProgressStyle::with_template("{spinner} {msg} {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    spinner.set_message(message);
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    let result = work();
    spinner.finish_and_clear();
    result
}

/// A progress bar on standard error, drawn only on a terminal and without `--quiet`.
struct Bar<'a> {
    bar: ProgressBar,
    l10n: &'a L10n,
}

impl<'a> Bar<'a> {
    fn new(quiet: bool, l10n: &'a L10n) -> Bar<'a> {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        if quiet || !std::io::stderr().is_terminal() {
            bar.set_draw_target(ProgressDrawTarget::hidden());
        }
        bar.set_style(
            ProgressStyle::with_template("{msg} {wide_bar} {bytes}/{total_bytes} ({eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Bar { bar, l10n }
    }
}

impl Progress for Bar<'_> {
    fn start(&mut self, path: &Path, len: u64) {
        self.bar.reset();
        self.bar.set_length(len);
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.bar.set_message(
            self.l10n
                .msg("progress-importing", &[("file", file.into())]),
        );
    }
    fn advance(&mut self, bytes: u64) {
        self.bar.set_position(bytes);
    }
    fn finish(&mut self) {
        self.bar.finish_and_clear();
    }
}

fn input_format(format: InputFormat) -> Format {
    match format {
        InputFormat::Tmx => Format::Tmx,
        InputFormat::Csv => Format::Csv,
        InputFormat::Tsv => Format::Tsv,
        InputFormat::Xliff => Format::Xliff,
        InputFormat::Po => Format::Po,
    }
}

fn import(cli: &Cli, args: &ImportArgs, l10n: &L10n) -> Result<Outcome> {
    let options = ReadOptions {
        source_lang: parse_lang(args.source_lang.as_deref())?,
        target_lang: parse_lang(args.target_lang.as_deref())?,
    };
    // Every file must at least open before the store is touched.
    for path in &args.files {
        std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    }
    let mut bar = Bar::new(cli.quiet, l10n);
    let (store, summaries) = memory::import_into(
        &cli.db,
        &args.files,
        args.format.map(input_format),
        &options,
        &mut bar,
    )?;
    if cli.quiet {
        return Ok(Outcome::Success);
    }
    let mut added = 0;
    for summary in &summaries {
        added += summary.added;
        say(&l10n.msg(
            "import-file",
            &[
                ("path", summary.path.display().to_string().into()),
                ("units", summary.units.into()),
                ("added", summary.added.into()),
                ("duplicates", summary.duplicates.into()),
            ],
        ))?;
        let oddities = [
            ("import-single-language", summary.single_language),
            ("import-empty-segments", summary.empty_segments),
            ("import-empty-units", summary.empty_units),
            ("import-fuzzy", summary.skipped.fuzzy),
            ("import-obsolete", summary.skipped.obsolete),
            ("import-empty-units", summary.skipped.empty_entries),
            ("import-other-skipped", summary.skipped.other),
        ];
        for (id, count) in oddities {
            if count > 0 {
                say(&format!("  {}", l10n.msg(id, &[("count", count.into())])))?;
            }
        }
    }
    say(&l10n.msg(
        "import-total",
        &[
            ("total", store.unit_count()?.into()),
            ("added", added.into()),
        ],
    ))?;
    Ok(Outcome::Success)
}

fn export(cli: &Cli, args: &ExportArgs, l10n: &L10n) -> Result<Outcome> {
    let format = match args.format {
        Some(OutputFormat::Tmx) => ExportFormat::Tmx,
        Some(OutputFormat::Csv) => ExportFormat::Csv,
        Some(OutputFormat::Tsv) => ExportFormat::Tsv,
        None => match args
            .output
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("csv") => ExportFormat::Csv,
            Some("tsv" | "tab") => ExportFormat::Tsv,
            _ => ExportFormat::Tmx,
        },
    };
    let langs = args
        .langs
        .iter()
        .map(|tag| LangTag::parse(tag).map_err(Error::from))
        .collect::<Result<Vec<_>>>()?;
    let options = ExportOptions {
        format,
        langs: (!langs.is_empty()).then_some(langs),
        srclang: parse_lang(args.srclang.as_deref())?,
        sanitize: !args.no_sanitize,
    };
    let store = Store::open_existing(&cli.db)?;
    let written = match &store {
        Some(store) => write_atomically(&args.output, |out| {
            memory::export(store, out, &args.output, &options)
        })?,
        None => {
            // An empty memory still exports a valid, empty file.
            let dir = tempfile::tempdir().map_err(|e| Error::io(&cli.db, e))?;
            let empty = Store::open(&dir.path().join("empty.db"))?;
            write_atomically(&args.output, |out| {
                memory::export(&empty, out, &args.output, &options)
            })?
        }
    };
    if !cli.quiet && args.output != Path::new("-") {
        say(&l10n.msg(
            "export-done",
            &[
                ("units", written.into()),
                ("path", args.output.display().to_string().into()),
            ],
        ))?;
    }
    Ok(Outcome::Success)
}

/// A byte count for people: 1.5 MB.
fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

fn stats(cli: &Cli, args: &StatsArgs, l10n: &L10n) -> Result<Outcome> {
    let store = Store::open_existing(&cli.db)?;
    let stats = match &store {
        Some(store) => store.stats()?,
        None => memory::Stats {
            schema_version: memory::SCHEMA_VERSION,
            ..memory::Stats::default()
        },
    };
    let path = cli.db.display().to_string();
    match args.format {
        StatsFormat::Json => {
            let mut value = serde_json::to_value(&stats).unwrap_or_default();
            if let Some(object) = value.as_object_mut() {
                object.insert("path".into(), path.into());
            }
            say(&serde_json::to_string_pretty(&value).unwrap_or_default())?;
        }
        StatsFormat::Human => {
            if store.is_none() {
                say(&l10n.msg("stats-missing", &[("path", path.into())]))?;
                return Ok(Outcome::Success);
            }
            say(&l10n.msg("stats-store", &[("path", path.into())]))?;
            say(&l10n.msg(
                "stats-units",
                &[("count", Arg::Text(stats.units.to_string()))],
            ))?;
            if !stats.languages.is_empty() {
                say(&l10n.msg("stats-languages", &[]))?;
                let width = stats
                    .languages
                    .iter()
                    .map(|l| l.lang.len())
                    .max()
                    .unwrap_or(0);
                for lang in &stats.languages {
                    say(&format!("  {:width$}  {:>9}", lang.lang, lang.units))?;
                }
            }
            if !stats.pairs.is_empty() {
                say(&l10n.msg("stats-pairs", &[]))?;
                for pair in &stats.pairs {
                    let name = format!("{}–{}", pair.langs[0], pair.langs[1]);
                    say(&format!("  {name:16}  {:>9}", pair.units))?;
                }
            }
            say(&l10n.msg(
                "stats-size",
                &[("size", human_size(stats.size_bytes).into())],
            ))?;
        }
    }
    Ok(Outcome::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_flag_is_found_before_clap_runs() {
        let args = |s: &[&str]| s.iter().map(|a| a.to_string()).collect::<Vec<_>>();
        assert_eq!(
            lang_flag(&args(&["tarjuman", "--lang", "kk", "--help"])).as_deref(),
            Some("kk")
        );
        assert_eq!(
            lang_flag(&args(&["tarjuman", "match", "--lang=ar"])).as_deref(),
            Some("ar")
        );
        assert_eq!(lang_flag(&args(&["tarjuman", "--", "--lang", "ar"])), None);
    }

    #[test]
    fn a_command_lang_comes_after_the_command() {
        let args = |s: &[&str]| s.iter().map(|a| a.to_string()).collect::<Vec<_>>();
        assert!(!lang_after(
            &args(&["tarjuman", "--lang", "ar", "search", "x"]),
            "search"
        ));
        assert!(lang_after(
            &args(&["tarjuman", "search", "--lang=az", "x"]),
            "search"
        ));
        assert!(!lang_after(
            &args(&["tarjuman", "search", "--", "--lang"]),
            "search"
        ));
    }

    #[test]
    fn sizes_for_people() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(2_295_875), "2.3 MB");
    }
}
