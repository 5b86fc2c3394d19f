//! Writing output files safely: to a temporary file beside the target, renamed over it only when
//! everything was written, so a failed export never leaves a half-written file.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// Runs `write` on a buffered writer to `path` (or to standard output when `path` is `-`); the file
/// appears only if `write` succeeds.
pub fn write_atomically<T>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<T>,
) -> Result<T> {
    if path == Path::new("-") {
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        let value = write(&mut out)?;
        out.flush().map_err(|e| Error::io(path, e))?;
        return Ok(value);
    }
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let temp = tempfile::Builder::new()
        .prefix(".tarjuman-")
        .tempfile_in(dir)
        .map_err(|e| Error::io(path, e))?;
    let mut out = BufWriter::new(temp);
    let value = write(&mut out)?;
    let temp = out
        .into_inner()
        .map_err(|e| Error::io(path, e.into_error()))?;
    temp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    temp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_no_file_and_keeps_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.tmx");
        std::fs::write(&path, "old").unwrap();
        let failed: Result<()> = write_atomically(&path, |out| {
            out.write_all(b"partial").unwrap();
            Err(Error::io(&path, io::Error::other("disk full")))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        write_atomically(&path, |out| {
            out.write_all(b"new").map_err(|e| Error::io(&path, e))
        })
        .unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }
}
