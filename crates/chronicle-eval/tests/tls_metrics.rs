//! tilse's timeline metrics on hand-computed fixtures (`tests/fixtures/tls_metrics/*/`):
//! `pred.txt`, `ref*.txt` (tilse text format) and `expected.json` with
//! `[precision, recall]` per metric and ROUGE order, and for `date`.

use std::fs;
use std::path::{Path, PathBuf};

use chronicle_eval::rouge::Rouge;
use chronicle_eval::tls::{date_prf, Metric, Prf, Timeline, TimelineEvaluator};
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tls_metrics")
}

fn load(path: &Path) -> Timeline {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Timeline::parse_tilse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn assert_prf(case: &str, what: &str, got: Prf, expected: &Value) {
    let p = expected[0].as_f64().unwrap();
    let r = expected[1].as_f64().unwrap();
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    for (name, g, e) in [
        ("P", got.precision, p),
        ("R", got.recall, r),
        ("F", got.f1, f),
    ] {
        assert!(
            (g - e).abs() < 1e-9,
            "{case} {what} {name}: got {g}, expected {e}"
        );
    }
}

fn check(case: &Path) {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let pred = load(&case.join("pred.txt"));
    let mut ref_paths: Vec<PathBuf> = fs::read_dir(case)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("ref"))
        })
        .collect();
    ref_paths.sort();
    let refs: Vec<Timeline> = ref_paths.iter().map(|p| load(p)).collect();
    let expected: Value =
        serde_json::from_str(&fs::read_to_string(case.join("expected.json")).unwrap()).unwrap();

    assert_prf(&name, "date", date_prf(&pred, &refs), &expected["date"]);
    let evaluator = TimelineEvaluator::new(Rouge::tilse());
    for metric in Metric::ALL {
        let got = evaluator.evaluate(metric, &pred, &refs);
        let exp = &expected[metric.name()];
        assert_prf(
            &name,
            &format!("{metric} rouge_1"),
            got.rouge_1,
            &exp["rouge_1"],
        );
        assert_prf(
            &name,
            &format!("{metric} rouge_2"),
            got.rouge_2,
            &exp["rouge_2"],
        );
    }
    // evaluate_all agrees with evaluate, metric by metric.
    for (metric, scores) in evaluator.evaluate_all(&pred, &refs) {
        assert_eq!(
            scores,
            evaluator.evaluate(metric, &pred, &refs),
            "{name} {metric}"
        );
    }
}

#[test]
fn hand_computed_cases() {
    let mut cases: Vec<PathBuf> = fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 2);
    for case in cases {
        check(&case);
    }
}

#[test]
fn identical_timeline_scores_one_and_empty_scores_zero() {
    let gold = load(&fixtures().join("three_dates/ref1.txt"));
    let evaluator = TimelineEvaluator::new(Rouge::tilse());
    let refs = std::slice::from_ref(&gold);
    for metric in Metric::ALL {
        let s = evaluator.evaluate(metric, &gold, refs);
        assert_eq!(s.rouge_1.f1, 1.0, "{metric}");
        assert_eq!(s.rouge_2.f1, 1.0, "{metric}");
        let empty = evaluator.evaluate(metric, &Timeline::new(), refs);
        assert_eq!(empty.rouge_1, Prf::default(), "{metric}");
    }
    assert_eq!(date_prf(&gold, refs).f1, 1.0);
    assert_eq!(date_prf(&Timeline::new(), refs), Prf::default());
}

#[test]
fn metric_names_round_trip() {
    for metric in Metric::ALL {
        assert_eq!(metric.name().parse::<Metric>(), Ok(metric));
    }
    assert!("align+".parse::<Metric>().is_err());
}
