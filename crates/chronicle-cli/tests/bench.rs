//! `chronicle bench`: the shape of what it prints (never the timings, which
//! depend on the machine).

mod common;

use common::{chronicle, shared, success as stdout};

const HEADER: [&str; 10] = [
    "stage",
    "corpus",
    "tool",
    "items",
    "bytes",
    "seconds",
    "items/s",
    "MB/s",
    "start-up s",
    "chronicle/peer",
];

/// The table's rows as cells, checked against the header; split on runs of
/// two or more spaces, since "start-up s" holds one.
fn rows(table: &str) -> Vec<Vec<String>> {
    // The speed table ends at the first blank line (a quality table may follow) or note.
    let mut lines = table
        .lines()
        .take_while(|l| !l.is_empty() && !l.starts_with("note:"));
    let header = lines.next().expect("a header line");
    let split = |l: &str| -> Vec<String> {
        l.split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect()
    };
    assert_eq!(split(header), HEADER, "header of:\n{table}");
    let rule = lines.next().expect("a rule line");
    assert!(rule.chars().all(|c| c == '-' || c == ' '), "{rule}");
    lines.map(split).collect()
}

#[test]
fn pipeline_on_three_demo_files_prints_one_row_per_corpus() {
    let table = stdout(&chronicle(&["-q", "bench", "pipeline", "--limit", "3"]));
    let rows = rows(&table);
    let demo = rows
        .iter()
        .find(|r| r[1] == "demo/corpus")
        .unwrap_or_else(|| panic!("no demo row in:\n{table}"));
    assert_eq!(demo.len(), 10, "{demo:?}");
    assert_eq!(demo[0], "pipeline");
    assert_eq!(demo[2], "chronicle");
    let items: usize = demo[3].parse().expect("items is a number");
    // Three files hold at least three documents (a JSONL or WARC file holds several).
    assert!(items >= 3, "{demo:?}");
    let bytes: u64 = demo[4].parse().expect("bytes is a number");
    assert!(bytes > 0);
    for cell in &demo[5..8] {
        let v: f64 = cell
            .parse()
            .unwrap_or_else(|_| panic!("{cell} is not a number"));
        assert!(v > 0.0, "{demo:?}");
    }
    assert_eq!(demo[9], "-", "chronicle is not compared with itself");
    assert!(
        table.contains("note: pipeline demo/corpus: chronicle: 3 files"),
        "{table}"
    );
    // Timeline17 is measured when ../shared is there, and said to be skipped when not.
    assert!(
        rows.iter()
            .any(|r| r[1] == "timeline17/bpoil_bbc/InputDocs")
            || table.contains("timeline17/bpoil_bbc/InputDocs: skipping: ../shared"),
        "{table}"
    );
}

#[test]
fn json_output_holds_the_same_figures() {
    let text = stdout(&chronicle(&[
        "-q", "bench", "pipeline", "--limit", "2", "--json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let reports = v["reports"].as_array().expect("reports");
    let demo = reports
        .iter()
        .find(|r| r["corpus"] == "demo/corpus")
        .expect("a demo report");
    assert_eq!(demo["stage"], "pipeline");
    let figures = &demo["chronicle"];
    assert_eq!(figures["status"], "measured");
    assert_eq!(figures["tool"], "chronicle");
    assert!(figures["items"].as_u64().is_some_and(|n| n >= 2), "{demo}");
    assert!(
        figures["seconds"].as_f64().is_some_and(|s| s > 0.0),
        "{demo}"
    );
}

#[test]
fn missing_peer_environment_is_reported_with_the_setup_command() {
    let empty = common::scratch("bench-no-venv");
    let o = chronicle(&[
        "-q",
        "bench",
        "entities",
        "--peers",
        "--bench-dir",
        empty.to_str().unwrap(),
    ]);
    let table = stdout(&o);
    assert!(
        table.contains("not run: no Python environment at") && table.contains("setup.sh`"),
        "{table}"
    );
    let _ = std::fs::remove_dir_all(&empty);
}

#[test]
fn unknown_stage_fails_with_the_list_of_stages() {
    let o = chronicle(&["bench", "everything"]);
    assert!(!o.status.success());
    let err = common::stderr(&o);
    assert!(
        err.contains("expected extract, dates, timex, entities or pipeline"),
        "{err}"
    );
}

#[test]
fn timex_prints_quality_against_the_gold_beside_speed() {
    if shared("tempeval3/TBAQ-cleaned").is_none() {
        return;
    }
    let table = stdout(&chronicle(&["-q", "bench", "timex", "--limit", "3"]));
    let speed = rows(&table);
    assert_eq!(speed.len(), 1, "{table}");
    assert_eq!(speed[0][2], "chronicle");
    let quality: Vec<&str> = table
        .lines()
        .skip_while(|l| !l.starts_with("quality: TempEval-3"))
        .skip(3)
        .take_while(|l| !l.starts_with("note:"))
        .collect();
    assert_eq!(quality.len(), 1, "{table}");
    let cells: Vec<&str> = quality[0].split_whitespace().collect();
    assert_eq!(cells[..3], ["timex", "tempeval3/TBAQ-cleaned", "chronicle"]);
    let gold: usize = cells[3].parse().expect("gold count");
    assert!(gold > 0, "{table}");
    for score in &cells[5..] {
        let v: f64 = score
            .parse()
            .unwrap_or_else(|_| panic!("{score} in {table}"));
        assert!((0.0..=1.0).contains(&v), "{table}");
    }

    let text = stdout(&chronicle(&[
        "-q", "bench", "timex", "--limit", "3", "--json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let q = &v["reports"][0]["chronicle"]["quality"];
    assert_eq!(q["gold"].as_u64(), Some(gold as u64), "{v}");
    for key in ["strict", "relaxed"] {
        assert!(q[key]["f1"].as_f64().is_some(), "{v}");
    }
    assert!(q["value_f1"].as_f64().is_some(), "{v}");
}
