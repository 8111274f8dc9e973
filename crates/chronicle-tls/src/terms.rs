//! Content terms of a sentence, for similarity between sentences.
//!
//! Terms are lower-cased words with stop words removed, cut to their first
//! six letters: a crude stemmer that also absorbs typos at the end of words
//! ("withdrawl", "withdrawal", "withdraw") and costs nothing.

use std::collections::{BTreeMap, HashMap};

const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "april",
    "are",
    "as",
    "at",
    "august",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "day",
    "december",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "end",
    "even",
    "february",
    "few",
    "for",
    "friday",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "january",
    "july",
    "june",
    "just",
    "last",
    "many",
    "march",
    "may",
    "me",
    "might",
    "monday",
    "month",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "new",
    "no",
    "nor",
    "not",
    "november",
    "now",
    "october",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "said",
    "same",
    "saturday",
    "says",
    "september",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "sunday",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "thursday",
    "time",
    "to",
    "today",
    "too",
    "tuesday",
    "two",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "we",
    "wednesday",
    "week",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "year",
    "years",
    "yesterday",
    "you",
    "your",
];

fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.binary_search(&w).is_ok()
}

/// The content terms of `text`, in order, with repeats.
pub fn terms(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() > 1 && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !is_stop_word(w))
        .map(|w| w.chars().take(6).collect())
        .collect()
}

/// A bag of terms with counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermBag {
    pub counts: BTreeMap<String, f64>,
}

impl TermBag {
    pub fn of(text: &str) -> Self {
        let mut counts = BTreeMap::new();
        for t in terms(text) {
            *counts.entry(t).or_insert(0.0) += 1.0;
        }
        TermBag { counts }
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    pub fn add(&mut self, other: &TermBag, weight: f64) {
        for (t, c) in &other.counts {
            *self.counts.entry(t.clone()).or_insert(0.0) += c * weight;
        }
    }

    /// Each count multiplied by the term's inverse document frequency.
    pub fn weighted(&self, idf: &Idf) -> TermBag {
        TermBag {
            counts: self
                .counts
                .iter()
                .map(|(t, c)| (t.clone(), c * idf.of(t)))
                .collect(),
        }
    }

    pub fn norm(&self) -> f64 {
        self.counts.values().map(|c| c * c).sum::<f64>().sqrt()
    }

    pub fn cosine(&self, other: &TermBag) -> f64 {
        let (small, large) = if self.counts.len() <= other.counts.len() {
            (self, other)
        } else {
            (other, self)
        };
        let dot: f64 = small
            .counts
            .iter()
            .filter_map(|(t, c)| large.counts.get(t).map(|d| c * d))
            .sum();
        let n = self.norm() * other.norm();
        if n == 0.0 {
            0.0
        } else {
            dot / n
        }
    }
}

/// Inverse document frequencies over a collection of texts.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    docs: f64,
    df: HashMap<String, f64>,
}

impl Idf {
    pub fn new<'a>(bags: impl IntoIterator<Item = &'a TermBag>) -> Self {
        let mut idf = Idf::default();
        for bag in bags {
            idf.docs += 1.0;
            for t in bag.counts.keys() {
                *idf.df.entry(t.clone()).or_insert(0.0) += 1.0;
            }
        }
        idf
    }

    pub fn of(&self, term: &str) -> f64 {
        let df = self.df.get(term).copied().unwrap_or(0.0);
        ((1.0 + self.docs) / (1.0 + df)).ln() + 1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn terms_absorb_suffixes_and_typos() {
        assert_eq!(
            terms("The full withdrawl of U.S. troops"),
            vec!["full", "withdr", "troops"]
        );
        assert_eq!(terms("withdrawal withdraw"), vec!["withdr", "withdr"]);
    }

    #[test]
    fn cosine_of_related_sentences_beats_unrelated() {
        let a = TermBag::of("withdraw all US troops from Iraq by the end of 2011");
        let b = TermBag::of("ahead of the full withdrawl of U.S. troops from Iraq");
        let c = TermBag::of("the price of oil rose sharply in Asian markets");
        assert!(a.cosine(&b) > 0.5);
        assert_eq!(a.cosine(&c), 0.0);
    }
}
