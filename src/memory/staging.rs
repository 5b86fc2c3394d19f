//! A new store built aside: the first import into a store that does not exist yet fills a private
//! database in a folder of its own beside the store's path (no journal file, no syncs: it is thrown
//! away unless the import completes), syncs it once, and publishes it under the store's name in one
//! step, which fails when a store has appeared there meanwhile. The store's path therefore holds the
//! whole import or nothing, whatever happens to the process.
//!
//! The folder is `.NAME.import-` and six random characters (`NAME` the store's file name), holding
//! the database and a `lock` file that the importing process keeps locked. A folder left by a killed
//! import is never opened as a store; the next import beside it removes every such folder whose
//! lock it can take.
//!
//! The database's disk is allocated ahead for what the import is likely to write (on Linux; the
//! kernel then spends less on each write), and what is left of it unused is let go before the store
//! is published.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use super::store::Store;
use crate::error::{Error, Result};

/// The database's name inside the folder.
const DATABASE: &str = "store.db";
/// The lock file's name inside the folder.
const LOCK: &str = "lock";

/// The folder and file name of a store path (`.` for a bare file name).
fn split(path: &Path) -> Option<(&Path, String)> {
    let name = path.file_name()?.to_str()?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    Some((dir, name.to_string()))
}

/// The name prefix of the staging folders of store `name`.
fn prefix(name: &str) -> String {
    format!(".{name}.import-")
}

/// Whether an import into `path` builds the store aside: nothing is there yet, not even the
/// journal files of an earlier store (SQLite would take them for this store's).
pub(super) fn is_new(path: &Path) -> bool {
    split(path).is_some()
        && ["", "-wal", "-shm", "-journal"].iter().all(|suffix| {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            std::fs::symlink_metadata(PathBuf::from(name)).is_err()
        })
}

/// Removes the staging folders of the store at `path` that no running import holds (their lock
/// can be taken): what an import that was killed left behind. Best effort: what cannot be read or
/// removed stays.
pub(super) fn remove_stale(path: &Path) {
    let Some((dir, name)) = split(path) else {
        return;
    };
    let prefix = prefix(&name);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let is_staging = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(&prefix));
        if !is_staging || !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let folder = entry.path();
        // A folder without its lock file yet is being set up by a running import.
        let Ok(lock) = File::open(folder.join(LOCK)) else {
            continue;
        };
        if lock.try_lock().is_ok() {
            let _ = std::fs::remove_dir_all(&folder);
        }
    }
}

/// A new store being filled aside. Dropping it without [`Staged::publish`] removes everything.
pub(super) struct Staged {
    store: Store,
    /// Dropped before the store is published (or thrown away).
    flusher: Flusher,
    target: PathBuf,
    /// Held (and locked) until the folder is removed.
    _lock: File,
    folder: tempfile::TempDir,
}

/// Syncs the database being filled every [`Flusher::EVERY`] on a thread of its own, so that the
/// pages written so far go to the disk while the import goes on, and the sync before publishing
/// has only the last ones to wait for. Stops when dropped.
struct Flusher {
    stop: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Flusher {
    /// Short: the sync before publishing waits for what was written since the last one (with
    /// 100 ms, some 35 ms; with 50 ms, 3–18 ms; with 10 ms, 2–4 ms, for no more CPU time).
    const EVERY: std::time::Duration = std::time::Duration::from_millis(10);

    fn start(database: &Path) -> std::io::Result<Flusher> {
        let file = File::open(database)?;
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            // Syncing is only a head start here: the sync before publishing is the one relied on.
            while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) =
                stopped.recv_timeout(Flusher::EVERY)
            {
                let _ = file.sync_data();
            }
        });
        Ok(Flusher {
            stop: Some(stop),
            thread: Some(thread),
        })
    }
}

impl Drop for Flusher {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// What publishing did.
pub(super) enum Published {
    /// The store is in place, opened.
    Done(Store),
    /// Not published, nothing changed: a store appeared at the path meanwhile (another import), or
    /// the file system cannot link files. The import belongs in the store at the path.
    NotPublished,
}

impl Staged {
    /// Creates an empty store, in the current schema, in a new staging folder beside `target`.
    pub(super) fn create(target: &Path) -> Result<Staged> {
        let io = |e| Error::io(target, e);
        let (dir, name) = split(target).ok_or_else(|| {
            io(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a file path",
            ))
        })?;
        let folder = tempfile::Builder::new()
            .prefix(&prefix(&name))
            .tempdir_in(dir)
            .map_err(io)?;
        let lock = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(folder.path().join(LOCK))
            .map_err(io)?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::Error(e)) => return Err(io(e)),
            Err(TryLockError::WouldBlock) => {
                return Err(io(std::io::ErrorKind::WouldBlock.into()));
            }
        }
        let database = folder.path().join(DATABASE);
        let store = Store::open_private(&database, target)?;
        let flusher = Flusher::start(&database).map_err(io)?;
        Ok(Staged {
            store,
            flusher,
            target: target.to_path_buf(),
            _lock: lock,
            folder,
        })
    }

    /// Allocates `bytes` of disk for the database ahead, without changing its size, but never more
    /// than a quarter of the free space (the allocation is held until the store is published, and
    /// a guess from the input's size can be far too large); best effort.
    pub(super) fn preallocate(&self, bytes: u64) {
        #[cfg(target_os = "linux")]
        if let Ok(file) = OpenOptions::new()
            .write(true)
            .open(self.folder.path().join(DATABASE))
            && let Ok(fs) = rustix::fs::fstatvfs(&file)
        {
            let bytes = bytes.min(fs.f_bavail.saturating_mul(fs.f_frsize) / 4);
            let _ = rustix::fs::fallocate(&file, rustix::fs::FallocateFlags::KEEP_SIZE, 0, bytes);
        }
        #[cfg(not(target_os = "linux"))]
        let _ = bytes;
    }

    /// The store being filled.
    pub(super) fn store(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Puts the store in place: WAL mode as every store, synced, then linked under the target name
    /// (which, unlike a rename, fails when a store has appeared there); the staging folder goes.
    pub(super) fn publish(self) -> Result<Published> {
        let Staged {
            store,
            flusher,
            target,
            _lock,
            folder,
        } = self;
        let io = |e| Error::io(&target, e);
        drop(flusher);
        store.close_private()?;
        let database = folder.path().join(DATABASE);
        // Truncated to its own size, it lets go of disk allocated ahead and not used.
        OpenOptions::new()
            .write(true)
            .open(&database)
            .and_then(|f| {
                f.set_len(f.metadata()?.len())?;
                f.sync_all()
            })
            .map_err(io)?;
        if std::fs::hard_link(&database, &target).is_err() {
            return Ok(Published::NotPublished);
        }
        // The new name is durable once its folder is synced (not possible everywhere: best effort).
        if let Some((dir, _)) = split(&target) {
            let _ = File::open(dir).and_then(|d| d.sync_all());
        }
        drop(folder);
        Store::open(&target).map(Published::Done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LangTag, Props, Segment, Unit, Variant};

    fn staging_folders(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.unwrap().file_name().into_string().ok())
            .filter(|n| n.starts_with(".t.db.import-"))
            .collect()
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_published_store_keeps_no_disk_allocated_ahead() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t.db");
        let mut staged = Staged::create(&target).unwrap();
        staged.preallocate(64 << 20);
        let unit = Unit {
            variants: vec![Variant::new(
                LangTag::parse("az").unwrap(),
                Segment::plain("Fayl"),
            )],
            props: Props::default(),
        };
        let mut imp = staged.store().importer().unwrap();
        imp.add(unit, None).unwrap();
        imp.commit().unwrap();
        let Published::Done(store) = staged.publish().unwrap() else {
            panic!("nothing was at the path")
        };
        drop(store);
        let on_disk = std::fs::metadata(&target).unwrap().blocks() * 512;
        assert!(on_disk < 4 << 20, "{on_disk} bytes allocated");
    }

    #[test]
    fn a_published_store_is_a_normal_one_and_the_folder_goes() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t.db");
        assert!(is_new(&target));
        let mut staged = Staged::create(&target).unwrap();
        assert_eq!(staging_folders(dir.path()).len(), 1);
        assert!(!target.exists());
        let mut imp = staged.store().importer().unwrap();
        let variant =
            |lang, text| Variant::new(LangTag::parse(lang).unwrap(), Segment::plain(text));
        let unit = Unit {
            variants: vec![variant("en", "File"), variant("kk", "Файл")],
            props: Props::default(),
        };
        imp.add(unit, Some("x.tmx")).unwrap();
        imp.commit().unwrap();
        let Published::Done(store) = staged.publish().unwrap() else {
            panic!("nothing was at the path")
        };
        assert!(staging_folders(dir.path()).is_empty());
        assert!(!is_new(&target));
        assert_eq!(store.unit_count().unwrap(), 1);
        assert_eq!(store.integrity_check().unwrap(), "ok");
        let mode: String = store
            .conn()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let fresh = Store::open(&dir.path().join("fresh.db")).unwrap();
        let schema = |s: &Store| -> Vec<String> {
            let mut stmt = s
                .conn()
                .prepare("SELECT coalesce(sql, name) FROM sqlite_master ORDER BY name")
                .unwrap();
            stmt.query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        assert_eq!(schema(&store), schema(&fresh));
        assert_eq!(store.generation().unwrap(), 1);
    }

    #[test]
    fn a_store_that_appeared_meanwhile_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t.db");
        let staged = Staged::create(&target).unwrap();
        std::fs::write(&target, "someone else's").unwrap();
        assert!(matches!(staged.publish().unwrap(), Published::NotPublished));
        assert_eq!(std::fs::read(&target).unwrap(), b"someone else's");
        assert!(staging_folders(dir.path()).is_empty());
    }

    #[test]
    fn dropping_a_staged_store_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t.db");
        drop(Staged::create(&target).unwrap());
        assert!(staging_folders(dir.path()).is_empty());
        assert!(!target.exists());
    }

    #[test]
    fn only_folders_no_import_holds_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t.db");
        // What a killed import leaves: the folder, its database and an unlocked lock file.
        let stale = dir.path().join(".t.db.import-dead01");
        std::fs::create_dir(&stale).unwrap();
        std::fs::write(stale.join(DATABASE), "half a store").unwrap();
        std::fs::write(stale.join(LOCK), "").unwrap();
        // Not ours: another store's folder, and a file with the prefix.
        let other = dir.path().join(".u.db.import-dead02");
        std::fs::create_dir(&other).unwrap();
        std::fs::write(other.join(LOCK), "").unwrap();
        std::fs::write(dir.path().join(".t.db.import-file"), "").unwrap();
        let running = Staged::create(&target).unwrap();
        remove_stale(&target);
        assert!(!stale.exists());
        assert!(other.exists());
        assert!(dir.path().join(".t.db.import-file").exists());
        assert_eq!(
            staging_folders(dir.path()).len(),
            2,
            "the running one stays"
        );
        assert!(is_new(&target), "a staging folder is never the store");
        drop(running);
        assert_eq!(staging_folders(dir.path()), [".t.db.import-file"]);
    }
}
