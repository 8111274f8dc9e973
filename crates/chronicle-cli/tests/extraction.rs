//! `chronicle eval extraction` on the shared benchmark pages (skipped when
//! ../shared is absent) and on a missing directory.

mod common;

use common::{chronicle, path_str, shared};

/// Runs the command with `--json` and checks the F1 floor.
fn check(dataset: &str, rel: &str, floor: f64) {
    let Some(dir) = shared(rel) else { return };
    let out = chronicle(&[
        "eval",
        "extraction",
        "--dataset",
        dataset,
        "--json",
        path_str(&dir),
    ]);
    assert!(out.status.success(), "{}", common::stderr(&out));
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
    let out = chronicle(&[
        "eval",
        "extraction",
        "--dataset",
        "trafilatura",
        "/nonexistent/dir",
    ]);
    assert!(!out.status.success());
}
