//! Sparse term vectors over an interned vocabulary, with document
//! frequencies that grow as sentences are added.

use crate::terms::terms;
use std::collections::HashMap;

/// Term ids with counts (or weights), sorted by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVector(pub Vec<(u32, f64)>);

impl SparseVector {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn dot(&self, other: &SparseVector) -> f64 {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    pub fn norm(&self) -> f64 {
        self.0.iter().map(|(_, w)| w * w).sum::<f64>().sqrt()
    }

    pub fn cosine(&self, other: &SparseVector) -> f64 {
        let n = self.norm() * other.norm();
        if n == 0.0 {
            0.0
        } else {
            self.dot(other) / n
        }
    }

    /// Scaled to unit length (empty stays empty).
    pub fn normalised(&self) -> SparseVector {
        let n = self.norm();
        if n == 0.0 {
            return self.clone();
        }
        SparseVector(self.0.iter().map(|(id, w)| (*id, w / n)).collect())
    }

    /// `self` with the weight of each term that occurs in both `a` and `b`
    /// multiplied by `factor`.
    pub fn boost_shared(&self, a: &SparseVector, b: &SparseVector, factor: f64) -> SparseVector {
        let has = |v: &SparseVector, id: u32| v.0.binary_search_by_key(&id, |(i, _)| *i).is_ok();
        SparseVector(
            self.0
                .iter()
                .map(|&(id, w)| {
                    if has(a, id) && has(b, id) {
                        (id, w * factor)
                    } else {
                        (id, w)
                    }
                })
                .collect(),
        )
    }

    /// `self + weight * other`.
    pub fn plus(&self, other: &SparseVector, weight: f64) -> SparseVector {
        let (a, b) = (&self.0, &other.0);
        let mut out = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let take_a = j >= b.len() || (i < a.len() && a[i].0 < b[j].0);
            let take_b = i >= a.len() || (j < b.len() && b[j].0 < a[i].0);
            if take_a {
                out.push(a[i]);
                i += 1;
            } else if take_b {
                out.push((b[j].0, weight * b[j].1));
                j += 1;
            } else {
                out.push((a[i].0, a[i].1 + weight * b[j].1));
                i += 1;
                j += 1;
            }
        }
        SparseVector(out)
    }
}

/// The vocabulary and how many sentences each term occurs in.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
    df: Vec<u32>,
    sentences: u32,
}

impl Vocabulary {
    /// The term counts of `text`, counting it towards document frequencies.
    pub fn add_sentence(&mut self, text: &str) -> SparseVector {
        let mut counts: Vec<(u32, f64)> = Vec::new();
        for term in terms(text) {
            let next = self.df.len() as u32;
            let id = *self.ids.entry(term).or_insert(next);
            if id == next {
                self.df.push(0);
            }
            counts.push((id, 1.0));
        }
        counts.sort_by_key(|(id, _)| *id);
        let mut merged: Vec<(u32, f64)> = Vec::with_capacity(counts.len());
        for (id, c) in counts {
            match merged.last_mut() {
                Some(last) if last.0 == id => last.1 += c,
                _ => merged.push((id, c)),
            }
        }
        for (id, _) in &merged {
            self.df[*id as usize] += 1;
        }
        self.sentences += 1;
        SparseVector(merged)
    }

    /// The term counts of `text` over terms already seen, without counting
    /// it towards document frequencies (for a part of a sentence already added).
    pub fn counts_of(&self, text: &str) -> SparseVector {
        let mut ids: Vec<u32> = terms(text)
            .iter()
            .filter_map(|t| self.ids.get(t).copied())
            .collect();
        ids.sort_unstable();
        let mut counts: Vec<(u32, f64)> = Vec::with_capacity(ids.len());
        for id in ids {
            match counts.last_mut() {
                Some(last) if last.0 == id => last.1 += 1.0,
                _ => counts.push((id, 1.0)),
            }
        }
        SparseVector(counts)
    }

    /// Smoothed inverse sentence frequency, as scikit-learn's `TfidfVectorizer`.
    pub fn idf(&self, id: u32) -> f64 {
        let df = self.df.get(id as usize).copied().unwrap_or(0) as f64;
        ((1.0 + self.sentences as f64) / (1.0 + df)).ln() + 1.0
    }

    pub fn tf_idf(&self, counts: &SparseVector) -> SparseVector {
        SparseVector(
            counts
                .0
                .iter()
                .map(|(id, c)| (*id, c * self.idf(*id)))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_add_and_compare() {
        let mut v = Vocabulary::default();
        let a = v.add_sentence("harbour cranes stopped, harbour closed");
        let b = v.add_sentence("the harbour reopened");
        assert_eq!(a.0.len(), 4);
        assert_eq!(a.0[0], (0, 2.0));
        assert!((a.dot(&b) - 2.0).abs() < 1e-12);
        let sum = a.plus(&b, 0.5);
        assert_eq!(
            sum.0,
            vec![(0, 2.5), (1, 1.0), (2, 1.0), (3, 1.0), (4, 0.5)]
        );
        // "harbour" is in both sentences, so it weighs least.
        assert!(v.idf(0) < v.idf(1));
        assert_eq!(SparseVector::default().cosine(&a), 0.0);
        let unit = a.normalised();
        assert!((unit.norm() - 1.0).abs() < 1e-12);
        assert!((unit.cosine(&a) - 1.0).abs() < 1e-12);
        assert!(SparseVector::default().normalised().is_empty());
        // Known terms only, and the frequencies stay as they were.
        let idf = v.idf(0);
        let part = v.counts_of("harbour closed, harbour quiet");
        assert_eq!(part.0, vec![(0, 2.0), (3, 1.0)]);
        assert_eq!(v.idf(0), idf);
        assert!(v.counts_of("quiet").is_empty());
        // Only "harbour" (id 0) is in both a and b.
        let boosted = sum.boost_shared(&a, &b, 2.0);
        assert_eq!(
            boosted.0,
            vec![(0, 5.0), (1, 1.0), (2, 1.0), (3, 1.0), (4, 0.5)]
        );
    }
}
