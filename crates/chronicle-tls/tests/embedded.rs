//! Summaries with dense sentence vectors (`Summariser::Embedded`), with
//! invented encoders standing in for MiniLM: a failing encoder gives the
//! tf-idf summaries, a constant one changes nothing, and one that sets
//! some sentences apart moves the choice off them.

mod common;

use chronicle_tls::Method;
use chronicle_tls::{DateRanker, SentenceEncoder, Summariser, TimelineOptions, TimelineState};
use common::topic;
use std::cell::Cell;

fn options() -> TimelineOptions {
    TimelineOptions {
        dates: Some(3),
        sentences: 1,
        method: Method::Ranker,
        keywords: vec!["ferry".into(), "strike".into()],
        days_only: true,
        next_day_reports: true,
        ..TimelineOptions::default()
    }
}

/// Fails every call, counting them.
struct Failing(Cell<usize>);

impl SentenceEncoder for Failing {
    fn encode(&self, _: &[&str]) -> Option<Vec<Vec<f32>>> {
        self.0.set(self.0.get() + 1);
        None
    }
}

/// The same vector for every text: closeness in its space is 1 for any summary.
struct Constant;

impl SentenceEncoder for Constant {
    fn encode(&self, texts: &[&str]) -> Option<Vec<Vec<f32>>> {
        Some(texts.iter().map(|_| vec![0.6, 0.8]).collect())
    }
}

/// Texts saying `word` point one way, all others another.
struct Says(&'static str);

impl SentenceEncoder for Says {
    fn encode(&self, texts: &[&str]) -> Option<Vec<Vec<f32>>> {
        Some(
            texts
                .iter()
                .map(|t| {
                    if t.to_lowercase().contains(self.0) {
                        vec![1.0, 0.0]
                    } else {
                        vec![0.0, 1.0]
                    }
                })
                .collect(),
        )
    }
}

fn summaries(state: &TimelineState, summariser: Summariser<'_>) -> Vec<(String, Vec<String>)> {
    state
        .timeline_scored(&options(), DateRanker::builtin(), summariser)
        .entries
        .into_iter()
        .map(|e| {
            (
                e.date.to_string(),
                e.summary.into_iter().map(|c| c.text).collect(),
            )
        })
        .collect()
}

#[test]
fn a_failing_encoder_gives_the_tf_idf_summaries() {
    let state = TimelineState::from_documents(&topic().documents);
    let failing = Failing(Cell::new(0));
    assert_eq!(
        summaries(&state, Summariser::Embedded(&failing)),
        summaries(&state, Summariser::Centroid)
    );
    assert!(failing.0.get() > 0, "the encoder was never asked");
}

#[test]
fn a_constant_encoder_changes_nothing() {
    let state = TimelineState::from_documents(&topic().documents);
    assert_eq!(
        summaries(&state, Summariser::Embedded(&Constant)),
        summaries(&state, Summariser::Centroid)
    );
}

#[test]
fn the_dense_space_moves_the_choice() {
    let state = TimelineState::from_documents(&topic().documents);
    let plain = summaries(&state, Summariser::Centroid);
    // The dense centroid is the mean of what the pool says: an encoder that
    // sets apart the few sentences saying "union" (one of them the tf-idf
    // pick on 2031-03-01) moves the summary off them, on the same dates.
    let word = "union";
    let embedded = summaries(&state, Summariser::Embedded(&Says(word)));
    let dates = |s: &[(String, Vec<String>)]| s.iter().map(|(d, _)| d.clone()).collect::<Vec<_>>();
    assert_eq!(dates(&embedded), dates(&plain));
    let uses = |s: &[(String, Vec<String>)]| {
        s.iter()
            .flat_map(|(_, texts)| texts)
            .filter(|t| t.to_lowercase().contains(word))
            .count()
    };
    assert!(
        uses(&plain) > 0 && uses(&embedded) < uses(&plain),
        "plain {plain:?}\nembedded {embedded:?}"
    );
}
