//! Events: fixture stories, the demo corpus against demo/gold-figures.json,
//! and the seed pages (skipped without ../shared).

mod figures_common;

use chronicle_model::Event;
use chronicle_story::analyse;
use chronicle_story::events::group_events;
use figures_common::*;
use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    docs: Vec<FixtureDoc>,
    expect: Vec<Expected>,
}

#[derive(Debug, Deserialize)]
struct Expected {
    date: String,
    docs: Vec<String>,
    date_conflicts: Vec<ExpectedConflict>,
}

#[derive(Debug, Deserialize)]
struct ExpectedConflict {
    date: String,
    docs: Vec<String>,
}

fn summary(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .map(|e| format!("{} {} {:?} {:?}", e.id, e.date, e.docs, e.date_conflicts))
        .collect()
}

fn check(case: &Case) {
    let docs = documents(&case.docs);
    let events = group_events(&docs, &[]);
    let ctx = format!("{}: {:#?}", case.name, summary(&events));
    assert_eq!(events.len(), case.expect.len(), "{ctx}");
    for e in &case.expect {
        let want: BTreeSet<&str> = e.docs.iter().map(String::as_str).collect();
        let got = events
            .iter()
            .find(|g| {
                g.date.to_string() == e.date
                    && g.docs.iter().map(String::as_str).collect::<BTreeSet<_>>() == want
            })
            .unwrap_or_else(|| panic!("no event {} {:?} in {ctx}", e.date, e.docs));
        let conflicts: Vec<(String, Vec<String>)> = got
            .date_conflicts
            .iter()
            .map(|c| (c.date.to_string(), c.docs.clone()))
            .collect();
        let want_conflicts: Vec<(String, Vec<String>)> = e
            .date_conflicts
            .iter()
            .map(|c| (c.date.clone(), c.docs.clone()))
            .collect();
        assert_eq!(conflicts, want_conflicts, "{ctx}");
        assert!(
            got.reports.iter().all(|r| got.docs.contains(&r.doc)),
            "{ctx}"
        );
    }
    // Ids are v1, v2… in date order.
    for (i, e) in events.iter().enumerate() {
        assert_eq!(e.id, format!("v{}", i + 1));
    }
    assert!(events.windows(2).all(|w| w[0].date <= w[1].date), "{ctx}");
}

#[test]
fn fixture_stories() {
    let cases: Vec<Case> = serde_json::from_str(&fixture("events/cases.json")).expect("cases.json");
    for case in &cases {
        check(case);
    }
}

/// Matches predicted events to gold ones (same date, shared documents), one to one.
fn score(
    events: &[Event],
    gold: &[serde_json::Value],
) -> (usize, usize, usize, usize, usize, usize) {
    let multi: Vec<&Event> = events.iter().filter(|e| e.docs.len() >= 2).collect();
    let mut used = vec![false; multi.len()];
    let (mut matched, mut doc_hits, mut doc_gold, mut doc_pred) = (0, 0, 0, 0);
    for g in gold {
        let date = g["date"].as_str().unwrap_or("");
        let gdocs: BTreeSet<&str> = g["docs"]
            .as_array()
            .map(|a| a.iter().filter_map(|d| d.as_str()).collect())
            .unwrap_or_default();
        doc_gold += gdocs.len();
        let best = (0..multi.len())
            .filter(|&i| !used[i] && multi[i].date.to_string() == date)
            .max_by_key(|&i| {
                multi[i]
                    .docs
                    .iter()
                    .filter(|d| gdocs.contains(d.as_str()))
                    .count()
            })
            .filter(|&i| multi[i].docs.iter().any(|d| gdocs.contains(d.as_str())));
        match best {
            Some(i) => {
                used[i] = true;
                matched += 1;
                doc_hits += multi[i]
                    .docs
                    .iter()
                    .filter(|d| gdocs.contains(d.as_str()))
                    .count();
                doc_pred += multi[i].docs.len();
            }
            None => eprintln!("missed event {} {date}", g["id"]),
        }
    }
    for (i, e) in multi.iter().enumerate() {
        if !used[i] {
            eprintln!("extra event {} {:?}", e.date, e.docs);
        }
    }
    (
        matched,
        multi.len(),
        gold.len(),
        doc_hits,
        doc_pred,
        doc_gold,
    )
}

#[test]
fn demo_events_against_gold() {
    let mut docs = demo_documents();
    let story = analyse(&mut docs);
    let gold = demo_gold();
    let gold_events = gold["events"].as_array().expect("events");
    let (matched, predicted, total, doc_hits, doc_pred, doc_gold) =
        score(&story.events, gold_events);
    let precision = matched as f64 / predicted.max(1) as f64;
    let recall = matched as f64 / total as f64;
    let doc_precision = doc_hits as f64 / doc_pred.max(1) as f64;
    let doc_recall = doc_hits as f64 / doc_gold.max(1) as f64;
    eprintln!(
        "demo events (reported by 2+ documents): precision {precision:.3} ({matched}/{predicted}), recall {recall:.3} ({matched}/{total}); \
         sources of gold events: precision {doc_precision:.3} ({doc_hits}/{doc_pred}), recall {doc_recall:.3} ({doc_hits}/{doc_gold})"
    );
    // Two gold events share one day and the same three sources (groundbreaking,
    // ambassador recalled): one cluster can match only one of them.
    assert!(precision >= 0.99, "event precision {precision:.3}");
    assert!(recall >= 0.85, "event recall {recall:.3}");
    assert!(
        doc_precision >= 0.95 && doc_recall >= 0.80,
        "sources {doc_precision:.3}/{doc_recall:.3}"
    );
    // Participants come from the entity stage's mentions.
    assert!(story
        .events
        .iter()
        .filter(|e| e.docs.len() >= 2)
        .all(|e| !e.participants.is_empty()));
}

#[test]
fn seed_strategic_dialogue_is_one_event() {
    let Some(mut docs) = seed_documents() else {
        return;
    };
    let story = analyse(&mut docs);
    eprintln!("seed events: {:#?}", summary(&story.events));
    let dialogue: Vec<&Event> = story
        .events
        .iter()
        .filter(|e| e.date.to_string() == "2020-06-11")
        .collect();
    assert_eq!(dialogue.len(), 1, "{:#?}", summary(&story.events));
    assert_eq!(
        dialogue[0].docs,
        vec!["002_c0f996079cbad4b0", "004_ebfae9625ae11fd7"]
    );
    assert!(dialogue[0].date_conflicts.is_empty());
}
