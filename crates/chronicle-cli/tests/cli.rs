//! The `chronicle` binary as a user runs it: outputs of the demo corpus
//! (snapshots), exit codes, and bad input reported without stopping the batch.

mod common;

use common::{chronicle, scratch};
use std::path::Path;

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn demo_outputs_match_their_snapshots() {
    let out = scratch("demo");
    let o = chronicle(&["demo", "-q", "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    insta::assert_snapshot!("demo_timeline_md", read(&out, "timeline.md"));
    insta::assert_snapshot!("demo_timeline_json", read(&out, "timeline.json"));
    insta::assert_snapshot!("demo_timelinejs_json", read(&out, "timelinejs.json"));
    // documents.jsonl is large: snapshot what identifies and dates each document.
    let summary: Vec<String> = read(&out, "documents.jsonl")
        .lines()
        .map(|l| {
            let d: serde_json::Value = serde_json::from_str(l).unwrap();
            format!(
                "{} | {} | {} | {} | {} sentences, {} timexes",
                d["id"].as_str().unwrap_or(""),
                d["title"].as_str().unwrap_or(""),
                d["published"]["date"].as_str().unwrap_or("-"),
                d["published"]["how"].as_str().unwrap_or(""),
                d["sentences"].as_array().map_or(0, Vec::len),
                d["timexes"].as_array().map_or(0, Vec::len),
            )
        })
        .collect();
    insta::assert_snapshot!("demo_documents_summary", summary.join("\n"));
}

#[test]
fn timeline_html_is_one_file_without_external_requests() {
    let out = scratch("html");
    let o = chronicle(&["demo", "-q", "-o", out.to_str().unwrap()]);
    assert!(o.status.success());
    let html = read(&out, "timeline.html").to_lowercase();
    for forbidden in [
        "<script", " src=", "<link", "@import", "url(", "<iframe", "<img",
    ] {
        assert!(
            !html.contains(forbidden),
            "timeline.html contains {forbidden:?}"
        );
    }
    assert!(html.contains("content-security-policy"));
    assert!(html.trim_end().ends_with("</html>"));
}

#[test]
fn bad_inputs_are_reported_and_the_rest_goes_on() {
    let dir = scratch("bad");
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.join("binary.bin"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0],
    )
    .unwrap();
    std::fs::write(
        dir.join("good.txt"),
        "Harbour reopens after storm\n\nThe harbour at Port Ellery reopened on Tuesday after a week of repairs, the port authority said.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("batch.jsonl"),
        "{\"id\": \"a\", \"text\": \"The ferry resumed service on Monday after the strike ended, the operator said.\"}\nnot json\n",
    )
    .unwrap();
    let out = dir.join("out");
    let o = chronicle(&["build", dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    let stderr = common::stderr(&o);
    assert!(o.status.success(), "{stderr}");
    assert!(stderr.contains("empty.txt"), "{stderr}");
    assert!(stderr.contains("binary.bin"), "{stderr}");
    assert!(
        stderr.contains("batch.jsonl") && stderr.contains("line 2"),
        "{stderr}"
    );
    assert!(stderr.contains("2 documents"), "{stderr}");
    assert_eq!(read(&out, "documents.jsonl").lines().count(), 2);

    let strict = chronicle(&[
        "build",
        "--strict",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        strict.status.code(),
        Some(1),
        "--strict fails when something was skipped"
    );
}

#[test]
fn nothing_readable_is_an_error_and_bad_usage_exits_2() {
    let dir = scratch("none");
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    let o = chronicle(&[
        "build",
        dir.to_str().unwrap(),
        "-o",
        dir.join("out").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(common::stderr(&o).contains("no document could be read"));

    let missing = chronicle(&[
        "build",
        "/nonexistent/chronicle/input",
        "-o",
        dir.join("o").to_str().unwrap(),
    ]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(common::stderr(&missing).contains("/nonexistent/chronicle/input"));

    assert_eq!(chronicle(&["build"]).status.code(), Some(2));
    assert_eq!(chronicle(&["no-such-command"]).status.code(), Some(2));
}

#[test]
fn stdin_is_read_with_a_dash() {
    let o = common::chronicle_with_stdin(
        &["extract", "--jsonl", "-q", "-"],
        b"Ferry strike ends\n\nThe ferry strike ended yesterday after six weeks, the union said on Tuesday.\n",
    );
    assert!(o.status.success());
    let d: serde_json::Value =
        serde_json::from_str(common::stdout(&o).lines().next().unwrap()).unwrap();
    assert_eq!(d["id"], "stdin");
    assert_eq!(d["title"], "Ferry strike ends");
}

#[test]
fn entity_timeline_keeps_only_documents_naming_the_entity_under_any_alias() {
    let demo = common::demo_corpus();
    let demo = common::path_str(&demo);
    let out = scratch("entity");
    let o = chronicle(&[
        "build",
        demo,
        "-q",
        "-o",
        out.to_str().unwrap(),
        "--entity",
        "ms varo",
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let t: serde_json::Value = serde_json::from_str(&read(&out, "timeline.json")).unwrap();
    let entity = t["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["text"] == "Ms Varo")
        })
        .expect("the entity is listed");
    let named_in: Vec<&str> = entity["docs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    let documents = t["documents"].as_array().unwrap();
    assert!(!documents.is_empty());
    assert!(documents.len() < 20, "the other documents are left out");
    for d in documents {
        assert!(named_in.contains(&d["id"].as_str().unwrap()), "{d}");
    }
    assert!(read(&out, "timeline.md").starts_with("# Timeline: ms varo"));

    let o = chronicle(&[
        "build",
        demo,
        "-q",
        "-o",
        out.to_str().unwrap(),
        "--entity",
        "Nobody Atall",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = common::stderr(&o);
    assert!(err.contains("no entity named \"Nobody Atall\""), "{err}");
}

/// A page that does not declare its language is tagged with the rules of the
/// language its text is in; one that declares it keeps what it declares.
#[test]
fn undeclared_language_is_recognised_from_the_text() {
    let extract = |input: &[u8]| -> serde_json::Value {
        let o = common::chronicle_with_stdin(&["extract", "--jsonl", "-q", "-"], input);
        assert!(o.status.success(), "{}", common::stderr(&o));
        serde_json::from_str(common::stdout(&o).lines().next().unwrap()).unwrap()
    };
    let french = extract(
        r#"{"id": "f", "published": "2021-07-28", "text": "La grève des ferries a pris fin hier après six semaines, a annoncé le syndicat, qui négociait depuis le mois dernier avec la direction."}"#
            .as_bytes(),
    );
    assert_eq!(french["language"], "fr");
    let values: Vec<(&str, &str)> = (french["timexes"].as_array().unwrap().iter())
        .map(|t| (t["text"].as_str().unwrap(), t["value"].as_str().unwrap()))
        .collect();
    assert!(values.contains(&("hier", "2021-07-27")), "{values:?}");
    assert!(values.contains(&("six semaines", "P6W")), "{values:?}");
    assert!(
        values.contains(&("le mois dernier", "2021-06")),
        "{values:?}"
    );

    // Regression: a page dated by inference was tagged again with English rules.
    let undated = extract(
        "Fin de la grève\n\nLa grève des ferries a pris fin après six semaines, le 3 mars 2021, a \
         annoncé le syndicat, qui négociait depuis le mois de janvier avec la direction.\n"
            .as_bytes(),
    );
    assert_eq!(undated["language"], "fr");
    assert_eq!(undated["published"]["how"], "inferred");
    let texts: Vec<&str> = (undated["timexes"].as_array().unwrap().iter())
        .map(|t| t["text"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&"six semaines"), "{texts:?}");

    let declared = extract(
        r#"{"id": "a", "language": "en", "published": "2021-07-28", "text": "La grève des ferries a pris fin hier, a annoncé le syndicat."}"#
            .as_bytes(),
    );
    assert_eq!(declared["language"], "en");
}
