//! Metrics (ROUGE, TLS alignment, Date-F1, TempEval-3, extraction) and data-set loaders.
pub mod extraction;
pub mod rouge;
pub mod timeml;
pub mod timex;
pub mod tls;
