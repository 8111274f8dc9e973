//! WordPiece ids against Hugging Face `tokenizers` on the model's own
//! tokenizer.json (fixtures from bench/embeddings/make_fixtures.py).

mod common;

use chronicle_embed::{WordPiece, MAX_TOKENS};

#[test]
fn ids_match_hugging_face_tokenizers() {
    let Some(dir) = common::model_dir() else {
        return;
    };
    let tokenizer = WordPiece::from_file(&dir.join("vocab.txt")).expect("vocab");
    let fixture = common::fixture("wordpiece.tsv");
    let mut checked = 0;
    for line in fixture.lines().filter(|l| !l.starts_with('#')) {
        let (text, ids) = line.split_once('\t').expect("two columns");
        let text: String = serde_json_str(text);
        let expected: Vec<u32> = ids
            .split_whitespace()
            .map(|i| i.parse().expect("id"))
            .collect();
        assert_eq!(tokenizer.encode(&text, MAX_TOKENS), expected, "{text:?}");
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} fixture lines");
}

/// The fixture's first column is a JSON string; the escapes it uses are few.
fn serde_json_str(quoted: &str) -> String {
    let inner = quoted
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .expect("a JSON string");
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                let code = u32::from_str_radix(&hex, 16).expect("hex escape");
                out.push(char::from_u32(code).expect("a scalar value"));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}
