//! Expanding inputs into the files to read, each with its file id.

use crate::io_util::describe_io;
use crate::{FileRef, Input};
use chronicle_model::Diagnostic;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

pub(crate) enum Found {
    File(FileRef),
    Problem(Diagnostic),
}

/// Extensions dropped from file names to make ids (`x.html.gz` → `x`).
const KNOWN_EXTENSIONS: [&str; 12] = [
    "gz", "html", "htm", "xhtml", "shtml", "txt", "text", "jsonl", "ndjson", "json", "warc", "arc",
];

/// Corpus documentation that a directory walk does not read as news:
/// `README.md`, `LICENSE`, `COPYING.txt`…
const DOC_FILE_NAMES: [&str; 6] = [
    "readme",
    "license",
    "licence",
    "copying",
    "changelog",
    "notice",
];
const DOC_FILE_EXTENSIONS: [&str; 6] = ["", "md", "rst", "txt", "markdown", "adoc"];

/// The files an input stands for, in reading order.
pub(crate) fn expand(input: &Input) -> Vec<Found> {
    match input {
        Input::Stdin => vec![Found::File(FileRef {
            display: "-".to_string(),
            path: None,
            id: "stdin".to_string(),
        })],
        Input::Path(path) => {
            let display = path.display().to_string();
            match std::fs::metadata(path) {
                Err(e) => vec![Found::Problem(Diagnostic::skipped(
                    display,
                    format!(
                        "the path cannot be read ({}); it was skipped",
                        describe_io(&e)
                    ),
                ))],
                Ok(meta) if meta.is_dir() => {
                    let mut found = Vec::new();
                    let mut visited = HashSet::new();
                    walk_dir(path, &[], &mut visited, &mut found);
                    if found.is_empty() {
                        found.push(Found::Problem(Diagnostic::warning(
                            display,
                            "the directory holds no files to read (hidden files are not read)",
                        )));
                    }
                    found
                }
                Ok(_) => {
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_else(|| display.clone());
                    vec![Found::File(FileRef {
                        display,
                        path: Some(path.clone()),
                        id: strip_extensions(&name).to_string(),
                    })]
                }
            }
        }
    }
}

/// Walks `dir` (reached by the components `rel` from the directory given),
/// in byte order of names, skipping hidden entries.
fn walk_dir(dir: &Path, rel: &[String], visited: &mut HashSet<PathBuf>, found: &mut Vec<Found>) {
    let display = dir.display().to_string();
    // Guards against symbolic-link loops.
    if let Ok(canonical) = std::fs::canonicalize(dir) {
        if !visited.insert(canonical) {
            found.push(Found::Problem(Diagnostic::warning(
                display,
                "this directory was already read through another path (a symbolic-link loop?); it was not read again",
            )));
            return;
        }
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            found.push(Found::Problem(Diagnostic::skipped(
                display,
                format!(
                    "the directory cannot be read ({}); it was skipped",
                    describe_io(&e)
                ),
            )));
            return;
        }
    };
    let mut names: Vec<(Vec<u8>, PathBuf, String)> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !name.starts_with('.') {
                    names.push((name.as_bytes().to_vec(), entry.path(), name));
                }
            }
            Err(e) => found.push(Found::Problem(Diagnostic::skipped(
                display.clone(),
                format!(
                    "an entry of the directory cannot be read ({}); it was skipped",
                    describe_io(&e)
                ),
            ))),
        }
    }
    names.sort();
    for (_, path, name) in names {
        let mut rel = rel.to_vec();
        let entry_display = path.display().to_string();
        match std::fs::metadata(&path) {
            Err(e) => found.push(Found::Problem(Diagnostic::skipped(
                entry_display,
                format!("the path cannot be read ({}); it was skipped", describe_io(&e)),
            ))),
            Ok(meta) if meta.is_dir() => {
                rel.push(name);
                walk_dir(&path, &rel, visited, found);
            }
            Ok(_) if is_doc_file(&name) => found.push(Found::Problem(Diagnostic::skipped(
                entry_display,
                "the file looks like documentation of the corpus, not a news page; it was skipped (name it on the command line to read it)",
            ))),
            Ok(_) => {
                rel.push(strip_extensions(&name).to_string());
                found.push(Found::File(FileRef {
                    display: entry_display,
                    path: Some(path),
                    id: rel.join("/"),
                }));
            }
        }
    }
}

fn is_doc_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let (stem, ext) = lower.split_once('.').unwrap_or((&lower, ""));
    DOC_FILE_NAMES.contains(&stem) && DOC_FILE_EXTENSIONS.contains(&ext)
}

/// `x.html.gz` → `x`; unknown extensions are kept (`x.warc.gz.bad` stays).
pub(crate) fn strip_extensions(name: &str) -> &str {
    let mut stem = name;
    while let Some(dot) = stem.rfind('.') {
        let ext = &stem[dot + 1..];
        if dot == 0 || !KNOWN_EXTENSIONS.iter().any(|k| ext.eq_ignore_ascii_case(k)) {
            break;
        }
        stem = &stem[..dot];
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_known_extensions_only() {
        for (name, id) in [
            ("x.html.gz", "x"),
            ("000_1e563915b1f0b231.txt", "000_1e563915b1f0b231"),
            ("example-bad.warc.gz.bad", "example-bad.warc.gz.bad"),
            ("v1.2.jsonl", "v1.2"),
            (".html", ".html"),
            ("noext", "noext"),
        ] {
            assert_eq!(strip_extensions(name), id, "{name}");
        }
        assert!(is_doc_file("README.md"));
        assert!(is_doc_file("LICENSE"));
        assert!(!is_doc_file("readmeister.html"));
        assert!(!is_doc_file("changelog.blog.zwischenbilanz.html.gz"));
        assert!(is_doc_file("README.rst"));
    }
}
