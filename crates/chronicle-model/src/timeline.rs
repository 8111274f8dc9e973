//! A dated, cited timeline.

use crate::date::PartialDate;
use crate::document::Published;
use serde::{Deserialize, Serialize};

/// A sentence quoted in a timeline, with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    pub text: String,
    /// Document id.
    pub doc: String,
    /// Sentence index in that document.
    pub sentence: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub date: PartialDate,
    pub summary: Vec<Citation>,
    /// Every document that reports something on this date, cited or not.
    pub docs: Vec<String>,
    /// Events of the story on this date (ids into `events`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
    /// How strongly the documents point at this date (higher is stronger).
    #[serde(default)]
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRef {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub published: Published,
}

/// Entries are kept in date order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Timeline {
    pub entries: Vec<TimelineEntry>,
    pub documents: Vec<DocumentRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<crate::story::Entity>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<crate::story::Series>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<crate::story::Event>,
}
