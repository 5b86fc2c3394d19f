//! The Unicode text core: normalization, case folding, Arabic letter variants, invisible characters,
//! word and sentence boundaries. One function per rule, each tested with real examples.

pub mod invisible;

pub use invisible::{find_invisible, is_invisible, show_invisible, strip_invisible};
