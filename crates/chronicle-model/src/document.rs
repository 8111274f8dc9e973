//! A news document and its annotations.

use crate::date::PartialDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The container format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    #[default]
    Text,
    Html,
    Jsonl,
    Warc,
}

/// Where a document came from, precisely enough to find it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Source {
    /// The path as given (or found under a given directory); `-` for stdin.
    pub path: String,
    pub format: SourceFormat,
    /// Whether the bytes were gzip-compressed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub gzip: bool,
    /// 1-based line of a JSONL record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// `WARC-Record-ID` of a WARC record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_id: Option<String>,
    /// Byte offset of a WARC record in the (decompressed) file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
}

/// How the publication date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DateHow {
    /// A dateline or header line in the page text.
    Text,
    /// HTML metadata: meta tags, JSON-LD, `<time>`.
    Meta,
    /// A date pattern in the URL.
    Url,
    /// The record that carried the page: a JSONL field, a WARC header.
    Record,
    /// Inferred from the document's content and the other documents.
    Inferred,
    /// Nothing found.
    #[default]
    None,
}

/// The publication date of a document and how much to trust it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Published {
    pub date: Option<PartialDate>,
    /// Local time of day, `HH:MM`, when the source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// Zone as written or as an offset (`GMT`, `+02:00`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    pub how: DateHow,
    /// 0 (a guess) to 1 (stated by the source).
    pub confidence: f32,
    /// Human-readable reasons, strongest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

/// A sentence of the body; `start`/`end` are UTF-8 byte offsets into `body`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// A TIMEX3 time expression; `start`/`end` are UTF-8 byte offsets into `body`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Index of the sentence holding it.
    pub sentence: usize,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TimeML value: `2021-07-26`, `2021-W30`, `P3D`, `XXXX-06-11`, `PAST_REF`…
    pub value: String,
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
}

/// One news document with its annotations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Document {
    /// Stable id: a JSONL `id` unchanged, otherwise derived from the path or URL.
    pub id: String,
    pub source: Source,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    /// ISO 639-1 code when detected or declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub published: Published,
    /// The article text, boilerplate removed; paragraphs separated by blank lines.
    pub body: String,
    #[serde(default)]
    pub sentences: Vec<Sentence>,
    #[serde(default)]
    pub timexes: Vec<Timex>,
    /// Names found in the body, each pointing at an entity of the batch.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<crate::story::Mention>,
    /// Figures read from the body (never from boilerplate).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<crate::story::Fact>,
    /// Lines or blocks removed as boilerplate, for inspection.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub boilerplate: Vec<String>,
    /// Unknown fields of a JSONL record, kept as they were.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub extra: Map<String, Value>,
}

impl Document {
    /// The sentence index holding byte offset `pos` of the body.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        (i < self.sentences.len() && self.sentences[i].start <= pos).then_some(i)
    }
}
