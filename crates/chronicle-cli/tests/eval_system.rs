//! `chronicle eval extraction --system FILE`: scores texts written by another
//! system (same JSON shape as `--out`) instead of running chronicle's extractor.

use std::path::{Path, PathBuf};
use std::process::Command;

fn chronicle(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .arg("-q")
        .args(args)
        .output()
        .expect("run chronicle");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn scrapinghub() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/extraction/scrapinghub"
    ));
    dir.is_dir().then_some(dir)
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chronicle-eval-system-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir.join(name)
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
    let (code, out, err) = chronicle(&args);
    assert_eq!(code, 0, "{err}");
    scores(&out)
}

#[test]
fn system_file_of_our_own_texts_scores_like_the_direct_run() {
    let Some(dir) = scrapinghub() else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let texts = scratch("own-texts.json");
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
    let half = scratch("half-texts.json");
    std::fs::write(&half, serde_json::to_string(&map).expect("JSON")).expect("write");
    let partial = eval(&dir, &["--system", half.to_str().expect("UTF-8 path")]);
    assert!(partial.1 < direct.1 * 0.7, "{partial:?} vs {direct:?}");
}

#[test]
fn a_system_file_that_is_not_an_object_of_texts_is_an_error() {
    let bad = scratch("bad-texts.json");
    std::fs::write(&bad, "[1, 2, 3]").expect("write");
    let (code, _, err) = chronicle(&[
        "eval",
        "extraction",
        "--dataset",
        "scrapinghub",
        "no-such-dir",
        "--system",
        bad.to_str().expect("UTF-8 path"),
    ]);
    assert_ne!(code, 0);
    assert!(
        err.contains("expected a JSON object of texts keyed by URL"),
        "{err}"
    );
}
