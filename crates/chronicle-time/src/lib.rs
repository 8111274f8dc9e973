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
