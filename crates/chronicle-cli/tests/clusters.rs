//! `--method clusters` (event clustering) through the CLI: `chronicle build`
//! on the demo corpus and `chronicle eval tls` on chronicle-tls's fixture.

mod common;

use common::{chronicle, demo_corpus, scratch, stderr, stdout, tls_fixture_corpus};

#[test]
fn build_with_clusters_gives_the_demo_story() {
    let out = scratch("clusters");
    let output = chronicle(&[
        "-q",
        "build",
        demo_corpus().to_str().expect("utf-8 path"),
        "-o",
        out.to_str().expect("utf-8 path"),
        "--method",
        "clusters",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::fs::read_to_string(out.join("timeline.json")).expect("timeline written");
    let _ = std::fs::remove_dir_all(&out);
    let timeline: serde_json::Value = serde_json::from_str(&text).expect("JSON timeline");
    let entries = timeline["entries"].as_array().expect("entries");
    let dates: Vec<&str> = entries.iter().filter_map(|e| e["date"].as_str()).collect();
    // The story's events (demo/README.md), each a day reported by several outlets.
    for day in [
        "2018-04-17",
        "2019-03-03",
        "2019-05-14",
        "2020-02-10",
        "2021-09-13",
        "2022-06-20",
        "2023-05-20",
    ] {
        let entry = entries
            .iter()
            .find(|e| e["date"] == day)
            .unwrap_or_else(|| panic!("{day} missing from {dates:?}"));
        let docs = entry["docs"].as_array().map_or(0, Vec::len);
        assert!(docs >= 2, "{day}: {docs} documents");
    }
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, dates);
    let ids: Vec<&str> = timeline["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter_map(|d| d["id"].as_str())
        .collect();
    for entry in entries {
        let summary = entry["summary"].as_array().expect("summary");
        assert!(!summary.is_empty(), "{entry}");
        for citation in summary {
            let doc = citation["doc"].as_str().unwrap_or("");
            assert!(ids.contains(&doc), "{citation}");
        }
    }
}

#[test]
fn eval_tls_runs_the_clusters_method() {
    let corpus = tls_fixture_corpus();
    let output = chronicle(&[
        "eval",
        "tls",
        corpus.to_str().expect("utf-8 path"),
        "--method",
        "clusters",
        "--loo",
        "--verbose",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("method: clusters"), "{text}");
    assert!(text.contains("average over 1 pairs: AR1"), "{text}");
}
