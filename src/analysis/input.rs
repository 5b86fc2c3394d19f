//! The segments of a document to analyze or pre-translate: plain text and Markdown through the
//! sentence segmenter (paragraphs first, then sentences), the sources of XLIFF, the msgids of PO, and
//! the source side of TMX.

use std::io::Read;
use std::path::Path;

use crate::error::Result;
use crate::formats::{self, Format, ReadOptions};
use crate::model::{CONTEXT_PROP, LangTag};
use crate::segment::{self, Rules};

/// One source segment of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputSegment {
    pub text: String,
    /// Its identifier (`x-context`: a PO msgctxt, an XLIFF resname), when the file gives one.
    pub id: Option<String>,
}

/// The kinds of document the analysis reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    Text,
    Markdown,
    Memory(Format),
}

/// The kind of `path`, by its extension, else by its content (plain text when nothing fits).
pub fn document_kind(path: &Path) -> DocumentKind {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "md" | "markdown" => DocumentKind::Markdown,
        "txt" | "text" => DocumentKind::Text,
        "xlf" | "xliff" | "sdlxliff" | "mqxliff" => DocumentKind::Memory(Format::Xliff),
        "po" | "pot" => DocumentKind::Memory(Format::Po),
        "tmx" => DocumentKind::Memory(Format::Tmx),
        _ => {
            let mut head = Vec::new();
            if let Ok(file) = std::fs::File::open(path) {
                let _ = file.take(4096).read_to_end(&mut head);
            }
            match formats::detect(path, &head) {
                Ok(format @ (Format::Xliff | Format::Po | Format::Tmx)) => {
                    DocumentKind::Memory(format)
                }
                _ => DocumentKind::Text,
            }
        }
    }
}

/// The source segments of the document at `path` in language `from`, in document order.
pub fn read_segments(path: &Path, from: &LangTag) -> Result<Vec<InputSegment>> {
    let kind = document_kind(path);
    let format = match kind {
        DocumentKind::Text | DocumentKind::Markdown => {
            let text = segment::read_text(path)?;
            let rules = Rules::builtin();
            let found = if kind == DocumentKind::Markdown {
                segment::segment_markdown(&text, from, rules)
            } else {
                segment::segment_document(&text, from, rules)
            };
            return Ok(found
                .into_iter()
                .map(|s| InputSegment {
                    text: s.text,
                    id: None,
                })
                .collect());
        }
        DocumentKind::Memory(format) => format,
    };
    let options = ReadOptions {
        source_lang: Some(from.clone()),
        target_lang: None,
    };
    let mut reader = formats::open(path, Some(format), &options)?;
    let base = from.base();
    let mut segments = Vec::new();
    while let Some(unit) = reader.next_unit()? {
        let Some(variant) = unit.variants.iter().find(|v| v.lang.base() == base) else {
            continue;
        };
        if variant.segment.text.trim().is_empty() {
            continue;
        }
        segments.push(InputSegment {
            text: variant.segment.text.clone(),
            id: unit.props.values(CONTEXT_PROP).next().map(str::to_string),
        });
    }
    Ok(segments)
}
