//! Story knowledge: entities and their aliases, figures tracked over time,
//! and events reported by several outlets.

use crate::date::PartialDate;
use crate::timeline::Citation;
use serde::{Deserialize, Serialize};

/// The kind of thing a name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    /// A person.
    PER,
    /// An organisation: company, party, ministry, armed group, news outlet.
    ORG,
    /// A geographic place that is not a political unit: river, region, dam, base.
    LOC,
    /// A geo-political entity: country, city, state.
    GPE,
    /// Any other name: events, laws, nationalities, products.
    MISC,
}

/// One spelling of an entity's name and how often it was seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    pub text: String,
    pub count: usize,
}

/// One real-world referent across all documents of a batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable within a batch: `e1`, `e2`… in order of first appearance.
    pub id: String,
    /// The fullest common name, e.g. "Nouri al-Maliki".
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Every spelling seen, most frequent first.
    pub aliases: Vec<Alias>,
    /// Ids of the documents that mention it.
    pub docs: Vec<String>,
}

/// A name as written in one document's body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub text: String,
    /// Byte offsets in the document body.
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Id of the entity in the batch's `entities`.
    pub entity: String,
}

/// How a figure was hedged in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// Stated as exact ("6,000 soldiers").
    #[default]
    Exact,
    /// "about", "around", "some", "roughly", "an estimated".
    About,
    /// "nearly", "almost", "up to", "fewer than", "less than".
    AtMost,
    /// "more than", "over", "at least".
    AtLeast,
}

impl Approx {
    /// The hedge as a reader says it, with a trailing space: "about ".
    pub fn as_words(self) -> &'static str {
        match self {
            Approx::Exact => "",
            Approx::About => "about ",
            Approx::AtMost => "at most ",
            Approx::AtLeast => "at least ",
        }
    }
}

/// A figure for people: 6000 → "6,000", 1.25 → "1.25".
pub fn format_value(value: f64) -> String {
    if value.fract() != 0.0 || value.abs() >= 1e15 {
        let s = format!("{value:.2}");
        return s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    let digits = format!("{}", value.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if value < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// A quantity read from one sentence: what is counted, how many, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// What is counted, normalised: "US troops in Iraq".
    pub subject: String,
    /// The unit or counted noun: "troops", "people", "USD", "percent".
    pub unit: String,
    pub value: f64,
    #[serde(default)]
    pub approx: Approx,
    /// The date the figure holds for: the sentence's own time expression,
    /// else the publication date.
    pub date: Option<PartialDate>,
    /// The words that gave the date ("in 2007", "published").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_from: Option<String>,
    /// The figure as written: "about 2,500".
    pub text: String,
    pub doc: String,
    pub sentence: usize,
}

/// One point of a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesPoint {
    pub date: Option<PartialDate>,
    pub value: f64,
    #[serde(default)]
    pub approx: Approx,
    pub text: String,
    pub doc: String,
    pub sentence: usize,
}

/// Sources that disagree about the same period beyond their stated hedges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The period both points hold for.
    pub date: PartialDate,
    /// Indexes into the series' `points`.
    pub points: Vec<usize>,
    /// A sentence a reader can act on: who says what.
    pub note: String,
}

/// Figures about one (subject, unit) across documents, in date order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub subject: String,
    pub unit: String,
    pub points: Vec<SeriesPoint>,
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
}

/// Reports of one happening, grouped across documents and outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable within a batch: `v1`, `v2`… in date order.
    pub id: String,
    /// The date the sources agree on (the most supported one).
    pub date: PartialDate,
    /// Sentences that report it, one or more per document.
    pub reports: Vec<Citation>,
    /// Ids of the documents that report it.
    pub docs: Vec<String>,
    /// Entity ids taking part.
    #[serde(default)]
    pub participants: Vec<String>,
    /// Other dates some sources give for the same event, with who gives them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub date_conflicts: Vec<DateConflict>,
}

/// A source that dates an event differently from the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateConflict {
    pub date: PartialDate,
    pub docs: Vec<String>,
}

/// Everything the story stage found in a batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Story {
    pub entities: Vec<Entity>,
    pub series: Vec<Series>,
    pub events: Vec<Event>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_get_thousands_separators() {
        assert_eq!(format_value(170000.0), "170,000");
        assert_eq!(format_value(2500.0), "2,500");
        assert_eq!(format_value(999.0), "999");
        assert_eq!(format_value(1.25), "1.25");
        assert_eq!(format_value(1.5), "1.5");
        assert_eq!(format_value(-1200.0), "-1,200");
    }
}
