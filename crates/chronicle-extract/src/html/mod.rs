//! Article extraction from raw HTML: main text, title, site name, authors,
//! language, canonical URL and publication-date candidates.
//!
//! The document is parsed once with our own parser ([`dom`]) and walked once;
//! main text is chosen by scoring every element on the text blocks it holds
//! (see [`content`]), metadata is gathered on the same walk (see [`meta`]).

mod content;
pub mod dates;
pub mod dom;
mod entities;
mod furniture;
mod meta;
mod tag;

use chronicle_model::PartialDate;
use dom::Dom;
use serde::{Deserialize, Serialize};

pub use dates::{
    date_in_url, month_from_name, month_name_pattern, numeric_dates, parse_date_text, NumericDate,
    NumericShape,
};

/// What [`extract_html`] finds in one page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HtmlPage {
    pub title: Option<String>,
    pub site_name: Option<String>,
    pub authors: Vec<String>,
    /// From `<html lang>` or meta tags; ISO 639-1, lower case.
    pub language: Option<String>,
    pub canonical_url: Option<String>,
    /// Main-text blocks in document order (headings, paragraphs, list items,
    /// table rows), each whitespace-normalised.
    pub paragraphs: Vec<String>,
    /// Texts of removed blocks (the first 200), for inspection.
    pub boilerplate: Vec<String>,
    /// Every publication-date clue found, strongest first.
    pub dates: Vec<DateCandidate>,
    /// Photo captions and credits (their dates are weak dating evidence).
    pub captions: Vec<String>,
}

impl HtmlPage {
    /// The main text, paragraphs separated by blank lines.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Where a date clue comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DateSource {
    MetaPublished,
    MetaModified,
    JsonLdPublished,
    JsonLdModified,
    TimeElement,
    Url,
    Byline,
    /// A news dateline opening the article ("CITY, 10 February 2020 –").
    Dateline,
    /// A date line elsewhere on the page: weak, for pages with nothing better.
    Text,
}

/// One publication-date clue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateCandidate {
    /// The text the date was read from.
    pub raw: String,
    pub date: Option<PartialDate>,
    /// `HH:MM` when the clue gives a time of day.
    pub time: Option<String>,
    /// Offset (`+02:00`, `Z`) or zone name (`GMT`, `CEST`) when given.
    pub zone: Option<String>,
    pub source: DateSource,
    /// 0..1, how likely this is the publication date.
    pub confidence: f32,
}

/// Debugging aid: every text block with its weight and fate.
#[doc(hidden)]
pub fn debug_blocks(html: &str) -> String {
    content::debug_listing(&Dom::parse(html))
}

/// Extracts main text and metadata from one HTML page. `url` (the page's
/// address, when known) adds a URL date clue and resolves nothing else.
pub fn extract_html(html: &str, url: Option<&str>) -> HtmlPage {
    compile_patterns();
    let doc = Dom::parse(html);
    let mut meta = meta::MetaCollector::default();
    let content = content::extract(&doc, &mut meta);
    let mut page = meta.finish(url);
    page.paragraphs = content.paragraphs;
    page.boilerplate = content.boilerplate;
    page
}

/// Builds all regular expressions and automata once, at the first page,
/// so that no page in the middle of a run pays for compiling a pattern that
/// it happens to be the first to need.
fn compile_patterns() {
    static COMPILED: std::sync::Once = std::sync::Once::new();
    COMPILED.call_once(|| {
        content::compile_patterns();
        dates::compile_patterns();
        furniture::compile_patterns();
    });
}
