//! The running state of a timeline: per-date statistics, which sentences
//! name which date, and term statistics. Documents are added in batches;
//! everything kept is a sum over documents, so adding a batch to a state
//! gives the same state as building it from all documents at once.
//!
//! Each sentence points at the dates its time expressions resolve to. A date
//! is a candidate when a sentence names it or a document was published on
//! it. Its summary is drawn from the sentences that name it and the lead
//! sentences of the documents published on it or the day after (a report of
//! yesterday's events), as news-tls's DATEWISE does.

mod dates;
mod quote;
mod summary;

pub(crate) use dates::spread_over_time_with;

use crate::encoder::Summariser;
use crate::ranker::DateRanker;
use crate::timeline::TimelineOptions;
use crate::vectors::{SparseVector, Vocabulary};
use chronicle_model::{
    Citation, Document, DocumentRef, Granularity, PartialDate, Timeline, TimelineEntry, TimexType,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Lead sentences of a document that speak for its publication date.
pub const LEAD_SENTENCES: usize = 10;

/// Below this many documents [`Method::Ranker`] ranks dates as [`Method::Mentions`] does.
pub const RANKER_MIN_DOCS: usize = 20;

/// Counts about one date over the documents seen so far. `before` and
/// `after` say where the date lies relative to the publication date of the
/// document that names it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct DateStats {
    pub sents_total: u32,
    pub sents_before: u32,
    pub sents_after: u32,
    pub docs_total: u32,
    pub docs_before: u32,
    pub docs_after: u32,
    /// Documents published on the date.
    pub docs_published: u32,
    /// Documents published the day after.
    pub docs_published_next: u32,
    /// Per document, its strongest reference (close to publication counts
    /// most), plus a little for each further one.
    pub support: f64,
    /// Sentences naming the date that contain a query keyword (all of them
    /// when there are no keywords). Counted per query by [`TimelineState::candidates`].
    #[serde(default)]
    pub sents_keyword: u32,
    /// Sentences among the first [`LEAD_MENTIONS`] of their document naming the date.
    #[serde(default)]
    pub sents_lead: u32,
    /// Documents naming the date in their first [`LEAD_MENTIONS`] sentences.
    #[serde(default)]
    pub docs_lead: u32,
}

/// A date named this early in a document is what the document is about.
pub const LEAD_MENTIONS: usize = 5;

#[derive(Debug, Clone)]
struct SentenceInfo {
    counts: SparseVector,
    dates: Vec<PartialDate>,
    quotable: bool,
    lower: String,
    /// Words in the sentence.
    words: usize,
    /// Direct speech or a question.
    speech: bool,
}

/// A sentence: (document, sentence) indices.
type SentenceRef = (usize, usize);

#[derive(Debug, Clone, Default)]
pub struct TimelineState {
    docs: Vec<Document>,
    sentences: Vec<Vec<SentenceInfo>>,
    vocabulary: Vocabulary,
    stats: BTreeMap<PartialDate, DateStats>,
    mentions: BTreeMap<PartialDate, Vec<SentenceRef>>,
    published: BTreeMap<PartialDate, Vec<usize>>,
}

/// Too short to say anything, or too long to quote.
fn quotable(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (6..=70).contains(&words)
}

/// Direct speech or a question: rarely how a timeline states an event.
fn is_speech(text: &str) -> bool {
    text.ends_with('?')
        || text.starts_with('"')
        || text.starts_with('\u{201c}')
        || text.ends_with('"')
        || text.ends_with('\u{201d}')
}

/// The dates each sentence of `doc` names (day or month, unmodified).
fn named_dates(doc: &Document) -> Vec<Vec<PartialDate>> {
    let mut named: Vec<BTreeSet<PartialDate>> = vec![BTreeSet::new(); doc.sentences.len()];
    for t in &doc.timexes {
        if t.kind != TimexType::Date || t.modifier.is_some() {
            continue;
        }
        let Ok(date) = t.value.parse::<PartialDate>() else {
            continue;
        };
        if date.granularity() == Granularity::Year {
            continue;
        }
        if let Some(set) = named.get_mut(t.sentence) {
            set.insert(date);
        }
    }
    named.into_iter().map(|s| s.into_iter().collect()).collect()
}

fn lower_keywords(options: &TimelineOptions) -> Vec<String> {
    options
        .keywords
        .iter()
        .map(|k| k.to_lowercase())
        .filter(|k| !k.is_empty())
        .collect()
}

/// Whether lower-cased `text` has a keyword; true when there are none.
fn has_keyword(text: &str, keywords: &[String]) -> bool {
    keywords.is_empty() || keywords.iter().any(|k| text.contains(k.as_str()))
}

fn distance_weight(published: Option<PartialDate>, date: PartialDate) -> f64 {
    let distance = published.map_or(0, |p| (p.first_day() - date.first_day()).abs());
    (1.0 / (1.0 + distance as f64 / 60.0)).max(0.2)
}

impl TimelineState {
    pub fn new() -> Self {
        TimelineState::default()
    }

    pub fn from_documents(docs: &[Document]) -> Self {
        let mut state = TimelineState::new();
        state.add_documents(docs);
        state
    }

    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    /// Statistics of every candidate date.
    pub fn date_stats(&self) -> &BTreeMap<PartialDate, DateStats> {
        &self.stats
    }

    /// Adds a batch of annotated documents; the work done is proportional to
    /// the batch, not to what the state already holds.
    pub fn add_documents(&mut self, docs: &[Document]) {
        for doc in docs {
            self.add_document(doc.clone());
        }
    }

    fn add_document(&mut self, doc: Document) {
        let d = self.docs.len();
        let published = doc.published.date;
        let named = named_dates(&doc);
        let mut infos = Vec::with_capacity(doc.sentences.len());
        // Per date this document refers to: strongest weight, references.
        let mut refs: BTreeMap<PartialDate, (f64, usize)> = BTreeMap::new();
        for (s, (sentence, dates)) in doc.sentences.iter().zip(named).enumerate() {
            let counts = self.vocabulary.add_sentence(&sentence.text);
            let is_quotable = quotable(&sentence.text);
            for date in &dates {
                let stats = self.stats.entry(*date).or_default();
                stats.sents_total += 1;
                if s < LEAD_MENTIONS {
                    stats.sents_lead += 1;
                }
                if let Some(p) = published {
                    if date.last_day() < p.first_day() {
                        stats.sents_before += 1;
                    } else if date.first_day() > p.last_day() {
                        stats.sents_after += 1;
                    }
                }
                self.mentions.entry(*date).or_default().push((d, s));
                if is_quotable {
                    let r = refs.entry(*date).or_insert((0.0, 0));
                    r.0 = r.0.max(distance_weight(published, *date));
                    r.1 += 1;
                }
            }
            if dates.is_empty() && is_quotable {
                if let Some(p) = published.filter(|p| p.granularity() != Granularity::Year) {
                    let r = refs.entry(p).or_insert((0.0, 0));
                    r.0 = r.0.max(0.5);
                    r.1 += 1;
                }
            }
            let text = sentence.text.trim();
            infos.push(SentenceInfo {
                counts,
                dates,
                quotable: is_quotable,
                lower: text.to_lowercase(),
                words: text.split_whitespace().count(),
                speech: is_speech(text),
            });
        }
        let mentioned: BTreeSet<PartialDate> =
            infos.iter().flat_map(|i| i.dates.iter().copied()).collect();
        let lead_mentioned: BTreeSet<PartialDate> = infos
            .iter()
            .take(LEAD_MENTIONS)
            .flat_map(|i| i.dates.iter().copied())
            .collect();
        for date in lead_mentioned {
            self.stats.entry(date).or_default().docs_lead += 1;
        }
        for date in mentioned {
            let stats = self.stats.entry(date).or_default();
            stats.docs_total += 1;
            if published.is_some_and(|p| date.last_day() < p.first_day()) {
                stats.docs_before += 1;
            } else if published.is_some_and(|p| date.first_day() > p.last_day()) {
                stats.docs_after += 1;
            }
        }
        for (date, (weight, n)) in refs {
            self.stats.entry(date).or_default().support += weight + 0.1 * ((n - 1).min(5) as f64);
        }
        if let Some(p) = published.filter(|p| p.granularity() != Granularity::Year) {
            self.stats.entry(p).or_default().docs_published += 1;
            self.published.entry(p).or_default().push(d);
            if p.granularity() == Granularity::Day {
                self.stats
                    .entry(p.add_days(-1))
                    .or_default()
                    .docs_published_next += 1;
            }
        }
        self.sentences.push(infos);
        self.docs.push(doc);
    }

    /// The timeline as of the documents added so far, with the built-in ranker.
    pub fn timeline(&self, options: &TimelineOptions) -> Timeline {
        self.timeline_with(options, DateRanker::builtin())
    }

    pub fn timeline_with(&self, options: &TimelineOptions, ranker: &DateRanker) -> Timeline {
        self.timeline_scored(options, ranker, Summariser::Centroid)
    }

    /// The timeline with a given date ranker and sentence selection.
    pub fn timeline_scored(
        &self,
        options: &TimelineOptions,
        ranker: &DateRanker,
        summariser: Summariser<'_>,
    ) -> Timeline {
        let wanted = options
            .dates
            .unwrap_or_else(|| default_date_count(self.docs.len()));
        use crate::timeline::Method;
        if matches!(options.method, Method::Clusters | Method::ClustersNewsTls) {
            return crate::clust::cluster_timeline(self, options, ranker, wanted);
        }
        let ranked = self.ordered_dates(options, ranker, wanted);
        self.timeline_of_ranked(options, ranked, wanted, summariser)
    }

    /// The timeline summarising the given dates, whatever their support: an
    /// oracle for evaluating summaries apart from date selection (with the
    /// gold timeline's dates).
    pub fn timeline_on_dates(
        &self,
        options: &TimelineOptions,
        dates: &[PartialDate],
        summariser: Summariser<'_>,
    ) -> Timeline {
        let ranked = dates.iter().map(|d| (*d, 1.0)).collect();
        self.timeline_of_ranked(options, ranked, dates.len(), summariser)
    }

    /// Summarises dates in rank order until `wanted` have a summary.
    fn timeline_of_ranked(
        &self,
        options: &TimelineOptions,
        ranked: Vec<(PartialDate, f64)>,
        wanted: usize,
        summariser: Summariser<'_>,
    ) -> Timeline {
        let per_date = options.sentences.max(1);
        let keywords = lower_keywords(options);
        let mut entries = Vec::new();
        let mut used: HashSet<SentenceRef> = HashSet::new();
        for (date, score) in ranked {
            if entries.len() >= wanted {
                break;
            }
            // A sentence says what happened on one date: once quoted, it is
            // not quoted again under another.
            let chosen = self.summarise(
                date,
                per_date,
                &keywords,
                summariser,
                options.next_day_reports,
                options.verbatim,
                &used,
            );
            if chosen.is_empty() {
                continue;
            }
            used.extend(chosen.iter().map(|(r, _)| *r));
            let mut doc_ids: BTreeSet<usize> = self
                .mentions
                .get(&date)
                .into_iter()
                .flatten()
                .map(|(d, _)| *d)
                .collect();
            doc_ids.extend(self.published.get(&date).into_iter().flatten());
            entries.push(TimelineEntry {
                date,
                summary: chosen
                    .into_iter()
                    .map(|((d, s), text)| Citation {
                        text,
                        doc: self.docs[d].id.clone(),
                        sentence: s,
                    })
                    .collect(),
                docs: doc_ids
                    .into_iter()
                    .map(|d| self.docs[d].id.clone())
                    .collect(),
                events: Vec::new(),
                score: (score * 1000.0).round() / 1000.0,
            });
        }
        entries.sort_by_key(|e| e.date);
        Timeline {
            entries,
            documents: self
                .docs
                .iter()
                .map(|d| DocumentRef {
                    id: d.id.clone(),
                    title: d.title.clone(),
                    outlet: d.outlet.clone(),
                    url: d.url.clone(),
                    published: d.published.clone(),
                })
                .collect(),
            ..Timeline::default()
        }
    }
}

/// Read access for event clustering ([`crate::clust`]).
impl TimelineState {
    pub(crate) fn sentence_views(&self, d: usize) -> impl Iterator<Item = SentenceView<'_>> {
        self.sentences
            .get(d)
            .into_iter()
            .flatten()
            .map(|i| SentenceView {
                counts: &i.counts,
                dates: &i.dates,
                quotable: i.quotable,
                lower: &i.lower,
                words: i.words,
                speech: i.speech,
            })
    }

    pub(crate) fn sentence_tf_idf(&self, counts: &SparseVector) -> SparseVector {
        self.vocabulary.tf_idf(counts)
    }

    /// Summarises `ranked` dates with the date summariser until `wanted` have one.
    pub(crate) fn timeline_of_dates(
        &self,
        options: &TimelineOptions,
        ranked: Vec<(PartialDate, f64)>,
        wanted: usize,
    ) -> Timeline {
        self.timeline_of_ranked(options, ranked, wanted, Summariser::Centroid)
    }
}

/// One sentence as [`crate::clust`] sees it.
pub(crate) struct SentenceView<'a> {
    pub counts: &'a SparseVector,
    pub dates: &'a [PartialDate],
    pub quotable: bool,
    pub lower: &'a str,
    pub words: usize,
    pub speech: bool,
}

fn default_date_count(docs: usize) -> usize {
    (docs + docs / 2).clamp(5, 40)
}
