//! Data-driven checks of the tagger and the sentence splitter on invented sentences.

use chronicle_model::PartialDate;
use chronicle_time::{split_sentences, tag};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Tags `sentence` with `dct` and renders the tags as the fixture writes them.
fn check(dct: &str, sentence: &str) -> String {
    let dct: Option<PartialDate> = if dct == "-" { None } else { dct.parse().ok() };
    let sentences = split_sentences(sentence);
    let tags = tag(sentence, &sentences, dct);
    tags.iter()
        .map(|t| {
            let kind = serde_json::to_value(t.kind).unwrap();
            let mut s = format!("{}|{}|{}", t.text, kind.as_str().unwrap_or(""), t.value);
            if let Some(m) = &t.modifier {
                s.push('|');
                s.push_str(m);
            }
            s
        })
        .collect::<Vec<_>>()
        .join(" ;; ")
}

#[test]
fn timex_fixtures() {
    let mut failures = Vec::new();
    for (n, line) in fixture("timex.tsv").lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (dct, sentence, expected) = (cols[0], cols[1], cols.get(2).copied().unwrap_or(""));
        let got = check(dct, sentence);
        if got != expected {
            failures.push(format!(
                "line {}: {sentence}\n  expected: {expected}\n  got:      {got}",
                n + 1
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn sentence_fixtures() {
    // Each block is a text; its expected sentences follow "=>" lines.
    let data = fixture("sentences.txt");
    for block in data.split("\n---\n") {
        let (text, expected) = block
            .split_once("\n=>\n")
            .expect("block has a => separator");
        let got: Vec<String> = split_sentences(text).into_iter().map(|s| s.text).collect();
        let want: Vec<&str> = expected.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(got, want, "text: {text}");
    }
}

#[test]
fn sentence_offsets_point_into_text() {
    let text = "Héllo wörld. Ünïcode “quotes.” End…\n\nNext";
    for s in split_sentences(text) {
        assert_eq!(&text[s.start..s.end], s.text);
    }
}
