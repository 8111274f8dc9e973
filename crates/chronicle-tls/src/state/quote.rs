//! The text a timeline entry quotes: the chosen sentence (or part of one)
//! without the time expressions that only repeat the entry's date.
//!
//! Under the heading "2010-06-16", "Obama on Wednesday pressured BP" says
//! nothing more than "Obama pressured BP", and "June 16 - Hayward meets…"
//! nothing more than "Hayward meets…": timelines state the event and leave
//! the date to the heading. The citation still points at the whole sentence.

use chronicle_model::{Document, Granularity, PartialDate, TimexType, MONTH_NAMES, WEEKDAY_NAMES};

/// Words that introduce a date and go with it when it is dropped.
const DATE_PREPOSITIONS: &[&str] = &[
    "on",
    "late on",
    "early on",
    "earlier on",
    "later on",
    "late",
    "early",
    "earlier",
    "later",
];

/// A date after one of these words belongs to the statement.
const KEEP_AFTER: &[&str] = &[
    "by", "until", "till", "since", "before", "after", "from", "to", "through", "of", "for",
    "than", "a", "an", "the", "this", "that", "its", "their", "his", "her", "our", "last", "next",
    "and", "or", "between", "as",
];

/// A date before one of these words is part of a longer time or a range.
const KEEP_BEFORE: &[&str] = &[
    "night",
    "nights",
    "morning",
    "mornings",
    "evening",
    "afternoon",
    "to",
    "through",
];

/// `range` (bytes of sentence `s` of `doc`) with the time expressions that
/// resolve to `date` removed, with the preposition that introduces each and
/// the punctuation that only set it off.
pub(crate) fn quote_without_date(
    doc: &Document,
    s: usize,
    range: (usize, usize),
    date: PartialDate,
) -> String {
    let Some(sentence) = doc.sentences.get(s) else {
        return String::new();
    };
    let text = &sentence.text;
    let (a, b) = range;
    let Some(quoted) = text.get(a..b) else {
        return text.clone();
    };
    if date.granularity() != Granularity::Day {
        return quoted.to_string();
    }
    // Byte ranges (relative to `quoted`) to cut.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for t in doc.timexes.iter().filter(|t| t.sentence == s) {
        if t.kind != TimexType::Date || t.modifier.is_some() {
            continue;
        }
        if t.value.parse::<PartialDate>().ok() != Some(date) || names_time_of_day(&t.text) {
            continue;
        }
        let (Some(start), Some(len)) = (
            t.start.checked_sub(sentence.start),
            t.end.checked_sub(t.start),
        ) else {
            continue;
        };
        let end = start + len;
        if start < a || end > b || text.get(start..end) != Some(t.text.as_str()) {
            continue;
        }
        if let Some(cut) = removable_span(quoted, start - a, end - a) {
            cuts.push(cut);
        }
    }
    if cuts.is_empty() {
        return quoted.to_string();
    }
    cuts.sort_unstable();
    let mut out = String::with_capacity(quoted.len());
    let mut at = 0;
    for &(x, y) in &cuts {
        if x < at {
            continue;
        }
        out.push_str(&quoted[at..x]);
        at = y;
    }
    out.push_str(&quoted[at..]);
    let opened = cuts.first().is_some_and(|c| c.0 == 0);
    tidy(&out, opened)
}

/// "Tuesday morning" says more than its date.
fn names_time_of_day(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "morning",
        "afternoon",
        "evening",
        "night",
        "noon",
        "midnight",
        "dawn",
        "dusk",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// The bytes to cut for a date at `start..end` of `text`, or `None` when it
/// is part of the statement ("Friday's vote", "Friday was the deadline",
/// "by Friday").
fn removable_span(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let before = &text[..start];
    let after = &text[end..];
    let after_trim = after.trim_start();
    if after.starts_with("'s") || after.starts_with("\u{2019}s") || after_trim.starts_with("'s") {
        return None;
    }
    // Compared without case, in place: lower-casing may change byte lengths.
    let head = before.trim_end();
    let ends_with_word = |p: &str| {
        let Some(at) = head.len().checked_sub(p.len()) else {
            return false;
        };
        head.is_char_boundary(at)
            && head[at..].eq_ignore_ascii_case(p)
            && head[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    };
    // At the start of the sentence: a chronology's "June 16 - ", or an
    // introductory "On Friday, ".
    let preposition = DATE_PREPOSITIONS
        .iter()
        .filter(|p| ends_with_word(p))
        .map(|p| p.len())
        .max();
    let cut_start = match preposition {
        Some(len) => head.len() - len,
        None => start,
    };
    let opening = text[..cut_start].trim().is_empty();
    if opening {
        // "June 16 - x", "On Friday, x", "Friday: x"; a bare date opening a
        // sentence is its subject ("Friday was…") and stays.
        let rest = after_trim;
        let sep = ["-", "\u{2013}", "\u{2014}", ":", ","]
            .iter()
            .find(|s| rest.starts_with(*s));
        return match (sep, preposition) {
            (Some(sep), _) => {
                let skip = after.len() - rest.len() + sep.len();
                let tail = &text[end + skip..];
                Some((0, end + skip + (tail.len() - tail.trim_start().len())))
            }
            (None, Some(_)) => Some((0, end + (after.len() - after_trim.len()))),
            (None, None) => None,
        };
    }
    // Inside the sentence: "Obama on Wednesday pressured", "said Friday",
    // ", on Friday, ". Not after words that make the date part of the claim
    // ("by Friday", "since June 1") or a noun phrase ("an April 20 blast").
    if preposition.is_none() {
        // A bare date needs a plain word before it ("said Friday"), not
        // punctuation ("Egypt, Sunday is expected…", "Friday, Saturday").
        let prev = head.split_whitespace().next_back().unwrap_or("");
        let kept = KEEP_AFTER.iter().any(|k| k.eq_ignore_ascii_case(prev));
        if kept || !prev.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
    }
    // Part of a longer time ("Tuesday night") or of a list of dates
    // ("Friday, Saturday and Sunday", "Friday or Monday"; but "on Tuesday,
    // and Ostrany responded" is a new clause).
    let mut words = after_trim
        .trim_start_matches(',')
        .split_whitespace()
        .map(|w| {
            w.trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
    let next = words.next().unwrap_or_default();
    let names_a_date = |word: &str| {
        MONTH_NAMES
            .iter()
            .chain(WEEKDAY_NAMES.iter())
            .any(|n| n.eq_ignore_ascii_case(word))
            || word.starts_with(|c: char| c.is_ascii_digit())
    };
    let listed = (next == "and" || next == "or") && words.next().is_some_and(|w| names_a_date(&w));
    if KEEP_BEFORE.contains(&next.as_str()) || listed || names_a_date(&next) {
        return None;
    }
    // Take the space before.
    let mut x = cut_start;
    while x > 0 && text[..x].ends_with(' ') {
        x -= 1;
    }
    let mut y = end;
    // A pair of commas around the date becomes none, and so does a comma
    // that would end the sentence (", on Wednesday.").
    let closes = after_trim.is_empty() || after_trim.starts_with(['.', ';', ')']);
    if text[..x].ends_with(',') && (after_trim.starts_with(',') || closes) {
        x -= 1;
        if after_trim.starts_with(',') {
            y = end + (after.len() - after_trim.len()) + 1;
        }
    }
    Some((x, y))
}

/// Trims, and capitalises the new first word when the opening was cut.
fn tidy(text: &str, opened: bool) -> String {
    let trimmed = text.trim();
    let mut chars = trimmed.chars();
    match chars.next() {
        Some(first) if opened => first.to_uppercase().chain(chars).collect(),
        _ => trimmed.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_model::{Sentence, Timex};

    /// One case per line of `quote/cases.tsv`: the entry's date, a sentence
    /// with its time expressions written `[text|value]`, the quote expected.
    #[test]
    fn quotes_drop_only_dates_the_heading_repeats() {
        let cases = include_str!("../../tests/fixtures/quote/cases.tsv");
        let mut checked = 0;
        for line in cases
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "bad fixture line: {line}");
            let date: PartialDate = fields[0].parse().expect("fixture date");
            let doc = document(fields[1]);
            let len = doc.sentences[0].text.len();
            let got = quote_without_date(&doc, 0, (0, len), date);
            assert_eq!(got, fields[2], "for {line}");
            checked += 1;
        }
        assert!(checked >= 10);
    }

    /// Any span of any sentence, however odd its characters: no panic, and
    /// the quote is made of the sentence's own words.
    #[test]
    fn quotes_never_panic_on_odd_text() {
        let sentences = [
            "İSTANBUL on Friday ÇOK said Friday, İİ on Friday.",
            "on on on Friday - - : ,",
            "Ω late on Friday late",
            "",
            " , ; - ",
        ];
        let date: PartialDate = "2031-03-14".parse().expect("date");
        for text in sentences {
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for (i, &a) in bounds.iter().enumerate() {
                for &b in &bounds[i..] {
                    let doc = Document {
                        sentences: vec![Sentence {
                            text: text.to_string(),
                            start: 0,
                            end: text.len(),
                        }],
                        timexes: vec![Timex {
                            text: text[a..b].to_string(),
                            start: a,
                            end: b,
                            sentence: 0,
                            kind: TimexType::Date,
                            value: "2031-03-14".to_string(),
                            modifier: None,
                        }],
                        body: text.to_string(),
                        ..Document::default()
                    };
                    let quote = quote_without_date(&doc, 0, (0, text.len()), date);
                    assert!(quote.len() <= text.len(), "{text:?} {a}..{b}: {quote:?}");
                    let quote = quote_without_date(&doc, 0, (a, b), date);
                    assert!(quote.len() <= b - a, "{text:?} {a}..{b}: {quote:?}");
                }
            }
        }
    }

    /// A one-sentence document whose `[text|value]` marks become timexes.
    fn document(marked: &str) -> Document {
        let mut text = String::new();
        let mut timexes = Vec::new();
        let mut rest = marked;
        while let Some(open) = rest.find('[') {
            text.push_str(&rest[..open]);
            let close = rest[open..].find(']').expect("closing bracket") + open;
            let (words, value) = rest[open + 1..close].split_once('|').expect("text|value");
            timexes.push(Timex {
                text: words.to_string(),
                start: text.len(),
                end: text.len() + words.len(),
                sentence: 0,
                kind: TimexType::Date,
                value: value.to_string(),
                modifier: None,
            });
            text.push_str(words);
            rest = &rest[close + 1..];
        }
        text.push_str(rest);
        Document {
            sentences: vec![Sentence {
                text: text.clone(),
                start: 0,
                end: text.len(),
            }],
            timexes,
            body: text,
            ..Document::default()
        }
    }
}
