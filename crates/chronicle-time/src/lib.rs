//! Time-expression tagging and normalisation (TIMEX3), sentence splitting.
//!
//! The rules work on one tokenisation of the text; the words they use come
//! from a data file per language, `data/<ISO 639-1 code>.json`, so a language
//! is added by adding a file. [`tag`] reads English; [`tag_in`] takes the
//! language of the document (`Document::language`) and falls back to English.
//!
//! A language file holds:
//! - word lists: month and weekday names (every spelling, with and without
//!   accents), numbers and ordinals, units with their TimeML letters, seasons,
//!   parts of the day, day words ("yesterday": -1), holidays, point and
//!   quantity modifiers ("early": START, "more than": MORE_THAN), set words;
//! - `fixed`: whole phrases with their type and value; `@NAME` values are
//!   computed (`@DAY-1` counts from the last date named, `@NOW_DAY+2` from the
//!   document's date);
//! - `tense`: signal words and inflection endings ("-ed"; "-ó", "-rá");
//! - `order`: how the language orders an expression. Relative words before the
//!   unit go in `relative_words` ("last week", "el próximo año"), those after it
//!   in `order.relative_after` ("la semana pasada"); count-from-now words after
//!   the count in `ago_words` ("two weeks ago"), before it in `order.ago_before`
//!   ("hace dos semanas"); `date_articles` are absorbed into the date ("el
//!   lunes"), `of_words` and `year_links` join day, month and year ("22 de
//!   julio de 2009"), `part_of_day_links` join a day to its part ("ayer por la
//!   tarde"), `names_capitalised` says whether month names need a capital,
//!   `decade_openers` open a decade in words or digits ("los años noventa",
//!   "la década de 1990"; English writes "the 1990s" and lists none), and
//!   `century_nouns_first` put the noun before the number ("siglo XXI").
//!
//! To add French: write `data/fr.json` with the same keys (the parser rejects a
//! missing one; `{}`/`[]` switch a construction off), e.g. `relative_after`
//! {"dernier": -1, "prochain": 1} for "la semaine dernière", `ago_before`
//! {"il y a": -1, "dans": 1}, `of_words` [] ("le 22 juillet 2009"),
//! `date_articles` ["le", "la", "les"]; add the file to `LANGUAGES` in
//! `lexicon.rs`, and a `tests/fixtures/timex_fr.tsv` checked like the others.

mod lexicon;
mod sentences;
mod tagger;
mod tense;
mod tokens;
mod values;

pub use lexicon::languages;
pub use sentences::{split_sentences, split_sentences_in};
pub use tagger::{tag, tag_in};
pub use tense::{tense_at, Tense};

use chronicle_model::{PartialDate, Timex};

/// Splits `text` into sentences and tags it: [`tag`] for a text on its own.
pub fn tag_text(text: &str, dct: Option<PartialDate>) -> Vec<Timex> {
    tag(text, &split_sentences(text), dct)
}

/// [`tag_in`] for a text on its own.
pub fn tag_text_in(language: &str, text: &str, dct: Option<PartialDate>) -> Vec<Timex> {
    tag_in(language, text, &split_sentences_in(language, text), dct)
}
