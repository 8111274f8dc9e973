//! Options and methods for building a timeline, and the one-shot entry point.

use crate::state::TimelineState;
use chronicle_model::{Document, PartialDate, Timeline};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How dates are chosen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// Dates ranked by document support: each document pointing at a date
    /// counts once, weighted by how far the date is from its publication.
    /// What `Ranker` falls back to on small batches.
    Mentions,
    /// Dates ranked by a small logistic model over mention and publication
    /// counts (news-tls's DATEWISE features), trained on Timeline17 dev
    /// topics; small batches (see [`TimelineOptions::ranker_min_docs`]) are
    /// ranked as `Mentions`. The default: the best on Timeline17.
    #[default]
    Ranker,
    /// Events first: articles grouped by content within a few days
    /// (Markov clustering, as news-tls's CLUST), each event dated by the day
    /// it names most, events ranked by the date ranker, one summary per date
    /// (see [`crate::clust`]).
    Clusters,
    /// news-tls's CLUST as published, for comparison: events ranked by
    /// size, dated by the day they name most, summarised from their
    /// articles' first sentences; no other dates.
    ClustersNewsTls,
}

impl Method {
    pub const ALL: [Method; 4] = [
        Method::Mentions,
        Method::Ranker,
        Method::Clusters,
        Method::ClustersNewsTls,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Method::Mentions => "mentions",
            Method::Ranker => "ranker",
            Method::Clusters => "clusters",
            Method::ClustersNewsTls => "clusters-news-tls",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Method {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Method::ALL
            .into_iter()
            .find(|m| m.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Method::ALL.iter().map(|m| m.name()).collect();
                format!(
                    "unknown method {s:?} (expected one of: {})",
                    names.join(", ")
                )
            })
    }
}

#[derive(Debug, Clone, Default)]
pub struct TimelineOptions {
    /// How many dates; `None` picks a number from the size of the batch.
    pub dates: Option<usize>,
    /// Sentences per date (at least one).
    pub sentences: usize,
    /// Only dates within these bounds (inclusive).
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    pub method: Method,
    /// When not empty, a summary sentence must contain one of these
    /// (lower-cased substring match, as news-tls filters by query keywords).
    pub keywords: Vec<String>,
    /// Only dates known to the day (benchmarks score nothing else).
    pub days_only: bool,
    /// Below this many documents [`Method::Ranker`] ranks as
    /// [`Method::Mentions`]; `None` means [`crate::state::RANKER_MIN_DOCS`].
    pub ranker_min_docs: Option<usize>,
    /// Whether articles published the day after a date may report it
    /// without naming it. True under the news-tls protocol (Timeline17's
    /// publication dates lag the events they report); false for readers'
    /// timelines, where a sentence is only cited under a date it names or the
    /// day its article came out, and a date needs a document that names it
    /// or was published on it.
    pub next_day_reports: bool,
    /// Quote summary sentences exactly as written. By default a quote drops
    /// the time expressions that only repeat its entry's date ("Obama on
    /// Wednesday pressured BP" under 2010-06-16 reads "Obama pressured BP");
    /// the citation points at the whole sentence either way.
    pub verbatim: bool,
}

/// Builds the timeline of `docs`.
pub fn build_timeline(docs: &[Document], options: &TimelineOptions) -> Timeline {
    TimelineState::from_documents(docs).timeline(options)
}
