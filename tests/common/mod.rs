//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A file of the shared, read-only test data (`../shared` beside the project).
pub(crate) fn shared(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(path)
}

/// The JSON objects of JSON-lines output, one per line.
pub(crate) fn parse_jsonl(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

/// Runs `cmd`, which must succeed, and parses its JSON-lines output.
pub(crate) fn run_jsonl(cmd: &mut Command) -> Vec<serde_json::Value> {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    parse_jsonl(&out.stdout)
}

/// Compares `got` with the snapshot `tests/snapshots/NAME`; `UPDATE_SNAPSHOTS=1` rewrites it.
pub(crate) fn assert_snapshot(name: &str, got: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(got, want, "the output differs from {}", path.display());
}

/// A scratch folder with a store path in it.
pub(crate) struct Sandbox {
    pub(crate) dir: tempfile::TempDir,
}

impl Sandbox {
    pub(crate) fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    /// A sandbox whose store holds `../shared/data/real-tm.tmx`.
    pub(crate) fn with_real_tm() -> Sandbox {
        let sb = Sandbox::new();
        sb.cmd()
            .arg("import")
            .arg(shared("data/real-tm.tmx"))
            .assert()
            .success();
        sb
    }

    /// The store the commands use.
    pub(crate) fn db(&self) -> PathBuf {
        self.dir.path().join("tm.db")
    }

    /// A path inside the sandbox.
    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file into the sandbox and returns its path.
    pub(crate) fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, bytes).expect("write test file");
        path
    }

    /// `tarjuman` with this sandbox's store, English messages and no inherited locale.
    pub(crate) fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("tarjuman").expect("binary");
        cmd.current_dir(self.dir.path())
            .env("TARJUMAN_DB", self.db())
            .env_remove("TARJUMAN_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .env("NO_COLOR", "1");
        cmd
    }

    /// The unit count `stats --format json` reports.
    pub(crate) fn units(&self) -> u64 {
        let out = self
            .cmd()
            .args(["stats", "--format", "json"])
            .output()
            .expect("stats");
        assert!(out.status.success(), "stats failed: {out:?}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stats json");
        json["units"].as_u64().expect("units")
    }

    /// The store file's bytes (empty when it does not exist).
    pub(crate) fn store_bytes(&self) -> Vec<u8> {
        std::fs::read(self.db()).unwrap_or_default()
    }
}
