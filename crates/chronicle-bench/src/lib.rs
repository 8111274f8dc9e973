//! Speed benchmarks. Each [`Stage`] loads its inputs from the public corpora
//! under `shared/` ([`workload`]), times chronicle on them in this process on
//! one thread ([`chronicle`]), and, when asked, runs the peer tools on the
//! very same inputs as subprocesses that time their own loop ([`peers`]).
//! For time expressions, [`quality`] scores every tool's output against the
//! gold with the TempEval-3 scorer. [`report`] turns the figures into tables
//! or JSON.

pub mod chronicle;
pub mod peers;
pub mod quality;
pub mod report;
pub mod workload;

pub use quality::Quality;
pub use report::{Figures, Outcome, StageReport};
pub use workload::{Item, Loaded, Paths, Stage, Workload};

use thiserror::Error;

#[derive(Debug, Error)]
pub enum BenchError {
    #[error(transparent)]
    Load(#[from] chronicle_eval::extraction::LoadError),
    #[error(transparent)]
    Timeml(#[from] chronicle_eval::timeml::TimemlError),
    #[error("{path}: {source}")]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("bad JSON in {path}: {source}")]
    Json {
        path: std::path::PathBuf,
        source: serde_json::Error,
    },
    #[error("unknown stage {0:?}: expected extract, dates, timex, entities or pipeline")]
    UnknownStage(String),
}

impl BenchError {
    fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        BenchError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
