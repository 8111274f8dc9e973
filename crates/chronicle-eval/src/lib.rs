//! Metrics (ROUGE, TLS alignment, Date-F1, TempEval-3, extraction, publication dates) and data-set loaders.
pub mod counts;
pub mod extraction;
pub mod pubdate;
pub mod rouge;
pub mod timeml;
pub mod timex;
pub mod tls;
