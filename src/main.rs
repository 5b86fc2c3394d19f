//! The `tarjuman` command: parses the command line, picks the interface language, runs the command
//! and maps the outcome to an exit code (0 success, 1 findings, 2 usage, input or I/O error).

mod analyze_cmd;
mod app;
mod check_cmd;
mod cli;
mod glossary_cmd;
mod match_cmd;
mod names_cmd;
mod pretranslate_cmd;
mod search_cmd;
mod segment_cmd;

use std::process::ExitCode;

fn main() -> ExitCode {
    app::main()
}
