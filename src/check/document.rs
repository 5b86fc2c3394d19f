//! Documents to check, loaded so that every position refers to the file as stored: plain text and
//! Markdown are checked as they are; in XLIFF, PO, TMX and CSV/TSV files each target segment is
//! found in the stored text and checked where it stands, with its source segment beside it for
//! `term-missing`.

use std::ops::Range;
use std::path::{Path, PathBuf};

use super::view::{View, tag_end};
use crate::align::{BuiltinAnchors, align};
use crate::error::{Error, Reason, Result};
use crate::formats::{self, Format, ReadOptions};
use crate::glossary::{decode_text, position_of};
use crate::model::{LangTag, Variant};
use crate::segment::{Rules, segment_document};

/// The longest line accepted, in bytes: longer ones are not text for people.
pub const MAX_LINE: usize = 1 << 20;

/// A piece of a document to check: a byte range of its text, and for bilingual files the source
/// segment it translates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub range: Range<usize>,
    pub source: Option<String>,
}

/// A loaded document.
#[derive(Clone, Debug)]
pub struct Document {
    pub path: PathBuf,
    /// The decoded text of the file as stored.
    pub text: String,
    /// What to check (byte ranges of [`Self::checked`]), in order, not overlapping.
    pub pieces: Vec<Piece>,
    /// The target language a bilingual file names, if any.
    pub language: Option<LangTag>,
    /// The text checked, when it is not `text`: XLIFF and TMX segments without their inline
    /// tags and with entities decoded.
    pub view: Option<View>,
}

impl Document {
    /// The text the rules read: the view, or the text as stored.
    pub fn checked(&self) -> &str {
        self.view.as_ref().map_or(&self.text, |v| &v.text)
    }

    /// Where `range` of [`Self::checked`] is in the text as stored.
    pub fn stored(&self, range: Range<usize>) -> Range<usize> {
        match &self.view {
            Some(view) => view.stored(range),
            None => range,
        }
    }
}

/// The format of a document, from its extension: text unless a memory format's.
fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "tmx" => Format::Tmx,
        "csv" => Format::Csv,
        "tsv" | "tab" => Format::Tsv,
        "xlf" | "xliff" | "sdlxliff" | "mqxliff" => Format::Xliff,
        "po" | "pot" => Format::Po,
        _ => return None,
    })
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "md" | "markdown"))
}

/// Refuses binary data, an empty file and a line longer than [`MAX_LINE`].
fn sanity(path: &Path, bytes: &[u8], text: &str) -> Result<()> {
    if bytes.is_empty() || text.trim().is_empty() {
        return Err(Error::input(path, None, Reason::Empty));
    }
    if let Some(at) = text.find('\0') {
        return Err(Error::input(
            path,
            Some(position_of(text, at)),
            Reason::Binary,
        ));
    }
    let mut start = 0;
    for line in text.split('\n') {
        if line.len() > MAX_LINE {
            return Err(Error::input(
                path,
                Some(position_of(text, start)),
                Reason::LineTooLong(MAX_LINE as u64),
            ));
        }
        start += line.len() + 1;
    }
    Ok(())
}

/// Reads and decodes `path`, refusing what is not text.
pub fn read(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    if bytes.is_empty() {
        return Err(Error::input(path, None, Reason::Empty));
    }
    let head = &bytes[..bytes.len().min(8192)];
    if encoding_rs::Encoding::for_bom(head).is_none() && formats::source::looks_like_utf16(head) {
        return Err(Error::input(path, None, Reason::Utf16WithoutBom));
    }
    let text = decode_text(path, &bytes)?;
    sanity(path, &bytes, &text)?;
    Ok(text)
}

/// Loads `path`. `doc_lang` picks the target language of a bilingual file with several.
pub fn load(path: &Path, doc_lang: Option<&LangTag>) -> Result<Document> {
    let text = read(path)?;
    let (mut pieces, language) = match format_of(path) {
        None if is_markdown(path) => (prose_ranges(&text), None),
        None => (
            vec![Piece {
                range: 0..text.len(),
                source: None,
            }],
            None,
        ),
        Some(format) => bilingual_pieces(path, format, &text, doc_lang)?,
    };
    // XML segments are checked as their text, without tags and entities.
    let view = matches!(format_of(path), Some(Format::Xliff | Format::Tmx)).then(|| {
        let regions: Vec<Range<usize>> = pieces.iter().map(|p| p.range.clone()).collect();
        let (view, ranges) = View::new(&text, &regions);
        for (piece, range) in pieces.iter_mut().zip(ranges) {
            piece.range = range;
        }
        view
    });
    Ok(Document {
        path: path.to_path_buf(),
        text,
        pieces,
        language,
        view,
    })
}

/// The prose of a Markdown text: everything outside fenced code blocks and inline code spans.
fn prose_ranges(text: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut push = |range: Range<usize>| {
        if range.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.range.end == range.start => last.range.end = range.end,
            _ => out.push(Piece {
                range,
                source: None,
            }),
        }
    };
    let mut fence: Option<&str> = None;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let marker = ["```", "~~~"]
            .into_iter()
            .find(|m| line.trim_start().starts_with(m));
        match (fence, marker) {
            (Some(open), Some(m)) if m == open => fence = None,
            (Some(_), _) => {}
            (None, Some(m)) => fence = Some(m),
            (None, None) => {
                let mut from = start;
                let mut code = false;
                for (i, c) in line.char_indices() {
                    if c == '`' {
                        if !code {
                            push(from..start + i);
                        }
                        code = !code;
                        from = start + i + 1;
                    }
                }
                if !code {
                    push(from..end);
                }
            }
        }
        start = end;
    }
    out
}

/// The ways a segment's text may be stored in a file of `format`: as it is, then escaped.
fn stored_forms(segment: &str, format: Format) -> Vec<String> {
    let mut forms = vec![segment.to_string()];
    let escaped = match format {
        Format::Xliff | Format::Tmx => segment
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;"),
        Format::Po => segment
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
            .replace('\t', "\\t"),
        Format::Csv | Format::Tsv => segment.replace('"', "\"\""),
    };
    if escaped != segment {
        forms.push(escaped);
    }
    forms
}

/// Where `segment` is stored in `text` at or after `from`.
fn locate(text: &str, from: usize, segment: &str, format: Format) -> Option<Range<usize>> {
    if segment.trim().is_empty() {
        return None;
    }
    stored_forms(segment, format)
        .iter()
        .filter_map(|form| {
            text[from..]
                .find(form.as_str())
                .map(|i| (from + i, form.len()))
        })
        .min()
        .map(|(start, len)| start..start + len)
}

/// Elements looked at past one whose text is not the segment's (an `alt-trans` target, say)
/// before giving up on finding a segment by its element.
const ELEMENT_LOOKAHEAD: usize = 8;

/// The content of the first element named `name` at or after `from` whose text (tags left out,
/// entities decoded, whitespace folded) is `segment`'s, looking at no more than
/// [`ELEMENT_LOOKAHEAD`] elements.
fn xml_element(text: &str, from: usize, name: &str, segment: &str) -> Option<Range<usize>> {
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let want = fold(segment);
    if want.is_empty() {
        return None;
    }
    let open = format!("<{name}");
    let close = format!("</{name}");
    let mut at = from;
    let mut seen = 0;
    while seen < ELEMENT_LOOKAHEAD {
        let start = at + text[at..].find(&open)?;
        at = start + open.len();
        if !text[at..].starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
            continue;
        }
        seen += 1;
        let content = start + tag_end(&text[start..])?;
        if text[..content].ends_with("/>") {
            continue;
        }
        let end = content + text[content..].find(&close)?;
        if fold(&View::text_of(text, content..end)) == want {
            return Some(content..end);
        }
    }
    None
}

/// The quoted lines of the next `msgstr` of a PO file at or after `from` (a translation the file
/// stores over several continuation lines), from its first quote to its last.
fn po_msgstr(text: &str, from: usize) -> Option<Range<usize>> {
    let at = from + text[from..].find("msgstr")?;
    let start = at + text[at..].find('"')?;
    let mut end = start;
    let mut line_start = start;
    for line in text[start..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if !(line_start == start || trimmed.trim_start().starts_with('"'))
            || !trimmed.ends_with('"')
        {
            break;
        }
        end = line_start + trimmed.len();
        line_start += line.len();
    }
    (end > start + 1).then_some(start..end)
}

/// The target segments of a bilingual file, located in its text, with their sources.
fn bilingual_pieces(
    path: &Path,
    format: Format,
    text: &str,
    doc_lang: Option<&LangTag>,
) -> Result<(Vec<Piece>, Option<LangTag>)> {
    let options = ReadOptions {
        source_lang: None,
        target_lang: doc_lang.cloned(),
    };
    let mut reader = formats::open(path, Some(format), &options)?;
    let mut pieces = Vec::new();
    let mut language = None;
    let mut cursor = 0;
    while let Some(unit) = reader.next_unit()? {
        let Some(first) = unit.variants.first() else {
            continue;
        };
        let target = match doc_lang {
            Some(lang) => unit.variants.iter().find(|v| v.lang.matches(lang)),
            None => unit.variants.iter().find(|v| v.lang != first.lang),
        };
        let Some(target) = target else {
            continue;
        };
        let source = source_variant(&unit.variants, target).map(|v| v.segment.text.clone());
        // In XML, segments are found as elements (their text may hold inline tags): in TMX
        // each variant's `seg` in the order stored, in XLIFF the `source`, then the `target`.
        let xml = match format {
            Format::Tmx => Some(("seg", "seg")),
            Format::Xliff => Some(("source", "target")),
            _ => None,
        };
        if let Some((source_name, target_name)) = xml {
            let mut found = None;
            let mut at = cursor;
            let variants: Vec<_> = match format {
                Format::Tmx => unit.variants.iter().collect(),
                _ => source_variant(&unit.variants, target)
                    .into_iter()
                    .chain([target])
                    .collect(),
            };
            for variant in variants {
                let is_target = std::ptr::eq(variant, target);
                let name = if is_target { target_name } else { source_name };
                if let Some(range) = xml_element(text, at, name, &variant.segment.text) {
                    at = range.end;
                    if is_target {
                        found = Some(range);
                    }
                }
            }
            if let Some(range) = found {
                cursor = at;
                language.get_or_insert_with(|| target.lang.clone());
                pieces.push(Piece { range, source });
                continue;
            }
        }
        let mut source_found = false;
        if let Some(source) = &source
            && let Some(found) = locate(text, cursor, source, format)
        {
            cursor = found.end;
            source_found = true;
        }
        // A PO translation over continuation lines: the msgstr right after its msgid.
        let found = locate(text, cursor, &target.segment.text, format).or_else(|| {
            (format == Format::Po && source_found)
                .then(|| po_msgstr(text, cursor))
                .flatten()
        });
        if let Some(range) = found {
            cursor = range.end;
            language.get_or_insert_with(|| target.lang.clone());
            pieces.push(Piece { range, source });
        }
    }
    Ok((pieces, language))
}

/// The variant a target translates: the first in another language.
fn source_variant<'a>(variants: &'a [Variant], target: &Variant) -> Option<&'a Variant> {
    variants.iter().find(|v| v.lang != target.lang)
}

/// Pairs the sentences of `document` with the sentences of its source text `source`, aligned
/// (Gale-Church with the built-in anchors), for `term-missing` on a plain-text translation.
pub fn attach_source(document: &mut Document, source: &str, source_lang: &LangTag, lang: &LangTag) {
    let rules = Rules::builtin();
    let target = segment_document(&document.text, lang, rules);
    let origin = segment_document(source, source_lang, rules);
    let target_texts: Vec<&str> = target.iter().map(|s| s.text.as_str()).collect();
    let origin_texts: Vec<&str> = origin.iter().map(|s| s.text.as_str()).collect();
    let links = align(
        &origin_texts,
        &target_texts,
        source_lang.language(),
        lang.language(),
        &BuiltinAnchors,
        &mut |_, _| {},
    );
    document.pieces = links
        .into_iter()
        .filter(|link| !link.target.is_empty())
        .map(|link| Piece {
            range: target[link.target.start].range.start..target[link.target.end - 1].range.end,
            source: Some(origin_texts[link.source.clone()].join(" ")),
        })
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        path
    }

    #[test]
    fn plain_text_is_one_piece_and_markdown_skips_code() {
        let dir = tempfile::tempdir().unwrap();
        let doc = load(
            &write(dir.path(), "a.txt", "Salim AlMalik\n".as_bytes()),
            None,
        )
        .unwrap();
        assert_eq!(doc.pieces.len(), 1);
        let md = "Al-Malik `Al-Malik`\n```\nAl-Malik\n```\nend\n";
        let doc = load(&write(dir.path(), "a.md", md.as_bytes()), None).unwrap();
        let prose: Vec<&str> = doc.pieces.iter().map(|p| &md[p.range.clone()]).collect();
        assert_eq!(prose, ["Al-Malik ", "\n", "end\n"]);
    }

    #[test]
    fn bilingual_targets_are_found_where_they_are_stored() {
        let dir = tempfile::tempdir().unwrap();
        let tsv = "en\tkk\nPresident Tokayev &\tПрезидент Токаев &\n";
        let doc = load(&write(dir.path(), "a.tsv", tsv.as_bytes()), None).unwrap();
        assert_eq!(doc.pieces.len(), 1);
        assert_eq!(&tsv[doc.pieces[0].range.clone()], "Президент Токаев &");
        assert_eq!(doc.pieces[0].source.as_deref(), Some("President Tokayev &"));
        assert_eq!(doc.language.unwrap().as_str(), "kk");
        let xlf = r#"<?xml version="1.0"?>
<xliff version="1.2"><file source-language="en" target-language="az" datatype="plaintext" original="x"><body>
<trans-unit id="1"><source>Baku &amp; Sheki</source><target>Bakı &amp; Sheki</target></trans-unit>
</body></file></xliff>
"#;
        let doc = load(&write(dir.path(), "a.xlf", xlf.as_bytes()), None).unwrap();
        let range = doc.pieces[0].range.clone();
        assert_eq!(&doc.checked()[range.clone()], "Bakı & Sheki");
        assert_eq!(&xlf[doc.stored(range)], "Bakı &amp; Sheki");
        // A target with inline tags is found by its element and checked as its text.
        let xlf = xlf.replace(
            "<target>Bakı &amp; Sheki</target>",
            "<target><g id=\"1\">Bakı</g> &amp; <x id=\"2\"/>Sheki</target>",
        );
        let doc = load(&write(dir.path(), "b.xlf", xlf.as_bytes()), None).unwrap();
        let range = doc.pieces[0].range.clone();
        assert_eq!(&doc.checked()[range.clone()], "Bakı & Sheki");
        assert_eq!(&xlf[doc.stored(range)], "Bakı</g> &amp; <x id=\"2\"/>Sheki");
        let po = "msgid \"\"\nmsgstr \"Language: kk\\n\"\n\nmsgid \"Tokayev spoke\"\nmsgstr \"\"\n\"Токаев \"\n\"сөйледі\"\n";
        let doc = load(&write(dir.path(), "a.po", po.as_bytes()), None).unwrap();
        assert_eq!(
            &po[doc.pieces[0].range.clone()],
            "\"\"\n\"Токаев \"\n\"сөйледі\""
        );
    }

    #[test]
    fn what_is_not_text_is_refused_with_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let reason =
            |name: &str, content: &[u8]| match load(&write(dir.path(), name, content), None) {
                Err(Error::Input {
                    reason, position, ..
                }) => (reason, position.map(|p| p.line)),
                other => panic!("{other:?}"),
            };
        assert_eq!(reason("e.txt", b""), (Reason::Empty, None));
        assert_eq!(reason("b.txt", b"ab\ncd\0"), (Reason::Binary, Some(2)));
        assert_eq!(reason("u.txt", b"ok\n\xff"), (Reason::InvalidUtf8, Some(2)));
        let long = format!("x\n{}\n", "y".repeat(MAX_LINE + 1));
        assert_eq!(
            reason("l.txt", long.as_bytes()),
            (Reason::LineTooLong(MAX_LINE as u64), Some(2))
        );
    }
}
