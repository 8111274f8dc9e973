//! Metrics (ROUGE, TLS alignment, Date-F1, TempEval-3, extraction) and data-set loaders.
