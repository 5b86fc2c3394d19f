//! A file's blocks read in order by whichever thread gets there first: the thread that parses them
//! when it needs the next one, or, ahead of it, another thread that would otherwise wait. An import
//! parses on one thread and stores on the other, and the parsing one has the more work: copying
//! the file in (a tenth of its time) is the part the storing thread can take over.
//!
//! A block is read into a buffer after [`HEAD_ROOM`] free bytes, where its reader puts the unread
//! end of the block before, so that the two are contiguous without copying the new block.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::sync::{Mutex, MutexGuard};

use super::xml::{PIECE, check_chars_noting};

/// Bytes free before a block's data (a few in the tests and fuzzing, so that both ways of joining
/// blocks are taken).
#[cfg(not(any(test, fuzzing)))]
pub(super) const HEAD_ROOM: usize = 16 << 10;
#[cfg(any(test, fuzzing))]
pub(super) const HEAD_ROOM: usize = 5;

/// Blocks read ahead at most: with more, the data in flight leaves the cores' caches.
const AHEAD: usize = 2;

/// A file read block by block, ahead of need when another thread [helps](ReadAhead::help).
pub struct ReadAhead(Mutex<Blocks>);

/// A block of the file: its bytes are `buffer[HEAD_ROOM..HEAD_ROOM + len]`; `len` 0 at the end of
/// the file.
pub(super) struct Block {
    pub(super) buffer: Vec<u8>,
    pub(super) len: usize,
    /// What the thread that read it found checking it.
    pub(super) checked: Checked,
}

/// A block checked whole by the thread that reads it, so that the units in it need not be
/// checked one by one (most often by the thread that would otherwise wait).
#[derive(Clone, Debug, Default)]
pub(super) struct Checked {
    /// The length of the block's start that is UTF-8 without characters XML forbids (the whole
    /// block but for a character it cuts at its end).
    pub(super) valid: usize,
    /// Where in that start characters at or above U+0300 are.
    pub(super) marks: Marks,
}

impl Checked {
    fn of(data: &[u8]) -> Checked {
        let valid = match simdutf8::compat::from_utf8(data) {
            Ok(_) => data.len(),
            Err(e) => e.valid_up_to(),
        };
        let mut marks = Marks::default();
        match check_chars_noting(&data[..valid], |at| marks.note(at)) {
            Ok(()) => Checked { valid, marks },
            Err((at, _)) => Checked { valid: at, marks },
        }
    }
}

/// Where a checked block holds characters at or above U+0300, which may make the text around them
/// not NFC (a unit clear of them needs no NFC check): the pieces of [`PIECE`] bytes holding one.
/// Most blocks of Latin-script text hold none or a few (a typographic quote, say); past
/// [`Marks::MAX`] pieces (text in Cyrillic or Arabic), all of the rest is taken to hold one.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Marks {
    /// The starts of the pieces, in order.
    pieces: Vec<usize>,
    /// Where all the rest is taken to hold one.
    all_from: Option<usize>,
}

impl Marks {
    const MAX: usize = 64;

    /// A piece holding one starts at `at` (after those noted before).
    fn note(&mut self, at: usize) {
        if self.pieces.len() < Self::MAX {
            self.pieces.push(at);
        } else if self.all_from.is_none() {
            self.all_from = Some(at);
        }
    }

    /// Whether `range` of the block may hold a character at or above U+0300.
    pub(super) fn any_in(&self, range: std::ops::Range<usize>) -> bool {
        if self.all_from.is_some_and(|from| from < range.end) {
            return true;
        }
        let i = self.pieces.partition_point(|&at| at + PIECE <= range.start);
        self.pieces.get(i).is_some_and(|&at| at < range.end)
    }
}

struct Blocks {
    file: File,
    /// Bytes a block holds at most.
    block_len: usize,
    /// Blocks read ahead, in file order.
    ready: VecDeque<Block>,
    /// Buffers given back, to read into again.
    spare: Vec<Vec<u8>>,
    /// No reading ahead: the end of the file was reached, a read failed (for the parsing thread to
    /// meet again and report), or the file is being read by other means.
    stopped: bool,
}

impl Blocks {
    fn read(&mut self) -> io::Result<Block> {
        let mut buffer = self
            .spare
            .pop()
            .unwrap_or_else(|| vec![0; HEAD_ROOM + self.block_len]);
        loop {
            match self.file.read(&mut buffer[HEAD_ROOM..]) {
                Ok(len) => {
                    self.stopped = len == 0;
                    let checked = Checked::of(&buffer[HEAD_ROOM..HEAD_ROOM + len]);
                    return Ok(Block {
                        buffer,
                        len,
                        checked,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.stopped = true;
                    self.spare.push(buffer);
                    return Err(e);
                }
            }
        }
    }

    /// Drops the blocks read ahead, returning their buffers to the spares.
    fn drop_ready(&mut self) {
        while let Some(block) = self.ready.pop_front() {
            self.spare.push(block.buffer);
        }
    }
}

impl ReadAhead {
    /// Reads `file` from its current position in blocks of `block_len` bytes.
    pub(super) fn new(file: File, block_len: usize) -> ReadAhead {
        ReadAhead(Mutex::new(Blocks {
            file,
            block_len,
            ready: VecDeque::new(),
            spare: Vec::new(),
            stopped: false,
        }))
    }

    fn lock(&self) -> MutexGuard<'_, Blocks> {
        // The state stays whole whatever panicked while it was held.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Reads the next block ahead if one is wanted and the file is not being read already; whether
    /// it did (a read that failed counts: the parsing thread meets the error in its turn).
    pub fn help(&self) -> bool {
        let Ok(mut blocks) = self.0.try_lock() else {
            return false;
        };
        if blocks.stopped || blocks.ready.len() >= AHEAD {
            return false;
        }
        if let Ok(block) = blocks.read() {
            blocks.ready.push_back(block);
        }
        true
    }

    /// The next block: read ahead already, or read now.
    pub(super) fn next(&self) -> io::Result<Block> {
        let mut blocks = self.lock();
        match blocks.ready.pop_front() {
            Some(block) => Ok(block),
            None => blocks.read(),
        }
    }

    /// Takes back a block's buffer (one of another size is dropped).
    pub(super) fn give_back(&self, buffer: Vec<u8>) {
        let mut blocks = self.lock();
        if buffer.len() == HEAD_ROOM + blocks.block_len {
            blocks.spare.push(buffer);
        }
    }

    /// Stops reading ahead and hands over the rest of the file: the bytes read ahead, appended to
    /// `head`, and a handle reading on from after them. [`ReadAhead::resume`] goes on.
    pub(super) fn hand_over(&self, head: &mut Vec<u8>) -> io::Result<File> {
        let mut blocks = self.lock();
        // The handle shares the file's position: nothing is read here until `resume`.
        blocks.stopped = true;
        let file = blocks.file.try_clone()?;
        for block in &blocks.ready {
            head.extend_from_slice(&block.buffer[HEAD_ROOM..HEAD_ROOM + block.len]);
        }
        blocks.drop_ready();
        Ok(file)
    }

    /// Reads on from byte `position` of the file.
    pub(super) fn resume(&self, position: u64) -> io::Result<()> {
        let mut blocks = self.lock();
        blocks.drop_ready();
        blocks.file.seek(SeekFrom::Start(position))?;
        blocks.stopped = false;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file_of(bytes: &[u8]) -> (tempfile::NamedTempFile, File) {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(bytes).unwrap();
        let handle = File::open(file.path()).unwrap();
        (file, handle)
    }

    fn data(block: &Block) -> &[u8] {
        &block.buffer[HEAD_ROOM..HEAD_ROOM + block.len]
    }

    #[test]
    fn a_block_is_checked_up_to_what_the_units_in_it_may_skip_checking() {
        let checked = |text: &[u8]| {
            let c = Checked::of(text);
            (c.valid, !c.marks.any_in(0..c.valid))
        };
        assert_eq!(checked("Faylı açın".as_bytes()), (13, true));
        assert_eq!(checked("Файл".as_bytes()), (8, false));
        // A character the block cuts at its end is left for the unit that holds it.
        assert_eq!(checked(&"Faylı".as_bytes()[..5]), (4, true));
        assert_eq!(checked(&"ӘӘ".as_bytes()[..3]), (2, false));
        // So are invalid bytes and characters XML forbids, and what follows them.
        assert_eq!(checked(b"ab\xFFcd"), (2, true));
        assert_eq!(checked("abc\u{1}d".as_bytes()), (3, true));
        assert_eq!(checked("Ә\u{1}d".as_bytes()), (2, false));
        // (Its piece holds U+FFFF, at or above U+0300, so the `a` before it is not told apart.)
        assert_eq!(checked("a\u{FFFF}".as_bytes()), (1, false));
        assert_eq!(checked(b""), (0, true));
    }

    #[test]
    fn a_block_knows_which_of_its_parts_are_below_u0300() {
        // One typographic apostrophe (U+2019) at bytes 100..103, in the piece at 96..128.
        let text = format!("{}’{}", "a".repeat(100), "ə".repeat(50));
        let marks = Checked::of(text.as_bytes()).marks;
        assert!(!marks.any_in(0..96), "before its piece");
        assert!(marks.any_in(90..100), "in its piece");
        assert!(marks.any_in(100..103));
        assert!(!marks.any_in(128..text.len()), "ə is U+0259");
        // A combining mark in the short last piece.
        let text = format!("{}e\u{301}", "a".repeat(64));
        let marks = Checked::of(text.as_bytes()).marks;
        assert!(!marks.any_in(0..64));
        assert!(marks.any_in(65..text.len()));
        // Cyrillic: past the pieces kept, everything after is taken to hold one.
        let text = format!("{}{}", "Қазақ тілі ".repeat(300), "a".repeat(100));
        let marks = Checked::of(text.as_bytes()).marks;
        assert!(marks.any_in(text.len() - 10..text.len()));
        assert!(marks.any_in(0..1));
    }

    #[test]
    fn blocks_come_in_file_order_whoever_reads_them() {
        let text: Vec<u8> = (0..100u8).collect();
        let (_file, handle) = file_of(&text);
        let ahead = ReadAhead::new(handle, 7);
        let mut read = Vec::new();
        for turn in 0.. {
            // Reading ahead 0, 1, 2 and (stopping at two) 3 blocks between the parser's.
            for _ in 0..turn % 4 {
                ahead.help();
            }
            let block = ahead.next().unwrap();
            if block.len == 0 {
                break;
            }
            read.extend_from_slice(data(&block));
            ahead.give_back(block.buffer);
        }
        assert_eq!(read, text);
        assert!(!ahead.help(), "nothing to read after the end");
    }

    #[test]
    fn a_hand_over_gives_the_blocks_read_ahead_then_the_file_after_them() {
        let text: Vec<u8> = (0..50u8).collect();
        let (_file, handle) = file_of(&text);
        let ahead = ReadAhead::new(handle, 10);
        assert_eq!(data(&ahead.next().unwrap()), &text[..10]);
        assert!(ahead.help() && ahead.help());
        assert!(!ahead.help(), "two blocks ahead at most");
        let mut head = b"x".to_vec();
        let mut rest = ahead.hand_over(&mut head).unwrap();
        assert_eq!(head, [b"x", &text[10..30]].concat());
        assert!(
            !ahead.help(),
            "no reading ahead while the file is handed over"
        );
        let mut after = Vec::new();
        rest.read_to_end(&mut after).unwrap();
        assert_eq!(after, &text[30..]);
        ahead.resume(42).unwrap();
        assert!(ahead.help());
        assert_eq!(data(&ahead.next().unwrap()), &text[42..]);
    }
}
