//! What a timeline says on each date: the candidate sentences of a date and
//! the selection of its summary.

use super::quote::quote_without_date;
use super::{has_keyword, is_speech, SentenceRef, TimelineState, LEAD_MENTIONS, LEAD_SENTENCES};
use crate::encoder::{SentenceEncoder, Summariser};
use crate::select::{greedy, Gain, MIN_SUMMARY_WORDS, UNIT_VECTORS_MIN_DOCS};
use crate::sentence_scorer::SentenceFeatures;
use crate::terms::{is_fragment, is_reader_comment, run_on_parts};
use crate::vectors::SparseVector;
use chronicle_model::{Granularity, PartialDate};
use std::collections::{BTreeMap, BTreeSet, HashSet};

impl TimelineState {
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
            .filter(|&(d, s)| !is_reader_comment(&self.docs[d].sentences[s].text))
            .collect();
        // On a wide pool, unit-length rows (as scikit-learn's
        // TfidfVectorizer gives news-tls's CentroidOpt): every sentence weighs
        // alike in the centroid and the summary, so a few long ones do not
        // pull it their way. On a pool of a few documents the long lead
        // sentences are what the date is about, and raw weights keep them.
        let pool_docs: BTreeSet<usize> = refs.iter().map(|(d, _)| *d).collect();
        let unit = pool_docs.len() >= UNIT_VECTORS_MIN_DOCS;
        let vectors: Vec<SparseVector> = refs
            .iter()
            .map(|&(d, s)| {
                let v = self.vocabulary.tf_idf(&self.sentences[d][s].counts);
                if unit {
                    v.normalised()
                } else {
                    v
                }
            })
            .collect();
        let centroid = vectors
            .iter()
            .fold(SparseVector::default(), |acc, v| acc.plus(v, 1.0));
        // Terms that both the day's own reports and the later references to
        // the date use are what happened on it (news-tls's PM_Mean keeps only
        // those to narrow its pool); they count double.
        let mut named = SparseVector::default();
        let mut reported = SparseVector::default();
        for (&(d, s), v) in refs.iter().zip(&vectors) {
            if self.sentences[d][s].dates.contains(&date) {
                named = named.plus(v, 1.0);
            } else {
                reported = reported.plus(v, 1.0);
            }
        }
        let centroid = if unit {
            centroid.boost_shared(&named, &reported, SHARED_TERM_WEIGHT)
        } else {
            centroid
        };
        let allowed: Vec<usize> = (0..refs.len())
            .filter(|&i| {
                let info = &self.sentences[refs[i].0][refs[i].1];
                info.quotable
                    && has_keyword(&info.lower, keywords)
                    && !is_fragment(&self.docs[refs[i].0].sentences[refs[i].1].text)
            })
            .collect();
        CandidatePool {
            refs,
            vectors,
            centroid,
            allowed,
            unit,
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

    /// What a summary may quote from the allowed sentences of a pool: each
    /// sentence, or the parts of a run-on one (headline, standfirst, caption
    /// and first sentence of a page joined on one line) that are quotable and
    /// have a keyword.
    fn quotable_parts(&self, pool: &CandidatePool, keywords: &[String], unit: bool) -> Vec<Part> {
        let mut parts = Vec::new();
        for &i in &pool.allowed {
            let (d, s) = pool.refs[i];
            let info = &self.sentences[d][s];
            let text = &self.docs[d].sentences[s].text;
            let ranges = run_on_parts(text);
            let whole =
                ranges.len() == 1 && text.get(ranges[0].0..ranges[0].1) == Some(text.trim());
            if ranges.is_empty() || whole {
                parts.push(Part {
                    index: i,
                    range: (0, text.len()),
                    vector: pool.vectors[i].clone(),
                    words: info.words,
                    speech: info.speech,
                    lower: info.lower.clone(),
                    learned: None,
                });
                continue;
            }
            for (a, b) in ranges {
                let Some(piece) = text.get(a..b) else {
                    continue;
                };
                let lower = piece.to_lowercase();
                let words = piece.split_whitespace().count();
                if words < MIN_PART_WORDS || !has_keyword(&lower, keywords) {
                    continue;
                }
                let v = self.vocabulary.tf_idf(&self.vocabulary.counts_of(piece));
                parts.push(Part {
                    index: i,
                    range: (a, b),
                    vector: if unit { v.normalised() } else { v },
                    words,
                    speech: is_speech(piece),
                    lower,
                    learned: None,
                });
            }
        }
        parts
    }

    /// Picks up to `k` sentences (or parts of run-on sentences, as byte
    /// ranges of the sentence's text) for `date`, skipping near-repeats,
    /// sentences without a keyword and, while others remain, short ones and
    /// direct speech. With a scorer: greedily by its score. Otherwise: the
    /// sentence that keeps the summary closest to the centroid of everything
    /// said about the date (news-tls's CentroidOpt), with an encoder also in
    /// its dense space (see [`Summariser::Embedded`]). Returns each sentence
    /// with the text to quote (see [`quote_without_date`]; as written when
    /// `verbatim`).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn summarise(
        &self,
        date: PartialDate,
        k: usize,
        keywords: &[String],
        summariser: Summariser<'_>,
        next_day: bool,
        verbatim: bool,
        used: &HashSet<SentenceRef>,
    ) -> Vec<(SentenceRef, String)> {
        let pool = self.candidate_pool(date, keywords, next_day, used);
        let mut parts: Vec<Part> = match summariser {
            Summariser::Learned(model) => {
                let features = self.sentence_features(date, &pool, keywords);
                pool.allowed
                    .iter()
                    .zip(&features)
                    .map(|(&i, x)| {
                        let (d, s) = pool.refs[i];
                        let info = &self.sentences[d][s];
                        Part {
                            index: i,
                            range: (0, self.docs[d].sentences[s].text.len()),
                            vector: pool.vectors[i].clone(),
                            words: info.words,
                            speech: info.speech,
                            lower: info.lower.clone(),
                            learned: None,
                        }
                        .scored(model.score(x))
                    })
                    .collect()
            }
            Summariser::Centroid | Summariser::Embedded(_) => {
                self.quotable_parts(&pool, keywords, pool.unit)
            }
        };
        // Unless verbatim, a part is quoted without the dates its entry
        // repeats, and the quote's length is what the length cost and the
        // minimum length weigh.
        let quotes: Option<Vec<String>> = (!verbatim).then(|| {
            parts
                .iter_mut()
                .map(|p| {
                    let (d, s) = pool.refs[p.index];
                    let quote = quote_without_date(&self.docs[d], s, p.range, date);
                    p.words = quote.split_whitespace().count();
                    quote
                })
                .collect()
        });
        let scores: Vec<f64> = parts.iter().map(|p| p.score()).collect();
        let mut remaining: Vec<usize> = (0..parts.len())
            .filter(|&j| parts[j].words >= MIN_SUMMARY_WORDS && !parts[j].speech)
            .collect();
        if remaining.is_empty() {
            remaining = (0..parts.len()).collect();
        }
        let vectors: Vec<&SparseVector> = parts.iter().map(|p| &p.vector).collect();
        let cost: Vec<f64> = parts
            .iter()
            .map(|p| LENGTH_COST * (p.words.max(1) as f64).ln())
            .collect();
        let same = |c: usize, j: usize| {
            (parts[c].index == parts[j].index && parts[c].range == parts[j].range)
                || parts[c].lower == parts[j].lower
        };
        let embedded = match summariser {
            Summariser::Embedded(encoder) => {
                let texts: Vec<String> = match &quotes {
                    Some(quotes) => quotes.clone(),
                    None => parts.iter().map(|p| self.part_text(&pool, p)).collect(),
                };
                dense_choice(encoder, &texts, &parts, &pool.centroid, &remaining)
            }
            _ => None,
        };
        let chosen = match (embedded, summariser) {
            (Some(choice), _) => {
                let gain = Gain::Blend {
                    centroid: &pool.centroid,
                    cost: &cost,
                    dense: &choice.vectors,
                    dense_centroid: &choice.centroid,
                    weight: DENSE_WEIGHT,
                };
                greedy(&vectors, choice.candidates, k, gain, same)
            }
            (None, Summariser::Learned(_)) => {
                greedy(&vectors, remaining, k, Gain::Fixed(&scores), same)
            }
            (None, _) => {
                let gain = Gain::Centroid {
                    centroid: &pool.centroid,
                    cost: &cost,
                };
                greedy(&vectors, remaining, k, gain, same)
            }
        };
        chosen
            .into_iter()
            .map(|j| {
                let (d, s) = pool.refs[parts[j].index];
                let text = match &quotes {
                    Some(quotes) => quotes[j].clone(),
                    None => self.part_text(&pool, &parts[j]),
                };
                ((d, s), text)
            })
            .collect()
    }

    /// The text of a part as written.
    fn part_text(&self, pool: &CandidatePool, part: &Part) -> String {
        let (d, s) = pool.refs[part.index];
        let text = &self.docs[d].sentences[s].text;
        let (a, b) = part.range;
        text.get(a..b).unwrap_or(text).to_string()
    }
}

/// Parts nearest the tf-idf centroid that the encoder sees: their mean is
/// the date's centroid in the dense space, and the nearest of `remaining`
/// are the candidates. Encoding every part of a busy date would cost
/// seconds; the summary's picks come from the top of this order anyway.
const EMBEDDED_PARTS: usize = 40;

/// Weight of the dense closeness against the tf-idf closeness. On
/// Timeline17 (LOO, 12 pairs) 0.2 ties tf-idf alone (AR1 0.1206 vs 0.1199),
/// 0.5 and 1 lose (0.1169, 0.1044): ROUGE rewards the words, not the meaning.
const DENSE_WEIGHT: f64 = 0.2;

/// What an embedded summary chooses from.
struct DenseChoice {
    /// Indexed like the parts; empty for parts not encoded.
    vectors: Vec<Vec<f32>>,
    /// The date's centroid in the dense space.
    centroid: Vec<f32>,
    /// Indices of the parts the summary may pick, ascending.
    candidates: Vec<usize>,
}

/// The dense vectors and candidates of an embedded summary; `None` when
/// there is nothing to encode or the encoder failed.
fn dense_choice(
    encoder: &dyn SentenceEncoder,
    texts: &[String],
    parts: &[Part],
    centroid: &SparseVector,
    remaining: &[usize],
) -> Option<DenseChoice> {
    let closeness: Vec<f64> = parts.iter().map(|p| p.vector.cosine(centroid)).collect();
    let nearest = |mut indices: Vec<usize>| {
        indices.sort_by(|&a, &b| closeness[b].total_cmp(&closeness[a]).then(a.cmp(&b)));
        indices.truncate(EMBEDDED_PARTS);
        indices
    };
    let about = nearest((0..parts.len()).collect());
    let candidates = nearest(remaining.to_vec());
    let mut encoded: Vec<usize> = about.iter().chain(&candidates).copied().collect();
    encoded.sort_unstable();
    encoded.dedup();
    if encoded.is_empty() || candidates.is_empty() {
        return None;
    }
    let batch: Vec<&str> = encoded.iter().map(|&j| texts[j].as_str()).collect();
    let vectors = encoder.encode(&batch)?;
    if vectors.len() != encoded.len() {
        return None;
    }
    let mut dense = vec![Vec::new(); parts.len()];
    for (&j, v) in encoded.iter().zip(vectors) {
        dense[j] = v;
    }
    let dim = dense[about[0]].len();
    let mut dense_centroid = vec![0.0f32; dim];
    for &j in &about {
        for (c, x) in dense_centroid.iter_mut().zip(&dense[j]) {
            *c += x / about.len() as f32;
        }
    }
    // The candidates keep the summariser's order (the greedy breaks ties by position).
    let mut candidates = candidates;
    candidates.sort_unstable();
    Some(DenseChoice {
        vectors: dense,
        centroid: dense_centroid,
        candidates,
    })
}

/// Shorter parts of a run-on sentence are labels, not statements.
const MIN_PART_WORDS: usize = 6;

/// Weight in the date's centroid of terms both its reports and its later
/// mentions use, relative to the others.
const SHARED_TERM_WEIGHT: f64 = 2.0;

/// Cost per unit of ln(words) of a summary sentence: at the same closeness to
/// the centroid, the shorter sentence says it with fewer stray words (ROUGE
/// precision), as a timeline entry does.
const LENGTH_COST: f64 = 0.02;

/// A sentence, or a part of a run-on sentence, a summary may quote.
struct Part {
    /// Index into the pool's `refs`.
    index: usize,
    /// Byte range in the sentence's text.
    range: (usize, usize),
    vector: SparseVector,
    words: usize,
    speech: bool,
    lower: String,
    /// A sentence scorer's score.
    learned: Option<f64>,
}

impl Part {
    fn scored(self, score: f64) -> Part {
        Part {
            learned: Some(score),
            ..self
        }
    }

    fn score(&self) -> f64 {
        self.learned.unwrap_or(0.0)
    }
}

/// The candidate sentences of one date.
struct CandidatePool {
    refs: Vec<SentenceRef>,
    vectors: Vec<SparseVector>,
    centroid: SparseVector,
    /// Indices into `refs` of the sentences a summary may use.
    allowed: Vec<usize>,
    /// Whether the vectors are scaled to unit length.
    unit: bool,
}

/// A sentence this close to another document's pool sentences repeats its content.
const SHARED_CONTENT: f64 = 0.3;
