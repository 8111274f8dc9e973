//! `chronicle ask`: answers with citations, JSON output, exit status.

use std::path::PathBuf;
use std::process::Command;

fn chronicle(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .arg("-q")
        .args(args)
        .output()
        .expect("run chronicle");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn demo() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../demo/corpus").to_string()
}

#[test]
fn answers_a_how_many_question_as_json_with_its_source() {
    let (code, out) = chronicle(&[
        "ask",
        "How many people were displaced from the Haskel valley in February 2020?",
        &demo(),
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
    let (code, out) = chronicle(&["ask", "When was the Tolvash Dam inaugurated?", &demo()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("2023-05-20"), "{out}");
    assert!(
        out.contains("[warc/crawl/6, Velmara Today, published 2023-05-20]"),
        "{out}"
    );
    let (code, out) = chronicle(&["ask", "Who is Tomas Brell?", &demo()]);
    assert_eq!(code, 1);
    assert!(out.contains("do not mention Tomas Brell"), "{out}");
}

#[test]
fn seed_troops_in_december_2011() {
    let seeds = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/seeds"
    ));
    if !seeds.is_dir() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let seeds = seeds.to_string_lossy().into_owned();
    let (code, out) = chronicle(&[
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
    let (_, out) = chronicle(&[
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
