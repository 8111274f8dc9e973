//! Greedy summary selection, shared by the date summariser
//! (`state/summary.rs`) and the news-tls CLUST reproduction (`clust.rs`).

use crate::vectors::SparseVector;

/// Similarity above which a sentence repeats one already chosen.
pub(crate) const REDUNDANT: f64 = 0.6;

/// Summary sentences shorter than this say too little (unless nothing longer is left).
pub(crate) const MIN_SUMMARY_WORDS: usize = 15;

/// Pools drawn from at least this many documents use unit-length sentence
/// vectors: every sentence weighs alike in the centroid and the summary.
pub(crate) const UNIT_VECTORS_MIN_DOCS: usize = 5;

/// What makes a candidate the next pick.
pub(crate) enum Gain<'a> {
    /// The closeness to `centroid` of the summary with the candidate added,
    /// minus the candidate's `cost` (news-tls's CentroidOpt when all costs
    /// are zero).
    Centroid {
        centroid: &'a SparseVector,
        cost: &'a [f64],
    },
    /// A fixed score per candidate (a learned sentence scorer's).
    Fixed(&'a [f64]),
    /// `Centroid`'s closeness blended with the closeness of the summary's
    /// dense vector (sum of the candidates' `dense` vectors, indexed like
    /// `vectors`) to `dense_centroid`: `(1 - weight)` · sparse + `weight` ·
    /// dense, minus the cost.
    Blend {
        centroid: &'a SparseVector,
        cost: &'a [f64],
        dense: &'a [Vec<f32>],
        dense_centroid: &'a [f32],
        weight: f64,
    },
}

/// Cosine of `sum + add` (when given) with `target`; 0 for a zero vector.
fn dense_cosine(sum: &[f32], add: Option<&[f32]>, target: &[f32]) -> f64 {
    let (mut dot, mut norm, mut target_norm) = (0.0f64, 0.0f64, 0.0f64);
    for (i, &t) in target.iter().enumerate() {
        let v = f64::from(sum.get(i).copied().unwrap_or(0.0))
            + add.map_or(0.0, |a| f64::from(a.get(i).copied().unwrap_or(0.0)));
        dot += v * f64::from(t);
        norm += v * v;
        target_norm += f64::from(t) * f64::from(t);
    }
    let n = (norm * target_norm).sqrt();
    if n == 0.0 {
        0.0
    } else {
        dot / n
    }
}

/// Picks up to `k` of `candidates` (indices into `vectors`), each time the
/// one with the best gain (the earliest on ties), skipping near-repeats of
/// one already chosen: cosine above [`REDUNDANT`], or `same` says so.
pub(crate) fn greedy(
    vectors: &[&SparseVector],
    mut candidates: Vec<usize>,
    k: usize,
    gain: Gain<'_>,
    same: impl Fn(usize, usize) -> bool,
) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    let mut summary = SparseVector::default();
    let mut dense_summary: Vec<f32> = Vec::new();
    while chosen.len() < k && !candidates.is_empty() {
        let best = candidates
            .iter()
            .enumerate()
            .map(|(pos, &i)| {
                let value = match &gain {
                    Gain::Centroid { centroid, cost } => {
                        summary.plus(vectors[i], 1.0).cosine(centroid)
                            - cost.get(i).copied().unwrap_or(0.0)
                    }
                    Gain::Fixed(scores) => scores.get(i).copied().unwrap_or(f64::MIN),
                    Gain::Blend {
                        centroid,
                        cost,
                        dense,
                        dense_centroid,
                        weight,
                    } => {
                        let sparse = summary.plus(vectors[i], 1.0).cosine(centroid);
                        let add = dense.get(i).map(Vec::as_slice);
                        let close = dense_cosine(&dense_summary, add, dense_centroid);
                        (1.0 - weight) * sparse + weight * close
                            - cost.get(i).copied().unwrap_or(0.0)
                    }
                };
                (pos, value)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let Some((pos, _)) = best else { break };
        let i = candidates.remove(pos);
        let repeats = chosen
            .iter()
            .any(|&c| same(c, i) || vectors[c].cosine(vectors[i]) > REDUNDANT);
        if repeats {
            continue;
        }
        summary = summary.plus(vectors[i], 1.0);
        if let Gain::Blend { dense, .. } = &gain {
            if let Some(v) = dense.get(i) {
                dense_summary.resize(dense_summary.len().max(v.len()), 0.0);
                for (s, x) in dense_summary.iter_mut().zip(v) {
                    *s += x;
                }
            }
        }
        chosen.push(i);
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vectors::Vocabulary;

    fn vectors(texts: &[&str]) -> Vec<SparseVector> {
        let mut vocabulary = Vocabulary::default();
        texts.iter().map(|t| vocabulary.add_sentence(t)).collect()
    }

    #[test]
    fn fixed_scores_pick_in_score_order_and_skip_what_same_rejects() {
        let texts = [
            "reservoir level falls",
            "turbines start supplying grid",
            "reservoir level falls again",
        ];
        let vectors = vectors(&texts);
        let refs: Vec<&SparseVector> = vectors.iter().collect();
        let scores = [0.2, 0.9, 0.5];
        let chosen = greedy(&refs, vec![0, 1, 2], 3, Gain::Fixed(&scores), |_, _| false);
        // 2 then 0 would repeat each other (cosine > REDUNDANT): 0 is skipped.
        assert_eq!(chosen, vec![1, 2]);
        let chosen = greedy(&refs, vec![0, 1, 2], 3, Gain::Fixed(&scores), |c, i| {
            c == 1 && i == 2
        });
        assert_eq!(chosen, vec![1, 0]);
    }

    #[test]
    fn blend_follows_the_dense_vectors_as_their_weight_grows() {
        // Sparse closeness prefers 1; the dense vectors say 0 is the date's content.
        let vectors = vectors(&["dam opens", "dam opens today officially"]);
        let refs: Vec<&SparseVector> = vectors.iter().collect();
        let centroid = vectors[1].clone();
        let dense = vec![vec![1.0f32, 0.0], vec![0.0f32, 1.0]];
        let dense_centroid = [1.0f32, 0.1];
        let blend = |weight| Gain::Blend {
            centroid: &centroid,
            cost: &[],
            dense: &dense,
            dense_centroid: &dense_centroid,
            weight,
        };
        assert_eq!(
            greedy(&refs, vec![0, 1], 1, blend(0.0), |_, _| false),
            vec![1]
        );
        assert_eq!(
            greedy(&refs, vec![0, 1], 1, blend(1.0), |_, _| false),
            vec![0]
        );
    }

    #[test]
    fn dense_cosine_of_a_sum() {
        assert!((dense_cosine(&[1.0, 0.0], Some(&[0.0, 1.0]), &[1.0, 1.0]) - 1.0).abs() < 1e-9);
        assert_eq!(dense_cosine(&[], None, &[1.0, 0.0]), 0.0);
    }

    #[test]
    fn centroid_gain_pays_the_cost() {
        let vectors = vectors(&["dam opens", "dam opens today officially"]);
        let refs: Vec<&SparseVector> = vectors.iter().collect();
        let centroid = vectors[1].clone();
        let free = Gain::Centroid {
            centroid: &centroid,
            cost: &[],
        };
        assert_eq!(greedy(&refs, vec![0, 1], 1, free, |_, _| false), vec![1]);
        let costly = Gain::Centroid {
            centroid: &centroid,
            cost: &[0.0, 1.0],
        };
        assert_eq!(greedy(&refs, vec![0, 1], 1, costly, |_, _| false), vec![0]);
    }
}
