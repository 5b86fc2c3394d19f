//! The command line (clap). Help texts are English here; `localize` replaces them from Fluent.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "tarjuman",
    version,
    about = "Translation memory, glossary and name checks for English, Azerbaijani, Kazakh and Arabic"
)]
pub(crate) struct Cli {
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

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn command_line_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
