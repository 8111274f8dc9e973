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

use crate::ranker::{date_features, DateRanker};
use crate::sentence_scorer::{SentenceFeatures, SentenceScorer};
use crate::timeline::{Method, TimelineOptions};
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

/// Summary sentences shorter than this say too little (unless nothing longer is left).
const MIN_SUMMARY_WORDS: usize = 15;

/// Similarity above which a sentence repeats one already chosen.
const REDUNDANT: f64 = 0.6;

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

    /// Candidate dates within the options' bounds, with their statistics.
    pub fn candidates(&self, options: &TimelineOptions) -> Vec<(PartialDate, DateStats)> {
        let keywords = lower_keywords(options);
        let mut out: Vec<(PartialDate, DateStats)> = self
            .stats
            .iter()
            .filter(|(d, s)| {
                (options.next_day_reports || s.docs_total > 0 || s.docs_published > 0)
                    && options.from.is_none_or(|f| d.last_day() >= f.first_day())
                    && options.to.is_none_or(|t| d.first_day() <= t.last_day())
                    && (!options.days_only || d.granularity() == Granularity::Day)
            })
            .map(|(d, s)| (*d, *s))
            .collect();
        for (date, stats) in &mut out {
            stats.sents_keyword = self
                .mentions
                .get(date)
                .into_iter()
                .flatten()
                .filter(|(d, s)| has_keyword(&self.sentences[*d][*s].lower, &keywords))
                .count() as u32;
        }
        out
    }

    /// The method that actually ranks dates for `options`.
    fn date_method(&self, options: &TimelineOptions) -> Method {
        let min_docs = options.ranker_min_docs.unwrap_or(RANKER_MIN_DOCS);
        if self.docs.len() < min_docs {
            Method::Mentions
        } else {
            options.method
        }
    }

    /// Candidate dates, best first, with their scores.
    pub fn rank_dates(
        &self,
        options: &TimelineOptions,
        ranker: &DateRanker,
    ) -> Vec<(PartialDate, f64)> {
        let candidates = self.candidates(options);
        // The ranker's features are relative to the collection; on a handful
        // of documents they say little, and the model never saw such batches.
        let method = self.date_method(options);
        let mut ranked: Vec<(PartialDate, f64)> = match method {
            Method::Mentions => candidates.iter().map(|(d, s)| (*d, s.support)).collect(),
            Method::Ranker => {
                let features = date_features(&candidates, self.docs.len());
                candidates
                    .iter()
                    .zip(&features)
                    .map(|((d, _), x)| (*d, ranker.score(x)))
                    .collect()
            }
        };
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }

    /// The timeline as of the documents added so far, with the built-in ranker.
    pub fn timeline(&self, options: &TimelineOptions) -> Timeline {
        self.timeline_with(options, DateRanker::builtin())
    }

    pub fn timeline_with(&self, options: &TimelineOptions, ranker: &DateRanker) -> Timeline {
        self.timeline_scored(options, ranker, None)
    }

    /// The timeline with a given date ranker and sentence scorer (`None`:
    /// centroid selection).
    pub fn timeline_scored(
        &self,
        options: &TimelineOptions,
        ranker: &DateRanker,
        scorer: Option<&SentenceScorer>,
    ) -> Timeline {
        let wanted = options
            .dates
            .unwrap_or_else(|| default_date_count(self.docs.len()));
        let per_date = options.sentences.max(1);
        let keywords = lower_keywords(options);
        let mut entries = Vec::new();
        let mut used: HashSet<SentenceRef> = HashSet::new();
        let ranked = self.rank_dates(options, ranker);
        // The crowding cost is in ranker logits.
        let ranked = if self.date_method(options) == Method::Ranker {
            spread_over_time(ranked, wanted)
        } else {
            ranked
        };
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
                scorer,
                options.next_day_reports,
                &used,
            );
            if chosen.is_empty() {
                continue;
            }
            used.extend(chosen.iter().copied());
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
                    .map(|(d, s)| Citation {
                        text: self.docs[d].sentences[s].text.clone(),
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

    /// Sentences naming `date`, and lead sentences naming no date of the
    /// documents published on it (or, with `next_day`, the day after).
    fn pools(&self, date: PartialDate, next_day: bool) -> Vec<SentenceRef> {
        let mut pool: Vec<SentenceRef> = self.mentions.get(&date).cloned().unwrap_or_default();
        let mut days = vec![date];
        if next_day && date.granularity() == Granularity::Day {
            days.push(date.add_days(1));
        }
        for day in days {
            for &d in self.published.get(&day).into_iter().flatten() {
                for (s, info) in self.sentences[d].iter().enumerate().take(LEAD_SENTENCES) {
                    if info.dates.is_empty() {
                        pool.push((d, s));
                    }
                }
            }
        }
        pool
    }

    /// The sentences a summary of `date` may use: quotable ones with a
    /// keyword from its pool, with their tf-idf vectors and the centroid of
    /// the whole pool.
    fn candidate_pool(
        &self,
        date: PartialDate,
        keywords: &[String],
        next_day: bool,
        used: &HashSet<SentenceRef>,
    ) -> CandidatePool {
        let refs: Vec<SentenceRef> = self
            .pools(date, next_day)
            .into_iter()
            .filter(|r| !used.contains(r))
            .collect();
        let vectors: Vec<SparseVector> = refs
            .iter()
            .map(|&(d, s)| self.vocabulary.tf_idf(&self.sentences[d][s].counts))
            .collect();
        let centroid = vectors
            .iter()
            .fold(SparseVector::default(), |acc, v| acc.plus(v, 1.0));
        let allowed: Vec<usize> = (0..refs.len())
            .filter(|&i| {
                let info = &self.sentences[refs[i].0][refs[i].1];
                info.quotable && has_keyword(&info.lower, keywords)
            })
            .collect();
        CandidatePool {
            refs,
            vectors,
            centroid,
            allowed,
        }
    }

    /// Features of the allowed sentences of a pool, in `pool.allowed` order.
    fn sentence_features(
        &self,
        date: PartialDate,
        pool: &CandidatePool,
        keywords: &[String],
    ) -> Vec<SentenceFeatures> {
        // Per document: the sum of its sentences in the pool.
        let mut doc_sums: BTreeMap<usize, SparseVector> = BTreeMap::new();
        for (&(d, _), v) in pool.refs.iter().zip(&pool.vectors) {
            let sum = doc_sums.entry(d).or_default();
            *sum = sum.plus(v, 1.0);
        }
        let similarity: Vec<f64> = pool
            .allowed
            .iter()
            .map(|&i| pool.vectors[i].cosine(&pool.centroid))
            .collect();
        let max_similarity = similarity.iter().copied().fold(1e-9, f64::max);
        let ln = |x: f64| (1.0 + x).ln();
        pool.allowed
            .iter()
            .zip(&similarity)
            .map(|(&i, &sim)| {
                let (d, s) = pool.refs[i];
                let info = &self.sentences[d][s];
                let v = &pool.vectors[i];
                let own = doc_sums.get(&d).cloned().unwrap_or_default();
                let others = pool.centroid.plus(&own, -1.0);
                let sharing = doc_sums
                    .iter()
                    .filter(|(o, sum)| **o != d && v.cosine(sum) > SHARED_CONTENT)
                    .count();
                let keyword_share = if keywords.is_empty() {
                    1.0
                } else {
                    keywords
                        .iter()
                        .filter(|k| info.lower.contains(k.as_str()))
                        .count() as f64
                        / keywords.len() as f64
                };
                let names_date = info.dates.contains(&date);
                let other_dates = info.dates.iter().filter(|x| **x != date).count();
                let published = self.docs[d].published.date;
                let gap = published.map_or(0, |p| (p.first_day() - date.first_day()).abs());
                let published_on = published == Some(date);
                let published_after =
                    date.granularity() == Granularity::Day && published == Some(date.add_days(1));
                let flag = |b: bool| f64::from(u8::from(b));
                [
                    sim,
                    sim / max_similarity,
                    v.cosine(&others),
                    keyword_share,
                    ln(s as f64),
                    flag(s < LEAD_MENTIONS),
                    flag(names_date),
                    ln(other_dates as f64),
                    ln(info.words as f64),
                    flag(info.words < MIN_SUMMARY_WORDS),
                    flag(info.speech),
                    flag(published_on),
                    flag(published_after),
                    ln(gap as f64),
                    ln(sharing as f64),
                ]
            })
            .collect()
    }

    /// Training material for a sentence scorer: the allowed sentences of
    /// `date`'s pool, with their text and features.
    pub fn sentence_candidates(
        &self,
        date: PartialDate,
        keywords: &[String],
    ) -> Vec<(String, SentenceFeatures)> {
        let keywords: Vec<String> = keywords.iter().map(|k| k.to_lowercase()).collect();
        let pool = self.candidate_pool(date, &keywords, true, &HashSet::new());
        let features = self.sentence_features(date, &pool, &keywords);
        pool.allowed
            .iter()
            .zip(features)
            .map(|(&i, x)| {
                let (d, s) = pool.refs[i];
                (self.docs[d].sentences[s].text.clone(), x)
            })
            .collect()
    }

    /// Picks up to `k` sentences for `date`, skipping near-repeats, sentences
    /// without a keyword and, while others remain, short ones and direct
    /// speech. With a scorer: greedily by its score. Without: the sentence
    /// that keeps the summary closest to the centroid of everything said
    /// about the date (news-tls's CentroidOpt).
    fn summarise(
        &self,
        date: PartialDate,
        k: usize,
        keywords: &[String],
        scorer: Option<&SentenceScorer>,
        next_day: bool,
        used: &HashSet<SentenceRef>,
    ) -> Vec<SentenceRef> {
        let pool = self.candidate_pool(date, keywords, next_day, used);
        let info = |i: usize| &self.sentences[pool.refs[i].0][pool.refs[i].1];
        let scores: Vec<f64> = match scorer {
            Some(model) => {
                let features = self.sentence_features(date, &pool, keywords);
                let mut scores = vec![0.0; pool.refs.len()];
                for (&i, x) in pool.allowed.iter().zip(&features) {
                    scores[i] = model.score(x);
                }
                scores
            }
            None => Vec::new(),
        };
        let vectors = &pool.vectors;
        let mut remaining: Vec<usize> = pool
            .allowed
            .iter()
            .copied()
            .filter(|&i| info(i).words >= MIN_SUMMARY_WORDS && !info(i).speech)
            .collect();
        if remaining.is_empty() {
            remaining = pool.allowed.clone();
        }
        let mut chosen: Vec<usize> = Vec::new();
        let mut summary = SparseVector::default();
        while chosen.len() < k && !remaining.is_empty() {
            let best = remaining
                .iter()
                .enumerate()
                .map(|(pos, &i)| {
                    let gain = match scorer {
                        Some(_) => scores[i],
                        None => summary.plus(&vectors[i], 1.0).cosine(&pool.centroid),
                    };
                    (pos, gain)
                })
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            let Some((pos, _)) = best else { break };
            let i = remaining.remove(pos);
            let repeats = chosen.iter().any(|&c| {
                pool.refs[c] == pool.refs[i]
                    || info(c).lower == info(i).lower
                    || vectors[c].cosine(&vectors[i]) > REDUNDANT
            });
            if repeats {
                continue;
            }
            summary = summary.plus(&vectors[i], 1.0);
            chosen.push(i);
        }
        chosen.into_iter().map(|i| pool.refs[i]).collect()
    }
}

/// The candidate sentences of one date.
struct CandidatePool {
    refs: Vec<SentenceRef>,
    vectors: Vec<SparseVector>,
    centroid: SparseVector,
    /// Indices into `refs` of the sentences a summary may use.
    allowed: Vec<usize>,
}

/// A sentence this close to another document's pool sentences repeats its content.
const SHARED_CONTENT: f64 = 0.3;

/// Cost of each already picked date close to a candidate, in ranker logits.
const CROWDING: f64 = 0.4;
/// "Close": within this share of the typical spacing (span / dates wanted).
const CLOSE_SPACING: f64 = 0.25;
/// Only this many times the dates wanted are reordered; the rest keep their rank.
const SPREAD_POOL: usize = 5;

/// Reorders ranked dates so that, among comparable scores, dates away from
/// those already picked come first (a gold timeline covers its whole span;
/// the ranker alone crowds into the busiest weeks). Each picked date within
/// [`CLOSE_SPACING`] of the typical spacing costs [`CROWDING`].
fn spread_over_time(ranked: Vec<(PartialDate, f64)>, wanted: usize) -> Vec<(PartialDate, f64)> {
    let days = || ranked.iter().map(|(d, _)| d.first_day());
    let (Some(first), Some(last)) = (days().min(), days().max()) else {
        return ranked;
    };
    let close = ((last - first) as f64 / wanted.max(1) as f64 * CLOSE_SPACING).max(1.0);
    let mut pool = ranked;
    let rest = pool.split_off((wanted * SPREAD_POOL).min(pool.len()));
    let mut out: Vec<(PartialDate, f64)> = Vec::with_capacity(pool.len() + rest.len());
    while !pool.is_empty() {
        let best = pool
            .iter()
            .enumerate()
            .map(|(i, (d, score))| {
                let crowd = out
                    .iter()
                    .filter(|(o, _)| ((o.first_day() - d.first_day()).abs() as f64) < close)
                    .count();
                (i, score - CROWDING * crowd as f64)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let Some((i, _)) = best else { break };
        out.push(pool.remove(i));
    }
    out.extend(rest);
    out
}

fn default_date_count(docs: usize) -> usize {
    (docs + docs / 2).clamp(5, 40)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> PartialDate {
        text.parse().expect("date")
    }

    #[test]
    fn spreading_moves_a_lone_date_ahead_of_a_crowded_week() {
        // Span 2031-03-01..2031-06-29 (120 days), 3 dates wanted: dates
        // within 10 days of a picked one are crowded.
        let ranked = vec![
            (day("2031-03-01"), 3.0),
            (day("2031-03-03"), 2.9),
            (day("2031-03-05"), 2.8),
            (day("2031-05-01"), 2.6),
            (day("2031-06-29"), 1.0),
        ];
        let order: Vec<String> = spread_over_time(ranked.clone(), 3)
            .iter()
            .map(|(d, _)| d.to_string())
            .collect();
        assert_eq!(
            order,
            [
                "2031-03-01",
                "2031-05-01",
                "2031-03-03",
                "2031-03-05",
                "2031-06-29"
            ]
        );
        // A clear lead still wins over spreading.
        let mut strong = ranked;
        strong[1].1 = 3.5;
        let first_two: Vec<PartialDate> = spread_over_time(strong, 3)
            .iter()
            .take(2)
            .map(|(d, _)| *d)
            .collect();
        assert_eq!(first_two, vec![day("2031-03-03"), day("2031-03-01")]);
    }
}
