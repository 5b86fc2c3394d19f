//! Picking a file's format from its extension and its first bytes.

use std::path::Path;

use super::Format;
use super::source::looks_like_utf16;
use crate::error::{Error, Reason, Result};

/// Magic numbers of common non-text files that are sometimes fed to an importer by mistake.
const BINARY_MAGIC: &[&[u8]] = &[
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xFF\xD8\xFF",
    b"GIF8",
    b"\x1F\x8B",
    b"SQLite format 3\0",
    b"\xD0\xCF\x11\xE0",
    b"\x7FELF",
];

/// The format of `path`, from its first bytes `head` and its extension. Binary data and UTF-16
/// without a byte-order mark are refused here, whatever the extension says.
pub fn detect(path: &Path, head: &[u8]) -> Result<Format> {
    let has_bom = encoding_rs::Encoding::for_bom(head).is_some();
    if !has_bom {
        if BINARY_MAGIC.iter().any(|magic| head.starts_with(magic)) {
            return Err(Error::input(path, None, Reason::Binary));
        }
        if looks_like_utf16(head) {
            return Err(Error::input(path, None, Reason::Utf16WithoutBom));
        }
        if head.contains(&0) {
            return Err(Error::input(path, None, Reason::Binary));
        }
    }
    if let Some(format) = by_extension(path) {
        return Ok(format);
    }
    by_content(head).ok_or_else(|| Error::input(path, None, Reason::UnknownFormat))
}

fn by_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "tmx" => Format::Tmx,
        "csv" => Format::Csv,
        "tsv" | "tab" => Format::Tsv,
        "xlf" | "xliff" | "sdlxliff" | "mqxliff" | "xlz" => Format::Xliff,
        "po" | "pot" => Format::Po,
        _ => return None,
    })
}

fn by_content(head: &[u8]) -> Option<Format> {
    let encoding = encoding_rs::Encoding::for_bom(head)
        .map(|(e, _)| e)
        .unwrap_or(encoding_rs::UTF_8);
    let (text, _, _) = encoding.decode(head);
    let text = text.trim_start_matches('\u{FEFF}').trim_start();
    if text.starts_with('<') {
        let lower = text.to_ascii_lowercase();
        if lower.contains("<tmx") {
            return Some(Format::Tmx);
        }
        if lower.contains("<xliff") {
            return Some(Format::Xliff);
        }
        return None;
    }
    let is_po = text.lines().any(|line| {
        let line = line.trim_start();
        line.starts_with("msgid ") || line.starts_with("msgctxt ")
    });
    if is_po {
        return Some(Format::Po);
    }
    let first_line = text.lines().next().unwrap_or("");
    if first_line.contains('\t') {
        Some(Format::Tsv)
    } else if first_line.contains(',') {
        Some(Format::Csv)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect_str(name: &str, head: &[u8]) -> Result<Format> {
        detect(Path::new(name), head)
    }

    #[test]
    fn extension_decides_for_text() {
        assert_eq!(detect_str("a.TMX", b"<?xml").unwrap(), Format::Tmx);
        assert_eq!(detect_str("a.xlf", b"<?xml").unwrap(), Format::Xliff);
        assert_eq!(detect_str("a.po", b"msgid \"\"").unwrap(), Format::Po);
        assert_eq!(detect_str("a.tsv", b"en\taz").unwrap(), Format::Tsv);
    }

    #[test]
    fn content_decides_without_extension() {
        assert_eq!(
            detect_str("memory", b"<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">").unwrap(),
            Format::Tmx
        );
        assert_eq!(
            detect_str("memory", b"\xEF\xBB\xBF<xliff version=\"2.0\">").unwrap(),
            Format::Xliff
        );
        assert_eq!(
            detect_str("memory", b"# comment\nmsgid \"\"\nmsgstr \"\"").unwrap(),
            Format::Po
        );
        assert_eq!(
            detect_str("memory", "en,kk\nFile,Файл\n".as_bytes()).unwrap(),
            Format::Csv
        );
        assert_eq!(
            detect_str("memory", "en\tar\nFile\tملف\n".as_bytes()).unwrap(),
            Format::Tsv
        );
        assert!(detect_str("memory", b"hello").is_err());
    }

    #[test]
    fn binary_is_refused_whatever_the_extension() {
        for head in [&b"%PDF-1.7\n"[..], b"PK\x03\x04rest", b"abc\0def"] {
            assert!(matches!(
                detect_str("memory.tmx", head),
                Err(Error::Input {
                    reason: Reason::Binary,
                    ..
                })
            ));
        }
        let utf16: Vec<u8> = "<tmx version=\"1.4\">"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert!(matches!(
            detect_str("memory.tmx", &utf16),
            Err(Error::Input {
                reason: Reason::Utf16WithoutBom,
                ..
            })
        ));
    }
}
