//! The check report as CSV: a header, then one finding per row with the columns of the jsonl
//! format. Cells a spreadsheet would run as a formula are neutralized, as in the glossary writer.

use std::io::{self, Write};

use crate::check::Report;
use crate::glossary::neutralize;
use crate::l10n::L10n;

use super::finding_message;

/// The header row.
pub const HEADER: [&str; 11] = [
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "rule",
    "severity",
    "found",
    "suggestion",
    "entry",
    "message",
];

/// Writes `report` as CSV (RFC 4180, `\n` line ends); messages in `l10n`'s language, without bidi
/// isolation marks.
pub fn write(report: &Report, l10n: &L10n, out: &mut dyn Write) -> io::Result<()> {
    let l10n = l10n.unisolated();
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    writer.write_record(HEADER)?;
    for document in &report.documents {
        let path = document.path.display().to_string();
        for f in &document.findings {
            let numbers = [f.line, f.column, f.end_line, f.end_column].map(|n| n.to_string());
            let message = finding_message(f, &l10n);
            let cells: [&str; 11] = [
                &path,
                &numbers[0],
                &numbers[1],
                &numbers[2],
                &numbers[3],
                f.rule.id(),
                f.severity.as_str(),
                &f.found,
                f.suggestion.as_deref().unwrap_or(""),
                f.entry.as_deref().unwrap_or(""),
                &message,
            ];
            writer.write_record(cells.iter().map(|c| neutralize(c).into_owned()))?;
        }
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::super::sample;
    use super::*;

    fn rows(lang: &str) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        write(&sample::report(), &L10n::new(lang), &mut out).unwrap();
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, HEADER);
        reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect()
    }

    #[test]
    fn one_row_per_finding_with_positions_and_ids() {
        let rows = rows("en");
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[0][..10],
            [
                "drafts/d01 en.txt",
                "2",
                "7",
                "2",
                "15",
                "glossary-variant",
                "warning",
                "Al-Malik",
                "AlMalik",
                "p_almalik"
            ]
        );
        assert_eq!(rows[2][7], "الايسيسكو");
        assert_eq!(rows[2][8], "الإيسيسكو");
    }

    #[test]
    fn formulas_are_neutralized() {
        let rows = rows("en");
        assert_eq!(rows[1][7], "'=Kerimov");
        assert_eq!(rows[1][6], "error");
    }

    #[test]
    fn arabic_messages_carry_no_isolation_marks() {
        let mut out = Vec::new();
        write(&sample::report(), &L10n::new("ar"), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains(['\u{2068}', '\u{2069}']), "{text}");
    }

    #[test]
    fn an_empty_report_is_the_header_alone() {
        let mut out = Vec::new();
        write(&Default::default(), &L10n::new("en"), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("{}\n", HEADER.join(","))
        );
    }
}
