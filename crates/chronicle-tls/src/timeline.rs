//! From annotated documents to a dated, cited timeline.
//!
//! Every sentence is tied to the dates it talks about: the dates its time
//! expressions resolve to, or, when it has none, the publication date of its
//! document. Dates are ranked by how many documents point at them (a date
//! several outlets report beats one a single page repeats); for each chosen
//! date the sentences closest to the centroid of what is said about it are
//! picked, skipping near-repeats.

use crate::terms::{Idf, TermBag};
use chronicle_model::{
    Citation, Document, DocumentRef, Granularity, PartialDate, Timeline, TimelineEntry, TimexType,
};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Default)]
pub struct TimelineOptions {
    /// How many dates; `None` picks a number from the size of the batch.
    pub dates: Option<usize>,
    /// Sentences per date (at least one).
    pub sentences: usize,
    /// Only dates within these bounds (inclusive).
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
}

/// A sentence pointing at a date.
#[derive(Debug, Clone)]
struct Reference {
    doc: usize,
    sentence: usize,
    /// Named by a time expression (not only by the publication date).
    explicit: bool,
    weight: f64,
}

/// Too short to say anything, or too long to quote.
fn quotable(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (6..=70).contains(&words)
}

fn date_references(docs: &[Document]) -> BTreeMap<PartialDate, Vec<Reference>> {
    let mut refs: BTreeMap<PartialDate, Vec<Reference>> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        let published = doc.published.date;
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
        for (s, sentence) in doc.sentences.iter().enumerate() {
            if !quotable(&sentence.text) {
                continue;
            }
            if named[s].is_empty() {
                if let Some(p) = published {
                    if p.granularity() != Granularity::Year {
                        refs.entry(p).or_default().push(Reference {
                            doc: d,
                            sentence: s,
                            explicit: false,
                            weight: 0.5,
                        });
                    }
                }
                continue;
            }
            for date in &named[s] {
                // Reports close to the event count most; retrospectives and
                // announcements of far-off plans count less.
                let distance = published.map_or(0, |p| (p.first_day() - date.first_day()).abs());
                let weight = 1.0 / (1.0 + distance as f64 / 60.0);
                refs.entry(*date).or_default().push(Reference {
                    doc: d,
                    sentence: s,
                    explicit: true,
                    weight: weight.max(0.2),
                });
            }
        }
    }
    refs
}

/// A date's support: each document counts once, with its strongest
/// reference, plus a little for every further reference.
fn date_score(refs: &[Reference]) -> f64 {
    let mut per_doc: BTreeMap<usize, (f64, usize)> = BTreeMap::new();
    for r in refs {
        let e = per_doc.entry(r.doc).or_insert((0.0, 0));
        e.0 = e.0.max(r.weight);
        e.1 += 1;
    }
    per_doc
        .values()
        .map(|(w, n)| w + 0.1 * ((*n - 1).min(5) as f64))
        .sum()
}

fn default_date_count(docs: usize) -> usize {
    (docs + docs / 2).clamp(5, 40)
}

/// Builds the timeline of `docs`.
pub fn build_timeline(docs: &[Document], options: &TimelineOptions) -> Timeline {
    let refs = date_references(docs);
    let in_bounds = |d: &PartialDate| {
        options.from.is_none_or(|f| d.last_day() >= f.first_day())
            && options.to.is_none_or(|t| d.first_day() <= t.last_day())
    };
    let mut ranked: Vec<(PartialDate, f64)> = refs
        .iter()
        .filter(|(d, _)| in_bounds(d))
        .map(|(d, r)| (*d, date_score(r)))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(
        options
            .dates
            .unwrap_or_else(|| default_date_count(docs.len())),
    );
    ranked.sort_by_key(|(d, _)| *d);

    let bags: Vec<Vec<TermBag>> = docs
        .iter()
        .map(|d| d.sentences.iter().map(|s| TermBag::of(&s.text)).collect())
        .collect();
    let idf = Idf::new(bags.iter().flatten());
    let per_date = options.sentences.max(1);

    let entries = ranked
        .into_iter()
        .map(|(date, score)| {
            let date_refs = &refs[&date];
            let summary = summarise(date_refs, &bags, &idf, per_date)
                .into_iter()
                .map(|r| Citation {
                    text: docs[r.doc].sentences[r.sentence].text.clone(),
                    doc: docs[r.doc].id.clone(),
                    sentence: r.sentence,
                })
                .collect();
            let doc_ids: BTreeSet<usize> = date_refs.iter().map(|r| r.doc).collect();
            TimelineEntry {
                date,
                summary,
                docs: doc_ids.into_iter().map(|d| docs[d].id.clone()).collect(),
                events: Vec::new(),
                score: (score * 1000.0).round() / 1000.0,
            }
        })
        .collect();
    Timeline {
        entries,
        documents: docs
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

/// Picks `k` sentences: near the centroid of what is said about the date,
/// preferring those that name it, and not repeating each other.
fn summarise(refs: &[Reference], bags: &[Vec<TermBag>], idf: &Idf, k: usize) -> Vec<Reference> {
    let vectors: Vec<TermBag> = refs
        .iter()
        .map(|r| bags[r.doc][r.sentence].weighted(idf))
        .collect();
    let mut centroid = TermBag::default();
    for v in &vectors {
        let n = v.norm();
        if n > 0.0 {
            centroid.add(v, 1.0 / n);
        }
    }
    let relevance: Vec<f64> = refs
        .iter()
        .zip(&vectors)
        .map(|(r, v)| {
            let lede = if r.sentence < 3 { 0.1 } else { 0.0 };
            v.cosine(&centroid) + if r.explicit { 0.15 } else { 0.0 } + lede
        })
        .collect();
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < k.min(refs.len()) {
        let next = (0..refs.len())
            .filter(|i| !chosen.contains(i))
            .filter(|&i| {
                chosen
                    .iter()
                    .all(|&c| (refs[c].doc, refs[c].sentence) != (refs[i].doc, refs[i].sentence))
            })
            .map(|i| {
                let redundancy = chosen
                    .iter()
                    .map(|&c| vectors[i].cosine(&vectors[c]))
                    .fold(0.0, f64::max);
                (i, relevance[i] - 0.7 * redundancy)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        match next {
            Some((i, _)) => chosen.push(i),
            None => break,
        }
    }
    chosen.into_iter().map(|i| refs[i].clone()).collect()
}
