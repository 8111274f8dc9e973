//! Arbitrary input never panics and stays linear: each input must finish well
//! inside a generous bound (a quadratic blow-up on a megabyte takes minutes).

use chronicle_model::PartialDate;
use chronicle_time::{split_sentences, tag, tag_in, tense_at};

/// Seconds any one input may take, even in a debug build on a busy machine.
const BOUND_SECS: u64 = 60;

fn run(text: &str) {
    let started = std::time::Instant::now();
    check(text);
    let secs = started.elapsed().as_secs();
    assert!(secs < BOUND_SECS, "{} bytes took {secs} s", text.len());
}

fn check(text: &str) {
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
    for t in tag_in("es", text, &sentences, dct) {
        assert_eq!(&text[t.start..t.end], t.text);
    }
}

#[test]
fn long_digit_runs_and_huge_numbers() {
    run(&"9".repeat(100_000));
    run("99999999999999999999999 years ago, 18446744073709551616 days later, 9999-99-99, 99/99/9999, 0/0/0000.");
    run(&"7".repeat(1_000_000));
    run(&"2021-07-28 ".repeat(100_000));
    run(&"12/31/1999/".repeat(50_000));
    run(&"1,000,000.".repeat(50_000));
    run(&"555-2882015 24/7 911 3-1 $2,015 ".repeat(20_000));
    run("In 2199 and 1000 and 0000 and year 99999 on 31.02.2021 and 29/02/2021 and 2020-02-30.");
}

#[test]
fn repeated_relative_phrases() {
    let text = format!("{}yesterday.", "the day before ".repeat(1000));
    run(&text);
    run(&"last last next this the end of early late mid ".repeat(2000));
    run(&"a year and a half and a half ".repeat(1000));
    run(&format!("{}Monday", "the week before ".repeat(1000)));
    run(&"nineteen ninety-six ".repeat(5000));
    run(&"more than more than about nearly ".repeat(5000));
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

#[test]
fn repeated_spanish_phrases() {
    run(&"la la el los ".repeat(20_000));
    run(&"hace hace dentro de dentro de ".repeat(5000));
    run(&"el pasado el próximo la semana pasada que viene ".repeat(3000));
    run(&"treinta y treinta y dos y medio y media ".repeat(5000));
    run(&format!("{}lunes", "por la mañana por la ".repeat(5000)));
    run(&"a finales de a principios del 22 de de de 2009 ".repeat(3000));
}
