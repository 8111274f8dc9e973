//! Data-driven checks of the tagger and the sentence splitter on invented sentences.

use chronicle_model::PartialDate;
use chronicle_time::{split_sentences, split_sentences_in, tag_in};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Tags `sentence` in `language` with `dct` and renders the tags as the fixture writes them.
fn check(language: &str, dct: &str, sentence: &str) -> String {
    let dct: Option<PartialDate> = if dct == "-" { None } else { dct.parse().ok() };
    let sentences = split_sentences_in(language, sentence);
    let tags = tag_in(language, sentence, &sentences, dct);
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

/// Checks every line of a timex fixture file in `language`; returns the number of lines checked.
fn check_timex_file(name: &str, language: &str) -> usize {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (n, line) in fixture(name).lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (dct, sentence, expected) = (cols[0], cols[1], cols.get(2).copied().unwrap_or(""));
        let got = check(language, dct, sentence);
        checked += 1;
        if got != expected {
            failures.push(format!(
                "line {}: {sentence}\n  expected: {expected}\n  got:      {got}",
                n + 1
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{name}: {} of {checked} lines fail\n{}",
        failures.len(),
        failures.join("\n")
    );
    checked
}

#[test]
fn timex_fixtures() {
    check_timex_file("timex.tsv", "en");
}

#[test]
fn timex_fixtures_spanish() {
    assert!(chronicle_time::languages().any(|code| code == "es"));
    assert!(check_timex_file("timex_es.tsv", "es") >= 30);
    // Region subtags and capitals name the same language.
    assert_eq!(
        check("ES-mx", "2021-07-28", "Llegó hace dos semanas."),
        "hace dos semanas|DATE|2021-W28"
    );
}

#[test]
fn timex_fixtures_french() {
    assert!(check_timex_file("timex_fr.tsv", "fr") >= 50);
}

#[test]
fn timex_fixtures_italian() {
    assert!(check_timex_file("timex_it.tsv", "it") >= 50);
}

/// A language without a data file is tagged as English.
#[test]
fn unknown_language_falls_back_to_english() {
    let text = "Shares rose yesterday.";
    assert_eq!(
        check("xx", "2021-07-28", text),
        check("en", "2021-07-28", text)
    );
    assert_eq!(check("xx", "2021-07-28", text), "yesterday|DATE|2021-07-27");
}

/// Each block of `name` is a text; its expected sentences follow "=>" lines.
fn check_sentences(language: &str, name: &str) {
    let data = fixture(name);
    for block in data.split("\n---\n") {
        let (text, expected) = block
            .split_once("\n=>\n")
            .expect("block has a => separator");
        let got: Vec<String> = split_sentences_in(language, text)
            .into_iter()
            .map(|s| s.text)
            .collect();
        let want: Vec<&str> = expected.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(got, want, "text: {text}");
    }
}

#[test]
fn sentence_fixtures() {
    check_sentences("en", "sentences.txt");
    // English is `split_sentences` itself.
    let text = fixture("sentences.txt");
    assert_eq!(split_sentences(&text), split_sentences_in("en", &text));
}

#[test]
fn spanish_sentence_fixtures() {
    check_sentences("es", "sentences_es.txt");
}

#[test]
fn french_and_italian_sentence_fixtures() {
    check_sentences("fr", "sentences_fr.txt");
    check_sentences("it", "sentences_it.txt");
}

#[test]
fn sentence_offsets_point_into_text() {
    let text = "Héllo wörld. Ünïcode “quotes.” End…\n\nNext";
    for s in split_sentences(text) {
        assert_eq!(&text[s.start..s.end], s.text);
    }
}

/// Regression: the word after a period was read from the whitespace after it,
/// so it was always empty; "U.S." before a sentence opener never ended a
/// sentence and "p. 4" was cut after "p.".
#[test]
fn word_after_a_period_is_read_past_the_space() {
    let texts = |language: &str, text: &str| -> Vec<String> {
        split_sentences_in(language, text)
            .into_iter()
            .map(|s| s.text)
            .collect()
    };
    assert_eq!(
        texts("en", "The troops left the U.S. The next day they landed."),
        ["The troops left the U.S.", "The next day they landed."]
    );
    assert_eq!(
        texts("en", "He met U.S. Senator Smith."),
        ["He met U.S. Senator Smith."]
    );
    assert_eq!(
        texts("fr", "Selon la p. 4 du rapport, le barrage a cédé."),
        ["Selon la p. 4 du rapport, le barrage a cédé."]
    );
}
