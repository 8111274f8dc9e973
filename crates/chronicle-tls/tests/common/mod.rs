//! The fixture corpus and a light annotator shared by the integration tests.

use chronicle_ingest::{RawContent, RawDocument};
use chronicle_model::{Document, PartialDate, Published};
use chronicle_tls::news_tls::{self, AnnotatedTopic};
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

/// A stand-in for chronicle-pipeline's `annotate_raw` (which builds on this
/// crate): sentences, the declared date, time expressions.
pub fn annotate(raw: RawDocument) -> Document {
    let body = match raw.content {
        RawContent::Text(t) | RawContent::Html(t) => t,
    };
    let date = raw
        .declared
        .published
        .and_then(|p| p.parse::<PartialDate>().ok());
    let sentences = chronicle_time::split_sentences(&body);
    let timexes = chronicle_time::tag(&body, &sentences, date);
    Document {
        id: raw.id,
        published: Published {
            date,
            ..Published::default()
        },
        body,
        sentences,
        timexes,
        ..Document::default()
    }
}

/// The ferry-strike topic of the fixture corpus, annotated.
pub fn topic() -> AnnotatedTopic {
    news_tls::load_and_annotate(&corpus().join("ferry_strike"), &annotate).expect("fixture loads")
}
