//! `--fix`: the document text with the unambiguous suggestions applied. Only flagged spans change:
//! a finding without a suggestion, one whose span does not hold the text it found (in XLIFF and
//! TMX, a span over a tag or an entity), one whose
//! suggestion would add or remove a line break, and findings whose spans overlap with different
//! replacements are all left alone. The line count never changes, so a fix is shown as a diff of
//! changed lines.

use std::fmt::Write as _;

use super::Finding;

/// The outcome of [`apply`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixed {
    /// The text with the fixes applied.
    pub text: String,
    /// How many spans were replaced.
    pub applied: usize,
    /// How many findings with a suggestion were left alone (overlapping or stale).
    pub skipped: usize,
    /// For each finding given, whether its suggestion is in the text now.
    pub fixed: Vec<bool>,
}

/// Whether `f`'s suggestion can be applied to `text` on its own.
fn applicable<'a>(text: &str, f: &'a Finding) -> Option<&'a str> {
    let suggestion = f.suggestion.as_deref()?;
    let span_ok = f.start < f.end
        && f.end <= text.len()
        && text.is_char_boundary(f.start)
        && text.is_char_boundary(f.end)
        && text[f.start..f.end] == f.found;
    let breaks = |s: &str| s.matches('\n').count() + s.matches('\r').count();
    (span_ok && breaks(suggestion) == breaks(&f.found) && suggestion != f.found)
        .then_some(suggestion)
}

/// Whether `suggestion` can be written as it is into the file at `path`: in XLIFF, TMX, PO and
/// CSV/TSV a character the format escapes or quotes (`< > & " \ ,` or a tab) could break the
/// file, so such a suggestion is left for a person.
pub fn fits(path: &std::path::Path, suggestion: &str) -> bool {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let structured = matches!(
        extension.as_str(),
        "xlf"
            | "xliff"
            | "sdlxliff"
            | "mxliff"
            | "tmx"
            | "xml"
            | "po"
            | "pot"
            | "csv"
            | "tsv"
            | "tab"
    );
    !structured || !suggestion.contains(['<', '>', '&', '"', '\\', ',', '\t'])
}

/// The suggestion of `f` as a fix to the file at `path` holding `text`, when it can be applied
/// on its own: its span holds what it found (not markup between: a span over a tag or an
/// entity of an XLIFF or TMX file is not fixed) and the format needs no escaping.
pub fn offered<'a>(path: &std::path::Path, text: &str, f: &'a Finding) -> Option<&'a str> {
    applicable(text, f).filter(|s| fits(path, s))
}

/// `text` with the suggestions of `findings` applied where they are unambiguous.
pub fn apply(text: &str, findings: &[Finding]) -> Fixed {
    let with_suggestion = findings.iter().filter(|f| f.suggestion.is_some()).count();
    let mut edits: Vec<(usize, usize, &str)> = findings
        .iter()
        .filter_map(|f| applicable(text, f).map(|s| (f.start, f.end, s)))
        .collect();
    edits.sort();
    // The same replacement reported twice (by two rules) is one edit.
    edits.dedup();
    // Any overlap left is ambiguous: drop every edit in an overlapping run.
    let mut keep = vec![true; edits.len()];
    let mut run_start = 0;
    let mut run_end = 0;
    for i in 0..edits.len() {
        if i > 0 && edits[i].0 < run_end {
            for flag in &mut keep[run_start..=i] {
                *flag = false;
            }
        } else {
            run_start = i;
        }
        run_end = if i > run_start {
            run_end.max(edits[i].1)
        } else {
            edits[i].1
        };
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut applied = 0;
    for ((start, end, suggestion), keep) in edits.iter().zip(&keep) {
        if *keep {
            out.push_str(&text[at..*start]);
            out.push_str(suggestion);
            at = *end;
            applied += 1;
        }
    }
    out.push_str(&text[at..]);
    let kept: Vec<(usize, usize, &str)> = edits
        .iter()
        .zip(&keep)
        .filter(|(_, keep)| **keep)
        .map(|(edit, _)| *edit)
        .collect();
    let fixed: Vec<bool> = findings
        .iter()
        .map(|f| {
            applicable(text, f).is_some_and(|s| kept.binary_search(&(f.start, f.end, s)).is_ok())
        })
        .collect();
    Fixed {
        text: out,
        applied,
        skipped: with_suggestion - fixed.iter().filter(|f| **f).count(),
        fixed,
    }
}

/// `text` encoded as `original` was: UTF-16 (little or big endian) when it starts with that byte
/// order mark, else UTF-8, with the UTF-8 byte order mark when `original` has one. Documents are
/// read into UTF-8 text; a fix writes them back in their own encoding.
pub fn encode_like(original: &[u8], text: &str) -> Vec<u8> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let utf16 = |bom: [u8; 2], unit: fn(u16) -> [u8; 2]| {
        let mut out = bom.to_vec();
        out.extend(text.encode_utf16().flat_map(unit));
        out
    };
    if original.starts_with(&[0xFF, 0xFE]) {
        utf16([0xFF, 0xFE], u16::to_le_bytes)
    } else if original.starts_with(&[0xFE, 0xFF]) {
        utf16([0xFE, 0xFF], u16::to_be_bytes)
    } else if original.starts_with(&[0xEF, 0xBB, 0xBF]) {
        [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat()
    } else {
        text.as_bytes().to_vec()
    }
}

/// Lines of the diff around each change.
const CONTEXT: usize = 3;

/// A unified diff of `old` and `new`, which have the same number of lines (as a fix does); the
/// headers name `old_name` and `new_name`. Empty when nothing changed.
pub fn unified_diff(old_name: &str, new_name: &str, old: &str, new: &str) -> String {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let changed: Vec<usize> = (0..a.len().max(b.len()))
        .filter(|&i| a.get(i) != b.get(i))
        .collect();
    let mut out = String::new();
    if changed.is_empty() {
        return out;
    }
    let _ = writeln!(out, "--- {old_name}\n+++ {new_name}");
    let line = |out: &mut String, prefix: char, text: &str| {
        out.push(prefix);
        out.push_str(text);
        if !text.ends_with('\n') {
            out.push_str("\n\\ No newline at end of file\n");
        }
    };
    let mut i = 0;
    while i < changed.len() {
        // One hunk: changes closer than twice the context join.
        let first = changed[i];
        let mut last = first;
        while i + 1 < changed.len() && changed[i + 1] <= last + 2 * CONTEXT + 1 {
            i += 1;
            last = changed[i];
        }
        i += 1;
        let from = first.saturating_sub(CONTEXT);
        let to_a = (last + CONTEXT + 1).min(a.len());
        let to_b = (last + CONTEXT + 1).min(b.len());
        let range = |start: usize, end: usize| {
            let len = end.saturating_sub(start);
            let start = if len == 0 { start } else { start + 1 };
            format!("{start},{len}")
        };
        let _ = writeln!(out, "@@ -{} +{} @@", range(from, to_a), range(from, to_b));
        for k in from..to_a.max(to_b) {
            match (a.get(k), b.get(k)) {
                (Some(x), Some(y)) if x == y => line(&mut out, ' ', x),
                (x, y) => {
                    if let Some(x) = x.filter(|_| k < to_a) {
                        line(&mut out, '-', x);
                    }
                    if let Some(y) = y.filter(|_| k < to_b) {
                        line(&mut out, '+', y);
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Rule;

    fn finding(text: &str, nth: usize, found: &str, suggestion: Option<&str>) -> Finding {
        let start = text.match_indices(found).nth(nth).expect("span").0;
        Finding::at(
            text,
            start..start + found.len(),
            Rule::GlossaryVariant,
            suggestion,
            None,
        )
    }

    #[test]
    fn applies_suggestions_to_flagged_spans_only() {
        let text = "Salim Al-Malik met Kerimov.\nAl-Malik left; Al-Malik's aide stayed.\n";
        let findings = [
            finding(text, 0, "Al-Malik", Some("AlMalik")),
            finding(text, 0, "Kerimov", Some("Karimov")),
            finding(text, 2, "Al-Malik", Some("AlMalik")),
            finding(text, 0, "aide", None),
        ];
        let fixed = apply(text, &findings);
        assert_eq!(
            fixed.text,
            "Salim AlMalik met Karimov.\nAl-Malik left; AlMalik's aide stayed.\n"
        );
        assert_eq!((fixed.applied, fixed.skipped), (3, 0));
        assert_eq!(fixed.fixed, [true, true, true, false]);
    }

    #[test]
    fn kazakh_and_arabic_spans_are_replaced_by_bytes_not_chars() {
        let kk = "Президент Токаев пен Тоқаев кездесті.\n";
        let fixed = apply(kk, &[finding(kk, 0, "Токаев", Some("Тоқаев"))]);
        assert_eq!(fixed.text, "Президент Тоқаев пен Тоқаев кездесті.\n");
        let ar = "زار وفد الايسيسكو الرباط.\nوقالت الإيسيسكو إن…\n";
        let fixed = apply(ar, &[finding(ar, 0, "الايسيسكو", Some("الإيسيسكو"))]);
        assert_eq!(fixed.text, "زار وفد الإيسيسكو الرباط.\nوقالت الإيسيسكو إن…\n");
    }

    #[test]
    fn overlapping_stale_and_line_breaking_suggestions_are_skipped() {
        let text = "Abd al-Rahman Raiymkulova\n";
        let mut stale = finding(text, 0, "Raiymkulova", Some("Raimkulova"));
        stale.found = "Raimkulova".into();
        let findings = [
            finding(text, 0, "Abd al-Rahman", Some("Abdulrahman")),
            finding(text, 0, "al-Rahman", Some("Al-Rahman")),
            stale,
            finding(text, 0, "Rahman Raiymkulova", Some("Rahman\nRaimkulova")),
        ];
        let fixed = apply(text, &findings);
        assert_eq!(fixed.text, text);
        assert_eq!((fixed.applied, fixed.skipped), (0, 4));
        // The same edit from two rules is applied once.
        let twice = [
            finding(text, 0, "Raiymkulova", Some("Raimkulova")),
            finding(text, 0, "Raiymkulova", Some("Raimkulova")),
        ];
        let once = apply(text, &twice);
        assert_eq!(once.text, "Abd al-Rahman Raimkulova\n");
        assert_eq!(
            (once.applied, once.skipped, once.fixed),
            (1, 0, vec![true, true])
        );
    }

    #[test]
    fn structured_files_take_only_plain_suggestions() {
        use std::path::Path;
        assert!(fits(Path::new("a.txt"), "AT&T, Inc."));
        assert!(fits(Path::new("a.xlf"), "Salim AlMalik"));
        assert!(!fits(Path::new("a.XLF"), "AT&T"));
        assert!(!fits(Path::new("a.po"), "say \"hi\""));
        assert!(!fits(Path::new("a.csv"), "Smith, John"));
    }

    #[test]
    fn fixed_text_keeps_the_documents_encoding() {
        assert_eq!(encode_like(b"plain", "Tәr"), "Tәr".as_bytes());
        assert_eq!(encode_like(b"\xEF\xBB\xBFx", "ab"), b"\xEF\xBB\xBFab");
        assert_eq!(encode_like(b"\xFF\xFEx\0", "aә"), b"\xFF\xFEa\0\xD9\x04");
        assert_eq!(encode_like(b"\xFE\xFF\0x", "aә"), b"\xFE\xFF\0a\x04\xD9");
    }

    #[test]
    fn a_unified_diff_of_the_changed_lines() {
        let old: String = (1..=12).map(|i| format!("line {i}\n")).collect();
        let new = old
            .replace("line 2\n", "LINE 2\n")
            .replace("line 11\n", "LINE 11\n");
        let diff = unified_diff("a/x.txt", "b/x.txt", &old, &new);
        let want = "--- a/x.txt\n+++ b/x.txt\n\
            @@ -1,5 +1,5 @@\n line 1\n-line 2\n+LINE 2\n line 3\n line 4\n line 5\n\
            @@ -8,5 +8,5 @@\n line 8\n line 9\n line 10\n-line 11\n+LINE 11\n line 12\n";
        assert_eq!(diff, want);
        assert_eq!(unified_diff("a", "b", &old, &old), "");
        let diff = unified_diff("a", "b", "x", "y");
        assert_eq!(
            diff,
            "--- a\n+++ b\n@@ -1,1 +1,1 @@\n-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n"
        );
    }
}
