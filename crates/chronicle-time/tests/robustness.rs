//! Arbitrary input never panics and stays linear (no timing asserts: these just have to finish).

use chronicle_model::PartialDate;
use chronicle_time::{split_sentences, tag, tense_at};

fn run(text: &str) {
    let dct: Option<PartialDate> = "2021-07-28".parse().ok();
    let sentences = split_sentences(text);
    for s in &sentences {
        assert_eq!(&text[s.start..s.end], s.text);
    }
    for t in tag(text, &sentences, dct) {
        assert_eq!(&text[t.start..t.end], t.text);
        assert!(t.sentence < sentences.len());
    }
    for at in [0, text.len() / 2, text.len()] {
        let _ = tense_at(text, at);
    }
    let _ = tag(text, &sentences, None);
}

#[test]
fn long_digit_runs_and_huge_numbers() {
    run(&"9".repeat(100_000));
    run("99999999999999999999999 years ago, 18446744073709551616 days later, 9999-99-99, 99/99/9999, 0/0/0000.");
    run("In 2199 and 1000 and 0000 and year 99999 on 31.02.2021 and 29/02/2021 and 2020-02-30.");
}

#[test]
fn repeated_relative_phrases() {
    let text = format!("{}yesterday.", "the day before ".repeat(1000));
    run(&text);
    run(&"last last next this the end of early late mid ".repeat(2000));
    run(&"a year and a half and a half ".repeat(1000));
}

#[test]
fn random_unicode() {
    // A small deterministic generator over a mix of scripts, punctuation and date words.
    let pieces = [
        "Ünïcode",
        "日本語",
        "😀",
        "\u{200b}",
        "’s",
        "Dec.",
        "12",
        "—",
        "…",
        "\n\n",
        "Monday",
        "a.m.",
        "p.m.",
        "'",
        "\"",
        "-",
        "/",
        ".",
        ",",
        "2021",
        "of",
        "the",
        "quarter",
        "third",
        "Q",
        "s",
        " ",
        "ago",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut text = String::new();
    for _ in 0..50_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        text.push_str(pieces[(state % pieces.len() as u64) as usize]);
        if state.is_multiple_of(3) {
            text.push(' ');
        }
    }
    run(&text);
    run("");
    run("   \n\n  ");
}
