//! The Unicode text core: normalization, case folding, Arabic letter variants, invisible characters,
//! word and sentence boundaries. One function per rule, each tested with real examples.

pub mod arabic;
pub mod case;
pub mod invisible;
pub mod normalize;
pub mod script;
pub mod segment;

pub use arabic::normalize_arabic;
pub use case::fold_case;
pub use invisible::{find_invisible, is_invisible, show_invisible, strip_invisible};
pub use normalize::{fold_whitespace, nfc, normalize_for_matching};
pub use script::{Script, dominant_script, script_of};
pub use segment::{Word, sentences, tokens, words};
