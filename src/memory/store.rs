//! The memory store: one SQLite file (WAL mode, so readers never wait for a writer) holding
//! multilingual units. Writes go through an [`Importer`], which is one transaction: it commits
//! everything or nothing.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::BuildHasherDefault;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, Statement, params};
use std::borrow::Cow;

use crate::text::nfc;

use super::schema::{self, SCHEMA_VERSION};
use crate::error::{Error, Result};
use crate::model::{LangTag, ORIGIN_PROP, Prop, Props, Segment, Unit, Variant};

/// The page size of new stores.
const PAGE_SIZE: i64 = 16 * 1024;
/// The upper bound of SQLite's page cache, in KiB.
const CACHE_KIB: i64 = 64 * 1024;

/// How a store's connection writes.
#[derive(Clone, Copy)]
enum Mode {
    /// The store in its place: WAL (readers never wait for the writer), synced at each commit.
    Shared,
    /// A new store no one else sees yet ([`super::staging`]): thrown away unless it is completed,
    /// so it needs neither a journal file nor syncs.
    Private,
}

/// The memory store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    created: bool,
}

/// A unit as the store holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredUnit {
    pub id: i64,
    /// When tarjuman first stored the unit (TMX date format).
    pub added: String,
    pub unit: Unit,
}

/// What adding a unit did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Added {
    /// A new unit.
    New(i64),
    /// The store already had a unit with the same variants; the new properties were merged into it.
    Merged(i64),
    /// The store already had the same unit with the same properties; nothing changed.
    Unchanged(i64),
}

/// Counts for `tarjuman stats`.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    pub units: u64,
    /// Units per language (by matching language), most frequent first.
    pub languages: Vec<LanguageCount>,
    /// Units per pair of languages that occur in the same unit.
    pub pairs: Vec<PairCount>,
    /// Bytes on disk: the database file and its write-ahead log.
    pub size_bytes: u64,
    pub schema_version: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct LanguageCount {
    pub lang: String,
    pub units: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct PairCount {
    pub langs: [String; 2],
    pub units: u64,
}

/// The current time in TMX date format (`YYYYMMDDThhmmssZ`, UTC).
pub fn tmx_now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    tmx_date(secs)
}

/// Seconds since the Unix epoch in TMX date format (civil-from-days, H. Hinnant's algorithm).
fn tmx_date(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Puts a unit's text and markup into NFC.
pub fn normalize_unit(unit: &mut Unit) {
    for variant in &mut unit.variants {
        if let Cow::Owned(text) = nfc(&variant.segment.text) {
            variant.segment.text = text;
        }
        if let Some(Cow::Owned(markup)) = variant.segment.markup.as_deref().map(nfc) {
            variant.segment.markup = Some(markup);
        }
    }
}

/// What makes two units the same: their sorted (language, content) pairs.
fn identity(unit: &Unit) -> Vec<(&str, &str)> {
    let mut pairs: Vec<(&str, &str)> = unit
        .variants
        .iter()
        .map(|v| (v.lang.as_str(), v.segment.content()))
        .collect();
    pairs.sort_unstable();
    pairs
}

/// The unit's key: the low 64 bits of the xxh3-128 of its sorted (language, content) pairs (what
/// schema version 1 stored whole). Units with the same key are the same when their pairs are.
fn unit_key(unit: &Unit) -> i64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut hash = |pairs: &[(&str, &str)]| {
        for (lang, content) in pairs {
            hasher.update(lang.as_bytes());
            hasher.update(&[0x1F]);
            hasher.update(content.as_bytes());
            hasher.update(&[0x1E]);
        }
    };
    // Sorted on the stack for the usual few variants (an allocation per unit shows in an import).
    let mut few = [("", ""); 8];
    let n = unit.variants.len();
    if n <= few.len() {
        for (slot, v) in few.iter_mut().zip(&unit.variants) {
            *slot = (v.lang.as_str(), v.segment.content());
        }
        few[..n].sort_unstable();
        hash(&few[..n]);
    } else {
        hash(&identity(unit));
    }
    hasher.digest128() as u64 as i64
}

/// Hashes a unit key (already a hash) as it is.
#[derive(Default)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_i64(&mut self, n: i64) {
        self.0 = n as u64;
    }
}

/// The units an import into an empty store has added, by key: while the key index is dropped, the
/// import finds its own duplicates here.
#[derive(Default)]
struct Keys {
    /// The first unit with each key.
    first: HashMap<i64, i64, BuildHasherDefault<KeyHasher>>,
    /// Further units whose key collides with a different unit's (64 bits: practically never).
    more: Vec<(i64, i64)>,
}

impl Keys {
    fn candidates(&self, key: i64) -> Vec<i64> {
        match self.first.get(&key) {
            None => Vec::new(),
            Some(&id) => std::iter::once(id)
                .chain(
                    self.more
                        .iter()
                        .filter(|(k, _)| *k == key)
                        .map(|(_, id)| *id),
                )
                .collect(),
        }
    }

    fn insert(&mut self, key: i64, id: i64) {
        match self.first.entry(key) {
            Entry::Vacant(slot) => {
                slot.insert(id);
            }
            Entry::Occupied(_) => self.more.push((key, id)),
        }
    }
}

fn props_json(props: &Props) -> Option<String> {
    (!props.is_empty()).then(|| serde_json::to_string(props).unwrap_or_default())
}

/// The JSON of `props` with the origin prop added last, as [`props_json`] would write it, without
/// copying the properties or making a prop.
fn props_json_with_origin(props: &Props, origin: &str) -> String {
    use serde::ser::SerializeSeq;

    #[derive(serde::Serialize)]
    struct WithOrigin<'a> {
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        attrs: &'a [(String, String)],
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        notes: &'a [String],
        props: PropsAndOrigin<'a>,
    }
    struct PropsAndOrigin<'a>(&'a [Prop], &'a str);
    #[derive(serde::Serialize)]
    struct Origin<'a> {
        #[serde(rename = "type")]
        kind: &'a str,
        value: &'a str,
    }
    impl serde::Serialize for PropsAndOrigin<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(Some(self.0.len() + 1))?;
            for prop in self.0 {
                seq.serialize_element(prop)?;
            }
            seq.serialize_element(&Origin {
                kind: ORIGIN_PROP,
                value: self.1,
            })?;
            seq.end()
        }
    }
    serde_json::to_string(&WithOrigin {
        attrs: &props.attrs,
        notes: &props.notes,
        props: PropsAndOrigin(&props.props, origin),
    })
    .unwrap_or_default()
}

fn parse_props(json: Option<String>) -> Props {
    json.and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default()
}

fn is_sqlite_file(path: &Path) -> std::io::Result<bool> {
    use std::io::Read;
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path)?;
    let n = file.read(&mut header)?;
    Ok(n == 0 || (n == 16 && &header == b"SQLite format 3\0"))
}

impl Store {
    /// Opens the store at `path`, creating it when it does not exist.
    pub fn open(path: &Path) -> Result<Store> {
        let created = !path.exists();
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Store::open_with(path, path, flags, created, Mode::Shared)
    }

    /// Opens an existing store for reading; `None` when there is no file at `path`.
    pub fn open_existing(path: &Path) -> Result<Option<Store>> {
        if !path.exists() {
            return Ok(None);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Store::open_with(path, path, flags, false, Mode::Shared).map(Some)
    }

    /// Creates a store at `file` that no other connection sees until it is published
    /// ([`super::staging`]): no journal file, no syncs. Errors name `shown`, the store it becomes.
    pub(super) fn open_private(file: &Path, shown: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut store = Store::open_with(file, shown, flags, true, Mode::Private)?;
        store.path = shown.to_path_buf();
        Ok(store)
    }

    /// Ends a store made by [`Store::open_private`]: puts it in WAL mode, as every store is, and
    /// closes it. The caller syncs the file.
    pub(super) fn close_private(self) -> Result<()> {
        let err = |source| Error::Store {
            path: self.path.clone(),
            source,
        };
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(err)?;
        self.conn.close().map_err(|(_, e)| err(e))
    }

    fn open_with(
        path: &Path,
        shown: &Path,
        flags: OpenFlags,
        created: bool,
        mode: Mode,
    ) -> Result<Store> {
        let store_err = |source| Error::Store {
            path: shown.to_path_buf(),
            source,
        };
        if !created && !is_sqlite_file(path).map_err(|e| Error::io(path, e))? {
            return Err(Error::NotAStore {
                path: path.to_path_buf(),
            });
        }
        let mut conn = Connection::open_with_flags(path, flags).map_err(store_err)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(store_err)?;
        let found = schema::version(&conn).map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
                Error::NotAStore {
                    path: path.to_path_buf(),
                }
            }
            other => store_err(other),
        })?;
        if found > SCHEMA_VERSION {
            return Err(Error::StoreTooNew {
                path: path.to_path_buf(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found == 0 {
            let tables: i64 = conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                .map_err(store_err)?;
            if tables > 0 {
                return Err(Error::NotAStore {
                    path: path.to_path_buf(),
                });
            }
        }
        if found == 0 {
            // Before the first table: larger pages make a big import's B-trees shallower and split
            // less often (measured: about a fifth less CPU for a 300k-unit import).
            conn.pragma_update(None, "page_size", PAGE_SIZE)
                .map_err(store_err)?;
        }
        let (journal, synchronous) = match mode {
            Mode::Shared => ("WAL", "NORMAL"),
            // Rollback stays possible (a new file's pages need no journal); no file is written for it.
            Mode::Private => ("MEMORY", "OFF"),
        };
        conn.pragma_update(None, "journal_mode", journal)
            .map_err(store_err)?;
        // A bounded page cache (the default is 2 MiB): an import touches the key index at random
        // and would otherwise keep writing spilled pages to the log and reading them back.
        conn.pragma_update(None, "cache_size", -CACHE_KIB)
            .map_err(store_err)?;
        conn.pragma_update(None, "synchronous", synchronous)
            .map_err(store_err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(store_err)?;
        if found < SCHEMA_VERSION {
            schema::migrate(&mut conn).map_err(store_err)?;
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            created,
        })
    }

    /// The file the store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this call to [`Store::open`] created the file.
    pub fn was_created(&self) -> bool {
        self.created
    }

    pub(super) fn err(&self, source: rusqlite::Error) -> Error {
        Error::Store {
            path: self.path.clone(),
            source,
        }
    }

    /// The connection, for the store's derived indexes.
    pub(super) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Starts an import: one transaction that [`Importer::commit`] ends.
    ///
    /// Foreign keys are not checked during the import (the importer inserts a unit's variants right
    /// after the unit), and an import into an empty store builds its indexes (units by key, variants
    /// by language) once at the end instead of entry by entry, finding duplicates in memory
    /// meanwhile; all of it happens inside the transaction, so a rollback or a killed process leaves
    /// the store as it was.
    pub fn importer(&mut self) -> Result<Importer<'_>> {
        let conn = &self.conn;
        let err = |source| Error::Store {
            path: self.path.clone(),
            source,
        };
        // Only takes effect outside a transaction; dropping `rollback` turns it back on (and, once
        // the transaction is open, rolls it back unless it was committed).
        let mut rollback = Rollback { conn, open: false };
        conn.pragma_update(None, "foreign_keys", "OFF")
            .map_err(err)?;
        conn.execute_batch("BEGIN IMMEDIATE").map_err(err)?;
        rollback.open = true;
        let empty: bool = conn
            .query_row("SELECT NOT EXISTS (SELECT 1 FROM units)", [], |r| r.get(0))
            .map_err(err)?;
        if empty {
            conn.execute_batch(schema::DROP_INDEXES).map_err(err)?;
        }
        // Prepared after the schema change, and kept: a cache lookup per insert costs.
        let insert_unit = conn
            .prepare("INSERT INTO units (key, props, added) VALUES (?1, ?2, ?3)")
            .map_err(err)?;
        let insert_variant = conn
            .prepare(
                "INSERT INTO variants (unit, ord, lang, base, text, markup, props)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .map_err(err)?;
        let rows = vec![format!("({})", ["?"; VARIANT_COLUMNS].join(", ")); VARIANT_ROWS];
        let insert_many_variants = conn
            .prepare(&format!(
                "INSERT INTO variants (unit, ord, lang, base, text, markup, props) VALUES {}",
                rows.join(", ")
            ))
            .map_err(err)?;
        // Held rather than cached: rusqlite clears a cached statement's bindings when it goes back
        // to the cache, and SQLite re-prepares a statement whose plan looked at a parameter (as
        // `unit = ?1` does) after that; re-importing a file looks up every unit.
        let unit_props = conn
            .prepare("SELECT props FROM units WHERE id = ?1")
            .map_err(err)?;
        let unit_variants = conn
            .prepare(
                "SELECT ord, lang, text, markup, props FROM variants WHERE unit = ?1 ORDER BY ord",
            )
            .map_err(err)?;
        let (find_key, keys) = if empty {
            (None, Some(Keys::default()))
        } else {
            let find = conn
                .prepare("SELECT id FROM units WHERE key = ?1 ORDER BY id")
                .map_err(err)?;
            (Some(find), None)
        };
        let importer = Importer {
            insert_unit,
            insert_variant,
            insert_many_variants,
            find_key,
            unit_props,
            unit_variants,
            keys,
            bases: Vec::new(),
            rollback,
            path: self.path.clone(),
            now: tmx_now(),
            changed: false,
        };
        Ok(importer)
    }

    /// The number of units.
    pub fn unit_count(&self) -> Result<u64> {
        self.conn
            .query_row("SELECT count(*) FROM units", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(|e| self.err(e))
    }

    /// Counts units per language and per language pair.
    pub fn stats(&self) -> Result<Stats> {
        let mut stats = Stats {
            units: self.unit_count()?,
            schema_version: SCHEMA_VERSION,
            ..Stats::default()
        };
        stats.languages = self.stats_languages()?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT a.base, b.base, count(DISTINCT a.unit) AS n
                 FROM variants a JOIN variants b ON a.unit = b.unit AND a.base < b.base
                 GROUP BY a.base, b.base ORDER BY n DESC, a.base, b.base",
            )
            .map_err(|e| self.err(e))?;
        stats.pairs = stmt
            .query_map([], |r| {
                Ok(PairCount {
                    langs: [r.get(0)?, r.get(1)?],
                    units: r.get::<_, i64>(2)? as u64,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        let mut wal = self.path.clone().into_os_string();
        wal.push("-wal");
        stats.size_bytes = size(&self.path) + size(Path::new(&wal));
        Ok(stats)
    }

    /// The distinct language tags in the store, with their unit counts, most frequent first.
    pub fn language_tags(&self) -> Result<Vec<(LangTag, u64)>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT lang, count(DISTINCT unit) AS n FROM variants GROUP BY lang
                 ORDER BY n DESC, lang",
            )
            .map_err(|e| self.err(e))?;
        let rows: Vec<(String, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        Ok(rows
            .into_iter()
            .filter_map(|(tag, n)| LangTag::parse(&tag).ok().map(|t| (t, n as u64)))
            .collect())
    }

    /// Calls `visit` with every unit in id order. With `bases`, only variants whose matching language
    /// is listed are given, and units without any are left out.
    pub fn for_each_unit(
        &self,
        bases: Option<&[String]>,
        mut visit: impl FnMut(StoredUnit) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT u.id, u.added, u.props, v.lang, v.base, v.text, v.markup, v.props
                 FROM units u JOIN variants v ON v.unit = u.id ORDER BY u.id, v.ord",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        let mut current: Option<StoredUnit> = None;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let id: i64 = row.get(0).map_err(|e| self.err(e))?;
            if current.as_ref().is_some_and(|c| c.id != id) {
                let done = current.take().expect("checked above");
                if !done.unit.variants.is_empty() {
                    visit(done)?;
                }
            }
            if current.is_none() {
                current = Some(StoredUnit {
                    id,
                    added: row.get(1).map_err(|e| self.err(e))?,
                    unit: Unit {
                        variants: Vec::new(),
                        props: parse_props(row.get(2).map_err(|e| self.err(e))?),
                    },
                });
            }
            let base: String = row.get(4).map_err(|e| self.err(e))?;
            if bases.is_some_and(|b| !b.contains(&base)) {
                continue;
            }
            let tag: String = row.get(3).map_err(|e| self.err(e))?;
            let Ok(lang) = LangTag::parse(&tag) else {
                continue;
            };
            let variant = Variant {
                lang,
                segment: Segment {
                    text: row.get(5).map_err(|e| self.err(e))?,
                    markup: row.get(6).map_err(|e| self.err(e))?,
                },
                props: parse_props(row.get(7).map_err(|e| self.err(e))?),
            };
            if let Some(c) = current.as_mut() {
                c.unit.variants.push(variant);
            }
        }
        if let Some(done) = current.filter(|c| !c.unit.variants.is_empty()) {
            visit(done)?;
        }
        Ok(())
    }

    /// A number that changes whenever the store's units change (0 for a store never written).
    pub fn generation(&self) -> Result<i64> {
        self.conn
            .query_row(
                "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map(|g| g.unwrap_or(0))
            .map_err(|e| self.err(e))
    }

    /// The properties of unit `id` (`None` when there is no such unit).
    pub fn unit_props(&self, id: i64) -> Result<Option<Props>> {
        self.conn
            .prepare_cached("SELECT props FROM units WHERE id = ?1")
            .and_then(|mut stmt| {
                stmt.query_row(params![id], |r| r.get::<_, Option<String>>(0))
                    .optional()
            })
            .map(|found| found.map(parse_props))
            .map_err(|e| self.err(e))
    }

    /// Whether any variant has matching language `base` (an index lookup).
    pub fn has_language(&self, base: &str) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM variants WHERE base = ?1)",
                params![base],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }

    /// The matching languages of the store, most units first.
    pub fn bases(&self) -> Result<Vec<String>> {
        Ok(self
            .stats_languages()?
            .into_iter()
            .map(|l| l.lang)
            .collect())
    }

    fn stats_languages(&self) -> Result<Vec<LanguageCount>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT base, count(DISTINCT unit) AS n FROM variants GROUP BY base
                 ORDER BY n DESC, base",
            )
            .map_err(|e| self.err(e))?;
        stmt.query_map([], |r| {
            Ok(LanguageCount {
                lang: r.get(0)?,
                units: r.get::<_, i64>(1)? as u64,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| self.err(e))
    }

    /// The highest unit id (0 for an empty store). Units are never deleted and a unit's variants
    /// never change once stored (an import merges only into a unit with the same variants), so the
    /// units above an id are exactly the ones added since it was the highest.
    pub fn high_water(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT coalesce(max(id), 0) FROM units", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// Runs `read` in one read transaction, so that everything it reads is of the same state of
    /// the store (an import committing meanwhile is not half seen).
    pub fn snapshot<T>(&self, read: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        self.conn
            .execute_batch("BEGIN DEFERRED")
            .map_err(|e| self.err(e))?;
        let result = read(self);
        let end = self
            .conn
            .execute_batch(if result.is_ok() { "COMMIT" } else { "ROLLBACK" });
        let value = result?;
        end.map_err(|e| self.err(e))?;
        Ok(value)
    }

    /// Calls `visit(unit, base, text)` for every variant of the units with ids above `after`, in
    /// unit order.
    pub fn for_each_variant(
        &self,
        after: i64,
        mut visit: impl FnMut(i64, &str, &str),
    ) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare("SELECT unit, base, text FROM variants WHERE unit > ?1 ORDER BY unit, ord")
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query(params![after]).map_err(|e| self.err(e))?;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let unit: i64 = row.get(0).map_err(|e| self.err(e))?;
            let base: String = row.get(1).map_err(|e| self.err(e))?;
            let text: String = row.get(2).map_err(|e| self.err(e))?;
            visit(unit, &base, &text);
        }
        Ok(())
    }

    /// The texts of a unit's variants in matching language `base`, in order.
    pub fn texts(&self, unit: i64, base: &str) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT text FROM variants WHERE unit = ?1 AND base = ?2 ORDER BY ord")
            .map_err(|e| self.err(e))?;
        stmt.query_map(params![unit, base], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))
    }

    /// Runs SQLite's own consistency check; `Ok(())` when it reports `ok`.
    pub fn integrity_check(&self) -> Result<String> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }
}

/// A stored variant as `merge` reads it: order, language, text, markup, props JSON.
type StoredVariantRow = (i64, String, String, Option<String>, Option<String>);

/// [`identity`] of a stored unit's variants.
fn stored_identity(stored: &[StoredVariantRow]) -> Vec<(&str, &str)> {
    let mut pairs: Vec<(&str, &str)> = stored
        .iter()
        .map(|(_, lang, text, markup, _)| (lang.as_str(), markup.as_deref().unwrap_or(text)))
        .collect();
    pairs.sort_unstable();
    pairs
}

/// A unit made ready for the store: text in NFC, its key, its properties serialized. Preparing needs
/// no store, so it can run on another thread than the inserts ([`Importer::add_prepared`]).
#[derive(Clone, Debug)]
pub struct PreparedUnit {
    unit: Unit,
    key: i64,
    /// The unit's properties as stored for a new unit (with the origin), JSON.
    props: Option<String>,
}

impl PreparedUnit {
    /// Puts text and markup into NFC (the caller drops empty variants) and records `origin` (the
    /// file the unit came from) for a new unit that does not name an origin already (a tarjuman
    /// export does), so importing the same content again changes nothing.
    pub fn new(mut unit: Unit, origin: Option<&str>) -> PreparedUnit {
        normalize_unit(&mut unit);
        let key = unit_key(&unit);
        // Serialized with the origin, kept without it: a merge must not add the origin of a
        // duplicate.
        let props = match origin.filter(|_| unit.props.values(ORIGIN_PROP).next().is_none()) {
            Some(origin) => Some(props_json_with_origin(&unit.props, origin)),
            None => props_json(&unit.props),
        };
        PreparedUnit { unit, key, props }
    }

    /// The unit, normalized.
    pub fn unit(&self) -> &Unit {
        &self.unit
    }
}

/// Variant rows an importer writes with one statement.
const VARIANT_ROWS: usize = 32;
/// The columns of a variant row.
const VARIANT_COLUMNS: usize = 7;

/// One import transaction. Dropping it without [`Importer::commit`] rolls everything back.
pub struct Importer<'a> {
    // Fields drop in order: the statements are finalized before the transaction ends.
    insert_unit: Statement<'a>,
    insert_variant: Statement<'a>,
    /// [`VARIANT_ROWS`] rows of variants in one statement.
    insert_many_variants: Statement<'a>,
    /// Finds units by key in the index (an import into a store with units).
    find_key: Option<Statement<'a>>,
    /// A unit's properties, and its variants in order, by id.
    unit_props: Statement<'a>,
    unit_variants: Statement<'a>,
    /// The units of this import by key, while the indexes are dropped (an import into an empty
    /// store, which builds them at commit).
    keys: Option<Keys>,
    /// Matching languages by tag, for the few tags a file has.
    bases: Vec<(String, String)>,
    rollback: Rollback<'a>,
    path: PathBuf,
    now: String,
    /// Whether anything was added or merged: the store generation moves on commit.
    changed: bool,
}

/// Ends an import's transaction when dropped unless it was committed, then checks foreign keys
/// again.
struct Rollback<'a> {
    conn: &'a Connection,
    /// The transaction is open (not committed).
    open: bool,
}

impl Drop for Rollback<'_> {
    fn drop(&mut self) {
        if self.open {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        let _ = self.conn.pragma_update(None, "foreign_keys", "ON");
    }
}

impl<'a> Importer<'a> {
    fn err(&self, source: rusqlite::Error) -> Error {
        Error::Store {
            path: self.path.clone(),
            source,
        }
    }

    fn conn(&self) -> &'a Connection {
        self.rollback.conn
    }

    /// Adds a unit, or merges it into the unit with the same variants. Text and markup are put into
    /// NFC first; the caller drops empty variants. `origin` (the file the unit came from) is recorded
    /// on new units that do not name an origin already (a tarjuman export does), so importing the
    /// same content again changes nothing.
    pub fn add(&mut self, unit: Unit, origin: Option<&str>) -> Result<Added> {
        self.add_prepared(&PreparedUnit::new(unit, origin))
    }

    /// [`Importer::add`] for a unit prepared already.
    pub fn add_prepared(&mut self, prepared: &PreparedUnit) -> Result<Added> {
        let mut added = None;
        self.add_all(std::slice::from_ref(prepared), |a| added = Some(a))?;
        Ok(added.expect("one unit, one outcome"))
    }

    /// [`Importer::add_prepared`] for each of `units` in order, telling `each` what it did. The
    /// variants of new units go in [`VARIANT_ROWS`] at a time (one statement for many rows costs
    /// less than a statement per row); rows waiting are written before any variant is read.
    pub fn add_all(&mut self, units: &[PreparedUnit], mut each: impl FnMut(Added)) -> Result<()> {
        let mut waiting: Vec<(i64, usize, &Variant)> = Vec::with_capacity(VARIANT_ROWS);
        'units: for PreparedUnit { unit, key, props } in units {
            let candidates = self.candidates(*key)?;
            if !candidates.is_empty() {
                self.insert_variants(&mut waiting)?;
            }
            for id in candidates {
                if let Some(added) = self.merge(id, unit)? {
                    self.changed |= matches!(added, Added::Merged(_));
                    each(added);
                    continue 'units;
                }
            }
            self.insert_unit
                .execute(params![key, props, self.now])
                .map_err(|e| self.err(e))?;
            self.changed = true;
            let id = self.conn().last_insert_rowid();
            if let Some(keys) = self.keys.as_mut() {
                keys.insert(*key, id);
            }
            for (ord, variant) in unit.variants.iter().enumerate() {
                waiting.push((id, ord, variant));
                if waiting.len() == VARIANT_ROWS {
                    self.insert_variants(&mut waiting)?;
                }
            }
            each(Added::New(id));
        }
        self.insert_variants(&mut waiting)
    }

    /// Writes the variant rows waiting (`unit`, `ord`, variant) and empties the list: a full list
    /// in one statement, a shorter one row by row.
    fn insert_variants(&mut self, waiting: &mut Vec<(i64, usize, &Variant)>) -> Result<()> {
        let full = waiting.len() == VARIANT_ROWS;
        for (row, (id, ord, variant)) in waiting.iter().enumerate() {
            let tag = variant.lang.as_str();
            let base = match self.bases.iter().position(|(t, _)| t == tag) {
                Some(i) => i,
                None => {
                    if self.bases.len() == 64 {
                        self.bases.clear();
                    }
                    self.bases.push((tag.to_string(), variant.lang.base()));
                    self.bases.len() - 1
                }
            };
            let values = params![
                id,
                *ord as i64,
                tag,
                self.bases[base].1,
                variant.segment.text,
                variant.segment.markup,
                props_json(&variant.props),
            ];
            let result = if full {
                values
                    .iter()
                    .enumerate()
                    .try_for_each(|(i, value)| {
                        self.insert_many_variants
                            .raw_bind_parameter(row * VARIANT_COLUMNS + i + 1, value)
                    })
                    .map(|()| 0)
            } else {
                self.insert_variant.execute(values)
            };
            result.map_err(|e| Error::Store {
                path: self.path.clone(),
                source: e,
            })?;
        }
        if full {
            self.insert_many_variants
                .raw_execute()
                .map_err(|e| Error::Store {
                    path: self.path.clone(),
                    source: e,
                })?;
        }
        waiting.clear();
        Ok(())
    }

    /// The stored units with `key`, oldest first (almost always none or one).
    fn candidates(&mut self, key: i64) -> Result<Vec<i64>> {
        if let Some(keys) = &self.keys {
            return Ok(keys.candidates(key));
        }
        let find = self
            .find_key
            .as_mut()
            .expect("an importer has keys or finds them");
        find.query_map(params![key], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| Error::Store {
                path: self.path.clone(),
                source: e,
            })
    }

    /// The stored variants of unit `id`, in order.
    fn stored_variants(&mut self, id: i64) -> Result<Vec<StoredVariantRow>> {
        self.unit_variants
            .query_map(params![id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| Error::Store {
                path: self.path.clone(),
                source: e,
            })
    }

    /// Merges the properties of `unit` into stored unit `id` (found by key) when its variants are the
    /// same; `None` when they are not (a collision of keys).
    fn merge(&mut self, id: i64, unit: &Unit) -> Result<Option<Added>> {
        let stored = self.stored_variants(id)?;
        if stored_identity(&stored) != identity(unit) {
            return Ok(None);
        }
        let props: Option<String> = self
            .unit_props
            .query_row(params![id], |r| r.get(0))
            .map_err(|e| Error::Store {
                path: self.path.clone(),
                source: e,
            })?;
        let mut stored_props = parse_props(props);
        let before = stored_props.clone();
        stored_props.merge(&unit.props);
        let mut changed = false;
        if stored_props != before {
            self.conn()
                .prepare_cached("UPDATE units SET props = ?2 WHERE id = ?1")
                .and_then(|mut stmt| stmt.execute(params![id, props_json(&stored_props)]))
                .map_err(|e| self.err(e))?;
            changed = true;
        }
        // Variant properties: merge into the stored variant with the same language and content.
        for variant in unit.variants.iter().filter(|v| !v.props.is_empty()) {
            let found = stored.iter().find(|(_, lang, text, markup, _)| {
                lang == variant.lang.as_str()
                    && markup.as_deref().unwrap_or(text) == variant.segment.content()
            });
            if let Some((ord, _, _, _, props)) = found {
                let mut merged = parse_props(props.clone());
                let old = merged.clone();
                merged.merge(&variant.props);
                if merged != old {
                    self.conn()
                        .prepare_cached(
                            "UPDATE variants SET props = ?3 WHERE unit = ?1 AND ord = ?2",
                        )
                        .and_then(|mut stmt| stmt.execute(params![id, ord, props_json(&merged)]))
                        .map_err(|e| self.err(e))?;
                    changed = true;
                }
            }
        }
        Ok(Some(if changed {
            Added::Merged(id)
        } else {
            Added::Unchanged(id)
        }))
    }

    /// Whether the store already holds a unit with the same variants.
    pub fn contains(&mut self, unit: &Unit) -> Result<bool> {
        let mut unit = unit.clone();
        normalize_unit(&mut unit);
        let want = identity(&unit);
        for id in self.candidates(unit_key(&unit))? {
            if stored_identity(&self.stored_variants(id)?) == want {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Makes the import permanent. When anything changed, the store generation moves on, which
    /// tells every derived index that it is stale.
    pub fn commit(mut self) -> Result<()> {
        if self.keys.is_some() {
            // SQLite's sorter may hand parts of each index's sort to worker threads.
            let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
            self.conn()
                .pragma_update(None, "threads", workers as i64)
                .map_err(|e| self.err(e))?;
            self.conn()
                .execute_batch(schema::CREATE_UNITS_BY_KEY)
                .map_err(|e| self.err(e))?;
            self.conn()
                .execute_batch(schema::CREATE_VARIANTS_BY_BASE)
                .map_err(|e| self.err(e))?;
        }
        if self.changed {
            self.conn()
                .execute(
                    "INSERT INTO meta (key, value) VALUES ('generation', '1')
                     ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
                    [],
                )
                .map_err(|e| self.err(e))?;
        }
        self.conn()
            .execute_batch("COMMIT")
            .map_err(|e| self.err(e))?;
        self.rollback.open = false;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(pairs: &[(&str, &str)]) -> Unit {
        Unit {
            variants: pairs
                .iter()
                .map(|(l, t)| Variant::new(LangTag::parse(l).unwrap(), Segment::plain(*t)))
                .collect(),
            props: Props::default(),
        }
    }

    #[test]
    fn props_with_the_origin_serialize_as_if_it_were_added() {
        let mut props = Props::default();
        let added = |props: &Props| {
            let mut with = props.clone();
            with.props.push(Prop::new(ORIGIN_PROP, "a.tmx"));
            props_json(&with).unwrap()
        };
        assert_eq!(props_json_with_origin(&props, "a.tmx"), added(&props));
        props.set_attr("tuid", "7");
        assert_eq!(props_json_with_origin(&props, "a.tmx"), added(&props));
        props.add_note("a \"quoted\" note");
        props.add_prop("x-context", "menu");
        assert_eq!(props_json_with_origin(&props, "a.tmx"), added(&props));
        let unit = unit(&[("kk", "Файл"), ("en", "File"), ("az", "Fayl")]);
        let mut many = unit.clone();
        for i in 0..9 {
            many.variants.push(Variant::new(
                LangTag::parse("ar").unwrap(),
                Segment::plain(format!("{i}")),
            ));
        }
        let mut reversed = many.clone();
        reversed.variants.reverse();
        assert_eq!(unit_key(&many), unit_key(&reversed));
        assert_ne!(unit_key(&many), unit_key(&unit));
    }

    #[test]
    fn tmx_dates() {
        assert_eq!(tmx_date(0), "19700101T000000Z");
        assert_eq!(tmx_date(1_765_283_400), "20251209T123000Z");
        assert_eq!(tmx_date(951_782_400), "20000229T000000Z");
    }

    #[test]
    fn same_variants_in_any_order_and_normal_form_merge() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let mut imp = store.importer().unwrap();
        let a = imp
            .add(
                unit(&[("en", "Director-General"), ("az", "Baş direktor")]),
                None,
            )
            .unwrap();
        // The same pairs, in another order and with a decomposed ş (s + U+0327).
        let mut b = unit(&[("az", "Bas\u{327} direktor"), ("en", "Director-General")]);
        b.props.add_prop("x-context", "title");
        let b = imp.add(b, None).unwrap();
        let c = imp
            .add(
                unit(&[("en", "Director-General"), ("az", "Baş direktor")]),
                None,
            )
            .unwrap();
        imp.commit().unwrap();
        let Added::New(id) = a else { panic!("{a:?}") };
        assert_eq!(b, Added::Merged(id));
        assert_eq!(c, Added::Unchanged(id));
        assert_eq!(store.unit_count().unwrap(), 1);
        let mut seen = Vec::new();
        store
            .for_each_unit(None, |u| {
                seen.push(u);
                Ok(())
            })
            .unwrap();
        assert_eq!(seen[0].unit.props.values("x-context").count(), 1);
        assert_eq!(seen[0].unit.variants[1].segment.text, "Baş direktor");
    }

    /// The definitions of the indexes, by name.
    fn index_sql(store: &Store) -> Option<String> {
        store
            .conn
            .query_row(
                "SELECT group_concat(sql, '; ') FROM (SELECT sql FROM sqlite_master
                 WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)",
                [],
                |r| r.get(0),
            )
            .unwrap()
    }

    fn foreign_keys(store: &Store) -> bool {
        store
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn an_import_into_an_empty_store_builds_the_same_indexes_at_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let fresh = index_sql(&store).expect("the index exists");
        let mut imp = store.importer().unwrap();
        imp.add(unit(&[("en", "File"), ("kk", "Файл")]), None)
            .unwrap();
        imp.commit().unwrap();
        assert_eq!(index_sql(&store).as_deref(), Some(fresh.as_str()));
        assert!(foreign_keys(&store));
        assert_eq!(store.integrity_check().unwrap(), "ok");
        let n: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM variants INDEXED BY variants_by_base WHERE base = 'kk'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1);
        // Into a store with units, the indexes stay and are kept up to date.
        let mut imp = store.importer().unwrap();
        imp.add(unit(&[("en", "Error"), ("kk", "Қате")]), None)
            .unwrap();
        imp.commit().unwrap();
        assert_eq!(index_sql(&store).as_deref(), Some(fresh.as_str()));
        assert_eq!(store.integrity_check().unwrap(), "ok");
    }

    #[test]
    fn a_rolled_back_import_leaves_the_index_and_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let fresh = index_sql(&store);
        {
            let mut imp = store.importer().unwrap();
            imp.add(unit(&[("en", "File"), ("kk", "Файл")]), None)
                .unwrap();
        }
        assert_eq!(index_sql(&store), fresh);
        assert!(foreign_keys(&store));
        assert_eq!(store.unit_count().unwrap(), 0);
    }

    /// Two units with different variants under the same key (a 64-bit collision, forced).
    fn colliding(imp: &mut Importer<'_>) -> (Added, Added, Added) {
        let first = PreparedUnit::new(unit(&[("en", "File"), ("kk", "Файл")]), None);
        let mut other = PreparedUnit::new(unit(&[("en", "Error"), ("kk", "Қате")]), None);
        other.key = first.key;
        let again = PreparedUnit::new(unit(&[("kk", "Қате"), ("en", "Error")]), None);
        let mut again = again;
        again.key = first.key;
        (
            imp.add_prepared(&first).unwrap(),
            imp.add_prepared(&other).unwrap(),
            imp.add_prepared(&again).unwrap(),
        )
    }

    #[test]
    fn units_with_the_same_key_but_other_variants_are_kept_apart() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        // Into an empty store (keys in memory) ...
        let mut imp = store.importer().unwrap();
        let (a, b, c) = colliding(&mut imp);
        assert!(
            imp.contains(&unit(&[("kk", "Файл"), ("en", "File")]))
                .unwrap()
        );
        assert!(
            !imp.contains(&unit(&[("en", "Open"), ("kk", "Ашу")]))
                .unwrap()
        );
        imp.commit().unwrap();
        let (Added::New(a), Added::New(b)) = (a, b) else {
            panic!("{a:?} {b:?}")
        };
        assert_ne!(a, b);
        assert_eq!(c, Added::Unchanged(b));
        // ... and into one with units (keys in the index).
        let mut imp = store.importer().unwrap();
        let (a2, b2, c2) = colliding(&mut imp);
        imp.commit().unwrap();
        assert_eq!(
            (a2, b2, c2),
            (
                Added::Unchanged(a),
                Added::Unchanged(b),
                Added::Unchanged(b)
            )
        );
        assert_eq!(store.unit_count().unwrap(), 2);
    }

    #[test]
    fn a_version_1_store_is_upgraded_and_its_units_still_match() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        {
            let mut conn = Connection::open(&path).unwrap();
            schema::migrate_to(&mut conn, 1).unwrap();
            // Version 1 stored the whole xxh3-128 of the sorted (language, content) pairs.
            let key =
                xxhash_rust::xxh3::xxh3_128("en\u{1f}File\u{1e}kk\u{1f}Файл\u{1e}".as_bytes());
            conn.execute(
                "INSERT INTO units (id, key, props, added) VALUES (7, ?1, NULL, '20250101T000000Z')",
                params![&key.to_le_bytes()[..]],
            )
            .unwrap();
            conn.execute_batch(
                "INSERT INTO variants (unit, ord, lang, base, text) VALUES
                     (7, 0, 'en', 'en', 'File'), (7, 1, 'kk', 'kk', 'Файл');",
            )
            .unwrap();
        }
        let mut store = Store::open(&path).unwrap();
        assert_eq!(schema::version(&store.conn).unwrap(), SCHEMA_VERSION);
        let mut imp = store.importer().unwrap();
        let again = imp
            .add(unit(&[("kk", "Файл"), ("en", "File")]), None)
            .unwrap();
        let new = imp
            .add(unit(&[("en", "Error"), ("kk", "Қате")]), None)
            .unwrap();
        imp.commit().unwrap();
        assert_eq!(again, Added::Unchanged(7));
        assert!(matches!(new, Added::New(id) if id > 7));
        assert_eq!(store.unit_count().unwrap(), 2);
        assert_eq!(store.integrity_check().unwrap(), "ok");
        assert!(foreign_keys(&store));
    }

    #[test]
    fn a_batch_finds_duplicates_of_units_whose_variants_are_still_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let prepared = |i: usize| {
            let mut u = unit(&[("en", &format!("File {i}")), ("kk", &format!("Файл {i}"))]);
            u.props.add_prop("x-n", format!("{i}"));
            PreparedUnit::new(u, None)
        };
        // 40 units (80 variant rows, more than one full statement); unit 20 repeats unit 19, whose
        // rows are still waiting, and unit 39 repeats unit 3, whose rows went in a full statement.
        let batch: Vec<PreparedUnit> = (0..40)
            .map(|i| match i {
                20 => prepared(19),
                39 => PreparedUnit::new(unit(&[("kk", "Файл 3"), ("en", "File 3")]), None),
                i => prepared(i),
            })
            .collect();
        for round in 0..2 {
            let mut imp = store.importer().unwrap();
            let mut outcomes = Vec::new();
            imp.add_all(&batch, |a| outcomes.push(a)).unwrap();
            imp.commit().unwrap();
            let new = outcomes
                .iter()
                .filter(|a| matches!(a, Added::New(_)))
                .count();
            assert_eq!(new, if round == 0 { 38 } else { 0 });
            assert!(
                matches!(outcomes[20], Added::Unchanged(_)),
                "{:?}",
                outcomes[20]
            );
            assert!(
                matches!(outcomes[39], Added::Unchanged(_)),
                "{:?}",
                outcomes[39]
            );
        }
        assert_eq!(store.unit_count().unwrap(), 38);
        assert_eq!(store.integrity_check().unwrap(), "ok");
        let mut seen = Vec::new();
        store
            .for_each_unit(None, |u| {
                seen.push(u.unit);
                Ok(())
            })
            .unwrap();
        let expected: Vec<Unit> = (0..40)
            .filter(|i| ![20, 39].contains(i))
            .map(|i| prepared(i).unit().clone())
            .collect();
        assert_eq!(seen.len(), expected.len());
        for (got, want) in seen.iter().zip(&expected) {
            assert_eq!(got.variants, want.variants);
        }
    }

    #[test]
    fn dropped_importer_rolls_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        {
            let mut imp = store.importer().unwrap();
            imp.add(unit(&[("en", "File"), ("kk", "Файл")]), None)
                .unwrap();
        }
        assert_eq!(store.unit_count().unwrap(), 0);
    }

    #[test]
    fn stats_count_languages_and_pairs() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let mut imp = store.importer().unwrap();
        imp.add(
            unit(&[("en-US", "File"), ("kk", "Файл"), ("ar", "ملف")]),
            None,
        )
        .unwrap();
        imp.add(unit(&[("en", "Error"), ("ar", "خطأ")]), None)
            .unwrap();
        imp.commit().unwrap();
        let stats = store.stats().unwrap();
        assert_eq!(stats.units, 2);
        assert_eq!(
            stats.languages,
            vec![
                LanguageCount {
                    lang: "ar".into(),
                    units: 2
                },
                LanguageCount {
                    lang: "en".into(),
                    units: 2
                },
                LanguageCount {
                    lang: "kk".into(),
                    units: 1
                },
            ]
        );
        assert_eq!(stats.pairs[0].langs, ["ar".to_string(), "en".to_string()]);
        assert_eq!(stats.pairs[0].units, 2);
    }

    #[test]
    fn a_file_that_is_not_a_store_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        std::fs::write(&path, "just text").unwrap();
        assert!(matches!(Store::open(&path), Err(Error::NotAStore { .. })));
    }
}
