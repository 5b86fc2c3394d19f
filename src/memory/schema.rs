//! The store's SQL schema and its migrations. `PRAGMA user_version` holds the schema version; each
//! migration moves it up by one inside a transaction.

use rusqlite::{Connection, Transaction, params};

use super::chunk::{ChunkBuilder, Summary};
use crate::model::{LangTag, Props, Segment, Unit, Variant};

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
    // 5: units in chunks (memory::chunk) instead of rows of units and variants.
    Migration::Code(chunked_units),
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

/// Migration 5. A row per unit and per variant, with B-tree indexes by key and by language, cost an
/// import a few microseconds a unit in SQLite alone; chunks of units cost one row per few hundred
/// (memory::chunk). Ids, keys, dates and properties stay as they were, so the derived indexes (by
/// unit id) stay valid.
fn chunked_units(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE chunks (
             -- the id of the chunk's first unit; its units have the ids first .. first + count - 1
             first INTEGER PRIMARY KEY,
             count INTEGER NOT NULL,
             -- each unit's key, 8 bytes little-endian: the low 64 bits of the xxh3-128 of its sorted
             -- (language, content) pairs; units with the same key are the same when their variants are
             keys BLOB NOT NULL,
             -- the chunk's counts per language and pair (memory::chunk::Summary)
             summary TEXT NOT NULL,
             -- the units (memory::chunk)
             data BLOB NOT NULL
         );",
    )?;
    let mut total = Summary::default();
    {
        let mut read = tx.prepare(
            "SELECT u.id, u.key, u.added, u.props, v.lang, v.text, v.markup, v.props
             FROM units u LEFT JOIN variants v ON v.unit = u.id ORDER BY u.id, v.ord",
        )?;
        let mut write = tx.prepare(
            "INSERT INTO chunks (first, count, keys, summary, data) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut flush = |builder: ChunkBuilder, total: &mut Summary| -> rusqlite::Result<()> {
            let done = builder.finish();
            write.execute(params![
                done.first,
                done.count as i64,
                done.keys,
                done.summary.encode(),
                done.data
            ])?;
            total.absorb(done.summary);
            Ok(())
        };
        let props = |json: Option<String>| -> Props {
            json.and_then(|j| serde_json::from_str(&j).ok())
                .unwrap_or_default()
        };
        let mut builder: Option<ChunkBuilder> = None;
        // The unit being gathered: id, key, added, unit.
        let mut current: Option<(i64, i64, String, Unit)> = None;
        let mut rows = read.query([])?;
        loop {
            let row = rows.next()?;
            let id: Option<i64> = row.map(|r| r.get(0)).transpose()?;
            if current.as_ref().map(|c| c.0) != id
                && let Some((id, key, added, unit)) = current.take()
            {
                let fits = builder
                    .as_ref()
                    .is_some_and(|b| !b.is_full() && b.first + b.len() as i64 == id);
                if !fits {
                    if let Some(done) = builder.take() {
                        flush(done, &mut total)?;
                    }
                    builder = Some(ChunkBuilder::new(id, ""));
                }
                if let Some(b) = builder.as_mut() {
                    b.push_unit(key, &added, &unit, false);
                }
            }
            let Some(row) = row else { break };
            if current.is_none() {
                current = Some((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    Unit {
                        variants: Vec::new(),
                        props: props(row.get(3)?),
                    },
                ));
            }
            let tag: Option<String> = row.get(4)?;
            if let (Some(Ok(lang)), Some(unit)) =
                (tag.as_deref().map(LangTag::parse), current.as_mut())
            {
                unit.3.variants.push(Variant {
                    lang,
                    segment: Segment {
                        text: row.get(5)?,
                        markup: row.get(6)?,
                    },
                    props: props(row.get(7)?),
                });
            }
        }
        if let Some(done) = builder.take() {
            flush(done, &mut total)?;
        }
    }
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('summary', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![total.encode()],
    )?;
    tx.execute_batch("DROP TABLE variants; DROP TABLE units;")
}

/// Builds the index of units by key, as migration 2 defines it.
pub(super) const CREATE_UNITS_BY_KEY: &str = "CREATE INDEX units_by_key ON units(key)";

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
        migrate_to(&mut conn, 2).unwrap();
        assert_eq!(version(&conn).unwrap(), 2);
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

    #[test]
    fn version_4_rows_become_chunks_with_the_same_ids_and_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v4.db");
        let mut conn = Connection::open(&path).unwrap();
        migrate_to(&mut conn, 4).unwrap();
        // Ids 3 and 4, then a gap to 9; markup, props at both levels, an origin.
        conn.execute_batch(
            "INSERT INTO units (id, key, props, added) VALUES
                 (3, 11, '{\"props\":[{\"type\":\"x-tarjuman-origin\",\"value\":\"a.tmx\"}]}',
                  '20250101T000000Z'),
                 (4, 12, NULL, '20250102T000000Z'),
                 (9, 13, '{\"notes\":[\"n\"]}', '20250103T000000Z');
             INSERT INTO variants (unit, ord, lang, base, text, markup, props) VALUES
                 (3, 0, 'en', 'en', 'Open File', 'Open <ph>x</ph>File', NULL),
                 (3, 1, 'az-AZ', 'az', 'Faylı aç', NULL, '{\"notes\":[\"yoxlanıb\"]}'),
                 (4, 0, 'kk', 'kk', 'Файл', NULL, NULL), (4, 1, 'ar', 'ar', 'ملف', NULL, NULL),
                 (9, 0, 'en', 'en', 'Error', NULL, NULL), (9, 1, 'kk', 'kk', 'Қате', NULL, NULL);",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(version(&conn).unwrap(), SCHEMA_VERSION);
        let chunks: Vec<(i64, i64, Vec<u8>)> = conn
            .prepare("SELECT first, count, keys FROM chunks ORDER BY first")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let keys = |ks: &[i64]| ks.iter().flat_map(|k| k.to_le_bytes()).collect::<Vec<u8>>();
        assert_eq!(chunks, vec![(3, 2, keys(&[11, 12])), (9, 1, keys(&[13]))]);
        let old_tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name IN ('units', 'variants')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(old_tables, 0);
        drop(conn);
        let store = super::super::Store::open(&path).unwrap();
        let mut units = Vec::new();
        store
            .for_each_unit(None, |u| {
                units.push(u);
                Ok(())
            })
            .unwrap();
        assert_eq!(units.iter().map(|u| u.id).collect::<Vec<_>>(), [3, 4, 9]);
        assert_eq!(units[1].added, "20250102T000000Z");
        let open = &units[0].unit;
        assert_eq!(
            open.props.values("x-tarjuman-origin").collect::<Vec<_>>(),
            ["a.tmx"]
        );
        assert_eq!(
            open.variants[0].segment.markup.as_deref(),
            Some("Open <ph>x</ph>File")
        );
        assert_eq!(open.variants[1].lang.as_str(), "az-AZ");
        assert_eq!(open.variants[1].props.notes, ["yoxlanıb"]);
        assert_eq!(units[2].unit.props.notes, ["n"]);
        let stats = store.stats().unwrap();
        assert_eq!(stats.units, 3);
        assert_eq!(stats.languages.len(), 4);
        assert_eq!(store.high_water().unwrap(), 9);
        assert_eq!(store.texts(9, "kk").unwrap(), ["Қате"]);
        assert!(store.unit(5).unwrap().is_none());
    }
}
