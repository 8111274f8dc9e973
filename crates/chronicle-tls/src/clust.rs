//! Event clustering: articles grouped into events by time and content, each
//! event dated, events ranked, one summary per date (news-tls's CLUST,
//! Ghalandari & Ifrim 2020, rewritten and extended).
//!
//! Articles are tf-idf vectors (unit length, document frequencies over the
//! collection). Two articles are linked when they were published within
//! [`ClusterOptions::window_days`] of each other, weighted by their cosine;
//! Markov clustering (van Dongen's MCL: expansion by squaring, inflation,
//! pruning) splits that graph into events. An event is dated by the day its
//! sentences name most; events on one date are one entry. By default the
//! events' dates come first, in the date ranker's order (news-tls: by
//! event size), then the other candidate dates fill what is left; each date
//! is summarised by the date summariser of [`TimelineState`].
//!
//! On Timeline17 this beats news-tls's CLUST clearly and the ranker alone
//! on ROUGE by a little, at a lower Date-F1 (figures in the crate README).

use crate::ranker::DateRanker;
use crate::select::{greedy, Gain, MIN_SUMMARY_WORDS, UNIT_VECTORS_MIN_DOCS};
use crate::state::{spread_over_time_with, TimelineState, RANKER_MIN_DOCS};
use crate::timeline::{Method, TimelineOptions};
use crate::vectors::SparseVector;
use chronicle_model::{Citation, Granularity, PartialDate, Timeline, TimelineEntry};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Weighted undirected graph: per node, its neighbours (sorted) and weights.
pub type Graph = Vec<Vec<(usize, f64)>>;

/// How events are ranked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ClusterRanking {
    /// news-tls: by articles, ties by how many sentences name the date.
    Size,
    /// Every candidate date by the date ranker's logit, plus `event_bonus`
    /// and `size_weight · ln(1 + articles)` when events are dated to it
    /// ([`EVENTS_FIRST`] puts event dates first and fills up with the rest).
    /// With `spread`, spread over time as [`crate::Method::Ranker`] is, a
    /// date costing a further `same_event_cost` per date already picked
    /// whose main event (the one naming it most) is its own.
    DateRanker {
        event_bonus: f64,
        size_weight: f64,
        spread: bool,
        same_event_cost: f64,
    },
}

/// Which sentences summarise a date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ClusterSummary {
    /// news-tls: the first [`CLUSTER_LEAD`] sentences of the event's articles.
    ArticleLeads,
    /// The date summariser of [`TimelineState`] on the event's date (every
    /// sentence naming it and the leads published on it or the day after).
    DatePool,
}

/// An event bonus beyond any gap of ranker logits.
pub const EVENTS_FIRST: f64 = 100.0;

/// The first sentences of an article that news-tls's CLUST summarises from.
pub const CLUSTER_LEAD: usize = 5;

#[derive(Debug, Clone, PartialEq)]
pub struct ClusterOptions {
    /// Articles published at most this many days apart may be linked.
    pub window_days: i64,
    /// Links weaker than this cosine are dropped.
    pub min_similarity: f64,
    /// MCL inflation exponent: higher gives smaller events.
    pub inflation: f64,
    /// MCL iterations at most (it usually converges in 10–30).
    pub max_iterations: usize,
    /// Transition probabilities below this are pruned after each iteration.
    pub prune: f64,
    /// Events of fewer articles are not ranked as events.
    pub min_event_docs: usize,
    /// With [`ClusterRanking::DateRanker`], an event is dated by the day the
    /// ranker scores best among those its sentences name at least this share
    /// as often as the most named one (1: the most named day, as news-tls).
    pub date_tie_share: f64,
    pub ranking: ClusterRanking,
    pub summary: ClusterSummary,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            window_days: 1,
            min_similarity: 0.2,
            inflation: 3.0,
            max_iterations: 100,
            prune: 1e-3,
            min_event_docs: 1,
            date_tie_share: 0.75,
            ranking: ClusterRanking::DateRanker {
                event_bonus: EVENTS_FIRST,
                size_weight: 0.0,
                spread: false,
                same_event_cost: 0.0,
            },
            summary: ClusterSummary::DatePool,
        }
    }
}

impl ClusterOptions {
    /// news-tls's CLUST as published (undirected graph, otherwise its settings).
    pub fn news_tls() -> Self {
        ClusterOptions {
            min_similarity: 0.0,
            inflation: 2.0,
            min_event_docs: 1,
            date_tie_share: 1.0,
            ranking: ClusterRanking::Size,
            summary: ClusterSummary::ArticleLeads,
            ..ClusterOptions::default()
        }
    }
}

/// Links between items published within `window_days` of each other whose
/// cosine exceeds `min_similarity`. Only pairs inside the window are
/// compared (items sorted by day), so the cost follows the window, not n².
/// Items without a day stay unlinked.
pub fn similarity_graph(
    vectors: &[SparseVector],
    days: &[Option<i64>],
    window_days: i64,
    min_similarity: f64,
) -> Graph {
    let n = vectors.len().min(days.len());
    let mut order: Vec<(i64, usize)> = (0..n).filter_map(|i| days[i].map(|d| (d, i))).collect();
    order.sort_unstable();
    let mut graph: Graph = vec![Vec::new(); n];
    for (a, &(day_a, i)) in order.iter().enumerate() {
        for &(day_b, j) in &order[a + 1..] {
            if day_b - day_a > window_days {
                break;
            }
            let similarity = vectors[i].cosine(&vectors[j]);
            if similarity > min_similarity {
                graph[i].push((j, similarity));
                graph[j].push((i, similarity));
            }
        }
    }
    for links in &mut graph {
        links.sort_by_key(|(j, _)| *j);
    }
    graph
}

/// A column-stochastic sparse matrix: per column, (row, value) sorted by row.
type Columns = Vec<Vec<(usize, f64)>>;

fn normalise_columns(columns: &mut Columns) {
    for column in columns.iter_mut() {
        let sum: f64 = column.iter().map(|(_, v)| v).sum();
        if sum > 0.0 {
            for (_, v) in column.iter_mut() {
                *v /= sum;
            }
        }
    }
}

/// `m · m`, column by column, through a dense accumulator.
fn square(m: &Columns) -> Columns {
    let n = m.len();
    let mut acc = vec![0.0; n];
    let mut touched: Vec<usize> = Vec::new();
    m.iter()
        .map(|column| {
            for &(k, weight) in column {
                for &(row, v) in &m[k] {
                    if acc[row] == 0.0 {
                        touched.push(row);
                    }
                    acc[row] += weight * v;
                }
            }
            touched.sort_unstable();
            let out: Vec<(usize, f64)> = touched.iter().map(|&r| (r, acc[r])).collect();
            for &r in &touched {
                acc[r] = 0.0;
            }
            touched.clear();
            out
        })
        .collect()
}

/// Raises entries to `inflation`, renormalises, and drops entries under
/// `prune` (but keeps each column's largest, as markov_clustering does).
fn inflate_and_prune(m: &mut Columns, inflation: f64, prune: f64) {
    for column in m.iter_mut() {
        for (_, v) in column.iter_mut() {
            *v = v.powf(inflation);
        }
    }
    normalise_columns(m);
    for column in m.iter_mut() {
        let largest = column
            .iter()
            .map(|(_, v)| *v)
            .fold(f64::NEG_INFINITY, f64::max);
        column.retain(|(_, v)| *v >= prune || *v == largest);
    }
}

fn converged(a: &Columns, b: &Columns) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((i, u), (j, v))| i == j && (u - v).abs() <= 1e-8 + 1e-5 * v.abs())
        })
}

/// Markov clustering of `graph` (self-loops of weight 1 added). Each node
/// joins the attractor that holds most of its flow (ties: the lowest
/// index), so clusters are disjoint. Clusters come largest first, ties by
/// their first node; nodes within a cluster ascend. Deterministic.
pub fn markov_clusters(
    graph: &Graph,
    inflation: f64,
    max_iterations: usize,
    prune: f64,
) -> Vec<Vec<usize>> {
    let n = graph.len();
    let mut m: Columns = graph
        .iter()
        .enumerate()
        .map(|(j, links)| {
            let mut column: Vec<(usize, f64)> = links
                .iter()
                .filter(|(i, w)| *i != j && *i < n && *w > 0.0)
                .copied()
                .collect();
            column.push((j, 1.0));
            column.sort_by_key(|(i, _)| *i);
            column
        })
        .collect();
    normalise_columns(&mut m);
    for _ in 0..max_iterations {
        let mut next = square(&m);
        inflate_and_prune(&mut next, inflation, prune);
        let done = converged(&next, &m);
        m = next;
        if done {
            break;
        }
    }
    let attractor: Vec<bool> = (0..n)
        .map(|i| m[i].iter().any(|&(r, v)| r == i && v > 0.0))
        .collect();
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (j, column) in m.iter().enumerate() {
        let best = column
            .iter()
            .filter(|(r, _)| attractor[*r])
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map_or(j, |(r, _)| *r);
        groups.entry(best).or_default().push(j);
    }
    let mut clusters: Vec<Vec<usize>> = groups.into_values().collect();
    clusters.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    clusters
}

/// An event: articles about one thing published close together.
#[derive(Debug, Clone, PartialEq)]
pub struct EventCluster {
    /// Indices into [`TimelineState::documents`], ascending.
    pub docs: Vec<usize>,
    /// The day its sentences name most (ties: the earliest); without one,
    /// its first publication day.
    pub date: Option<PartialDate>,
    /// Sentences of the event naming `date`.
    pub date_mentions: usize,
    /// Distinct publication days of its articles.
    pub days: usize,
    /// Every day its sentences name, with how many do, by date.
    pub named: Vec<(PartialDate, usize)>,
}

/// Unit-length tf-idf vectors of whole articles, with document frequencies
/// over the collection (news-tls: scikit-learn's `TfidfVectorizer` on
/// title and text).
fn article_vectors(state: &TimelineState) -> Vec<SparseVector> {
    let counts: Vec<SparseVector> = (0..state.documents().len())
        .map(|d| {
            state
                .sentence_views(d)
                .fold(SparseVector::default(), |acc, s| acc.plus(s.counts, 1.0))
        })
        .collect();
    let mut df: HashMap<u32, u32> = HashMap::new();
    for v in &counts {
        for (id, _) in &v.0 {
            *df.entry(*id).or_default() += 1;
        }
    }
    let n = counts.len() as f64;
    counts
        .into_iter()
        .map(|v| {
            let weighted =
                v.0.iter()
                    .map(|(id, c)| {
                        let df = df.get(id).copied().unwrap_or(0) as f64;
                        (*id, c * (((1.0 + n) / (1.0 + df)).ln() + 1.0))
                    })
                    .collect();
            SparseVector(weighted).normalised()
        })
        .collect()
}

fn publication_day(state: &TimelineState, d: usize) -> Option<PartialDate> {
    state.documents()[d]
        .published
        .date
        .filter(|p| p.granularity() == Granularity::Day)
}

/// The events of the documents in `state`, in [`markov_clusters`] order.
pub fn event_clusters(state: &TimelineState, options: &ClusterOptions) -> Vec<EventCluster> {
    let vectors = article_vectors(state);
    let days: Vec<Option<i64>> = (0..vectors.len())
        .map(|d| publication_day(state, d).map(|p| p.first_day()))
        .collect();
    let graph = similarity_graph(&vectors, &days, options.window_days, options.min_similarity);
    markov_clusters(
        &graph,
        options.inflation,
        options.max_iterations,
        options.prune,
    )
    .into_iter()
    .map(|docs| {
        let mut named: BTreeMap<PartialDate, usize> = BTreeMap::new();
        for &d in &docs {
            for s in state.sentence_views(d) {
                for date in s
                    .dates
                    .iter()
                    .filter(|x| x.granularity() == Granularity::Day)
                {
                    *named.entry(*date).or_default() += 1;
                }
            }
        }
        let top = named
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(date, n)| (*date, *n));
        let published: BTreeSet<PartialDate> = docs
            .iter()
            .filter_map(|&d| publication_day(state, d))
            .collect();
        let (date, date_mentions) = match top {
            Some((date, n)) => (Some(date), n),
            None => (published.first().copied(), 0),
        };
        EventCluster {
            docs,
            date,
            date_mentions,
            days: published.len(),
            named: named.into_iter().collect(),
        }
    })
    .collect()
}

/// Per day named in the collection, the event whose sentences name it most
/// (ties: the earlier event in `events` order).
fn main_events(state: &TimelineState, events: &[EventCluster]) -> HashMap<PartialDate, usize> {
    let mut counts: BTreeMap<(PartialDate, usize), usize> = BTreeMap::new();
    for (e, event) in events.iter().enumerate() {
        for &d in &event.docs {
            for s in state.sentence_views(d) {
                for date in s
                    .dates
                    .iter()
                    .filter(|x| x.granularity() == Granularity::Day)
                {
                    *counts.entry((*date, e)).or_default() += 1;
                }
            }
        }
    }
    let mut best: HashMap<PartialDate, (usize, usize)> = HashMap::new();
    for ((date, e), n) in counts {
        let slot = best.entry(date).or_insert((e, n));
        if n > slot.1 {
            *slot = (e, n);
        }
    }
    best.into_iter().map(|(date, (e, _))| (date, e)).collect()
}

fn within(date: PartialDate, options: &TimelineOptions) -> bool {
    options
        .from
        .is_none_or(|f| date.last_day() >= f.first_day())
        && options.to.is_none_or(|t| date.first_day() <= t.last_day())
}

/// The timeline of `state` by events: what [`Method::Clusters`] and
/// [`Method::ClustersNewsTls`] run.
pub fn cluster_timeline(
    state: &TimelineState,
    options: &TimelineOptions,
    ranker: &DateRanker,
    wanted: usize,
) -> Timeline {
    let cluster_options = if options.method == Method::ClustersNewsTls {
        ClusterOptions::news_tls()
    } else {
        ClusterOptions::default()
    };
    cluster_timeline_with(state, options, ranker, wanted, &cluster_options)
}

/// [`cluster_timeline`] with other clustering, ranking and summary options.
pub fn cluster_timeline_with(
    state: &TimelineState,
    options: &TimelineOptions,
    ranker: &DateRanker,
    wanted: usize,
    cluster_options: &ClusterOptions,
) -> Timeline {
    let events = event_clusters(state, cluster_options);
    let ranked_dates: Vec<(PartialDate, f64)> = match cluster_options.ranking {
        ClusterRanking::DateRanker { .. } => state.rank_dates(options, ranker),
        ClusterRanking::Size => Vec::new(),
    };
    let logits: HashMap<PartialDate, f64> = ranked_dates.iter().copied().collect();
    let share = cluster_options.date_tie_share;
    let date_logits = (share < 1.0 && !logits.is_empty()).then_some(&logits);
    // Per date: the articles of the events dated to it (several events on
    // one date are one entry).
    let mut by_date: BTreeMap<PartialDate, Vec<usize>> = BTreeMap::new();
    for event in events
        .iter()
        .filter(|e| e.docs.len() >= cluster_options.min_event_docs)
    {
        let Some(mut date) = event.date else { continue };
        if let Some(logits) = date_logits {
            // Among the days the event names about as often as its most
            // named one, the one the ranker likes best (an event reported
            // over two days often names both).
            let top = event.date_mentions;
            if let Some((best, _)) = event
                .named
                .iter()
                .filter(|(_, n)| *n as f64 >= share * top as f64 && top > 0)
                .filter_map(|(d, _)| logits.get(d).map(|l| (*d, *l)))
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            {
                date = best;
            }
        }
        if !within(date, options) || (options.days_only && date.granularity() != Granularity::Day) {
            continue;
        }
        by_date
            .entry(date)
            .or_default()
            .extend(event.docs.iter().copied());
    }
    let ranked: Vec<(PartialDate, f64)> = match cluster_options.ranking {
        ClusterRanking::Size => {
            // Ties by the sentences naming the date, over the collection.
            let mut named: HashMap<PartialDate, usize> = HashMap::new();
            for d in 0..state.documents().len() {
                for s in state.sentence_views(d) {
                    for date in s.dates {
                        *named.entry(*date).or_default() += 1;
                    }
                }
            }
            let mut ranked: Vec<(PartialDate, f64)> = by_date
                .iter()
                .map(|(date, docs)| {
                    let tie = named.get(date).copied().unwrap_or(0) as f64 * 1e-6;
                    (*date, docs.len() as f64 + tie)
                })
                .collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            ranked
        }
        ClusterRanking::DateRanker {
            event_bonus,
            size_weight,
            spread,
            same_event_cost,
        } => {
            // On a handful of documents nearly every event is one article
            // and its date uncorroborated: rank as the dates alone.
            let min_docs = options.ranker_min_docs.unwrap_or(RANKER_MIN_DOCS);
            let (event_bonus, size_weight) = if state.documents().len() < min_docs {
                (0.0, 0.0)
            } else {
                (event_bonus, size_weight)
            };
            let mut ranked: Vec<(PartialDate, f64)> = ranked_dates
                .iter()
                .map(|&(date, logit)| {
                    let score = match by_date.get(&date) {
                        Some(docs) => {
                            logit + event_bonus + size_weight * (docs.len() as f64).ln_1p()
                        }
                        None => logit,
                    };
                    (date, score)
                })
                .collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            if spread {
                let events_of = main_events(state, &events);
                let cost = |date: PartialDate, picked: &[(PartialDate, f64)]| {
                    let Some(event) = events_of.get(&date) else {
                        return 0.0;
                    };
                    let same = picked
                        .iter()
                        .filter(|(p, _)| events_of.get(p) == Some(event))
                        .count();
                    same_event_cost * same as f64
                };
                ranked = spread_over_time_with(ranked, wanted, &cost);
            }
            // Entries show the ranker's score; the bonus only orders them.
            ranked
                .into_iter()
                .map(|(date, score)| (date, logits.get(&date).copied().unwrap_or(score)))
                .collect()
        }
    };
    match cluster_options.summary {
        ClusterSummary::DatePool => state.timeline_of_dates(options, ranked, wanted),
        ClusterSummary::ArticleLeads => {
            let pool_of = |date: PartialDate| {
                let docs = by_date.get(&date).cloned().unwrap_or_default();
                let candidates = docs
                    .iter()
                    .flat_map(|&d| {
                        (0..state.sentence_views(d).count().min(CLUSTER_LEAD)).map(move |s| (d, s))
                    })
                    .collect();
                DatePool { candidates, docs }
            };
            summarise_pools(state, options, &ranked, wanted, &pool_of)
        }
    }
}

/// A sentence: (document, sentence) indices.
type SentenceRef = (usize, usize);

/// What one date is summarised from.
struct DatePool {
    /// Sentences that may be quoted.
    candidates: Vec<SentenceRef>,
    /// The documents the entry cites as reporting the date.
    docs: Vec<usize>,
}

/// Summarises `ranked` dates from the pools `pool_of` gives, by greedy
/// centroid selection, until `wanted` dates have a summary. A sentence is
/// quoted under one date at most.
fn summarise_pools(
    state: &TimelineState,
    options: &TimelineOptions,
    ranked: &[(PartialDate, f64)],
    wanted: usize,
    pool_of: &dyn Fn(PartialDate) -> DatePool,
) -> Timeline {
    let keywords: Vec<String> = options
        .keywords
        .iter()
        .map(|k| k.to_lowercase())
        .filter(|k| !k.is_empty())
        .collect();
    let mut timeline = state.timeline_of_dates(options, Vec::new(), 0);
    let docs = state.documents();
    let views: Vec<Vec<crate::state::SentenceView>> = (0..docs.len())
        .map(|d| state.sentence_views(d).collect())
        .collect();
    let mut used: HashSet<SentenceRef> = HashSet::new();
    for &(date, score) in ranked {
        if timeline.entries.len() >= wanted {
            break;
        }
        let pool = pool_of(date);
        let candidates: Vec<SentenceRef> = pool
            .candidates
            .iter()
            .copied()
            .filter(|r| !used.contains(r))
            .collect();
        let pool_docs: BTreeSet<usize> = candidates.iter().map(|(d, _)| *d).collect();
        let unit = pool_docs.len() >= UNIT_VECTORS_MIN_DOCS;
        let vector = |&(d, s): &SentenceRef| {
            let v = views[d]
                .get(s)
                .map(|view| state.sentence_tf_idf(view.counts))
                .unwrap_or_default();
            if unit {
                v.normalised()
            } else {
                v
            }
        };
        let vectors: Vec<SparseVector> = candidates.iter().map(vector).collect();
        let centroid = vectors
            .iter()
            .fold(SparseVector::default(), |acc, v| acc.plus(v, 1.0));
        let mut allowed = Vec::with_capacity(candidates.len());
        let mut preferred = Vec::with_capacity(candidates.len());
        for &(d, s) in &candidates {
            let ok = views[d].get(s).is_some_and(|view| {
                view.quotable
                    && (keywords.is_empty()
                        || keywords.iter().any(|k| view.lower.contains(k.as_str())))
            });
            let long = views[d]
                .get(s)
                .is_some_and(|view| view.words >= MIN_SUMMARY_WORDS && !view.speech);
            allowed.push(ok);
            preferred.push(ok && long);
        }
        let chosen = centroid_selection(
            &vectors,
            &centroid,
            &allowed,
            &preferred,
            options.sentences.max(1),
        );
        if chosen.is_empty() {
            continue;
        }
        let mut summary = Vec::new();
        for i in chosen {
            let (d, s) = candidates[i];
            used.insert((d, s));
            if let Some(sentence) = docs[d].sentences.get(s) {
                summary.push(Citation {
                    text: sentence.text.clone(),
                    doc: docs[d].id.clone(),
                    sentence: s,
                });
            }
        }
        timeline.entries.push(TimelineEntry {
            date,
            summary,
            docs: pool.docs.iter().map(|&d| docs[d].id.clone()).collect(),
            events: Vec::new(),
            score: (score * 1000.0).round() / 1000.0,
        });
    }
    timeline.entries.sort_by_key(|e| e.date);
    timeline
}

/// Greedy centroid selection (news-tls's CentroidOpt): up to `k` allowed
/// items, each keeping the sum of those chosen closest to the centroid of
/// all; preferred items first while any remain; near-repeats skipped.
fn centroid_selection(
    vectors: &[SparseVector],
    centroid: &SparseVector,
    allowed: &[bool],
    preferred: &[bool],
    k: usize,
) -> Vec<usize> {
    let flagged = |flags: &[bool]| -> Vec<usize> {
        (0..vectors.len())
            .filter(|&i| flags.get(i).copied().unwrap_or(false))
            .collect()
    };
    let mut candidates = flagged(preferred);
    if candidates.is_empty() {
        candidates = flagged(allowed);
    }
    let refs: Vec<&SparseVector> = vectors.iter().collect();
    let gain = Gain::Centroid {
        centroid,
        cost: &[],
    };
    greedy(&refs, candidates, k, gain, |_, _| false)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASES: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/clust/cases.txt"
    ));

    struct Case {
        name: String,
        window: i64,
        min_similarity: f64,
        inflation: f64,
        days: Vec<i64>,
        words: Vec<Vec<String>>,
        expect: Vec<Vec<usize>>,
    }

    fn parse_cases() -> Vec<Case> {
        let mut cases: Vec<Case> = Vec::new();
        for line in CASES.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split_whitespace();
            let Some(head) = fields.next() else { continue };
            match head {
                "case" => {
                    let name = fields.next().expect("case name").to_string();
                    let param = |key: &str| -> f64 {
                        line.split_whitespace()
                            .find_map(|f| f.strip_prefix(key)?.strip_prefix('='))
                            .and_then(|v| v.parse().ok())
                            .unwrap_or_else(|| panic!("{name}: no {key}"))
                    };
                    cases.push(Case {
                        window: param("window") as i64,
                        min_similarity: param("min_similarity"),
                        inflation: param("inflation"),
                        name,
                        days: Vec::new(),
                        words: Vec::new(),
                        expect: Vec::new(),
                    });
                }
                "expect" => {
                    let case = cases.last_mut().expect("expect inside a case");
                    let rest = line.trim_start_matches("expect");
                    case.expect = rest
                        .split('|')
                        .map(|group| {
                            group
                                .split_whitespace()
                                .map(|n| n.parse().expect("article number"))
                                .collect()
                        })
                        .collect();
                }
                date => {
                    let case = cases.last_mut().expect("article inside a case");
                    let day: PartialDate = date.parse().expect("article date");
                    case.days.push(day.first_day());
                    case.words.push(fields.map(str::to_string).collect());
                }
            }
        }
        cases
    }

    /// Unit-length count vectors over a vocabulary shared by the articles.
    fn vectors(words: &[Vec<String>]) -> Vec<SparseVector> {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        words
            .iter()
            .map(|ws| {
                let mut counts: BTreeMap<u32, f64> = BTreeMap::new();
                for w in ws {
                    let next = ids.len() as u32;
                    let id = *ids.entry(w.as_str()).or_insert(next);
                    *counts.entry(id).or_default() += 1.0;
                }
                SparseVector(counts.into_iter().collect()).normalised()
            })
            .collect()
    }

    /// Clusters as sorted sets, sorted: the partition regardless of order.
    fn partition(clusters: &[Vec<usize>]) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = clusters
            .iter()
            .map(|c| {
                let mut c = c.clone();
                c.sort_unstable();
                c
            })
            .collect();
        out.sort();
        out
    }

    fn check(case: &Case) {
        let name = &case.name;
        let vectors = vectors(&case.words);
        let days: Vec<Option<i64>> = case.days.iter().map(|d| Some(*d)).collect();
        let graph = similarity_graph(&vectors, &days, case.window, case.min_similarity);
        for (i, links) in graph.iter().enumerate() {
            for &(j, w) in links {
                assert!(
                    (case.days[i] - case.days[j]).abs() <= case.window,
                    "{name}: {i}–{j} linked outside the window"
                );
                assert!(w > case.min_similarity, "{name}: weak link {i}–{j} {w}");
                assert!(
                    graph[j].iter().any(|&(k, v)| k == i && v == w),
                    "{name}: {i}–{j} not symmetric"
                );
            }
        }
        let clusters = markov_clusters(&graph, case.inflation, 100, 1e-3);
        assert_eq!(partition(&clusters), partition(&case.expect), "{name}");
        // Largest first, ties by first member; members ascending.
        for pair in clusters.windows(2) {
            assert!(
                pair[0].len() > pair[1].len()
                    || (pair[0].len() == pair[1].len() && pair[0][0] < pair[1][0]),
                "{name}: order {clusters:?}"
            );
        }
        assert!(clusters.iter().all(|c| c.windows(2).all(|w| w[0] < w[1])));
        // Deterministic, and the same partition whatever the input order.
        assert_eq!(markov_clusters(&graph, case.inflation, 100, 1e-3), clusters);
        let n = vectors.len();
        let reversed_vectors: Vec<SparseVector> = vectors.iter().rev().cloned().collect();
        let reversed_days: Vec<Option<i64>> = days.iter().rev().copied().collect();
        let reversed = similarity_graph(
            &reversed_vectors,
            &reversed_days,
            case.window,
            case.min_similarity,
        );
        let back: Vec<Vec<usize>> = markov_clusters(&reversed, case.inflation, 100, 1e-3)
            .iter()
            .map(|c| c.iter().map(|i| n - 1 - i).collect())
            .collect();
        assert_eq!(partition(&back), partition(&clusters), "{name}: reversed");
    }

    #[test]
    fn fixture_cases() {
        let cases = parse_cases();
        assert!(cases.len() >= 6, "{} cases", cases.len());
        for case in &cases {
            check(case);
        }
    }

    #[test]
    fn undated_items_and_empty_graphs() {
        assert!(markov_clusters(&Vec::new(), 2.0, 100, 1e-3).is_empty());
        let same = vectors(&[vec!["dam".into()], vec!["dam".into()]]);
        let graph = similarity_graph(&same, &[Some(0), None], 1, 0.0);
        assert!(graph.iter().all(Vec::is_empty), "{graph:?}");
        assert_eq!(
            markov_clusters(&graph, 2.0, 100, 1e-3),
            vec![vec![0], vec![1]]
        );
    }

    #[test]
    fn centroid_selection_prefers_long_sentences_and_skips_repeats() {
        let words: Vec<Vec<String>> = [
            "dam gates close reservoir fills",
            "dam gates close reservoir fills",
            "dam reservoir level talks",
            "football score",
        ]
        .iter()
        .map(|s| s.split_whitespace().map(str::to_string).collect())
        .collect();
        let vectors = vectors(&words);
        let centroid = vectors
            .iter()
            .fold(SparseVector::default(), |acc, v| acc.plus(v, 1.0));
        let allowed = [true, true, true, true];
        let chosen = centroid_selection(&vectors, &centroid, &allowed, &allowed, 3);
        // The repeat of sentence 0 is skipped, the off-topic one comes last.
        assert_eq!(chosen, vec![0, 2, 3]);
        // Preferred sentences first; the others only when none is preferred.
        let preferred = [false, false, true, false];
        assert_eq!(
            centroid_selection(&vectors, &centroid, &allowed, &preferred, 2),
            vec![2]
        );
        let none = [false; 4];
        assert!(centroid_selection(&vectors, &centroid, &none, &none, 2).is_empty());
    }
}
