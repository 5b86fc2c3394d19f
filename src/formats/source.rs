//! Opening an input file: the first bytes for sniffing, byte-order marks, transcoding to UTF-8, a byte
//! counter for progress, and mapping a byte offset back to a line and column for error messages.

use std::cell::Cell;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use encoding_rs::{Encoding, UTF_8};
use encoding_rs_io::DecodeReaderBytesBuilder;

use crate::error::{Error, Position, Reason, Result};

/// How many bytes [`InputFile::head`] holds.
const HEAD_LEN: usize = 4096;

/// A reader that counts the bytes read through it into a shared cell.
pub struct CountingReader<R> {
    inner: R,
    count: Rc<Cell<u64>>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get() + n as u64);
        Ok(n)
    }
}

/// An opened input file, not yet decoded.
pub struct InputFile {
    path: PathBuf,
    head: Vec<u8>,
    file: File,
    count: Rc<Cell<u64>>,
}

impl InputFile {
    /// Opens `path` and reads its first bytes. An empty file is an error.
    pub fn open(path: &Path) -> Result<InputFile> {
        let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
        if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
            return Err(Error::io(path, io::Error::other("is a directory")));
        }
        let mut head = Vec::with_capacity(HEAD_LEN);
        (&mut file)
            .take(HEAD_LEN as u64)
            .read_to_end(&mut head)
            .map_err(|e| Error::io(path, e))?;
        if head.is_empty() {
            return Err(Error::input(path, None, Reason::Empty));
        }
        Ok(InputFile {
            path: path.to_path_buf(),
            head,
            file,
            count: Rc::new(Cell::new(0)),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The first bytes of the file (up to 4 KiB), undecoded.
    pub fn head(&self) -> &[u8] {
        &self.head
    }

    /// The encoding given by a byte-order mark, if the file starts with one.
    pub fn bom(&self) -> Option<&'static Encoding> {
        Encoding::for_bom(&self.head).map(|(encoding, _)| encoding)
    }

    /// The file's first bytes decoded for sniffing (BOM honoured, lossy), for example to read an XML
    /// declaration or a CSV header.
    pub fn head_text(&self) -> String {
        let encoding = self.bom().unwrap_or(UTF_8);
        let (text, _, _) = encoding.decode(&self.head);
        text.into_owned()
    }

    /// Refuses UTF-16 text without a byte-order mark (its NUL bytes give it away).
    pub fn check_not_bomless_utf16(&self) -> Result<()> {
        if self.bom().is_none() && looks_like_utf16(&self.head) {
            return Err(Error::input(&self.path, None, Reason::Utf16WithoutBom));
        }
        Ok(())
    }

    /// Another handle to the open file (sharing its position), for a reader that reads parts of it
    /// again.
    pub fn try_clone_file(&self) -> io::Result<File> {
        self.file.try_clone()
    }

    /// A counter of the bytes read from the file so far; stays valid after [`InputFile::into_utf8`].
    pub fn counter(&self) -> Rc<Cell<u64>> {
        Rc::clone(&self.count)
    }

    /// The whole file as a UTF-8 stream: a byte-order mark is removed, UTF-16 is transcoded, and text in
    /// `declared` (an encoding the file declares itself, used when there is no BOM) is transcoded. UTF-8
    /// input passes through unchanged, so its validity is the parser's to check.
    pub fn into_utf8(self, declared: Option<&'static Encoding>) -> Box<dyn BufRead> {
        let transcode = declared.filter(|e| *e != UTF_8);
        let bom = self.bom();
        if transcode.is_none() && bom.is_none_or(|e| e == UTF_8) {
            // UTF-8 as it is, after its byte-order mark (the decoder would replace invalid bytes).
            let mut head = io::Cursor::new(self.head);
            if bom.is_some() {
                head.set_position(3);
            }
            let reader = CountingReader {
                inner: head.chain(self.file),
                count: self.count,
            };
            return Box::new(BufReader::with_capacity(1 << 16, reader));
        }
        let reader = CountingReader {
            inner: io::Cursor::new(self.head).chain(self.file),
            count: self.count,
        };
        let decoder = DecodeReaderBytesBuilder::new()
            .encoding(transcode)
            .bom_sniffing(true)
            .strip_bom(true)
            .build(reader);
        Box::new(BufReader::with_capacity(1 << 16, decoder))
    }
}

/// Whether bytes look like UTF-16 without a BOM: many NUL bytes at even or odd positions only.
pub fn looks_like_utf16(head: &[u8]) -> bool {
    let sample = &head[..head.len().min(512)];
    if sample.len() < 4 {
        return false;
    }
    let even_nuls = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nuls = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    let half = sample.len() / 2;
    (even_nuls * 10 >= half * 8 && odd_nuls == 0) || (odd_nuls * 10 >= half * 8 && even_nuls == 0)
}

/// The line and column of a byte offset in the decoded (UTF-8) stream of `path`, decoded the way
/// [`InputFile::into_utf8`] decodes it. Used only on the error path, so it reads the file again.
pub fn position_at(path: &Path, declared: Option<&'static Encoding>, offset: u64) -> Position {
    let mut position = Position { line: 1, column: 1 };
    let Ok(input) = InputFile::open(path) else {
        return position;
    };
    let mut reader = input.into_utf8(declared);
    let mut remaining = offset;
    let mut pending: Vec<u8> = Vec::new();
    while remaining > 0 {
        let buf = match reader.fill_buf() {
            Ok([]) | Err(_) => break,
            Ok(buf) => buf,
        };
        let take = buf.len().min(remaining as usize);
        for &byte in &buf[..take] {
            pending.push(byte);
            if byte == b'\n' {
                position.line += 1;
                position.column = 1;
                pending.clear();
            } else if byte & 0xC0 != 0x80 {
                // Count the start of every scalar value (ASCII or a UTF-8 lead byte); invalid bytes
                // count as one column each.
                position.column += 1;
            }
        }
        // Columns are counted at the start of a scalar value, so the column of the value at
        // `offset` is one past the values before it.
        reader.consume(take);
        remaining -= take as u64;
    }
    position
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn utf16_without_bom_is_recognized() {
        let text: Vec<u8> = "<?xml version=\"1.0\"?><tmx>"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert!(looks_like_utf16(&text));
        assert!(!looks_like_utf16("<?xml version=\"1.0\"?><tmx>".as_bytes()));
        assert!(!looks_like_utf16("Қазақстан Республикасы".as_bytes()));
    }

    #[test]
    fn utf16_with_bom_is_transcoded_and_positions_counted_in_characters() {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("ab\nӘлем x".encode_utf16().flat_map(|u| u.to_le_bytes()));
        file.write_all(&bytes).unwrap();
        let input = InputFile::open(file.path()).unwrap();
        assert_eq!(input.bom(), Some(encoding_rs::UTF_16LE));
        let mut text = String::new();
        input.into_utf8(None).read_to_string(&mut text).unwrap();
        assert_eq!(text, "ab\nӘлем x");
        let x = text.find('x').unwrap() as u64;
        assert_eq!(
            position_at(file.path(), None, x),
            Position { line: 2, column: 6 }
        );
    }

    #[test]
    fn empty_file_is_an_error() {
        let file = tempfile::NamedTempFile::new().unwrap();
        assert!(matches!(
            InputFile::open(file.path()),
            Err(Error::Input {
                reason: Reason::Empty,
                ..
            })
        ));
    }
}
