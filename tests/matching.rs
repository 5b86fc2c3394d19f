//! `tarjuman match` through the command line: output formats, exactness on real data, and an index
//! that follows the store.

use predicates::prelude::*;

use crate::common::{Sandbox, run_jsonl, shared};

fn jsonl(sb: &Sandbox, args: &[&str]) -> Vec<serde_json::Value> {
    run_jsonl(sb.cmd().arg("match").args(args))
}

#[test]
fn jsonl_gives_scores_units_sources_and_targets() {
    let sb = Sandbox::with_real_tm();
    let lines = jsonl(
        &sb,
        &[
            "--from",
            "en",
            "--to",
            "ar",
            "--format",
            "jsonl",
            "--",
            "Could not open file",
        ],
    );
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["query"], "Could not open file");
    let first = &lines[0]["matches"][0];
    assert_eq!(first["source"], "Could not select file");
    assert_eq!(first["target"], "تعذّر اختيار الملف");
    let score = first["score"].as_f64().unwrap();
    assert!((score - 100.0 * (1.0 - 5.0 / 21.0)).abs() < 1e-9, "{score}");
}

#[test]
fn results_are_sorted_and_respect_top_and_min() {
    let sb = Sandbox::with_real_tm();
    let queries = sb.write("q.txt", "Open File\nSave As…\nPrint preview\n\n");
    let queries = queries.to_string_lossy().into_owned();
    let lines = jsonl(
        &sb,
        &[
            "--from",
            "en",
            "--to",
            "kk",
            "--top",
            "3",
            "--min",
            "50",
            "--format",
            "jsonl",
            "--queries",
            &queries,
        ],
    );
    assert_eq!(lines.len(), 4, "one line per query, the empty one included");
    assert_eq!(lines[3]["matches"].as_array().unwrap().len(), 0);
    for line in &lines {
        let matches = line["matches"].as_array().unwrap();
        assert!(matches.len() <= 3);
        let keys: Vec<(f64, i64)> = matches
            .iter()
            .map(|m| (m["score"].as_f64().unwrap(), m["unit"].as_i64().unwrap()))
            .collect();
        for pair in keys.windows(2) {
            assert!(pair[0].0 > pair[1].0 || (pair[0].0 == pair[1].0 && pair[0].1 < pair[1].1));
        }
        assert!(keys.iter().all(|(s, _)| *s >= 50.0));
        assert!(
            matches
                .iter()
                .all(|m| !m["target"].as_str().unwrap().is_empty())
        );
    }
}

#[test]
fn the_index_follows_the_store() {
    let sb = Sandbox::new();
    let first = sb.write("a.csv", "en,kk\nOpen the project file,Жоба файлын ашу\n");
    sb.cmd().arg("import").arg(&first).assert().success();
    let query = [
        "--from",
        "en",
        "--to",
        "kk",
        "--format",
        "jsonl",
        "--",
        "Close the project file",
    ];
    let before = jsonl(&sb, &query);
    assert_eq!(before[0]["matches"].as_array().unwrap().len(), 1);
    // The index file exists now; a new import must not leave it stale.
    let second = sb.write("b.csv", "en,kk\nClose the project file,Жоба файлын жабу\n");
    sb.cmd().arg("import").arg(&second).assert().success();
    let after = jsonl(&sb, &query);
    let matches = after[0]["matches"].as_array().unwrap();
    assert_eq!(matches.len(), 2);
    assert_eq!(matches[0]["score"].as_f64().unwrap(), 100.0);
    assert_eq!(matches[0]["target"], "Жоба файлын жабу");
}

#[test]
fn a_second_import_goes_into_a_delta_that_matches_see() {
    let sb = Sandbox::new();
    let mut csv = String::from("en,kk\n");
    for i in 0..100 {
        csv.push_str(&format!(
            "Open project file number {i},Жоба файлын ашу {i}\n"
        ));
    }
    let first = sb.write("a.csv", &csv);
    sb.cmd().arg("import").arg(&first).assert().success();
    let query = |to: &'static str| {
        [
            "--from",
            "en",
            "--to",
            to,
            "--top",
            "1",
            "--format",
            "jsonl",
            "--",
            "Close the project file now",
        ]
    };
    let before = jsonl(&sb, &query("kk"));
    let matches = before[0]["matches"].as_array().unwrap();
    assert!(matches.iter().all(|m| m["score"].as_f64().unwrap() < 100.0));
    // Two new units, one in a language the store did not have: the import indexes just them.
    let second = sb.write(
        "b.tmx",
        r#"<?xml version="1.0"?><tmx version="1.4"><header srclang="en" segtype="sentence" adminlang="en" datatype="plaintext" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="en"><seg>Close the project file now</seg></tuv><tuv xml:lang="kk"><seg>Жоба файлын қазір жабу</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Close the project file now</seg></tuv><tuv xml:lang="ar"><seg>أغلق ملف المشروع الآن</seg></tuv></tu>
</body></tmx>"#,
    );
    sb.cmd().arg("import").arg(&second).assert().success();
    let mut delta = sb.db().into_os_string();
    delta.push("-fuzzy-en.delta.idx");
    assert!(std::path::Path::new(&delta).exists());
    for (to, target) in [
        ("kk", "Жоба файлын қазір жабу"),
        ("ar", "أغلق ملف المشروع الآن"),
    ] {
        let after = jsonl(&sb, &query(to));
        assert_eq!(after[0]["matches"][0]["score"].as_f64().unwrap(), 100.0);
        assert_eq!(after[0]["matches"][0]["target"], target);
    }
}

#[test]
fn human_output_marks_differences_without_colour_off_a_terminal() {
    let sb = Sandbox::new();
    let tm = sb.write("a.csv", "en,az\nOpen the file,Faylı aç\n");
    sb.cmd().arg("import").arg(&tm).assert().success();
    sb.cmd()
        .args(["match", "--from", "en", "--to", "az", "--", "Open a file"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Open ⟦the⟧ file"))
        .stdout(predicate::str::contains("Faylı aç"))
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn empty_stores_unknown_languages_and_empty_queries_give_empty_results() {
    let sb = Sandbox::new();
    let lines = jsonl(
        &sb,
        &[
            "--from", "en", "--to", "kk", "--format", "jsonl", "--", "Open",
        ],
    );
    assert_eq!(lines[0]["matches"].as_array().unwrap().len(), 0);
    sb.cmd()
        .arg("import")
        .arg(shared("data/real-tm.csv"))
        .assert()
        .success();
    for args in [
        [
            "--from", "fr", "--to", "kk", "--format", "jsonl", "--", "Ouvrir",
        ],
        [
            "--from", "en", "--to", "de", "--format", "jsonl", "--", "Open",
        ],
        ["--from", "en", "--to", "kk", "--format", "jsonl", "--", ""],
    ] {
        let lines = jsonl(&sb, &args);
        assert_eq!(lines[0]["matches"].as_array().unwrap().len(), 0, "{args:?}");
    }
    let long = "a".repeat(100_000);
    let lines = jsonl(
        &sb,
        &[
            "--from", "en", "--to", "kk", "--format", "jsonl", "--", &long,
        ],
    );
    assert_eq!(lines[0]["matches"].as_array().unwrap().len(), 0);
    sb.cmd()
        .args(["match", "--from", "xx-YY", "--to", "kk", "Open"])
        .assert()
        .code(2);
}
