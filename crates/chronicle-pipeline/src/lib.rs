//! Runs chronicle's stages in order over a batch of inputs:
//! read → extract → date → split and tag → infer missing dates across the
//! batch → re-tag what was re-dated.
//!
//! Invariant: annotating never fails. Every stage returns its result plus
//! diagnostics; a bad input is reported and skipped, the rest goes on.

pub mod annotate;
pub mod dating;

use chronicle_ingest::{read_inputs, Input, ReadEvent, ReadOptions, ReadSummary};
use chronicle_model::{Diagnostic, Document};

pub use annotate::{annotate_raw, Annotated};

/// What a run produced: the documents, in input order, and every problem met.
#[derive(Debug, Default)]
pub struct Batch {
    pub documents: Vec<Document>,
    pub diagnostics: Vec<Diagnostic>,
    pub read: ReadSummary,
}

/// Progress reports for a caller that shows them (the CLI's progress bar).
#[derive(Debug, Clone, Copy)]
pub enum Progress {
    /// A document was read and annotated; the count so far.
    Annotated(usize),
    /// Dates are being inferred across the batch.
    Dating,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub read: ReadOptions,
}

/// Reads every input and annotates every document it holds.
pub fn annotate_inputs(
    inputs: &[Input],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Batch {
    let mut annotated = Vec::new();
    let mut diagnostics = Vec::new();
    let read = read_inputs(inputs, &options.read, &mut |event| match event {
        ReadEvent::Document(raw) => {
            annotated.push(annotate_raw(raw));
            progress(Progress::Annotated(annotated.len()));
        }
        ReadEvent::Problem(d) => diagnostics.push(d),
    });
    progress(Progress::Dating);
    let documents = dating::date_batch(annotated);
    Batch {
        documents,
        diagnostics,
        read,
    }
}
