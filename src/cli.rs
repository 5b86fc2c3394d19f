//! The command line (clap). The doc comments are the English help; [`localize`] replaces every help
//! text and heading from Fluent at run time (`cli-*` for the global options, `cmd-NAME` and
//! `cmd-NAME-ARG` for commands and their options), so `--help` speaks the interface language.

use std::path::PathBuf;

use clap::{ArgAction, Args, Command as ClapCommand, Parser, Subcommand, ValueEnum};
use tarjuman::l10n::L10n;

#[derive(Debug, Parser)]
#[command(
    name = "tarjuman",
    version,
    about = "Translation memory, glossary and name checks for English, Azerbaijani, Kazakh and Arabic",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    arg_required_else_help = true
)]
pub(crate) struct Cli {
    /// Print help
    #[arg(short = 'h', long, global = true, action = ArgAction::Help)]
    help: Option<bool>,
    /// Print version
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
    /// The memory store (an SQLite file)
    #[arg(
        long,
        global = true,
        env = "TARJUMAN_DB",
        default_value = "tarjuman.db"
    )]
    pub(crate) db: PathBuf,
    /// Interface language: en, az, kk or ar
    #[arg(long, global = true, value_name = "LANG")]
    pub(crate) lang: Option<String>,
    /// Print only errors; no progress bars
    #[arg(long, short, global = true)]
    pub(crate) quiet: bool,
    /// When to use colours
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub(crate) color: ColorChoice,
    /// Also use this glossary (repeatable)
    #[arg(long = "glossary", global = true, value_name = "FILE")]
    pub(crate) glossaries: Vec<PathBuf>,
    /// Do not use the glossaries shipped with tarjuman
    #[arg(long, global = true)]
    pub(crate) no_default_glossaries: bool,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Import TMX, CSV/TSV, XLIFF or PO files into the memory (all or nothing)
    Import(ImportArgs),
    /// Export the memory as TMX 1.4b, CSV or TSV
    Export(ExportArgs),
    /// Count the units in the memory, per language and language pair
    Stats(StatsArgs),
    /// Find the best fuzzy matches for text in the memory
    Match(MatchArgs),
    /// Count a document's segments, words and characters by how well the memory matches them
    Analyze(crate::analyze_cmd::AnalyzeArgs),
    /// Fill a document's translations from the memory: XLIFF stays XLIFF, PO stays PO, text becomes
    /// XLIFF 2.0
    Pretranslate(crate::pretranslate_cmd::PretranslateArgs),
    /// A concordance: where a piece of text occurs in the memory, with its translations
    Search(crate::search_cmd::SearchArgs),
    /// Glossaries: browse, check, convert, and find their names in text
    Glossary(crate::glossary_cmd::GlossaryArgs),
    /// Split a document into sentences, or export the segmentation rules as SRX 2.0
    Segment(crate::segment_cmd::SegmentArgs),
    /// Align the sentences of a document and its translation
    Align(crate::segment_cmd::AlignArgs),
    /// Names in drafts (every name with its spellings, counts and places), or --pairs: whether two spellings are the same name
    Names(crate::names_cmd::NamesArgs),
    /// Check drafts for glossary variants, inconsistent names, mixed scripts and missing terms
    Check(crate::check_cmd::CheckArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum MetricArg {
    Chars,
    Words,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum MatchFormat {
    Human,
    Json,
    Jsonl,
}

#[derive(Debug, Args)]
pub(crate) struct MatchArgs {
    /// The language of the text to match
    #[arg(long, value_name = "LANG")]
    pub(crate) from: String,
    /// The language of the translations to show
    #[arg(long, value_name = "LANG")]
    pub(crate) to: String,
    /// How many matches per query
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub(crate) top: usize,
    /// The lowest score shown, in percent
    #[arg(long, default_value_t = 70.0, value_name = "P")]
    pub(crate) min: f64,
    /// What the edit distance counts
    #[arg(long, value_enum, default_value_t = MetricArg::Chars)]
    pub(crate) metric: MetricArg,
    /// Output format
    #[arg(long, value_enum, default_value_t = MatchFormat::Human)]
    pub(crate) format: MatchFormat,
    /// A file of queries, one per line (otherwise TEXT, or standard input)
    #[arg(long, value_name = "FILE", conflicts_with = "text")]
    pub(crate) queries: Option<PathBuf>,
    /// The segment before the query: a 100 % match after the same segment in the memory is 101
    #[arg(long, value_name = "TEXT")]
    pub(crate) context_prev: Option<String>,
    /// The segment after the query: a 100 % match before the same segment in the memory is 101
    #[arg(long, value_name = "TEXT")]
    pub(crate) context_next: Option<String>,
    /// The query's identifier (x-context, msgctxt, resname): a 100 % match with the same one is 101
    #[arg(long, value_name = "ID")]
    pub(crate) context: Option<String>,
    /// The text to match
    #[arg(value_name = "TEXT")]
    pub(crate) text: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum InputFormat {
    Tmx,
    Csv,
    Tsv,
    Xliff,
    Po,
}

#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// Files to import
    #[arg(required = true, value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,
    /// The format of the files (by default from the extension and content)
    #[arg(long, value_enum)]
    pub(crate) format: Option<InputFormat>,
    /// The source language of files that do not name it (PO: en)
    #[arg(long, value_name = "LANG")]
    pub(crate) source_lang: Option<String>,
    /// The target language of files that do not name it
    #[arg(long, value_name = "LANG")]
    pub(crate) target_lang: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    Tmx,
    Csv,
    Tsv,
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The file to write, or - for standard output
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: PathBuf,
    /// The format (by default from the extension of the output, else TMX)
    #[arg(long, value_enum)]
    pub(crate) format: Option<OutputFormat>,
    /// Only these languages, comma-separated
    #[arg(long, value_delimiter = ',', value_name = "LANGS")]
    pub(crate) langs: Vec<String>,
    /// The source language written in the TMX header
    #[arg(long, value_name = "LANG")]
    pub(crate) srclang: Option<String>,
    /// Write CSV cells as they are, without neutralizing spreadsheet formulas
    #[arg(long)]
    pub(crate) no_sanitize: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum StatsFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct StatsArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = StatsFormat::Human)]
    pub(crate) format: StatsFormat,
}

/// The Fluent message id of an argument's help: `cli-ARG` on the top level, `cmd-NAME-ARG` in a
/// command (`NAME` is the command's path: `glossary-export` for `glossary export`).
fn arg_message_id(command: Option<&str>, arg: &str) -> String {
    let arg = arg.replace('_', "-");
    match command {
        None => format!("cli-{arg}"),
        Some(name) => format!("cmd-{name}-{arg}"),
    }
}

/// Sets the help texts and headings of `cmd` (and its commands) from `l10n`.
pub(crate) fn localize(cmd: ClapCommand, l10n: &L10n) -> ClapCommand {
    localize_command(cmd, None, l10n)
}

fn localize_command(mut cmd: ClapCommand, name: Option<&str>, l10n: &L10n) -> ClapCommand {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        l10n.msg("cli-usage-heading", &[])
    );
    cmd = cmd
        .about(l10n.msg(
            &name.map_or("cli-about".to_string(), |n| format!("cmd-{n}")),
            &[],
        ))
        .help_template(template)
        .subcommand_help_heading(l10n.msg("cli-commands-heading", &[]));
    let options = l10n.msg("cli-options-heading", &[]);
    let arguments = l10n.msg("cli-arguments-heading", &[]);
    let args: Vec<(String, bool, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional(), a.is_global_set()))
        .collect();
    for (id, positional, global) in args {
        // Global options are localized once, on the top level, and propagate from there.
        let owner = if global { None } else { name };
        let heading = if positional { &arguments } else { &options };
        let mut message = l10n.msg(&arg_message_id(owner, &id), &[]);
        cmd = cmd.mut_arg(id, |a| {
            // clap's own "[default: …]" and "[possible values: …]" are English: say them here.
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .map(|v| v.get_name().to_string())
                .collect();
            let takes_values = a.get_action().takes_values();
            if takes_values && !values.is_empty() {
                let values = values.join(", ");
                message.push_str(&format!(
                    " ({})",
                    l10n.msg("cli-values", &[("values", values.into())])
                ));
            }
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if takes_values && !defaults.is_empty() {
                let value = defaults.join(",");
                message.push_str(&format!(
                    " ({})",
                    l10n.msg("cli-default", &[("value", value.into())])
                ));
            }
            let a = a.help(message).help_heading(heading.clone());
            if takes_values {
                a.hide_possible_values(true)
                    .hide_default_value(true)
                    .hide_env(true)
            } else {
                a
            }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in names {
        let path = command_path(name, &sub);
        cmd = cmd.mut_subcommand(&sub, |s| localize_command(s, Some(&path), l10n));
    }
    cmd
}

/// The message-id name of subcommand `sub` of `parent`: `export`, or `glossary-export` when
/// nested, so nested commands do not share ids with top-level ones.
fn command_path(parent: Option<&str>, sub: &str) -> String {
    match parent {
        None => sub.to_string(),
        Some(parent) => format!("{parent}-{sub}"),
    }
}

/// Every Fluent message id the command line uses, for the tests.
#[cfg(test)]
pub(crate) fn message_ids(cmd: &ClapCommand, name: Option<&str>, out: &mut Vec<String>) {
    out.push(name.map_or("cli-about".to_string(), |n| format!("cmd-{n}")));
    for arg in cmd.get_arguments() {
        let owner = if arg.is_global_set() { None } else { name };
        out.push(arg_message_id(owner, arg.get_id().as_str()));
    }
    for sub in cmd.get_subcommands() {
        message_ids(sub, Some(&command_path(name, sub.get_name())), out);
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_help_text_has_a_message_in_every_language() {
        let mut ids = vec![
            "cli-values".to_string(),
            "cli-default".to_string(),
            "cli-usage-heading".to_string(),
            "cli-options-heading".to_string(),
            "cli-arguments-heading".to_string(),
            "cli-commands-heading".to_string(),
        ];
        message_ids(&Cli::command(), None, &mut ids);
        for lang in ["en", "az", "kk", "ar"] {
            let l10n = L10n::new(lang);
            for id in &ids {
                assert!(l10n.has_own(id), "{lang}: no message {id}");
            }
        }
    }

    #[test]
    fn help_is_localized() {
        let mut cmd = localize(Cli::command(), &L10n::new("kk"));
        let help = cmd.render_help().to_string();
        assert!(help.contains("Қолданылуы:"), "{help}");
        let mut cmd = localize(Cli::command(), &L10n::new("ar"));
        let import = cmd.find_subcommand_mut("import").unwrap();
        let help = import.render_help().to_string();
        assert!(help.contains("الاستخدام:"), "{help}");
    }
}
