//! `kill -9` in the middle of an import leaves a store that is intact and holds all of that import or
//! none of it.

use std::io::Write;
use std::time::Duration;

use tarjuman::memory::Store;

use crate::common::{Sandbox, shared};

/// A TMX of `n` distinct en/kk units.
fn big_tmx(sb: &Sandbox, n: usize) -> std::path::PathBuf {
    let path = sb.path("big.tmx");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"test\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"test\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body>").unwrap();
    for i in 0..n {
        writeln!(
            out,
            "<tu tuid=\"{i}\"><tuv xml:lang=\"en\"><seg>Open the file number {i} in the editor</seg></tuv><tuv xml:lang=\"kk\"><seg>{i} нөмірлі файлды өңдегіште ашыңыз</seg></tuv></tu>"
        )
        .unwrap();
    }
    writeln!(out, "</body></tmx>").unwrap();
    path
}

/// Starts `tarjuman import FILE` into the sandbox's store and kills it (SIGKILL on Unix) after
/// `delay_ms`, or lets it end if it is done sooner.
fn import_killed_after(sb: &Sandbox, file: &std::path::Path, delay_ms: u64) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("tarjuman"))
        .env("TARJUMAN_DB", sb.db())
        .args(["import", "--quiet"])
        .arg(file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(delay_ms));
    let _ = child.kill();
    child.wait().unwrap();
}

fn check(sb: &Sandbox) -> u64 {
    let store = Store::open_existing(&sb.db()).unwrap().unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    store.unit_count().unwrap()
}

#[test]
fn kill_during_import_is_all_or_nothing() {
    let sb = Sandbox::new();
    let big = big_tmx(&sb, 60_000);
    sb.cmd()
        .arg("import")
        .arg(shared("data/real-tm.csv"))
        .assert()
        .success();
    let base = check(&sb);
    // The first delay is shorter than any import of 60k units takes, so at least one kill lands
    // before the commit, however fast the build.
    let mut rolled_back = 0;
    for delay_ms in [20, 200, 600, 1500] {
        import_killed_after(&sb, &big, delay_ms);
        // The kill may land before the commit (nothing) or after it, while the process still
        // updates indexes or exits (everything); never in between.
        let units = check(&sb);
        assert!(
            units == base || units == base + 60_000,
            "killed after {delay_ms} ms: {} units instead of {base} or {}",
            units,
            base + 60_000
        );
        if units == base + 60_000 {
            break;
        }
        rolled_back += 1;
    }
    assert!(rolled_back > 0, "no kill landed before the commit");
    sb.cmd()
        .args(["import", "--quiet"])
        .arg(&big)
        .assert()
        .success();
    assert_eq!(check(&sb), base + 60_000);
}

/// The files of the sandbox's folder, apart from the TMX.
fn leftovers(sb: &Sandbox) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(sb.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "big.tmx")
        .collect();
    names.sort();
    names
}

#[test]
fn a_killed_first_import_leaves_no_store_and_its_leftovers_go_next_time() {
    let sb = Sandbox::new();
    let big = big_tmx(&sb, 60_000);
    let mut killed = false;
    // The last delay is shorter than any import of 60k units takes.
    for delay_ms in [300, 100, 30, 10] {
        import_killed_after(&sb, &big, delay_ms);
        // The import is built aside and published whole: whatever the moment of the kill, the
        // store's path holds nothing or the whole store (published before the kill landed).
        if sb.db().exists() {
            assert_eq!(check(&sb), 60_000, "a published store holds everything");
            std::fs::remove_file(sb.db()).unwrap();
            continue;
        }
        killed = true;
        assert!(
            leftovers(&sb)
                .iter()
                .all(|n| n.starts_with(".tm.db.import-")),
            "{:?}",
            leftovers(&sb)
        );
        break;
    }
    sb.cmd()
        .args(["import", "--quiet"])
        .arg(&big)
        .assert()
        .success();
    assert_eq!(check(&sb), 60_000);
    assert!(killed, "no kill landed before the store was published");
    assert_eq!(
        leftovers(&sb),
        ["tm.db"],
        "the killed import's folder is gone"
    );
}
