//! `chronicle eval tls` on chronicle-tls's invented fixture corpus, and
//! `chronicle build --method`.

mod common;

use common::{chronicle, scratch, tls_fixture_corpus as fixture};

#[test]
fn eval_tls_reports_json_and_writes_timelines() {
    let out = scratch("eval-tls");
    let corpus = fixture();
    let output = chronicle(&[
        "eval",
        "tls",
        corpus.to_str().expect("utf-8 path"),
        "--method",
        "mentions",
        "--json",
        "--out",
        out.to_str().expect("utf-8 path"),
    ]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    assert_eq!(report["method"], "mentions");
    assert_eq!(report["pairs"], 1);
    let pair = &report["topics"][0]["pairs"][0];
    assert_eq!(pair["timeline"], "tl");
    assert!(
        pair["scores"]["date"]["f1"].as_f64().unwrap_or(0.0) > 0.5,
        "{pair}"
    );
    let written =
        std::fs::read_to_string(out.join("ferry_strike/tl.txt")).expect("timeline written");
    assert!(written.contains("2031-03-08\n"), "{written}");
    assert!(written.contains("--------------------------------"));
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn eval_tls_verbose_text_and_bad_method() {
    let corpus = fixture();
    let output = chronicle(&[
        "eval",
        "tls",
        corpus.to_str().expect("utf-8 path"),
        "--verbose",
    ]);
    assert!(output.status.success());
    let text = common::stdout(&output);
    assert!(text.contains("method: ranker"), "{text}");
    assert!(text.contains("ferry_strike"), "{text}");
    assert!(text.contains("average over 1 pairs: AR1"), "{text}");
    // The fixture corpus lacks the pairs news-tls was run on.
    assert!(!text.contains("news-tls subset"), "{text}");
    let bad = chronicle(&[
        "eval",
        "tls",
        corpus.to_str().expect("utf-8 path"),
        "--method",
        "nope",
    ]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn build_accepts_a_method() {
    let out = scratch("build-method");
    let input = fixture().join("ferry_strike/InputDocs");
    let output = chronicle(&[
        "-q",
        "build",
        input.to_str().expect("utf-8 path"),
        "-o",
        out.to_str().expect("utf-8 path"),
        "--method",
        "mentions",
    ]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    assert!(out.join("timeline.json").is_file());
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn eval_tls_trains_a_sentence_scorer_and_scores_with_it() {
    let model = scratch("sentences").join("model.json");
    let corpus = fixture();
    let corpus = corpus.to_str().expect("utf-8 path");
    let model_path = model.to_str().expect("utf-8 path");
    let output = chronicle(&["-q", "eval", "tls", corpus, "--train-sentences", model_path]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&model).expect("model written"))
            .expect("JSON model");
    assert_eq!(written["features"][0], "centroid_similarity");
    assert_eq!(written["trained_on"][0], "ferry_strike");
    let _ = std::fs::remove_file(&model);
    let scored = chronicle(&["eval", "tls", corpus, "--learned-sentences", "--json"]);
    assert!(scored.status.success());
    let report: serde_json::Value = serde_json::from_slice(&scored.stdout).expect("JSON report");
    assert!(
        report["average"]["ar1"]["f1"].as_f64().unwrap_or(0.0) > 0.0,
        "{report}"
    );
}

#[cfg(not(feature = "embeddings"))]
#[test]
fn embeddings_without_the_feature_say_how_to_get_them() {
    let corpus = fixture();
    let output = chronicle(&[
        "eval",
        "tls",
        corpus.to_str().expect("utf-8 path"),
        "--embeddings",
        "models/all-MiniLM-L6-v2",
    ]);
    assert!(!output.status.success());
    let stderr = common::stderr(&output);
    assert!(
        stderr.contains("--features embeddings") && stderr.contains("setup-minilm.sh"),
        "{stderr}"
    );
}

#[cfg(feature = "embeddings")]
#[test]
fn embeddings_from_a_missing_model_name_the_file() {
    let corpus = fixture();
    let output = chronicle(&[
        "eval",
        "tls",
        corpus.to_str().expect("utf-8 path"),
        "--embeddings",
        "/nonexistent/minilm",
    ]);
    assert!(!output.status.success());
    let stderr = common::stderr(&output);
    assert!(
        stderr.contains("/nonexistent/minilm/model.safetensors"),
        "{stderr}"
    );
}
