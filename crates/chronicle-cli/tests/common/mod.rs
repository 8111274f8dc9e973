//! What the CLI tests share: running the binary, scratch directories, and
//! the corpora (the bundled demo, `../shared`, skipped when absent).
// Each test file uses a part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `chronicle` with `args`.
pub fn chronicle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(args)
        .output()
        .expect("chronicle runs")
}

/// Runs `chronicle` with `args`, writing `input` to its standard input.
pub fn chronicle_with_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chronicle runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("stdin written");
    child.wait_with_output().expect("chronicle ends")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The exit code (-1 when killed by a signal).
pub fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// Standard output of a run that must succeed (else its standard error).
pub fn success(o: &Output) -> String {
    assert!(o.status.success(), "chronicle failed: {}", stderr(o));
    stdout(o)
}

/// A fresh, empty directory in the temp area, one per test process and name.
pub fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("chronicle-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// A path inside this crate (fixtures).
pub fn in_crate(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The bundled demo corpus.
pub fn demo_corpus() -> PathBuf {
    in_crate("../../demo/corpus")
}

/// chronicle-tls's invented corpus in Timeline17's layout.
pub fn tls_fixture_corpus() -> PathBuf {
    in_crate("../chronicle-tls/tests/fixtures/corpus")
}

/// `../shared/corpora/<rel>`, or `None` (saying so) when it is absent.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let dir = in_crate("../../../shared/corpora").join(rel);
    if dir.exists() {
        Some(dir)
    } else {
        eprintln!("skipping: ../shared not found ({})", dir.display());
        None
    }
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}
