//! The translation memory: an embedded SQLite store of multilingual units, import and export.

mod export;
pub mod fuzzy;
mod import;
mod schema;
mod store;

pub use export::{ExportFormat, ExportOptions, export};
pub use import::{FileSummary, NoProgress, Progress, import};
pub use schema::SCHEMA_VERSION;
pub use store::{
    Added, Importer, LanguageCount, PairCount, PreparedUnit, Stats, Store, StoredUnit,
    normalize_unit, tmx_now,
};
