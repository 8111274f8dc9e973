//! `chronicle eval extraction` on the shared benchmark pages (skipped when
//! ../shared is absent) and on a missing directory.

use std::path::PathBuf;
use std::process::Command;

fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/"
    ))
    .join(rel);
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared not found");
        None
    }
}

/// Runs the command with `--json` and checks the F1 floor.
fn check(dataset: &str, rel: &str, floor: f64) {
    let Some(dir) = shared(rel) else { return };
    let out = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(["eval", "extraction", "--dataset", dataset, "--json"])
        .arg(&dir)
        .output()
        .expect("run chronicle");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let f1 = v["f1"].as_f64().expect("f1");
    assert!(f1 >= floor, "{dataset}: F1 {f1} below {floor}");
    assert_eq!(
        v["per_page"].as_array().map(Vec::len),
        v["pages"].as_u64().map(|n| n as usize)
    );
}

#[test]
fn scrapinghub_scores_above_floor() {
    check("scrapinghub", "extraction/scrapinghub", 0.965);
}

#[test]
fn fundus_scores_body_title_and_authors() {
    check("fundus", "news/fundus", 0.90);
}

#[test]
fn missing_directory_fails() {
    let out = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args([
            "eval",
            "extraction",
            "--dataset",
            "trafilatura",
            "/nonexistent/dir",
        ])
        .output()
        .expect("run chronicle");
    assert!(!out.status.success());
}
