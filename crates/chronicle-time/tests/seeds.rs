//! Relative expressions of the seed pages resolve against their publication
//! dates (given here as the seeds gate knows them); skipped without ../shared.

use std::path::Path;

/// (seed file prefix, publication date, expression, expected value).
const CASES: &[(&str, &str, &str, &str)] = &[
    ("003_", "2021-07-27", "yesterday", "2021-07-26"),
    ("000_", "2009-07-22", "last year", "2008"),
];

#[test]
fn seed_relative_expressions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipping: ../shared not found ({})", dir.display());
        return;
    };
    let files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    for &(prefix, dct, expression, expected) in CASES {
        let file = files
            .iter()
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
            })
            .unwrap_or_else(|| panic!("no seed {prefix}*"));
        let text = std::fs::read_to_string(file).expect("seed is UTF-8");
        let tags = chronicle_time::tag_text(&text, dct.parse().ok());
        let values: Vec<&str> = tags
            .iter()
            .filter(|t| t.text.eq_ignore_ascii_case(expression))
            .map(|t| t.value.as_str())
            .collect();
        assert!(!values.is_empty(), "{prefix}: no \"{expression}\" tagged");
        assert!(
            values.iter().all(|v| *v == expected),
            "{prefix}: \"{expression}\" → {values:?}, expected {expected}"
        );
    }
}
