//! The WARC and ARC files of two WARC libraries' test suites (`../shared`):
//! valid ones read fully, broken ones reported without losing the records
//! before the damage.

mod common;

use chronicle_ingest::{Input, ReadOptions};
use common::{check, fixtures, read_all};
use std::path::Path;

#[test]
fn warc_fixtures_read_as_expected() {
    let root = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/warc-fixtures"
    ));
    if !root.is_dir() {
        eprintln!("skipping: ../shared not found ({})", root.display());
        return;
    }
    // One file at a time, so each file's summary line shows what it gave.
    let mut files: Vec<_> = Vec::new();
    collect(root, &mut files);
    files.sort();
    assert!(
        files.len() >= 18,
        "expected the 18 fixture files, found {}",
        files.len()
    );
    let mut lines = Vec::new();
    for file in &files {
        let (events, summary) = read_all(&[Input::Path(file.clone())], &ReadOptions::default());
        lines.extend(events);
        lines.push(format!(
            "== {}: {} documents, {} skipped, {} ignored records",
            file.strip_prefix(root).unwrap_or(file).display(),
            summary.documents,
            summary.skipped,
            summary.ignored_records
        ));
    }
    check(&lines, root, &fixtures().join("warc-fixtures.expected"));
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read fixture dir").flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            collect(&path, out);
        } else if name != "LICENSE" && name != "README.md" {
            out.push(path);
        }
    }
}
