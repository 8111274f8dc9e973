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
//! - `order.elisions`: words written with an apostrophe before a vowel
//!   ("l'", "dell'", "quest'"), which keep it and leave the next word whole
//!   ("l'année" is "l'" "année"; English reads "it's" as "it" "'s");
//!   `order.clock_hour_marks` ("14h30"); `order.period_only_modifiers`, nouns
//!   for part of a period that never modify a day ("fin 2021", not "fin hier");
//! - `function_words`: the language's most frequent short words, by which
//!   [`detect_language`] recognises a text that does not declare its language.
//!
//! English, Spanish, French and Italian have files. To add a language, write
//! `data/<code>.json` with the same keys (the parser rejects a missing one;
//! `{}`/`[]` switch a construction off), add it to `LANGUAGES` in
//! `lexicon.rs`, and a `tests/fixtures/timex_<code>.tsv` checked like the
//! others. French and Italian needed three engine changes, each now data for
//! every language: elisions, hour marks and period-only modifiers (above);
//! a Roman numeral before the century noun ("il XXI secolo", "le XXIe
//! siècle") reads through the units table, as "the 21st century" does.

mod lexicon;
mod sentences;
mod tagger;
mod tense;
mod tokens;
mod values;

pub use lexicon::{detect_language, languages};
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
