//! The translation memory: an embedded SQLite store of multilingual units, import and export.

mod chunk;
pub mod codes;
mod concordance;
mod context;
mod export;
pub mod fuzzy;
mod import;
mod keys;
mod leverage;
pub mod placeable;
mod records;
mod schema;
mod staging;
mod store;

pub use concordance::{Occurrence, Pattern};
pub use context::Context;
pub use export::{ExportFormat, ExportOptions, export};
pub use import::{FileSummary, NoProgress, Progress, import, import_into, remove_store_files};
pub use leverage::{CONTEXT_SCORE, Leverage, Suggestion};
pub use records::Records;
pub use schema::SCHEMA_VERSION;
pub use store::{
    Added, Importer, LanguageCount, PairCount, Stats, Store, StoredUnit, normalize_unit, tmx_now,
};
