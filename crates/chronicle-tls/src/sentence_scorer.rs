//! A learned scorer of candidate summary sentences for one date: a linear
//! model over how central, on-topic, early and date-specific a sentence is,
//! fitted to each sentence's ROUGE-1 F against the reference summary of the
//! date (`chronicle eval tls DIR --train-sentences FILE`). Only the order of
//! the sentences of one date matters, so it is fitted within dates: features
//! and targets are centred on the date's mean before a ridge regression.

use crate::linear::{self, dot, feature_names, ModelError};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Names of the features, in order.
pub const SENTENCE_FEATURE_NAMES: [&str; 15] = [
    "centroid_similarity",
    "rel_centroid_similarity",
    "other_docs_similarity",
    "keyword_share",
    "log_position",
    "is_lead",
    "names_date",
    "log_other_dates",
    "log_words",
    "short",
    "speech",
    "published_on_date",
    "published_day_after",
    "log_days_from_publication",
    "log_docs_sharing",
];

pub type SentenceFeatures = [f64; SENTENCE_FEATURE_NAMES.len()];

/// One training example: a candidate sentence of a date, its ROUGE score
/// against the date's reference summary, and its weight.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceExample {
    pub features: SentenceFeatures,
    pub target: f64,
    pub weight: f64,
}

/// The candidates of one date, fitted together.
pub type DateExamples = Vec<SentenceExample>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceScorer {
    pub features: Vec<String>,
    pub weights: Vec<f64>,
    /// How the model was trained, for the record.
    #[serde(default)]
    pub trained_on: Vec<String>,
}

/// A sentence scorer file that cannot be used.
pub type SentenceScorerError = ModelError;

const MODEL_NAME: &str = "sentence scorer";

/// Solves `a x = b` for a small symmetric positive definite `a` (Gaussian
/// elimination with partial pivoting); `None` when singular.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        let (upper, lower) = a.split_at_mut(col + 1);
        let pivot_row = &upper[col];
        for (offset, row) in lower.iter_mut().enumerate() {
            let f = row[col] / pivot_row[col];
            for (x, p) in row.iter_mut().zip(pivot_row).skip(col) {
                *x -= f * p;
            }
            b[col + 1 + offset] -= f * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let s: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - s) / a[row][row];
    }
    Some(x)
}

impl SentenceScorer {
    /// The model shipped in `data/sentence_scorer.json`.
    pub fn builtin() -> &'static SentenceScorer {
        static MODEL: OnceLock<SentenceScorer> = OnceLock::new();
        MODEL.get_or_init(|| {
            SentenceScorer::from_json(include_str!("../data/sentence_scorer.json"))
                .expect("data/sentence_scorer.json is checked by a test")
        })
    }

    pub fn from_json(text: &str) -> Result<SentenceScorer, SentenceScorerError> {
        linear::from_json(
            MODEL_NAME,
            text,
            &SENTENCE_FEATURE_NAMES,
            |m: &SentenceScorer| (&m.features, m.weights.len()),
        )
    }

    pub fn to_json(&self) -> String {
        linear::to_json(self)
    }

    pub fn score(&self, x: &SentenceFeatures) -> f64 {
        dot(&self.weights, x)
    }

    /// Weighted ridge regression of the targets on the features, both centred
    /// within each date (so it learns which sentence of a date is better, not
    /// which date has better sentences). Features are standardised for the
    /// penalty and the scaling folded back into the weights.
    pub fn train(dates: &[DateExamples], l2: f64) -> SentenceScorer {
        let k = SENTENCE_FEATURE_NAMES.len();
        let mut rows: Vec<(Vec<f64>, f64, f64)> = Vec::new();
        for examples in dates {
            let total: f64 = examples.iter().map(|e| e.weight).sum();
            if total <= 0.0 {
                continue;
            }
            let mut mean = vec![0.0; k];
            let mut target_mean = 0.0;
            for e in examples {
                for (m, x) in mean.iter_mut().zip(&e.features) {
                    *m += e.weight * x / total;
                }
                target_mean += e.weight * e.target / total;
            }
            for e in examples {
                let x: Vec<f64> = e.features.iter().zip(&mean).map(|(x, m)| x - m).collect();
                rows.push((x, e.target - target_mean, e.weight));
            }
        }
        let total: f64 = rows.iter().map(|r| r.2).sum::<f64>().max(1e-12);
        let sd: Vec<f64> = (0..k)
            .map(|j| {
                let v: f64 = rows.iter().map(|r| r.2 * r.0[j] * r.0[j]).sum::<f64>() / total;
                v.sqrt().max(1e-6)
            })
            .collect();
        let mut a = vec![vec![0.0; k]; k];
        let mut b = vec![0.0; k];
        for (x, y, w) in &rows {
            let z: Vec<f64> = x.iter().zip(&sd).map(|(x, s)| x / s).collect();
            for i in 0..k {
                b[i] += w * z[i] * y / total;
                for j in 0..k {
                    a[i][j] += w * z[i] * z[j] / total;
                }
            }
        }
        for (i, row) in a.iter_mut().enumerate() {
            row[i] += l2;
        }
        let w = solve(a, b).unwrap_or_else(|| vec![0.0; k]);
        SentenceScorer {
            features: feature_names(&SENTENCE_FEATURE_NAMES),
            weights: (0..k).map(|j| w[j] / sd[j]).collect(),
            trained_on: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_model_loads() {
        let model = SentenceScorer::builtin();
        assert_eq!(model.weights.len(), SENTENCE_FEATURE_NAMES.len());
        assert!(model.weights.iter().all(|w| w.is_finite()));
    }

    #[test]
    fn training_learns_the_within_date_signal() {
        // Within each date the target follows feature 0; dates differ by a
        // constant offset on feature 3 that says nothing about the order.
        let dates: Vec<DateExamples> = (0..10)
            .map(|d| {
                (0..6)
                    .map(|i| {
                        let mut features = [0.0; SENTENCE_FEATURE_NAMES.len()];
                        features[0] = i as f64 * 0.1;
                        features[3] = d as f64;
                        features[8] = ((i * 7 + d) % 5) as f64;
                        SentenceExample {
                            features,
                            target: 0.05 + 0.2 * features[0] + 0.01 * d as f64,
                            weight: 1.0,
                        }
                    })
                    .collect()
            })
            .collect();
        let model = SentenceScorer::train(&dates, 1e-6);
        assert!((model.weights[0] - 0.2).abs() < 0.01, "{:?}", model.weights);
        assert!(model.weights[8].abs() < 0.01, "{:?}", model.weights);
    }

    #[test]
    fn wrong_feature_list_is_refused() {
        let text = r#"{"features": ["x"], "weights": [1.0]}"#;
        assert!(matches!(
            SentenceScorer::from_json(text),
            Err(SentenceScorerError::Features { .. })
        ));
    }
}
