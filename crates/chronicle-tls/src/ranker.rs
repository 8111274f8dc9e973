//! A learned date ranker: logistic regression over counts of how a date is
//! mentioned and published on (news-tls's DATEWISE features, made relative
//! to the collection so that one model serves small and large ones).
//!
//! The model is a few numbers in `data/date_ranker.json`, trained on the
//! Timeline17 dev topics with [`DateRanker::train`]
//! (`chronicle eval tls DIR --train FILE`).

use crate::linear::{self, dot, feature_names, ModelError};
use crate::state::DateStats;
use chronicle_model::{Granularity, PartialDate};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Names of the features, in order.
pub const FEATURE_NAMES: [&str; 23] = [
    "log_sents_total",
    "log_sents_before",
    "log_sents_after",
    "log_docs_total",
    "log_docs_before",
    "log_docs_after",
    "log_docs_published",
    "log_docs_published_next",
    "log_support",
    "share_of_docs",
    "rel_docs_total",
    "rel_docs_published",
    "rel_support",
    "is_month",
    "log_sents_keyword",
    "rel_sents_keyword",
    "log_sents_lead",
    "log_docs_lead",
    "rank_docs_total",
    "rank_support",
    "rank_sents_keyword",
    "rank_published",
    "published_and_named",
];

/// For each candidate, the share of candidates whose `get` is smaller: a
/// scale-free position, the same for collections of any size.
fn ranks(candidates: &[(PartialDate, DateStats)], get: fn(&DateStats) -> f64) -> Vec<f64> {
    let mut values: Vec<f64> = candidates.iter().map(|(_, s)| get(s)).collect();
    values.sort_by(f64::total_cmp);
    let n = values.len().max(1) as f64;
    candidates
        .iter()
        .map(|(_, s)| values.partition_point(|v| *v < get(s)) as f64 / n)
        .collect()
}

pub type Features = [f64; FEATURE_NAMES.len()];

/// The features of each candidate date of one collection of `docs` documents.
pub fn date_features(candidates: &[(PartialDate, DateStats)], docs: usize) -> Vec<Features> {
    let max = |get: fn(&DateStats) -> f64| {
        candidates
            .iter()
            .map(|(_, s)| get(s))
            .fold(0.0, f64::max)
            .max(1e-9)
    };
    let max_docs = max(|s| s.docs_total as f64);
    let max_published = max(|s| s.docs_published as f64);
    let max_support = max(|s| s.support);
    let max_keyword = max(|s| s.sents_keyword as f64);
    let docs = docs.max(1) as f64;
    let ln = |x: u32| (1.0 + x as f64).ln();
    let rank_docs = ranks(candidates, |s| s.docs_total as f64);
    let rank_support = ranks(candidates, |s| s.support);
    let rank_keyword = ranks(candidates, |s| s.sents_keyword as f64);
    let rank_published = ranks(candidates, |s| {
        (s.docs_published + s.docs_published_next) as f64
    });
    candidates
        .iter()
        .enumerate()
        .map(|(i, (date, s))| {
            [
                ln(s.sents_total),
                ln(s.sents_before),
                ln(s.sents_after),
                ln(s.docs_total),
                ln(s.docs_before),
                ln(s.docs_after),
                ln(s.docs_published),
                ln(s.docs_published_next),
                (1.0 + s.support).ln(),
                s.docs_total as f64 / docs,
                s.docs_total as f64 / max_docs,
                s.docs_published as f64 / max_published,
                s.support / max_support,
                f64::from(u8::from(date.granularity() == Granularity::Month)),
                ln(s.sents_keyword),
                s.sents_keyword as f64 / max_keyword,
                ln(s.sents_lead),
                ln(s.docs_lead),
                rank_docs[i],
                rank_support[i],
                rank_keyword[i],
                rank_published[i],
                ln(s.docs_total) * ln(s.docs_published + s.docs_published_next),
            ]
        })
        .collect()
}

/// A linear scorer of date features (the logit of the date being in a
/// reference timeline).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateRanker {
    pub features: Vec<String>,
    pub weights: Vec<f64>,
    pub bias: f64,
    /// How the model was trained, for the record.
    #[serde(default)]
    pub trained_on: Vec<String>,
}

/// A date ranker file that cannot be used.
pub type RankerError = ModelError;

/// One training example: a candidate date's features, whether it is a gold
/// date, and its weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub features: Features,
    pub gold: bool,
    pub weight: f64,
}

const MODEL_NAME: &str = "date ranker";

impl DateRanker {
    /// The model shipped in `data/date_ranker.json`.
    pub fn builtin() -> &'static DateRanker {
        static MODEL: OnceLock<DateRanker> = OnceLock::new();
        MODEL.get_or_init(|| {
            DateRanker::from_json(include_str!("../data/date_ranker.json"))
                .expect("data/date_ranker.json is checked by a test")
        })
    }

    pub fn from_json(text: &str) -> Result<DateRanker, RankerError> {
        linear::from_json(MODEL_NAME, text, &FEATURE_NAMES, |m: &DateRanker| {
            (&m.features, m.weights.len())
        })
    }

    pub fn to_json(&self) -> String {
        linear::to_json(self)
    }

    pub fn score(&self, x: &Features) -> f64 {
        self.bias + dot(&self.weights, x)
    }

    /// Weighted, L2-regularised logistic regression by full-batch gradient
    /// descent on standardised features; the scaling is folded back into
    /// the weights so the model applies to raw features.
    pub fn train(examples: &[Example], l2: f64, iterations: usize) -> DateRanker {
        let k = FEATURE_NAMES.len();
        let total: f64 = examples.iter().map(|e| e.weight).sum::<f64>().max(1e-12);
        let mut mean = vec![0.0; k];
        for e in examples {
            for (m, x) in mean.iter_mut().zip(&e.features) {
                *m += e.weight * x / total;
            }
        }
        let mut sd = vec![0.0; k];
        for e in examples {
            for ((v, x), m) in sd.iter_mut().zip(&e.features).zip(&mean) {
                *v += e.weight * (x - m).powi(2) / total;
            }
        }
        let sd: Vec<f64> = sd.iter().map(|v| v.sqrt().max(1e-6)).collect();
        let standard: Vec<Vec<f64>> = examples
            .iter()
            .map(|e| {
                e.features
                    .iter()
                    .zip(&mean)
                    .zip(&sd)
                    .map(|((x, m), s)| (x - m) / s)
                    .collect()
            })
            .collect();
        let (mut w, mut b) = (vec![0.0; k], 0.0);
        let rate = 0.5;
        for _ in 0..iterations {
            let (mut gw, mut gb) = (vec![0.0; k], 0.0);
            for (e, z) in examples.iter().zip(&standard) {
                let logit: f64 = b + w.iter().zip(z).map(|(w, x)| w * x).sum::<f64>();
                let p = 1.0 / (1.0 + (-logit).exp());
                let err = e.weight * (p - f64::from(u8::from(e.gold))) / total;
                for (g, x) in gw.iter_mut().zip(z) {
                    *g += err * x;
                }
                gb += err;
            }
            for (w, g) in w.iter_mut().zip(&gw) {
                *w -= rate * (g + l2 * *w);
            }
            b -= rate * gb;
        }
        let weights: Vec<f64> = (0..k).map(|j| w[j] / sd[j]).collect();
        let bias = b - (0..k).map(|j| w[j] * mean[j] / sd[j]).sum::<f64>();
        DateRanker {
            features: feature_names(&FEATURE_NAMES),
            weights,
            bias,
            trained_on: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_model_loads() {
        let model = DateRanker::builtin();
        assert_eq!(model.weights.len(), FEATURE_NAMES.len());
        assert!(model.weights.iter().all(|w| w.is_finite()));
    }

    #[test]
    fn training_learns_which_feature_separates() {
        // Gold dates have many documents naming them; the rest few.
        let example = |docs: f64, gold: bool| {
            let mut features = [0.0; FEATURE_NAMES.len()];
            features[3] = docs;
            features[13] = 0.5;
            Example {
                features,
                gold,
                weight: 1.0,
            }
        };
        let examples: Vec<Example> = (0..20)
            .map(|i| example(2.0 + (i % 3) as f64, true))
            .chain((0..60).map(|i| example((i % 3) as f64 * 0.5, false)))
            .collect();
        let model = DateRanker::train(&examples, 1e-3, 300);
        assert!(model.weights[3] > 0.5, "{:?}", model.weights);
        let good = model.score(&example(3.0, true).features);
        let bad = model.score(&example(0.5, false).features);
        assert!(good > 0.0 && bad < 0.0, "{good} {bad}");
    }

    #[test]
    fn rank_features_do_not_depend_on_collection_size() {
        let day = |d: u8| {
            format!("2031-03-{d:02}")
                .parse::<PartialDate>()
                .expect("date")
        };
        let with = |scale: u32| -> Vec<(PartialDate, DateStats)> {
            (1..=4u8)
                .map(|d| {
                    let stats = DateStats {
                        docs_total: scale * u32::from(d),
                        ..DateStats::default()
                    };
                    (day(d), stats)
                })
                .collect()
        };
        let rank = FEATURE_NAMES
            .iter()
            .position(|n| *n == "rank_docs_total")
            .expect("feature");
        let small: Vec<f64> = date_features(&with(1), 10)
            .iter()
            .map(|f| f[rank])
            .collect();
        let large: Vec<f64> = date_features(&with(50), 900)
            .iter()
            .map(|f| f[rank])
            .collect();
        assert_eq!(small, vec![0.0, 0.25, 0.5, 0.75]);
        assert_eq!(small, large);
    }

    #[test]
    fn wrong_feature_list_is_refused() {
        let text = r#"{"features": ["x"], "weights": [1.0], "bias": 0.0}"#;
        assert!(matches!(
            DateRanker::from_json(text),
            Err(RankerError::Features { .. })
        ));
    }
}
