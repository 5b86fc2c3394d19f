//! Sentence segmentation: accuracy on the test set in `tests/data/segment`, and the `segment`
//! command.
//!
//! The test set marks every sentence end with ‖ (U+2016): `real-tm-*.txt` are real translated
//! sentences from `../shared/data/real-tm.csv` (built by `build-real-tm.py`), `seed-en.txt` is the
//! real news article of `../shared/seed`, and `news-*.txt` are news-style paragraphs written for
//! every tricky case (abbreviations, initials, numbers and dates, ellipses, quotes and brackets,
//! Arabic marks and Latin names in Arabic, line breaks, list items). Figures:
//! `cargo test --test integration segment::accuracy -- --nocapture`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use tarjuman::model::LangTag;
use tarjuman::segment::{Rules, segment_document};

use crate::common::{Sandbox, shared};

const MARK: char = '\u{2016}';

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/segment")
        .join(name)
}

/// The text without marks, and the byte offsets where the marks were.
fn gold(marked: &str) -> (String, BTreeSet<usize>) {
    let mut text = String::with_capacity(marked.len());
    let mut ends = BTreeSet::new();
    for c in marked.chars() {
        if c == MARK {
            ends.insert(text.len());
        } else {
            text.push(c);
        }
    }
    (text, ends)
}

/// Counts for one file: (true positives, predicted, gold).
fn score(file: &str, lang: &str, rules: &Rules) -> (usize, usize, usize) {
    let marked = std::fs::read_to_string(data(file)).unwrap();
    let (text, expected) = gold(&marked);
    let lang = LangTag::parse(lang).unwrap();
    let found: BTreeSet<usize> = segment_document(&text, &lang, rules)
        .iter()
        .map(|s| s.range.end)
        .collect();
    for missed in expected.difference(&found) {
        eprintln!(
            "{file}: missed  …{}‖{}…",
            context_before(&text, *missed),
            context_after(&text, *missed)
        );
    }
    for extra in found.difference(&expected) {
        eprintln!(
            "{file}: extra   …{}‖{}…",
            context_before(&text, *extra),
            context_after(&text, *extra)
        );
    }
    (
        expected.intersection(&found).count(),
        found.len(),
        expected.len(),
    )
}

fn context_before(text: &str, at: usize) -> String {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(30)
        .map_or(0, |(i, _)| i);
    text[start..at].replace('\n', "⏎")
}

fn context_after(text: &str, at: usize) -> String {
    text[at..]
        .chars()
        .take(30)
        .collect::<String>()
        .replace('\n', "⏎")
}

const SETS: &[(&str, &str)] = &[
    ("seed-en.txt", "en"),
    ("news-en.txt", "en"),
    ("real-tm-en.txt", "en"),
    ("news-az.txt", "az"),
    ("real-tm-az.txt", "az"),
    ("news-kk.txt", "kk"),
    ("real-tm-kk.txt", "kk"),
    ("news-ar.txt", "ar"),
    ("real-tm-ar.txt", "ar"),
];

/// Runs the whole test set with `rules`; returns (precision, recall) per language and overall.
fn evaluate(rules: &Rules, print: bool) -> Vec<(String, f64, f64)> {
    let mut rows = Vec::new();
    let mut totals = (0, 0, 0);
    for lang in ["en", "az", "kk", "ar"] {
        let mut sum = (0, 0, 0);
        for (file, file_lang) in SETS.iter().filter(|(_, l)| *l == lang) {
            let (tp, predicted, expected) = score(file, file_lang, rules);
            if print {
                println!(
                    "{file:16} {expected:5} sentence ends, {tp:5} found, {:3} missed, {:3} extra",
                    expected - tp,
                    predicted - tp
                );
            }
            sum = (sum.0 + tp, sum.1 + predicted, sum.2 + expected);
        }
        totals = (totals.0 + sum.0, totals.1 + sum.1, totals.2 + sum.2);
        rows.push((
            lang.to_string(),
            sum.0 as f64 / sum.1 as f64,
            sum.0 as f64 / sum.2 as f64,
        ));
    }
    rows.push((
        "all".to_string(),
        totals.0 as f64 / totals.1 as f64,
        totals.0 as f64 / totals.2 as f64,
    ));
    rows
}

#[test]
fn accuracy() {
    let rows = evaluate(Rules::builtin(), true);
    for (lang, precision, recall) in &rows {
        println!(
            "{lang:3} precision {:6.2}%  recall {:6.2}%",
            precision * 100.0,
            recall * 100.0
        );
    }
    for (lang, precision, recall) in &rows {
        assert!(
            *precision >= 0.99 && *recall >= 0.99,
            "{lang}: {precision} {recall}"
        );
    }
}

#[test]
fn exported_rules_segment_the_test_set_the_same() {
    let sb = Sandbox::new();
    let out = sb.cmd().args(["segment", "--export-srx"]).output().unwrap();
    assert!(out.status.success());
    let path = sb.write("rules.srx", &out.stdout);
    let schema = shared("interop/schemas/srx20.xsd");
    if Path::new("/usr/bin/xmllint").exists() && schema.exists() {
        let check = std::process::Command::new("xmllint")
            .args(["--noout", "--nonet", "--schema"])
            .arg(&schema)
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stderr)
        );
    }
    let exported = Rules::from_srx_file(&path).unwrap();
    assert!(exported.problems().is_empty());
    let lang = LangTag::parse("kk").unwrap();
    for (file, file_lang) in SETS {
        let (text, _) = gold(&std::fs::read_to_string(data(file)).unwrap());
        let lang = if *file_lang == "kk" {
            lang.clone()
        } else {
            LangTag::parse(file_lang).unwrap()
        };
        assert_eq!(
            segment_document(&text, &lang, &exported),
            segment_document(&text, &lang, Rules::builtin()),
            "{file}"
        );
    }
}

#[test]
fn lines_and_json() {
    let sb = Sandbox::new();
    let doc = sb.write(
        "doc.txt",
        "Ақтоты Райымқұлова келді. Кездесуге проф. Сейітов\nқатысты.\n\nКітаптар т.б. жаңа абзац!",
    );
    sb.cmd()
        .args(["segment", "--lang", "kk"])
        .arg(&doc)
        .assert()
        .success()
        .stdout("Ақтоты Райымқұлова келді.\nКездесуге проф. Сейітов қатысты.\nКітаптар т.б. жаңа абзац!\n");
    let out = sb
        .cmd()
        .args(["segment", "--lang", "kk", "--format", "json"])
        .arg(&doc)
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[1]["text"], "Кездесуге проф. Сейітов\nқатысты.");
    assert_eq!(
        (
            &json[1]["line"],
            &json[1]["column"],
            &json[1]["end_line"],
            &json[1]["end_column"]
        ),
        (&1.into(), &27.into(), &2.into(), &9.into())
    );
    assert_eq!(json[2]["paragraph"], 1);
}

#[test]
fn markdown_by_extension_and_output_file() {
    let sb = Sandbox::new();
    let doc = sb.write("doc.md", "# Title\n\n```\nNot. Text.\n```\n- One. Two.\n");
    sb.cmd()
        .args(["segment", "--lang", "en", "-o", "out.txt"])
        .arg(&doc)
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        std::fs::read_to_string(sb.path("out.txt")).unwrap(),
        "Title\nOne.\nTwo.\n"
    );
}

#[test]
fn srx_files_override_the_defaults() {
    let sb = Sandbox::new();
    let doc = sb.write("doc.txt", "Mr. Holmes is here. Dr. Watson too.");
    sb.cmd()
        .args(["segment", "--lang", "en", "--rules"])
        .arg(shared("interop/srx/okapi-sample20.srx"))
        .arg(&doc)
        .assert()
        .success()
        .stdout("Mr. Holmes is here.\nDr. Watson too.\n");
    // Rules only for English: Kazakh gets the default rule set of the file.
    let split_all = sb.write(
        "all.srx",
        "<srx version=\"2.0\" xmlns=\"http://www.lisa.org/srx20\"><header segmentsubflows=\"yes\" cascade=\"no\"/><body><languagerules><languagerule languagerulename=\"every\"><rule break=\"yes\"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=\".*\" languagerulename=\"every\"/></maprules></body></srx>",
    );
    sb.cmd()
        .args(["segment", "--lang", "en", "--rules"])
        .arg(&split_all)
        .arg(&doc)
        .assert()
        .success()
        .stdout("Mr.\nHolmes is here.\nDr.\nWatson too.\n");
}

#[test]
fn bad_patterns_are_warned_about() {
    let sb = Sandbox::new();
    let rules = sb.write(
        "bad.srx",
        "<srx version=\"2.0\" xmlns=\"http://www.lisa.org/srx20\">\n<header segmentsubflows=\"yes\" cascade=\"no\"/><body><languagerules><languagerule languagerulename=\"x\">\n<rule break=\"yes\"><beforebreak>\\p{InGreek}(</beforebreak><afterbreak/></rule>\n<rule break=\"yes\"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=\".*\" languagerulename=\"x\"/></maprules></body></srx>",
    );
    let doc = sb.write("doc.txt", "One. Two.");
    sb.cmd()
        .args(["segment", "--lang", "en", "--rules"])
        .arg(&rules)
        .arg(&doc)
        .assert()
        .success()
        .stdout("One.\nTwo.\n")
        .stderr(predicate::str::contains("bad.srx:3:1").and(predicate::str::contains("InGreek")));
}

#[test]
fn malformed_input_exits_2_with_a_position() {
    let sb = Sandbox::new();
    let doc = sb.write("doc.txt", "One. Two.");
    let rules = sb.write("broken.srx", "<srx version=\"2.0\">\n  <header>\n</srx>");
    sb.cmd()
        .args(["segment", "--lang", "en", "--rules"])
        .arg(&rules)
        .arg(&doc)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.srx:3:"));
    sb.cmd()
        .args(["segment", "--lang", "en", "--rules"])
        .arg(shared("interop/srx/okapi-empty.srx"))
        .arg(&doc)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("okapi-empty.srx"));
    let bad = sb.write("bad.txt", b"Good line.\nBad \xff byte.");
    sb.cmd()
        .args(["segment", "--lang", "en"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.txt:2:5"));
    sb.cmd().args(["segment", "--lang", "en"]).assert().code(2);
    sb.cmd().args(["segment"]).arg(&doc).assert().code(2);
    sb.cmd()
        .args(["segment", "--lang", "xx-!!"])
        .arg(&doc)
        .assert()
        .code(2);
    sb.cmd()
        .args(["segment", "--lang", "en", "missing.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.txt"));
}
