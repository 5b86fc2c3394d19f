//! The command line as a whole: exit codes, interface language, help.

use predicates::prelude::*;

use crate::common::{Sandbox, assert_snapshot};

#[test]
fn exit_code_2_for_usage_errors() {
    let sb = Sandbox::new();
    sb.cmd().arg("no-such-command").assert().code(2);
    sb.cmd().arg("import").assert().code(2);
    sb.cmd().args(["export"]).assert().code(2);
}

#[test]
fn exit_code_0_for_help_and_version() {
    let sb = Sandbox::new();
    sb.cmd()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("import"));
    sb.cmd()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("tarjuman"));
}

#[test]
fn exit_code_2_and_a_named_file_for_a_missing_input() {
    let sb = Sandbox::new();
    sb.cmd()
        .args(["import", "missing.tmx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.tmx"));
    assert!(!sb.db().exists(), "a failed import must not create a store");
}

#[test]
fn errors_speak_the_interface_language() {
    let sb = Sandbox::new();
    sb.cmd()
        .args(["--lang", "az", "import", "missing.tmx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("xəta:"));
    sb.cmd()
        .args(["--lang", "ar", "import", "missing.tmx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("خطأ"));
    sb.cmd()
        .env("LANG", "kk_KZ.UTF-8")
        .args(["import", "missing.tmx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("қате:"));
    sb.cmd()
        .env("LANG", "az_AZ.UTF-8")
        .args(["import", "missing.tmx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("xəta:"));
}

#[test]
fn an_unknown_interface_language_warns_once_and_uses_english() {
    let sb = Sandbox::new();
    sb.cmd()
        .args(["--lang", "xx-YY", "--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Usage"))
        .stderr(predicate::str::contains("xx-YY").count(1));
}

#[test]
fn stats_of_a_missing_store_is_empty_and_creates_nothing() {
    let sb = Sandbox::new();
    assert_eq!(sb.units(), 0);
    assert!(!sb.db().exists());
}

/// An import error and the top-level help, as each interface language prints them.
#[test]
fn import_error_and_help_snapshots_in_each_language() {
    let sb = Sandbox::new();
    sb.write(
        "broken.tmx",
        "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\n<header srclang=\"en\"/>\n<body>\n\
         <tu><tuv xml:lang=\"en\"><seg>Open file</seg></tuv>\n</body>\n</tmx>\n",
    );
    for lang in ["en", "az", "kk", "ar"] {
        let out = sb
            .cmd()
            .args(["--lang", lang, "import", "broken.tmx"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{lang}");
        assert_snapshot(
            &format!("import-error.{lang}.txt"),
            &String::from_utf8_lossy(&out.stderr),
        );
        let out = sb.cmd().args(["--lang", lang, "--help"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{lang}");
        assert_snapshot(
            &format!("help.{lang}.txt"),
            &String::from_utf8_lossy(&out.stdout),
        );
    }
}
