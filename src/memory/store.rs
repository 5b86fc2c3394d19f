//! The memory store: one SQLite file (WAL mode, so readers never wait for a writer) holding
//! multilingual units. Writes go through an [`Importer`], which is one transaction: it commits
//! everything or nothing.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, Statement, params};

use super::chunk::{self, ChunkBuilder, ChunkView, Damaged, Summary, VariantRef};
use super::keys::Keys;
use super::records::Records;
use std::borrow::Cow;

use crate::text::nfc;

use super::schema::{self, SCHEMA_VERSION};
use crate::error::{Error, Result};
use crate::model::{LangTag, Props, Unit};

/// The page size of new stores: SQLite's largest. An import's data goes to the file a page per
/// write, and the kernel's cost per byte falls with the size of the write (measured here: 320 MB
/// written in 16 KiB writes took 0.15 s of system time, in 64 KiB writes 0.09 s); with 16 KiB pages
/// a 1M-unit import took an eighth more time.
const PAGE_SIZE: i64 = 64 * 1024;
/// The upper bound of SQLite's page cache, in KiB.
const CACHE_KIB: i64 = 64 * 1024;
/// The same for a new store being filled aside: it only appends, so a small cache loses nothing,
/// and its pages go to the file while the import runs instead of all at its commit, from pages
/// still in the core's cache (with 4 MiB, an import took a tenth more time).
const PRIVATE_CACHE_KIB: i64 = 1024;

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
pub(super) fn unit_key(unit: &Unit) -> i64 {
    // Sorted on the stack for the usual few variants (an allocation per unit shows in an import).
    let mut few: [(&[u8], &[u8]); 8] = [(&[], &[]); 8];
    let n = unit.variants.len();
    if n <= few.len() {
        for (slot, v) in few.iter_mut().zip(&unit.variants) {
            *slot = (v.lang.as_str().as_bytes(), v.segment.content().as_bytes());
        }
        pairs_key(&mut few[..n])
    } else {
        let mut pairs: Vec<(&[u8], &[u8])> = unit
            .variants
            .iter()
            .map(|v| (v.lang.as_str().as_bytes(), v.segment.content().as_bytes()))
            .collect();
        pairs_key(&mut pairs)
    }
}

/// The key of a unit with these (language, content) pairs, in any order (see [`unit_key`]).
pub(super) fn pairs_key(pairs: &mut [(&[u8], &[u8])]) -> i64 {
    thread_local! {
        /// The bytes hashed, gathered first: hashing them in one call costs a fraction of
        /// feeding a streaming hasher piece by piece (an import does this per unit).
        static BYTES: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    pairs.sort_unstable();
    let digest = BYTES.with_borrow_mut(|bytes| {
        bytes.clear();
        for (lang, content) in pairs.iter() {
            bytes.extend_from_slice(lang);
            bytes.push(0x1F);
            bytes.extend_from_slice(content);
            bytes.push(0x1E);
        }
        let digest = xxhash_rust::xxh3::xxh3_128(bytes);
        // The bytes of an unusually long unit are not kept for the thread's lifetime.
        if bytes.capacity() > 1 << 20 {
            *bytes = Vec::new();
        }
        digest
    });
    digest as u64 as i64
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
        let cache_kib = match mode {
            Mode::Shared => CACHE_KIB,
            Mode::Private => PRIVATE_CACHE_KIB,
        };
        conn.pragma_update(None, "cache_size", -cache_kib)
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

    /// Starts an import: one transaction that [`Importer::commit`] ends. Dropping the importer
    /// without committing rolls everything back, as does a killed process.
    ///
    /// The keys of every stored unit are read into memory first (8 bytes a unit, from the chunks'
    /// `keys` column): an import looks each of its units up there instead of in a B-tree.
    pub fn importer(&mut self) -> Result<Importer<'_>> {
        let conn = &self.conn;
        let err = |source| Error::Store {
            path: self.path.clone(),
            source,
        };
        let mut rollback = Rollback { conn, open: false };
        conn.execute_batch("BEGIN IMMEDIATE").map_err(err)?;
        rollback.open = true;
        let mut keys = Keys::default();
        let mut next_id = 1;
        {
            let mut stmt = conn
                .prepare("SELECT first, count, keys FROM chunks ORDER BY first")
                .map_err(err)?;
            let mut rows = stmt.query([]).map_err(err)?;
            while let Some(row) = rows.next().map_err(err)? {
                let first: i64 = row.get(0).map_err(err)?;
                let count: i64 = row.get(1).map_err(err)?;
                let bytes = row.get_ref(2).and_then(|v| Ok(v.as_blob()?)).map_err(err)?;
                // Ids start at 1 (the key table takes 0 for a free slot).
                if first < 1 || bytes.len() as i64 != 8 * count {
                    return Err(err(Damaged.into()));
                }
                for (i, key) in bytes.chunks_exact(8).enumerate() {
                    let key = i64::from_le_bytes(key.try_into().expect("8 bytes"));
                    keys.insert(key, first + i as i64);
                }
                next_id = next_id.max(first + count);
            }
        }
        let insert_chunk = conn
            .prepare(
                "INSERT OR REPLACE INTO chunks (first, count, keys, summary, data)
                 VALUES (?1, ?2, ?3, ?4, zeroblob(?5))",
            )
            .map_err(err)?;
        let read_chunk = conn
            .prepare("SELECT first, data, keys FROM chunks WHERE first <= ?1 ORDER BY first DESC LIMIT 1")
            .map_err(err)?;
        Ok(Importer {
            insert_chunk,
            read_chunk,
            keys,
            next_id,
            building: None,
            stored: None,
            dirty: BTreeMap::new(),
            added: Summary::default(),
            rollback,
            path: self.path.clone(),
            now: tmx_now(),
            changed: false,
        })
    }

    /// The number of units.
    pub fn unit_count(&self) -> Result<u64> {
        self.conn
            .query_row("SELECT coalesce(sum(count), 0) FROM chunks", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n as u64)
            .map_err(|e| self.err(e))
    }

    /// The counts of all units: kept in `meta` and brought up to date by every import.
    fn summary(&self) -> Result<Summary> {
        let kept: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'summary'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))?;
        match kept {
            Some(text) => Summary::decode(&text).map_err(|d| self.err(d.into())),
            None => Ok(Summary::default()),
        }
    }

    /// Counts units per language and per language pair.
    pub fn stats(&self) -> Result<Stats> {
        let summary = self.summary()?;
        let mut pairs: Vec<PairCount> = summary
            .pairs
            .into_iter()
            .map(|((a, b), units)| PairCount {
                langs: [a, b],
                units,
            })
            .collect();
        pairs.sort_by(|x, y| y.units.cmp(&x.units).then_with(|| x.langs.cmp(&y.langs)));
        let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        let mut wal = self.path.clone().into_os_string();
        wal.push("-wal");
        Ok(Stats {
            units: self.unit_count()?,
            languages: by_count(summary.bases)
                .into_iter()
                .map(|(lang, units)| LanguageCount { lang, units })
                .collect(),
            pairs,
            size_bytes: size(&self.path) + size(Path::new(&wal)),
            schema_version: SCHEMA_VERSION,
        })
    }

    /// The distinct language tags in the store, with their unit counts, most frequent first.
    pub fn language_tags(&self) -> Result<Vec<(LangTag, u64)>> {
        Ok(by_count(self.summary()?.tags)
            .into_iter()
            .filter_map(|(tag, n)| LangTag::parse(&tag).ok().map(|t| (t, n)))
            .collect())
    }

    /// Calls `visit` with every unit in id order. With `bases`, only variants whose matching language
    /// is listed are given, and units without any are left out.
    pub fn for_each_unit(
        &self,
        bases: Option<&[String]>,
        mut visit: impl FnMut(StoredUnit) -> Result<()>,
    ) -> Result<()> {
        self.for_each_chunk(1, |first, chunk| {
            for i in 0..chunk.count() {
                let (added, mut unit) = chunk.unit(i).map_err(|d| self.err(d.into()))?;
                if let Some(bases) = bases {
                    unit.variants.retain(|v| bases.contains(&v.lang.base()));
                }
                if !unit.variants.is_empty() {
                    visit(StoredUnit {
                        id: first + i as i64,
                        added,
                        unit,
                    })?;
                }
            }
            Ok(ControlFlow::Continue(()))
        })
    }

    /// Calls `visit(first, chunk)` for the chunks from the one holding unit `from` on, in order,
    /// until it breaks.
    fn for_each_chunk(
        &self,
        from: i64,
        mut visit: impl FnMut(i64, &ChunkView<'_>) -> Result<ControlFlow<()>>,
    ) -> Result<()> {
        let err = |e| self.err(e);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT first, data FROM chunks
                 WHERE first >= coalesce((SELECT max(first) FROM chunks WHERE first <= ?1), 0)
                 ORDER BY first",
            )
            .map_err(err)?;
        let mut rows = stmt.query(params![from]).map_err(err)?;
        while let Some(row) = rows.next().map_err(err)? {
            let first: i64 = row.get(0).map_err(err)?;
            let data = row.get_ref(1).and_then(|v| Ok(v.as_blob()?)).map_err(err)?;
            let chunk = ChunkView::new(data).map_err(|d| err(d.into()))?;
            if visit(first, &chunk)?.is_break() {
                break;
            }
        }
        Ok(())
    }

    /// Runs `read` on the record of unit `id` and its chunk's origin; `None` when there is no such
    /// unit. Only those bytes of the chunk are read (incremental blob I/O), so reading units from all
    /// over the store (a search's candidates) does not copy whole chunks.
    fn with_record<T>(
        &self,
        id: i64,
        read: impl FnOnce(&[u8], &str) -> std::result::Result<T, Damaged>,
    ) -> Result<Option<T>> {
        let err = |e| self.err(e);
        let damaged = || self.err(Damaged.into());
        let found: Option<(i64, i64)> = self
            .conn
            .prepare_cached(
                "SELECT first, count FROM chunks WHERE first <= ?1 ORDER BY first DESC LIMIT 1",
            )
            .and_then(|mut stmt| {
                stmt.query_row(params![id], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()
            })
            .map_err(err)?;
        let Some((first, count)) = found else {
            return Ok(None);
        };
        let i = id - first;
        if i >= count {
            return Ok(None);
        }
        let blob = self
            .conn
            .blob_open(rusqlite::MAIN_DB, "chunks", "data", first, true)
            .map_err(err)?;
        let u32_at = |at: usize| -> Result<usize> {
            let mut bytes = [0u8; 4];
            blob.read_at_exact(&mut bytes, at).map_err(|_| damaged())?;
            Ok(u32::from_le_bytes(bytes) as usize)
        };
        let slots = u32_at(4)?;
        if i as usize >= slots {
            return Err(damaged());
        }
        let (start, end) = (u32_at(12 + 4 * i as usize)?, u32_at(16 + 4 * i as usize)?);
        let origin_at = 12 + 4 * (slots + 1);
        let origin_len = u32_at(8)?;
        if start > end || end > blob.len() || origin_at + origin_len > blob.len() {
            return Err(damaged());
        }
        let mut origin = vec![0u8; origin_len];
        let mut record = vec![0u8; end - start];
        blob.read_at_exact(&mut origin, origin_at)
            .and_then(|()| blob.read_at_exact(&mut record, start))
            .map_err(err)?;
        let origin = String::from_utf8(origin).map_err(|_| damaged())?;
        read(&record, &origin).map(Some).map_err(|d| err(d.into()))
    }

    /// Unit `id` as stored (`None` when there is no such unit).
    pub fn unit(&self, id: i64) -> Result<Option<StoredUnit>> {
        self.with_record(id, |record, origin| {
            let (added, unit) = chunk::decode_unit(record, Some(origin))?;
            Ok(StoredUnit { id, added, unit })
        })
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
        Ok(self.unit(id)?.map(|stored| stored.unit.props))
    }

    /// Whether any variant has matching language `base`.
    pub fn has_language(&self, base: &str) -> Result<bool> {
        Ok(self.summary()?.bases.contains_key(base))
    }

    /// The matching languages of the store, most units first.
    pub fn bases(&self) -> Result<Vec<String>> {
        Ok(by_count(self.summary()?.bases)
            .into_iter()
            .map(|(base, _)| base)
            .collect())
    }

    /// The highest unit id (0 for an empty store). Units are never deleted and a unit's variants
    /// never change once stored (an import merges only into a unit with the same variants), so the
    /// units above an id are exactly the ones added since it was the highest.
    pub fn high_water(&self) -> Result<i64> {
        self.conn
            .query_row(
                "SELECT coalesce(max(first + count - 1), 0) FROM chunks",
                [],
                |r| r.get(0),
            )
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
        self.for_each_variant_of(after, |unit, _, v| {
            visit(unit, v.base, v.text);
            Ok(ControlFlow::Continue(()))
        })
    }

    /// Calls `visit(unit, ord, variant)` for every variant of the units with ids above `after`, in
    /// unit and variant order, until it breaks.
    pub(super) fn for_each_variant_of(
        &self,
        after: i64,
        mut visit: impl FnMut(i64, usize, VariantRef<'_>) -> Result<ControlFlow<()>>,
    ) -> Result<()> {
        self.for_each_chunk(after + 1, |first, chunk| {
            let skip = (after + 1 - first).max(0) as usize;
            for i in skip..chunk.count() {
                let unit = first + i as i64;
                let record = chunk.record(i).map_err(|d| self.err(d.into()))?;
                let mut flow = Ok(ControlFlow::Continue(()));
                chunk::for_each_variant(record, |ord, v| {
                    if matches!(flow, Ok(ControlFlow::Continue(()))) {
                        flow = visit(unit, ord, v);
                    }
                })
                .map_err(|d| self.err(d.into()))?;
                if flow?.is_break() {
                    return Ok(ControlFlow::Break(()));
                }
            }
            Ok(ControlFlow::Continue(()))
        })
    }

    /// The number of variants of the units with ids up to `last`: from the chunks' counts, but for
    /// the chunk holding `last`, whose units up to it are read.
    pub(super) fn variant_count_through(&self, last: i64) -> Result<u64> {
        let err = |e| self.err(e);
        let mut stmt = self
            .conn
            .prepare("SELECT first, count, summary FROM chunks WHERE first <= ?1 ORDER BY first")
            .map_err(err)?;
        let mut rows = stmt.query(params![last]).map_err(err)?;
        let mut count = 0;
        while let Some(row) = rows.next().map_err(err)? {
            let (first, units): (i64, i64) = (row.get(0).map_err(err)?, row.get(1).map_err(err)?);
            if first + units - 1 <= last {
                let summary = row.get_ref(2).and_then(|v| Ok(v.as_str()?)).map_err(err)?;
                count += Summary::decode(summary)
                    .map_err(|d| err(d.into()))?
                    .variants;
            } else {
                for id in first..=last {
                    self.variants_of_unit(id, |_, _| count += 1)?;
                }
            }
        }
        Ok(count)
    }

    /// Calls `visit(ord, variant)` for the variants of unit `id`, in order; `false` when there is
    /// no such unit.
    pub(super) fn variants_of_unit(
        &self,
        id: i64,
        mut visit: impl FnMut(usize, VariantRef<'_>),
    ) -> Result<bool> {
        Ok(self
            .with_record(id, |record, _| chunk::for_each_variant(record, &mut visit))?
            .is_some())
    }

    /// The texts of a unit's variants in matching language `base`, in order.
    pub fn texts(&self, unit: i64, base: &str) -> Result<Vec<String>> {
        let mut texts = Vec::new();
        self.variants_of_unit(unit, |_, v| {
            if v.base == base {
                texts.push(v.text.to_string());
            }
        })?;
        Ok(texts)
    }

    /// The texts and markup of a unit's variants in matching language `base`, in order.
    pub(super) fn marked_texts(
        &self,
        unit: i64,
        base: &str,
    ) -> Result<Vec<(String, Option<String>)>> {
        let mut texts = Vec::new();
        self.variants_of_unit(unit, |_, v| {
            if v.base == base {
                texts.push((v.text.to_string(), v.markup.map(str::to_string)));
            }
        })?;
        Ok(texts)
    }

    /// Runs SQLite's own consistency check; `Ok(())` when it reports `ok`.
    pub fn integrity_check(&self) -> Result<String> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }
}

/// The names of a count map, most counted first, then by name.
fn by_count(counts: BTreeMap<String, u64>) -> Vec<(String, u64)> {
    let mut sorted: Vec<(String, u64)> = counts.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    sorted
}

/// [`identity`] of a stored unit's record.
fn record_identity(record: &[u8]) -> std::result::Result<Vec<(&str, &str)>, Damaged> {
    let mut pairs = Vec::new();
    chunk::for_each_variant(record, |_, v| pairs.push((v.lang, v.content())))?;
    pairs.sort_unstable();
    Ok(pairs)
}

/// Dirty chunks an import keeps in memory before it writes them.
const DIRTY_CHUNKS: usize = 32;

/// One import transaction. Dropping it without [`Importer::commit`] rolls everything back.
pub struct Importer<'a> {
    // Fields drop in order: the statements are finalized before the transaction ends.
    insert_chunk: Statement<'a>,
    read_chunk: Statement<'a>,
    /// Every unit's key: the stored ones and this import's.
    keys: Keys,
    /// The id the next new unit gets.
    next_id: i64,
    /// The chunk new units go into.
    building: Option<ChunkBuilder>,
    /// The stored chunk read last, to compare units found by key: (first, data, keys).
    stored: Option<(i64, Vec<u8>, Vec<u8>)>,
    /// Stored chunks with merged units, by first id, written at commit (or when there are many).
    dirty: BTreeMap<i64, ChunkBuilder>,
    /// The counts of the units this import added.
    added: Summary,
    rollback: Rollback<'a>,
    path: PathBuf,
    now: String,
    /// Whether anything was added or merged: the store generation moves on commit.
    changed: bool,
}

/// Ends an import's transaction when dropped unless it was committed.
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
    }
}

/// Where a unit's record is while an import runs.
enum Place {
    /// In the chunk being built, at this index.
    Building(usize),
    /// In a dirty chunk (by first id), at this index.
    Dirty(i64, usize),
    /// In the stored chunk read last, at this index.
    Stored(usize),
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

    /// Makes room for `units` more keys at once (growing the key map as units come copies it
    /// again and again: a 1M-unit import spent about 1 % of its time there).
    pub fn reserve(&mut self, units: usize) {
        self.keys.reserve(units);
    }

    /// Adds a unit, or merges it into the unit with the same variants. Text and markup are put into
    /// NFC first; the caller drops empty variants. `origin` (the file the unit came from) is recorded
    /// on new units that do not name an origin already (a tarjuman export does), so importing the
    /// same content again changes nothing.
    pub fn add(&mut self, mut unit: Unit, origin: Option<&str>) -> Result<Added> {
        let mut records = self.records(origin.is_some());
        records.push_unit(&mut unit);
        let mut added = None;
        self.add_records(&mut records, origin, |a| added = Some(a))?;
        Ok(added.expect("one unit, one outcome"))
    }

    /// An empty batch of records for [`Importer::add_records`] (`has_origin` as its `origin` is
    /// some).
    pub fn records(&self, has_origin: bool) -> Records {
        Records::new(&self.now, has_origin)
    }

    /// [`Importer::add`] for each unit of `records` in order (made by [`Importer::records`] with
    /// `has_origin` as `origin` is some), telling `each` what it did.
    pub fn add_records(
        &mut self,
        records: &mut Records,
        origin: Option<&str>,
        mut each: impl FnMut(Added),
    ) -> Result<()> {
        records.work_out_keys();
        // Their slots in the key map fetched together (see `super::keys`).
        self.keys.prefetch(records.keys());
        'units: for (record, key, shape) in records.iter() {
            let candidates = self.keys.candidates(key);
            if !candidates.is_empty() {
                // Most often a unit imported again as it was: its record is the stored one but
                // for the date, and a merge would change nothing (see `merge`, which takes the
                // new unit's props without its origin).
                let again = chunk::after_date(record).map_err(|_| self.err(Damaged.into()))?;
                for &id in &candidates {
                    let place = self.place(id)?;
                    let stored = self.record(&place).map_err(|_| self.err(Damaged.into()))?;
                    if chunk::after_date(stored).is_ok_and(|stored| stored == again) {
                        each(Added::Unchanged(id));
                        continue 'units;
                    }
                }
                let (_, unit) =
                    chunk::decode_unit(record, None).map_err(|_| self.err(Damaged.into()))?;
                for id in candidates {
                    if let Some(added) = self.merge(id, &unit)? {
                        self.changed |= matches!(added, Added::Merged(_));
                        each(added);
                        continue 'units;
                    }
                }
            }
            let origin = origin.filter(|_| chunk::takes_origin(record));
            each(Added::New(self.push(record, key, shape, origin)?));
        }
        Ok(())
    }

    /// Adds a new unit's record to the chunk being built (writing it first when it is full, or when
    /// the unit takes its origin and that is another file's) and returns its id.
    fn push(
        &mut self,
        record: &[u8],
        key: i64,
        shape: &[(String, String)],
        origin: Option<&str>,
    ) -> Result<i64> {
        let fits = self
            .building
            .as_ref()
            .is_some_and(|b| !b.is_full() && origin.is_none_or(|o| o == b.origin()));
        if !fits {
            self.write_building()?;
            self.building = Some(ChunkBuilder::new(self.next_id, origin.unwrap_or("")));
        }
        let building = self.building.as_mut().expect("made above");
        building.push_new(key, record, shape);
        let id = self.next_id;
        self.next_id += 1;
        self.keys.insert(key, id);
        self.changed = true;
        Ok(id)
    }

    /// Writes the chunk being built, if any, counting its units as added.
    fn write_building(&mut self) -> Result<()> {
        if let Some(building) = self.building.take() {
            let summary = self.write(building)?;
            self.added.absorb(summary);
        }
        Ok(())
    }

    /// Writes a chunk's row and returns its counts.
    fn write(&mut self, chunk: ChunkBuilder) -> Result<Summary> {
        let done = chunk.finish();
        // The row is made with room for the data, which is then written into its pages: bound as
        // a value, SQLite would copy it twice more on the way (the bound copy and the record).
        self.insert_chunk
            .execute(params![
                done.first,
                done.count as i64,
                done.keys,
                done.summary.encode(),
                done.data.len() as i64
            ])
            .map_err(|e| self.err(e))?;
        let mut blob = self
            .conn()
            .blob_open(rusqlite::MAIN_DB, "chunks", "data", done.first, false)
            .map_err(|e| self.err(e))?;
        blob.write_all_at(&done.data, 0).map_err(|e| self.err(e))?;
        Ok(done.summary)
    }

    /// Finds where unit `id`'s record is, reading its chunk when it is not in memory.
    fn place(&mut self, id: i64) -> Result<Place> {
        if let Some(b) = self.building.as_ref().filter(|b| id >= b.first) {
            return Ok(Place::Building((id - b.first) as usize));
        }
        if let Some((&first, _)) = self.dirty.range(..=id).next_back()
            && id < first + self.dirty[&first].len() as i64
        {
            return Ok(Place::Dirty(first, (id - first) as usize));
        }
        let in_stored = |s: &(i64, Vec<u8>, Vec<u8>)| {
            ChunkView::new(&s.1).is_ok_and(|c| s.0 <= id && id < s.0 + c.count() as i64)
        };
        if !self.stored.as_ref().is_some_and(in_stored) {
            let found = self
                .read_chunk
                .query_row(params![id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .map_err(|e| Error::Store {
                    path: self.path.clone(),
                    source: e,
                })?;
            self.stored = Some(found);
        }
        let stored = self.stored.as_ref().expect("read above");
        if !in_stored(stored) {
            return Err(self.err(Damaged.into()));
        }
        Ok(Place::Stored((id - stored.0) as usize))
    }

    /// The record at `place`.
    fn record(&self, place: &Place) -> std::result::Result<&[u8], Damaged> {
        match *place {
            Place::Building(i) => Ok(self.building.as_ref().ok_or(Damaged)?.record(i)),
            Place::Dirty(first, i) => Ok(self.dirty.get(&first).ok_or(Damaged)?.record(i)),
            Place::Stored(i) => ChunkView::new(&self.stored.as_ref().ok_or(Damaged)?.1)?.record(i),
        }
    }

    /// Merges the properties of `unit` into stored unit `id` (found by key) when its variants are the
    /// same; `None` when they are not (a collision of keys).
    fn merge(&mut self, id: i64, unit: &Unit) -> Result<Option<Added>> {
        let place = self.place(id)?;
        let damaged = |this: &Self| this.err(Damaged.into());
        let record = self.record(&place).map_err(|_| damaged(self))?;
        if record_identity(record).map_err(|_| damaged(self))? != identity(unit) {
            return Ok(None);
        }
        let origin = match &place {
            Place::Building(_) => self.building.as_ref().map(|b| b.origin().to_string()),
            Place::Dirty(first, _) => self.dirty.get(first).map(|b| b.origin().to_string()),
            Place::Stored(_) => self
                .stored
                .as_ref()
                .and_then(|s| ChunkView::new(&s.1).ok()?.origin().ok().map(str::to_string)),
        }
        .unwrap_or_default();
        let (added, mut stored) =
            chunk::decode_unit(record, Some(&origin)).map_err(|_| damaged(self))?;
        let before = (
            stored.props.clone(),
            stored
                .variants
                .iter()
                .map(|v| v.props.clone())
                .collect::<Vec<_>>(),
        );
        stored.props.merge(&unit.props);
        // Variant properties: merge into the stored variant with the same language and content.
        for variant in unit.variants.iter().filter(|v| !v.props.is_empty()) {
            if let Some(same) = stored.variants.iter_mut().find(|s| {
                s.lang == variant.lang && s.segment.content() == variant.segment.content()
            }) {
                same.props.merge(&variant.props);
            }
        }
        let unchanged = stored.props == before.0
            && stored.variants.iter().map(|v| &v.props).eq(before.1.iter());
        if unchanged {
            return Ok(Some(Added::Unchanged(id)));
        }
        // The origin is in the props now, so the record does not take the chunk's.
        let mut record = Vec::new();
        chunk::encode_unit(&mut record, &added, &stored, false);
        match place {
            Place::Building(i) => {
                if let Some(b) = self.building.as_mut() {
                    b.replace(i, record)
                }
            }
            Place::Dirty(first, i) => {
                if let Some(b) = self.dirty.get_mut(&first) {
                    b.replace(i, record)
                }
            }
            Place::Stored(i) => {
                let (first, data, keys) = self.stored.take().expect("placed there");
                let mut builder =
                    ChunkBuilder::from_stored(first, &data, &keys).map_err(|_| damaged(self))?;
                builder.replace(i, record);
                if self.dirty.len() == DIRTY_CHUNKS {
                    let (_, oldest) = self.dirty.pop_first().expect("full");
                    self.write(oldest)?;
                }
                self.dirty.insert(first, builder);
            }
        }
        Ok(Some(Added::Merged(id)))
    }

    /// Whether the store already holds a unit with the same variants.
    pub fn contains(&mut self, unit: &Unit) -> Result<bool> {
        let mut unit = unit.clone();
        normalize_unit(&mut unit);
        let want = identity(&unit);
        for id in self.keys.candidates(unit_key(&unit)) {
            let place = self.place(id)?;
            let record = self.record(&place).map_err(|_| self.err(Damaged.into()))?;
            if record_identity(record).map_err(|_| self.err(Damaged.into()))? == want {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Makes the import permanent. When anything changed, the store generation moves on, which
    /// tells every derived index that it is stale.
    pub fn commit(mut self) -> Result<()> {
        self.write_building()?;
        for (_, chunk) in std::mem::take(&mut self.dirty) {
            self.write(chunk)?;
        }
        if self.changed {
            let conn = self.conn();
            let mut summary: Summary = conn
                .query_row("SELECT value FROM meta WHERE key = 'summary'", [], |r| {
                    r.get::<_, String>(0)
                })
                .optional()
                .map_err(|e| self.err(e))?
                .map(|text| Summary::decode(&text))
                .transpose()
                .map_err(|d| self.err(d.into()))?
                .unwrap_or_default();
            summary.absorb(std::mem::take(&mut self.added));
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('summary', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![summary.encode()],
            )
            .map_err(|e| self.err(e))?;
            conn.execute(
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
    use crate::model::{Segment, Variant};

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
    fn the_key_ignores_variant_order_but_not_content() {
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
        let seen = units(&store);
        assert_eq!(seen[0].props.values("x-context").count(), 1);
        assert_eq!(seen[0].variants[1].segment.text, "Baş direktor");
    }

    #[test]
    fn a_unit_imported_again_changes_only_when_it_brings_new_props() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let base = || {
            let mut u = unit(&[("en", "File"), ("kk", "Файл")]);
            u.props.set_attr("tuid", "1");
            u.variants[1].props.add_note("n");
            u
        };
        let mut imp = store.importer().unwrap();
        let Added::New(id) = imp.add(base(), Some("a.tmx")).unwrap() else {
            panic!("new")
        };
        // Again in the same import (its chunk still being built), and again in a later one from
        // another file (the chunk stored; a duplicate's origin is not added).
        assert_eq!(
            imp.add(base(), Some("a.tmx")).unwrap(),
            Added::Unchanged(id)
        );
        imp.commit().unwrap();
        let before = contents(&store);
        let mut imp = store.importer().unwrap();
        assert_eq!(
            imp.add(base(), Some("b.tmx")).unwrap(),
            Added::Unchanged(id)
        );
        imp.commit().unwrap();
        assert!(contents(&store) == before, "the store changed");
        // New props at either level are merged in.
        let mut imp = store.importer().unwrap();
        // (A note of the same length instead of the one stored: a record as long.)
        let mut note = base();
        note.variants[1].props.notes = vec!["m".to_string()];
        assert_eq!(imp.add(note, None).unwrap(), Added::Merged(id));
        let mut attr = base();
        attr.props.set_attr("changeid", "me");
        assert_eq!(imp.add(attr, None).unwrap(), Added::Merged(id));
        imp.commit().unwrap();
        let seen = units(&store);
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].props.attr("changeid"), Some("me"));
        assert_eq!(seen[0].variants[1].props.notes, ["n", "m"]);
        let origins: Vec<_> = seen[0].props.values(crate::model::ORIGIN_PROP).collect();
        assert_eq!(origins, ["a.tmx"]);
    }

    /// The store's units, in id order.
    fn units(store: &Store) -> Vec<Unit> {
        let mut units = Vec::new();
        store
            .for_each_unit(None, |u| {
                units.push(u.unit);
                Ok(())
            })
            .unwrap();
        units
    }

    /// A new store in `dir` holding one en/kk unit.
    fn store_with_one_unit(dir: &Path) -> Store {
        let mut store = Store::open(&dir.join("t.db")).unwrap();
        let mut imp = store.importer().unwrap();
        imp.add(unit(&[("en", "File"), ("kk", "Файл")]), None)
            .unwrap();
        imp.commit().unwrap();
        store
    }

    #[test]
    fn a_rolled_back_import_leaves_the_store_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store_with_one_unit(dir.path());
        let before = contents(&store);
        {
            let mut imp = store.importer().unwrap();
            for i in 0..600 {
                imp.add(unit(&[("en", &format!("Error {i}")), ("kk", "Қате")]), None)
                    .unwrap();
            }
            // A merge into a stored unit, too.
            let mut again = unit(&[("en", "File"), ("kk", "Файл")]);
            again.props.add_note("later");
            assert!(matches!(imp.add(again, None).unwrap(), Added::Merged(1)));
        }
        assert_eq!(store.unit_count().unwrap(), 1);
        assert_eq!(store.stats().unwrap().units, 1);
        assert!(store.unit_props(1).unwrap().unwrap().notes.is_empty());
        assert_eq!(store.integrity_check().unwrap(), "ok");
        assert!(contents(&store) == before, "the store changed");
    }

    /// Every row of the store's chunks and meta tables.
    fn contents(store: &Store) -> Vec<Vec<rusqlite::types::Value>> {
        let mut rows = Vec::new();
        for sql in [
            "SELECT first, count, keys, summary, data FROM chunks ORDER BY first",
            "SELECT key, value, NULL, NULL, NULL FROM meta ORDER BY key",
        ] {
            let mut stmt = store.conn.prepare(sql).unwrap();
            let mut found = stmt.query([]).unwrap();
            while let Some(row) = found.next().unwrap() {
                rows.push((0..5).map(|i| row.get(i).unwrap()).collect());
            }
        }
        rows
    }

    /// Two units with different variants under the same key (a 64-bit collision, forced).
    fn colliding(imp: &mut Importer<'_>) -> (Added, Added, Added) {
        let mut records = imp.records(false);
        for pairs in [
            &[("en", "File"), ("kk", "Файл")],
            &[("en", "Error"), ("kk", "Қате")],
            &[("kk", "Қате"), ("en", "Error")],
        ] {
            records.push_unit(&mut unit(pairs));
        }
        let key = records.keys().next().unwrap();
        records.force_key(1, key);
        records.force_key(2, key);
        let mut outcomes = Vec::new();
        imp.add_records(&mut records, None, |a| outcomes.push(a))
            .unwrap();
        (outcomes[0], outcomes[1], outcomes[2])
    }

    #[test]
    fn units_with_the_same_key_but_other_variants_are_kept_apart() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        // Within one import ...
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
        // ... and into a store that has them.
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
        // Version 5 keeps ids, dates and props.
        let stored = store.unit(7).unwrap().unwrap();
        assert_eq!(stored.added, "20250101T000000Z");
        assert_eq!(stored.unit.variants.len(), 2);
        assert_eq!(store.stats().unwrap().pairs[0].units, 2);
    }

    #[test]
    fn a_batch_finds_duplicates_of_units_whose_variants_are_still_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let numbered = |i: usize| -> Unit {
            let mut u = unit(&[("en", &format!("File {i}")), ("kk", &format!("Файл {i}"))]);
            u.props.add_prop("x-n", format!("{i}"));
            u
        };
        // 40 units; unit 20 repeats unit 19 and unit 39 repeats unit 3 (its variants in another
        // order and another normal form), in the chunk being built.
        let batch: Vec<Unit> = (0..40)
            .map(|i| match i {
                20 => numbered(19),
                39 => unit(&[("kk", "Фаи\u{0306}л 3"), ("en", "File 3")]),
                i => numbered(i),
            })
            .collect();
        for round in 0..2 {
            let mut imp = store.importer().unwrap();
            let mut outcomes = Vec::new();
            let mut records = imp.records(false);
            for unit in &batch {
                records.push_unit(&mut unit.clone());
            }
            imp.add_records(&mut records, None, |a| outcomes.push(a))
                .unwrap();
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
        let seen = units(&store);
        let expected: Vec<Unit> = (0..40)
            .filter(|i| ![20, 39].contains(i))
            .map(numbered)
            .collect();
        assert_eq!(seen.len(), expected.len());
        for (got, want) in seen.iter().zip(&expected) {
            assert_eq!(got.variants, want.variants);
        }
    }

    #[test]
    fn variants_are_counted_through_any_unit() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let mut imp = store.importer().unwrap();
        let mut expected = vec![0u64];
        for i in 0..600 {
            let mut pairs = vec![("en".to_string(), format!("File {i}"))];
            for (j, lang) in ["kk", "ar", "az"].iter().enumerate().take(i % 4) {
                pairs.push((lang.to_string(), format!("{j} {i}")));
            }
            let pairs: Vec<(&str, &str)> = pairs
                .iter()
                .map(|(l, t)| (l.as_str(), t.as_str()))
                .collect();
            imp.add(unit(&pairs), None).unwrap();
            expected.push(expected.last().unwrap() + pairs.len() as u64);
        }
        imp.commit().unwrap();
        // Through the middle and the ends of chunks (256 units each), and past the last unit.
        for last in [0, 1, 100, 255, 256, 257, 511, 512, 513, 599, 600] {
            assert_eq!(
                store.variant_count_through(last).unwrap(),
                expected[last as usize],
                "through {last}"
            );
        }
        assert_eq!(store.variant_count_through(10_000).unwrap(), expected[600]);
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
    fn a_chunk_with_an_id_below_one_is_damage_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store_with_one_unit(dir.path());
        store
            .conn()
            .execute("UPDATE chunks SET first = 0", [])
            .unwrap();
        match store.importer() {
            Err(Error::Store { source, .. }) => {
                assert!(source.to_string().contains("does not decode"), "{source}")
            }
            Err(other) => panic!("expected damage, got {other:?}"),
            Ok(_) => panic!("expected damage, got an importer"),
        }
    }

    #[test]
    fn a_file_that_is_not_a_store_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        std::fs::write(&path, "just text").unwrap();
        assert!(matches!(Store::open(&path), Err(Error::NotAStore { .. })));
    }
}
