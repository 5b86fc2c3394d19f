//! `tarjuman check` through the real binary: exit codes, the jsonl and json reports, the human
//! report, bilingual files, and bad input.

use crate::common::{Sandbox, parse_jsonl, shared};

const GLOSSARY: &str = "\
id,type,en,az,kk,ar,variants,forbidden,note
p_almalik,person,Salim AlMalik,,,سالم بن محمد المالك,Salim Al-Malik,,
p_tokayev,person,Kassym-Jomart Tokayev,,Қасым-Жомарт Тоқаев,,Касым-Жомарт Токаев,,
pl_almaty,place,Almaty,Almatı,Алматы,ألماتي,,Alma-Ata,
";

/// A sandbox with the test glossary; `check` runs with it and no shipped glossaries.
fn setup() -> (Sandbox, std::path::PathBuf) {
    let sb = Sandbox::new();
    let glossary = sb.write("g.csv", GLOSSARY);
    (sb, glossary)
}

fn check(sb: &Sandbox, glossary: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = sb.cmd();
    cmd.arg("--no-default-glossaries")
        .arg("--glossary")
        .arg(glossary)
        .arg("check");
    cmd
}

#[test]
fn jsonl_has_the_public_keys_scalar_columns_and_exit_code_one() {
    let (sb, g) = setup();
    let doc = sb.write("d.txt", "Title\nمُحَمَّد and Al-Malik met in Alma-Ata.\n");
    let out = check(&sb, &g)
        .args(["--format", "jsonl"])
        .arg(&doc)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let rows = parse_jsonl(&out.stdout);
    let keys: Vec<&str> = rows[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = [
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
    expected.sort_unstable();
    let mut keys = keys;
    keys.sort_unstable();
    assert_eq!(keys, expected);
    assert_eq!(rows.len(), 2);
    // Line 2: "مُحَمَّد and " is 13 scalar values, so Al-Malik starts in column 14.
    assert_eq!(
        (&rows[0]["line"], &rows[0]["column"], &rows[0]["end_column"]),
        (&2.into(), &14.into(), &22.into())
    );
    assert_eq!(rows[0]["rule"], "glossary-variant");
    assert_eq!(rows[0]["suggestion"], "AlMalik");
    assert_eq!(rows[0]["entry"], "p_almalik");
    assert_eq!(rows[1]["rule"], "forbidden-spelling");
    assert_eq!(rows[1]["severity"], "error");
    // --fail-on error still fails on the forbidden spelling; a clean text passes.
    let out = check(&sb, &g)
        .args(["--fail-on", "error"])
        .arg(&doc)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let clean = sb.write("c.txt", "Salim AlMalik visited Almaty.\n");
    let out = check(&sb, &g).arg(&clean).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn json_is_one_deterministic_document_without_bidi_marks() {
    let (sb, g) = setup();
    let doc = sb.write("d.txt", "Al-Malik visited Alma-Ata.\n");
    let run = || {
        check(&sb, &g)
            .args(["--lang", "ar", "--format", "json"])
            .arg(&doc)
            .output()
            .unwrap()
    };
    let (a, b) = (run(), run());
    assert_eq!(a.stdout, b.stdout);
    let json: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    assert_eq!(json["schema_version"], 1);
    let findings = json["documents"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2);
    let text = String::from_utf8(a.stdout).unwrap();
    assert!(!text.contains(['\u{2068}', '\u{2069}']), "{text}");
    assert!(findings[0]["message"].as_str().unwrap().contains("المسرد"));
}

#[test]
fn human_report_shows_the_line_underline_and_suggestion_with_input_escaped() {
    let (sb, g) = setup();
    let doc = sb.write("d.txt", "x\u{1b}[31m Al-Malik\n");
    let out = check(&sb, &g).arg(&doc).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("d.txt:1:8: warning[glossary-variant]"),
        "{text}"
    );
    assert!(text.contains("1 | x⟨U+001B⟩[31m Al-Malik"), "{text}");
    assert!(
        text.contains(&format!("  | {}^^^^^^^^\n", " ".repeat(14))),
        "{text}"
    );
    assert!(text.contains("= suggestion: AlMalik"), "{text}");
    assert!(!text.contains('\u{1b}'), "{text}");
    let out = check(&sb, &g)
        .args(["--lang", "az"])
        .arg(&doc)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("xəbərdarlıq[glossary-variant]"), "{text}");
}

#[test]
fn output_file_and_tsv_targets_with_term_missing() {
    let (sb, g) = setup();
    let tsv = sb.write(
        "t.tsv",
        "en\tkk\nPresident Kassym-Jomart Tokayev spoke.\tПрезидент сөйледі.\nTokayev in Almaty.\tТокаев Алматыда.\n",
    );
    let report = sb.path("r.jsonl");
    let out = check(&sb, &g)
        .args(["--format", "jsonl", "-o"])
        .arg(&report)
        .arg(&tsv)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(out.stdout.is_empty());
    let rows = parse_jsonl(&std::fs::read(&report).unwrap());
    let got: Vec<(String, u64, u64)> = rows
        .iter()
        .map(|r| {
            (
                r["rule"].as_str().unwrap().to_string(),
                r["line"].as_u64().unwrap(),
                r["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("term-missing".to_string(), 2, 40),
            ("glossary-variant".to_string(), 3, 20)
        ]
    );
}

#[test]
fn source_text_aligned_by_sentence_finds_missing_terms() {
    let (sb, g) = setup();
    let src = sb.write("s.txt", "Salim AlMalik arrived. He met students.\n");
    let tgt = sb.write("t.txt", "Салим келді. Ол студенттермен кездесті.\n");
    let out = check(&sb, &g)
        .args(["--format", "jsonl", "--doc-lang", "kk", "--source"])
        .arg(&src)
        .arg(&tgt)
        .output()
        .unwrap();
    let rows = parse_jsonl(&out.stdout);
    assert_eq!(rows.len(), 0, "no kk form, nothing to require: {rows:?}");
    let g2 = sb.write(
        "g2.csv",
        "id,type,en,kk\np_almalik,person,Salim AlMalik,Салим Әл-Мәлік\n",
    );
    let out = check(&sb, &g2)
        .args(["--format", "jsonl", "--doc-lang", "kk", "--source"])
        .arg(&src)
        .arg(&tgt)
        .output()
        .unwrap();
    let rows = parse_jsonl(&out.stdout);
    assert_eq!(rows.len(), 1, "{out:?}");
    assert_eq!(rows[0]["rule"], "term-missing");
    assert_eq!(rows[0]["found"], "Салим келді.");
}

#[test]
fn bad_input_exits_2_naming_the_file_and_line_or_is_skipped_with_keep_going() {
    let (sb, g) = setup();
    let good = sb.write("good.txt", "Al-Malik.\n");
    let binary = sb.write("bin.txt", b"ab\ncd\0ef");
    let bad_utf8 = sb.write("bad.txt", b"ok\nok\n\xff\xfe!");
    let empty = sb.write("empty.txt", b"");
    for (path, needle) in [
        (&binary, "bin.txt:2:3"),
        (&bad_utf8, "bad.txt:3:1"),
        (&empty, "empty.txt"),
        (&sb.path("missing.txt"), "missing.txt"),
    ] {
        let out = check(&sb, &g).arg(path).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let out = check(&sb, &g)
        .args(["--lang", "kk"])
        .arg(&binary)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("екілік"), "{err}");
    let out = check(&sb, &g)
        .args(["--keep-going", "--format", "jsonl"])
        .arg(&binary)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(parse_jsonl(&out.stdout).len(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("bin.txt"));
    // A glossary with a broken row: an error naming it and the line, or skipped.
    let broken = sb.write("broken.csv", "id,type,en\np1,person,\"Al\n");
    let out = sb
        .cmd()
        .args(["--no-default-glossaries", "--glossary"])
        .arg(&broken)
        .arg("check")
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.csv:2"), "{err}");
    let out = sb
        .cmd()
        .args(["--no-default-glossaries", "--glossary"])
        .arg(&broken)
        .args(["check", "--keep-going"])
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn names_dev_drafts_with_their_glossary() {
    let sb = Sandbox::new();
    let docs = shared("names-dev/docs");
    let out = sb
        .cmd()
        .args(["--no-default-glossaries", "--glossary"])
        .arg(shared("names-dev/glossary.csv"))
        .args(["check", "--format", "jsonl", "--doc-lang", "en"])
        .arg(docs.join("d06-en.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "the clean control: {out:?}");
    let out = sb
        .cmd()
        .args(["--no-default-glossaries", "--glossary"])
        .arg(shared("names-dev/glossary.csv"))
        .args(["check", "--format", "jsonl", "--doc-lang", "kk"])
        .arg(docs.join("d04-kk.txt"))
        .output()
        .unwrap();
    let found: Vec<String> = parse_jsonl(&out.stdout)
        .iter()
        .map(|r| r["found"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(found, ["Раимкулова", "Токаев", "Aбай"]);
}

/// The README's first command: the shipped sample draft against the shipped glossaries.
#[test]
fn the_shipped_sample_draft_shows_each_kind_of_name_trouble() {
    let sb = Sandbox::new();
    let draft = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/draft-en.txt");
    let out = sb
        .cmd()
        .args(["check", "--fail-on", "error", "--format", "jsonl"])
        .arg(&draft)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let found: Vec<(String, String, String)> = parse_jsonl(&out)
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["found"].as_str().unwrap().to_string(),
                f["suggestion"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let expected = [
        (
            "glossary-variant",
            "Salim bin Mohammed Al-Malik",
            "Salim bin Mohammed AlMalik",
        ),
        (
            "glossary-variant",
            "Aktoty Raiymkulova",
            "Aktoty Raimkulova",
        ),
        ("glossary-variant", "Maryam Gafarzade", "Maryam Gafar-zade"),
        ("glossary-variant", "Alakbar Khydyrov", "Alakbar Khidirov"),
        ("glossary-variant", "Anar Kerimov", "Anar Karimov"),
        ("inconsistent-name", "Nuryev", "Nuriyev"),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(r, f, s)| (r.to_string(), f.to_string(), s.to_string()))
        .collect();
    assert_eq!(found, expected);
    // Without --fail-on error the warnings fail the run, as in CI.
    sb.cmd().arg("check").arg(&draft).assert().code(1);
}
