//! `chronicle eval pubdate` on invented pages in htmldate-eval's layout
//! (`tests/fixtures/pubdate`), and on the shared data sets when `../shared`
//! is present (floors at the level reached; raise them, never lower).

mod common;

use common::{chronicle, shared};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    common::in_crate("tests/fixtures/pubdate")
}

fn json_report(dataset: &str, dir: &Path) -> Value {
    let out = chronicle(&[
        "-q",
        "eval",
        "pubdate",
        "--dataset",
        dataset,
        dir.to_str().expect("utf-8 path"),
        "--json",
    ]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

fn page<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["pages"]
        .as_array()
        .and_then(|p| p.iter().find(|x| x["id"] == id))
        .unwrap_or_else(|| panic!("no page {id} in {report:#}"))
}

/// One fixture page: its outcome and our date.
fn check(report: &Value, id: &str, outcome: &str, date: Option<&str>) {
    let p = page(report, id);
    assert_eq!(p["outcome"], outcome, "{p:#}");
    assert_eq!(p["predicted"]["date"].as_str(), date, "{p:#}");
}

#[test]
fn fixture_pages_are_dated_and_scored_like_htmldate() {
    let report = json_report("htmldate", &fixture());
    check(&report, "meta.html", "Hit", Some("2022-05-09"));
    // the dateline, not the later date in a prose sentence
    check(&report, "dateline.html", "Hit", Some("2022-03-04"));
    // a photo caption's date is not the publication date
    check(&report, "caption.html", "RightlyNone", None);
    check(&report, "wrong.html", "Wrong", Some("2021-10-05"));
    // an "updated" line showing the @graph's dateModified beats its
    // datePublished: htmldate dates a page by the version it shows
    check(&report, "graph.html", "Hit", Some("2020-11-20"));
    let c = &report["counts"];
    // htmldate counts a page without gold and without output as TN and FN
    assert_eq!(
        (&c["tp"], &c["fp"], &c["tn"], &c["fn_"]),
        (
            &Value::from(3),
            &Value::from(1),
            &Value::from(1),
            &Value::from(1)
        )
    );
    assert_eq!(page(&report, "meta.html")["predicted"]["time"], "07:45");
}

#[test]
fn text_report_lists_the_worst_pages_with_candidates() {
    let dir = fixture();
    let out = chronicle(&[
        "-q",
        "eval",
        "pubdate",
        "--dataset",
        "htmldate",
        dir.to_str().expect("utf-8 path"),
        "--errors",
        "3",
    ]);
    assert!(out.status.success());
    let text = common::stdout(&out);
    assert!(text.contains("htmldate accuracy 0.667"), "{text}");
    assert!(
        text.contains("Wrong wrong.html gold 2021-10-02 ours 2021-10-05"),
        "{text}"
    );
    assert!(text.contains("candidate Byline"), "{text}");
}

#[test]
fn an_unknown_dataset_is_a_usage_error() {
    let out = chronicle(&["eval", "pubdate", "--dataset", "nope", "."]);
    assert_eq!(out.status.code(), Some(2));
}

fn accuracy_floor(dataset: &str, rel: &str, key: &str, floor: f64) {
    let Some(dir) = shared(rel) else { return };
    let report = json_report(dataset, &dir);
    let c = &report["counts"];
    let n = |k: &str| c[k].as_f64().unwrap_or(0.0);
    let value = match key {
        "accuracy" => (n("tp") + n("tn")) / (n("tp") + n("tn") + n("fp") + n("fn_")),
        _ => n("tp") / n("with_gold"),
    };
    eprintln!("{dataset}: {key} {value:.3}");
    assert!(value >= floor, "{dataset}: {key} {value:.3} < {floor}");
}

#[test]
fn shared_data_sets_stay_above_their_floors() {
    accuracy_floor("htmldate", "pubdate/htmldate-eval", "accuracy", 0.92);
    accuracy_floor("fundus", "news/fundus", "day", 0.98);
    accuracy_floor("trafilatura", "extraction/trafilatura-eval", "day", 0.89);
}
