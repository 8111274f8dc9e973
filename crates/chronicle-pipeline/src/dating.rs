//! Publication dates: from a document's own sources first (record, metadata,
//! header lines, URL), then, for pages that state none, inferred from their
//! content and from the other documents of the batch.
//!
//! Inference never claims more precision than the evidence gives: a month or a
//! year is a valid answer.

use crate::annotate::{rules_language, Annotated};
use chronicle_extract::{
    date_in_url, month_from_name, month_name_pattern, numeric_dates, DateCandidate, DateSource,
    NumericShape,
};
use chronicle_model::{
    DateHow, Document, Granularity, PartialDate, Published, Sentence, Timex, TimexType,
};
use chronicle_time::{split_sentences, split_sentences_in, tag, tag_in, tense_at, Tense};
use chronicle_tls::terms::TermBag;
use regex::Regex;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// Dating evidence gathered at extraction time and needed again when the
/// batch is dated as a whole.
#[derive(Debug, Clone, Default)]
pub struct DatingClues {
    pub declared_published: Option<String>,
    /// When the page was fetched: it cannot have been published later.
    pub fetched: Option<PartialDate>,
    pub url: Option<String>,
    pub meta: Vec<DateCandidate>,
    pub header_lines: Vec<String>,
    pub captions: Vec<String>,
}

/// No news page we read was published before this year.
const EARLIEST_YEAR: i32 = 1990;

fn plausible(d: &PartialDate, fetched: Option<PartialDate>) -> bool {
    // a day's slack: a crawl date in UTC may be the day before a local timestamp
    d.year >= EARLIEST_YEAR && fetched.is_none_or(|f| d.first_day() <= f.last_day() + 1)
}

/// The date part of a timestamp in any of the forms records carry
/// (`2021-07-27`, `2021-07-27T10:16:00Z`, `Tue, 27 Jul 2021 10:16:00 GMT`).
pub fn parse_timestamp_date(s: &str) -> Option<PartialDate> {
    if let Ok(d) = s.trim().parse::<PartialDate>() {
        return Some(d);
    }
    date_in_line(s, None).map(|f| f.date)
}

/// Day/month order of all-numeric dates on a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericOrder {
    MonthFirst,
    DayFirst,
}

/// A date found in a short line of text.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundDate {
    pub date: PartialDate,
    pub time: Option<String>,
    pub zone: Option<String>,
    pub text: String,
}

struct Patterns {
    // Clock times anywhere in the line, with a shorter zone list and no a.m./p.m.:
    // the extractor reads times only right after a date, so it is not shared.
    time: Regex,
    month_cue: Regex,
    textual_day_month: Regex,
    textual_month_day: Regex,
    dateline: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("built-in pattern");
        // English only: other languages' names would change the order vote
        // and the datelines read.
        let months = format!("(?:{})", month_name_pattern(true));
        Patterns {
            time: re(r"\b([01]?\d|2[0-3])[:.h]([0-5]\d)\b(?:\s*(GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|[+-]\d\d:?\d\d))?"),
            month_cue: re(r"(?i)\b(?:(?:at|by|before|until|till) the end of (?:the|this) month|later this month|earlier this month|this month)\b"),
            textual_day_month: re(&format!(r"(?i)\b\d{{1,2}}(?:st|nd|rd|th)?\s+{months}\b")),
            textual_month_day: re(&format!(r"(?i)\b{months}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b")),
            dateline: re(&format!(
                r"^[A-Z][A-Z .'’-]{{2,40}}(?:,\s*[A-Z][\w .'’-]{{1,30}})?,\s+((?i:{months}))\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:\([^)]{{1,40}}\))?\s*[-–—]"
            )),
        }
    })
}

/// The order all-numeric dates follow in `texts`: unambiguous ones
/// (`27/07/2021`, `07/27/2021`) decide; else how the text writes dates with
/// month names ("22 July" vs "July 22").
pub fn numeric_order(texts: &[&str]) -> Option<NumericOrder> {
    let p = patterns();
    let (mut day_first, mut month_first) = (0, 0);
    for t in texts {
        for n in numeric_dates(t, NumericShape::Strict) {
            let (a, b) = (n.first, n.second);
            if a > 12 && b <= 12 {
                day_first += 1;
            } else if b > 12 && a <= 12 {
                month_first += 1;
            }
        }
    }
    if day_first != month_first {
        return Some(if day_first > month_first {
            NumericOrder::DayFirst
        } else {
            NumericOrder::MonthFirst
        });
    }
    let (mut dm, mut md) = (0, 0);
    for t in texts {
        dm += p.textual_day_month.find_iter(t).count();
        md += p.textual_month_day.find_iter(t).count();
    }
    match dm.cmp(&md) {
        std::cmp::Ordering::Greater => Some(NumericOrder::DayFirst),
        std::cmp::Ordering::Less => Some(NumericOrder::MonthFirst),
        std::cmp::Ordering::Equal => None,
    }
}

/// The month and day of a news dateline opening the body
/// ("CASTEL ORME, June 20 (Amarel Wire) -"): the day the report was filed.
pub fn dateline_of(body: &str) -> Option<(u8, u8, String)> {
    let c = patterns().dateline.captures(body)?;
    let month = month_from_name(&c[1])?;
    let day: u8 = c[2].parse().ok()?;
    Some((month, day, c.get(0)?.as_str().trim().to_string()))
}

/// The first full date in a header line, with the time of day after it.
/// Ambiguous numeric dates follow `order` (month first when unknown).
pub fn date_in_line(line: &str, order: Option<NumericOrder>) -> Option<FoundDate> {
    let p = patterns();
    let mut found: Option<(usize, usize, PartialDate)> = None;
    // the clock time the tagger read as part of the date ("16:40 GMT,
    // Tuesday, 17 April 2018" is one time expression)
    let mut tagged_time: Option<String> = None;
    // Only the first numeric date is tried; when it is no valid day the
    // tagger reads the line. Unlike the extractor's `find_dates`, dots do not
    // mean day first and no year range applies (callers judge plausibility).
    if let Some(n) = numeric_dates(line, NumericShape::Strict).next() {
        let (a, b, y) = (n.first, n.second, n.year);
        let day_first = if a > 12 {
            true
        } else if b > 12 {
            false
        } else {
            order == Some(NumericOrder::DayFirst)
        };
        let (m, d) = if day_first { (b, a) } else { (a, b) };
        if let Some(date) = PartialDate::ymd(y, m, d) {
            found = Some((n.span.0, n.span.1, date));
        }
    }
    if found.is_none() {
        let sentences = split_sentences(line);
        for t in tag(line, &sentences, None) {
            if t.kind != TimexType::Date && t.kind != TimexType::Time {
                continue;
            }
            let value = t.value.split('T').next().unwrap_or("");
            if let Ok(date) = value.parse::<PartialDate>() {
                if date.granularity() == Granularity::Day {
                    found = Some((t.start, t.end, date));
                    tagged_time = t
                        .value
                        .split_once('T')
                        .and_then(|(_, clock)| clock.get(..5))
                        .map(str::to_string);
                    break;
                }
            }
        }
    }
    let (start, end, date) = found?;
    // The time of day: after the date ("22 July 2009 21:02") or before it
    // ("21:02 GMT, Wednesday, 22 July 2009"), never inside it, unless the
    // tagger read it as part of the date: then it is that one (a local time
    // may follow, "16:40 GMT, Tuesday, 17 April 2018 18:40 Drevna").
    let clock = |c: &regex::Captures| format!("{:02}:{}", c[1].parse::<u8>().unwrap_or(0), &c[2]);
    let time = p.time.captures_iter(line).find(|c| {
        c.get(0).is_some_and(|m| {
            let outside = m.end() <= start || m.start() >= end;
            outside || tagged_time.as_deref() == Some(clock(c).as_str())
        })
    });
    Some(FoundDate {
        date,
        time: time.as_ref().map(clock),
        zone: time.and_then(|c| c.get(3).map(|z| z.as_str().to_string())),
        text: line[start..end].to_string(),
    })
}

struct Candidate {
    date: PartialDate,
    time: Option<String>,
    zone: Option<String>,
    how: DateHow,
    confidence: f32,
    evidence: String,
    /// The HTML clue it came from, if any.
    source: Option<DateSource>,
}

/// Sources of dates the page displays to its reader.
fn is_shown_source(source: Option<DateSource>) -> bool {
    matches!(
        source,
        Some(
            DateSource::Byline | DateSource::Dateline | DateSource::TimeElement | DateSource::Text
        )
    )
}

/// How far a displayed date may lie from the metadata's publication date and
/// still be the same publication shown with its own (re)issue day: metadata
/// is often written when a draft is created, days or weeks before the page
/// goes out, and sometimes a day after it in another time zone.
const SHOWN_AFTER_META_DAYS: i64 = 60;
const SHOWN_BEFORE_META_DAYS: i64 = 7;

/// Reorders `candidates` (sorted strongest first) where the strongest is
/// beaten by what the page shows:
/// - a month or year (from a URL, say) gives way to a day inside it;
/// - a metadata publication date gives way to the date the page displays
///   when that one is also the declared modification date (the page was
///   republished and shows its new date, "updated" or not);
/// - it also gives way when every date the page displays is one and the same
///   day, close to the metadata's: the page's own account of its issue day.
fn prefer_visible_date(candidates: &mut [Candidate]) {
    let Some(best) = candidates.first() else {
        return;
    };
    if best.date.granularity() != Granularity::Day {
        let finer = candidates
            .iter()
            .position(|c| c.date.granularity() == Granularity::Day && best.date.overlaps(&c.date));
        if let Some(i) = finer {
            let day = candidates[i].date;
            candidates[..=i].rotate_right(1);
            candidates[0].confidence = candidates[0].confidence.max(candidates[1].confidence);
            debug_assert_eq!(candidates[0].date, day);
        }
        return;
    }
    let from_metadata = matches!(
        best.source,
        Some(DateSource::MetaPublished | DateSource::JsonLdPublished)
    );
    if !from_metadata {
        return;
    }
    let published = best.date;
    let modified: Vec<PartialDate> = candidates
        .iter()
        .filter(|c| {
            matches!(
                c.source,
                Some(DateSource::MetaModified | DateSource::JsonLdModified)
            )
        })
        .map(|c| c.date)
        .collect();
    let shown: Vec<usize> = (0..candidates.len())
        .filter(|&i| is_shown_source(candidates[i].source))
        .collect();
    // the page also shows its first publication date: nothing to correct
    if shown.iter().any(|&i| candidates[i].date == published) {
        return;
    }
    let republished = shown.iter().copied().find(|&i| {
        let c = &candidates[i];
        c.date > published && modified.contains(&c.date)
    });
    let single_shown = shown.first().copied().filter(|&first| {
        let day = candidates[first].date;
        let offset = day.first_day() - published.first_day();
        day.granularity() == Granularity::Day
            && shown.iter().all(|&i| candidates[i].date == day)
            && shown
                .iter()
                .any(|&i| candidates[i].source != Some(DateSource::Text))
            && (-SHOWN_BEFORE_META_DAYS..=SHOWN_AFTER_META_DAYS).contains(&offset)
    });
    if let Some(i) = republished.or(single_shown) {
        let confidence = candidates[0].confidence;
        candidates[..=i].rotate_right(1);
        candidates[0].confidence = confidence;
    }
}

/// Minutes since midnight of `HH:MM`.
fn minute_of_day(time: &str) -> Option<i64> {
    let (h, m) = time.split_once(':')?;
    Some(h.parse::<i64>().ok()? * 60 + m.get(..2)?.parse::<i64>().ok()?)
}

/// A UTC timestamp that the page also renders in its own zone (JSON-LD says
/// `2023-11-09T01:09Z`, the byline "November 8, 2023 at 6:09 p.m."): the
/// publication day is the local one, and the difference gives the offset.
fn to_local_time(candidates: &mut [Candidate]) {
    let Some(best) = candidates.first() else {
        return;
    };
    let utc = matches!(
        best.zone.as_deref(),
        Some("Z" | "+00:00" | "+0000" | "UTC" | "GMT")
    );
    let Some(best_minute) = best.time.as_deref().and_then(minute_of_day) else {
        return;
    };
    if !utc || best.date.granularity() != Granularity::Day {
        return;
    }
    let utc_minute = best.date.first_day() * 1440 + best_minute;
    let local = candidates[1..].iter().find_map(|c| {
        let minute = c.time.as_deref().and_then(minute_of_day)?;
        if c.zone.is_some() || c.date == best.date || c.date.granularity() != Granularity::Day {
            return None;
        }
        let offset = c.date.first_day() * 1440 + minute - utc_minute;
        (offset % 30 == 0 && offset != 0 && offset.abs() <= 14 * 60)
            .then(|| (c.date, c.time.clone(), offset, c.evidence.clone()))
    });
    if let Some((date, time, offset, evidence)) = local {
        let sign = if offset < 0 { '-' } else { '+' };
        let best = &mut candidates[0];
        best.date = date;
        best.time = time;
        best.zone = Some(format!(
            "{sign}{:02}:{:02}",
            offset.abs() / 60,
            offset.abs() % 60
        ));
        best.evidence = format!("{}, in local time as {evidence}", best.evidence);
    }
}

/// The publication date from the document's own sources, strongest first:
/// the record, HTML metadata, header lines, bylines, the URL.
pub fn date_from_sources(clues: &DatingClues, body: &str) -> Published {
    let mut candidates: Vec<Candidate> = Vec::new();
    if let Some(raw) = &clues.declared_published {
        if let Some(date) = parse_timestamp_date(raw) {
            let found = date_in_line(raw, None);
            candidates.push(Candidate {
                date,
                time: found.as_ref().and_then(|f| f.time.clone()),
                zone: found.and_then(|f| f.zone),
                how: DateHow::Record,
                confidence: 0.95,
                evidence: format!("the record declares published \"{raw}\""),
                source: None,
            });
        }
    }
    for m in &clues.meta {
        let Some(date) = m.date else { continue };
        let (how, weight) = match m.source {
            DateSource::MetaPublished | DateSource::JsonLdPublished => (DateHow::Meta, 1.0),
            DateSource::TimeElement => (DateHow::Meta, 0.9),
            DateSource::Byline | DateSource::Dateline | DateSource::Text => (DateHow::Text, 0.9),
            DateSource::Url => (DateHow::Url, 0.85),
            DateSource::MetaModified | DateSource::JsonLdModified => (DateHow::Meta, 0.5),
        };
        candidates.push(Candidate {
            date,
            time: m.time.clone(),
            zone: m.zone.clone(),
            how,
            confidence: (m.confidence * weight).clamp(0.0, 1.0),
            evidence: format!("{:?} \"{}\"", m.source, m.raw),
            source: Some(m.source),
        });
    }
    let order_texts: Vec<&str> = clues
        .header_lines
        .iter()
        .map(String::as_str)
        .chain(std::iter::once(body))
        .collect();
    let order = numeric_order(&order_texts);
    for line in &clues.header_lines {
        if let Some(f) = date_in_line(line, order) {
            candidates.push(Candidate {
                date: f.date,
                time: f.time,
                zone: f.zone,
                how: DateHow::Text,
                confidence: 0.9,
                evidence: format!("header line \"{line}\""),
                source: None,
            });
            break;
        }
    }
    if let Some(c) = clues.url.as_deref().and_then(date_in_url) {
        if let Some(date) = c.date {
            candidates.push(Candidate {
                date,
                time: None,
                zone: None,
                how: DateHow::Url,
                confidence: if date.granularity() == Granularity::Day {
                    0.8
                } else {
                    0.6
                },
                evidence: format!("the URL contains \"{}\"", c.raw),
                source: None,
            });
        }
    }
    candidates.retain(|c| plausible(&c.date, clues.fetched));
    candidates.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    // first: a UTC timestamp the page renders in local time is not a
    // different date shown
    to_local_time(&mut candidates);
    prefer_visible_date(&mut candidates);
    let Some(best) = candidates.first() else {
        return Published::default();
    };
    let agreeing = candidates[1..]
        .iter()
        .filter(|c| c.date.overlaps(&best.date))
        .count();
    let mut evidence: Vec<String> = vec![best.evidence.clone()];
    for c in &candidates[1..] {
        let verdict = if c.date.overlaps(&best.date) {
            "agrees"
        } else {
            "disagrees"
        };
        evidence.push(format!("{} {verdict} ({})", c.evidence, c.date));
    }
    Published {
        date: Some(best.date),
        time: best.time.clone(),
        zone: best.zone.clone(),
        how: best.how,
        confidence: (best.confidence + 0.03 * agreeing as f32).min(1.0),
        evidence,
    }
}

/// What dating one HTML page on its own found: the chosen date and every
/// candidate the extractor saw (for evaluation and debugging).
#[derive(Debug, Clone)]
pub struct PageDating {
    pub published: Published,
    pub candidates: Vec<DateCandidate>,
}

/// Dates one HTML page from its own sources, as `annotate_raw` does, without
/// the batch inference. `fetched` bounds the date from above.
pub fn date_html_page(html: &str, url: Option<&str>, fetched: Option<PartialDate>) -> PageDating {
    let page = chronicle_extract::extract_html(html, url);
    let clues = DatingClues {
        fetched,
        url: url.map(str::to_string),
        meta: page.dates.clone(),
        ..DatingClues::default()
    };
    let body = page.paragraphs.join("\n\n");
    PageDating {
        published: date_from_sources(&clues, &body),
        candidates: page.dates,
    }
}

/// A reference to a date inside an undated document, with its context.
#[derive(Debug, Clone)]
struct Mention {
    /// The value as tagged without an anchor: `XXXX-06-11`, `2020-05-15`, `2019`.
    value: String,
    tense: Tense,
    context: TermBag,
}

/// The date mentions among `timexes`, tagged without an anchor, with the tense
/// and words of the sentence each stands in.
fn mentions_in(sentences: &[Sentence], timexes: &[Timex]) -> Vec<Mention> {
    timexes
        .iter()
        .filter(|t| t.kind == TimexType::Date)
        .filter_map(|t| {
            let s = sentences.get(t.sentence)?;
            let at = t.start.saturating_sub(s.start).min(s.text.len());
            Some(Mention {
                value: t.value.clone(),
                tense: tense_at(&s.text, at),
                context: TermBag::of(&s.text),
            })
        })
        .collect()
}

fn mentions_of(text: &str) -> Vec<Mention> {
    let sentences = split_sentences(text);
    mentions_in(&sentences, &tag(text, &sentences, None))
}

/// Month and day of an unanchored value whose year is unknown (`XXXX-06-11` → (6, Some(11))).
fn yearless(value: &str) -> Option<(u8, Option<u8>)> {
    let rest = value.strip_prefix("XXXX-")?;
    let mut parts = rest.split('-');
    let m: u8 = parts.next()?.parse().ok()?;
    let d: Option<u8> = match parts.next() {
        Some(p) => Some(p.parse().ok()?),
        None => None,
    };
    (1..=12).contains(&m).then_some((m, d))
}

/// A reference in a dated document: its resolved date and context.
struct DatedMention {
    date: PartialDate,
    /// "the end of 2011": only the year is known, but it points at its last months.
    year_end: bool,
    context: TermBag,
    text: String,
}

fn dated_mentions(doc: &Document) -> Vec<DatedMention> {
    doc.timexes
        .iter()
        .filter(|t| t.kind == TimexType::Date)
        .filter_map(|t| {
            let date = t.value.parse::<PartialDate>().ok()?;
            let s = doc.sentences.get(t.sentence)?;
            Some(DatedMention {
                date,
                year_end: date.granularity() == Granularity::Year
                    && t.modifier.as_deref() == Some("END"),
                context: TermBag::of(&s.text),
                text: s.text.clone(),
            })
        })
        .collect()
}

/// Names (capitalised words) a document uses, for document-level similarity.
fn name_bag(doc: &Document) -> TermBag {
    let names: Vec<&str> = doc
        .body
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.len() > 2 && w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    TermBag::of(&names.join(" "))
}

/// How alike two sentences must be to report the same dated event. The same
/// day of the same month is already rare evidence, so it needs less overlap
/// than a month or a year's end.
fn match_threshold(day_known: bool) -> f64 {
    if day_known {
        0.1
    } else {
        0.2
    }
}

/// Dates every document of the batch: those with their own date keep it;
/// the others are inferred from their content and the other documents.
pub fn date_batch(batch: Vec<Annotated>) -> Vec<Document> {
    let undated: Vec<usize> = (0..batch.len())
        .filter(|&i| batch[i].document.published.date.is_none())
        .collect();
    if undated.is_empty() {
        return batch.into_iter().map(|a| a.document).collect();
    }
    let mut docs: Vec<Document> = Vec::with_capacity(batch.len());
    let mut clues: Vec<DatingClues> = Vec::with_capacity(batch.len());
    for a in batch {
        docs.push(a.document);
        clues.push(a.clues);
    }

    let names: Vec<TermBag> = docs.iter().map(name_bag).collect();
    let dated: Vec<(usize, Vec<DatedMention>)> = (0..docs.len())
        .filter(|i| docs[*i].published.date.is_some())
        .map(|i| (i, dated_mentions(&docs[i])))
        .collect();
    let mut mentions: HashMap<usize, Vec<Mention>> = HashMap::new();
    let mut caption_mentions: HashMap<usize, Vec<Mention>> = HashMap::new();
    for &i in &undated {
        // An undated document was tagged without an anchor already.
        mentions.insert(i, mentions_in(&docs[i].sentences, &docs[i].timexes));
        let captions = clues[i].captions.join("\n\n");
        caption_mentions.insert(i, mentions_of(&captions));
    }

    // Years the dated documents vote for, through the same event mentioned
    // without a year here and with one there.
    let mut votes: HashMap<usize, BTreeMap<i32, (f64, String)>> = HashMap::new();
    for &i in &undated {
        let entry = votes.entry(i).or_default();
        for m in &mentions[&i] {
            let Some((month, day)) = yearless(&m.value) else {
                continue;
            };
            for (j, dms) in &dated {
                let doc_similarity = names[i].cosine(&names[*j]);
                for dm in dms {
                    let compatible = match dm.date.granularity() {
                        Granularity::Day => {
                            dm.date.month == Some(month)
                                && day.is_none_or(|d| dm.date.day == Some(d))
                        }
                        Granularity::Month => dm.date.month == Some(month),
                        Granularity::Year => dm.year_end && month >= 10,
                    };
                    if !compatible {
                        continue;
                    }
                    let sim = m.context.cosine(&dm.context);
                    let same_day = day.is_some() && dm.date.day == day;
                    if sim < match_threshold(same_day) {
                        continue;
                    }
                    let weight = sim * (0.5 + doc_similarity);
                    let slot = entry.entry(dm.date.year).or_insert((0.0, String::new()));
                    if weight > 0.0 && slot.1.is_empty() {
                        slot.1 = format!(
                            "the year {} from document {}: \"{}\"",
                            dm.date.year,
                            docs[*j].id,
                            dm.text.trim()
                        );
                    }
                    slot.0 += weight;
                }
            }
        }
    }

    // Undated documents that mention the same year-less date in similar
    // words report the same event: they share a year.
    let mut group: Vec<usize> = (0..docs.len()).collect();
    fn find(g: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while g[r] != r {
            r = g[r];
        }
        g[x] = r;
        r
    }
    for (a, &i) in undated.iter().enumerate() {
        for &j in &undated[a + 1..] {
            let linked = mentions[&i].iter().any(|mi| {
                yearless(&mi.value).is_some_and(|k| {
                    mentions[&j].iter().any(|mj| {
                        yearless(&mj.value) == Some(k)
                            && mi.context.cosine(&mj.context) >= match_threshold(k.1.is_some())
                    })
                })
            });
            if linked {
                let (ri, rj) = (find(&mut group, i), find(&mut group, j));
                group[ri] = rj;
            }
        }
    }

    // Each document's lower bound: it cannot predate a past date it reports.
    let lower_bound = |i: usize| -> Option<i32> {
        mentions[&i]
            .iter()
            .chain(caption_mentions[&i].iter())
            .filter(|m| m.tense != Tense::Future)
            .filter_map(|m| m.value.parse::<PartialDate>().ok())
            .filter(|d| d.year >= EARLIEST_YEAR)
            .map(|d| d.year)
            .max()
    };

    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &i in &undated {
        let r = find(&mut group, i);
        groups.entry(r).or_default().push(i);
    }
    for members in groups.values() {
        let bound = members.iter().filter_map(|&i| lower_bound(i)).max();
        let mut pooled: BTreeMap<i32, (f64, String)> = BTreeMap::new();
        for i in members {
            for (y, (w, why)) in &votes[i] {
                let slot = pooled.entry(*y).or_insert((0.0, why.clone()));
                slot.0 += w;
            }
        }
        let voted = pooled
            .iter()
            .filter(|(y, _)| bound.is_none_or(|b| **y >= b))
            .max_by(|a, b| a.1 .0.total_cmp(&b.1 .0));
        let (year, confidence, why) = match (voted, bound) {
            (Some((y, (_, why))), _) => (*y, 0.5, why.clone()),
            (None, Some(b)) => (
                b,
                0.3,
                format!("the latest year the page itself reports as past is {b}"),
            ),
            (None, None) => continue,
        };
        for &i in members {
            let published = infer_within_year(&docs[i], &clues[i], year, confidence, &why);
            let doc = &mut docs[i];
            doc.published = published;
            if let Some(f) = clues[i].fetched {
                if doc
                    .published
                    .date
                    .is_some_and(|d| d.first_day() > f.last_day())
                {
                    doc.published.date = Some(PartialDate::year(f.year));
                }
            }
            let language = rules_language(doc);
            doc.timexes = tag_in(language, &doc.body, &doc.sentences, doc.published.date);
        }
    }
    docs
}

/// Narrows an inferred year to a month: the page is published after the
/// latest date it reports in the past; a "this month" cue ties it to the
/// month of the dates it speaks of.
fn infer_within_year(
    doc: &Document,
    clues: &DatingClues,
    year: i32,
    confidence: f32,
    why: &str,
) -> Published {
    let anchor = Some(PartialDate::year(year));
    let mut past: Option<(PartialDate, String)> = None;
    let mut ahead: Option<(PartialDate, String)> = None;
    let captions = clues.captions.join("\n\n");
    let language = rules_language(doc);
    // The body's sentences were split with these rules when it was annotated.
    let caption_sentences = split_sentences_in(language, &captions);
    let texts = [
        (doc.body.as_str(), &doc.sentences, false),
        (captions.as_str(), &caption_sentences, true),
    ];
    for (text, sentences, is_caption) in texts {
        for t in tag_in(language, text, sentences, anchor) {
            if t.kind != TimexType::Date {
                continue;
            }
            let Ok(d) = t.value.parse::<PartialDate>() else {
                continue;
            };
            // Only dates known to the day bound the page: with just a year
            // to anchor on, a bare "in September" may be last year's.
            if d.year != year || d.granularity() != Granularity::Day {
                continue;
            }
            let Some(s) = sentences.get(t.sentence) else {
                continue;
            };
            let tense = if is_caption {
                Tense::Past
            } else {
                tense_at(&s.text, t.start.saturating_sub(s.start).min(s.text.len()))
            };
            let slot = if tense == Tense::Past {
                &mut past
            } else {
                &mut ahead
            };
            let later = matches!(tense, Tense::Past);
            let replace = match slot {
                None => true,
                Some((cur, _)) if later => d > *cur,
                Some((cur, _)) => d < *cur,
            };
            if replace {
                *slot = Some((d, t.text.clone()));
            }
        }
    }
    let month_cue = patterns()
        .month_cue
        .find(&doc.body)
        .map(|m| m.as_str().to_string());
    let mut evidence = vec![why.to_string()];
    let dateline = dateline_of(&doc.body)
        .and_then(|(m, d, text)| PartialDate::ymd(year, m, d).map(|date| (date, text)));
    let date = match (&month_cue, &past, &ahead) {
        _ if dateline.is_some() => {
            let (date, text) = dateline
                .clone()
                .unwrap_or((PartialDate::year(year), String::new()));
            evidence.push(format!("the dateline \"{text}\""));
            date
        }
        (Some(cue), _, Some((d, text))) if past.as_ref().is_none_or(|(p, _)| p <= d) => {
            evidence.push(format!("\"{cue}\" with \"{text}\" ahead"));
            d.truncate(Granularity::Month)
        }
        (_, Some((d, text)), _) => {
            evidence.push(format!(
                "after \"{text}\", the latest date it reports as past"
            ));
            d.truncate(Granularity::Month)
        }
        _ => PartialDate::year(year),
    };
    Published {
        date: Some(date),
        time: None,
        zone: None,
        how: DateHow::Inferred,
        confidence,
        evidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_order_from_unambiguous_dates_then_month_names() {
        assert_eq!(
            numeric_order(&["07/27/2021, 10.16"]),
            Some(NumericOrder::MonthFirst)
        );
        assert_eq!(
            numeric_order(&["24/01/2017 15:55"]),
            Some(NumericOrder::DayFirst)
        );
        assert_eq!(
            numeric_order(&["on 22 July 2009"]),
            Some(NumericOrder::DayFirst)
        );
        assert_eq!(
            numeric_order(&["on July 22, 2009"]),
            Some(NumericOrder::MonthFirst)
        );
        assert_eq!(numeric_order(&["03/04/2021"]), None);
        // two-digit years and spaced dates do not vote
        assert_eq!(numeric_order(&["27.07.21", "27. 7. 2021"]), None);
    }

    #[test]
    fn header_line_dates_with_times() {
        let f = date_in_line("07/27/2021, 10.16", None).unwrap();
        assert_eq!(f.date.to_string(), "2021-07-27");
        assert_eq!(f.time.as_deref(), Some("10:16"));
        let f = date_in_line("03/04/2021 09:00", Some(NumericOrder::DayFirst)).unwrap();
        assert_eq!(f.date.to_string(), "2021-04-03");
        let f = date_in_line("03/04/2021", None).unwrap();
        assert_eq!(f.date.to_string(), "2021-03-04");
        // a two-digit year is passed over; dots follow `order`, month first
        let f = date_in_line("13.04.21, 03.04.2021", None).unwrap();
        assert_eq!(f.date.to_string(), "2021-03-04");
        assert_eq!(f.text, "03.04.2021");
        let f = date_in_line("on 4/5/1991", None).unwrap();
        assert_eq!(f.date.to_string(), "1991-04-05");
    }

    #[test]
    fn a_gmt_time_tagged_with_its_date_wins_over_the_local_time_after_it() {
        let line = "Page last updated at 16:40 GMT, Tuesday, 17 April 2018 18:40 Drevna";
        let f = date_in_line(line, None).unwrap();
        assert_eq!(f.date.to_string(), "2018-04-17");
        assert_eq!(f.time.as_deref(), Some("16:40"));
        assert_eq!(f.zone.as_deref(), Some("GMT"));
        let f = date_in_line("21:02 GMT, Wednesday, 22 July 2009", None).unwrap();
        assert_eq!(f.time.as_deref(), Some("21:02"));
        let f = date_in_line("Posted 22 July 2009 21:02", None).unwrap();
        assert_eq!(f.time.as_deref(), Some("21:02"));
    }

    #[test]
    fn datelines_give_month_and_day() {
        let (m, d, _) = dateline_of("CASTEL ORME, June 20 (Amarel Wire) - Velmara opened").unwrap();
        assert_eq!((m, d), (6, 20));
        let (m, d, _) = dateline_of("TOLVASH GORGE, Velmara, May 20 (Amarel Wire) - x").unwrap();
        assert_eq!((m, d), (5, 20));
        assert!(dateline_of("The talks began on June 20 - and ended").is_none());
        let (m, d, _) = dateline_of("PORT ILVA, SEPT. 3 - x").unwrap();
        assert_eq!((m, d), (9, 3));
        // English month names only
        assert!(dateline_of("PORT ILVA, Juli 3 - x").is_none());
    }

    fn clue(
        source: DateSource,
        date: &str,
        time: Option<&str>,
        zone: Option<&str>,
    ) -> DateCandidate {
        DateCandidate {
            raw: date.to_string(),
            date: date.parse().ok(),
            time: time.map(str::to_string),
            zone: zone.map(str::to_string),
            source,
            confidence: match source {
                DateSource::JsonLdPublished => 0.95,
                DateSource::MetaModified => 0.45,
                DateSource::Url => 0.7,
                DateSource::Text => 0.3,
                _ => 0.6,
            },
        }
    }

    fn chosen(meta: Vec<DateCandidate>) -> (String, Option<String>, Option<String>) {
        let clues = DatingClues {
            meta,
            ..DatingClues::default()
        };
        let p = date_from_sources(&clues, "");
        (
            p.date.map(|d| d.to_string()).unwrap_or_default(),
            p.time,
            p.zone,
        )
    }

    #[test]
    fn page_shown_dates_correct_metadata() {
        use DateSource::*;
        // republished: the page shows its modification date by the title
        let got = chosen(vec![
            clue(JsonLdPublished, "2017-08-21", None, None),
            clue(MetaModified, "2019-04-03", None, None),
            clue(Byline, "2019-04-03", None, None),
        ]);
        assert_eq!(got.0, "2019-04-03");
        // ... unless it also shows the first publication date
        let got = chosen(vec![
            clue(JsonLdPublished, "2017-08-21", None, None),
            clue(MetaModified, "2019-04-03", None, None),
            clue(Byline, "2017-08-21", None, None),
            clue(Byline, "2019-04-03", None, None),
        ]);
        assert_eq!(got.0, "2017-08-21");
        // the one day the page displays, days after its metadata date
        let got = chosen(vec![
            clue(MetaPublished, "2022-01-21", None, None),
            clue(TimeElement, "2022-01-25", None, None),
            clue(Text, "2022-01-25", None, None),
        ]);
        assert_eq!(got.0, "2022-01-25");
        // ... but not years later (another item's date)
        let got = chosen(vec![
            clue(MetaPublished, "2017-05-01", None, None),
            clue(Byline, "2020-02-26", None, None),
        ]);
        assert_eq!(got.0, "2017-05-01");
        // ... nor when the page displays several days
        let got = chosen(vec![
            clue(MetaPublished, "2022-01-21", None, None),
            clue(Byline, "2022-01-25", None, None),
            clue(Byline, "2022-01-27", None, None),
        ]);
        assert_eq!(got.0, "2022-01-21");
        // a month from the URL gives way to a day inside it
        let got = chosen(vec![
            clue(Url, "2018-08", None, None),
            clue(Text, "2018-08-02", None, None),
        ]);
        assert_eq!(got.0, "2018-08-02");
        // a UTC timestamp rendered in local time on the page
        let got = chosen(vec![
            clue(JsonLdPublished, "2023-11-09", Some("01:09"), Some("Z")),
            clue(Byline, "2023-11-08", Some("18:09"), None),
        ]);
        assert_eq!(
            got,
            (
                "2023-11-08".into(),
                Some("18:09".into()),
                Some("-07:00".into())
            )
        );
    }

    #[test]
    fn yearless_values() {
        assert_eq!(yearless("XXXX-06-11"), Some((6, Some(11))));
        assert_eq!(yearless("XXXX-12"), Some((12, None)));
        assert_eq!(yearless("2020-06-11"), None);
        assert_eq!(yearless("XXXX-WXX-1"), None);
    }
}
