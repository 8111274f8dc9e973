//! The Timeline17-layout loader and news-tls's protocol, on an invented
//! fixture topic and (when `../shared` is present) on Timeline17 itself.

use std::path::{Path, PathBuf};

use chronicle_eval::rouge::Rouge;
use chronicle_eval::tls::{
    average_news_tls, evaluate_news_tls, load_corpus, load_topic, Day, TimelineEvaluator,
};

fn day(s: &str) -> Day {
    s.parse().unwrap()
}

#[test]
fn fixture_topic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tls_corpus/quarry_fire");
    let topic = load_topic(&dir).unwrap();
    assert_eq!(topic.name, "quarry_fire");
    assert_eq!(topic.keywords, ["quarry", "fire"]);
    // The non-date folder is reported, not loaded; the empty file is an article without lines.
    assert_eq!(topic.diagnostics.len(), 1);
    let ids: Vec<String> = topic.articles.iter().map(|a| a.id.to_string()).collect();
    assert_eq!(
        ids,
        [
            "2011-05-01/17.htm.txt",
            "2011-05-03/17.htm.txt",
            "2011-05-03/18.htm.txt",
            "2011-05-09/2.htm.txt"
        ]
    );
    // Lines trimmed, blank ones dropped, PTB escapes kept.
    assert_eq!(
        topic.articles[0].lines,
        [
            "A fire broke out at the Hallam quarry on Sunday .",
            "Crews -LRB- about forty -RRB- fought it overnight ."
        ]
    );
    assert!(topic.articles[2].lines.is_empty());

    let gold = &topic.timelines[0];
    assert_eq!(gold.name, "local_paper");
    let task = topic.task(gold).unwrap();
    assert_eq!(
        (task.first, task.last),
        (day("2011-05-01"), day("2011-05-03"))
    );
    assert_eq!(task.num_dates, 2);
    // 3 sentences over 2 dates: 1.5 rounds to 2.
    assert_eq!(task.sentences_per_date, 2);
    assert_eq!(task.articles.len(), 3);

    // The writer's output reads back to the same timeline.
    let text = gold.timeline.to_tilse_text();
    assert!(text.starts_with("2011-05-01\nFire breaks out"));
    assert_eq!(
        chronicle_eval::tls::Timeline::parse_tilse(&text).unwrap(),
        gold.timeline
    );

    let corpus = load_corpus(dir.parent().unwrap()).unwrap();
    let names: Vec<&str> = corpus.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["harbour_strike", "quarry_fire"]);
}

#[test]
fn fixture_topic_with_news_tls_jsonl() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tls_corpus/harbour_strike");
    let topic = load_topic(&dir).unwrap();
    assert!(topic.keywords.is_empty());
    let names: Vec<&str> = topic.timelines.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["1", "3"]);
    let first = &topic.timelines[0].timeline;
    assert_eq!(first.len(), 2);
    assert_eq!(
        first.get(day("2012-02-10")),
        ["Dock workers strike .", "Ferries halted ."]
    );
    // A repeated date keeps its last summary, as news-tls's dict does.
    assert_eq!(first.get(day("2012-02-12")), ["Talks resume ."]);
    let task = topic.task(&topic.timelines[0]).unwrap();
    assert_eq!(
        (task.num_dates, task.sentences_per_date, task.articles.len()),
        (2, 2, 1)
    );
}

fn t17() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/timeline17");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: ../shared not found ({})", dir.display());
        None
    }
}

#[test]
fn timeline17() {
    let Some(dir) = t17() else { return };
    let topics = load_corpus(&dir).unwrap();
    assert_eq!(topics.len(), 10);
    let bbc = topics.iter().find(|t| t.name == "bpoil_bbc").unwrap();
    assert_eq!(bbc.articles.len(), 293);
    assert_eq!(bbc.keywords, ["bp", "oil", "spill"]);
    let gold = &bbc.timelines[0];
    assert_eq!(gold.name, "bbc");
    let task = bbc.task(gold).unwrap();
    assert_eq!(task.num_dates, 48);
    assert_eq!(task.sentences_per_date, 2); // 98 / 48 = 2.04
    assert_eq!(task.last, day("2010-09-19"));
    assert!(task
        .articles
        .iter()
        .all(|a| task.first <= a.published && a.published <= task.last));

    let reuters = topics
        .iter()
        .find(|t| t.name == "SyrianCrisis_reuters")
        .unwrap();
    let names: Vec<&str> = reuters.timelines.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["tl2.1", "tl2.2", "tl2.3"]);
    // tl7 repeats three dates; the later block wins, as in tilse and news-tls.
    let iraq = topics
        .iter()
        .find(|t| t.name == "IraqWar_guardian")
        .unwrap();
    assert_eq!(iraq.timelines[0].timeline.len(), 155);

    // Every gold timeline scored against itself: AR1 = AR2 = Date-F1 = 1.
    let evaluator = TimelineEvaluator::new(Rouge::tilse());
    let mut pairs = Vec::new();
    for topic in &topics {
        for gold in &topic.timelines {
            pairs.push(evaluate_news_tls(
                &evaluator,
                &gold.timeline,
                &gold.timeline,
            ));
        }
    }
    assert_eq!(pairs.len(), 12);
    let avg = average_news_tls(&pairs);
    assert!((avg.ar1.f1 - 1.0).abs() < 1e-12, "{avg:?}");
    assert!((avg.ar2.f1 - 1.0).abs() < 1e-12, "{avg:?}");
    assert_eq!(avg.date.f1, 1.0);
}
