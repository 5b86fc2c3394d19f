//! Fuzzy matching against the memory: the CAT score, an exact top-k index, and its upkeep.

mod index;
mod score;
mod search;

pub use index::{Entry, Index, Meta};
pub use score::{Metric, WordInterner, max_distance, percent, prepare, score, units};
pub use search::{Hit, Query, Searcher, brute_force};
