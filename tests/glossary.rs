//! `tarjuman glossary …` through the real binary.

use predicates::prelude::*;

use crate::common::{Sandbox, parse_jsonl, shared};

const HEADER: &str = "id,type,en,az,kk,ar,variants,forbidden,note\n";

#[test]
fn find_reports_mentions_as_jsonl_with_scalar_columns() {
    let sb = Sandbox::new();
    let doc = sb.write(
        "d.txt",
        "Title\nمُحَمَّد met İSESKO-nun rəhbəri Salim Al-Malik.\nوللإيسيسكو مكتب في باكو\n",
    );
    let out = sb
        .cmd()
        .args(["glossary", "find", "--format", "jsonl"])
        .arg(&doc)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let rows = parse_jsonl(&out.stdout);
    // The keys, in this order (a public interface).
    let first = String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap()
        .to_string();
    let keys = [
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "entry",
        "found",
        "form",
    ];
    let at: Vec<usize> = keys
        .iter()
        .map(|k| first.find(&format!("\"{k}\":")).expect(k))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{first}");
    assert_eq!(rows[0].as_object().unwrap().len(), keys.len());
    let get = |found: &str| rows.iter().find(|r| r["found"] == found).cloned();
    let isesko = get("İSESKO").expect("İSESKO");
    // "مُحَمَّد" is 8 scalar values: İSESKO starts at column 14.
    assert_eq!(
        (
            isesko["line"].as_u64(),
            isesko["column"].as_u64(),
            isesko["end_column"].as_u64()
        ),
        (Some(2), Some(14), Some(20))
    );
    assert_eq!(isesko["entry"], "i_icesco");
    assert_eq!(isesko["form"], "canonical");
    let malik = get("Salim Al-Malik").expect("Salim Al-Malik");
    assert_eq!(
        (malik["entry"].as_str(), malik["form"].as_str()),
        (Some("p_almalik"), Some("variant"))
    );
    let lil = get("لإيسيسكو").expect("لإيسيسكو");
    assert_eq!(
        (lil["line"].as_u64(), lil["column"].as_u64()),
        (Some(3), Some(3))
    );
    assert!(get("باكو").is_some());
    // Glossary commands never touch the memory store.
    assert!(sb.store_bytes().is_empty());
}

#[test]
fn find_in_human_format_and_without_default_glossaries() {
    let sb = Sandbox::new();
    let doc = sb.write("d.txt", "ICESCO and Aliyeva\n");
    sb.cmd()
        .args(["glossary", "find"])
        .arg(&doc)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            ":1:1: ICESCO → i_icesco (canonical)",
        ));
    let g = sb.write(
        "g.csv",
        format!("{HEADER}p_ilham,person,Ilham Aliyev,,,,,,\n"),
    );
    sb.cmd()
        .args(["--no-default-glossaries", "--glossary"])
        .arg(&g)
        .args(["glossary", "find"])
        .arg(&doc)
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
}

#[test]
fn validate_reports_lines_and_exits_1() {
    let sb = Sandbox::new();
    let bad = sb.write(
        "bad.csv",
        format!("{HEADER}a,person,Anar Karimov,,Anar,,,,\na,place,Baku ,,,,,,\n"),
    );
    sb.cmd()
        .args(["glossary", "validate"])
        .arg(&bad)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("bad.csv:2:"))
        .stdout(predicate::str::contains(
            "bad.csv:3: [a] the id is already used on line 2",
        ));
    sb.cmd()
        .args([
            "glossary",
            "validate",
            "glossaries/icesco.csv",
            "glossaries/countries.csv",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .assert()
        .success();
    // A structural error is an input error: exit 2, with the line.
    let broken = sb.write("broken.csv", format!("{HEADER}a,person\n"));
    sb.cmd()
        .args(["glossary", "validate"])
        .arg(&broken)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.csv:2:1"));
    sb.cmd()
        .args(["--lang", "kk", "glossary", "validate"])
        .arg(&bad)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("мәселе"));
}

#[test]
fn list_show_and_search() {
    let sb = Sandbox::new();
    sb.cmd()
        .args(["glossary", "list", "--type", "title"])
        .assert()
        .success()
        .stdout(predicate::str::contains("t_dg").and(predicate::str::contains("p_almalik").not()));
    sb.cmd()
        .args(["glossary", "show", "p_raimkulova"])
        .assert()
        .success()
        .stdout(predicate::str::contains("kk: Ақтоты Райымқұлова"));
    sb.cmd()
        .args(["glossary", "show", "nobody"])
        .assert()
        .code(1);
    sb.cmd()
        .args(["glossary", "search", "Райымқұлова"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("p_raimkulova"));
    sb.cmd()
        .args(["glossary", "search", "Raiymkulova"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("p_raimkulova"));
}

#[test]
fn add_appends_a_validated_row_and_warns_on_variants() {
    let sb = Sandbox::new();
    let g = sb.path("mine.csv");
    sb.cmd()
        .args(["glossary", "add"])
        .arg(&g)
        .args([
            "--id",
            "p_bayramov",
            "--type",
            "person",
            "--en",
            "Jeyhun Bayramov",
        ])
        .args(["--az", "Ceyhun Bayramov", "--variants", "Джейхун Байрамов"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&g).unwrap(),
        format!("{HEADER}p_bayramov,person,Jeyhun Bayramov,Ceyhun Bayramov,,,Джейхун Байрамов,,\n")
    );
    sb.cmd()
        .args(["glossary", "add"])
        .arg(&g)
        .args([
            "--id",
            "p_sanan2",
            "--type",
            "person",
            "--en",
            "Abdulhakim Al Sanan",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("p_al_sanan"));
    // Cyrillic in the az column: refused, the file unchanged.
    let before = std::fs::read(&g).unwrap();
    sb.cmd()
        .args(["glossary", "add"])
        .arg(&g)
        .args(["--id", "x", "--type", "term", "--az", "Баку"])
        .assert()
        .code(2);
    assert_eq!(std::fs::read(&g).unwrap(), before);
}

#[test]
fn import_converts_every_tbx_sample_and_appends() {
    let sb = Sandbox::new();
    for entry in std::fs::read_dir(shared("interop/tbx")).unwrap().flatten() {
        let out = sb.path("out.csv");
        sb.cmd()
            .args(["glossary", "import"])
            .arg(entry.path())
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        sb.cmd()
            .args(["glossary", "validate"])
            .arg(&out)
            .assert()
            .code(predicate::in_iter([0, 1]));
    }
    let omegat = sb.write("omegat.txt", "ICESCO\tİSESKO\tacronym\nBaku\tBakı\n");
    let g = sb.path("g.csv");
    sb.cmd()
        .args(["glossary", "import"])
        .arg(&omegat)
        .arg("-o")
        .arg(&g)
        .assert()
        .code(2);
    sb.cmd()
        .args([
            "glossary",
            "import",
            "--source-lang",
            "en",
            "--target-lang",
            "az",
        ])
        .arg(&omegat)
        .arg("-o")
        .arg(&g)
        .assert()
        .success();
    let more = sb.write(
        "more.csv",
        "en,az\nICESCO,ISESCO\nTurkic Academy,Türk Akademiyası\n",
    );
    sb.cmd()
        .args(["glossary", "import", "--append"])
        .arg(&more)
        .arg("-o")
        .arg(&g)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 added, 1 merged, 1 conflicts"))
        .stderr(predicate::str::contains("İSESKO"));
}

#[test]
fn export_csv_round_trips_and_pairs_tsv_and_excel() {
    let sb = Sandbox::new();
    let icesco = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("glossaries/icesco.csv");
    let out = sb.path("g.csv");
    sb.cmd()
        .args(["--no-default-glossaries", "--glossary"])
        .arg(&icesco)
        .args(["glossary", "export", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(&icesco).unwrap()
    );
    let pair = sb.path("pair.tsv");
    sb.cmd()
        .args(["--no-default-glossaries", "--glossary"])
        .arg(&icesco)
        .args(["glossary", "export", "--pair", "en:kk", "-o"])
        .arg(&pair)
        .assert()
        .success();
    let text = std::fs::read_to_string(&pair).unwrap();
    assert!(text.lines().any(|l| l == "ICESCO\tИСЕСКО"), "{text}");
    assert!(text.lines().all(|l| l.split('\t').count() == 2));
    let formula = sb.write("f.csv", format!("{HEADER}x,term,=1+1,,,,,,-note\n"));
    let excel = sb.path("excel.csv");
    sb.cmd()
        .args(["--no-default-glossaries", "--glossary"])
        .arg(&formula)
        .args(["glossary", "export", "--excel", "--langs", "en", "-o"])
        .arg(&excel)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&excel).unwrap(),
        "\u{FEFF}id,type,en,variants,forbidden,note\r\nx,term,'=1+1,,,'-note\r\n"
    );
    let tbx = sb.path("g.tbx");
    sb.cmd()
        .args(["glossary", "export", "--format", "tbx", "-o"])
        .arg(&tbx)
        .assert()
        .success();
    let text = std::fs::read_to_string(&tbx).unwrap();
    assert!(text.contains(r#"<conceptEntry id="i_icesco">"#));
    assert!(text.contains("<term>الإيسيسكو</term>"));
}

#[test]
fn extract_lists_unknown_names_as_contract_csv() {
    let sb = Sandbox::new();
    let doc = sb.write(
        "d.txt",
        "The Heydar Aliyev Center and ICESCO met TURKSOY. The Heydar Aliyev Center agreed.\n",
    );
    let out = sb
        .cmd()
        .args(["glossary", "extract"])
        .arg(&doc)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(HEADER), "{text}");
    assert!(text.contains("x_heydar_aliyev_center,institution,Heydar Aliyev Center"));
    assert!(text.contains("x_turksoy,institution,TURKSOY"));
    assert!(!text.contains(",ICESCO,"));
}

#[test]
fn bad_glossaries_and_inputs_are_errors_not_panics() {
    let sb = Sandbox::new();
    let doc = sb.write("d.txt", "ICESCO\n");
    for (name, content) in [
        ("empty.csv", &b""[..]),
        ("noheader.csv", b"a,b,c\n1,2,3\n"),
        ("binary.csv", b"id,type,en\n\xff\xfe\x00\x01"),
        ("quote.csv", b"id,type,en\nx,term,\"open\n"),
    ] {
        let g = sb.write(name, content);
        sb.cmd()
            .arg("--glossary")
            .arg(&g)
            .args(["glossary", "find"])
            .arg(&doc)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(name));
    }
    let bad = sb.write("bad.tbx", "<martif><text><body><termEntry>");
    sb.cmd()
        .args(["glossary", "import"])
        .arg(&bad)
        .args(["-o", "x.csv"])
        .assert()
        .code(2);
    assert!(!sb.path("x.csv").exists());
}

#[test]
fn search_and_add_see_spellings_in_other_scripts() {
    let sb = Sandbox::new();
    let g = sb.path("mine.csv");
    sb.cmd()
        .args(["glossary", "add"])
        .arg(&g)
        .args(["--id", "p_tokayev", "--type", "person"])
        .args(["--en", "Kassym-Jomart Tokayev"])
        .assert()
        .success();
    let glossary = ["--no-default-glossaries", "--glossary", "mine.csv"];
    for query in ["Тоқаев", "Токаев", "Kasym-Zhomart Tokaev"] {
        sb.cmd()
            .args(glossary)
            .args(["glossary", "search", query])
            .assert()
            .success()
            .stdout(predicate::str::starts_with("p_tokayev"));
    }
    // A Kazakh-only entry for the same person: a warning names the entry it may duplicate.
    sb.cmd()
        .args(["--no-default-glossaries", "glossary", "add"])
        .arg(&g)
        .args(["--id", "p_tokayev_kk", "--type", "person"])
        .args(["--kk", "Қасым-Жомарт Тоқаев"])
        .assert()
        .success()
        .stderr(predicate::str::contains("p_tokayev"));
}
