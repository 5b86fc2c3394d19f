//! The store's SQL schema and its migrations. `PRAGMA user_version` holds the schema version; each
//! migration moves it up by one inside a transaction.

use rusqlite::{Connection, Transaction, params};

/// One step of the schema: SQL, or Rust where a column's values change form.
enum Migration {
    Sql(&'static str),
    Code(fn(&Transaction<'_>) -> rusqlite::Result<()>),
}

/// Migrations in order; migration `i` brings the schema from version `i` to `i + 1`.
const MIGRATIONS: &[Migration] = &[
    // 1: units with multilingual variants.
    Migration::Sql(
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
    ),
    // 2: the unit key becomes a 64-bit integer (the low half of the version 1 key) in a plain index.
    Migration::Code(integer_keys),
    // 3: the concordance index (memory::concordance): trigrams of each variant's folded text, keyed
    // by unit << 16 | ord, and their document counts; filled on first search, not by import.
    Migration::Sql(
        "CREATE VIRTUAL TABLE concordance USING fts5(
             body, content='', detail='none', tokenize='trigram case_sensitive 1'
         );
         -- how many indexed variants hold each trigram (three 21-bit scalar values in one number)
         CREATE TABLE concordance_grams (gram INTEGER PRIMARY KEY, docs INTEGER NOT NULL);",
    ),
    // 4: the word index beside it (memory::concordance): each unit's word-boundary tokens (the
    // ends of adjacent words, hashed, as decimal numbers), keyed by unit.
    Migration::Sql(
        "CREATE VIRTUAL TABLE concordance_words USING fts5(
             body, content='', columnsize=0, detail='none', tokenize='ascii'
         );",
    ),
];

/// Migration 2. A 16-byte key in a UNIQUE index cost an import two random B-tree descents per unit;
/// an integer key is smaller, and without the UNIQUE constraint an import into an empty store can
/// build the index once at the end. The store no longer trusts the hash alone: units with the same
/// key are compared variant by variant (a collision of 64 bits keeps both units).
fn integer_keys(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE units_v2 (
             id INTEGER PRIMARY KEY,
             -- low 64 bits of the xxh3-128 of the unit's sorted (language, content) pairs; units with
             -- the same key are the same when their variants are
             key INTEGER NOT NULL,
             -- JSON of model::Props, NULL when empty
             props TEXT,
             -- when tarjuman first stored the unit, TMX date format (YYYYMMDDThhmmssZ)
             added TEXT NOT NULL
         );",
    )?;
    {
        let mut read = tx.prepare("SELECT id, key, props, added FROM units ORDER BY id")?;
        let mut write =
            tx.prepare("INSERT INTO units_v2 (id, key, props, added) VALUES (?1, ?2, ?3, ?4)")?;
        let mut rows = read.query([])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let old: Vec<u8> = row.get(1)?;
            let mut low = [0u8; 8];
            low.copy_from_slice(&old[..8]);
            let props: Option<String> = row.get(2)?;
            let added: String = row.get(3)?;
            write.execute(params![id, i64::from_le_bytes(low), props, added])?;
        }
    }
    // Foreign keys are off while migrating, so dropping `units` leaves the variants be.
    tx.execute_batch(&format!(
        "DROP TABLE units;
         ALTER TABLE units_v2 RENAME TO units;
         {CREATE_UNITS_BY_KEY};"
    ))
}

/// Builds the index of units by key, as migration 2 defines it. An import into an empty store
/// drops the index and builds it again at the end (one sort instead of an insert per unit).
pub(super) const CREATE_UNITS_BY_KEY: &str = "CREATE INDEX units_by_key ON units(key)";
/// Builds the by-language index of variants, as migration 1 defines it; dropped and built again
/// like [`CREATE_UNITS_BY_KEY`].
pub(super) const CREATE_VARIANTS_BY_BASE: &str =
    "CREATE INDEX variants_by_base ON variants(base, unit)";
/// Drops both indexes, inside an import's transaction.
pub(super) const DROP_INDEXES: &str = "DROP INDEX units_by_key; DROP INDEX variants_by_base;";

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The schema version of an open database (0 for a new file).
pub(super) fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Brings the schema up to [`SCHEMA_VERSION`]. The caller has checked that it is not newer.
pub(super) fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Brings the schema up to `target`, with foreign keys off meanwhile (a migration may rebuild a
/// table others refer to); each step checks them before it commits.
pub(super) fn migrate_to(conn: &mut Connection, target: i64) -> rusqlite::Result<()> {
    let current = version(conn)?;
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let result = (|| {
        for (index, migration) in MIGRATIONS
            .iter()
            .enumerate()
            .take(target as usize)
            .skip(current as usize)
        {
            let tx = conn.transaction()?;
            match migration {
                Migration::Sql(sql) => tx.execute_batch(sql)?,
                Migration::Code(step) => step(&tx)?,
            }
            let dangling: Option<String> = tx
                .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
                .map(Some)
                .or_else(|e| match e {
                    rusqlite::Error::QueryReturnedNoRows => Ok(None),
                    e => Err(e),
                })?;
            if let Some(table) = dangling {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
                    Some(format!(
                        "migration {} leaves rows of {table} without their unit",
                        index + 1
                    )),
                ));
            }
            tx.pragma_update(None, "user_version", index as i64 + 1)?;
            tx.commit()?;
        }
        Ok(())
    })();
    conn.pragma_update(None, "foreign_keys", "ON")?;
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A version 1 store with one unit, its key as version 1 computed it.
    fn version_1_store(path: &std::path::Path) -> (i64, Vec<u8>) {
        let mut conn = Connection::open(path).unwrap();
        migrate_to(&mut conn, 1).unwrap();
        assert_eq!(version(&conn).unwrap(), 1);
        let key: Vec<u8> = (1..=16).collect();
        conn.execute_batch(
            "INSERT INTO units (id, key, props, added) VALUES
                 (7, x'0102030405060708090a0b0c0d0e0f10', '{\"notes\":[\"n\"]}', '20250101T000000Z');
             INSERT INTO variants (unit, ord, lang, base, text) VALUES
                 (7, 0, 'en', 'en', 'File'), (7, 1, 'kk', 'kk', 'Файл');",
        )
        .unwrap();
        (7, key)
    }

    #[test]
    fn version_1_keys_become_their_low_64_bits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        let (id, key) = version_1_store(&path);
        let mut conn = Connection::open(&path).unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(version(&conn).unwrap(), SCHEMA_VERSION);
        let (new_key, props, variants): (i64, String, i64) = conn
            .query_row(
                "SELECT key, props, (SELECT count(*) FROM variants WHERE unit = units.id)
                 FROM units WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(new_key.to_le_bytes(), key[..8]);
        assert_eq!(props, "{\"notes\":[\"n\"]}");
        assert_eq!(variants, 2);
        let index: String = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'units_by_key'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(index, CREATE_UNITS_BY_KEY);
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        let foreign_keys: bool = conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert!(foreign_keys);
    }
}
