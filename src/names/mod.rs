//! Names across scripts: transliteration to comparable keys, and whether two spellings are the same
//! name (the labelling policy of `names-dev`: gendered forms, relatives and eponyms are different).
//!
//! Depends on `model` and `text` only.

pub mod cluster;
pub mod key;
pub mod translit;

pub use cluster::clusters;
pub use key::{SAME_THRESHOLD, name_key, similarity};
