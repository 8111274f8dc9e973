//! One document: extraction, sentences, publication date from its own
//! sources, time expressions.

use crate::dating::{self, DatingClues};
use chronicle_extract::{extract_html, extract_text};
use chronicle_ingest::{RawContent, RawDocument};
use chronicle_model::{Document, SourceFormat};

/// A document plus what the batch-level dating still needs to know of it.
#[derive(Debug, Clone)]
pub struct Annotated {
    pub document: Document,
    pub clues: DatingClues,
}

/// Extracts, dates (from the document's own sources) and tags one document.
pub fn annotate_raw(raw: RawDocument) -> Annotated {
    let RawDocument {
        id,
        source,
        url,
        content,
        declared,
    } = raw;
    let mut doc = Document {
        id,
        url: url.clone(),
        ..Document::default()
    };
    let mut clues = DatingClues {
        declared_published: declared.published.clone(),
        fetched: declared
            .fetched
            .as_deref()
            .and_then(dating::parse_timestamp_date),
        url: url.clone(),
        ..DatingClues::default()
    };
    match content {
        RawContent::Html(html) => {
            let page = extract_html(&html, url.as_deref());
            doc.title = page.title.unwrap_or_default();
            doc.outlet = page.site_name;
            doc.authors = page.authors;
            doc.language = page.language;
            if doc.url.is_none() {
                doc.url = page.canonical_url;
                clues.url = doc.url.clone();
            }
            doc.body = page.paragraphs.join("\n\n");
            doc.boilerplate = page.boilerplate;
            clues.meta = page.dates;
            clues.captions = page.captions;
        }
        RawContent::Text(text) => {
            let page = extract_text(&text);
            doc.title = page.title.unwrap_or_default();
            doc.outlet = page.outlet;
            doc.authors = page.authors;
            doc.body = page.paragraphs.join("\n\n");
            doc.boilerplate = page.boilerplate;
            clues.header_lines = page.header_lines;
            clues.captions = page.captions;
        }
    }
    // What the record declares is what its producer knew; it wins over guesses.
    if let Some(t) = declared.title.filter(|t| !t.trim().is_empty()) {
        doc.title = t;
    }
    if let Some(o) = declared.outlet.filter(|o| !o.trim().is_empty()) {
        doc.outlet = Some(o);
    }
    if !declared.authors.is_empty() {
        doc.authors = declared.authors;
    }
    if declared.language.is_some() {
        doc.language = declared.language;
    }
    if doc.outlet.is_none() {
        doc.outlet = doc.url.as_deref().and_then(outlet_from_url);
    }
    doc.extra = declared.extra;
    doc.source = source;
    if doc.source.format == SourceFormat::Text && doc.title.is_empty() {
        doc.title = doc.id.clone();
    }
    // Pages that do not say their language are recognised from their text;
    // English rules read what nothing recognises.
    if doc.language.is_none() {
        doc.language = chronicle_time::detect_language(&doc.body).map(String::from);
    }
    let language = rules_language(&doc).to_owned();
    doc.sentences = chronicle_time::split_sentences_in(&language, &doc.body);
    doc.published = dating::date_from_sources(&clues, &doc.body);
    doc.timexes = chronicle_time::tag_in(&language, &doc.body, &doc.sentences, doc.published.date);
    Annotated {
        document: doc,
        clues,
    }
}

/// The language whose time rules read `doc`: its own, English when unknown.
pub(crate) fn rules_language(doc: &Document) -> &str {
    doc.language.as_deref().unwrap_or("en")
}

/// The site's name from a URL's host: `https://www.example-news.com/…` → `example-news.com`.
pub fn outlet_from_url(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (host.contains('.') && !host.is_empty()).then(|| host.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_from_url_strips_scheme_www_and_path() {
        assert_eq!(
            outlet_from_url("https://www.example-news.com/2021/07/27/x.html").as_deref(),
            Some("example-news.com")
        );
        assert_eq!(outlet_from_url("not a url"), None);
    }
}
