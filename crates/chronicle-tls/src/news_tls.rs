//! news-tls's evaluation protocol run end to end on a corpus in Timeline17's
//! layout: for each (topic, gold timeline) the system gets the articles
//! published between the gold's first and last date, is told the number of
//! gold dates (T) and sentences per date (N), and its timeline is scored with
//! tilse's align+ m:1 ROUGE-1/2 and Date F1.
//!
//! Articles go through chronicle's own annotation (passed in as a function,
//! since the pipeline crate builds on this one), after undoing the corpus's
//! PTB tokenisation; the folder date is declared as the publication date.

use crate::encoder::{SentenceEncoder, Summariser};
use crate::ptb::untokenise;
use crate::ranker::{date_features, DateRanker, Example};
use crate::sentence_scorer::{DateExamples, SentenceExample, SentenceScorer};
use crate::state::TimelineState;
use crate::timeline::{Method, TimelineOptions};
use chronicle_eval::rouge::{score_bags, NgramBag, Rouge};
use chronicle_eval::tls::{
    average_news_tls, evaluate_news_tls, load_topic, Article, Day, GoldTimeline, LoadError,
    PairScores, Timeline as DayTimeline, TimelineEvaluator, Topic,
};
use chronicle_ingest::{Declared, RawContent, RawDocument};
use chronicle_model::{Document, Source, SourceFormat};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Instant;

/// Annotates one document (chronicle-pipeline's `annotate_raw`).
pub type Annotator<'a> = &'a dyn Fn(RawDocument) -> Document;

/// An article as a raw text document dated by its folder.
pub fn raw_article(topic: &str, article: &Article) -> RawDocument {
    let text: Vec<String> = article.lines.iter().map(|l| untokenise(l)).collect();
    let id = format!("{topic}/{}", article.id);
    RawDocument {
        id: id.clone(),
        source: Source {
            path: format!("{topic}/InputDocs/{}", article.id),
            format: SourceFormat::Text,
            ..Source::default()
        },
        url: None,
        // A blank line after each line keeps one corpus sentence a paragraph.
        content: RawContent::Text(text.join("\n\n")),
        declared: Declared {
            title: Some(id),
            published: Some(article.published.to_string()),
            ..Declared::default()
        },
    }
}

/// A topic with its articles annotated, in the topic's article order.
#[derive(Debug)]
pub struct AnnotatedTopic {
    pub topic: Topic,
    pub documents: Vec<Document>,
    /// Loading and annotating, in seconds.
    pub seconds: f64,
}

/// Loads a topic directory and annotates every article.
pub fn load_and_annotate(dir: &Path, annotate: Annotator) -> Result<AnnotatedTopic, LoadError> {
    let start = Instant::now();
    let topic = load_topic(dir)?;
    let documents = topic
        .articles
        .iter()
        .map(|a| annotate(raw_article(&topic.name, a)))
        .collect();
    Ok(AnnotatedTopic {
        topic,
        documents,
        seconds: start.elapsed().as_secs_f64(),
    })
}

/// The topic directories of `dir`: itself when it is one, else its
/// subdirectories holding `InputDocs/`, by name.
pub fn topic_dirs(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    if dir.join("InputDocs").is_dir() {
        return Ok(vec![dir.to_path_buf()]);
    }
    let mut dirs = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.join("InputDocs").is_dir() {
            dirs.push(path);
        }
    }
    dirs.sort();
    Ok(dirs)
}

/// The system under evaluation, apart from its trained models.
#[derive(Clone, Copy, Default)]
pub struct System<'a> {
    pub method: Method,
    /// Quote summary sentences as written ([`TimelineOptions::verbatim`]).
    pub verbatim: bool,
    /// Dense sentence vectors for the summaries ([`Summariser::Embedded`]).
    pub encoder: Option<&'a dyn SentenceEncoder>,
}

impl std::fmt::Debug for System<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("System")
            .field("method", &self.method)
            .field("verbatim", &self.verbatim)
            .field("encoder", &self.encoder.is_some())
            .finish()
    }
}

impl From<Method> for System<'_> {
    fn from(method: Method) -> Self {
        System {
            method,
            ..System::default()
        }
    }
}

impl<'a> System<'a> {
    /// How its summaries choose sentences, given a learned scorer or not.
    fn summariser(&self, scorer: Option<&'a SentenceScorer>) -> Summariser<'a> {
        match (scorer, self.encoder) {
            (Some(model), _) => Summariser::Learned(model),
            (None, Some(encoder)) => Summariser::Embedded(encoder),
            (None, None) => Summariser::Centroid,
        }
    }
}

/// What the system is told for one gold timeline.
fn task_options(topic: &Topic, gold: &GoldTimeline, system: System<'_>) -> Option<TimelineOptions> {
    let task = topic.task(gold)?;
    Some(TimelineOptions {
        dates: Some(task.num_dates),
        sentences: task.sentences_per_date,
        from: Some(task.first.to_partial_date()),
        to: Some(task.last.to_partial_date()),
        method: system.method,
        keywords: topic.keywords.clone(),
        days_only: true,
        ranker_min_docs: None,
        next_day_reports: true,
        verbatim: system.verbatim,
    })
}

/// The timeline state of the articles inside the gold timeline's window.
fn task_state(at: &AnnotatedTopic, gold: &GoldTimeline) -> Option<(TimelineState, usize)> {
    let (first, last) = (gold.timeline.first_date()?, gold.timeline.last_date()?);
    let docs: Vec<Document> = at
        .topic
        .articles
        .iter()
        .zip(&at.documents)
        .filter(|(a, _)| first <= a.published && a.published <= last)
        .map(|(_, d)| d.clone())
        .collect();
    let n = docs.len();
    Some((TimelineState::from_documents(&docs), n))
}

/// A timeline's entries known to the day, as the scorer reads them.
pub fn day_timeline(timeline: &chronicle_model::Timeline) -> DayTimeline {
    DayTimeline::from_entries(timeline.entries.iter().filter_map(|e| {
        let day = Day::try_from(e.date).ok()?;
        Some((day, e.summary.iter().map(|c| c.text.clone()).collect()))
    }))
}

#[derive(Debug, Clone, Serialize)]
pub struct PairResult {
    pub topic: String,
    /// The gold timeline's file name without `.txt`.
    pub timeline: String,
    pub articles: usize,
    /// T and N.
    pub dates: usize,
    pub sentences_per_date: usize,
    pub scores: PairScores,
    #[serde(skip)]
    pub system: DayTimeline,
}

#[derive(Debug, Clone, Serialize)]
pub struct TopicResult {
    pub topic: String,
    /// Loading, annotating and summarising every task, in seconds (scoring excluded).
    pub seconds: f64,
    pub pairs: Vec<PairResult>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub method: Method,
    pub topics: Vec<TopicResult>,
    pub pairs: usize,
    /// P and R averaged over pairs, F from the averages.
    pub average: PairScores,
}

impl Report {
    pub fn new(method: Method, topics: Vec<TopicResult>) -> Report {
        let scores: Vec<PairScores> = topics
            .iter()
            .flat_map(|t| t.pairs.iter().map(|p| p.scores))
            .collect();
        Report {
            method,
            pairs: scores.len(),
            average: average_news_tls(&scores),
            topics,
        }
    }

    /// The average over the pairs whose "topic/timeline" is in `names`.
    pub fn average_of(&self, names: &[&str]) -> (usize, PairScores) {
        let scores: Vec<PairScores> = self
            .topics
            .iter()
            .flat_map(|t| t.pairs.iter())
            .filter(|p| names.contains(&format!("{}/{}", p.topic, p.timeline).as_str()))
            .map(|p| p.scores)
            .collect();
        (scores.len(), average_news_tls(&scores))
    }
}

/// The (topic, gold timeline) pairs of the Timeline17 dev corpus that
/// news-tls itself was run on (see the corpus README), as "topic/timeline".
pub const NEWS_TLS_PAIRS: [&str; 10] = [
    "Finan_washingtonpost/financial_crisis_wallstreet_washingtonpost",
    "SyrianCrisis_bbc/tl1",
    "SyrianCrisis_reuters/tl2.1",
    "SyrianCrisis_reuters/tl2.2",
    "SyrianCrisis_reuters/tl2.3",
    "bpoil_bbc/bbc",
    "bpoil_foxnews/foxnews",
    "bpoil_guardian/guardian",
    "bpoil_reuters/rbpoil",
    "bpoil_washingtonpost/washingtonpost",
];

/// Builds and scores a timeline for every gold timeline of a topic
/// (`scorer` `None`: centroid sentence selection).
pub fn evaluate_topic(
    at: &AnnotatedTopic,
    system: System<'_>,
    ranker: &DateRanker,
    scorer: Option<&SentenceScorer>,
    evaluator: &TimelineEvaluator,
) -> TopicResult {
    evaluate_topic_on(at, system, Some(ranker), scorer, evaluator)
}

/// An oracle diagnostic, never a reported figure: every topic summarised on
/// its gold timelines' own dates, so that summaries are scored apart from
/// date selection.
pub fn evaluate_on_gold_dates(
    topics: &[AnnotatedTopic],
    system: System<'_>,
    scorer: Option<&SentenceScorer>,
) -> Report {
    let evaluator = TimelineEvaluator::new(Rouge::tilse());
    Report::new(
        Method::Ranker,
        topics
            .iter()
            .map(|t| evaluate_topic_on(t, system, None, scorer, &evaluator))
            .collect(),
    )
}

/// `ranker` `None`: the gold dates (oracle).
fn evaluate_topic_on<'a>(
    at: &AnnotatedTopic,
    system: System<'a>,
    ranker: Option<&DateRanker>,
    scorer: Option<&'a SentenceScorer>,
    evaluator: &TimelineEvaluator,
) -> TopicResult {
    let summariser = system.summariser(scorer);
    let mut seconds = at.seconds;
    let mut pairs = Vec::new();
    for gold in &at.topic.timelines {
        let start = Instant::now();
        let (Some(options), Some((state, articles))) =
            (task_options(&at.topic, gold, system), task_state(at, gold))
        else {
            continue;
        };
        let timeline = match ranker {
            Some(ranker) => state.timeline_scored(&options, ranker, summariser),
            None => {
                let dates: Vec<_> = gold.timeline.dates().map(|d| d.to_partial_date()).collect();
                state.timeline_on_dates(&options, &dates, summariser)
            }
        };
        let system = day_timeline(&timeline);
        seconds += start.elapsed().as_secs_f64();
        pairs.push(PairResult {
            topic: at.topic.name.clone(),
            timeline: gold.name.clone(),
            articles,
            dates: options.dates.unwrap_or(0),
            sentences_per_date: options.sentences,
            scores: evaluate_news_tls(evaluator, &system, &gold.timeline),
            system,
        });
    }
    TopicResult {
        topic: at.topic.name.clone(),
        seconds,
        pairs,
    }
}

/// Scores every topic with one ranker and sentence scorer.
pub fn evaluate(
    topics: &[AnnotatedTopic],
    system: System<'_>,
    ranker: &DateRanker,
    scorer: Option<&SentenceScorer>,
) -> Report {
    let evaluator = TimelineEvaluator::new(Rouge::tilse());
    Report::new(
        system.method,
        topics
            .iter()
            .map(|t| evaluate_topic(t, system, ranker, scorer, &evaluator))
            .collect(),
    )
}

/// The ranker's training examples from one topic: every candidate day in
/// each gold timeline's window, gold or not. Each task's gold and non-gold
/// examples weigh 1 in all, so every task and both classes count alike.
pub fn training_examples(at: &AnnotatedTopic) -> Vec<Example> {
    let mut out = Vec::new();
    for gold in &at.topic.timelines {
        let (Some(options), Some((state, _))) = (
            task_options(&at.topic, gold, Method::Ranker.into()),
            task_state(at, gold),
        ) else {
            continue;
        };
        let candidates = state.candidates(&options);
        let features = date_features(&candidates, state.documents().len());
        let gold_days: BTreeSet<Day> = gold.timeline.dates().collect();
        let labels: Vec<bool> = candidates
            .iter()
            .map(|(d, _)| Day::try_from(*d).is_ok_and(|day| gold_days.contains(&day)))
            .collect();
        let positives = labels.iter().filter(|g| **g).count().max(1) as f64;
        let negatives = labels.iter().filter(|g| !**g).count().max(1) as f64;
        for (x, gold) in features.into_iter().zip(labels) {
            out.push(Example {
                features: x,
                gold,
                weight: if gold {
                    1.0 / positives
                } else {
                    1.0 / negatives
                },
            });
        }
    }
    out
}

pub const TRAIN_L2: f64 = 1e-3;
pub const TRAIN_ITERATIONS: usize = 1500;

/// Trains a ranker on the given topics.
pub fn train(topics: &[&AnnotatedTopic]) -> DateRanker {
    let examples: Vec<Example> = topics.iter().flat_map(|t| training_examples(t)).collect();
    let mut model = DateRanker::train(&examples, TRAIN_L2, TRAIN_ITERATIONS);
    model.trained_on = topics.iter().map(|t| t.topic.name.clone()).collect();
    model
}

/// The sentence scorer's training examples from one topic. For each gold
/// timeline: its gold dates and the dates a simple ranking would pick, each
/// with its candidate sentences scored by ROUGE-1 F against the gold summary
/// of the nearest gold date (tilse aligns a wrong date with a near gold one
/// and discounts by the distance, so the date weighs 1 / (1 + distance)).
pub fn sentence_examples(at: &AnnotatedTopic) -> Vec<DateExamples> {
    let rouge = Rouge::tilse();
    let mut out = Vec::new();
    for gold in &at.topic.timelines {
        let (Some(options), Some((state, _))) = (
            task_options(&at.topic, gold, Method::Mentions.into()),
            task_state(at, gold),
        ) else {
            continue;
        };
        let gold_days: Vec<Day> = gold.timeline.dates().collect();
        let wanted = SENTENCE_TRAINING_DATES * gold_days.len();
        let mut days: BTreeSet<Day> = gold_days.iter().copied().collect();
        days.extend(
            state
                .rank_dates(&options, DateRanker::builtin())
                .into_iter()
                .take(wanted)
                .filter_map(|(d, _)| Day::try_from(d).ok()),
        );
        let references: BTreeMap<Day, NgramBag> = gold_days
            .iter()
            .map(|&g| (g, NgramBag::new(&rouge.tokenize(gold.timeline.get(g)), 1)))
            .collect();
        for day in days {
            let Some((distance, reference)) = references
                .iter()
                .map(|(g, bag)| (g.distance(day), bag))
                .min_by_key(|(d, _)| *d)
            else {
                continue;
            };
            if distance > SENTENCE_TRAINING_DISTANCE {
                continue;
            }
            let candidates = state.sentence_candidates(day.to_partial_date(), &at.topic.keywords);
            if candidates.len() < 2 {
                continue;
            }
            let weight = 1.0 / (1.0 + distance as f64) / candidates.len() as f64;
            out.push(
                candidates
                    .into_iter()
                    .map(|(text, features)| {
                        let peer = NgramBag::new(&rouge.tokenize(&[text]), 1);
                        SentenceExample {
                            features,
                            target: score_bags(&peer, &[reference]).f1(),
                            weight,
                        }
                    })
                    .collect(),
            );
        }
    }
    out
}

/// Besides the gold dates, this many times T of the best-supported dates train the sentence scorer.
const SENTENCE_TRAINING_DATES: usize = 2;
/// Dates farther than this from every gold date are not trained on.
const SENTENCE_TRAINING_DISTANCE: u64 = 10;

pub const SENTENCE_L2: f64 = 1e-2;

/// Trains a sentence scorer on the given topics.
pub fn train_sentences(topics: &[&AnnotatedTopic]) -> SentenceScorer {
    let examples: Vec<DateExamples> = topics.iter().flat_map(|t| sentence_examples(t)).collect();
    let mut model = SentenceScorer::train(&examples, SENTENCE_L2);
    model.trained_on = topics.iter().map(|t| t.topic.name.clone()).collect();
    model
}

/// Leave-one-topic-out: each topic is scored with a date ranker and (when
/// `learned_sentences`) a sentence scorer trained on all the others.
pub fn leave_one_out(topics: &[AnnotatedTopic], learned_sentences: bool) -> Report {
    leave_one_out_with(topics, learned_sentences, Method::Ranker.into())
}

/// [`leave_one_out`] with a date method that uses the ranker
/// ([`Method::Ranker`] or [`Method::Clusters`]).
pub fn leave_one_out_with(
    topics: &[AnnotatedTopic],
    learned_sentences: bool,
    system: System<'_>,
) -> Report {
    let evaluator = TimelineEvaluator::new(Rouge::tilse());
    let sentence_sets: Vec<Vec<DateExamples>> = if learned_sentences {
        topics.iter().map(sentence_examples).collect()
    } else {
        Vec::new()
    };
    let results = (0..topics.len())
        .map(|i| {
            let others: Vec<&AnnotatedTopic> = topics
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, t)| t)
                .collect();
            let ranker = train(&others);
            let scorer = learned_sentences.then(|| {
                let examples: Vec<DateExamples> = sentence_sets
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .flat_map(|(_, e)| e.iter().cloned())
                    .collect();
                SentenceScorer::train(&examples, SENTENCE_L2)
            });
            evaluate_topic(&topics[i], system, &ranker, scorer.as_ref(), &evaluator)
        })
        .collect();
    Report::new(system.method, results)
}
