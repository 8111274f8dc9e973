//! Helpers shared by the figures, events and ask tests: documents built from
//! fixture text, and the demo and seed corpora annotated by the pipeline.
#![allow(dead_code)]

use chronicle_ingest::Input;
use chronicle_model::{DateHow, Document, PartialDate, Published};
use chronicle_pipeline::{annotate_inputs, Options};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// A fixture document: invented text and its publication date.
#[derive(Debug, Deserialize)]
pub struct FixtureDoc {
    pub id: String,
    pub published: String,
    pub body: String,
}

/// A document split and tagged the way the pipeline does it.
pub fn document(id: &str, published: &str, body: &str) -> Document {
    let date: PartialDate = published.parse().expect("fixture date");
    let sentences = chronicle_time::split_sentences(body);
    let timexes = chronicle_time::tag(body, &sentences, Some(date));
    Document {
        id: id.to_string(),
        title: id.to_string(),
        body: body.to_string(),
        published: Published {
            date: Some(date),
            how: DateHow::Text,
            confidence: 1.0,
            ..Published::default()
        },
        sentences,
        timexes,
        ..Document::default()
    }
}

pub fn documents(docs: &[FixtureDoc]) -> Vec<Document> {
    docs.iter()
        .map(|d| document(&d.id, &d.published, &d.body))
        .collect()
}

pub fn fixture(path: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

pub fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

fn annotate(dir: &Path) -> Vec<Document> {
    let batch = annotate_inputs(
        &[Input::Path(dir.to_path_buf())],
        &Options::default(),
        &mut |_| {},
    );
    batch.documents
}

/// The bundled demo corpus, annotated.
pub fn demo_documents() -> Vec<Document> {
    annotate(&repo_path("demo/corpus"))
}

/// The seed pages, annotated; `None` (with a message) without ../shared.
pub fn seed_documents() -> Option<Vec<Document>> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/seeds"
    ));
    if !dir.is_dir() {
        eprintln!("skipping: ../shared not found");
        return None;
    }
    Some(annotate(&dir))
}

/// The demo's figures gold file.
pub fn demo_gold() -> serde_json::Value {
    let text = std::fs::read_to_string(repo_path("demo/gold-figures.json"))
        .expect("demo/gold-figures.json");
    serde_json::from_str(&text).expect("gold-figures.json is JSON")
}

/// Runs of whitespace collapsed to one space, as gold snippets are compared.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
