//! Glossaries (termbases): the contract CSV format (`glossaries/README.md`), validation, the
//! glossaries shipped in the binary, term recognition in text, search, import from TBX and
//! CSV/TSV, and extraction of candidate terms.
//!
//! A [`Glossary`] is one file: a header naming its columns and one [`Entry`] per concept. Reading
//! and writing keep every column and cell as they are, so a glossary in the canonical layout
//! (minimal quoting, `\n` line ends, no BOM) is written back byte for byte.

pub mod builtin;
pub mod extract;
pub mod import;
pub mod recognize;
pub mod search;
mod validate;

pub use recognize::{Form, Locator, Mention, Recognizer};
pub use validate::{Problem, ProblemKind, expected_script, validate};

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;

use crate::error::{Error, Position, Reason, Result};
use crate::model::LangTag;

/// The header every glossary file starts with; more columns may follow.
pub const CONTRACT_HEADER: [&str; 9] = [
    "id",
    "type",
    "en",
    "az",
    "kk",
    "ar",
    "variants",
    "forbidden",
    "note",
];

/// What an entry names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Kind {
    Person,
    Institution,
    Title,
    Place,
    #[default]
    Term,
    /// A value outside the contract, kept so the file round-trips; validation reports it.
    Unknown(String),
}

impl Kind {
    /// The contract's values.
    pub const NAMES: [&'static str; 5] = ["person", "institution", "title", "place", "term"];

    /// Parses a `type` cell (exact, lower case).
    pub fn parse(s: &str) -> Kind {
        match s {
            "person" => Kind::Person,
            "institution" => Kind::Institution,
            "title" => Kind::Title,
            "place" => Kind::Place,
            "term" => Kind::Term,
            other => Kind::Unknown(other.to_string()),
        }
    }

    /// The cell value.
    pub fn as_str(&self) -> &str {
        match self {
            Kind::Person => "person",
            Kind::Institution => "institution",
            Kind::Title => "title",
            Kind::Place => "place",
            Kind::Term => "term",
            Kind::Unknown(s) => s,
        }
    }
}

/// What a column of a glossary file holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    Type,
    /// The canonical form for documents in this language.
    Lang(LangTag),
    Variants,
    Allowed,
    Forbidden,
    Note,
    /// Any other column (`source`, `updated`, or one the contract does not know), by header name.
    Other(String),
}

impl Column {
    /// The column a header cell names. Known names are matched without regard to case and
    /// surrounding space; anything that parses as a language tag is a language column.
    pub fn from_header(header: &str) -> Column {
        let name = header.trim().to_ascii_lowercase();
        match name.as_str() {
            "id" => Column::Id,
            "type" => Column::Type,
            "variants" => Column::Variants,
            "allowed" => Column::Allowed,
            "forbidden" => Column::Forbidden,
            "note" => Column::Note,
            "source" | "updated" => Column::Other(header.to_string()),
            _ => match LangTag::parse(header.trim()) {
                Ok(tag) => Column::Lang(tag),
                Err(_) => Column::Other(header.to_string()),
            },
        }
    }

    /// The header cell for this column in a new file.
    pub fn header(&self) -> String {
        match self {
            Column::Id => "id".into(),
            Column::Type => "type".into(),
            Column::Lang(tag) => tag.as_str().into(),
            Column::Variants => "variants".into(),
            Column::Allowed => "allowed".into(),
            Column::Forbidden => "forbidden".into(),
            Column::Note => "note".into(),
            Column::Other(name) => name.clone(),
        }
    }
}

/// One concept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub kind: Kind,
    /// Canonical forms by language, in column order; languages without a form are absent.
    pub forms: Vec<(LangTag, String)>,
    /// Known alternative spellings in any script: recognized, and a warning where used.
    pub variants: Vec<String>,
    /// Accepted alternative spellings: recognized, never flagged.
    pub allowed: Vec<String>,
    /// Deprecated spellings: recognized, an error where used.
    pub forbidden: Vec<String>,
    pub note: String,
    /// Cells of other columns, by header name.
    pub other: Vec<(String, String)>,
    /// The line the entry starts on in its file (1 is the header); 0 when it comes from elsewhere.
    pub line: u64,
}

impl Entry {
    /// The canonical form for `tag` (compared on [`LangTag::base`]), if there is one.
    pub fn form(&self, tag: &LangTag) -> Option<&str> {
        self.forms
            .iter()
            .find(|(t, _)| t == tag)
            .or_else(|| self.forms.iter().find(|(t, _)| t.matches(tag)))
            .map(|(_, form)| form.as_str())
    }

    /// Sets (or, with an empty `form`, removes) the canonical form for `tag`.
    pub fn set_form(&mut self, tag: LangTag, form: String) {
        self.forms.retain(|(t, _)| *t != tag);
        if !form.is_empty() {
            self.forms.push((tag, form));
        }
    }

    /// Every spelling of the entry with its form: the canonical forms, then the allowed ones, the
    /// variants and the forbidden ones. Empty list items are skipped; text is as written.
    pub fn spellings(&self) -> impl Iterator<Item = (&str, Form)> {
        let canonical = self
            .forms
            .iter()
            .map(|(_, f)| (f.as_str(), Form::Canonical));
        let lists = [
            (&self.allowed, Form::Allowed),
            (&self.variants, Form::Variant),
            (&self.forbidden, Form::Forbidden),
        ];
        canonical
            .chain(
                lists
                    .into_iter()
                    .flat_map(|(list, form)| list.iter().map(move |s| (s.as_str(), form))),
            )
            .filter(|(s, _)| !s.trim().is_empty())
    }

    /// The value of an extra column.
    pub fn other(&self, name: &str) -> Option<&str> {
        self.other
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A glossary file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Glossary {
    /// Where it came from, for messages: a path, or the name of a shipped glossary.
    pub name: String,
    /// The header cells as written.
    pub header: Vec<String>,
    /// What each column holds, parallel to `header`.
    pub columns: Vec<Column>,
    pub entries: Vec<Entry>,
}

/// How [`Glossary::write`] writes.
#[derive(Clone, Debug)]
pub struct WriteOptions {
    /// `b','` for CSV, `b'\t'` for TSV.
    pub delimiter: u8,
    /// Neutralize cells a spreadsheet would run as formulas (see [`neutralize`]).
    pub sanitize: bool,
    /// A UTF-8 byte order mark and CRLF line ends, for Excel.
    pub excel: bool,
    /// Only these language columns (compared on [`LangTag::base`]); all when `None`.
    pub langs: Option<Vec<LangTag>>,
}

impl Default for WriteOptions {
    fn default() -> WriteOptions {
        WriteOptions {
            delimiter: b',',
            sanitize: false,
            excel: false,
            langs: None,
        }
    }
}

/// A cell that a spreadsheet would take for a formula (it begins with `=`, `+`, `-`, `@`, a tab
/// or a carriage return) with a `'` put in front, so that it shows as text. Other cells are
/// returned as they are.
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Splits a `|`-separated list cell; an empty cell is an empty list.
pub fn split_list(cell: &str) -> Vec<String> {
    if cell.is_empty() {
        Vec::new()
    } else {
        cell.split('|').map(str::to_string).collect()
    }
}

/// The line and column (1-based, in scalar values) of byte `at` of `text`.
pub fn position_of(text: &str, at: usize) -> Position {
    let at = at.min(text.len());
    let before = &text.as_bytes()[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count() as u64
        + 1;
    Position { line, column }
}

/// Decodes a text file: a UTF-8 BOM is dropped, UTF-16 with a BOM is transcoded, anything else
/// must be UTF-8 (the error gives the line and column of the first bad byte).
pub fn decode_text(path: &Path, bytes: &[u8]) -> Result<String> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding == encoding_rs::UTF_8 {
            return decode_utf8(path, &bytes[bom_len..]);
        }
        let (text, _, had_errors) = encoding.decode(bytes);
        if had_errors {
            return Err(Error::input(path, None, Reason::InvalidUtf8));
        }
        return Ok(text.into_owned());
    }
    decode_utf8(path, bytes)
}

fn decode_utf8(path: &Path, bytes: &[u8]) -> Result<String> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
            let position = position_of(&valid, valid.len());
            Err(Error::input(path, Some(position), Reason::InvalidUtf8))
        }
    }
}

/// Reads a text file with [`decode_text`].
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    decode_text(path, &bytes)
}

/// The delimiter of a glossary file: a tab for `.tsv`/`.tab`/`.txt`, or when the first line
/// has tabs and no commas; else a comma.
pub fn sniff_delimiter(path: &Path, text: &str) -> u8 {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if matches!(ext.as_deref(), Some("tsv" | "tab" | "txt" | "utf8")) {
        return b'\t';
    }
    let first = text.lines().next().unwrap_or("");
    if first.contains('\t') && !first.contains(',') {
        b'\t'
    } else {
        b','
    }
}

fn csv_error(path: &Path, text: &str, error: &csv::Error) -> Error {
    let position = error.position().map(|p| {
        let byte = usize::try_from(p.byte()).unwrap_or(usize::MAX);
        position_of(text, byte)
    });
    Error::input(path, position, Reason::Csv(error.to_string()))
}

/// The rows of a delimited file, each with the line it starts on.
pub(crate) fn csv_rows(path: &Path, text: &str, delimiter: u8) -> Result<Vec<(u64, Vec<String>)>> {
    // The csv crate reads an unclosed quote to the end of the file without a word; quotes come
    // in pairs in well-formed CSV, so an odd count means one is never closed.
    if text.bytes().filter(|&b| b == b'"').count() % 2 == 1 {
        let at = text.rfind('"').unwrap_or(0);
        return Err(Error::input(
            path,
            Some(position_of(text, at)),
            Reason::CsvUnbalancedQuote,
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, text, &e))?;
        let line = record.position().map_or(0, |p| p.line());
        let cells: Vec<String> = record.iter().map(str::to_string).collect();
        if cells.len() == 1 && cells[0].is_empty() {
            continue;
        }
        rows.push((line, cells));
    }
    Ok(rows)
}

impl Glossary {
    /// An empty glossary with the contract header.
    pub fn new(name: impl Into<String>) -> Glossary {
        let header: Vec<String> = CONTRACT_HEADER.iter().map(|s| s.to_string()).collect();
        let columns = header.iter().map(|h| Column::from_header(h)).collect();
        Glossary {
            name: name.into(),
            header,
            columns,
            entries: Vec::new(),
        }
    }

    /// Reads a glossary file (CSV, or TSV by [`sniff_delimiter`]).
    pub fn read(path: &Path) -> Result<Glossary> {
        let text = read_text(path)?;
        let delimiter = sniff_delimiter(path, &text);
        Glossary::parse(&path.display().to_string(), path, &text, delimiter)
    }

    /// Parses glossary text. Structural problems (bad CSV, rows of the wrong width, a header
    /// without `id`, `type` or a language column) are errors naming the line; everything else is
    /// for [`validate`].
    pub fn parse(name: &str, path: &Path, text: &str, delimiter: u8) -> Result<Glossary> {
        if text.trim().is_empty() {
            return Err(Error::input(path, None, Reason::Empty));
        }
        let mut rows = csv_rows(path, text, delimiter)?.into_iter();
        let Some((header_line, header)) = rows.next() else {
            return Err(Error::input(path, None, Reason::Empty));
        };
        let at = |line: u64| Some(Position { line, column: 1 });
        let columns: Vec<Column> = header.iter().map(|h| Column::from_header(h)).collect();
        for (i, column) in columns.iter().enumerate() {
            if columns[..i].contains(column) {
                return Err(Error::input(
                    path,
                    at(header_line),
                    Reason::CsvDuplicateColumn(header[i].clone()),
                ));
            }
        }
        for (required, name) in [(Column::Id, "id"), (Column::Type, "type")] {
            if !columns.contains(&required) {
                return Err(Error::input(
                    path,
                    at(header_line),
                    Reason::GlossaryMissingColumn(name.into()),
                ));
            }
        }
        if !columns.iter().any(|c| matches!(c, Column::Lang(_))) {
            return Err(Error::input(path, at(header_line), Reason::CsvNoLanguage));
        }
        let mut entries = Vec::new();
        for (line, cells) in rows {
            if cells.len() != columns.len() {
                return Err(Error::input(
                    path,
                    at(line),
                    Reason::CsvWidth {
                        expected: columns.len() as u64,
                        found: cells.len() as u64,
                    },
                ));
            }
            let mut entry = Entry {
                line,
                ..Entry::default()
            };
            for ((column, name), cell) in columns.iter().zip(&header).zip(cells) {
                match column {
                    Column::Id => entry.id = cell,
                    Column::Type => entry.kind = Kind::parse(&cell),
                    Column::Lang(tag) => {
                        if !cell.is_empty() {
                            entry.forms.push((tag.clone(), cell));
                        }
                    }
                    Column::Variants => entry.variants = split_list(&cell),
                    Column::Allowed => entry.allowed = split_list(&cell),
                    Column::Forbidden => entry.forbidden = split_list(&cell),
                    Column::Note => entry.note = cell,
                    Column::Other(_) => entry.other.push((name.clone(), cell)),
                }
            }
            entries.push(entry);
        }
        Ok(Glossary {
            name: name.to_string(),
            header,
            columns,
            entries,
        })
    }

    /// The language columns, in order.
    pub fn languages(&self) -> Vec<LangTag> {
        self.columns
            .iter()
            .filter_map(|c| match c {
                Column::Lang(tag) => Some(tag.clone()),
                _ => None,
            })
            .collect()
    }

    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Adds a column unless the glossary has it.
    pub fn add_column(&mut self, column: Column) {
        if !self.columns.contains(&column) {
            self.header.push(column.header());
            self.columns.push(column);
        }
    }

    /// One glossary made of several: the columns of all (in order of appearance) and their
    /// entries; an entry whose id an earlier glossary has replaces that entry in place, so later
    /// glossaries (the user's) override earlier ones (the shipped ones).
    pub fn merged(glossaries: &[Glossary]) -> Glossary {
        let Some(first) = glossaries.first() else {
            return Glossary::new("");
        };
        let mut merged = Glossary {
            name: glossaries
                .iter()
                .map(|g| g.name.as_str())
                .collect::<Vec<_>>()
                .join(" + "),
            header: first.header.clone(),
            columns: first.columns.clone(),
            entries: Vec::new(),
        };
        let mut index: HashMap<String, usize> = HashMap::new();
        for glossary in glossaries {
            for (column, header) in glossary.columns.iter().zip(&glossary.header) {
                if !merged.columns.contains(column) {
                    merged.columns.push(column.clone());
                    merged.header.push(header.clone());
                }
            }
            for entry in &glossary.entries {
                match index.get(&entry.id) {
                    Some(&i) => merged.entries[i] = entry.clone(),
                    None => {
                        index.insert(entry.id.clone(), merged.entries.len());
                        merged.entries.push(entry.clone());
                    }
                }
            }
        }
        merged
    }

    /// The cells of `entry` for the columns `keep` selects.
    fn cells<'a>(&self, entry: &'a Entry, keep: &[bool]) -> Vec<Cow<'a, str>> {
        self.columns
            .iter()
            .zip(&self.header)
            .zip(keep)
            .filter(|(_, keep)| **keep)
            .map(|((column, name), _)| match column {
                Column::Id => Cow::Borrowed(entry.id.as_str()),
                Column::Type => Cow::Borrowed(entry.kind.as_str()),
                Column::Lang(tag) => Cow::Borrowed(
                    entry
                        .forms
                        .iter()
                        .find(|(t, _)| t == tag)
                        .map_or("", |(_, f)| f.as_str()),
                ),
                Column::Variants => Cow::Owned(entry.variants.join("|")),
                Column::Allowed => Cow::Owned(entry.allowed.join("|")),
                Column::Forbidden => Cow::Owned(entry.forbidden.join("|")),
                Column::Note => Cow::Borrowed(entry.note.as_str()),
                Column::Other(_) => Cow::Borrowed(entry.other(name).unwrap_or("")),
            })
            .collect()
    }

    /// Writes the glossary in the contract format: the header, then one row per entry.
    pub fn write(&self, out: &mut dyn Write, options: &WriteOptions) -> io::Result<()> {
        let keep: Vec<bool> = self
            .columns
            .iter()
            .map(|c| match (c, &options.langs) {
                (Column::Lang(tag), Some(langs)) => langs.iter().any(|l| l.matches(tag)),
                _ => true,
            })
            .collect();
        let mut writer = RowWriter::new(out, options)?;
        let header: Vec<Cow<'_, str>> = self
            .header
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(h, _)| Cow::Borrowed(h.as_str()))
            .collect();
        writer.row(&header)?;
        for entry in &self.entries {
            writer.row(&self.cells(entry, &keep))?;
        }
        Ok(())
    }
}

/// Writes delimited rows the way the contract files are written: a cell is quoted only when it
/// holds the delimiter, a quote or a line break; quotes inside are doubled.
pub struct RowWriter<'a> {
    out: &'a mut dyn Write,
    delimiter: u8,
    sanitize: bool,
    eol: &'static [u8],
}

impl<'a> RowWriter<'a> {
    /// Starts writing (the BOM first, for Excel).
    pub fn new(out: &'a mut dyn Write, options: &WriteOptions) -> io::Result<RowWriter<'a>> {
        if options.excel {
            out.write_all("\u{FEFF}".as_bytes())?;
        }
        Ok(RowWriter {
            out,
            delimiter: options.delimiter,
            sanitize: options.sanitize,
            eol: if options.excel { b"\r\n" } else { b"\n" },
        })
    }

    /// Writes one row.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> io::Result<()> {
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.out.write_all(&[self.delimiter])?;
            }
            let cell = if self.sanitize {
                neutralize(cell.as_ref())
            } else {
                Cow::Borrowed(cell.as_ref())
            };
            let quote = cell
                .bytes()
                .any(|b| b == self.delimiter || b == b'"' || b == b'\n' || b == b'\r');
            if quote {
                self.out.write_all(b"\"")?;
                self.out.write_all(cell.replace('"', "\"\"").as_bytes())?;
                self.out.write_all(b"\"")?;
            } else {
                self.out.write_all(cell.as_bytes())?;
            }
        }
        self.out.write_all(self.eol)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "id,type,en,az,kk,ar,variants,forbidden,note\n\
        p_almalik,person,Salim AlMalik,,,سالم بن محمد المالك,Salim M. AlMalik|Salim Al-Malik,,\"Director-General, ICESCO\"\n\
        pl_almaty,place,Almaty,Almatı,Алматы,ألماتي,,Alma-Ata,\n";

    fn parse(text: &str) -> Result<Glossary> {
        Glossary::parse("test.csv", Path::new("test.csv"), text, b',')
    }

    fn write(g: &Glossary, options: &WriteOptions) -> String {
        let mut out = Vec::new();
        g.write(&mut out, options).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn reads_the_contract_format() {
        let g = parse(SAMPLE).unwrap();
        assert_eq!(g.entries.len(), 2);
        let e = &g.entries[0];
        assert_eq!(e.id, "p_almalik");
        assert_eq!(e.kind, Kind::Person);
        assert_eq!(e.variants, ["Salim M. AlMalik", "Salim Al-Malik"]);
        assert_eq!(e.note, "Director-General, ICESCO");
        assert_eq!(e.line, 2);
        assert_eq!(
            e.form(&LangTag::parse("ar-SA").unwrap()),
            Some("سالم بن محمد المالك")
        );
        assert_eq!(e.form(&LangTag::parse("az").unwrap()), None);
        assert_eq!(g.entries[1].forbidden, ["Alma-Ata"]);
        assert_eq!(g.entries[1].line, 3);
    }

    #[test]
    fn writes_back_byte_for_byte() {
        let g = parse(SAMPLE).unwrap();
        assert_eq!(write(&g, &WriteOptions::default()), SAMPLE);
        let names_dev = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/names-dev/glossary.csv"),
        );
        if let Ok(text) = names_dev {
            let g = parse(&text).unwrap();
            assert_eq!(g.entries.len(), 48);
            assert_eq!(write(&g, &WriteOptions::default()), text);
        }
    }

    #[test]
    fn extra_columns_are_kept_in_their_place() {
        let text = "id,type,en,kk,kk-Latn,variants,forbidden,note,source,allowed\n\
                    x,term,A,Ә,Ä,,,,wiki,B|C\n";
        let g = parse(text).unwrap();
        assert_eq!(g.entries[0].other("source"), Some("wiki"));
        assert_eq!(g.entries[0].allowed, ["B", "C"]);
        assert_eq!(write(&g, &WriteOptions::default()), text);
    }

    #[test]
    fn excel_sanitize_and_language_selection() {
        let text =
            "id,type,en,az,kk,ar,variants,forbidden,note\nx,term,=SUM(A1),@a,-b,+c,,,\"\ttab\"\n";
        let g = parse(text).unwrap();
        let options = WriteOptions {
            sanitize: true,
            excel: true,
            langs: Some(vec![
                LangTag::parse("en").unwrap(),
                LangTag::parse("kk").unwrap(),
            ]),
            ..WriteOptions::default()
        };
        assert_eq!(
            write(&g, &options),
            "\u{FEFF}id,type,en,kk,variants,forbidden,note\r\nx,term,'=SUM(A1),'-b,,,'\ttab\r\n"
        );
    }

    #[test]
    fn structural_errors_name_the_line() {
        let err = parse("id,type,en\nx,term\n").unwrap_err();
        assert!(
            matches!(&err, Error::Input { position: Some(p), reason: Reason::CsvWidth { expected: 3, found: 2 }, .. } if p.line == 2),
            "{err:?}"
        );
        let err = parse("id,en\nx,A\n").unwrap_err();
        assert!(matches!(
            err,
            Error::Input {
                reason: Reason::GlossaryMissingColumn(_),
                ..
            }
        ));
        let err = parse("id,type,note\nx,term,n\n").unwrap_err();
        assert!(matches!(
            err,
            Error::Input {
                reason: Reason::CsvNoLanguage,
                ..
            }
        ));
        let err = parse("id,type,en,EN\n").unwrap_err();
        assert!(matches!(
            err,
            Error::Input {
                reason: Reason::CsvDuplicateColumn(_),
                ..
            }
        ));
        assert!(matches!(
            parse(" \n").unwrap_err(),
            Error::Input {
                reason: Reason::Empty,
                ..
            }
        ));
        let err = decode_text(Path::new("g.csv"), b"id,type\nab\xff").unwrap_err();
        assert!(
            matches!(&err, Error::Input { position: Some(p), reason: Reason::InvalidUtf8, .. } if p.line == 2 && p.column == 3),
            "{err:?}"
        );
    }

    #[test]
    fn later_glossaries_override_earlier_ones_by_id() {
        let a = parse(SAMPLE).unwrap();
        let b =
            parse("id,type,en,ru\np_almalik,person,Salim M. AlMalik,Салим аль-Малик\n").unwrap();
        let m = Glossary::merged(&[a, b]);
        assert_eq!(m.entries.len(), 2);
        assert_eq!(m.entries[0].forms[0].1, "Salim M. AlMalik");
        assert_eq!(m.header.last().map(String::as_str), Some("ru"));
    }

    mod round_trip {
        use proptest::prelude::*;

        use super::*;

        fn cell() -> impl Strategy<Value = String> {
            prop::collection::vec(
                prop::sample::select(vec![
                    'a', 'Z', ' ', ',', '"', '\n', '\r', ';', 'ə', 'İ', 'ı', 'Қ', 'ұ', 'ا', 'إ',
                    '\u{64E}', '=', '-', '\t', '\'',
                ]),
                0..8,
            )
            .prop_map(|c| c.into_iter().collect())
        }

        fn item() -> impl Strategy<Value = String> {
            cell().prop_filter("list items are non-empty and have no |", |s| !s.is_empty())
        }

        fn entry() -> impl Strategy<Value = Entry> {
            (
                "[a-z_]{1,8}",
                prop::sample::select(Kind::NAMES.to_vec()),
                prop::collection::vec(cell(), 4),
                prop::collection::vec(item(), 0..3),
                prop::collection::vec(item(), 0..3),
                cell(),
            )
                .prop_map(|(id, kind, forms, variants, forbidden, note)| {
                    let tags = ["en", "az", "kk", "ar"];
                    Entry {
                        id,
                        kind: Kind::parse(kind),
                        forms: tags
                            .iter()
                            .zip(forms)
                            .filter(|(_, f)| !f.is_empty())
                            .map(|(t, f)| (LangTag::parse(t).unwrap(), f))
                            .collect(),
                        variants,
                        forbidden,
                        note,
                        ..Entry::default()
                    }
                })
        }

        proptest! {
            #[test]
            fn write_then_read_gives_the_same_glossary_and_bytes(
                entries in prop::collection::vec(entry(), 0..6),
                tsv in any::<bool>(),
            ) {
                let mut g = Glossary::new("p.csv");
                g.entries = entries;
                let options = WriteOptions {
                    delimiter: if tsv { b'\t' } else { b',' },
                    ..WriteOptions::default()
                };
                let mut bytes = Vec::new();
                g.write(&mut bytes, &options).unwrap();
                let text = String::from_utf8(bytes).unwrap();
                let mut back = Glossary::parse("p.csv", Path::new("p.csv"), &text, options.delimiter).unwrap();
                for e in &mut back.entries {
                    e.line = 0;
                }
                prop_assert_eq!(&back.entries, &g.entries);
                let mut again = Vec::new();
                back.write(&mut again, &options).unwrap();
                prop_assert_eq!(String::from_utf8(again).unwrap(), text);
            }
        }
    }
}
