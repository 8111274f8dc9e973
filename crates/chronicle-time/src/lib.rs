//! Time-expression tagging and normalisation (TIMEX3), sentence splitting.
//!
//! The rules work on one tokenisation of the text; the words they use (month
//! and weekday names, numbers, units, holidays, modifiers, tense signals) come
//! from a data file per language under `data/`, so a language is added by
//! adding a file.

mod lexicon;
mod sentences;
mod tagger;
mod tense;
mod tokens;
mod values;

pub use sentences::split_sentences;
pub use tagger::tag;
pub use tense::{tense_at, Tense};

use chronicle_model::{PartialDate, Timex};

/// Splits `text` into sentences and tags it: [`tag`] for a text on its own.
pub fn tag_text(text: &str, dct: Option<PartialDate>) -> Vec<Timex> {
    tag(text, &split_sentences(text), dct)
}
