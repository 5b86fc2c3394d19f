//! Importing files into the store: every file of one call in one transaction, with a summary of what
//! was added, merged and passed over.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TryRecvError, sync_channel};
use std::sync::{Arc, OnceLock};

use super::records::Records;
use super::staging::{self, Published, Staged};
use super::store::{Added, Store};
use crate::error::{Error, Result};
use crate::formats::{self, Format, Next, ReadAhead, ReadOptions, Skipped};
use crate::model::Unit;

/// What importing one file did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct FileSummary {
    pub path: PathBuf,
    /// Units the file holds (after dropping empty ones).
    pub units: u64,
    /// Units the store did not have.
    pub added: u64,
    /// Units the store had already (same variants): their properties were merged.
    pub duplicates: u64,
    /// Units with a single language (kept: they still serve as sources).
    pub single_language: u64,
    /// Variants dropped because their segment was empty.
    pub empty_segments: u64,
    /// Units dropped because no variant had any text.
    pub empty_units: u64,
    /// What the reader passed over on purpose.
    #[serde(skip)]
    pub skipped: Skipped,
}

impl FileSummary {
    /// PO entries skipped as fuzzy.
    pub fn fuzzy(&self) -> u64 {
        self.skipped.fuzzy
    }
}

/// Receives progress while files are read.
pub trait Progress {
    /// A new file starts; `len` is its size in bytes.
    fn start(&mut self, path: &Path, len: u64);
    /// `bytes` of the current file have been read.
    fn advance(&mut self, bytes: u64);
    /// The current file is done.
    fn finish(&mut self);
}

/// Progress that goes nowhere.
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&mut self, _: &Path, _: u64) {}
    fn advance(&mut self, _: u64) {}
    fn finish(&mut self) {}
}

/// Removes empty variants (counting them) and reports whether anything is left.
fn drop_empty_variants(unit: &mut Unit, summary: &mut FileSummary) -> bool {
    let before = unit.variants.len();
    unit.variants
        .retain(|v| !v.segment.text.is_empty() || v.segment.markup.is_some());
    summary.empty_segments += (before - unit.variants.len()) as u64;
    !unit.variants.is_empty()
}

/// Units per message from the reading thread to the storing one: some 75 KB of records, so that
/// the records in flight (and the batches coming back to be written into again) stay in the cores'
/// caches, yet the threads wake each other seldom (with 64, waking took a tenth of an import's
/// CPU time: 0.49 s against 0.45 s for 1M units, with 128 to 512 alike).
const BATCH: usize = 256;
/// Batches in flight: what the reader may be ahead of the store, so memory stays bounded.
const BATCHES_IN_FLIGHT: usize = 8;
/// Batches waiting for the storing thread from which on the reader works out the keys of the units
/// it sends (it is ahead: the store has the more work); with fewer waiting, the store does.
const AHEAD: usize = 2;

/// File bytes per unit assumed when making room for an import's keys.
const BYTES_PER_UNIT: u64 = 300;
/// Keys made room for at most ahead: a table of 4M slots (64 MB), what a 1 GB TMX needs anyway.
const MAX_RESERVED: u64 = 3 << 20;

/// What the reading thread sends: units as store records and how far into the file it is, an
/// error, or (last) the counts it kept.
enum Message {
    Units(Records, u64),
    Failed(Error),
    Done(FileSummary),
}

/// The two ends of the channel from the reading thread to the storing one.
struct Channel<'c> {
    /// The file the reader reads, once it says, for the storing thread to read ahead.
    file: &'c OnceLock<Arc<ReadAhead>>,
    tx: SyncSender<Message>,
    /// Batches stored already, sent back to be written into again.
    done: Receiver<Records>,
    /// Batches sent and not yet taken by the storing thread.
    waiting: &'c AtomicUsize,
}

impl Channel<'_> {
    /// Sends a batch of units read up to `read` bytes; `false` when the storing side has hung up.
    fn send(&self, batch: Records, read: u64) -> bool {
        self.waiting.fetch_add(1, Ordering::Relaxed);
        self.tx.send(Message::Units(batch, read)).is_ok()
    }

    /// Whether the storing thread has [`AHEAD`] batches or more waiting.
    fn store_is_behind(&self) -> bool {
        self.waiting.load(Ordering::Relaxed) >= AHEAD
    }
}

/// Reads `path` into store records, filling `batch` first, counting oddities in `summary`, and
/// sends them on; stops early when the receiving side has hung up.
///
/// Plain units go from the file's bytes straight into their records ([`formats::UnitSink`]);
/// others are read into a unit and encoded. Which thread works out the keys of the plain ones is
/// decided batch by batch: this one when the store has batches waiting, else the store (see
/// [`AHEAD`]). So the work goes to the thread that would otherwise wait.
fn read_file(
    path: &Path,
    format: Option<Format>,
    options: &ReadOptions,
    mut summary: FileSummary,
    mut batch: Records,
    channel: &Channel<'_>,
) -> Result<Option<FileSummary>> {
    let mut reader = formats::open(path, format, options)?;
    // A unit the fast path did not take is read into this one (its strings reused).
    let mut unit = Unit::default();
    loop {
        match reader.next_into(&mut batch, &mut unit)? {
            Next::End => break,
            Next::Sunk(languages) => {
                summary.units += 1;
                if languages < 2 {
                    summary.single_language += 1;
                }
            }
            Next::Unit => {
                if !drop_empty_variants(&mut unit, &mut summary) {
                    summary.empty_units += 1;
                    continue;
                }
                summary.units += 1;
                if unit.language_count() < 2 {
                    summary.single_language += 1;
                }
                batch.push_unit(&mut unit);
            }
        }
        if batch.len() == BATCH {
            // Batches stored already come back to be written into again (or freed) here.
            let next = match channel.done.try_recv() {
                Ok(mut stored) => {
                    stored.clear();
                    stored
                }
                Err(_) => batch.clone_empty(),
            };
            if channel.file.get().is_none()
                && let Some(file) = reader.read_ahead()
            {
                let _ = channel.file.set(file);
            }
            let full = std::mem::replace(&mut batch, next);
            if !channel.send(full, reader.bytes_read()) {
                return Ok(None);
            }
            batch.keys_later(!channel.store_is_behind());
        }
    }
    if !batch.is_empty() && !channel.send(batch, reader.bytes_read()) {
        return Ok(None);
    }
    summary.skipped = reader.skipped();
    Ok(Some(summary))
}

/// Imports `paths` into the store at `path`, creating it when there is none, and returns the store
/// with what each file did. Either every file is imported, or (on the first error) none: a store
/// that existed is left as it was, and one that did not is not created.
///
/// A new store is filled aside and published whole ([`super::staging`]), which spares the write-ahead
/// log (every page written twice) and its syncs; an existing one takes the import in one transaction
/// ([`import`]). Should a store appear at `path` while a new one is filled (or the file system not
/// allow publishing it), the files are imported into the store at `path` instead.
pub fn import_into(
    path: &Path,
    paths: &[PathBuf],
    format: Option<Format>,
    options: &ReadOptions,
    progress: &mut dyn Progress,
) -> Result<(Store, Vec<FileSummary>)> {
    if staging::is_new(path) {
        staging::remove_stale(path);
        let mut staged = Staged::create(path)?;
        // A store takes about as many bytes as the files it is imported from (a TMX of 1M units:
        // 319 MB, its store 304 MB).
        staged.preallocate(file_lens(paths).iter().sum());
        let summaries = import_units(staged.store(), paths, format, options, progress)?;
        if let Published::Done(store) = staged.publish()? {
            // Saved fuzzy indexes of an earlier store by this name check the generation first.
            let _ = super::fuzzy::refresh(&store);
            return Ok((store, summaries));
        }
    }
    let mut store = Store::open(path)?;
    let created = store.was_created();
    match import(&mut store, paths, format, options, progress) {
        Ok(summaries) => Ok((store, summaries)),
        Err(error) => {
            drop(store);
            if created {
                remove_store_files(path);
            }
            Err(error)
        }
    }
}

/// The origin recorded on the units imported from `path`: its file name.
fn origin_of(path: &Path) -> Option<String> {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
}

/// The sizes of the files at `paths` (0 for one that cannot be read: reading it will say why).
fn file_lens(paths: &[PathBuf]) -> Vec<u64> {
    paths
        .iter()
        .map(|path| std::fs::metadata(path).map(|m| m.len()).unwrap_or(0))
        .collect()
}

/// Removes a store file (and its journal files), as after a failed import that created it.
pub fn remove_store_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// Imports `paths` in one transaction: either every file is imported, or (on the first error) none.
/// Then the saved fuzzy indexes take in the new units ([`super::fuzzy::refresh`]).
pub fn import(
    store: &mut Store,
    paths: &[PathBuf],
    format: Option<Format>,
    options: &ReadOptions,
    progress: &mut dyn Progress,
) -> Result<Vec<FileSummary>> {
    let summaries = import_units(store, paths, format, options, progress)?;
    // The import stands either way: an index this cannot bring up to date is brought up to date
    // by the next match, which checks the store generation first.
    let _ = super::fuzzy::refresh(store);
    Ok(summaries)
}

/// [`import`] without the fuzzy indexes.
///
/// Each file is read into store records ([`Records`]) on a second thread while this one stores
/// them, so parsing and SQLite overlap; a bounded channel keeps the reader at most a few batches
/// ahead.
/// When this thread has nothing to store, it reads the file ahead for the reader (TMX only), so
/// that neither waits long for the other.
fn import_units(
    store: &mut Store,
    paths: &[PathBuf],
    format: Option<Format>,
    options: &ReadOptions,
    progress: &mut dyn Progress,
) -> Result<Vec<FileSummary>> {
    let mut importer = store.importer()?;
    let lens = file_lens(paths);
    // Room for the keys of the units the files are likely to hold (a TMX unit of two short
    // segments takes some 300 bytes): a guess too small only means the map grows.
    let bytes: u64 = lens.iter().sum();
    importer.reserve((bytes / BYTES_PER_UNIT).min(MAX_RESERVED) as usize);
    let mut summaries = Vec::with_capacity(paths.len());
    for (path, &len) in paths.iter().zip(&lens) {
        progress.start(path, len);
        let summary = FileSummary {
            path: path.clone(),
            ..FileSummary::default()
        };
        let origin = origin_of(path);
        let (tx, rx) = sync_channel(BATCHES_IN_FLIGHT);
        let (done_tx, done) = sync_channel(BATCHES_IN_FLIGHT + 2);
        let waiting = AtomicUsize::new(0);
        let file = OnceLock::new();
        let first = importer.records(origin.is_some());
        let summary = std::thread::scope(|scope| -> Result<FileSummary> {
            let (waiting, file) = (&waiting, &file);
            scope.spawn(move || {
                let channel = Channel {
                    file,
                    tx,
                    done,
                    waiting,
                };
                let message = match read_file(path, format, options, summary, first, &channel) {
                    Ok(Some(summary)) => Message::Done(summary),
                    Ok(None) => return,
                    Err(error) => Message::Failed(error),
                };
                let _ = channel.tx.send(message);
            });
            let (mut added, mut duplicates) = (0, 0);
            let mut last_reported = 0;
            // Waiting for the reader, this thread reads the file ahead for it. The reader stops
            // at its next send once `rx` is dropped (on an error here).
            let next = || loop {
                match rx.try_recv() {
                    Ok(message) => return Some(message),
                    Err(TryRecvError::Empty) if file.get().is_some_and(|f| f.help()) => {}
                    Err(TryRecvError::Empty) => return rx.recv().ok(),
                    Err(TryRecvError::Disconnected) => return None,
                }
            };
            while let Some(message) = next() {
                let mut batch = match message {
                    Message::Units(batch, read) => {
                        waiting.fetch_sub(1, Ordering::Relaxed);
                        if read - last_reported >= 1 << 16 {
                            progress.advance(read);
                            last_reported = read;
                        }
                        batch
                    }
                    Message::Failed(error) => return Err(error),
                    Message::Done(mut summary) => {
                        summary.added = added;
                        summary.duplicates = duplicates;
                        return Ok(summary);
                    }
                };
                importer.add_records(&mut batch, origin.as_deref(), |outcome| match outcome {
                    Added::New(_) => added += 1,
                    Added::Merged(_) | Added::Unchanged(_) => duplicates += 1,
                })?;
                // Full when the reader is not taking them back: then this thread frees them.
                let _ = done_tx.try_send(batch);
            }
            unreachable!("the reading thread ends with Done or Failed, or panics");
        })?;
        progress.finish();
        summaries.push(summary);
    }
    importer.commit()?;
    Ok(summaries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Position;
    use crate::model::ORIGIN_PROP;
    use std::fmt::Write;

    /// A TMX of `n` distinct units, then (with `broken`) a malformed one on the last line.
    fn tmx(n: usize, broken: bool) -> String {
        let mut s = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header srclang=\"en\"/>\n<body>\n",
        );
        for i in 0..n {
            writeln!(
                s,
                "<tu><tuv xml:lang=\"en\"><seg>File {i}</seg></tuv><tuv xml:lang=\"az\"><seg>Fayl {i}</seg></tuv></tu>"
            )
            .unwrap();
        }
        if broken {
            s.push_str("<tu><tuv xml:lang=\"en\"><seg>x &nope; y</seg></tuv></tu>\n");
        }
        s.push_str("</body>\n</tmx>\n");
        s
    }

    #[test]
    fn an_error_after_many_batches_names_its_line_and_imports_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.tmx");
        let bad = dir.path().join("bad.tmx");
        let n = BATCH * BATCHES_IN_FLIGHT * 3 + 7;
        std::fs::write(&good, tmx(n, false)).unwrap();
        std::fs::write(&bad, tmx(n, true)).unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let paths = [good.clone(), bad];
        let result = import(
            &mut store,
            &paths,
            None,
            &ReadOptions::default(),
            &mut NoProgress,
        );
        match result {
            Err(Error::Input {
                position: Some(Position { line, .. }),
                ..
            }) => assert_eq!(line, n as u64 + 5),
            other => panic!("expected an input error, got {other:?}"),
        }
        assert_eq!(store.unit_count().unwrap(), 0);
        let summaries = import(
            &mut store,
            &[good],
            None,
            &ReadOptions::default(),
            &mut NoProgress,
        )
        .unwrap();
        assert_eq!(summaries[0].units, n as u64);
        assert_eq!(summaries[0].added, n as u64);
        assert_eq!(store.unit_count().unwrap(), n as u64);
        assert_eq!(store.integrity_check().unwrap(), "ok");
    }

    #[test]
    fn new_units_record_the_file_they_came_from_unless_they_name_one() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("first.tmx");
        let second = dir.path().join("second.tmx");
        let n = BATCH * 2 + 3;
        std::fs::write(&first, tmx(n, false)).unwrap();
        // The same units again (merged, so keeping their origin), and two more, the first of which
        // names where it came from.
        let other = tmx(n + 2, false).replace(
            &format!("<tu><tuv xml:lang=\"en\"><seg>File {n}<"),
            &format!("<tu><prop type=\"{ORIGIN_PROP}\">elsewhere.po</prop><tuv xml:lang=\"en\"><seg>File {n}<"),
        );
        std::fs::write(&second, other).unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let options = ReadOptions::default();
        let summaries = import(
            &mut store,
            &[first, second],
            None,
            &options,
            &mut NoProgress,
        )
        .unwrap();
        assert_eq!((summaries[1].added, summaries[1].duplicates), (2, n as u64));
        let origins = |id: i64| -> Vec<String> {
            let props = store.unit_props(id).unwrap().unwrap();
            props.values(ORIGIN_PROP).map(str::to_string).collect()
        };
        assert_eq!(origins(1), ["first.tmx"]);
        assert_eq!(origins(n as i64), ["first.tmx"]);
        assert_eq!(origins(n as i64 + 1), ["elsewhere.po"]);
        assert_eq!(origins(n as i64 + 2), ["second.tmx"]);
        assert_eq!(store.unit_count().unwrap(), n as u64 + 2);
    }

    #[test]
    fn a_failed_first_import_leaves_nothing_and_a_good_one_a_whole_store() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.tmx");
        let bad = dir.path().join("bad.tmx");
        let n = BATCH * 3 + 1;
        std::fs::write(&good, tmx(n, false)).unwrap();
        std::fs::write(&bad, tmx(n, true)).unwrap();
        let db = dir.path().join("t.db");
        let options = ReadOptions::default();
        let files = |dir: &Path| -> Vec<String> {
            let mut names: Vec<String> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect();
            names.sort();
            names
        };
        let paths = [good.clone(), bad];
        assert!(import_into(&db, &paths, None, &options, &mut NoProgress).is_err());
        assert_eq!(files(dir.path()), ["bad.tmx", "good.tmx"]);
        let (store, summaries) = import_into(
            &db,
            std::slice::from_ref(&good),
            None,
            &options,
            &mut NoProgress,
        )
        .unwrap();
        assert_eq!(summaries[0].added, n as u64);
        assert_eq!(store.unit_count().unwrap(), n as u64);
        assert_eq!(store.generation().unwrap(), 1);
        drop(store);
        assert_eq!(files(dir.path()), ["bad.tmx", "good.tmx", "t.db"]);
        // Into the store now there: every unit is a duplicate.
        let (store, summaries) =
            import_into(&db, &[good], None, &options, &mut NoProgress).unwrap();
        assert_eq!(summaries[0].duplicates, n as u64);
        assert_eq!(store.unit_count().unwrap(), n as u64);
        assert_eq!(store.generation().unwrap(), 1);
    }
}
