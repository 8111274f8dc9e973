//! Events: reports of one happening grouped across documents and outlets.
//!
//! A report is a sentence that dates something near its document's
//! publication ("met on Monday", "kicked off June 11th"). Reports from
//! different documents are one event when their dates agree (or differ by a
//! day or two, which is then a date conflict) and they share enough words
//! and participants.

use chronicle_model::{
    Citation, DateConflict, Document, Entity, Event, Granularity, PartialDate, TimexType,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Days before a day-dated publication within which a dated sentence reports news.
const NEWS_WINDOW_DAYS: i64 = 7;
/// How many days apart two outlets may date the same event.
const CONFLICT_DAYS: i64 = 2;
/// Share of the smaller report's words two reports need in common.
const SAME_DAY_SIMILARITY: f64 = 0.2;
const NEAR_DAY_SIMILARITY: f64 = 0.35;

const STOPWORDS: &[&str] = &[
    "about",
    "after",
    "again",
    "also",
    "among",
    "been",
    "before",
    "being",
    "between",
    "both",
    "could",
    "does",
    "during",
    "each",
    "from",
    "further",
    "have",
    "having",
    "here",
    "into",
    "more",
    "most",
    "much",
    "must",
    "only",
    "other",
    "over",
    "said",
    "same",
    "says",
    "should",
    "since",
    "some",
    "such",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "under",
    "until",
    "very",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "will",
    "with",
    "would",
    "your",
    "told",
    "reported",
    "according",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
    "yesterday",
    "year",
    "years",
    "month",
    "week",
    "last",
    "first",
    "two",
    "three",
    "morning",
    "evening",
    "afternoon",
];

/// One dated sentence of one document.
#[derive(Debug, Clone)]
struct Report {
    date: PartialDate,
    doc: String,
    sentence: usize,
    text: String,
    words: BTreeSet<String>,
    participants: BTreeSet<String>,
}

fn content_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(|w| w.to_lowercase())
        .filter(|w| w.chars().count() >= 4 && !w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .map(|w| {
            // A crude plural fold so "talks"/"talk" and "leaders"/"leader" meet.
            w.strip_suffix('s')
                .filter(|s| s.len() >= 4 && !s.ends_with('s'))
                .map_or(w.clone(), str::to_string)
        })
        .collect()
}

fn timex_date(value: &str) -> Option<PartialDate> {
    value.split('T').next().unwrap_or(value).parse().ok()
}

/// Whether a date given in a document is news for it: at or shortly before
/// its publication date, or anywhere in its publication month or year when
/// that is all that is known.
fn in_news_window(date: &PartialDate, published: Option<PartialDate>) -> bool {
    let Some(p) = published else { return true };
    if date.first_day() > p.last_day() {
        return false;
    }
    date.first_day() >= p.first_day() - NEWS_WINDOW_DAYS
}

/// Entity ids named in sentence `index` of `doc`: its mentions, else the
/// entities' aliases found in the sentence text.
fn participants_of(doc: &Document, index: usize, entities: &[Entity]) -> BTreeSet<String> {
    let from_mentions: BTreeSet<String> = doc
        .mentions
        .iter()
        .filter(|m| m.sentence == index)
        .map(|m| m.entity.clone())
        .collect();
    if !from_mentions.is_empty() || !doc.mentions.is_empty() {
        return from_mentions;
    }
    let Some(sentence) = doc.sentences.get(index) else {
        return BTreeSet::new();
    };
    entities
        .iter()
        .filter(|e| {
            e.aliases
                .iter()
                .any(|a| a.text.len() >= 3 && contains_word(&sentence.text, &a.text))
        })
        .map(|e| e.id.clone())
        .collect()
}

/// Whether `needle` occurs in `hay` between word boundaries.
pub(crate) fn contains_word(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The dated sentences of one document that report news.
fn reports_of(doc: &Document, entities: &[Entity]) -> Vec<Report> {
    let published = doc.published.date;
    let mut by_sentence: BTreeMap<usize, (bool, PartialDate)> = BTreeMap::new();
    for tx in &doc.timexes {
        if tx.kind != TimexType::Date && tx.kind != TimexType::Time {
            continue;
        }
        let Some(date) = timex_date(&tx.value) else {
            continue;
        };
        if date.granularity() != Granularity::Day {
            continue;
        }
        let Some(sentence) = doc.sentences.get(tx.sentence) else {
            continue;
        };
        // A deadline or a plan ("by February 28", "ahead of the December 31 withdrawal").
        let before = doc
            .body
            .get(sentence.start..tx.start)
            .unwrap_or("")
            .to_lowercase();
        let lead: Vec<&str> = before.split_whitespace().rev().take(3).collect();
        if lead.iter().any(|w| {
            matches!(
                *w,
                "by" | "until" | "till" | "ahead" | "before" | "deadline" | "due"
            )
        }) {
            continue;
        }
        // Datelines and opening lines may date an event older than the window.
        let opening = tx.sentence < 2 && published.is_none_or(|p| date.first_day() <= p.last_day());
        if !opening && !in_news_window(&date, published) {
            continue;
        }
        // One date per sentence: one written in full beats a relative one.
        let explicit = tx.text.chars().any(|c| c.is_ascii_digit());
        match by_sentence.get(&tx.sentence) {
            Some((had_explicit, _)) if *had_explicit || !explicit => {}
            _ => {
                by_sentence.insert(tx.sentence, (explicit, date));
            }
        }
    }
    // A document with no dated news sentence reports its news in its lead.
    if by_sentence.is_empty() {
        if let (Some(p), Some(i)) = (
            published.filter(|p| p.granularity() != Granularity::Year),
            doc.sentences
                .iter()
                .position(|s| s.text.split_whitespace().count() >= 8),
        ) {
            by_sentence.insert(i, (false, p));
        }
    }
    by_sentence
        .into_iter()
        .filter_map(|(i, (_, date))| {
            let s = doc.sentences.get(i)?;
            let participants = participants_of(doc, i, entities);
            let mut words = content_words(&s.text);
            words.extend(participants.iter().map(|p| format!("@{p}")));
            Some(Report {
                date,
                doc: doc.id.clone(),
                sentence: i,
                text: s.text.clone(),
                words,
                participants,
            })
        })
        .collect()
}

fn overlap(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / small as f64
}

/// Reports being grouped into one event.
#[derive(Debug, Default)]
struct Cluster {
    reports: Vec<Report>,
    words: BTreeSet<String>,
}

impl Cluster {
    fn dates(&self) -> impl Iterator<Item = PartialDate> + '_ {
        self.reports.iter().map(|r| r.date)
    }

    /// How well a report fits: its similarity when its date is compatible.
    fn fit(&self, r: &Report) -> Option<f64> {
        let same_doc_same_day = self
            .reports
            .iter()
            .any(|x| x.doc == r.doc && x.date == r.date);
        if same_doc_same_day {
            return Some(1.0);
        }
        let sim = overlap(&self.words, &r.words);
        let day_gap = self
            .dates()
            .map(|d| (d.first_day() - r.date.first_day()).abs())
            .min()
            .unwrap_or(i64::MAX);
        // One outlet never gives one event two dates.
        let doc_has_other_date = self
            .reports
            .iter()
            .any(|x| x.doc == r.doc && x.date != r.date);
        match day_gap {
            0 if sim >= SAME_DAY_SIMILARITY => Some(sim),
            1..=CONFLICT_DAYS if sim >= NEAR_DAY_SIMILARITY && !doc_has_other_date => Some(sim),
            _ => None,
        }
    }
}

impl Cluster {
    fn first_day(&self) -> i64 {
        self.dates().map(|d| d.first_day()).min().unwrap_or(0)
    }

    fn last_day(&self) -> i64 {
        self.dates().map(|d| d.last_day()).max().unwrap_or(0)
    }

    /// Whether two clusters built apart tell of the same happening.
    fn joins(&self, other: &Cluster) -> bool {
        let mut same = false;
        let mut near = false;
        for a in self.dates() {
            for b in other.dates() {
                if a == b || a.contains(&b) || b.contains(&a) {
                    same = true;
                } else if a.granularity() == Granularity::Day
                    && b.granularity() == Granularity::Day
                    && (a.first_day() - b.first_day()).abs() <= CONFLICT_DAYS
                {
                    near = true;
                }
            }
        }
        // A document giving different days in the two is telling of two things.
        let split_doc = self.reports.iter().any(|x| {
            other.reports.iter().any(|y| {
                x.doc == y.doc
                    && x.date != y.date
                    && !x.date.contains(&y.date)
                    && !y.date.contains(&x.date)
            })
        });
        if split_doc {
            return false;
        }
        let sim = overlap(&self.words, &other.words);
        (same && sim >= SAME_DAY_SIMILARITY) || (near && sim >= NEAR_DAY_SIMILARITY)
    }

    fn absorb(&mut self, other: Cluster) {
        self.words.extend(other.words);
        self.reports.extend(other.reports);
    }
}

/// Merges clusters the greedy pass kept apart because of the order reports came in.
fn merge_clusters(mut clusters: Vec<Cluster>) -> Vec<Cluster> {
    loop {
        clusters.sort_by_key(Cluster::first_day);
        let mut pair = None;
        'search: for i in 0..clusters.len() {
            for j in i + 1..clusters.len() {
                if clusters[j].first_day() > clusters[i].last_day() + CONFLICT_DAYS {
                    break;
                }
                if clusters[i].joins(&clusters[j]) {
                    pair = Some((i, j));
                    break 'search;
                }
            }
        }
        match pair {
            Some((i, j)) => {
                let other = clusters.remove(j);
                clusters[i].absorb(other);
            }
            None => return clusters,
        }
    }
}

/// Reports of the same happening across documents, in date order.
pub fn group_events(docs: &[Document], entities: &[Entity]) -> Vec<Event> {
    let mut reports: Vec<Report> = docs.iter().flat_map(|d| reports_of(d, entities)).collect();
    reports.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(a.doc.cmp(&b.doc))
            .then(a.sentence.cmp(&b.sentence))
    });
    let mut clusters: Vec<Cluster> = Vec::new();
    // Clusters whose latest date is near enough to take a new report.
    let mut open: Vec<usize> = Vec::new();
    for r in reports {
        open.retain(|&c| {
            clusters[c]
                .dates()
                .any(|d| r.date.first_day() - d.last_day() <= CONFLICT_DAYS)
        });
        let best = open
            .iter()
            .filter_map(|&c| clusters[c].fit(&r).map(|s| (c, s)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((c, _)) => {
                clusters[c].words.extend(r.words.iter().cloned());
                clusters[c].reports.push(r);
            }
            None => {
                clusters.push(Cluster {
                    words: r.words.clone(),
                    reports: vec![r],
                });
                open.push(clusters.len() - 1);
            }
        }
    }
    let clusters = merge_clusters(clusters);
    let mut events: Vec<Event> = clusters.into_iter().filter_map(event_of).collect();
    events.sort_by(|a, b| a.date.cmp(&b.date).then(b.docs.len().cmp(&a.docs.len())));
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("v{}", i + 1);
    }
    events
}

fn event_of(cluster: Cluster) -> Option<Event> {
    // Which documents give which date.
    let mut support: BTreeMap<PartialDate, BTreeSet<String>> = BTreeMap::new();
    for r in &cluster.reports {
        support.entry(r.date).or_default().insert(r.doc.clone());
    }
    let (date, main_docs) = support
        .iter()
        .max_by(|a, b| {
            a.1.len()
                .cmp(&b.1.len())
                .then(a.0.granularity().cmp(&b.0.granularity()))
                .then(b.0.cmp(a.0))
        })
        .map(|(d, docs)| (*d, docs.clone()))?;
    let date_conflicts: Vec<DateConflict> = support
        .iter()
        .filter(|(d, _)| **d != date && !d.contains(&date) && !date.contains(d))
        .filter_map(|(d, docs)| {
            let docs: Vec<String> = docs.difference(&main_docs).cloned().collect();
            (!docs.is_empty()).then_some(DateConflict { date: *d, docs })
        })
        .collect();
    let mut docs: Vec<String> = Vec::new();
    let mut participants: Vec<String> = Vec::new();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for r in &cluster.reports {
        if !docs.contains(&r.doc) {
            docs.push(r.doc.clone());
        }
        for p in &r.participants {
            *counts.entry(p.clone()).or_default() += 1;
            if !participants.contains(p) {
                participants.push(p.clone());
            }
        }
    }
    participants.sort_by(|a, b| counts[b].cmp(&counts[a]).then(a.cmp(b)));
    let reports = cluster
        .reports
        .iter()
        .map(|r| Citation {
            text: r.text.clone(),
            doc: r.doc.clone(),
            sentence: r.sentence,
        })
        .collect();
    Some(Event {
        id: String::new(),
        date,
        reports,
        docs,
        participants,
        date_conflicts,
    })
}
