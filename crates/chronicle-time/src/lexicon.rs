//! Word lists and phrase tables of one language, read from `data/<lang>.json`.

use crate::tokens::tokenize;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

#[derive(Debug, Deserialize)]
pub(crate) struct FixedEntry {
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
    #[serde(rename = "mod", default)]
    pub modifier: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct TenseWords {
    pub past: Vec<String>,
    pub future: Vec<String>,
    pub present: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct SentenceWords {
    pub abbreviations: Vec<String>,
    pub abbreviations_before_number: Vec<String>,
    pub company_abbreviations: Vec<String>,
    pub sentence_starters: Vec<String>,
}

/// The data file as written.
#[derive(Debug, Deserialize)]
struct RawLexicon {
    months: HashMap<String, u8>,
    ambiguous_months: Vec<String>,
    weekdays: HashMap<String, u8>,
    weekday_plurals: HashMap<String, u8>,
    numbers: HashMap<String, i64>,
    number_scales: HashMap<String, i64>,
    ordinals: HashMap<String, i64>,
    ordinal_suffixes: Vec<String>,
    units: HashMap<String, String>,
    unit_qualifiers: Vec<String>,
    vague_quantities: Vec<String>,
    seasons: HashMap<String, String>,
    season_openers: Vec<String>,
    parts_of_day: HashMap<String, String>,
    times_of_day: HashMap<String, String>,
    day_words: HashMap<String, i64>,
    day_words_with_part: HashMap<String, String>,
    holidays: HashMap<String, String>,
    fixed: Vec<FixedEntry>,
    relative_words: HashMap<String, i64>,
    ago_words: HashMap<String, i64>,
    point_modifiers: HashMap<String, String>,
    duration_modifiers: HashMap<String, String>,
    set_words: Vec<String>,
    year_prepositions: Vec<String>,
    count_nouns_after_year: Vec<String>,
    time_suffixes: HashMap<String, String>,
    time_zones: Vec<String>,
    decade_words: HashMap<String, i64>,
    fiscal_words: Vec<String>,
    floating_holidays: HashMap<String, [i64; 3]>,
    bare_plural_units: Vec<String>,
    bare_plural_triggers: Vec<String>,
    period_prepositions: Vec<String>,
    deferral_verbs: Vec<String>,
    period_definers: Vec<String>,
    tense: TenseWords,
    sentence: SentenceWords,
}

/// Multi-word phrases indexed by their first token, longest first.
#[derive(Debug)]
pub(crate) struct PhraseTable<V> {
    by_first: HashMap<String, Vec<(Vec<String>, V)>>,
}

impl<V> PhraseTable<V> {
    fn first_words(&self) -> impl Iterator<Item = &String> {
        self.by_first.keys()
    }

    fn new(entries: impl IntoIterator<Item = (String, V)>) -> Self {
        let mut by_first: HashMap<String, Vec<(Vec<String>, V)>> = HashMap::new();
        for (text, v) in entries {
            let toks: Vec<String> = tokenize(&text).into_iter().map(|t| t.norm).collect();
            if let Some(first) = toks.first() {
                by_first.entry(first.clone()).or_default().push((toks, v));
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        }
        PhraseTable { by_first }
    }

    /// The longest phrase starting at `words[0]`: (number of tokens, value).
    pub fn longest<'a, S: AsRef<str>>(&'a self, words: &[S]) -> Option<(usize, &'a V)> {
        let first = words.first()?;
        let list = self.by_first.get(first.as_ref())?;
        list.iter().find_map(|(toks, v)| {
            (toks.len() <= words.len() && toks.iter().zip(words).all(|(a, b)| a == b.as_ref()))
                .then_some((toks.len(), v))
        })
    }
}

/// Everything the tagger and the sentence splitter know about one language.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub months: HashMap<String, u8>,
    pub ambiguous_months: Vec<String>,
    pub weekdays: HashMap<String, u8>,
    pub weekday_plurals: HashMap<String, u8>,
    pub numbers: HashMap<String, i64>,
    pub number_scales: HashMap<String, i64>,
    pub ordinals: HashMap<String, i64>,
    pub ordinal_suffixes: Vec<String>,
    pub units: HashMap<String, String>,
    pub unit_qualifiers: Vec<String>,
    pub vague_quantities: PhraseTable<()>,
    pub seasons: HashMap<String, String>,
    /// Words before a season named alone that make it a time ("in the spring", "over the summer").
    pub season_openers: Vec<String>,
    pub parts_of_day: HashMap<String, String>,
    pub times_of_day: HashMap<String, String>,
    pub day_words: HashMap<String, i64>,
    pub day_words_with_part: HashMap<String, String>,
    pub holidays: PhraseTable<(u8, u8)>,
    pub fixed: PhraseTable<FixedEntry>,
    pub relative_words: HashMap<String, i64>,
    pub ago_words: PhraseTable<i64>,
    pub point_modifiers: PhraseTable<String>,
    pub duration_modifiers: PhraseTable<String>,
    pub set_words: Vec<String>,
    pub year_prepositions: Vec<String>,
    pub count_nouns_after_year: Vec<String>,
    pub time_suffixes: HashMap<String, String>,
    pub time_zones: Vec<String>,
    pub decade_words: HashMap<String, i64>,
    pub fiscal_words: Vec<String>,
    /// Holidays on the n-th weekday of a month: (month, ISO weekday, n; n < 0 counts from the end).
    pub floating_holidays: PhraseTable<[i64; 3]>,
    pub bare_plural_units: Vec<String>,
    pub bare_plural_triggers: Vec<String>,
    /// Prepositions before "the year" that make it the year being reported ("for the year").
    pub period_prepositions: Vec<String>,
    /// Verbs that move a date ahead: "postponed until Tuesday" is a Tuesday to come.
    pub deferral_verbs: Vec<String>,
    /// Words after "the year" that make it a span or another year ("the year ended", "the year before").
    pub period_definers: Vec<String>,
    pub tense: TenseWords,
    pub sentence: SentenceWords,
    /// Every word an expression can start with; other words are skipped at once.
    pub starters: HashSet<String>,
}

fn parse_month_day(s: &str) -> Option<(u8, u8)> {
    let (m, d) = s.split_once('-')?;
    Some((m.parse().ok()?, d.parse().ok()?))
}

impl Lexicon {
    fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        let raw: RawLexicon = serde_json::from_str(json)?;
        // Time-of-day suffixes are matched on their token form ("p.m." is one token).
        let mut lex = Lexicon {
            months: raw.months,
            ambiguous_months: raw.ambiguous_months,
            weekdays: raw.weekdays,
            weekday_plurals: raw.weekday_plurals,
            numbers: raw.numbers,
            number_scales: raw.number_scales,
            ordinals: raw.ordinals,
            ordinal_suffixes: raw.ordinal_suffixes,
            units: raw.units,
            unit_qualifiers: raw.unit_qualifiers,
            vague_quantities: PhraseTable::new(raw.vague_quantities.into_iter().map(|s| (s, ()))),
            seasons: raw.seasons,
            season_openers: raw.season_openers,
            parts_of_day: raw.parts_of_day,
            times_of_day: raw.times_of_day,
            day_words: raw.day_words,
            day_words_with_part: raw.day_words_with_part,
            holidays: PhraseTable::new(
                raw.holidays
                    .into_iter()
                    .filter_map(|(k, v)| parse_month_day(&v).map(|md| (k, md))),
            ),
            fixed: PhraseTable::new(raw.fixed.into_iter().map(|e| (e.text.clone(), e))),
            relative_words: raw.relative_words,
            ago_words: PhraseTable::new(raw.ago_words),
            point_modifiers: PhraseTable::new(raw.point_modifiers),
            duration_modifiers: PhraseTable::new(raw.duration_modifiers),
            set_words: raw.set_words,
            year_prepositions: raw.year_prepositions,
            count_nouns_after_year: raw.count_nouns_after_year,
            time_suffixes: raw.time_suffixes,
            time_zones: raw.time_zones,
            decade_words: raw.decade_words,
            fiscal_words: raw.fiscal_words,
            floating_holidays: PhraseTable::new(raw.floating_holidays),
            bare_plural_units: raw.bare_plural_units,
            bare_plural_triggers: raw.bare_plural_triggers,
            period_prepositions: raw.period_prepositions,
            deferral_verbs: raw.deferral_verbs,
            period_definers: raw.period_definers,
            tense: raw.tense,
            sentence: raw.sentence,
            starters: HashSet::new(),
        };
        let mut starters: HashSet<String> = HashSet::new();
        for map in [&lex.months, &lex.weekdays, &lex.weekday_plurals] {
            starters.extend(map.keys().cloned());
        }
        for map in [
            &lex.numbers,
            &lex.ordinals,
            &lex.day_words,
            &lex.relative_words,
            &lex.decade_words,
        ] {
            starters.extend(map.keys().cloned());
        }
        for map in [
            &lex.units,
            &lex.seasons,
            &lex.parts_of_day,
            &lex.times_of_day,
        ] {
            starters.extend(map.keys().cloned());
        }
        starters.extend(lex.vague_quantities.first_words().cloned());
        starters.extend(lex.holidays.first_words().cloned());
        starters.extend(lex.floating_holidays.first_words().cloned());
        starters.extend(lex.fixed.first_words().cloned());
        starters.extend(lex.point_modifiers.first_words().cloned());
        starters.extend(lex.duration_modifiers.first_words().cloned());
        starters.extend(lex.set_words.iter().cloned());
        starters.extend(lex.fiscal_words.iter().cloned());
        starters.extend(lex.bare_plural_units.iter().cloned());
        // Articles and marks that open rules of the engine itself ("the 1990s", "a year", "'90s", "Q3").
        starters.extend(["the", "a", "an", "'", "q"].map(String::from));
        lex.starters = starters;
        Ok(lex)
    }
}

static ENGLISH: OnceLock<Lexicon> = OnceLock::new();

/// The English lexicon, parsed once.
pub(crate) fn english() -> &'static Lexicon {
    ENGLISH.get_or_init(|| {
        // The file is part of the crate and checked by the tests, so a failure is a build defect.
        Lexicon::from_json(include_str!("../data/en.json"))
            .expect("data/en.json is valid (checked by the crate's tests)")
    })
}
