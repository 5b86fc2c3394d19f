//! CSV and TSV with a header of language tags (RFC 4180): reading (streaming) and writing.
//!
//! # Reading
//!
//! The first non-blank row is the header. Each cell is a language tag in any case or form (`en`,
//! `EN-US`, `az_AZ`, `kk-Latn`), or one of these columns, named in any case:
//!
//! | header | becomes |
//! | --- | --- |
//! | `id`, `tuid` | the unit attribute `tuid` (so `id` is never Indonesian) |
//! | `context`, `x-context` | the unit prop [`CONTEXT_PROP`] |
//! | `note`, `notes` | a unit note |
//!
//! Every later row is one unit with a variant for each non-empty language cell, its text exactly as
//! the file has it (no trimming; line breaks inside quoted cells kept as they are). Blank lines are
//! skipped; a row whose language cells are all empty is skipped and counted in
//! [`Skipped::empty_entries`]. TSV is read the same way with a tab as the delimiter, quotes included.
//!
//! The reader is strict where the `csv` crate is lenient, because a silently misread memory is worse
//! than an error; every error names the line and column:
//! - a quote that opens a field and is never closed ([`Reason::CsvUnbalancedQuote`], at the quote;
//!   the `csv` crate would read the rest of the file as one field);
//! - text after the closing quote of a field, `"ab"c` ([`Reason::CsvTextAfterQuote`]; the `csv`
//!   crate would read `abc`). When the quoted field spans lines this is reported as an unbalanced
//!   quote at the opening quote, which is where the mistake usually is;
//! - a row with more or fewer cells than the header ([`Reason::CsvWidth`]);
//! - invalid UTF-8 ([`Reason::InvalidUtf8`]); UTF-16 needs a byte-order mark.
//!
//! A quote inside an unquoted field (`ab"c`) is taken literally, as spreadsheets write it. Lines end
//! with CRLF, LF or a lone CR (old Mac spreadsheets); a lone CR counts as a line for positions.
//!
//! # Writing
//!
//! [`CsvWriter`] writes the header of language tags and one row per unit: UTF-8 without a BOM, CRLF
//! records, quotes only where needed. With `sanitize`, a cell that a spreadsheet would run as a formula
//! (starting with `=`, `+`, `-`, `@`, tab or CR) gets a `'` in front, as the OWASP guidance on CSV
//! injection advises. The reader keeps that `'` (it cannot tell it from data), so sanitized files are
//! for spreadsheets only: exports meant to be imported again must be written without `sanitize`.

use std::borrow::Cow;
use std::cell::Cell;
use std::io::{self, BufRead, Write};
use std::path::PathBuf;
use std::rc::Rc;

use super::{InputFile, ReadOptions, Skipped, UnitReader};
use crate::error::{Error, Position, Reason, Result};
use crate::model::{CONTEXT_PROP, LangTag, Segment, Unit, Variant};

/// What a header cell names.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Column {
    Lang(LangTag),
    Tuid,
    Context,
    Note,
}

impl Column {
    /// Parses a header cell: the reserved names first, then a language tag.
    fn parse(cell: &str) -> Result<Column, Reason> {
        Ok(match cell.trim().to_ascii_lowercase().as_str() {
            "id" | "tuid" => Column::Tuid,
            "context" | "x-context" => Column::Context,
            "note" | "notes" => Column::Note,
            _ => Column::Lang(LangTag::parse(cell)?),
        })
    }
}

/// One cell of a row, with where it starts.
#[derive(Debug)]
struct Field {
    text: String,
    start: Position,
    quoted: bool,
}

/// One row: its cells and the position of its end (the line break, or the end of the file).
#[derive(Debug)]
struct Record {
    fields: Vec<Field>,
    end: Position,
}

impl Record {
    /// Whether the row is an empty line.
    fn is_blank(&self) -> bool {
        matches!(self.fields.as_slice(), [field] if field.text.is_empty() && !field.quoted)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the start of a field.
    Start,
    /// Inside an unquoted field.
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// Just after a quote inside a quoted field: the closing quote, or the first of a doubled one.
    AfterQuote,
}

/// Streams the rows of a CSV/TSV file as units.
pub struct CsvReader {
    path: PathBuf,
    input: Box<dyn BufRead>,
    counter: Rc<Cell<u64>>,
    delimiter: u8,
    /// The position of the next byte.
    next: Position,
    /// Whether the last byte was a CR, so that a following LF starts no new line.
    after_cr: bool,
    columns: Vec<Column>,
    skipped: Skipped,
}

impl CsvReader {
    /// Opens the file and reads its header. `delimiter` is `b','` for CSV and `b'\t'` for TSV; it must
    /// be an ASCII character other than a quote or a line break.
    pub fn new(input: InputFile, delimiter: u8, _options: &ReadOptions) -> Result<CsvReader> {
        input.check_not_bomless_utf16()?;
        if !delimiter.is_ascii() || matches!(delimiter, b'"' | b'\r' | b'\n') {
            return Err(Error::input(
                input.path(),
                None,
                Reason::Csv(format!("{:?} cannot be a delimiter", delimiter as char)),
            ));
        }
        let path = input.path().to_path_buf();
        let counter = input.counter();
        let mut reader = CsvReader {
            path,
            input: input.into_utf8(None),
            counter,
            delimiter,
            next: Position { line: 1, column: 1 },
            after_cr: false,
            columns: Vec::new(),
            skipped: Skipped::default(),
        };
        reader.read_header()?;
        Ok(reader)
    }

    fn error(&self, position: Position, reason: Reason) -> Error {
        Error::input(&self.path, Some(position), reason)
    }

    fn read_header(&mut self) -> Result<()> {
        let Some(header) = self.read_record()? else {
            return Err(Error::input(&self.path, None, Reason::CsvNoLanguage));
        };
        for field in &header.fields {
            let column =
                Column::parse(&field.text).map_err(|r| self.error(field.start.clone(), r))?;
            if self.columns.contains(&column) {
                return Err(self.error(
                    field.start.clone(),
                    Reason::CsvDuplicateColumn(field.text.clone()),
                ));
            }
            self.columns.push(column);
        }
        if !self.columns.iter().any(|c| matches!(c, Column::Lang(_))) {
            let start = header.fields[0].start.clone();
            return Err(self.error(start, Reason::CsvNoLanguage));
        }
        Ok(())
    }

    /// The next byte of the stream, keeping track of its position.
    fn next_byte(&mut self) -> Result<Option<u8>> {
        let byte = loop {
            match self.input.fill_buf() {
                Ok(buf) => break buf.first().copied(),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(Error::io(&self.path, e)),
            }
        };
        let Some(byte) = byte else {
            return Ok(None);
        };
        self.input.consume(1);
        match byte {
            b'\n' if self.after_cr => self.after_cr = false,
            b'\r' | b'\n' => {
                self.next.line += 1;
                self.next.column = 1;
                self.after_cr = byte == b'\r';
            }
            _ => {
                self.after_cr = false;
                // Count the first byte of each UTF-8 sequence (invalid bytes count one each).
                if byte & 0xC0 != 0x80 {
                    self.next.column += 1;
                }
            }
        }
        Ok(Some(byte))
    }

    /// The next row that is not a blank line, `None` at the end of the file.
    fn read_record(&mut self) -> Result<Option<Record>> {
        while let Some(record) = self.read_raw_record()? {
            if !record.is_blank() {
                return Ok(Some(record));
            }
        }
        Ok(None)
    }

    /// The next row, blank or not.
    fn read_raw_record(&mut self) -> Result<Option<Record>> {
        let mut fields = Vec::new();
        let mut text = Vec::new();
        let mut start = self.next.clone();
        let mut quoted = false;
        let mut state = State::Start;
        loop {
            let at = self.next.clone();
            let byte = self.next_byte()?;
            let delimiter = byte == Some(self.delimiter);
            match (state, byte) {
                (State::Start, None) if fields.is_empty() => return Ok(None),
                (State::Quoted, None) => return Err(self.error(start, Reason::CsvUnbalancedQuote)),
                (_, None)
                | (State::Start | State::Unquoted | State::AfterQuote, Some(b'\r' | b'\n')) => {
                    fields.push(self.field(std::mem::take(&mut text), start, quoted)?);
                    return Ok(Some(Record { fields, end: at }));
                }
                (State::Start | State::Unquoted | State::AfterQuote, Some(_)) if delimiter => {
                    fields.push(self.field(std::mem::take(&mut text), start, quoted)?);
                    start = self.next.clone();
                    quoted = false;
                    state = State::Start;
                }
                (State::Start, Some(b'"')) => {
                    quoted = true;
                    state = State::Quoted;
                }
                (State::Start | State::Unquoted, Some(byte)) => {
                    text.push(byte);
                    state = State::Unquoted;
                }
                (State::Quoted, Some(b'"')) => state = State::AfterQuote,
                (State::Quoted, Some(byte)) => text.push(byte),
                (State::AfterQuote, Some(b'"')) => {
                    text.push(b'"');
                    state = State::Quoted;
                }
                (State::AfterQuote, Some(_)) => {
                    return Err(if start.line == at.line {
                        self.error(at, Reason::CsvTextAfterQuote)
                    } else {
                        self.error(start, Reason::CsvUnbalancedQuote)
                    });
                }
            }
        }
    }

    /// A field from its bytes, which must be UTF-8.
    fn field(&self, bytes: Vec<u8>, start: Position, quoted: bool) -> Result<Field> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Field {
                text,
                start,
                quoted,
            }),
            Err(e) => {
                let bytes = e.as_bytes();
                let valid = String::from_utf8_lossy(&bytes[..e.utf8_error().valid_up_to()]);
                let position = position_in_field(start, &valid, quoted);
                Err(self.error(position, Reason::InvalidUtf8))
            }
        }
    }

    /// The unit of a row.
    fn unit(&self, record: Record) -> Result<Unit> {
        let (expected, found) = (self.columns.len(), record.fields.len());
        if found != expected {
            let position = match record.fields.get(expected) {
                Some(extra) => extra.start.clone(),
                None => record.end,
            };
            return Err(self.error(
                position,
                Reason::CsvWidth {
                    expected: expected as u64,
                    found: found as u64,
                },
            ));
        }
        let mut unit = Unit::default();
        for (column, field) in self.columns.iter().zip(record.fields) {
            if field.text.is_empty() {
                continue;
            }
            match column {
                Column::Lang(tag) => unit
                    .variants
                    .push(Variant::new(tag.clone(), Segment::plain(field.text))),
                Column::Tuid => unit.props.set_attr("tuid", field.text),
                Column::Context => unit.props.add_prop(CONTEXT_PROP, field.text),
                Column::Note => unit.props.add_note(field.text),
            }
        }
        Ok(unit)
    }
}

/// The position just after `valid`, the start of a field's text that begins at `start`: a quoted
/// field's text begins after its quote, and each quote in it was written twice.
fn position_in_field(start: Position, valid: &str, quoted: bool) -> Position {
    let mut position = start;
    let mut after_cr = false;
    if quoted {
        position.column += 1;
    }
    for c in valid.chars() {
        match c {
            '\n' if after_cr => {}
            '\r' | '\n' => {
                position.line += 1;
                position.column = 1;
            }
            '"' if quoted => position.column += 2,
            _ => position.column += 1,
        }
        after_cr = c == '\r';
    }
    position
}

impl UnitReader for CsvReader {
    fn next_unit(&mut self) -> Result<Option<Unit>> {
        while let Some(record) = self.read_record()? {
            let unit = self.unit(record)?;
            if unit.variants.is_empty() {
                self.skipped.empty_entries += 1;
            } else {
                return Ok(Some(unit));
            }
        }
        Ok(None)
    }

    fn bytes_read(&self) -> u64 {
        self.counter.get()
    }

    fn skipped(&self) -> Skipped {
        self.skipped.clone()
    }
}

/// Writes units as CSV/TSV rows under a header of language tags.
///
/// Each unit gives one row, even when it has no text in any column. A cell holds the text of the
/// unit's first variant whose language is the column's tag, or else of the first variant whose
/// language [matches](LangTag::matches) it; other variants, notes and props are not written.
pub struct CsvWriter<W: Write> {
    writer: csv::Writer<W>,
    columns: Vec<LangTag>,
    sanitize: bool,
}

impl<W: Write> CsvWriter<W> {
    /// Writes the header. `columns` are the languages, in order; `delimiter` is `b','` or `b'\t'`;
    /// `sanitize` neutralizes spreadsheet formulas (see the [module documentation](self)).
    pub fn new(
        out: W,
        columns: Vec<LangTag>,
        delimiter: u8,
        sanitize: bool,
    ) -> io::Result<CsvWriter<W>> {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(out);
        writer.write_record(columns.iter().map(LangTag::as_str))?;
        Ok(CsvWriter {
            writer,
            columns,
            sanitize,
        })
    }

    /// Writes one unit as a row.
    pub fn write_unit(&mut self, unit: &Unit) -> io::Result<()> {
        let cells = self.columns.iter().map(|column| {
            let variant = unit
                .variants
                .iter()
                .find(|v| v.lang == *column)
                .or_else(|| unit.variant(column));
            let text = variant.map_or("", |v| v.segment.text.as_str());
            if self.sanitize {
                neutralize_formula(text)
            } else {
                Cow::Borrowed(text)
            }
        });
        let cells: Vec<Cow<'_, str>> = cells.collect();
        self.writer
            .write_record(cells.iter().map(|c| c.as_bytes()))?;
        Ok(())
    }

    /// Flushes the rows and returns the output.
    pub fn finish(self) -> io::Result<W> {
        self.writer.into_inner().map_err(|e| e.into_error())
    }
}

/// `text` with a `'` in front if a spreadsheet would take it for a formula.
fn neutralize_formula(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;
    use std::path::Path;

    use proptest::prelude::*;

    use super::*;

    fn tag(s: &str) -> LangTag {
        LangTag::parse(s).unwrap()
    }

    fn temp(bytes: &[u8]) -> tempfile::NamedTempFile {
        let mut file = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
        file.write_all(bytes).unwrap();
        file
    }

    fn read_path(path: &Path, delimiter: u8) -> Result<(Vec<Unit>, Skipped)> {
        let mut reader =
            CsvReader::new(InputFile::open(path)?, delimiter, &ReadOptions::default())?;
        let mut units = Vec::new();
        while let Some(unit) = reader.next_unit()? {
            units.push(unit);
        }
        Ok((units, reader.skipped()))
    }

    fn read(bytes: &[u8]) -> Result<Vec<Unit>> {
        let file = temp(bytes);
        read_path(file.path(), b',').map(|(units, _)| units)
    }

    fn read_tsv(bytes: &[u8]) -> Result<Vec<Unit>> {
        let file = temp(bytes);
        read_path(file.path(), b'\t').map(|(units, _)| units)
    }

    /// The position and reason of an input error.
    fn input_error(result: Result<Vec<Unit>>) -> (Option<(u64, u64)>, Reason) {
        match result {
            Err(Error::Input {
                position, reason, ..
            }) => (position.map(|p| (p.line, p.column)), reason),
            other => panic!("expected an input error, got {other:?}"),
        }
    }

    fn texts(unit: &Unit) -> Vec<(&str, &str)> {
        unit.variants
            .iter()
            .map(|v| (v.lang.as_str(), v.segment.text.as_str()))
            .collect()
    }

    #[test]
    fn header_tags_in_any_form_and_the_extra_columns() {
        let units = read(
            "\u{FEFF}EN-US,az_AZ,kk-Latn,ID,Context,NOTES\r\n\
             File,Fayl,Faıl,42,menu,top level\r\n"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(units.len(), 1);
        assert_eq!(
            texts(&units[0]),
            [("en-US", "File"), ("az-AZ", "Fayl"), ("kk-Latn", "Faıl")]
        );
        assert_eq!(units[0].props.attr("tuid"), Some("42"));
        assert_eq!(
            units[0].props.values(CONTEXT_PROP).collect::<Vec<_>>(),
            ["menu"]
        );
        assert_eq!(units[0].props.notes, ["top level"]);
    }

    #[test]
    fn cells_are_kept_exactly_and_empty_cells_give_no_variant() {
        let units = read(
            "en,kk,ar\n \"File\" , \"x\"\"y\" ,\n\"a, \"\"b\"\"\r\nc\",,ملف\n\n,,\nab\"c,,\n"
                .as_bytes(),
        );
        // ` "File" ` is unquoted (it starts with a space), so its quotes are literal.
        let units = units.unwrap();
        assert_eq!(
            texts(&units[0]),
            [("en", " \"File\" "), ("kk", " \"x\"\"y\" ")]
        );
        assert_eq!(texts(&units[1]), [("en", "a, \"b\"\r\nc"), ("ar", "ملف")]);
        assert_eq!(texts(&units[2]), [("en", "ab\"c")]);
        assert_eq!(units.len(), 3);
    }

    #[test]
    fn blank_and_empty_rows_are_skipped_and_counted() {
        let file = temp(b"\n\nen,az\n\n,\nFile,Fayl\n\n");
        let (units, skipped) = read_path(file.path(), b',').unwrap();
        assert_eq!(units.len(), 1);
        assert_eq!(skipped.empty_entries, 1);
    }

    #[test]
    fn header_only_file_has_no_units() {
        assert!(read(b"en,az,kk,ar\r\n").unwrap().is_empty());
        assert!(read(b"en,az").unwrap().is_empty());
    }

    #[test]
    fn lone_cr_ends_rows() {
        let units = read(b"en,az\rFile,Fayl\rEdit,Redakt\xC9\x99").unwrap();
        assert_eq!(units.len(), 2);
        assert_eq!(texts(&units[1]), [("en", "Edit"), ("az", "Redaktə")]);
        let (position, _) = input_error(read(b"en,az\ra,b\rc\r"));
        assert_eq!(position, Some((3, 2)));
    }

    #[test]
    fn tsv_uses_tabs_and_quotes() {
        let units = read_tsv(b"en\tar\nA, B\t\"x\ty\"\n\"line\nbreak\"\t\n").unwrap();
        assert_eq!(texts(&units[0]), [("en", "A, B"), ("ar", "x\ty")]);
        assert_eq!(texts(&units[1]), [("en", "line\nbreak")]);
    }

    #[test]
    fn utf16_with_bom_is_read_and_without_bom_refused() {
        let text = "en,kk\r\nFile,Файл\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let units = read(&bytes).unwrap();
        assert_eq!(texts(&units[0]), [("en", "File"), ("kk", "Файл")]);
        let bomless: Vec<u8> = "en,kk\r\nFile,Fayl\r\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(input_error(read(&bomless)), (None, Reason::Utf16WithoutBom));
    }

    #[test]
    fn unclosed_quote_is_reported_where_it_opens() {
        let (position, reason) = input_error(read(
            b"en,az\nFile,Fayl\nEdit,\"Redakt\nView,Bax\nHelp,Yard\xC4\xB1m\n",
        ));
        assert_eq!(reason, Reason::CsvUnbalancedQuote);
        assert_eq!(position, Some((3, 6)));
        // The quote runs on to a later quoted field, followed by text: still the opening quote.
        let (position, reason) = input_error(read(b"en,az\n\"File,Fayl\nEdit,\"Redakt\"\n"));
        assert_eq!(reason, Reason::CsvUnbalancedQuote);
        assert_eq!(position, Some((2, 1)));
    }

    #[test]
    fn text_after_a_closing_quote_is_an_error() {
        let (position, reason) = input_error(read("en,az\nə,\"ab\"c\n".as_bytes()));
        assert_eq!(reason, Reason::CsvTextAfterQuote);
        assert_eq!(position, Some((2, 7)));
    }

    #[test]
    fn rows_of_the_wrong_width_are_errors() {
        let (position, reason) = input_error(read(b"en,az,kk\na,b,c\nd,e\n"));
        assert_eq!(
            reason,
            Reason::CsvWidth {
                expected: 3,
                found: 2
            }
        );
        assert_eq!(position, Some((3, 4)));
        let (position, reason) = input_error(read("en,az\nə,b,c\n".as_bytes()));
        assert_eq!(
            reason,
            Reason::CsvWidth {
                expected: 2,
                found: 3
            }
        );
        assert_eq!(position, Some((2, 5)));
    }

    #[test]
    fn invalid_utf8_is_reported_at_its_line_and_column() {
        let (position, reason) = input_error(read(b"en,kk\nFile,\xD0\xA4\xFF\n"));
        assert_eq!(reason, Reason::InvalidUtf8);
        assert_eq!(position, Some((2, 7)));
        // In a quoted field spanning lines, with a doubled quote before the bad byte.
        let (position, _) = input_error(read(b"en,kk\nFile,\"a\nb\"\"c\xC3\"\n"));
        assert_eq!(position, Some((3, 5)));
        let (position, _) = input_error(read(b"e\xFFn,kk\n"));
        assert_eq!(position, Some((1, 2)));
    }

    #[test]
    fn bad_headers_are_errors() {
        let (position, reason) = input_error(read(b"en,xx-YY\nFile,X\n"));
        assert_eq!(position, Some((1, 4)));
        assert!(matches!(
            reason,
            Reason::LangTag(crate::model::LangTagError::UnknownLanguage(..))
        ));
        let (position, reason) = input_error(read(b"en,source\n"));
        assert_eq!(position, Some((1, 4)));
        assert!(matches!(reason, Reason::LangTag(_)));
        let (position, reason) = input_error(read(b"id,note\n1,x\n"));
        assert_eq!((position, reason), (Some((1, 1)), Reason::CsvNoLanguage));
        let (position, reason) = input_error(read(b"en,az,EN\n"));
        assert_eq!(
            (position, reason),
            (Some((1, 7)), Reason::CsvDuplicateColumn("EN".into()))
        );
        let (position, reason) = input_error(read(b"en,notes,Note\n"));
        assert_eq!(
            (position, reason),
            (Some((1, 10)), Reason::CsvDuplicateColumn("Note".into()))
        );
        assert_eq!(input_error(read(b"\n\n")), (None, Reason::CsvNoLanguage));
    }

    fn write(units: &[Unit], columns: &[&str], delimiter: u8, sanitize: bool) -> String {
        let columns = columns.iter().map(|c| tag(c)).collect();
        let mut writer = CsvWriter::new(Vec::new(), columns, delimiter, sanitize).unwrap();
        for unit in units {
            writer.write_unit(unit).unwrap();
        }
        String::from_utf8(writer.finish().unwrap()).unwrap()
    }

    fn unit(variants: &[(&str, &str)]) -> Unit {
        Unit {
            variants: variants
                .iter()
                .map(|(lang, text)| Variant::new(tag(lang), Segment::plain(*text)))
                .collect(),
            ..Unit::default()
        }
    }

    #[test]
    fn writer_picks_the_exact_tag_first_then_a_matching_one() {
        let units = [
            unit(&[("en-US", "Color"), ("en", "Colour"), ("kk-KZ", "Түс")]),
            unit(&[("en-US", "Center"), ("kk-Latn", "Tús"), ("az", "a,\"b\"")]),
        ];
        assert_eq!(
            write(&units, &["en", "kk", "az"], b',', false),
            "en,kk,az\r\nColour,Түс,\r\nCenter,,\"a,\"\"b\"\"\"\r\n"
        );
    }

    #[test]
    fn sanitizing_neutralizes_formulas_and_the_reader_keeps_the_prefix() {
        let units = [unit(&[
            ("en", "=SUM(A1)"),
            ("az", "-5"),
            ("kk", "@x"),
            ("ar", "+1"),
        ])];
        let sanitized = write(&units, &["en", "az", "kk", "ar"], b',', true);
        assert_eq!(sanitized, "en,az,kk,ar\r\n'=SUM(A1),'-5,'@x,'+1\r\n");
        let back = read(sanitized.as_bytes()).unwrap();
        assert_eq!(back[0].variants[0].segment.text, "'=SUM(A1)");
        let tab = write(&[unit(&[("en", "\tx")])], &["en"], b'\t', true);
        assert_eq!(tab, "en\r\n\"'\tx\"\r\n");
        let plain = write(&units, &["en", "az", "kk", "ar"], b',', false);
        assert_eq!(read(plain.as_bytes()).unwrap(), units);
    }

    /// Cell text with what needs quoting, line breaks, formula starts and the four languages' letters.
    fn text() -> impl Strategy<Value = String> {
        proptest::string::string_regex(
            "[a-zA-Z0-9 ,;\"'\r\n\t=+@#\\-əğıöüçşİƏәғқңөұүһіابتثجحخدرسشصعمنهوي\u{064B}-\u{0652}]{1,12}",
        )
        .unwrap()
    }

    proptest! {
        #[test]
        fn written_units_read_back_the_same(
            rows in proptest::collection::vec(
                proptest::collection::vec(proptest::option::of(text()), 4),
                1..20,
            ),
            tsv in any::<bool>(),
        ) {
            let columns = ["en", "az", "kk", "ar"];
            let units: Vec<Unit> = rows
                .iter()
                .map(|cells| {
                    let variants: Vec<(&str, &str)> = columns
                        .iter()
                        .zip(cells)
                        .filter_map(|(lang, text)| Some((*lang, text.as_deref()?)))
                        .collect();
                    unit(&variants)
                })
                .filter(|unit| !unit.variants.is_empty())
                .collect();
            let delimiter = if tsv { b'\t' } else { b',' };
            let written = write(&units, &columns, delimiter, false);
            let file = temp(written.as_bytes());
            let (back, _) = read_path(file.path(), delimiter).unwrap();
            prop_assert_eq!(back, units);
        }
    }

    /// A file of the shared test data, if this checkout has it next to it.
    #[allow(clippy::print_stderr)]
    fn shared(path: &str) -> Option<PathBuf> {
        let full = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared")
            .join(path);
        if !full.exists() {
            eprintln!("skipped: {} is not there", full.display());
        }
        full.exists().then_some(full)
    }

    /// The languages and texts of each `<tu>` of the shared TMX, which has plain segments only.
    fn tmx_texts(tmx: &str) -> Vec<Vec<(String, String)>> {
        tmx.split("<tu ")
            .skip(1)
            .map(|tu| {
                tu.split("<tuv xml:lang=\"")
                    .skip(1)
                    .map(|tuv| {
                        let (lang, rest) = tuv.split_once('"').unwrap();
                        let seg = rest.split_once("<seg>").unwrap().1;
                        let seg = seg.split_once("</seg>").unwrap().0;
                        let text = seg
                            .replace("&lt;", "<")
                            .replace("&gt;", ">")
                            .replace("&amp;", "&");
                        (lang.to_string(), text)
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn real_memory_reads_all_rows_with_the_texts_of_the_tmx() {
        let (Some(csv), Some(tmx)) = (shared("data/real-tm.csv"), shared("data/real-tm.tmx"))
        else {
            return;
        };
        let (units, skipped) = read_path(&csv, b',').unwrap();
        assert_eq!(units.len(), 7894);
        assert_eq!(skipped, Skipped::default());
        assert_eq!(
            texts(&units[0]),
            [("en", "\n%s login: "), ("kk", "\n%s пайдаланушы аты: ")]
        );
        let expected = tmx_texts(&std::fs::read_to_string(tmx).unwrap());
        assert_eq!(expected.len(), units.len());
        for (unit, expected) in units.iter().zip(&expected) {
            let got: Vec<(String, String)> = texts(unit)
                .into_iter()
                .map(|(lang, text)| (lang.to_string(), text.to_string()))
                .collect();
            assert_eq!(&got, expected);
        }
        let count = |lang: &str| {
            units
                .iter()
                .filter(|u| u.variants.iter().any(|v| v.lang.as_str() == lang))
                .count()
        };
        assert_eq!((count("az"), count("kk"), count("ar")), (2213, 3575, 6378));
    }
}
