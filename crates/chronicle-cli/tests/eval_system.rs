//! `chronicle eval extraction --system FILE`: scores texts written by another
//! system (same JSON shape as `--out`) instead of running chronicle's extractor.

mod common;

use common::{code, shared, stderr, stdout};
use std::path::Path;

/// `chronicle -q ARGS`: the exit code, standard output and standard error.
fn run(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["-q"];
    all.extend_from_slice(args);
    let o = common::chronicle(&all);
    (code(&o), stdout(&o), stderr(&o))
}

/// P, R and F1 of a `--json` report.
fn scores(report: &str) -> (f64, f64, f64) {
    let v: serde_json::Value = serde_json::from_str(report).expect("JSON report");
    let get = |k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    (get("precision"), get("recall"), get("f1"))
}

fn eval(dir: &Path, extra: &[&str]) -> (f64, f64, f64) {
    let mut args = vec![
        "eval",
        "extraction",
        "--dataset",
        "scrapinghub",
        dir.to_str().expect("UTF-8 path"),
        "--json",
    ];
    args.extend_from_slice(extra);
    let (status, out, err) = run(&args);
    assert_eq!(status, 0, "{err}");
    scores(&out)
}

#[test]
fn system_file_of_our_own_texts_scores_like_the_direct_run() {
    let Some(dir) = shared("extraction/scrapinghub") else {
        return;
    };
    let scratch = common::scratch("eval-system");
    let texts = scratch.join("own-texts.json");
    let direct = eval(&dir, &["--out", texts.to_str().expect("UTF-8 path")]);
    let given = eval(&dir, &["--system", texts.to_str().expect("UTF-8 path")]);
    assert!(direct.2 > 0.5, "direct run F1 {direct:?}");
    assert_eq!(direct, given);

    // Dropping pages from the file must cost recall: the texts are really read.
    let raw = std::fs::read_to_string(&texts).expect("texts");
    let mut map: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&raw).expect("texts JSON");
    let keys: Vec<String> = map.keys().take(map.len() / 2).cloned().collect();
    for k in keys {
        map.remove(&k);
    }
    let half = scratch.join("half-texts.json");
    std::fs::write(&half, serde_json::to_string(&map).expect("JSON")).expect("write");
    let partial = eval(&dir, &["--system", half.to_str().expect("UTF-8 path")]);
    assert!(partial.1 < direct.1 * 0.7, "{partial:?} vs {direct:?}");
}

#[test]
fn a_system_file_that_is_not_an_object_of_texts_is_an_error() {
    let bad = common::scratch("eval-system-bad").join("bad-texts.json");
    std::fs::write(&bad, "[1, 2, 3]").expect("write");
    let (status, _, err) = run(&[
        "eval",
        "extraction",
        "--dataset",
        "scrapinghub",
        "no-such-dir",
        "--system",
        bad.to_str().expect("UTF-8 path"),
    ]);
    assert_ne!(status, 0);
    assert!(
        err.contains("expected a JSON object of texts keyed by URL"),
        "{err}"
    );
}
