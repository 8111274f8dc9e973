//! `chronicle ask`: answers with citations, JSON output, exit status.

mod common;

use common::{code, demo_corpus, path_str, shared, stdout};

/// `chronicle -q ARGS`: the exit code and standard output.
fn ask(args: &[&str]) -> (i32, String) {
    let mut all = vec!["-q"];
    all.extend_from_slice(args);
    let o = common::chronicle(&all);
    (code(&o), stdout(&o))
}

#[test]
fn answers_a_how_many_question_as_json_with_its_source() {
    let (code, out) = ask(&[
        "ask",
        "How many people were displaced from the Haskel valley in February 2020?",
        path_str(&demo_corpus()),
        "--json",
    ]);
    assert_eq!(code, 0, "{out}");
    let a: serde_json::Value = serde_json::from_str(&out).expect("JSON answer");
    assert_eq!(a["answered"], true);
    assert_eq!(a["value"], 8500.0);
    let docs: Vec<&str> = a["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter_map(|s| s["doc"].as_str())
        .collect();
    assert!(
        docs.contains(&"warc/crawl/4") && docs.contains(&"text/opr-talks-stall"),
        "{docs:?}"
    );
}

#[test]
fn prints_the_cited_sentence_and_says_when_the_documents_do_not_answer() {
    let (code, out) = ask(&[
        "ask",
        "When was the Tolvash Dam inaugurated?",
        path_str(&demo_corpus()),
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("2023-05-20"), "{out}");
    assert!(
        out.contains("[warc/crawl/6, Velmara Today, published 2023-05-20]"),
        "{out}"
    );
    let (code, out) = ask(&["ask", "Who is Tomas Brell?", path_str(&demo_corpus())]);
    assert_eq!(code, 1);
    assert!(out.contains("do not mention Tomas Brell"), "{out}");
}

#[test]
fn seed_troops_in_december_2011() {
    let Some(seeds) = shared("seeds") else {
        return;
    };
    let seeds = seeds.to_string_lossy().into_owned();
    let (code, out) = ask(&[
        "ask",
        "How many US troops were in Iraq in December 2011?",
        &seeds,
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("6,000 (US troops in Iraq, 2011-12"),
        "{out}"
    );
    assert!(
        out.contains("There are just 6,000 US soldiers still in Iraq"),
        "{out}"
    );
    assert!(out.contains("001_3363aea4f4f1204e, GlobalPost"), "{out}");
    let (_, out) = ask(&[
        "ask",
        "How many US troops were in Iraq in July 2021?",
        &seeds,
    ]);
    assert!(
        out.starts_with("about 2,500 (US troops in Iraq, 2021-07"),
        "{out}"
    );
    assert!(out.contains("about 2,500 U.S. troops"), "{out}");
}
