//! Helpers shared by the integration tests.
#![allow(dead_code)]

use chronicle_ingest::{read_inputs, Input, RawContent, ReadEvent, ReadOptions, ReadSummary};
use std::path::{Path, PathBuf};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Reads `inputs` and returns the events, one line each, and the summary.
pub fn read_all(inputs: &[Input], options: &ReadOptions) -> (Vec<String>, ReadSummary) {
    let mut lines = Vec::new();
    let summary = read_inputs(inputs, options, &mut |event| lines.push(render(&event)));
    (lines, summary)
}

/// One event as a line: documents with their id, source and a content preview;
/// problems as the diagnostic prints.
pub fn render(event: &ReadEvent) -> String {
    match event {
        ReadEvent::Document(d) => {
            let (kind, text) = match &d.content {
                RawContent::Html(t) => ("html", t),
                RawContent::Text(t) => ("text", t),
            };
            let preview: String = text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .take(48)
                .collect();
            let mut where_ = format!("{:?}", d.source.format).to_lowercase();
            if d.source.gzip {
                where_.push_str("+gzip");
            }
            if let Some(line) = d.source.line {
                where_.push_str(&format!(" line {line}"));
            }
            if let Some(offset) = d.source.offset {
                where_.push_str(&format!(" byte {offset}"));
            }
            let mut meta = Vec::new();
            let decl = &d.declared;
            for (name, value) in [
                ("url", &d.url),
                ("title", &decl.title),
                ("published", &decl.published),
                ("fetched", &decl.fetched),
                ("outlet", &decl.outlet),
                ("language", &decl.language),
            ] {
                if let Some(v) = value {
                    meta.push(format!("{name}={v}"));
                }
            }
            if !decl.authors.is_empty() {
                meta.push(format!("authors={}", decl.authors.join("; ")));
            }
            if !decl.extra.is_empty() {
                meta.push(format!(
                    "extra={}",
                    serde_json::Value::Object(decl.extra.clone())
                ));
            }
            let words: Vec<&str> = text.split_whitespace().collect();
            let tail = words[words.len().saturating_sub(3)..].join(" ");
            format!(
                "document {} [{where_}] {kind} {{{}}} {preview:?} … {tail:?} ({} bytes)",
                d.id,
                meta.join(", "),
                text.len()
            )
        }
        ReadEvent::Problem(p) => p.to_string(),
    }
}

/// Compares `lines` with the file `expected` (paths below `root` shown as `$ROOT`).
pub fn check(lines: &[String], root: &Path, expected: &Path) {
    let root = root.display().to_string();
    let actual: String = lines
        .iter()
        .map(|l| l.replace(&root, "$ROOT") + "\n")
        .collect();
    let wanted = std::fs::read_to_string(expected).unwrap_or_default();
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(expected, &actual).expect("write expected file");
        return;
    }
    assert!(
        actual == wanted,
        "events differ from {}\n--- actual ---\n{actual}--- expected ---\n{wanted}",
        expected.display()
    );
}

/// A fresh empty directory under the system temp dir, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("chronicle-ingest-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create dir");
        }
        std::fs::write(&path, bytes).expect("write temp file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).expect("gzip in memory");
    enc.finish().expect("gzip in memory")
}
