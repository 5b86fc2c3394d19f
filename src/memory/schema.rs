//! The store's SQL schema and its migrations. `PRAGMA user_version` holds the schema version; each
//! migration moves it up by one inside a transaction.

use rusqlite::Connection;

/// Migrations in order; migration `i` brings the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: units with multilingual variants.
    "CREATE TABLE units (
         id INTEGER PRIMARY KEY,
         -- xxh3-128 of the unit's sorted (language, content) pairs: what makes two units the same
         key BLOB NOT NULL UNIQUE,
         -- JSON of model::Props, NULL when empty
         props TEXT,
         -- when tarjuman first stored the unit, TMX date format (YYYYMMDDThhmmssZ)
         added TEXT NOT NULL
     );
     CREATE TABLE variants (
         unit INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
         ord INTEGER NOT NULL,
         -- canonical BCP 47 tag as the file had it (en-US)
         lang TEXT NOT NULL,
         -- the language matching uses (en, az, kk, kk-Latn, ar, or the other language's subtag)
         base TEXT NOT NULL,
         -- plain NFC text
         text TEXT NOT NULL,
         -- TMX inline markup, NULL when the segment has no inline codes
         markup TEXT,
         -- JSON of model::Props, NULL when empty
         props TEXT,
         PRIMARY KEY (unit, ord)
     ) WITHOUT ROWID;
     CREATE INDEX variants_by_base ON variants(base, unit);
     CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;",
    // 2: the concordance index (memory::concordance): trigrams of each variant's folded text, keyed
    // by unit << 16 | ord, and their document counts; filled on first search, not by import.
    "CREATE VIRTUAL TABLE concordance USING fts5(
         body, content='', detail='none', tokenize='trigram case_sensitive 1'
     );
     -- how many indexed variants hold each trigram (three 21-bit scalar values in one number)
     CREATE TABLE concordance_grams (gram INTEGER PRIMARY KEY, docs INTEGER NOT NULL);",
];

/// Builds the by-language index of variants, as migration 1 defines it. An import into an empty
/// store drops the index and builds it again at the end (one sort instead of an insert per variant).
pub(super) const CREATE_VARIANTS_BY_BASE: &str =
    "CREATE INDEX variants_by_base ON variants(base, unit)";
/// Drops the by-language index, inside an import's transaction.
pub(super) const DROP_VARIANTS_BY_BASE: &str = "DROP INDEX variants_by_base";

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The schema version of an open database (0 for a new file).
pub(super) fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Brings the schema up to [`SCHEMA_VERSION`]. The caller has checked that it is not newer.
pub(super) fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let current = version(conn)?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
