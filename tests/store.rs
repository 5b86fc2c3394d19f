//! The memory store through the command line: import, export, stats, and what bad input must not do.

use std::process::Command as StdCommand;

use predicates::prelude::*;

use crate::common::{Sandbox, shared};

const REAL_TM_UNITS: u64 = 7894;

#[test]
fn real_tm_imports_once_whatever_the_format() {
    let sb = Sandbox::new();
    sb.cmd()
        .args(["import", "--quiet"])
        .arg(shared("data/real-tm.tmx"))
        .assert()
        .success();
    assert_eq!(sb.units(), REAL_TM_UNITS);
    // The same units again, as TMX and then as CSV, change nothing: not the count, not the bytes.
    let before = sb.store_bytes();
    sb.cmd()
        .arg("import")
        .arg(shared("data/real-tm.tmx"))
        .assert()
        .success()
        .stdout(predicate::str::contains("0 new"));
    sb.cmd()
        .arg("import")
        .arg(shared("data/real-tm.csv"))
        .assert()
        .success()
        .stdout(predicate::str::contains("7894 already in the memory"));
    assert_eq!(sb.units(), REAL_TM_UNITS);
    assert_eq!(
        sb.store_bytes(),
        before,
        "a re-import must not change the store"
    );
}

#[test]
fn stats_count_languages_and_pairs() {
    let sb = Sandbox::with_real_tm();
    let out = sb
        .cmd()
        .args(["stats", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let count = |lang: &str| {
        json["languages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["lang"] == lang)
            .map(|l| l["units"].as_u64().unwrap())
    };
    // The counts of ../shared/data/README.md.
    assert_eq!(count("en"), Some(7894));
    assert_eq!(count("ar"), Some(6378));
    assert_eq!(count("kk"), Some(3575));
    assert_eq!(count("az"), Some(2213));
    let pair = |a: &str, b: &str| {
        json["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["langs"][0] == a && p["langs"][1] == b)
            .map(|p| p["units"].as_u64().unwrap())
    };
    assert_eq!(pair("az", "kk"), Some(595));
    assert_eq!(pair("ar", "kk"), Some(2334));
    sb.cmd()
        .arg("stats")
        .assert()
        .success()
        .stdout(predicate::str::contains("Units: 7894"));
}

#[test]
fn multilingual_units_keep_every_language() {
    let sb = Sandbox::new();
    sb.cmd()
        .arg("import")
        .arg(shared("interop/tmx/omegat-ImportTest1C.tmx"))
        .assert()
        .success();
    let out = sb
        .cmd()
        .args(["stats", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let langs: Vec<&str> = json["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["lang"].as_str().unwrap())
        .collect();
    for lang in ["en", "ja", "fr", "es"] {
        assert!(langs.contains(&lang), "{lang} missing from {langs:?}");
    }
}

/// Exports TMX, validates it against the TMX 1.4b DTD when xmllint is there, and returns its text.
fn export_tmx(sb: &Sandbox, name: &str) -> String {
    let out = sb.path(name);
    sb.cmd()
        .args(["export", "--format", "tmx", "-o"])
        .arg(&out)
        .assert()
        .success();
    let dtd = shared("interop/schemas/tmx14.dtd");
    match StdCommand::new("xmllint")
        .args(["--noout", "--nonet", "--dtdvalid"])
        .arg(&dtd)
        .arg(&out)
        .output()
    {
        Ok(result) => assert!(
            result.status.success(),
            "export is not valid against tmx14.dtd: {}",
            String::from_utf8_lossy(&result.stderr)
        ),
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("xmllint not installed: DTD validation skipped")
        }
        Err(e) => panic!("xmllint is needed in CI: {e}"),
    }
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn tmx_round_trip_is_a_fixed_point() {
    let sb = Sandbox::new();
    // Every valid TMX of the interop corpus, and the real memory.
    let mut files = vec![shared("data/real-tm.tmx")];
    for entry in std::fs::read_dir(shared("interop/tmx")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.contains("invalid") {
            files.push(path);
        }
    }
    files.sort();
    sb.cmd().arg("import").args(&files).assert().success();
    let units = sb.units();
    let first = export_tmx(&sb, "a.tmx");
    assert!(first.contains("<bpt"), "inline codes must be written back");

    let again = Sandbox::new();
    again
        .cmd()
        .arg("import")
        .arg(sb.path("a.tmx"))
        .assert()
        .success();
    assert_eq!(again.units(), units);
    let second = export_tmx(&again, "b.tmx");
    assert_eq!(first, second, "import → export must be a fixed point");
}

#[test]
fn csv_export_reimports_to_the_same_units() {
    let sb = Sandbox::new();
    sb.cmd()
        .arg("import")
        .arg(shared("data/real-tm.csv"))
        .assert()
        .success();
    let out = sb.path("out.csv");
    sb.cmd()
        .args(["export", "--no-sanitize", "-o"])
        .arg(&out)
        .assert()
        .success();
    let written = std::fs::read_to_string(&out).unwrap();
    let original = std::fs::read_to_string(shared("data/real-tm.csv")).unwrap();
    // The store keeps text in NFC (22 Arabic cells of real-tm are not): otherwise byte for byte.
    assert_eq!(
        written,
        tarjuman::text::nfc(&original),
        "the CSV export of real-tm.csv is the same file, up to NFC"
    );
}

#[test]
fn csv_export_neutralizes_formulas_by_default() {
    let sb = Sandbox::new();
    let input = sb.write(
        "f.csv",
        "en,kk\n=HYPERLINK(\"http://x\"),=1+2\n-5 items,Файл\n",
    );
    sb.cmd().arg("import").arg(&input).assert().success();
    let out = sb.path("out.csv");
    sb.cmd().args(["export", "-o"]).arg(&out).assert().success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("'=HYPERLINK"), "{text}");
    assert!(text.contains("'=1+2"), "{text}");
    assert!(text.contains("'-5 items"), "{text}");
    assert!(!text.contains(",=") && !text.starts_with('='), "{text}");
}

#[test]
fn export_to_stdout_and_language_filter() {
    let sb = Sandbox::with_real_tm();
    let out = sb
        .cmd()
        .args(["export", "--format", "tsv", "--langs", "en,kk", "-o", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("en\tkk\r\n"), "{}", &text[..40]);
    // Units with both English and Kazakh (3,575 per ../shared/data/README.md), plus the header.
    let rows = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .from_reader(text.as_bytes())
        .records()
        .count();
    assert_eq!(rows, 3575);
}

/// Bad inputs: each must exit 2, name the file (and line where there is one), and leave the store
/// byte-for-byte as it was.
fn assert_refused(name: &str, bytes: &[u8], line: Option<u64>) {
    let sb = Sandbox::new();
    sb.cmd()
        .arg("import")
        .arg(shared("data/real-tm.csv"))
        .assert()
        .success();
    let before = sb.store_bytes();
    let path = sb.write(name, bytes);
    let assert = sb.cmd().arg("import").arg(&path).assert().code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.contains(name),
        "{name}: error does not name the file: {stderr}"
    );
    if let Some(line) = line {
        assert!(
            stderr.contains(&format!("{name}:{line}:")),
            "{name}: error does not give line {line}: {stderr}"
        );
    }
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(sb.store_bytes(), before, "{name}: the store changed");
    assert_eq!(sb.units(), REAL_TM_UNITS);
}

const TMX_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n<body>\n";

fn tmx(body: &str) -> Vec<u8> {
    format!("{TMX_HEAD}{body}</body>\n</tmx>\n").into_bytes()
}

const GOOD_TU: &str = "<tu><tuv xml:lang=\"en\"><seg>New unit</seg></tuv><tuv xml:lang=\"kk\"><seg>Жаңа бірлік</seg></tuv></tu>\n";

#[test]
fn malformed_xml_is_refused() {
    let body = format!("{GOOD_TU}<tu><tuv xml:lang=\"en\"><seg>broken</tuv></tu>\n");
    assert_refused("malformed.tmx", &tmx(&body), Some(6));
}

#[test]
fn undefined_entity_is_refused() {
    let body = format!("{GOOD_TU}<tu><tuv xml:lang=\"en\"><seg>&nbsp;</seg></tuv></tu>\n");
    assert_refused("entity.tmx", &tmx(&body), Some(6));
}

#[test]
fn billion_laughs_is_refused_without_expanding() {
    let mut doc = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", i - 1)
        };
        doc.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
    }
    doc.push_str("]>\n<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\"><seg>&lol9;</seg></tuv></tu></body></tmx>\n");
    assert_refused("laughs.tmx", doc.as_bytes(), None);
}

#[test]
fn external_entity_is_never_fetched() {
    let doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\"><seg>&xxe;</seg></tuv><tuv xml:lang=\"kk\"><seg>x</seg></tuv></tu></body></tmx>\n";
    assert_refused("xxe.tmx", doc.as_bytes(), None);
}

#[test]
fn invalid_utf8_is_refused_with_its_line() {
    let mut bytes = tmx(GOOD_TU);
    let at = bytes.windows(8).position(|w| w == b"New unit").unwrap();
    bytes[at] = 0xFF;
    assert_refused("latin1.tmx", &bytes, Some(5));
}

#[test]
fn utf16_without_bom_is_refused() {
    let text = String::from_utf8(tmx(GOOD_TU)).unwrap();
    let bytes: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    assert_refused("utf16.tmx", &bytes, None);
}

#[test]
fn truncated_file_is_refused() {
    let bytes = tmx(&GOOD_TU.repeat(3));
    assert_refused("truncated.tmx", &bytes[..bytes.len() - 40], None);
}

#[test]
fn empty_file_is_refused() {
    assert_refused("empty.tmx", b"", None);
    assert_refused("empty.csv", b"", None);
}

#[test]
fn csv_with_an_unbalanced_quote_is_refused() {
    assert_refused(
        "quote.csv",
        "en,kk\nFile,Файл\n\"Open,Ашу\nSave,Сақтау\n".as_bytes(),
        Some(3),
    );
}

#[test]
fn csv_row_of_the_wrong_width_is_refused() {
    assert_refused(
        "width.csv",
        "en,kk\nFile,Файл\nOpen,Ашу,extra\n".as_bytes(),
        Some(3),
    );
}

#[test]
fn unknown_language_tag_is_refused() {
    assert_refused("lang.csv", "en,xx-YY\nFile,Файл\n".as_bytes(), Some(1));
    assert_refused(
        "lang.tmx",
        &tmx(
            "<tu><tuv xml:lang=\"en\"><seg>File</seg></tuv><tuv xml:lang=\"qq-ZZ\"><seg>Файл</seg></tuv></tu>\n",
        ),
        Some(5),
    );
}

#[test]
fn files_that_are_not_memories_are_refused() {
    assert_refused(
        "manual.pdf",
        b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n",
        None,
    );
    assert_refused(
        "data.tmx",
        &[0x00, 0x01, 0x02, 0xFF, 0x10, 0x00, 0x00, 0x7F],
        None,
    );
}

#[test]
fn a_bad_second_file_imports_nothing_of_the_first() {
    let sb = Sandbox::new();
    sb.cmd()
        .arg("import")
        .arg(shared("data/real-tm.csv"))
        .assert()
        .success();
    let before = sb.store_bytes();
    let good = sb.write("good.tmx", tmx(GOOD_TU));
    let bad = sb.write("bad.csv", "en,kk\n\"never closed,x\n");
    sb.cmd().arg("import").arg(&good).arg(&bad).assert().code(2);
    assert_eq!(sb.store_bytes(), before);
    assert_eq!(sb.units(), REAL_TM_UNITS);
}

#[test]
fn every_interop_file_imports_or_fails_cleanly() {
    let negative = ["okapi-invalid_xml_entity.xlf", "okapi-generalstructure.xlf"];
    // Semantically broken files that may import or be refused, but never panic.
    let either = [
        "omegat-invalid.tmx",
        "omegat-test-omegat-invalid.tmx",
        "okapi-msgctxt_notes.po",
    ];
    for dir in ["interop/tmx", "interop/xliff", "interop/po"] {
        for entry in std::fs::read_dir(shared(dir)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let sb = Sandbox::new();
            let out = sb
                .cmd()
                .args(["import", "--target-lang", "ru"])
                .arg(&path)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!stderr.contains("panicked"), "{name}: {stderr}");
            if negative.contains(&name.as_str()) {
                assert_eq!(out.status.code(), Some(2), "{name} must be refused");
                assert_eq!(sb.units(), 0, "{name}: nothing imported");
            } else if either.contains(&name.as_str()) {
                assert!(matches!(out.status.code(), Some(0 | 2)), "{name}: {stderr}");
            } else {
                assert_eq!(out.status.code(), Some(0), "{name}: {stderr}");
            }
        }
    }
}
