//! news-tls's scoring of a system over (sub-corpus, gold timeline) pairs
//! (`experiments/evaluate.py`): per pair, tilse's "align+ m:1" ROUGE-1 and
//! ROUGE-2 ("AR1", "AR2") against that one gold timeline and date selection;
//! over pairs, precision and recall are averaged and F is computed from the
//! averages.

use serde::{Deserialize, Serialize};

use super::metrics::{date_prf, Metric, Prf, TimelineEvaluator};
use super::timeline::Timeline;

/// AR1, AR2 and Date scores of one (sub-corpus, gold timeline) pair, or their average.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct PairScores {
    pub ar1: Prf,
    pub ar2: Prf,
    pub date: Prf,
}

/// Scores a predicted timeline against one gold timeline as news-tls does.
pub fn evaluate_news_tls(
    evaluator: &TimelineEvaluator,
    predicted: &Timeline,
    gold: &Timeline,
) -> PairScores {
    let refs = std::slice::from_ref(gold);
    let rouge = evaluator.evaluate(Metric::AlignDateContentCostsManyToOne, predicted, refs);
    PairScores {
        ar1: rouge.rouge_1,
        ar2: rouge.rouge_2,
        date: date_prf(predicted, refs),
    }
}

/// news-tls's `get_average_results`: mean precision and recall over pairs,
/// F1 from those means. No pairs give zeros.
pub fn average_news_tls(pairs: &[PairScores]) -> PairScores {
    if pairs.is_empty() {
        return PairScores::default();
    }
    let n = pairs.len() as f64;
    let mean = |get: fn(&PairScores) -> Prf| {
        let (p, r) = pairs.iter().fold((0.0, 0.0), |(p, r), s| {
            let x = get(s);
            (p + x.precision, r + x.recall)
        });
        Prf::from_pr(p / n, r / n)
    };
    PairScores {
        ar1: mean(|s| s.ar1),
        ar2: mean(|s| s.ar2),
        date: mean(|s| s.date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f_comes_from_averaged_p_and_r() {
        let pair = |p: f64, r: f64| PairScores {
            ar1: Prf::from_pr(p, r),
            ar2: Prf::from_pr(p / 2.0, r / 2.0),
            date: Prf::from_pr(1.0, 0.0),
        };
        let avg = average_news_tls(&[pair(1.0, 0.0), pair(0.0, 1.0)]);
        // Each pair has F1 0, yet the averaged P = R = 0.5 give F1 0.5.
        assert_eq!(
            avg.ar1,
            Prf {
                precision: 0.5,
                recall: 0.5,
                f1: 0.5
            }
        );
        assert_eq!(avg.ar2.f1, 0.25);
        assert_eq!(
            avg.date,
            Prf {
                precision: 1.0,
                recall: 0.0,
                f1: 0.0
            }
        );
        assert_eq!(average_news_tls(&[]), PairScores::default());
    }
}
