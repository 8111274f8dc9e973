//! Language recognition checked against the languages news pages declare:
//! the fundus fixtures in `../shared/corpora/news/fundus` (real pages from 115
//! publishers), each page's `<html lang>` against what `detect_language` makes
//! of its article text. Skips with a message when `../shared` is absent.

use chronicle_ingest::{read_inputs, Input, RawContent, ReadEvent, ReadOptions};
use std::collections::BTreeMap;
use std::path::Path;

const FUNDUS: &str = "../../../shared/corpora/news/fundus";

/// The article text of a fundus expectation file (`{"V1": {"body": …}}`).
fn body_of(expected: &serde_json::Value) -> Option<String> {
    let version = expected.as_object()?.values().next()?;
    let body = version.get("body")?;
    let mut parts: Vec<String> = Vec::new();
    let strings = |v: Option<&serde_json::Value>| -> Vec<String> {
        v.and_then(|v| v.as_array())
            .map(|a| (a.iter().filter_map(|s| s.as_str()).map(String::from)).collect())
            .unwrap_or_default()
    };
    parts.extend(strings(body.get("summary")));
    for section in body.get("sections")?.as_array()? {
        parts.extend(strings(section.get("paragraphs")));
    }
    Some(parts.join("\n\n"))
}

#[test]
fn detected_language_agrees_with_the_declared_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(FUNDUS);
    if !root.is_dir() {
        eprintln!(
            "skipped: {} not found (the shared corpora are not here)",
            root.display()
        );
        return;
    }
    // The language each publisher's page declares, from its first page.
    let mut declared: BTreeMap<String, String> = BTreeMap::new();
    let input = Input::parse(root.to_str().unwrap());
    read_inputs(&[input], &ReadOptions::default(), &mut |event| {
        let ReadEvent::Document(doc) = event else {
            return;
        };
        let RawContent::Html(html) = &doc.content else {
            return;
        };
        let path = doc.source.path.clone();
        let file = Path::new(&path)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let publisher = file.split('_').next().unwrap_or("").to_string();
        let page = chronicle_extract::extract_html(html, None);
        if let Some(lang) = page.language {
            let base = lang.split(['-', '_']).next().unwrap_or("").to_lowercase();
            declared.entry(publisher).or_insert(base);
        }
    });
    let ours = ["en", "es", "fr", "it"];
    let (mut right, mut wrong, mut unrecognised, mut foreign_claimed, mut foreign) =
        (0, 0, 0, 0, 0);
    let mut report = Vec::new();
    for country in std::fs::read_dir(&root).unwrap().flatten() {
        for entry in std::fs::read_dir(country.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = entry.file_name().to_string_lossy().to_string();
            let Some(publisher) = name.strip_suffix(".json").filter(|p| !p.ends_with(".meta"))
            else {
                continue;
            };
            let Some(lang) = declared.get(publisher) else {
                continue;
            };
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let Some(body) = serde_json::from_str(&text).ok().as_ref().and_then(body_of) else {
                continue;
            };
            let got = chronicle_time::detect_language(&body);
            if ours.contains(&lang.as_str()) {
                match got {
                    Some(g) if g == lang => right += 1,
                    Some(_) => wrong += 1,
                    None => unrecognised += 1,
                }
            } else {
                foreign += 1;
                if got.is_some() {
                    foreign_claimed += 1;
                }
            }
            if got != Some(lang.as_str()) {
                report.push(format!("{publisher}: declared {lang}, detected {got:?}"));
            }
        }
    }
    report.sort();
    eprintln!(
        "languages we read: {right} right, {wrong} wrong, {unrecognised} unrecognised; \
         other languages: {foreign_claimed} of {foreign} claimed\n{}",
        report.join("\n")
    );
    assert!(right >= 30, "too few pages in a language we read: {right}");
    assert_eq!(wrong, 0, "pages recognised as another of our languages");
    // Pages whose text is in another language than they declare count here
    // (three South African pages in Zulu and Xhosa declare "en").
    assert!(unrecognised * 10 <= right, "more than 10 % unrecognised");
    assert!(
        foreign_claimed * 10 <= foreign,
        "more than 10 % of other languages claimed"
    );
}
