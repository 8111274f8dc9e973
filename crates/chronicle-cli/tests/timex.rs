//! `chronicle tag --timeml` and `chronicle eval timex` on invented TimeML fixtures.

mod common;

use common::{chronicle, path_str};
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    common::in_crate("tests/fixtures/timex")
}

/// A path in the temp area that does not exist yet (the output directory
/// `chronicle tag` must create).
fn temp_dir(name: &str) -> PathBuf {
    let d = common::scratch(&format!("timex-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn tag_writes_one_file_per_input_and_names_bad_files() {
    let out = temp_dir("tag");
    let gold = fixtures().join("gold");
    let broken = fixtures().join("broken.tml");
    let output = chronicle(&[
        "tag",
        "--timeml",
        path_str(&gold),
        path_str(&broken),
        "-o",
        path_str(&out),
    ]);
    let stderr = common::stderr(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("broken.tml"), "{stderr}");
    assert!(stderr.contains("tagged 2 file(s)"), "{stderr}");

    let written = std::fs::read_to_string(out.join("harbour.tml")).expect("harbour.tml written");
    let input = std::fs::read_to_string(gold.join("harbour.tml")).expect("fixture");
    // Outside TEXT nothing changes; the creation time keeps its role.
    let head = |s: &str| s[..s.find("<TEXT>").expect("TEXT")].to_string();
    assert_eq!(head(&written), head(&input));
    assert!(written.contains("functionInDocument=\"CREATION_TIME\""));
    // The input's own tags are gone, the text is the same, our TIMEX3 are in.
    assert!(!written.contains("<EVENT"));
    let strip = |s: &str| {
        let start = s.find("<TEXT>").expect("TEXT");
        let end = s.find("</TEXT>").expect("/TEXT");
        let body = &s[start..end];
        let mut out = String::new();
        let mut in_tag = false;
        for c in body.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        out
    };
    assert_eq!(strip(&written), strip(&input));
    assert!(written
        .contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2021-07-27\">yesterday</TIMEX3>"));
    // Number-like strings are no time expressions.
    assert!(written.contains("call 555-2882015 for tickets, open 24/7."));
    assert!(out.join("mill.tml").is_file());
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn tag_fails_when_nothing_is_written() {
    let out = temp_dir("nothing");
    let broken = fixtures().join("broken.tml");
    let output = chronicle(&["tag", "--timeml", path_str(&broken), "-o", path_str(&out)]);
    assert!(!output.status.success());
    assert!(common::stderr(&output).contains("no <TEXT> element"));
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn eval_timex_tags_or_reads_a_system_and_reports() {
    let gold = fixtures().join("gold");
    let output = chronicle(&["eval", "timex", path_str(&gold), "--json", "--verbose"]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["documents"], 2);
    assert_eq!(report["gold"], 8);
    assert_eq!(report["strict"]["f1"], 1.0);
    assert_eq!(report["value_f1"], 1.0);
    assert_eq!(report["per_doc"].as_array().map(Vec::len), Some(2));

    // A system directory with one file changed: a wrong value and a missed expression.
    let sys = temp_dir("system");
    std::fs::create_dir_all(&sys).expect("temp dir");
    let harbour = std::fs::read_to_string(gold.join("harbour.tml")).expect("fixture");
    let changed = harbour
        .replace("value=\"2021-07-26\">Monday", "value=\"2021-08-02\">Monday")
        .replace(
            "<TIMEX3 tid=\"t5\" type=\"SET\" value=\"XXXX-WXX-5\">every Friday</TIMEX3>",
            "every Friday",
        );
    std::fs::write(sys.join("harbour.tml"), changed).expect("write");
    std::fs::copy(gold.join("mill.tml"), sys.join("mill.tml")).expect("copy");
    let output = chronicle(&[
        "eval",
        "timex",
        path_str(&gold),
        "--system",
        path_str(&sys),
        "--errors",
    ]);
    let text = common::stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("documents 2  gold 8  system 7"), "{text}");
    assert!(
        text.contains("WrongValue\t1\t<weekday>: #-#-# vs #-#-#"),
        "{text}"
    );
    assert!(text.contains("Missed\t1\tevery <weekday>"), "{text}");
    let _ = std::fs::remove_dir_all(&sys);
}

#[test]
fn tag_reads_the_language_it_is_given() {
    let input = fixtures().join("spanish");
    let tagged = |language: &str| {
        let out = temp_dir(&format!("lang-{language}"));
        let output = chronicle(&[
            "tag",
            "--timeml",
            path_str(&input),
            "-o",
            path_str(&out),
            "--language",
            language,
        ]);
        assert!(output.status.success(), "{output:?}");
        std::fs::read_to_string(out.join("presa.tml")).expect("tagged file")
    };
    let spanish = tagged("es");
    assert!(
        spanish.contains(r#"value="2031-03-13">ayer</TIMEX3>"#),
        "{spanish}"
    );
    assert!(
        spanish.contains(r#"value="2031-W10">La semana pasada</TIMEX3>"#),
        "{spanish}"
    );
    // Read as English, the Spanish words are not time expressions.
    let english = tagged("en");
    assert!(!english.contains(">ayer</TIMEX3>"), "{english}");
}
