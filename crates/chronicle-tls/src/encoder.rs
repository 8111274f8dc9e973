//! How a summary chooses its sentences: by closeness to the centroid of
//! what is said about the date (tf-idf), with a learned sentence scorer, or
//! with dense sentence vectors from an outside encoder (e.g. MiniLM) blended
//! into the centroid closeness. The encoder is a trait so that this crate
//! does not depend on a neural-network library; `chronicle-embed` provides
//! one.

use crate::sentence_scorer::SentenceScorer;
use std::fmt;

/// Dense sentence vectors.
pub trait SentenceEncoder {
    /// One unit-length vector per text, all of one dimension; `None` when
    /// the encoder failed, and the summary falls back to tf-idf alone.
    fn encode(&self, texts: &[&str]) -> Option<Vec<Vec<f32>>>;
}

/// The sentence selection of a timeline's summaries.
#[derive(Clone, Copy, Default)]
pub enum Summariser<'a> {
    /// Greedy closeness to the date's tf-idf centroid (news-tls's CentroidOpt).
    #[default]
    Centroid,
    /// Greedy by a learned sentence scorer's score.
    Learned(&'a SentenceScorer),
    /// Centroid closeness blended with closeness in the encoder's space,
    /// on the candidates nearest the tf-idf centroid.
    Embedded(&'a dyn SentenceEncoder),
}

impl fmt::Debug for Summariser<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Summariser::Centroid => "Centroid",
            Summariser::Learned(_) => "Learned",
            Summariser::Embedded(_) => "Embedded",
        })
    }
}

impl<'a> Summariser<'a> {
    /// The learned scorer when given one, else `Centroid`.
    pub fn learned_or_centroid(scorer: Option<&'a SentenceScorer>) -> Summariser<'a> {
        scorer.map_or(Summariser::Centroid, Summariser::Learned)
    }
}
