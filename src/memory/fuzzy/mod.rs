//! Fuzzy matching against the memory: the CAT score, an exact top-k index, and its upkeep.

mod count;
mod cpu;
mod index;
mod myers;
mod positional;
mod score;
mod search;
mod terms;
mod upkeep;
mod zones;

pub use index::{Entry, Index, Meta};
pub use score::{Metric, WordInterner, max_distance, percent, prepare, score, units};
pub use search::{Hit, Query, SearchStats, Searcher, brute_force, brute_force_words};
pub use upkeep::{build, index_path, is_stale, open_or_build, refresh};
