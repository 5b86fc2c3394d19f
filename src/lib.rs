//! tarjuman: translation memory, glossary and name-consistency checks for English, Azerbaijani,
//! Kazakh and Arabic.
//!
//! Modules depend one way: `model` ← `text` ← {`formats`, `memory`} ← the binary. The library never
//! prints; errors are typed ([`error::Error`]) and carry the file, line and column.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod error;
pub mod formats;
pub mod memory;
pub mod model;
pub mod text;
