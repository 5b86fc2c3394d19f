//! `check` reports and fixes through the binary: the output formats, `--fix`, the project file,
//! and the human report in each interface language (snapshots in `tests/snapshots`; run with
//! `UPDATE_SNAPSHOTS=1` to rewrite them after a deliberate change).

use std::path::Path;

use crate::common::{Sandbox, assert_snapshot, parse_jsonl, shared};

const GLOSSARY: &str = "id,type,en,az,kk,ar,variants,forbidden,note\n\
p_almalik,person,Salim AlMalik,Salim AlMalik,Сәлім Әл-Малик,سالم المالك,Salim Al-Malik,,\n\
p_tokayev,person,Kassym-Jomart Tokayev,Kasım-Jomart Tokayev,Қасым-Жомарт Тоқаев,قاسم جومارت توكاييف,Токаев,,\n\
i_icesco,organization,ICESCO,İSESKO,ИСЕСКО,الإيسيسكو,الايسيسكو|ISESCO,,\n";

/// `check` with only the names-dev glossary.
fn names_dev_check(sandbox: &Sandbox) -> assert_cmd::Command {
    let mut cmd = sandbox.cmd();
    cmd.arg("check")
        .arg("--no-default-glossaries")
        .arg("--glossary")
        .arg(shared("names-dev/glossary.csv"));
    cmd
}

fn doc(name: &str) -> std::path::PathBuf {
    shared(&format!("names-dev/docs/{name}"))
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn exit_codes_follow_the_findings() {
    let s = Sandbox::new();
    names_dev_check(&s)
        .args(["--doc-lang", "en"])
        .arg(doc("d06-en.txt"))
        .assert()
        .code(0);
    names_dev_check(&s)
        .args(["--doc-lang", "en"])
        .arg(doc("d01-en.txt"))
        .assert()
        .code(1);
    names_dev_check(&s)
        .args(["--fail-on", "error", "--doc-lang", "en"])
        .arg(doc("d01-en.txt"))
        .assert()
        .code(0);
    names_dev_check(&s)
        .arg(s.path("missing.txt"))
        .assert()
        .code(2);
}

#[test]
fn sarif_json_csv_are_deterministic_and_unisolated() {
    let s = Sandbox::new();
    let run = |format: &str| {
        let out = names_dev_check(&s)
            .args(["--lang", "ar", "--format", format])
            .arg(doc("d05-ar.txt"))
            .arg(doc("d01-en.txt"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        stdout(&out)
    };
    for format in ["json", "jsonl", "csv", "sarif"] {
        let first = run(format);
        assert_eq!(first, run(format), "{format} differs between runs");
        assert!(
            !first.contains(['\u{2068}', '\u{2069}']),
            "{format} has isolation marks"
        );
    }
    let sarif: serde_json::Value = serde_json::from_str(&run("sarif")).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    let csv = run("csv");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("path,line,column,end_line,end_column,rule,severity,found,suggestion,entry,message")
    );
    assert_eq!(lines.count(), results.len());
}

#[test]
fn html_report_is_self_contained_with_arabic_right_to_left() {
    let s = Sandbox::new();
    let out = s.path("report.html");
    names_dev_check(&s)
        .args(["--format", "html", "-o"])
        .arg(&out)
        .arg(doc("d05-ar.txt"))
        .arg(doc("d01-en.txt"))
        .assert()
        .code(1);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(
        html.contains("lang=\"ar\" dir=\"rtl\">"),
        "no right-to-left Arabic document"
    );
    assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("src="));
    assert!(html.contains("<mark class=\"warning\" title=\""));
    names_dev_check(&s)
        .args(["--lang", "ar", "--format", "html", "-o"])
        .arg(&out)
        .arg(doc("d01-en.txt"))
        .assert()
        .code(1);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(html.contains("lang=\"en\" dir=\"ltr\">"));
}

#[test]
fn fix_to_a_file_changes_only_flagged_lines() {
    let s = Sandbox::new();
    let input = s.write("draft.txt", std::fs::read(doc("d01-en.txt")).unwrap());
    let fixed = s.path("fixed.txt");
    names_dev_check(&s)
        .args(["--doc-lang", "en", "--fix", "-o"])
        .arg(&fixed)
        .arg(&input)
        .assert()
        .stderr(predicates::str::contains("fixes applied"));
    let before = std::fs::read_to_string(&input).unwrap();
    assert_eq!(before, std::fs::read_to_string(doc("d01-en.txt")).unwrap());
    let after = std::fs::read_to_string(&fixed).unwrap();
    assert!(!after.contains("Al-Malik") && after.contains("AlMalik"));
    let jsonl = names_dev_check(&s)
        .args(["--doc-lang", "en", "--format", "jsonl"])
        .arg(&input)
        .output()
        .unwrap();
    let flagged: Vec<u64> = stdout(&jsonl)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["line"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    for (i, (a, b)) in before.lines().zip(after.lines()).enumerate() {
        assert!(
            a == b || flagged.contains(&(i as u64 + 1)),
            "line {} changed",
            i + 1
        );
    }
}

#[test]
fn fix_in_place_keeps_the_original_and_diff_writes_nothing() {
    let s = Sandbox::new();
    let original = std::fs::read_to_string(doc("d01-en.txt")).unwrap();
    let input = s.write("draft.txt", &original);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&input, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let diff = names_dev_check(&s)
        .args(["--doc-lang", "en", "--fix", "--diff", "draft.txt"])
        .output()
        .unwrap();
    let diff = stdout(&diff);
    assert!(
        diff.starts_with("--- draft.txt\n+++ draft.txt\n@@ "),
        "{diff}"
    );
    assert!(diff.contains("\n-Al-Malik praised") && diff.contains("\n+AlMalik praised"));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), original);
    names_dev_check(&s)
        .args(["--doc-lang", "en", "--fix", "--in-place", "draft.txt"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(s.path("draft.txt.orig")).unwrap(),
        original
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&input).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644, "permissions kept");
    }
    let fixed = std::fs::read_to_string(&input).unwrap();
    assert!(!fixed.contains("Al-Malik"));
    // Fixing twice changes nothing more.
    names_dev_check(&s)
        .args(["--doc-lang", "en", "--fix", "--diff", "draft.txt"])
        .assert()
        .stdout("");
}

#[test]
fn fix_in_kazakh_and_arabic_documents() {
    let s = Sandbox::new();
    s.write("glossary.csv", GLOSSARY);
    s.write(
        "kk.txt",
        "Президент Токаев ИСЕСКО өкілдерімен кездесті.\nТоқаев сөз сөйледі.\n",
    );
    s.write(
        "ar.txt",
        "\u{feff}زار وفد الايسيسكو الرباط.\nوقالت الإيسيسكو إن الزيارة ناجحة.\n",
    );
    for (file, lang) in [("kk.txt", "kk"), ("ar.txt", "ar")] {
        s.cmd()
            .args([
                "check",
                "--no-default-glossaries",
                "--glossary",
                "glossary.csv",
            ])
            .args(["--doc-lang", lang, "--fix", "--in-place", file])
            .assert()
            .success();
    }
    assert_eq!(
        std::fs::read_to_string(s.path("kk.txt")).unwrap(),
        "Президент Тоқаев ИСЕСКО өкілдерімен кездесті.\nТоқаев сөз сөйледі.\n"
    );
    assert_eq!(
        std::fs::read_to_string(s.path("ar.txt")).unwrap(),
        "\u{feff}زار وفد الإيسيسكو الرباط.\nوقالت الإيسيسكو إن الزيارة ناجحة.\n",
        "the byte order mark stays"
    );
}

#[test]
fn fix_to_one_output_takes_one_file() {
    let s = Sandbox::new();
    names_dev_check(&s)
        .args(["--fix", "-o", "out.txt"])
        .arg(doc("d01-en.txt"))
        .arg(doc("d02-en.txt"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--in-place"));
    names_dev_check(&s)
        .args(["--lang", "kk", "--fix"])
        .arg(doc("d01-en.txt"))
        .arg(doc("d02-en.txt"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("бірнеше файл"));
    names_dev_check(&s)
        .args(["--in-place"])
        .arg(doc("d01-en.txt"))
        .assert()
        .code(2);
}

#[test]
fn the_project_file_sets_glossaries_languages_rules_and_exceptions() {
    let s = Sandbox::new();
    std::fs::create_dir_all(s.path("terms")).unwrap();
    std::fs::create_dir_all(s.path("drafts/deep")).unwrap();
    s.write("terms/names.csv", GLOSSARY);
    s.write(
        "drafts/deep/note.txt",
        "Salim Al-Malik visited ISESCO in Rabat.\n",
    );
    let check = |cwd: &Path| {
        let mut cmd = s.cmd();
        cmd.current_dir(cwd)
            .args(["check", "--format", "jsonl", "note.txt"]);
        let out = cmd.output().unwrap();
        (
            out.status.code(),
            stdout(&out),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let deep = s.path("drafts/deep");
    s.write(
        "tarjuman.toml",
        "glossaries = [\"terms/names.csv\"]\ndefault-glossaries = false\n\n[languages]\n\"drafts/**\" = \"en\"\n",
    );
    let (code, out, _) = check(&deep);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("\"found\":\"Al-Malik\"") || out.contains("\"found\":\"Salim Al-Malik\""),
        "{out}"
    );
    assert!(out.contains("\"found\":\"ISESCO\""), "{out}");
    // Rules off and severities lowered, exceptions accepted.
    s.write(
        "tarjuman.toml",
        "glossaries = [\"terms/names.csv\"]\ndefault-glossaries = false\nexceptions = [\"ISESCO\"]\n\n[rules]\nglossary-variant = \"info\"\n",
    );
    let (code, out, _) = check(&deep);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("\"severity\":\"info\"") && !out.contains("ISESCO"),
        "{out}"
    );
    s.write(
        "tarjuman.toml",
        "default-glossaries = false\n[rules]\nglossary-variant = off\n",
    );
    let (code, _, err) = check(&deep);
    assert_eq!(code, Some(2));
    assert!(err.contains("tarjuman.toml:3:"), "{err}");
    s.write("tarjuman.toml", "[rules]\nglossary-variant = \"loud\"\n");
    let mut cmd = s.cmd();
    let out = cmd
        .current_dir(&deep)
        .args(["--lang", "az", "check", "note.txt"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("tarjuman.toml") && err.contains("qaydası"),
        "{err}"
    );
}

/// The human report of a small draft in `lang`, as written by the binary.
fn human_report(lang: &str) -> String {
    let s = Sandbox::new();
    s.write("glossary.csv", GLOSSARY);
    s.write(
        "draft 1.txt",
        "Director-General Salim AlMalik met ICESCO staff.\nLater Salim Al-Malik spoke about \"ISESCO\".\n",
    );
    let out = s
        .cmd()
        .args([
            "--lang",
            lang,
            "check",
            "--no-default-glossaries",
            "--glossary",
            "glossary.csv",
        ])
        .args(["--doc-lang", "en", "draft 1.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{lang}");
    stdout(&out)
}

#[test]
fn human_report_snapshots_in_each_language() {
    for lang in ["en", "az", "kk", "ar"] {
        assert_snapshot(&format!("check-human.{lang}.txt"), &human_report(lang));
    }
}

#[test]
fn arabic_human_report_isolates_names_numbers_and_quotes() {
    let ar = human_report("ar");
    assert!(ar.contains("\u{2068}draft 1.txt\u{2069}"), "{ar}");
    assert!(ar.contains("\u{2068}2\u{2069}"), "{ar}");
    assert!(ar.contains("\u{2068}Salim Al-Malik\u{2069}"), "{ar}");
    assert!(ar.contains("\u{2068}Salim AlMalik\u{2069}"), "{ar}");
    let en = human_report("en");
    assert!(!en.contains(['\u{2068}', '\u{2069}']), "{en}");
}

#[test]
fn names_lists_every_name_with_spellings_counts_and_places() {
    let s = Sandbox::new();
    s.write("glossary.csv", GLOSSARY);
    s.write(
        "a.txt",
        "Salim AlMalik visited Sheki.\nSalim Al-Malik met the mayor of Sheki.\n",
    );
    s.write("b.txt", "The mayor of Shaki thanked Salim AlMalik.\n");
    let names = |format: &str| {
        let out = s
            .cmd()
            .args([
                "names",
                "--no-default-glossaries",
                "--glossary",
                "glossary.csv",
            ])
            .args(["--format", format, "a.txt", "b.txt"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}");
        stdout(&out)
    };
    let jsonl = names("jsonl");
    let rows = parse_jsonl(jsonl.as_bytes());
    assert_eq!(rows[0]["entry"], "p_almalik");
    assert_eq!(rows[0]["count"], 3);
    assert_eq!(rows[0]["spellings"][0]["spelling"], "Salim AlMalik");
    assert_eq!(rows[0]["spellings"][0]["count"], 2);
    assert_eq!(rows[0]["spellings"][1]["locations"][0]["path"], "a.txt");
    assert_eq!(rows[0]["spellings"][1]["locations"][0]["line"], 2);
    let sheki = rows
        .iter()
        .find(|r| r["name"] == "Sheki")
        .expect("the unlisted name Sheki");
    assert_eq!(sheki["entry"], serde_json::Value::Null);
    assert_eq!(sheki["count"], 3);
    assert_eq!(sheki["spellings"][1]["spelling"], "Shaki");
    let json: serde_json::Value = serde_json::from_str(&names("json")).unwrap();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["names"].as_array().unwrap().len(), rows.len());
    let csv = names("csv");
    assert!(csv.starts_with("name,entry,spelling,path,line,column,end_line,end_column\n"));
    assert_eq!(csv.lines().count(), 1 + 6);
    // The project file's glossaries are used too.
    s.write(
        "tarjuman.toml",
        "glossaries = [\"glossary.csv\"]\ndefault-glossaries = false\n",
    );
    let out = s
        .cmd()
        .args(["names", "--format", "jsonl", "a.txt"])
        .output()
        .unwrap();
    assert!(
        stdout(&out).starts_with("{\"count\":2,\"entry\":\"p_almalik\""),
        "{}",
        stdout(&out)
    );
    let human = names("human");
    assert!(
        human.contains("Salim AlMalik (glossary entry p_almalik): 3 mentions, 2 spellings"),
        "{human}"
    );
    assert!(human.contains("  Shaki ×1: b.txt:1:14"), "{human}");
}

#[test]
fn names_lists_unlisted_variants_under_their_glossary_entry() {
    let s = Sandbox::new();
    s.write(
        "g.csv",
        "id,type,en,az,kk,ar,variants,forbidden,note\n\
         p_khidirov,person,Alakbar Khidirov,Ələkbər Xıdırov,,,Alekber Khidirov,,\n",
    );
    s.write(
        "d.txt",
        "Alakbar Khidirov opened the session.\nLater Khydyrov thanked the guests.\n",
    );
    let out = s
        .cmd()
        .args(["--no-default-glossaries", "--glossary", "g.csv"])
        .args(["names", "--format", "jsonl", "d.txt"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let rows = parse_jsonl(&out.stdout);
    // Khydyrov, which check flags as a variant of the entry, is one of its spellings.
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["entry"], "p_khidirov");
    assert_eq!(rows[0]["spellings"][1]["spelling"], "Khydyrov");
    assert_eq!(rows[0]["spellings"][1]["locations"][0]["line"], 2);
    assert_eq!(rows[0]["spellings"][1]["locations"][0]["column"], 7);
}

#[test]
fn names_pairs_is_unchanged() {
    let s = Sandbox::new();
    s.write("pairs.csv", "id,a,b\np1,Tokayev,Тоқаев\n");
    s.cmd()
        .args(["names", "--pairs", "pairs.csv"])
        .assert()
        .success()
        .stdout("id,score\np1,1.0000\n");
    s.cmd()
        .args(["names", "--pairs", "pairs.csv", "a.txt"])
        .assert()
        .code(2);
    s.cmd().args(["names"]).assert().code(2);
}
