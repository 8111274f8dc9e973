//! The bundled demo corpus (demo/corpus) against its gold (demo/gold.json):
//! publication dates and how they were found, boilerplate removed, article
//! text kept, and the key dates of the story in the timeline.

use chronicle_ingest::Input;
use chronicle_model::Document;
use chronicle_pipeline::{annotate_inputs, Batch, Options};
use chronicle_tls::{build_timeline, TimelineOptions};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::OnceLock;

fn demo_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../demo"))
}

fn gold() -> &'static Value {
    static GOLD: OnceLock<Value> = OnceLock::new();
    GOLD.get_or_init(|| {
        let text = std::fs::read_to_string(demo_dir().join("gold.json")).expect("demo/gold.json");
        serde_json::from_str(&text).expect("demo/gold.json is JSON")
    })
}

fn batch() -> &'static Batch {
    static BATCH: OnceLock<Batch> = OnceLock::new();
    BATCH.get_or_init(|| {
        let input = Input::Path(demo_dir().join("corpus"));
        annotate_inputs(&[input], &Options::default(), &mut |_| {})
    })
}

fn doc(id: &str) -> Option<&'static Document> {
    batch().documents.iter().find(|d| d.id == id)
}

fn gold_docs() -> impl Iterator<Item = (&'static String, &'static Value)> {
    gold()["documents"].as_object().expect("documents").iter()
}

fn strings(v: &Value) -> impl Iterator<Item = &str> {
    v.as_array().into_iter().flatten().filter_map(Value::as_str)
}

#[test]
fn every_gold_document_is_read_and_nothing_is_skipped() {
    let b = batch();
    assert!(b.diagnostics.is_empty(), "{:#?}", b.diagnostics);
    for (id, _) in gold_docs() {
        assert!(
            doc(id).is_some(),
            "gold document {id} was not read; ids: {:?}",
            b.documents.iter().map(|d| &d.id).collect::<Vec<_>>()
        );
    }
}

#[test]
fn publication_dates_match_the_gold() {
    let mut failures = Vec::new();
    for (id, g) in gold_docs() {
        let Some(d) = doc(id) else { continue };
        let want = g["published"].as_str().unwrap_or("");
        let got = d.published.date.map(|p| p.to_string()).unwrap_or_default();
        let how = serde_json::to_value(d.published.how).unwrap();
        if got != want {
            failures.push(format!(
                "{id}: published {got:?}, gold {want:?} (evidence {:?})",
                d.published.evidence
            ));
        } else if how != g["published_how"] {
            failures.push(format!("{id}: found by {how}, gold {}", g["published_how"]));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bodies_keep_the_article_and_drop_the_boilerplate() {
    let mut failures = Vec::new();
    for (id, g) in gold_docs() {
        let Some(d) = doc(id) else { continue };
        for b in strings(&g["boilerplate"]) {
            if d.body.contains(b) {
                failures.push(format!("{id}: boilerplate in body: {b:?}"));
            }
        }
        for s in strings(&g["body_contains"]) {
            if !d.body.contains(s) {
                failures.push(format!("{id}: body lacks {s:?}"));
            }
        }
        if let Some(t) = g["title"].as_str() {
            if d.title != t {
                failures.push(format!("{id}: title {:?}, gold {t:?}", d.title));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_timeline_has_every_key_date_citing_its_documents() {
    let docs = &batch().documents;
    let timeline = build_timeline(
        docs,
        &TimelineOptions {
            sentences: 2,
            ..Default::default()
        },
    );
    let mut failures = Vec::new();
    for key in gold()["timeline"].as_array().into_iter().flatten() {
        if key["key"] != Value::Bool(true) {
            continue;
        }
        let date = key["date"].as_str().unwrap_or("");
        let Some(entry) = timeline.entries.iter().find(|e| e.date.to_string() == date) else {
            failures.push(format!("no entry for key date {date}"));
            continue;
        };
        let reported: Vec<&str> = strings(&key["docs"]).collect();
        let cited = entry
            .docs
            .iter()
            .filter(|d| reported.contains(&d.as_str()))
            .count();
        if cited * 2 < reported.len() {
            failures.push(format!(
                "{date}: entry lists {:?}, gold reporters {reported:?}",
                entry.docs
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nentries: {:?}",
        failures.join("\n"),
        timeline
            .entries
            .iter()
            .map(|e| e.date.to_string())
            .collect::<Vec<_>>()
    );
}
