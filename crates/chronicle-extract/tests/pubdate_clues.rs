//! Publication-date clues on invented pages (`tests/fixtures/pubdate`, with
//! the expected strongest candidate of each page in `expect.tsv`).

use chronicle_extract::extract_html;
use std::path::Path;

fn check(page: &str, date: &str, source: &str) {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/pubdate"
    ));
    let html = std::fs::read_to_string(dir.join(page)).expect("fixture page");
    let extracted = extract_html(&html, None);
    let got = extracted
        .dates
        .first()
        .map(|d| {
            (
                d.date.map(|x| x.to_string()).unwrap_or_default(),
                format!("{:?}", d.source),
            )
        })
        .unwrap_or_else(|| ("-".to_string(), "-".to_string()));
    assert_eq!(
        (got.0.as_str(), got.1.as_str()),
        (date, source),
        "{page}: {:#?}",
        extracted.dates
    );
}

#[test]
fn strongest_candidate_of_each_fixture_page() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/pubdate/expect.tsv"
    );
    let table = std::fs::read_to_string(path).expect("expect.tsv");
    let mut pages = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "bad line {line:?}");
        check(cols[0], cols[1], cols[2]);
        pages += 1;
    }
    assert!(pages >= 4, "{pages} fixture pages");
}
