//! Metadata gathered during the content walk: `<title>`, `<meta>`, `<link>`,
//! JSON-LD, `<time>`, microdata and byline-like elements. Date values are kept
//! raw and parsed at the end, when the page language (which decides how
//! `03/04/2021` reads) is known.

use super::content::normalize_ws;
use super::dates::{date_in_url, find_dates, parse_date_text, published_in_script};
use super::dom::{Element, NodeRef, Tag};
use super::entities::decode;
use super::{DateCandidate, DateSource, HtmlPage};
use serde_json::Value;

/// Where in the page an element sits.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context<'a> {
    pub class: super::content::ClassFlags,
    /// The element's `itemprop`, read once by the walk.
    pub itemprop: Option<&'a str>,
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
    /// The `N` of a `twitter:labelN` that announces the author ("Written
    /// by"): `twitter:dataN` holds the name.
    author_label: Option<String>,
    ld_headline: Option<String>,
    h1: Option<String>,
    h1_block: Option<usize>,
    site_names: Vec<String>,
    authors: Vec<String>,
    /// Names from `rel=author` links and `itemprop=author` elements: they
    /// also sign teasers and related articles, so they count only when the
    /// page's metadata names no author.
    element_authors: Vec<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    raw_dates: Vec<RawDate>,
    byline_elements: usize,
    /// Text blocks from the first `<h1>` on (a few), where bylines and
    /// datelines stand.
    near_title: Vec<String>,
    /// Short text blocks elsewhere on the page (a few hundred), for a date
    /// line when nothing better is found.
    other_short_blocks: Vec<String>,
    /// Photo captions and credits: their dates are when a picture was
    /// taken, weak evidence for inference, never a byline.
    captions: Vec<String>,
    /// A publication date was already read from an inline script.
    script_date_seen: bool,
    /// The beginnings of all blocks with digits, for the last resort: the
    /// date the page's text repeats most.
    dated_text: Vec<String>,
}

/// How much of each block the last-resort date count reads.
const FALLBACK_BLOCK_BYTES: usize = 1000;
/// Confidence of that count's winner, below every other clue.
const FALLBACK_CONFIDENCE: f32 = 0.2;

/// The full date the blocks state most often (a block opening with it counts
/// twice: "27.1.2022 – …" starts a report), if one does: a tie (teasers each
/// with its own date) says nothing. Photo captions do not take part.
fn most_frequent_date(
    blocks: &[String],
    captions: &[String],
    month_first: bool,
) -> Option<(String, f32)> {
    let mut counts: Vec<(chronicle_model::PartialDate, usize, String)> = Vec::new();
    for b in blocks {
        if captions.iter().any(|c| c.contains(b.as_str())) {
            continue;
        }
        for d in find_dates(b, month_first) {
            let weight = if b.get(..d.span.0).is_some_and(|p| p.trim().is_empty()) {
                2
            } else {
                1
            };
            match counts.iter().position(|c| c.0 == d.date) {
                Some(i) => counts[i].1 += weight,
                None if counts.len() < 500 => {
                    let raw = b.get(d.span.0..d.span.1).unwrap_or_default().to_string();
                    counts.push((d.date, weight, raw));
                }
                None => {}
            }
        }
    }
    let best = counts.iter().map(|c| c.1).max()?;
    let mut winners = counts.into_iter().filter(|c| c.1 == best);
    let winner = winners.next()?;
    if winners.next().is_some() {
        return None;
    }
    Some((winner.2, FALLBACK_CONFIDENCE))
}

/// A date key in a page's script state is the page's own, but less surely so
/// than a `<meta>` tag, and may belong to a teaser: below bylines.
const SCRIPT_DATE_CONFIDENCE: f32 = 0.5;

/// Text of an element, cut off after `max` bytes (elements can be huge).
fn bounded_text(el: NodeRef<'_>, max: usize) -> String {
    let mut out = String::new();
    for t in el.texts() {
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

/// A label of the `twitter:labelN`/`twitter:dataN` pairs that blogs write
/// ("Written by", "Verfasst von", "Écrit par").
fn is_author_label(label: &str) -> bool {
    const LABELS: &[&str] = &[
        "written by",
        "author",
        "verfasst von",
        "geschrieben von",
        "autor",
        "écrit par",
        "auteur",
        "escrito por",
        "scritto da",
        "autore",
        "geschreven door",
        "skrevet af",
        "skrevet av",
        "skriven av",
        "napisane przez",
    ];
    let label = label.trim().to_lowercase();
    LABELS.contains(&label.as_str())
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

/// Author names as people write them: lists split ("A, B and C"),
/// "Last, First" turned round, roles and initials after the name dropped
/// ("Ana Ruiz (ar)", "Ana Ruiz / Journalist"), user names, e-mail
/// addresses left out, and the outlet too when people are named beside it,
/// duplicates removed.
fn tidy_authors(raw: &[String], site_names: &[String]) -> Vec<String> {
    if raw.is_empty() {
        return Vec::new();
    }
    let site_keys: Vec<String> = site_names.iter().map(|s| name_key(s)).collect();
    let is_outlet = |name: &str| {
        let key = name_key(name);
        key.chars().count() >= 2
            && site_keys.iter().any(|s| {
                s.starts_with(key.as_str()) || key.starts_with(s.as_str()) && !s.is_empty()
            })
    };
    let mut out: Vec<String> = Vec::new();
    // lower-cased once per kept name, for the duplicate check
    let mut seen: Vec<String> = Vec::new();
    for entry in raw {
        for name in split_author_list(entry) {
            let name = strip_author_role(&name);
            if name.is_empty() || is_user_name(name) {
                continue;
            }
            let lower = name.to_lowercase();
            if !seen.contains(&lower) {
                seen.push(lower);
                out.push(name.to_string());
            }
        }
    }
    let outlet: Vec<bool> = out.iter().map(|n| is_outlet(n) || is_newsroom(n)).collect();
    // the outlet stands for the author only when no one else is named;
    // beside people's names, a lower-case handle ("jdoe") is an account
    // and a name running on into more words ("Jane DoeReporter", "Jane Doe
    // Contact me") is a byline read whole
    if outlet.contains(&false) {
        let people: Vec<&str> = out
            .iter()
            .zip(&outlet)
            .filter(|(n, is_outlet)| !**is_outlet && word_count(n) >= 2)
            .map(|(n, _)| n.as_str())
            .collect();
        let keep: Vec<bool> = out
            .iter()
            .zip(&outlet)
            .map(|(n, is_outlet)| {
                let handle = !people.is_empty()
                    && !n.contains(' ')
                    && n.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
                let extends = people.iter().any(|p| n.len() > p.len() && n.starts_with(p));
                !is_outlet && !handle && !extends
            })
            .collect();
        return out
            .into_iter()
            .zip(keep)
            .filter_map(|(n, keep)| keep.then_some(n))
            .collect();
    }
    out
}

/// "NZZ-Redaktion", "Newsroom Staff": the outlet's desk, not a person.
fn is_newsroom(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "redaktion",
        "newsroom",
        "staff",
        "rédaction",
        "redacción",
        "redazione",
    ];
    let lower = name.to_lowercase();
    WORDS.iter().any(|w| lower.contains(w))
}

/// Lower-case letters and digits only: "STERN.de" and "stern.de" agree.
fn name_key(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    for c in s.chars() {
        // titles are mostly ASCII: skip the Unicode tables for it
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                key.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            key.extend(c.to_lowercase());
        }
    }
    key
}

/// Whether `name_key(s) == key`, stopping at the first difference (a long
/// title against a short site name) and without building the key.
fn has_name_key(s: &str, key: &str) -> bool {
    let mut want = key.chars();
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() && want.next() != Some(c.to_ascii_lowercase()) {
                return false;
            }
        } else if c.is_alphanumeric() && !c.to_lowercase().all(|l| want.next() == Some(l)) {
            return false;
        }
    }
    want.next().is_none()
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// "A, B and C" into names; "Doe, Jane" into "Jane Doe".
fn split_author_list(entry: &str) -> Vec<String> {
    let parts: Vec<&str> = entry.split([',', '，', '、']).map(str::trim).collect();
    if parts.len() == 2
        && parts.iter().all(|p| word_count(p) == 1)
        && parts.iter().all(|p| {
            p.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        })
        && parts[1].chars().next().is_some_and(char::is_uppercase)
        && !parts[0].chars().all(|c| !c.is_lowercase())
    {
        return vec![format!("{} {}", parts[1], parts[0])];
    }
    let mut names = Vec::new();
    for part in parts {
        let mut rest = part;
        loop {
            let split = [" and ", " & ", " und ", " et ", " y "]
                .iter()
                .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
                .min();
            match split {
                // both sides must be names of their own, not "Smith & Sons"
                Some((i, len))
                    if word_count(&rest[..i]) >= 2 && word_count(&rest[i + len..]) >= 2 =>
                {
                    names.push(rest[..i].trim().to_string());
                    rest = &rest[i + len..];
                }
                _ => break,
            }
        }
        names.push(rest.trim().to_string());
    }
    names.retain(|n| !n.is_empty());
    names
}

/// The name without a role or initials after it.
fn strip_author_role(name: &str) -> &str {
    let mut name = name.trim();
    if let Some(open) = name.rfind(" (").filter(|_| name.ends_with(')')) {
        name = name[..open].trim_end();
    }
    for sep in [" / ", " | ", " – ", " — "] {
        if let Some(i) = name.find(sep) {
            name = name[..i].trim_end();
        }
    }
    name
}

/// E-mail addresses, URL slugs ("jane-doe"), numeric ids and a CMS's
/// placeholders ("admin", "Unknown") are not names.
fn is_user_name(name: &str) -> bool {
    const PLACEHOLDERS: &[&str] = &[
        "admin",
        "administrator",
        "unknown",
        "anonymous",
        "anonym",
        "guest",
        "null",
        "none",
        "n/a",
    ];
    let slug =
        !name.contains(' ') && name.contains(['-', '_']) && !name.chars().any(char::is_uppercase);
    name.contains('@')
        || slug
        || !name.chars().any(char::is_alphabetic)
        || PLACEHOLDERS.contains(&name.to_lowercase().as_str())
}

/// What separates a headline from the outlet's name or a section in titles.
const TITLE_SEPARATORS: [&str; 11] = [
    " | ", " - ", " – ", " — ", " :: ", " · ", " * ", " / ", " » ", " // ", "：",
];

/// Whether title source `other` states `candidate`: the same text, or the
/// text with a decoration after or before a separator. A decoration (the
/// outlet, a section) is shorter than the headline it decorates: in
/// "Headline of the post | Blog Name" the blog's name, which a blog's `<h1>`
/// often holds, is not what the title states.
fn title_supports(other: &str, candidate: &str) -> bool {
    if other == candidate {
        return true;
    }
    let shorter = |decoration: &str| decoration.chars().count() < candidate.chars().count();
    TITLE_SEPARATORS.iter().any(|sep| {
        other
            .strip_prefix(candidate)
            .and_then(|rest| rest.strip_prefix(sep))
            .is_some_and(shorter)
            || other
                .strip_suffix(candidate)
                .and_then(|rest| rest.strip_suffix(sep))
                .is_some_and(shorter)
    })
}

/// Whether a heading is a link to the site's home page: a blog's name
/// set as `<h1>` above every post, not the post's headline.
fn is_home_link(heading: NodeRef<'_>) -> bool {
    heading
        .descendants()
        .take(20)
        .filter_map(|d| d.element())
        .filter(|e| e.tag() == Tag::A)
        .filter_map(|e| e.attr("href"))
        .any(|href| {
            let href = href.trim();
            let path = match href.split_once("://") {
                Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
                None => href,
            };
            matches!(path, "/" | "" | "/index.html" | "/index.php" | "./")
        })
}

/// Whether `decoration` ends `title` after a separator and a longer text
/// ("Post title | Blog Name"). Not at the start: "Headline | Blog name"
/// is as common, with names of any length.
fn decorates(decoration: &str, title: &str) -> bool {
    let longer = |rest: &str| rest.chars().count() > decoration.chars().count();
    TITLE_SEPARATORS.iter().any(|sep| {
        title
            .strip_suffix(decoration)
            .and_then(|rest| rest.strip_suffix(sep))
            .is_some_and(longer)
    })
}

/// How many text blocks from the headline on may hold a byline or dateline.
const NEAR_TITLE_BLOCKS: usize = 8;
/// Blocks looked at for date lines elsewhere on the page.
const MAX_SCANNED_BLOCKS: usize = 3000;

/// The first `max` bytes of `s`, cut on a char boundary.
fn head(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// `<figcaption>`, table captions, and elements whose class or id says
/// caption or credit (`wp-caption-text`, `photo-credit`) next to a picture.
/// Without a picture nearby such a class is only styling (a date paragraph
/// styled `rte-paragraph__caption`, a podcast's credits).
/// `named`: `caption` or `credit` in the element's id or class.
fn is_caption(node: NodeRef<'_>, named: bool) -> bool {
    let Some(el) = node.element() else {
        return false;
    };
    if matches!(el.tag(), Tag::Figcaption | Tag::Caption) {
        return true;
    }
    named && near_picture(node)
}

/// Whether a caption-like element belongs to a picture: it sits in a
/// `<figure>`, holds an image, or it or its parent stands right next to one.
fn near_picture(node: NodeRef<'_>) -> bool {
    const ANCESTORS: usize = 3;
    const DESCENDANTS: usize = 50;
    let holds_picture = |n: NodeRef<'_>| {
        n.descendants().take(DESCENDANTS).any(|d| {
            matches!(
                d.tag(),
                Some(Tag::Img | Tag::Picture | Tag::Video | Tag::Figure)
            )
        })
    };
    let is_element = |n: &NodeRef<'_>| n.element().is_some();
    let beside_picture = |n: NodeRef<'_>| {
        n.prev_siblings()
            .find(is_element)
            .is_some_and(holds_picture)
            || n.next_siblings()
                .find(is_element)
                .is_some_and(holds_picture)
    };
    node.ancestors()
        .take(ANCESTORS)
        .any(|a| a.name() == Some("figure"))
        || holds_picture(node)
        || beside_picture(node)
        // a table cell under the row with the picture
        || node
            .parent()
            .filter(is_element)
            .is_some_and(beside_picture)
}

/// Words before a date that make a short block a byline.
const BYLINE_CUES: &[&str] = &[
    "by",
    "von",
    "par",
    "por",
    "di",
    "on",
    "am",
    "le",
    "el",
    "date",
    "dated",
    "datum",
    "stand",
    "mis",
    "written",
    "geschrieben",
];
/// Beginnings of words that do the same ("Veröffentlichung", "publicado").
const BYLINE_CUE_STEMS: &[&str] = &[
    "publi",
    "pubblic",
    "posted",
    "updated",
    "created",
    "veröffentlich",
    "erschien",
    "aktualisier",
    "actualiz",
    "modifi",
    "gepost",
    "erstellt",
];

fn is_byline_cue(word: &str) -> bool {
    let w = word.to_lowercase();
    BYLINE_CUES.contains(&w.as_str()) || BYLINE_CUE_STEMS.iter().any(|s| w.starts_with(s))
}

/// Whether a short block reads as a byline or date line ("By Jane Doe |
/// 13 September 2021", "Veröffentlicht am 27.07.2021") rather than a sentence
/// of prose that happens to mention a date.
fn is_byline_like(block: &str, month_first: bool) -> bool {
    if block.len() > 200 {
        return false;
    }
    let Some(date) = find_dates(block, month_first).into_iter().next() else {
        return false;
    };
    let before = block.get(..date.span.0).unwrap_or("");
    let after = block.get(date.span.1..).unwrap_or("");
    let words = |s: &str| {
        s.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
    };
    let other_words = words(before) + words(after);
    if other_words <= 6 {
        return true;
    }
    let sentence_end = block.trim_end().ends_with(['.', '!', '?', '"', '”', '»']);
    let cue = has_cue(before);
    let separators = block.matches(['|', '·', '•', '/']).count() > 0;
    (cue || separators) && other_words <= 20 && !(sentence_end && other_words > 6)
}

/// Stricter than [`is_byline_like`], for blocks away from the title, where
/// teasers ("Headline 3 March 2021") abound: the date stands nearly alone
/// or after a cue word.
fn is_date_line(block: &str, month_first: bool) -> bool {
    let Some(date) = find_dates(block, month_first).into_iter().next() else {
        return false;
    };
    let before = block.get(..date.span.0).unwrap_or("");
    let after = block.get(date.span.1..).unwrap_or("");
    let other_words = count_words(before) + count_words(after);
    other_words <= 3 || (has_cue(before) && other_words <= 12) || ends_with_as_of_cue(before)
}

/// Words that put a page's state at the date right after them ("Stand:",
/// "zuletzt am", "last modified on"): a wiki footer's or a portal's date.
fn ends_with_as_of_cue(before: &str) -> bool {
    const CUES: &[&str] = &[
        "stand",
        "zuletzt am",
        "zuletzt geändert am",
        "zuletzt aktualisiert am",
        "zuletzt bearbeitet am",
        "last modified on",
        "last modified",
        "last edited on",
        "last updated on",
        "last updated",
        "dernière modification le",
        "mis à jour le",
    ];
    let words: Vec<String> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .map(str::to_lowercase)
        .collect();
    let tail: Vec<&str> = words.iter().rev().map(String::as_str).collect();
    let tail = tail.join(" ");
    CUES.iter().any(|c| {
        tail.strip_suffix(c)
            .is_some_and(|head| head.is_empty() || head.ends_with(' '))
    })
}

fn count_words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

/// A cue word among the first words of the block ("Posted on", "By X |"):
/// deep inside a sentence, "by 28 February" is a deadline, not a byline.
fn has_cue(before: &str) -> bool {
    before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(3)
        .any(is_byline_cue)
}

/// The length of a news dateline opening `text` ("CASTEL ORME, 10 February
/// 2020 –", "Berlin, 27.07.2021 (dpa) -"): a place of a few capitalised words,
/// a full date, an optional agency in brackets, then a dash or colon.
fn dateline_span(text: &str, month_first: bool) -> Option<usize> {
    let date = find_dates(head(text, 120), month_first)
        .into_iter()
        .next()?;
    let place = text.get(..date.span.0)?.trim_end();
    let place = place.strip_suffix(',').unwrap_or(place).trim();
    let place_ok = !place.is_empty()
        && place.len() <= 50
        && place.chars().next().is_some_and(char::is_uppercase)
        && place.split_whitespace().count() <= 5
        && place
            .chars()
            .all(|c| c.is_alphabetic() || " .,'’-/()".contains(c))
        && place.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '(')
        });
    if !place_ok {
        return None;
    }
    let rest = text.get(date.span.1..)?;
    let trimmed = rest.trim_start();
    let trimmed = match trimmed.strip_prefix('(') {
        Some(r) => r.split_once(')')?.1.trim_start(),
        None => trimmed,
    };
    if trimmed.starts_with(['-', '–', '—', ':', '|']) {
        Some(date.span.1)
    } else {
        None
    }
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

    fn add_element_author(&mut self, s: &str) {
        if let Some(a) = clean_author(s) {
            if !self
                .element_authors
                .iter()
                .any(|x| x.eq_ignore_ascii_case(&a))
                && self.element_authors.len() < 20
            {
                self.element_authors.push(a);
            }
        }
    }

    fn add_author(&mut self, s: &str) {
        if let Some(a) = clean_author(s) {
            if !self.authors.iter().any(|x| x.eq_ignore_ascii_case(&a)) && self.authors.len() < 20 {
                self.authors.push(a);
            }
        }
    }

    pub(crate) fn element(&mut self, node: NodeRef<'_>, ctx: Context<'_>) {
        let Some(el) = node.element() else {
            return;
        };
        let el = &el;
        if self.captions.len() < 40 && is_caption(node, ctx.class.caption_word) {
            let t = bounded_text(node, 500);
            if !t.is_empty() && !self.captions.contains(&t) {
                self.captions.push(t);
            }
        }
        match el.tag() {
            Tag::Html => {
                if let Some(l) = el.attr("lang").or_else(|| el.attr("xml:lang")) {
                    self.html_lang = Some(l.to_string());
                }
            }
            Tag::Title if self.title_tag.is_none() => {
                self.title_tag = Some(bounded_text(node, 1000));
            }
            Tag::Meta => self.meta_tag(el),
            Tag::Link => {
                let rel = el.attr("rel").unwrap_or("");
                if self.canonical.is_none()
                    && rel
                        .split_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    self.canonical = el.attr("href").map(str::to_string);
                }
            }
            Tag::Script => {
                let ty = el.attr("type").unwrap_or("");
                if super::content::contains_ignore_ascii_case(ty, "ld+json") {
                    self.json_ld(&node.text_content());
                } else if el.attr("src").is_none() && !self.script_date_seen {
                    if let Some(v) = published_in_script(&node.text_content()) {
                        self.script_date_seen = true;
                        self.add_date(v, DateSource::MetaPublished, SCRIPT_DATE_CONFIDENCE, false);
                    }
                }
            }
            Tag::Time => {
                let published = el.attr("pubdate").is_some()
                    || ctx
                        .itemprop
                        .is_some_and(|v| v.eq_ignore_ascii_case("datePublished"));
                let modified = ctx
                    .itemprop
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
            Tag::H1 if self.h1.is_none() => {
                let t = bounded_text(node, 500);
                if !t.is_empty() {
                    if self.h1_block.is_none() {
                        self.h1_block = Some(ctx.block_index);
                    }
                    if !is_home_link(node) {
                        self.h1 = Some(t);
                    }
                }
            }
            Tag::A
                if el
                    .attr("rel")
                    .is_some_and(|r| r.split_whitespace().any(|x| x == "author")) =>
            {
                let t = bounded_text(node, 100);
                self.add_element_author(&t);
            }
            _ => {}
        }
        if let Some(prop) = ctx.itemprop {
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
                "author" | "creator" if el.tag() != Tag::Meta => {
                    // the author's name is the element text or a nested itemprop=name
                    let t = bounded_text(node, 100);
                    if t.chars().count() <= 80 {
                        self.add_element_author(&t);
                    }
                }
                _ => {}
            }
        }
        if self.byline_elements < 40
            && !matches!(
                el.tag(),
                Tag::Html | Tag::Body | Tag::Time | Tag::Script | Tag::Style
            )
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
            // the first one is the page's; later ones belong to embeds
            "og:title" if self.og_title.is_none() => self.og_title = Some(normalize_ws(content)),
            "twitter:title" if self.twitter_title.is_none() => {
                self.twitter_title = Some(normalize_ws(content))
            }
            "og:title" | "twitter:title" => {}
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
            k if k.starts_with("twitter:label") && is_author_label(content) => {
                self.author_label = Some(k["twitter:label".len()..].to_string());
            }
            k if k.starts_with("twitter:data")
                && self.author_label.as_deref() == Some(&k["twitter:data".len()..]) =>
            {
                self.add_author(content);
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
                            // CMSs often write entities into JSON strings
                            self.ld_headline = Some(normalize_ws(&decode(h, false)));
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
                } else if let (Some(Value::String(given)), Some(Value::String(family))) =
                    (m.get("givenName"), m.get("familyName"))
                {
                    self.add_author(&format!("{given} {family}"));
                }
            }
            _ => {}
        }
    }

    /// Receives the text blocks in document order, to look for a byline near
    /// the first `<h1>`.
    pub(crate) fn set_blocks<'a>(&mut self, blocks: impl Iterator<Item = &'a str>) {
        let start = self.h1_block.unwrap_or(0);
        for (i, t) in blocks.enumerate().take(MAX_SCANNED_BLOCKS) {
            let has_digit = has_ascii_digit(t);
            if (start..start + NEAR_TITLE_BLOCKS).contains(&i) {
                self.near_title.push(head(t, 300).to_string());
            } else if t.len() <= 200 && has_digit {
                self.other_short_blocks.push(t.to_string());
            }
            if has_digit {
                self.dated_text
                    .push(head(t, FALLBACK_BLOCK_BYTES).to_string());
            }
        }
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

    /// The headline most of the page's title sources agree on. Sources
    /// disagree often (social titles rewritten for sharing, SEO titles with
    /// a kicker or the outlet's name); a source agrees with a candidate when
    /// it is the same text or the same text plus a decoration after a
    /// separator ("Headline | Outlet"). Ties go to the article's own
    /// markup: JSON-LD headline, then `<h1>`, then social and `<title>`.
    fn title(&self, site: Option<&str>) -> Option<String> {
        let strip_site = |t: &str| -> String {
            if let Some(site) = site {
                for sep in TITLE_SEPARATORS {
                    if let Some(head) = t.strip_suffix(site).and_then(|h| h.strip_suffix(sep)) {
                        return head.trim().to_string();
                    }
                    if let Some(tail) = t.strip_prefix(site).and_then(|h| h.strip_prefix(sep)) {
                        return tail.trim().to_string();
                    }
                }
            }
            t.to_string()
        };
        fn nonempty(t: &Option<String>) -> Option<&str> {
            t.as_deref().filter(|t| !t.is_empty())
        }
        let og = nonempty(&self.og_title);
        // a copy of og:title is not a second opinion
        let twitter = nonempty(&self.twitter_title).filter(|t| Some(*t) != og);
        let tag = nonempty(&self.title_tag);
        let sources = [
            nonempty(&self.ld_headline),
            nonempty(&self.h1),
            og,
            twitter,
            tag,
        ];
        let mut present: Vec<&str> = sources.iter().flatten().copied().collect();
        // a blog's `<h1>` or a social title may be the outlet's name alone
        let site_keys: Vec<String> = self.site_names.iter().map(|s| name_key(s)).collect();
        let headlines: Vec<&str> = present
            .iter()
            .copied()
            .filter(|c| !site_keys.iter().any(|k| has_name_key(c, k)))
            .collect();
        if !headlines.is_empty() {
            present = headlines;
        }
        // nor is a text that another source carries as its decoration
        // ("Post title | Blog Name" beside an `<h1>` "Blog Name")
        let headlines: Vec<&str> = present
            .iter()
            .copied()
            .filter(|c| !present.iter().any(|o| decorates(c, o)))
            .collect();
        if !headlines.is_empty() {
            present = headlines;
        }
        let winner = present
            .iter()
            .enumerate()
            .max_by_key(|(i, c)| {
                let votes = present.iter().filter(|o| title_supports(o, c)).count();
                (votes, std::cmp::Reverse(*i))
            })
            .map(|(_, c)| *c)?;
        if Some(winner) != tag {
            return Some(strip_site(winner));
        }
        // an `<h1>` inside the <title> is the headline, unless it was set
        // aside above as the outlet's name
        if let Some(h1) = self.h1.as_deref().filter(|h| present.contains(h)) {
            if winner.contains(h1) {
                return Some(h1.to_string());
            }
        }
        let t = strip_site(winner);
        // "Story headline | Outlet": keep the longest part
        for sep in [" | ", " - ", " – ", " — ", " » ", " // ", " :: "] {
            if t.contains(sep) {
                return t
                    .split(sep)
                    .max_by_key(|p| p.chars().count())
                    .map(|p| p.trim().to_string());
            }
        }
        Some(t)
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
        // how many were kept, readable while `push` holds `dates`
        let kept = std::cell::Cell::new(0usize);
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
            kept.set(kept.get() + 1);
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
        let mut dateline_seen = false;
        for t in &self.near_title {
            if self.captions.iter().any(|c| c.contains(t.as_str())) {
                continue;
            }
            // the first paragraph of prose may open with a news dateline
            if !dateline_seen && t.len() >= 80 {
                dateline_seen = true;
                if let Some(span) = dateline_span(t, month_first) {
                    push(&t[..span], DateSource::Dateline, 0.8, true);
                    continue;
                }
            }
            if is_byline_like(t, month_first) {
                push(t, DateSource::Byline, 0.55, true);
            }
        }
        let mut page_lines = 0;
        for t in &self.other_short_blocks {
            if page_lines >= 5 {
                break;
            }
            // the date test rejects most blocks by one byte scan, before
            // the substring search through every caption
            if is_date_line(t, month_first) && !self.captions.iter().any(|c| c.contains(t.as_str()))
            {
                page_lines += 1;
                push(t, DateSource::Text, 0.3, true);
            }
        }
        let url_date = url.and_then(date_in_url);
        if kept.get() == 0 && url_date.is_none() {
            if let Some((raw, confidence)) =
                most_frequent_date(&self.dated_text, &self.captions, month_first)
            {
                push(&raw, DateSource::Text, confidence, true);
            }
        }
        dates.extend(url_date);
        dates.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
        let canonical_url = self.canonical.or(self.og_url).filter(|u| !u.is_empty());
        HtmlPage {
            title,
            site_name,
            authors: {
                let mut authors = tidy_authors(&self.authors, &self.site_names);
                if authors.is_empty() {
                    authors = tidy_authors(&self.element_authors, &self.site_names);
                }
                authors
            },
            language,
            canonical_url,
            paragraphs: Vec::new(),
            boilerplate: Vec::new(),
            dates,
            captions: self.captions,
        }
    }
}

/// Whether `t` holds an ASCII digit: 32 bytes at a time, each chunk
/// without an early exit (so it vectorizes), stopping at the first chunk
/// with one.
fn has_ascii_digit(t: &str) -> bool {
    t.as_bytes()
        .chunks(32)
        .any(|c| c.iter().fold(false, |found, b| found | b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(block: &str, byline: bool, dateline: Option<&str>) {
        assert_eq!(is_byline_like(block, false), byline, "byline? {block:?}");
        let got = dateline_span(block, false).map(|n| &block[..n]);
        assert_eq!(got, dateline, "dateline of {block:?}");
    }

    #[test]
    fn bylines_datelines_and_prose() {
        check("By Ana Ruiz | 13 September 2021", true, None);
        check(
            "Veröffentlichung: 04.02.2022 Label: Some Records Album Genre: Pop",
            true,
            None,
        );
        check("12 March 2020", true, None);
        check(
            "The director asked the delegations to agree on a draft text by 28 February 2020.",
            false,
            None,
        );
        check(
            "PORT ELLIS, 4 March 2022 – Crews on the island ferries stopped work on Friday.",
            false,
            Some("PORT ELLIS, 4 March 2022"),
        );
        check(
            "Berlin, 27.07.2021 (dpa) - Die Regierung hat am Dienstag beschlossen.",
            false,
            Some("Berlin, 27.07.2021"),
        );
        check(
            "On 4 March 2022 the crews stopped work – for a day.",
            false,
            None,
        );
    }

    #[test]
    fn digits_found_in_any_chunk() {
        for len in [0, 1, 31, 32, 33, 64, 100] {
            let plain = "x".repeat(len);
            assert!(!has_ascii_digit(&plain), "{len}");
            for at in 0..len {
                let mut t = plain.clone().into_bytes();
                t[at] = b'7';
                let t = String::from_utf8(t).expect("ascii");
                assert!(has_ascii_digit(&t), "{t}");
            }
        }
        assert!(!has_ascii_digit("\u{661}\u{662} é"));
    }

    #[test]
    fn page_wide_date_lines_must_stand_nearly_alone() {
        assert!(is_date_line("Donnerstag, 2. August 2018", false));
        assert!(is_date_line("Posted on 5 October 2021 in Gardening", false));
        assert!(!is_date_line(
            "Haskel remembrance walk draws hundreds 3 March 2021",
            false
        ));
        assert!(is_date_line(
            "This page of the Orme Wiki was last edited on 4 May 2020, at 10:12.",
            false
        ));
        assert!(is_date_line(
            "Quelle: Gemeinde Tolvash - Startseite [Stand: 02.03.2019, 08:15 Uhr]",
            false
        ));
        assert!(!is_date_line(
            "Der Verband hat seinen Stand am 2. März 2019 auf der Messe in Orme eröffnet",
            false
        ));
    }

    fn check_title(page: &str, want: &str) {
        let got = super::super::extract_html(page, None).title;
        assert_eq!(got.as_deref(), Some(want), "{page}");
    }

    #[test]
    fn title_is_what_most_sources_agree_on() {
        // social title rewritten; <title>, <h1> and JSON-LD agree
        check_title(
            r#"<html><head><title>Ferry strike ends after talks | Orme Post</title>
            <meta property="og:title" content="Crews back at work">
            <meta property="og:site_name" content="Orme Post">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry strike ends after talks"}</script>
            </head><body><h1>Ferry strike ends after talks</h1><p>Text.</p></body></html>"#,
            "Ferry strike ends after talks",
        );
        // every source decorated but the <h1>: the plain headline wins
        check_title(
            r#"<html><head><title>Tolvash votes on bridge - Region - Valley News</title>
            <meta property="og:title" content="Tolvash votes on bridge - Region - Valley News">
            </head><body><h1>Tolvash votes on bridge</h1></body></html>"#,
            "Tolvash votes on bridge",
        );
        // entities inside JSON-LD strings are decoded; the first og:title counts
        check_title(
            r#"<html><head><meta property="og:title" content="Mayor&#8217;s plan">
            <meta property="og:title" content="Another story">
            <script type="application/ld+json">{"@type":"Article","headline":"Mayor&#8217;s plan"}</script>
            </head><body><p>x</p></body></html>"#,
            "Mayor\u{2019}s plan",
        );
        // site name in front of the <title>
        check_title(
            r#"<html><head><title>Valley News | Hail in July</title>
            <meta property="og:site_name" content="Valley News"></head><body></body></html>"#,
            "Hail in July",
        );
    }

    #[test]
    fn authors_from_json_ld_parts_and_twitter_labels() {
        let page = r#"<html><head>
            <meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Tom Bell">
            <meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="3 minutes">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
              "author":[{"@type":"Person","givenName":"Ana","familyName":"Ruiz"}]}</script>
            </head><body></body></html>"#;
        let got = super::super::extract_html(page, None).authors;
        assert_eq!(got, ["Tom Bell", "Ana Ruiz"]);
    }

    #[test]
    fn blog_name_is_not_the_title() {
        // the <h1> links home: the post's title is in <title>
        check_title(
            r#"<html><head><title>Old Harbour Notes &raquo; Archive &raquo; Mending a sail by hand</title></head>
            <body><h1><a href="https://harbour.example/">Old Harbour Notes</a></h1>
            <h2>Mending a sail by hand</h2><p>Text.</p></body></html>"#,
            "Mending a sail by hand",
        );
        // the <h1> is the decoration at the end of <title>
        check_title(
            r#"<html><head><title>Mending a sail by hand | Old Harbour Notes</title></head>
            <body><h1>Old Harbour Notes</h1><p>Text.</p></body></html>"#,
            "Mending a sail by hand",
        );
        // a short headline first and a long blog name after it
        check_title(
            r#"<html><head><title>Sails (3) | Notes from the old harbour of Orme</title></head>
            <body><h1>Sails (3)</h1><p>Text.</p></body></html>"#,
            "Sails (3)",
        );
    }

    fn check_authors(raw: &[&str], site: &[&str], want: &[&str]) {
        let raw: Vec<String> = raw.iter().map(|s| s.to_string()).collect();
        let site: Vec<String> = site.iter().map(|s| s.to_string()).collect();
        assert_eq!(tidy_authors(&raw, &site), want, "{raw:?}");
    }

    #[test]
    fn author_lists_roles_and_outlets() {
        check_authors(
            &["Ana Ruiz, Tom Bell and Li Wen"],
            &[],
            &["Ana Ruiz", "Tom Bell", "Li Wen"],
        );
        check_authors(&["Ana Ruiz", "Ruiz, Ana"], &[], &["Ana Ruiz"]);
        check_authors(&["Smith & Sons"], &[], &["Smith & Sons"]);
        check_authors(
            &["Ana Ruiz (ar)", "Tom Bell / Reporter"],
            &[],
            &["Ana Ruiz", "Tom Bell"],
        );
        check_authors(
            &["a.ruiz@post.example", "ana-ruiz", "Ana Ruiz", "4711"],
            &[],
            &["Ana Ruiz"],
        );
        check_authors(&["ORME POST", "Ana Ruiz"], &["Orme Post"], &["Ana Ruiz"]);
        check_authors(&["Orme Post"], &["ormepost.example"], &["Orme Post"]);
        check_authors(&["이민,박서"], &[], &["이민", "박서"]);
        check_authors(
            &[
                "Post-Redaktion",
                "Ana Ruiz",
                "anaruiz",
                "Ana RuizReporterin",
                "Ana Ruiz Follow",
            ],
            &[],
            &["Ana Ruiz"],
        );
        check_authors(&["kicker"], &[], &["kicker"]);
        check_authors(&["Unknown", "admin"], &[], &[]);
    }

    #[test]
    fn name_key_match_agrees_with_the_key() {
        let names = [
            "STERN.de",
            "stern",
            "Ärzte Blatt",
            "İzmir Post",
            "",
            "Orme Post | Home",
        ];
        for name in names {
            for other in names {
                let key = name_key(other);
                assert_eq!(
                    has_name_key(name, &key),
                    name_key(name) == key,
                    "{name} {other}"
                );
            }
            assert!(has_name_key(name, &name_key(name)), "{name}");
        }
    }
}
