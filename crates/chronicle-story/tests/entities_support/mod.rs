//! Helpers shared by the entity tests: reading a corpus through the pipeline
//! and printing what was found.
#![allow(dead_code)]

use chronicle_ingest::Input;
use chronicle_model::story::Entity;
use chronicle_model::Document;
use chronicle_pipeline::{annotate_inputs, Options};
use std::path::{Path, PathBuf};

pub fn manifest_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Annotated documents of a corpus directory, in the pipeline's order.
pub fn read_corpus(dir: &Path) -> Vec<Document> {
    let batch = annotate_inputs(
        &[Input::Path(dir.to_path_buf())],
        &Options::default(),
        &mut |_| {},
    );
    batch.documents
}

/// One line per entity, for test output.
pub fn describe(entities: &[Entity]) -> String {
    entities
        .iter()
        .map(|e| {
            let aliases: Vec<String> = e
                .aliases
                .iter()
                .map(|a| format!("{}×{}", a.text, a.count))
                .collect();
            format!(
                "{} {:?} {} [{}] docs={}",
                e.id,
                e.kind,
                e.name,
                aliases.join(", "),
                e.docs.len()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}
