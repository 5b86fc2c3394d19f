//! `tarjuman search`: a concordance that folds case the Turkic way, ignores Arabic diacritics on
//! request, falls back for short patterns, and follows the store.

use predicates::prelude::*;

use crate::common::{Sandbox, run_jsonl};

const TSV: &str = "en\taz\tar\n\
Open the file\tFaylı aç\tافتح الملف\n\
ISTANBUL office\tİSTANBUL ofisi\tمكتب إسطنبول\n\
Istanbul and Izmir\tIğdır və İzmir\tإسطنبول وإزمير\n\
Muhammad said\tMəhəmməd dedi\tقال مُحَمَّدٌ\n\
Ahmad\tƏhməd\tأحمد\n";

fn sandbox() -> Sandbox {
    let sb = Sandbox::new();
    let tsv = sb.write("tm.tsv", TSV);
    sb.cmd().arg("import").arg(tsv).assert().success();
    sb
}

/// (unit, lang, matched texts) of each hit.
fn hits(sb: &Sandbox, args: &[&str]) -> Vec<(i64, String, Vec<String>)> {
    run_jsonl(
        sb.cmd()
            .arg("search")
            .args(args)
            .args(["--format", "jsonl"]),
    )
    .iter()
    .map(|v| {
        let text: Vec<char> = v["text"].as_str().unwrap().chars().collect();
        let found = v["spans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let (a, b) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
                text[a as usize - 1..b as usize - 1].iter().collect()
            })
            .collect();
        (
            v["unit"].as_i64().unwrap(),
            v["lang"].as_str().unwrap().to_string(),
            found,
        )
    })
    .collect()
}

fn found(hits: &[(i64, String, Vec<String>)]) -> Vec<String> {
    hits.iter().flat_map(|h| h.2.clone()).collect()
}

#[test]
fn case_folding_follows_the_language_of_each_text() {
    let sb = sandbox();
    // In Azerbaijani, "istanbul" is İSTANBUL, not Istanbul; in English both fold to it.
    let az = hits(&sb, &["--lang", "az", "-i", "istanbul"]);
    assert_eq!(found(&az), ["İSTANBUL"]);
    let en = hits(&sb, &["--lang", "en", "-i", "istanbul"]);
    assert_eq!(found(&en), ["ISTANBUL", "Istanbul"]);
    let dotless = hits(&sb, &["-i", "ığdır"]);
    assert_eq!(found(&dotless), ["Iğdır"]);
    // Without --ignore-case, case counts.
    assert!(hits(&sb, &["istanbul"]).is_empty());
    let exact = hits(&sb, &["İzmir"]);
    assert_eq!(found(&exact), ["İzmir"]);
}

#[test]
fn arabic_diacritics_are_ignored_on_request() {
    let sb = sandbox();
    assert!(hits(&sb, &["محمد"]).is_empty());
    let blind = hits(&sb, &["--ignore-diacritics", "محمد"]);
    assert_eq!(found(&blind), ["مُحَمَّدٌ"]);
    let alef = hits(&sb, &["--ignore-diacritics", "--lang", "ar", "احمد"]);
    assert_eq!(found(&alef), ["أحمد"]);
}

#[test]
fn short_patterns_are_found_without_trigrams() {
    let sb = sandbox();
    let hits = hits(&sb, &["--lang", "az", "İ"]);
    assert_eq!(
        hits.iter().map(|h| h.0).collect::<Vec<_>>(),
        [2, 3],
        "{hits:?}"
    );
    assert_eq!(hits[1].2, ["İ"]);
}

#[test]
fn phrases_of_common_words_are_found_whole_or_cut_inside_words() {
    let sb = Sandbox::new();
    let tsv = sb.write(
        "tm.tsv",
        "en\taz\tkk\tar\n\
         Open the file for the user\tİstifadəçi üçün faylı aç\tПайдаланушы үшін файлды аш\tافتح الْمَلَف لِلْمُسْتَخْدِم\n\
         Save the file\tFaylı saxla\tФайлды сақта\tاحفظ الملف\n\
         The the the end\tSON ÜÇÜN İŞ\tүшін үшін\tفي الملف في\n",
    );
    sb.cmd().arg("import").arg(tsv).assert().success();
    let units = |args: &[&str]| hits(&sb, args).iter().map(|h| h.0).collect::<Vec<_>>();
    // Cut inside words at both ends, at one end, or whole words.
    assert_eq!(found(&hits(&sb, &["he fil"])), ["he fil", "he fil"]);
    assert_eq!(units(&["the file"]), [1, 2]);
    assert_eq!(units(&["file for the"]), [1]);
    assert_eq!(units(&["e for th"]), [1]);
    assert_eq!(units(&["-i", "the the the"]), [3]);
    assert!(units(&["the the the"]).is_empty());
    assert!(units(&["file the"]).is_empty());
    // Azerbaijani case folding, Cyrillic and Arabic diacritics in phrases.
    assert_eq!(
        found(&hits(&sb, &["-i", "--lang", "az", "son üçün iş"])),
        ["SON ÜÇÜN İŞ"]
    );
    assert!(units(&["-i", "--lang", "az", "son üçün ış"]).is_empty());
    assert_eq!(units(&["үшін файлды"]), [1]);
    assert_eq!(units(&["үшін үшін"]), [3]);
    assert_eq!(units(&["--ignore-diacritics", "افتح الملف"]), [1]);
    assert_eq!(units(&["--ignore-diacritics", "الملف في"]), [3]);
    assert!(units(&["افتح الملف"]).is_empty());
}

#[test]
fn human_output_marks_hits_and_shows_translations() {
    let sb = sandbox();
    sb.cmd()
        .args(["search", "file"])
        .assert()
        .success()
        .stdout(predicate::str::contains("#1 en: Open the ⟦file⟧"))
        .stdout(predicate::str::contains("az: Faylı aç"))
        .stdout(predicate::str::contains("ar: افتح الملف"));
    sb.cmd()
        .args(["search", "nowhere"])
        .assert()
        .success()
        .stdout(predicate::str::contains("No occurrence"));
    // "More" only when there are more hits than shown.
    sb.cmd()
        .args(["search", "--limit", "1", "file"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--limit shows more").not());
    sb.cmd()
        .args(["search", "--limit", "1", "-i", "istanbul"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "(the first 1 hits; --limit shows more)",
        ));
    let out = sb
        .cmd()
        .args([
            "search", "--limit", "2", "--format", "json", "-i", "istanbul",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["hits"].as_array().unwrap().len(), 2);
    assert_eq!(json["more"], true);
}

#[test]
fn the_index_follows_the_store() {
    let sb = sandbox();
    assert_eq!(hits(&sb, &["-i", "office"]).len(), 1);
    let more = sb.write("more.tsv", "en\taz\nBranch office\tFilial ofisi\n");
    sb.cmd().arg("import").arg(more).assert().success();
    let after = hits(&sb, &["-i", "office"]);
    assert_eq!(after.iter().map(|h| h.0).collect::<Vec<_>>(), [2, 6]);
    assert_eq!(hits(&sb, &["--limit", "1", "-i", "office"]).len(), 1);
    // The word index follows too: a phrase asks it.
    let phrase = hits(&sb, &["-i", "branch office"]);
    assert_eq!(phrase.iter().map(|h| h.0).collect::<Vec<_>>(), [6]);
}

#[test]
fn bad_searches_say_what_is_wrong() {
    let sb = sandbox();
    sb.cmd()
        .args(["search", "  "])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("search pattern is empty"));
    sb.cmd()
        .args(["search", "--lang", "kk", "file"])
        .assert()
        .success()
        .stderr(predicate::str::contains("no text in kk"));
    let empty = Sandbox::new();
    empty
        .cmd()
        .args(["search", "file"])
        .assert()
        .success()
        .stdout(predicate::str::contains("No occurrence"));
    let long = "ab".repeat(50_000);
    sb.cmd()
        .args(["search", "--", &long])
        .assert()
        .success()
        .stdout(predicate::str::contains("No occurrence"));
}

#[test]
fn messages_are_localized() {
    let sb = sandbox();
    sb.cmd()
        .args(["--lang", "kk", "search", "--lang", "en", "nowhere"])
        .assert()
        .success()
        .stdout(predicate::str::contains("табылмады"));
    // The interface language alone does not restrict the search.
    sb.cmd()
        .args(["--lang", "ar", "search", "file"])
        .assert()
        .success()
        .stdout(predicate::str::contains("افتح الملف"))
        .stderr(predicate::str::is_empty());
}
