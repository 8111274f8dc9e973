//! Story knowledge across the documents of a batch: entities and their
//! aliases, figures tracked over time, events reported by several outlets,
//! and answers to dated questions. The data types live in
//! `chronicle_model::story`.
