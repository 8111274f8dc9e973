//! Metadata gathered during the content walk: `<title>`, `<meta>`, `<link>`,
//! JSON-LD, `<time>`, microdata and byline-like elements. Date values are kept
//! raw and parsed at the end, when the page language (which decides how
//! `03/04/2021` reads) is known.

use super::content::normalize_ws;
use super::dates::{date_in_url, find_dates, parse_date_text};
use super::{DateCandidate, DateSource, HtmlPage};
use scraper::node::Element;
use scraper::ElementRef;
use serde_json::Value;

/// Where in the page an element sits.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context {
    pub class: super::content::ClassFlags,
    pub in_article: bool,
    pub in_header: bool,
    pub block_index: usize,
}

struct RawDate {
    raw: String,
    source: DateSource,
    confidence: f32,
    /// Free text (a byline) rather than a machine-readable value.
    is_text: bool,
}

#[derive(Default)]
pub(crate) struct MetaCollector {
    html_lang: Option<String>,
    meta_lang: Option<String>,
    og_locale: Option<String>,
    title_tag: Option<String>,
    og_title: Option<String>,
    twitter_title: Option<String>,
    ld_headline: Option<String>,
    h1: Option<String>,
    h1_block: Option<usize>,
    site_names: Vec<String>,
    authors: Vec<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    raw_dates: Vec<RawDate>,
    byline_elements: usize,
    near_title: Vec<String>,
}

/// Text of an element, cut off after `max` bytes (elements can be huge).
fn bounded_text(el: ElementRef<'_>, max: usize) -> String {
    let mut out = String::new();
    for t in el.text() {
        out.push_str(t);
        if out.len() > max {
            break;
        }
    }
    normalize_ws(&out)
}

fn published_key(key: &str) -> Option<f32> {
    Some(match key {
        "article:published_time"
        | "og:published_time"
        | "og:article:published_time"
        | "article:published"
        | "article.published"
        | "published_time"
        | "datepublished"
        | "parsely-pub-date"
        | "sailthru.date"
        | "article_date_original"
        | "original-publish-date"
        | "publish-date"
        | "publish_date"
        | "publishdate"
        | "published-date"
        | "published_date"
        | "pubdate"
        | "rnews:datepublished"
        | "cxenseparse:recs:publishtime"
        | "dc.date.issued"
        | "dcterms.issued"
        | "citation_publication_date"
        | "prism.publicationdate" => 0.92,
        "date" | "dc.date" | "dcterms.date" | "dc.date.created" | "dcterms.created"
        | "datecreated" | "creation_date" | "citation_date" | "release_date" | "displaydate"
        | "article.created" | "created" => 0.85,
        _ => return None,
    })
}

fn modified_key(key: &str) -> bool {
    matches!(
        key,
        "article:modified_time"
            | "og:updated_time"
            | "og:modified_time"
            | "datemodified"
            | "dc.date.modified"
            | "dcterms.modified"
            | "last-modified"
            | "lastmod"
            | "revised"
            | "modified"
            | "article.updated"
            | "updated_time"
            | "article:modified"
    )
}

fn author_key(key: &str) -> bool {
    matches!(
        key,
        "author"
            | "article:author"
            | "parsely-author"
            | "sailthru.author"
            | "dc.creator"
            | "dcterms.creator"
            | "byl"
            | "citation_author"
    )
}

fn clean_author(s: &str) -> Option<String> {
    let s = normalize_ws(s);
    let s = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .or_else(|| s.strip_prefix("BY "))
        .or_else(|| s.strip_prefix("Von "))
        .or_else(|| s.strip_prefix("Par "))
        .unwrap_or(&s)
        .trim()
        .to_string();
    if s.is_empty() || s.chars().count() > 80 || s.contains("://") || s.starts_with('@') {
        return None;
    }
    Some(s)
}

impl MetaCollector {
    fn add_date(&mut self, raw: &str, source: DateSource, confidence: f32, is_text: bool) {
        let raw = raw.trim();
        if raw.is_empty() || raw.len() > 300 || self.raw_dates.len() > 200 {
            return;
        }
        self.raw_dates.push(RawDate {
            raw: raw.to_string(),
            source,
            confidence,
            is_text,
        });
    }

    fn add_author(&mut self, s: &str) {
        if let Some(a) = clean_author(s) {
            if !self.authors.iter().any(|x| x.eq_ignore_ascii_case(&a)) && self.authors.len() < 20 {
                self.authors.push(a);
            }
        }
    }

    pub(crate) fn element(&mut self, node: ElementRef<'_>, ctx: Context) {
        let el = node.value();
        match el.name() {
            "html" => {
                if let Some(l) = el.attr("lang").or_else(|| el.attr("xml:lang")) {
                    self.html_lang = Some(l.to_string());
                }
            }
            "title" if self.title_tag.is_none() => {
                self.title_tag = Some(bounded_text(node, 1000));
            }
            "meta" => self.meta_tag(el),
            "link" => {
                let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && self.canonical.is_none() {
                    self.canonical = el.attr("href").map(str::to_string);
                }
            }
            "script" => {
                let ty = el.attr("type").unwrap_or("").to_ascii_lowercase();
                if ty.contains("ld+json") {
                    let text: String = node.text().collect();
                    self.json_ld(&text);
                }
            }
            "time" => {
                let published = el.attr("pubdate").is_some()
                    || el
                        .attr("itemprop")
                        .is_some_and(|v| v.eq_ignore_ascii_case("datePublished"));
                let modified = el
                    .attr("itemprop")
                    .is_some_and(|v| v.eq_ignore_ascii_case("dateModified"))
                    || ctx.class.updated;
                let conf = if modified {
                    0.4
                } else if published {
                    0.85
                } else if ctx.in_header || ctx.in_article {
                    0.75
                } else {
                    0.6
                };
                match el.attr("datetime") {
                    Some(dt) => self.add_date(dt, DateSource::TimeElement, conf, false),
                    None => {
                        let t = bounded_text(node, 200);
                        self.add_date(&t, DateSource::TimeElement, conf - 0.1, true);
                    }
                }
                return;
            }
            "h1" if self.h1.is_none() => {
                let t = bounded_text(node, 500);
                if !t.is_empty() {
                    self.h1 = Some(t);
                    self.h1_block = Some(ctx.block_index);
                }
            }
            "a" if el
                .attr("rel")
                .is_some_and(|r| r.split_whitespace().any(|x| x == "author")) =>
            {
                let t = bounded_text(node, 100);
                self.add_author(&t);
            }
            _ => {}
        }
        if let Some(prop) = el.attr("itemprop") {
            let value = el.attr("content").or_else(|| el.attr("datetime"));
            match prop {
                "datePublished" | "dateCreated" => {
                    if let Some(v) = value {
                        self.add_date(v, DateSource::MetaPublished, 0.88, false);
                    } else {
                        let t = bounded_text(node, 200);
                        self.add_date(&t, DateSource::Byline, 0.7, true);
                    }
                }
                "dateModified" => {
                    if let Some(v) = value {
                        self.add_date(v, DateSource::MetaModified, 0.45, false);
                    }
                }
                "author" | "creator" if el.name() != "meta" => {
                    // the author's name is the element text or a nested itemprop=name
                    let t = bounded_text(node, 100);
                    if t.chars().count() <= 80 {
                        self.add_author(&t);
                    }
                }
                _ => {}
            }
        }
        if self.byline_elements < 40
            && !matches!(el.name(), "html" | "body" | "time" | "script" | "style")
            && ctx.class.byline
        {
            self.byline_elements += 1;
            let t = bounded_text(node, 250);
            if !t.is_empty() && t.len() <= 250 {
                self.add_date(&t, DateSource::Byline, 0.6, true);
            }
        }
    }

    fn meta_tag(&mut self, el: &Element) {
        let Some(content) = el.attr("content") else {
            return;
        };
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("itemprop"))
            .or_else(|| el.attr("http-equiv"))
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match key.as_str() {
            "og:title" => self.og_title = Some(normalize_ws(content)),
            "twitter:title" => self.twitter_title = Some(normalize_ws(content)),
            "og:site_name" | "application-name" | "twitter:app:name:iphone" => {
                let s = normalize_ws(content);
                if !s.is_empty() {
                    self.site_names.push(s);
                }
            }
            "og:url" => self.og_url = Some(content.trim().to_string()),
            "og:locale" => self.og_locale = Some(content.to_string()),
            "content-language" | "language" | "dc.language" | "dcterms.language" => {
                self.meta_lang = Some(content.to_string())
            }
            k if author_key(k) => {
                for part in content.split([';', '|']) {
                    self.add_author(part);
                }
            }
            k => {
                if let Some(conf) = published_key(k) {
                    self.add_date(content, DateSource::MetaPublished, conf, false);
                } else if modified_key(k) {
                    self.add_date(content, DateSource::MetaModified, 0.45, false);
                }
            }
        }
    }

    fn json_ld(&mut self, text: &str) {
        match serde_json::from_str::<Value>(text.trim()) {
            Ok(v) => self.json_ld_value(&v, 0),
            Err(_) => {
                // malformed JSON-LD is common; fall back to the date fields alone
                for (key, source, conf) in [
                    ("\"datePublished\"", DateSource::JsonLdPublished, 0.9),
                    ("\"dateModified\"", DateSource::JsonLdModified, 0.45),
                ] {
                    if let Some(i) = text.find(key) {
                        let rest = &text[i + key.len()..];
                        let rest = rest.trim_start().trim_start_matches(':').trim_start();
                        if let Some(r) = rest.strip_prefix('"') {
                            if let Some(end) = r.find('"') {
                                self.add_date(&r[..end], source, conf, false);
                            }
                        }
                    }
                }
            }
        }
    }

    fn json_ld_value(&mut self, v: &Value, depth: usize) {
        if depth > 8 {
            return;
        }
        match v {
            Value::Array(items) => {
                for it in items.iter().take(50) {
                    self.json_ld_value(it, depth + 1);
                }
            }
            Value::Object(map) => {
                let ty = match map.get("@type") {
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Array(a)) => a
                        .iter()
                        .filter_map(|x| x.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    _ => String::new(),
                };
                let articleish = ty.contains("Article")
                    || ty.contains("Posting")
                    || ty.contains("Report")
                    || ty.contains("Blog")
                    || ty == "WebPage"
                    || ty.is_empty();
                if let Some(Value::String(d)) = map.get("datePublished") {
                    let conf = if articleish { 0.95 } else { 0.8 };
                    self.add_date(d, DateSource::JsonLdPublished, conf, false);
                }
                if let Some(Value::String(d)) = map.get("dateCreated") {
                    self.add_date(d, DateSource::JsonLdPublished, 0.8, false);
                }
                if let Some(Value::String(d)) = map.get("dateModified") {
                    self.add_date(d, DateSource::JsonLdModified, 0.45, false);
                }
                if ty.contains("Article") || ty.contains("Posting") || ty.contains("Report") {
                    if let Some(Value::String(h)) = map.get("headline") {
                        if self.ld_headline.is_none() {
                            self.ld_headline = Some(normalize_ws(h));
                        }
                    }
                    if let Some(a) = map.get("author") {
                        self.json_ld_author(a, 0);
                    }
                    if let Some(Value::Object(p)) = map.get("publisher") {
                        if let Some(Value::String(n)) = p.get("name") {
                            self.site_names.push(normalize_ws(n));
                        }
                    }
                }
                if let Some(g) = map.get("@graph") {
                    self.json_ld_value(g, depth + 1);
                }
                if let Some(m) = map.get("mainEntity") {
                    self.json_ld_value(m, depth + 1);
                }
            }
            _ => {}
        }
    }

    fn json_ld_author(&mut self, v: &Value, depth: usize) {
        if depth > 3 {
            return;
        }
        match v {
            Value::String(s) => self.add_author(s),
            Value::Array(a) => {
                for x in a.iter().take(20) {
                    self.json_ld_author(x, depth + 1);
                }
            }
            Value::Object(m) => {
                if let Some(Value::String(n)) = m.get("name") {
                    self.add_author(n);
                }
            }
            _ => {}
        }
    }

    /// Receives the text blocks in document order, to look for a byline near
    /// the first `<h1>`.
    pub(crate) fn set_blocks<'a>(&mut self, blocks: impl Iterator<Item = &'a str>) {
        let start = self.h1_block.unwrap_or(0);
        self.near_title = blocks
            .skip(start)
            .take(8)
            .filter(|t| t.len() <= 200)
            .map(str::to_string)
            .collect();
    }

    fn language(&self) -> Option<String> {
        [&self.html_lang, &self.meta_lang, &self.og_locale]
            .into_iter()
            .flatten()
            .find_map(|l| {
                let primary = l
                    .trim()
                    .split(['-', '_', ',', ' '])
                    .next()?
                    .to_ascii_lowercase();
                (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_lowercase()))
                    .then_some(primary)
            })
    }

    fn title(&self, site: Option<&str>) -> Option<String> {
        let strip_site = |t: &str| -> String {
            if let Some(site) = site {
                for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
                    if let Some(head) = t.strip_suffix(site).and_then(|h| h.strip_suffix(sep)) {
                        return head.trim().to_string();
                    }
                }
            }
            t.to_string()
        };
        if let Some(t) = self.og_title.as_deref().filter(|t| !t.is_empty()) {
            return Some(strip_site(t));
        }
        if let Some(t) = self.ld_headline.as_deref().filter(|t| !t.is_empty()) {
            return Some(t.to_string());
        }
        if let Some(t) = self.twitter_title.as_deref().filter(|t| !t.is_empty()) {
            return Some(strip_site(t));
        }
        let tag = self.title_tag.as_deref().filter(|t| !t.is_empty());
        if let (Some(h1), Some(tag)) = (self.h1.as_deref(), tag) {
            if tag.contains(h1) {
                return Some(h1.to_string());
            }
        }
        if let Some(tag) = tag {
            let t = strip_site(tag);
            // "Story headline | Outlet": keep the longest part
            for sep in [" | ", " - ", " – ", " — "] {
                if t.contains(sep) {
                    return t
                        .split(sep)
                        .max_by_key(|p| p.chars().count())
                        .map(|p| p.trim().to_string());
                }
            }
            return Some(t);
        }
        self.h1.clone()
    }

    pub(crate) fn finish(self, url: Option<&str>) -> HtmlPage {
        let language = self.language();
        let month_first = language.as_deref() == Some("en")
            && !self
                .html_lang
                .as_deref()
                .is_some_and(|l| l.to_ascii_lowercase().contains("gb"));
        let site_name = self.site_names.first().cloned();
        let title = self.title(site_name.as_deref());
        let mut dates: Vec<DateCandidate> = Vec::new();
        let mut push = |raw: &str, source: DateSource, confidence: f32, is_text: bool| {
            let parsed = if is_text {
                find_dates(raw, month_first).into_iter().next()
            } else {
                // machine-written values with slashes follow the US order
                parse_date_text(raw, month_first || raw.contains('/'))
            };
            let Some(p) = parsed else { return };
            let confidence = if is_text {
                let lower = raw.to_lowercase();
                if [
                    "updated",
                    "aktualisiert",
                    "modifié",
                    "actualizado",
                    "geändert",
                ]
                .iter()
                .any(|w| lower.contains(w))
                    && !lower.contains("publi")
                {
                    confidence.min(0.4)
                } else {
                    confidence
                }
            } else {
                confidence
            };
            let shown = if is_text {
                raw.get(p.span.0..p.span.1).unwrap_or(raw).to_string()
            } else {
                raw.to_string()
            };
            if dates.iter().any(|d| d.source == source && d.raw == shown) {
                return;
            }
            dates.push(DateCandidate {
                raw: shown,
                date: Some(p.date),
                time: p.time,
                zone: p.zone,
                source,
                confidence,
            });
        };
        for r in &self.raw_dates {
            push(&r.raw, r.source, r.confidence, r.is_text);
        }
        for t in &self.near_title {
            push(t, DateSource::Byline, 0.55, true);
        }
        if let Some(c) = url.and_then(date_in_url) {
            dates.push(c);
        }
        dates.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
        let canonical_url = self.canonical.or(self.og_url).filter(|u| !u.is_empty());
        HtmlPage {
            title,
            site_name,
            authors: self.authors,
            language,
            canonical_url,
            paragraphs: Vec::new(),
            boilerplate: Vec::new(),
            dates,
        }
    }
}
