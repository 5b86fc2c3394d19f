//! tarjuman: translation memory, glossary and name-consistency checks for English, Azerbaijani,
//! Kazakh and Arabic.
//!
//! Modules depend one way: `model` ← `text` ← {`formats`, `memory`, `glossary`, `names`, `segment`,
//! `align`} ← {`check`, `analysis`} ← `render` (`segment` reads SRX through the XML layer of
//! `formats`; `analysis` reads documents through `formats` and `segment` and looks them up in
//! `memory`); `l10n` serves `render` and the binary. The library never prints; errors are typed ([`error::Error`]) and carry
//! the file, line and column. This is the binary's engine: its API is not yet stable.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod align;
pub mod analysis;
pub mod check;
pub mod error;
pub mod formats;
pub mod glossary;
pub mod l10n;
pub mod memory;
pub mod model;
pub mod names;
pub mod output;
pub mod project;
pub mod render;
pub mod segment;
pub mod text;
