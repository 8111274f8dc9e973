//! Questions: fixture stories, the demo questions of demo/gold-figures.json,
//! and the seed pages (skipped without ../shared).

mod figures_common;

use chronicle_model::{Approx, Document, Story};
use chronicle_story::analyse;
use chronicle_story::ask::{answer, Answer};
use figures_common::*;
use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Debug, Deserialize)]
struct Cases {
    docs: Vec<FixtureDoc>,
    questions: Vec<Expected>,
}

#[derive(Debug, Deserialize)]
struct Expected {
    question: String,
    answered: bool,
    value: Option<f64>,
    approx: Option<Approx>,
    date: Option<String>,
    #[serde(default)]
    docs: Vec<String>,
    text_contains: Option<String>,
    name: Option<String>,
}

fn check(e: &Expected, docs: &[Document], story: &Story) -> Answer {
    let a = answer(&e.question, docs, story);
    let ctx = format!("{}: {:#?}", e.question, a);
    assert_eq!(a.answered, e.answered, "{ctx}");
    assert!(!a.text.is_empty(), "{ctx}");
    if !e.answered {
        assert!(a.sources.is_empty(), "{ctx}");
        return a;
    }
    if let Some(v) = e.value {
        assert_eq!(a.value, Some(v), "{ctx}");
    }
    if let Some(ap) = e.approx {
        assert_eq!(a.approx, Some(ap), "{ctx}");
    }
    if let Some(d) = &e.date {
        assert_eq!(
            a.date.map(|d| d.to_string()).as_deref(),
            Some(d.as_str()),
            "{ctx}"
        );
    }
    let cited: BTreeSet<&str> = a.sources.iter().map(|s| s.doc.as_str()).collect();
    for d in &e.docs {
        assert!(cited.contains(d.as_str()), "{d} not cited: {ctx}");
    }
    if let Some(t) = &e.text_contains {
        assert!(a.text.contains(t.as_str()), "{ctx}");
    }
    if let Some(n) = &e.name {
        assert!(a.text.starts_with(n.as_str()), "{ctx}");
    }
    // Every source quotes the sentence it cites.
    for s in &a.sources {
        let doc = docs
            .iter()
            .find(|d| d.id == s.doc)
            .expect("cited document exists");
        assert_eq!(
            doc.sentences.get(s.sentence).map(|x| x.text.as_str()),
            Some(s.text.as_str()),
            "{ctx}"
        );
    }
    a
}

#[test]
fn fixture_questions() {
    let cases: Cases = serde_json::from_str(&fixture("ask/cases.json")).expect("cases.json");
    let mut docs = documents(&cases.docs);
    let story = analyse(&mut docs);
    for q in &cases.questions {
        check(q, &docs, &story);
    }
}

#[test]
fn demo_questions() {
    let mut docs = demo_documents();
    let story = analyse(&mut docs);
    let gold = demo_gold();
    let questions: Vec<Expected> =
        serde_json::from_value(gold["questions"].clone()).expect("questions");
    for q in &questions {
        let a = check(q, &docs, &story);
        eprintln!("{} -> {}", q.question, a.text);
    }
}

#[test]
fn seed_questions() {
    let Some(mut docs) = seed_documents() else {
        return;
    };
    let story = analyse(&mut docs);
    let cases = [
        (
            "How many US troops were in Iraq in December 2011?",
            6_000.0,
            Approx::Exact,
            "001_3363aea4f4f1204e",
        ),
        (
            "How many US troops were in Iraq in July 2021?",
            2_500.0,
            Approx::About,
            "003_16148c3dbffbe477",
        ),
        (
            "How many American soldiers were in Iraq in 2007?",
            170_000.0,
            Approx::Exact,
            "001_3363aea4f4f1204e",
        ),
        (
            "How many U.S. forces were in Iraq in July 2009?",
            130_000.0,
            Approx::About,
            "000_1e563915b1f0b231",
        ),
    ];
    for (q, value, approx, doc) in cases {
        let a = answer(q, &docs, &story);
        eprintln!("{q} -> {}", a.text);
        assert!(a.answered, "{a:#?}");
        assert_eq!((a.value, a.approx), (Some(value), Some(approx)), "{a:#?}");
        assert_eq!(
            a.sources.first().map(|s| s.doc.as_str()),
            Some(doc),
            "{a:#?}"
        );
    }
    let outlet = answer(cases[0].0, &docs, &story).sources[0].outlet.clone();
    assert_eq!(outlet.as_deref(), Some("GlobalPost"));
    let none = answer("How many US troops were in Iraq in 2015?", &docs, &story);
    assert!(
        !none.answered && none.text.contains("no figure"),
        "{none:#?}"
    );
    let when = answer("When was the strategic dialogue held?", &docs, &story);
    assert_eq!(
        when.date.map(|d| d.to_string()).as_deref(),
        Some("2020-06-11"),
        "{when:#?}"
    );
}
