//! Text-scrape extraction, driven by fixtures: `fixtures/text/NAME.txt` is a
//! page, `NAME.expected` lists what must (and must not) come out of it.

use chronicle_extract::{extract_text, TextPage};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/text"))
}

/// Checks one page against its expectations; returns the unmet ones.
fn check(page: &TextPage, expected: &str) -> Vec<String> {
    let body = page.paragraphs.join("\n\n");
    let mut failures = Vec::new();
    for line in expected.lines().filter(|l| !l.trim().is_empty()) {
        let Some((key, value)) = line.split_once(": ") else {
            failures.push(format!("malformed expectation line {line:?}"));
            continue;
        };
        let ok = match key {
            "title" => page.title.as_deref() == Some(value),
            "outlet" => page.outlet.as_deref() == Some(value),
            "authors" => page.authors.join(", ") == value,
            "header-has" => page.header_lines.iter().any(|h| h == value),
            "caption-has" => page.captions.iter().any(|c| c == value),
            "body-has" => body.contains(value),
            "body-lacks" => !body.contains(value),
            "body-line-lacks" => !body.lines().any(|l| l.trim() == value),
            _ => {
                failures.push(format!("unknown expectation {key:?}"));
                continue;
            }
        };
        if !ok {
            failures.push(format!("{key}: {value:?}"));
        }
    }
    failures
}

fn check_file(page_path: &Path, expected_path: &Path) -> Vec<String> {
    let page = std::fs::read_to_string(page_path).expect("fixture page");
    let expected = std::fs::read_to_string(expected_path).expect("fixture expectations");
    let got = extract_text(&page);
    check(&got, &expected)
        .into_iter()
        .map(|f| {
            format!(
                "{}: {f}\n  got title={:?} outlet={:?} authors={:?}",
                page_path.display(),
                got.title,
                got.outlet,
                got.authors
            )
        })
        .collect()
}

#[test]
fn fixture_pages_meet_their_expectations() {
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut entries: Vec<_> = std::fs::read_dir(fixtures())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        failures.extend(check_file(path, &path.with_extension("expected")));
        checked += 1;
    }
    assert!(checked >= 3, "expected at least three fixture pages");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The seed pages are third-party text: they stay in ../shared, and so do
/// their expectations here, stated as what any article extractor must do.
#[test]
fn seed_pages_lose_their_boilerplate() {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/seeds"
    ));
    if !dir.is_dir() {
        eprintln!("skipping: ../shared/corpora/seeds not found");
        return;
    }
    let page = |prefix: &str| -> TextPage {
        let entry = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
            .expect("seed page");
        extract_text(&std::fs::read_to_string(entry.path()).unwrap())
    };
    let cases = [
        ("000", "title: Iraq and US vow renewed alliance\noutlet: BBC\nbody-lacks: Your E-mail address\nbody-lacks: Send us your comments\nbody-lacks: Americas Africa Europe\nbody-lacks: (left) with Barack Obama\nbody-has: National unity"),
        ("001", "outlet: GlobalPost\nbody-lacks: More from GlobalPost\nbody-lacks: Chip Somodevilla"),
        ("002", "title: Iraq, US boost partnership with strategic dialogue\nauthors: Faris al-Omran\nbody-lacks: Do you like this article?\nbody-lacks: [Photo courtesy"),
        ("003", "outlet: AsiaNews\nheader-has: 07/27/2021, 10.16\nbody-lacks: See also\nbody-lacks: 2,200 soldiers\nbody-lacks: 24/01/2017\nbody-lacks: Send to a friend\nbody-lacks: L’Asia"),
        ("004", "body-lacks: Accessibility links\nbody-line-lacks: XS\nbody-line-lacks: LG\nbody-lacks: With reporting by"),
    ];
    let failures: Vec<String> = cases
        .iter()
        .flat_map(|(p, exp)| {
            check(&page(p), exp)
                .into_iter()
                .map(move |f| format!("{p}: {f}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
