//! Timeline summarisation: which dates matter, and which sentences say what
//! happened on each.

pub mod clust;
pub mod encoder;
pub mod linear;
pub mod news_tls;
pub mod ptb;
pub mod ranker;
mod select;
pub mod sentence_scorer;
pub mod state;
pub mod terms;
pub mod timeline;
pub mod vectors;

pub use encoder::{SentenceEncoder, Summariser};
pub use ranker::DateRanker;
pub use sentence_scorer::SentenceScorer;
pub use state::{DateStats, TimelineState};
pub use timeline::{build_timeline, Method, TimelineOptions};
