//! Event clustering (`Method::Clusters`) on the invented fixture corpus.

mod common;

use chronicle_model::PartialDate;
use chronicle_tls::clust::{cluster_timeline_with, event_clusters, ClusterOptions};
use chronicle_tls::news_tls;
use chronicle_tls::{DateRanker, Method, TimelineOptions, TimelineState};
use common::topic;
use std::collections::BTreeSet;

fn options() -> TimelineOptions {
    TimelineOptions {
        dates: Some(3),
        sentences: 1,
        method: Method::Clusters,
        keywords: vec!["ferry".into(), "strike".into()],
        days_only: true,
        next_day_reports: true,
        ..TimelineOptions::default()
    }
}

fn day(text: &str) -> PartialDate {
    text.parse().expect("date")
}

#[test]
fn events_partition_the_documents_and_are_dated() {
    let t = topic();
    let state = TimelineState::from_documents(&t.documents);
    for cluster_options in [ClusterOptions::default(), ClusterOptions::news_tls()] {
        let events = event_clusters(&state, &cluster_options);
        let mut seen: Vec<usize> = events.iter().flat_map(|e| e.docs.clone()).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..t.documents.len()).collect::<Vec<_>>());
        for e in &events {
            let date = e.date.expect("every fixture event names a day");
            assert!(e.date_mentions > 0, "{e:?}");
            assert!(e.days >= 1 && e.days <= e.docs.len(), "{e:?}");
            assert!(
                (day("2031-02-25")..=day("2031-03-12")).contains(&date),
                "{e:?}"
            );
        }
        assert_eq!(event_clusters(&state, &cluster_options), events);
    }
}

#[test]
fn clusters_method_builds_a_cited_timeline() {
    let t = topic();
    let state = TimelineState::from_documents(&t.documents);
    let timeline = state.timeline(&options());
    let dates: Vec<String> = timeline
        .entries
        .iter()
        .map(|e| e.date.to_string())
        .collect();
    assert_eq!(dates.len(), 3, "{dates:?}");
    let gold = ["2031-03-01", "2031-03-08", "2031-03-09"];
    let right = dates.iter().filter(|d| gold.contains(&d.as_str())).count();
    assert!(right >= 2, "{dates:?}");
    let ids: BTreeSet<&str> = t.documents.iter().map(|d| d.id.as_str()).collect();
    for entry in &timeline.entries {
        assert!(!entry.summary.is_empty(), "{entry:?}");
        for c in &entry.summary {
            assert!(ids.contains(c.doc.as_str()), "{c:?}");
            let lower = c.text.to_lowercase();
            assert!(lower.contains("ferry") || lower.contains("strike"), "{c:?}");
        }
    }
    assert_eq!(state.timeline(&options()), timeline);
}

#[test]
fn news_tls_settings_summarise_event_leads() {
    let t = topic();
    let state = TimelineState::from_documents(&t.documents);
    let events = event_clusters(&state, &ClusterOptions::news_tls());
    let event_dates: BTreeSet<PartialDate> = events.iter().filter_map(|e| e.date).collect();
    let timeline = cluster_timeline_with(
        &state,
        &options(),
        DateRanker::builtin(),
        3,
        &ClusterOptions::news_tls(),
    );
    assert!(!timeline.entries.is_empty());
    for entry in &timeline.entries {
        // Only event dates, each summarised from its events' first sentences.
        assert!(event_dates.contains(&entry.date), "{entry:?}");
        for c in &entry.summary {
            assert!(c.sentence < chronicle_tls::clust::CLUSTER_LEAD, "{c:?}");
            assert!(entry.docs.contains(&c.doc), "{entry:?}");
        }
    }
}

#[test]
fn news_tls_protocol_runs_the_clusters_method() {
    let t = topic();
    let report = news_tls::evaluate(
        std::slice::from_ref(&t),
        Method::Clusters.into(),
        DateRanker::builtin(),
        None,
    );
    assert_eq!(report.method, Method::Clusters);
    assert_eq!(report.pairs, 1);
    assert!(report.average.date.f1 > 0.3, "{:?}", report.average);
}

#[test]
fn event_dates_come_first_once_the_batch_is_large_enough() {
    let t = topic();
    let state = TimelineState::from_documents(&t.documents);
    // Events dated by their most named day (the ranker alone would take
    // 2031-03-08, which no event names most).
    let most_named = ClusterOptions {
        date_tie_share: 1.0,
        ..ClusterOptions::default()
    };
    let event_dates: BTreeSet<PartialDate> = event_clusters(&state, &most_named)
        .iter()
        .filter_map(|e| e.date)
        .collect();
    let mut large = options();
    large.ranker_min_docs = Some(1);
    large.dates = Some(2);
    let picked: Vec<PartialDate> =
        cluster_timeline_with(&state, &large, DateRanker::builtin(), 2, &most_named)
            .entries
            .iter()
            .map(|e| e.date)
            .collect();
    assert_eq!(picked.len(), 2);
    assert!(
        picked.iter().all(|d| event_dates.contains(d)),
        "{picked:?} not among {event_dates:?}"
    );
    // Below the threshold the dates are ranked alone, as Method::Mentions does.
    let mut small = large.clone();
    small.ranker_min_docs = None;
    let mut mentions = small.clone();
    mentions.method = Method::Mentions;
    let dates = |o: &TimelineOptions| -> Vec<PartialDate> {
        state.timeline(o).entries.iter().map(|e| e.date).collect()
    };
    assert_eq!(dates(&small), dates(&mentions));
}

#[test]
fn every_summary_mode_quotes_keyword_sentences_once() {
    use chronicle_tls::clust::ClusterSummary;
    let t = topic();
    let state = TimelineState::from_documents(&t.documents);
    let mut large = options();
    large.ranker_min_docs = Some(1);
    large.sentences = 2;
    for summary in [ClusterSummary::ArticleLeads, ClusterSummary::DatePool] {
        let cluster_options = ClusterOptions {
            summary,
            ..ClusterOptions::default()
        };
        let timeline =
            cluster_timeline_with(&state, &large, DateRanker::builtin(), 3, &cluster_options);
        assert!(!timeline.entries.is_empty(), "{summary:?}");
        assert_eq!(timeline.documents.len(), t.documents.len());
        let mut quoted = BTreeSet::new();
        for entry in &timeline.entries {
            assert!(
                !entry.summary.is_empty() && entry.summary.len() <= 2,
                "{summary:?}: {entry:?}"
            );
            for c in &entry.summary {
                let lower = c.text.to_lowercase();
                assert!(
                    lower.contains("ferry") || lower.contains("strike"),
                    "{summary:?}: {c:?}"
                );
                assert!(
                    quoted.insert((c.doc.clone(), c.sentence)),
                    "{summary:?}: {c:?} quoted twice"
                );
            }
        }
    }
}
