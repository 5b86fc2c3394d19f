//! TBX termbases: reading TBX-Basic / TBX v3 (`<tbx>`, `conceptEntry`/`langSec`/`termSec`) and
//! TBX 2008 (`<martif>`, `termEntry`/`langSet`/`tig`/`ntig`), and writing TBX-Basic in TBX v3
//! (valid against the TBX v3 core RNG, DCA style).
//!
//! The encoding comes from a byte order mark or from the XML declaration (`windows-1254` and the
//! other WHATWG labels); entity declarations are never expanded and undefined entities are errors.

use std::io::{self, Write};
use std::path::Path;

use encoding_rs::{Encoding, UTF_8};
use quick_xml::escape::escape;
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

use super::xml;
use crate::error::{Error, Position, Reason, Result};

/// A term's administrative status (TBX `administrativeStatus`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// preferred, standardized
    Preferred,
    /// admitted
    Admitted,
    /// deprecated, superseded, obsolete, not recommended
    Deprecated,
}

impl Status {
    /// Reads an `administrativeStatus` value (TBX-Basic `…-admn-sts` picklist values, TBX-Min
    /// words, and the odd values real files use).
    pub fn parse(value: &str) -> Option<Status> {
        let v = value.trim().to_ascii_lowercase();
        if v.starts_with("preferred") || v.starts_with("standardized") {
            Some(Status::Preferred)
        } else if v.starts_with("admitted") {
            Some(Status::Admitted)
        } else if v.starts_with("deprecated")
            || v.starts_with("superseded")
            || v.starts_with("obsolete")
            || v.starts_with("notrecommended")
        {
            Some(Status::Deprecated)
        } else {
            None
        }
    }

    fn tbx_value(self) -> &'static str {
        match self {
            Status::Preferred => "preferredTerm-admn-sts",
            Status::Admitted => "admittedTerm-admn-sts",
            Status::Deprecated => "deprecatedTerm-admn-sts",
        }
    }
}

/// One term.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    pub status: Option<Status>,
    /// `termType` says `variant`.
    pub variant: bool,
}

/// The terms of one language in a concept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LangTerms {
    /// The `xml:lang` as written.
    pub lang: String,
    pub terms: Vec<Term>,
}

/// One concept (`conceptEntry` / `termEntry`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Concept {
    pub id: Option<String>,
    /// `descrip type="x-tarjuman-type"`: the glossary entry type, when tarjuman wrote the file.
    pub kind: Option<String>,
    pub notes: Vec<String>,
    pub langs: Vec<LangTerms>,
}

/// A whole termbase.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Termbase {
    /// The root's `xml:lang`, if any.
    pub lang: Option<String>,
    pub concepts: Vec<Concept>,
}

/// The encoding an XML declaration names (`<?xml … encoding="windows-1254"?>`), read as the TMX
/// and XLIFF reader reads it.
fn declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&head[..head.len().min(512)]);
    Encoding::for_label(xml::declared_encoding(head.trim_start())?.trim().as_bytes())
}

/// Decodes an XML file: BOM, else the declared encoding, else UTF-8.
fn decode_xml(path: &Path, bytes: &[u8]) -> Result<String> {
    let (encoding, skip) = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) => (encoding, bom),
        None => match declared_encoding(bytes) {
            Some(encoding) if encoding != UTF_8 => (encoding, 0),
            _ => (UTF_8, 0),
        },
    };
    if encoding == UTF_8 {
        return crate::glossary::decode_text(path, &bytes[skip..]);
    }
    let (text, _, had_errors) = encoding.decode(bytes);
    if had_errors {
        return Err(Error::input(path, None, Reason::InvalidUtf8));
    }
    Ok(text.into_owned())
}

fn position(text: &str, at: u64) -> Option<Position> {
    Some(crate::glossary::position_of(
        text,
        usize::try_from(at).unwrap_or(usize::MAX),
    ))
}

/// What text is being collected.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    Term,
    Note,
    Status,
    TermType,
    Kind,
}

/// Reads a TBX file (v3 or 2008).
pub fn read(path: &Path) -> Result<Termbase> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::input(path, None, Reason::Empty));
    }
    let text = decode_xml(path, &bytes)?;
    parse(path, &text)
}

/// Parses TBX text.
pub fn parse(path: &Path, text: &str) -> Result<Termbase> {
    let mut reader = Reader::from_str(text);
    let mut termbase = Termbase::default();
    let mut root_seen = false;
    let mut concept: Option<Concept> = None;
    let mut lang: Option<LangTerms> = None;
    let mut term: Option<Term> = None;
    let mut capture: Option<(Capture, usize)> = None;
    let mut buffer = String::new();
    let mut depth = 0usize;
    // Inside tig/ntig/termSec: the term is pushed when the group closes, else at </term>.
    let mut group_open = false;
    loop {
        let at = reader.buffer_position();
        let event = reader.read_event().map_err(|e| {
            Error::input(
                path,
                position(text, reader.error_position()),
                Reason::Xml(e.to_string()),
            )
        })?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.local_name().as_ref().to_string();
                let mut attr_lang = None;
                let mut attr_id = None;
                let mut attr_type = None;
                for attr in e.attributes().flatten() {
                    let key = attr.key.as_ref();
                    let value = attr
                        .normalized_value(XmlVersion::Implicit1_0)
                        .map(|v| v.into_owned());
                    let Ok(value) = value else { continue };
                    match key {
                        "xml:lang" | "lang" => attr_lang = Some(value),
                        "id" => attr_id = Some(value),
                        "type" => attr_type = Some(value),
                        _ => {}
                    }
                }
                if !root_seen {
                    root_seen = true;
                    if name != "tbx" && name != "martif" {
                        return Err(Error::input(
                            path,
                            position(text, at),
                            Reason::WrongRoot {
                                expected: "tbx".into(),
                                found: name,
                            },
                        ));
                    }
                    termbase.lang = attr_lang.clone();
                }
                if !empty {
                    depth += 1;
                }
                if capture.is_some() {
                    continue;
                }
                match name.as_str() {
                    "termEntry" | "conceptEntry" => {
                        concept = Some(Concept {
                            id: attr_id,
                            ..Concept::default()
                        })
                    }
                    "langSet" | "langSec" => {
                        lang = Some(LangTerms {
                            lang: attr_lang.unwrap_or_default(),
                            terms: Vec::new(),
                        })
                    }
                    "tig" | "ntig" | "termSec" if !empty => {
                        term = Some(Term::default());
                        group_open = true;
                    }
                    "term" if !empty => {
                        if term.is_none() {
                            term = Some(Term::default());
                        }
                        capture = Some((Capture::Term, depth));
                    }
                    "note" if !empty => capture = Some((Capture::Note, depth)),
                    "termNote" if !empty => match attr_type.as_deref() {
                        Some("administrativeStatus") => capture = Some((Capture::Status, depth)),
                        Some("termType") => capture = Some((Capture::TermType, depth)),
                        _ => {}
                    },
                    "descrip" if !empty && attr_type.as_deref() == Some("x-tarjuman-type") => {
                        capture = Some((Capture::Kind, depth))
                    }
                    _ => {}
                }
                if capture.is_some() {
                    buffer.clear();
                }
            }
            Event::Text(ref e) => {
                if capture.is_some() {
                    buffer.push_str(&e.xml10_content());
                }
            }
            Event::CData(ref e) => {
                if capture.is_some() {
                    buffer.push_str(&e.xml10_content());
                }
            }
            Event::GeneralRef(ref e) => {
                let resolved = if e.is_char_ref() {
                    e.resolve_char_ref().ok().flatten()
                } else {
                    match e.as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    }
                };
                match resolved {
                    Some(c) => {
                        if capture.is_some() {
                            buffer.push(c);
                        }
                    }
                    None => {
                        return Err(Error::input(
                            path,
                            position(text, at),
                            Reason::UndefinedEntity(e.as_ref().to_string()),
                        ));
                    }
                }
            }
            Event::End(ref e) => {
                let name = e.local_name().as_ref().to_string();
                if let Some((what, at_depth)) = capture
                    && at_depth == depth
                {
                    capture = None;
                    let value = buffer.clone();
                    match what {
                        Capture::Term => {
                            if let Some(t) = term.as_mut() {
                                t.text = value;
                            }
                        }
                        Capture::Note => {
                            if let Some(c) = concept.as_mut() {
                                let note = value.split_whitespace().collect::<Vec<_>>().join(" ");
                                if !note.is_empty() {
                                    c.notes.push(note);
                                }
                            }
                        }
                        Capture::Status => {
                            if let Some(t) = term.as_mut() {
                                t.status = Status::parse(&value);
                            }
                        }
                        Capture::TermType => {
                            if let Some(t) = term.as_mut() {
                                t.variant = value.trim().eq_ignore_ascii_case("variant");
                            }
                        }
                        Capture::Kind => {
                            if let Some(c) = concept.as_mut() {
                                c.kind = Some(value.trim().to_string());
                            }
                        }
                    }
                }
                depth = depth.saturating_sub(1);
                if capture.is_some() {
                    continue;
                }
                match name.as_str() {
                    "tig" | "ntig" | "termSec" => {
                        group_open = false;
                        if let (Some(t), Some(l)) = (term.take(), lang.as_mut()) {
                            l.terms.push(t);
                        }
                    }
                    "term" => {
                        // A term outside tig/ntig/termSec stands alone.
                        if let Some(l) = lang.as_mut()
                            && term.as_ref().is_some_and(|t| !t.text.is_empty())
                            && !group_open
                        {
                            l.terms.extend(term.take());
                        }
                    }
                    "langSet" | "langSec" => {
                        if let (Some(l), Some(c)) = (lang.take(), concept.as_mut()) {
                            c.langs.push(l);
                        }
                    }
                    "termEntry" | "conceptEntry" => {
                        if let Some(c) = concept.take() {
                            termbase.concepts.push(c);
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
    }
    if !root_seen {
        return Err(Error::input(path, None, Reason::Truncated));
    }
    if depth > 0 {
        return Err(Error::input(path, None, Reason::Truncated));
    }
    Ok(termbase)
}

/// Writes `termbase` as TBX-Basic (TBX v3, DCA style). `source` is said in the header.
pub fn write(termbase: &Termbase, source: &str, out: &mut dyn Write) -> io::Result<()> {
    let lang = termbase.lang.as_deref().unwrap_or("en");
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<tbx type="TBX-Basic" style="dca" xml:lang="{}" xmlns="urn:iso:std:iso:30042:ed-2">"#,
        escape(lang)
    )?;
    writeln!(out, "  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>")?;
    writeln!(out, "        <p>{}</p>", escape(source))?;
    writeln!(out, "      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>")?;
    writeln!(out, "  <text>\n    <body>")?;
    for (i, concept) in termbase.concepts.iter().enumerate() {
        let langs: Vec<&LangTerms> = concept
            .langs
            .iter()
            .filter(|l| !l.terms.is_empty())
            .collect();
        if langs.is_empty() {
            continue;
        }
        let id = concept
            .id
            .as_deref()
            .map_or_else(|| format!("c{}", i + 1), xml_id);
        writeln!(out, r#"      <conceptEntry id="{}">"#, escape(&id))?;
        if let Some(kind) = &concept.kind {
            writeln!(
                out,
                r#"        <descrip type="x-tarjuman-type">{}</descrip>"#,
                escape(kind)
            )?;
        }
        for note in &concept.notes {
            writeln!(out, "        <note>{}</note>", escape(note))?;
        }
        for lang in langs {
            writeln!(
                out,
                r#"        <langSec xml:lang="{}">"#,
                escape(&lang.lang)
            )?;
            for term in &lang.terms {
                writeln!(out, "          <termSec>")?;
                writeln!(out, "            <term>{}</term>", escape(&term.text))?;
                if let Some(status) = term.status {
                    writeln!(
                        out,
                        r#"            <termNote type="administrativeStatus">{}</termNote>"#,
                        status.tbx_value()
                    )?;
                }
                if term.variant {
                    writeln!(
                        out,
                        r#"            <termNote type="termType">variant</termNote>"#
                    )?;
                }
                writeln!(out, "          </termSec>")?;
            }
            writeln!(out, "        </langSec>")?;
        }
        writeln!(out, "      </conceptEntry>")?;
    }
    writeln!(out, "    </body>\n  </text>\n</tbx>")
}

/// An `xml:id`-safe form of an id: an NCName (letters, digits, `_`, `-`, `.`; not starting with
/// a digit, `-` or `.`).
fn xml_id(id: &str) -> String {
    let mut out: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '_' | '-' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if out
        .chars()
        .next()
        .is_none_or(|c| c.is_ascii_digit() || c == '-' || c == '.')
    {
        out.insert(0, '_');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/interop/tbx")
            .join(name)
    }

    /// Found by fuzzing: a declaration whose quote is not one (here an invalid byte, read as
    /// U+FFFD) panicked on slicing inside that char.
    #[test]
    fn a_declaration_without_a_quote_is_no_encoding() {
        let head = b"<?xml version='1.0' encoding=\xff\xff\"windows-1254\" ?><martif/>";
        assert_eq!(declared_encoding(head), None);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("odd.tbx");
        std::fs::write(&path, head).unwrap();
        assert!(matches!(
            read(&path),
            Err(Error::Input {
                reason: Reason::InvalidUtf8,
                ..
            })
        ));
        let quoted = b"<?xml version='1.0' encoding='windows-1254' ?>";
        assert_eq!(declared_encoding(quoted), Some(encoding_rs::WINDOWS_1254));
    }

    #[test]
    fn windows_1254_with_turkish_i() {
        let path = shared("okapi-test02_win1254.tbx");
        if !path.exists() {
            return;
        }
        let tb = read(&path).unwrap();
        assert_eq!(tb.concepts.len(), 1);
        let c = &tb.concepts[0];
        assert_eq!(c.langs[0].lang, "en");
        assert_eq!(c.langs[0].terms[0].text, "term with: éá and İı");
        assert_eq!(c.langs[1].terms[0].text, "tr term with: éá and İı");
    }

    #[test]
    fn statuses_from_tbx_2008() {
        let path = shared("okapi-medtronic_TBX.tbx");
        if !path.exists() {
            return;
        }
        let tb = read(&path).unwrap();
        assert_eq!(tb.concepts.len(), 3);
        let statuses: Vec<Status> = tb
            .concepts
            .iter()
            .flat_map(|c| &c.langs)
            .flat_map(|l| &l.terms)
            .filter_map(|t| t.status)
            .collect();
        assert!(statuses.contains(&Status::Preferred));
        assert!(statuses.contains(&Status::Deprecated));
    }

    #[test]
    fn tbx_v3_round_trip_and_errors() {
        let tb = Termbase {
            lang: Some("en".into()),
            concepts: vec![Concept {
                id: Some("1 x".into()),
                kind: Some("person".into()),
                notes: vec!["a & b".into()],
                langs: vec![LangTerms {
                    lang: "ar".into(),
                    terms: vec![
                        Term {
                            text: "سالم بن محمد المالك".into(),
                            status: Some(Status::Preferred),
                            variant: false,
                        },
                        Term {
                            text: "<x>".into(),
                            status: None,
                            variant: true,
                        },
                    ],
                }],
            }],
        };
        let mut out = Vec::new();
        write(&tb, "test", &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let back = parse(Path::new("t.tbx"), &text).unwrap();
        assert_eq!(back.concepts[0].langs, tb.concepts[0].langs);
        assert_eq!(back.concepts[0].kind.as_deref(), Some("person"));
        assert_eq!(back.concepts[0].notes, ["a & b"]);
        assert_eq!(back.concepts[0].id.as_deref(), Some("_1_x"));
        let err = parse(Path::new("t.tbx"), "<tmx><body/></tmx>").unwrap_err();
        assert!(matches!(
            err,
            Error::Input {
                reason: Reason::WrongRoot { .. },
                ..
            }
        ));
        let err = parse(
            Path::new("t.tbx"),
            "<martif><text><body>&bogus;</body></text></martif>",
        )
        .unwrap_err();
        assert!(matches!(
            err,
            Error::Input {
                reason: Reason::UndefinedEntity(_),
                ..
            }
        ));
        assert!(parse(Path::new("t.tbx"), "<martif><text><body>").is_err());
    }
}
