//! Content terms of a sentence, for similarity between sentences.
//!
//! Terms are lower-cased words with stop words removed, cut to their first
//! six letters: a crude stemmer that also absorbs typos at the end of words
//! ("withdrawl", "withdrawal", "withdraw") and costs nothing.

use chronicle_model::{MONTH_NAMES as MONTHS, WEEKDAY_NAMES as WEEKDAYS};
use std::collections::{BTreeMap, HashMap};

const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "april",
    "are",
    "as",
    "at",
    "august",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "day",
    "december",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "end",
    "even",
    "february",
    "few",
    "for",
    "friday",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "january",
    "july",
    "june",
    "just",
    "last",
    "many",
    "march",
    "may",
    "me",
    "might",
    "monday",
    "month",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "new",
    "no",
    "nor",
    "not",
    "november",
    "now",
    "october",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "said",
    "same",
    "saturday",
    "says",
    "september",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "sunday",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "thursday",
    "time",
    "to",
    "today",
    "too",
    "tuesday",
    "two",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "we",
    "wednesday",
    "week",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "year",
    "years",
    "yesterday",
    "you",
    "your",
];

fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.binary_search(&w).is_ok()
}

/// The content terms of `text`, in order, with repeats.
pub fn terms(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() > 1 && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !is_stop_word(w))
        .map(|w| w.chars().take(6).collect())
        .collect()
}

/// Words that open a sentence and rarely follow a lower-case word inside one.
const SENTENCE_OPENERS: &[&str] = &[
    "A", "An", "He", "Her", "His", "It", "Its", "She", "The", "Their", "There", "These", "They",
    "This", "Those", "We",
];

/// Lower-case words after which a capitalised opener is still inside the
/// sentence ("of The Times", "said The Guardian").
const BEFORE_TITLES: &[&str] = &[
    "according",
    "and",
    "at",
    "by",
    "for",
    "from",
    "in",
    "of",
    "on",
    "reported",
    "said",
    "says",
    "than",
    "the",
    "to",
    "told",
    "with",
    "wrote",
];

/// Whitespace-separated tokens of `text` with their byte ranges.
fn token_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// Whether `t` is a clock time ("12.07", "4:35", "10:10").
fn is_clock(t: &str) -> bool {
    t.split_once([':', '.']).is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
    })
}

/// Tokens a web page's dateline takes from `tokens[i]` on ("Tuesday 20 July
/// 2010 12.07 BST", "Tuesday, September 30, 2008; 10:10 AM", "Thursday,
/// October 23, 2008; Page A01"), or 0.
fn dateline_length(tokens: &[&str], i: usize) -> usize {
    let at = |k: usize| {
        tokens
            .get(i + k)
            .copied()
            .unwrap_or("")
            .trim_end_matches([',', ';'])
    };
    let digits = |t: &str, min: usize, max: usize| {
        (min..=max).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit())
    };
    let day_month = digits(at(1), 1, 2) && MONTHS.contains(&at(2));
    let month_day = MONTHS.contains(&at(1)) && digits(at(2), 1, 2);
    if !(WEEKDAYS.contains(&at(0)) && (day_month || month_day) && digits(at(3), 4, 4)) {
        return 0;
    }
    let mut n = 4;
    if is_clock(at(n)) {
        n += 1;
        let zone = at(n);
        if (2..=4).contains(&zone.len()) && zone.chars().all(|c| c.is_ascii_uppercase()) {
            n += 1;
        }
    } else if at(n) == "Page" {
        n += 2;
    }
    n.min(tokens.len() - i)
}

/// Tokens of page furniture starting at `tokens[i]` that no summary should
/// quote, or 0: a `|` separator, a bullet, a page dateline, a time stamp, a
/// photo credit, or a parenthesised update stamp or credit. `part_start`:
/// nothing quotable precedes `i` since the last boundary.
fn junk_length(tokens: &[&str], i: usize, part_start: bool) -> usize {
    let token = tokens[i];
    // "•" read as Latin-1 and transliterated ("… leak cents Obama says …").
    let bullet = token == "cents"
        && i > 0
        && !tokens[i - 1].chars().any(|c| c.is_ascii_digit())
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.starts_with(char::is_uppercase));
    let leading_dash = part_start && matches!(token, "-" | "--" | "\u{2013}" | "\u{2014}");
    if token == "|" || token == "\u{2022}" || bullet || leading_dash {
        return 1;
    }
    let n = dateline_length(tokens, i);
    if n > 0 {
        return n;
    }
    let n = stamp_length(tokens, i, part_start);
    if n > 0 {
        return n;
    }
    let n = photo_credit_length(tokens, i);
    if n > 0 {
        return n;
    }
    let n = byline_length(tokens, i);
    if n > 0 {
        return n;
    }
    let n = capitals_length(tokens, i);
    if n > 0 {
        return n;
    }
    parenthetical_length(tokens, i, part_start)
}

/// Whether `t` is a word in capitals ("NEW", "ORLEANS,", "U.S.").
fn is_capitals(t: &str) -> bool {
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && t.chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | ',' | '-' | '\'' | ':'))
}

/// Tokens of a headline in capitals from `tokens[i]` ("NEW CAP FOR LEAKING
/// OIL WELL"): three or more words in capitals, or 0.
fn capitals_length(tokens: &[&str], i: usize) -> usize {
    if i > 0 && is_capitals(tokens[i - 1]) {
        return 0;
    }
    let n = tokens[i..].iter().take_while(|t| is_capitals(t)).count();
    if n >= 3 && i + n < tokens.len() {
        n
    } else {
        0
    }
}

/// Tokens of a byline from `tokens[i]` ("By Michael D. Shear and Robert
/// Barnes"), or 0: "By" and one or more names of two or three capitalised
/// words joined by "and".
fn byline_length(tokens: &[&str], i: usize) -> usize {
    if tokens[i] != "By" {
        return 0;
    }
    let name_word = |t: &str| {
        let mut c = t.chars();
        c.next().is_some_and(char::is_uppercase)
            && t.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
            && !WEEKDAYS.contains(&t)
            && !MONTHS.contains(&t)
    };
    let initial = |t: &str| t.len() == 2 && t.ends_with('.') && t.starts_with(char::is_uppercase);
    let mut n = 1;
    loop {
        let at = |k: usize| tokens.get(i + k).copied().unwrap_or("");
        if !(name_word(at(n)) && (name_word(at(n + 1)) || initial(at(n + 1)))) {
            return if n > 1 { n } else { 0 };
        }
        n += 2;
        if initial(at(n - 1)) {
            if !name_word(at(n)) {
                return 0;
            }
            n += 1;
        }
        if at(n) != "and" {
            return if i + n < tokens.len() { n } else { 0 };
        }
        n += 1;
    }
}

/// Longest parenthesis dropped as an update stamp or a credit.
const STAMP_TOKENS: usize = 15;

const CLOCK_WORDS: &[&str] = &[
    "am", "pm", "a.m.", "p.m.", "AM", "PM", "UK", "time", "local",
];

const STAMP_CONNECTORS: &[&str] = &[
    ",", ";", "|", "-", "--", "Last", "updated", "Updated", "at", "Help",
];

/// Whether `t` (trimmed of punctuation) is a time zone ("GMT", "ET", "BST").
fn is_zone(t: &str) -> bool {
    (2..=4).contains(&t.len())
        && t.chars().all(|c| c.is_ascii_uppercase())
        && (t.ends_with('T') || t == "UTC")
}

/// Tokens of a time stamp starting at `tokens[i]` ("15 February 12 22:17
/// GMT", "09:55 UK time , Thursday , 6 January 2011", "6 January 2011 Last
/// updated at 18:51 GMT Help", "3.40 pm:"), or 0. A run of date and clock
/// words with a clock time, at the start of a part or with a zone, a weekday
/// or a month in it (not "after 8.30 am, the …").
fn stamp_length(tokens: &[&str], i: usize, part_start: bool) -> usize {
    let plain = |t: &str| {
        t.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')'))
            .to_string()
    };
    let month = |t: &str| {
        let t = t.trim_end_matches('.');
        t.len() >= 3 && MONTHS.iter().any(|m| m.starts_with(t))
    };
    let weekday = |t: &str| t.len() >= 3 && WEEKDAYS.iter().any(|w| w.starts_with(t));
    let number = |t: &str| (1..=4).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit());
    let first = plain(tokens[i]);
    if !(number(&first) || is_clock(&first) || month(&first) || weekday(&first)) {
        return 0;
    }
    if i > 0
        && matches!(
            tokens[i - 1],
            "at" | "by" | "from" | "until" | "after" | "before" | "since"
        )
    {
        return 0;
    }
    let mut n = 0;
    let (mut clock, mut named) = (false, false);
    let mut end = 0;
    for t in &tokens[i..] {
        let p = plain(t);
        let c = is_clock(&p);
        let z = is_zone(&p);
        let d = month(&p) || weekday(&p);
        let word = number(&p) || CLOCK_WORDS.contains(&p.as_str());
        let connector = p.is_empty() || STAMP_CONNECTORS.contains(&p.as_str());
        if !(c || z || d || word || connector) {
            break;
        }
        clock |= c;
        named |= z || d;
        n += 1;
        if !connector || p == "Help" || (p == "-" || p == "--") && clock {
            end = n;
        }
    }
    if clock && (part_start || named) && i + end < tokens.len() {
        end
    } else {
        0
    }
}

/// Tokens of a photo credit starting at `tokens[i]` ("Photograph: Gerald
/// Herbert/AP", "Photograph: PA"), or 0.
fn photo_credit_length(tokens: &[&str], i: usize) -> usize {
    if !matches!(
        tokens[i],
        "Photograph:" | "Photo:" | "Photos:" | "Picture:" | "Illustration:"
    ) {
        return 0;
    }
    let rest = &tokens[i + 1..tokens.len().min(i + 7)];
    match rest.iter().position(|t| t.contains('/')) {
        Some(k) => k + 2,
        None => 2.min(tokens.len() - i),
    }
}

/// Tokens of a parenthesis starting at `tokens[i]` that is an update stamp or
/// a credit ("(Update 9:45 p.m. Cairo, 2:45 p.m. ET)", "(By Ann Lee --
/// Associated Press)", "(Ann Lee/Reuters)"), with a dash after it, or 0. At
/// the start of a part any short parenthesis is one.
fn parenthetical_length(tokens: &[&str], i: usize, part_start: bool) -> usize {
    if !tokens[i].starts_with('(') {
        return 0;
    }
    let mut depth = 0i32;
    let mut close = None;
    for (k, t) in tokens[i..tokens.len().min(i + STAMP_TOKENS)]
        .iter()
        .enumerate()
    {
        depth += t.matches('(').count() as i32 - t.matches(')').count() as i32;
        if depth <= 0 {
            close = Some(k);
            break;
        }
    }
    let Some(k) = close else { return 0 };
    let group = &tokens[i..=i + k];
    let stamp = group
        .iter()
        .any(|t| is_clock(t.trim_matches(|c: char| !c.is_ascii_digit())));
    let credit = group.iter().any(|t| t.contains('/')) || tokens[i] == "(By";
    let mut n = k + 1;
    while tokens
        .get(i + n)
        .is_some_and(|t| matches!(*t, "-" | "--" | "\u{2013}" | "\u{2014}"))
    {
        n += 1;
    }
    if (part_start || stamp || credit) && i + n < tokens.len() {
        n
    } else {
        0
    }
}

/// Whether a new sentence starts at `next` after `prev` with no punctuation
/// between them: after a quotation closed right after a word (a headline's
/// `"…well'`, not `…had,"` before its attribution nor a possessive `Residents'`
/// outside a quotation), or a lower-case word before an opener.
fn run_on_boundary(prev: &str, next: &str, quote_open: bool) -> bool {
    let starts_upper = next.chars().next().is_some_and(char::is_uppercase);
    let mut back = prev.chars().rev();
    let closes_quote = quote_open
        && back
            .next()
            .is_some_and(|c| matches!(c, '\'' | '"' | '\u{2019}' | '\u{201d}'))
        && back.next().is_some_and(char::is_alphanumeric);
    let lower_word = prev.chars().all(|c| c.is_lowercase()) && !BEFORE_TITLES.contains(&prev);
    // A pronoun opens no title, so it starts a sentence after a capitalised
    // word too (a caption's "… into the Atlantic It emerged …").
    let pronoun = matches!(next, "It" | "He" | "She" | "They" | "We")
        && prev.ends_with(char::is_alphanumeric);
    (closes_quote && starts_upper) || (lower_word && SENTENCE_OPENERS.contains(&next)) || pronoun
}

/// Whether `token` opens a quotation.
fn opens_quote(token: &str) -> bool {
    token.starts_with(['"', '\'', '`', '\u{2018}', '\u{201c}'])
}

/// A news agency's dateline ends this early in a sentence, if anywhere.
const WIRE_DATELINE_TOKENS: usize = 25;

/// Where the text after a news agency's dateline starts ("BEIRUT | Mon Mar
/// 21, 2011 3:30 pm GMT BEIRUT (Reuters) - Four days…"), or 0.
fn after_wire_dateline(tokens: &[&str]) -> usize {
    let dash = |t: &str| matches!(t, "-" | "--" | "\u{2013}" | "\u{2014}");
    let head = &tokens[..tokens.len().min(WIRE_DATELINE_TOKENS)];
    if let Some(after) = after_city_dateline(head) {
        return after;
    }
    for (i, t) in head.iter().enumerate() {
        if !(t.starts_with('(') && t[1..].starts_with(|c: char| c.is_ascii_uppercase())) {
            continue;
        }
        // The credit: "(Reuters)", "(Amarel Wire)", then a dash.
        for j in i..tokens.len().min(i + 3) {
            if tokens[j].ends_with(')') {
                if tokens.get(j + 1).is_some_and(|n| dash(n)) {
                    return j + 2;
                }
                break;
            }
        }
    }
    0
}

/// Where the text after a newspaper's dateline starts ("NEW ORLEANS --",
/// "VENICE, Louisiana --", "PARIS, Dec. 4 --"), if one ends in `head`: a
/// city in capitals, then at most a region and a date, then a double dash.
fn after_city_dateline(head: &[&str]) -> Option<usize> {
    let dash = head.iter().position(|t| matches!(*t, "--" | "\u{2014}"))?;
    let mut start = dash;
    while start > 0 && dash - start < 6 {
        let t = head[start - 1];
        let region = t.starts_with(char::is_uppercase) || t.chars().all(|c| c.is_ascii_digit());
        if !(is_capitals(t) || region) {
            break;
        }
        start -= 1;
    }
    // The city comes first: move to the first word in capitals.
    while start < dash && !is_capitals(head[start]) {
        start += 1;
    }
    let span = &head[start..dash];
    let city = span
        .iter()
        .any(|t| is_capitals(t) && t.chars().filter(|c| c.is_alphabetic()).count() >= 3);
    // "… known as NATO -- which …" is a sentence, not a dateline.
    let inside_sentence = start > 0
        && head[start - 1].chars().all(char::is_lowercase)
        && span.iter().filter(|t| is_capitals(t)).count() < 2;
    (city && !inside_sentence).then_some(dash + 1)
}

/// Whether `text` carries a reader comment's header ("Posted by: name |
/// September 19, 2008 4:35 PM | Report abuse"): a `|` separator and a clock
/// time outside a news agency's dateline. Comments are opinion, and their
/// timestamps are not events.
pub fn is_reader_comment(text: &str) -> bool {
    let spans = token_spans(text);
    let tokens: Vec<&str> = spans.iter().map(|&(a, b)| &text[a..b]).collect();
    let rest = &tokens[after_wire_dateline(&tokens)..];
    let clock = |t: &&str| t.contains(':') && is_clock(t.trim_end_matches(char::is_alphabetic));
    rest.contains(&"|") && rest.iter().any(clock)
}

/// A piece split off a sentence: it opens with a lower-case word ("makes a
/// statement in New York…"; "iPhone", "eBay" are names and do not count) or
/// with the tail of a parenthesis ("L) oil spill…").
pub fn is_fragment(text: &str) -> bool {
    let Some(first) = text.split_whitespace().next() else {
        return true;
    };
    let word: &str = first.trim_end_matches(|c: char| !c.is_alphanumeric());
    let all_lower = !word.is_empty() && word.chars().all(|c| c.is_lowercase());
    let closes = first.len() <= 3 && first.ends_with(')') && !first.starts_with('(');
    all_lower || closes || first.starts_with([')', ',', ';'])
}

/// Byte ranges of the sentences run together in `text` without punctuation,
/// as a web page's headline, standfirst, dateline, photo caption and first
/// sentence often are once its lines are joined. Datelines (a page's, or a
/// news agency's with its credit) and `|` separators are left out. A single
/// range covers an ordinary sentence.
pub fn run_on_parts(text: &str) -> Vec<(usize, usize)> {
    let spans = token_spans(text);
    let tokens: Vec<&str> = spans.iter().map(|&(a, b)| &text[a..b]).collect();
    let mut parts = Vec::new();
    let mut part_start: Option<usize> = None;
    let mut i = after_wire_dateline(&tokens);
    let mut quote_open = false;
    while i < tokens.len() {
        let dateline = junk_length(&tokens, i, part_start.is_none());
        let boundary = dateline > 0
            || (part_start.is_some() && run_on_boundary(tokens[i - 1], tokens[i], quote_open));
        if boundary {
            quote_open = false;
            if let Some(s) = part_start.take() {
                parts.push((spans[s].0, spans[i - 1].1));
            }
        }
        quote_open |= dateline == 0 && opens_quote(tokens[i]);
        if dateline > 0 {
            i += dateline;
            continue;
        }
        part_start.get_or_insert(i);
        i += 1;
    }
    if let Some(s) = part_start {
        parts.push((spans[s].0, spans[tokens.len() - 1].1));
    }
    parts
}

/// A bag of terms with counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermBag {
    pub counts: BTreeMap<String, f64>,
}

impl TermBag {
    pub fn of(text: &str) -> Self {
        let mut counts = BTreeMap::new();
        for t in terms(text) {
            *counts.entry(t).or_insert(0.0) += 1.0;
        }
        TermBag { counts }
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    pub fn add(&mut self, other: &TermBag, weight: f64) {
        for (t, c) in &other.counts {
            *self.counts.entry(t.clone()).or_insert(0.0) += c * weight;
        }
    }

    /// Each count multiplied by the term's inverse document frequency.
    pub fn weighted(&self, idf: &Idf) -> TermBag {
        TermBag {
            counts: self
                .counts
                .iter()
                .map(|(t, c)| (t.clone(), c * idf.of(t)))
                .collect(),
        }
    }

    pub fn norm(&self) -> f64 {
        self.counts.values().map(|c| c * c).sum::<f64>().sqrt()
    }

    pub fn cosine(&self, other: &TermBag) -> f64 {
        let (small, large) = if self.counts.len() <= other.counts.len() {
            (self, other)
        } else {
            (other, self)
        };
        let dot: f64 = small
            .counts
            .iter()
            .filter_map(|(t, c)| large.counts.get(t).map(|d| c * d))
            .sum();
        let n = self.norm() * other.norm();
        if n == 0.0 {
            0.0
        } else {
            dot / n
        }
    }
}

/// Inverse document frequencies over a collection of texts.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    docs: f64,
    df: HashMap<String, f64>,
}

impl Idf {
    pub fn new<'a>(bags: impl IntoIterator<Item = &'a TermBag>) -> Self {
        let mut idf = Idf::default();
        for bag in bags {
            idf.docs += 1.0;
            for t in bag.counts.keys() {
                *idf.df.entry(t.clone()).or_insert(0.0) += 1.0;
            }
        }
        idf
    }

    pub fn of(&self, term: &str) -> f64 {
        let df = self.df.get(term).copied().unwrap_or(0.0);
        ((1.0 + self.docs) / (1.0 + df)).ln() + 1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_of_split_sentences() {
        for text in [
            "makes a statement at the harbour, announcing the closure.",
            "L) shares fell 4 percent in early trading.",
            ", the minister said.",
            "",
        ] {
            assert!(is_fragment(text), "{text:?}");
        }
        for text in [
            "The dam opened on Friday.",
            "iPhone sales rose in the quarter.",
            "eBay said it would appeal.",
            "(Reuters) The dam opened.",
            "\"We will appeal,\" she said.",
        ] {
            assert!(!is_fragment(text), "{text:?}");
        }
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn terms_absorb_suffixes_and_typos() {
        assert_eq!(
            terms("The full withdrawl of U.S. troops"),
            vec!["full", "withdr", "troops"]
        );
        assert_eq!(terms("withdrawal withdraw"), vec!["withdr", "withdr"]);
    }

    #[test]
    fn cosine_of_related_sentences_beats_unrelated() {
        let a = TermBag::of("withdraw all US troops from Iraq by the end of 2011");
        let b = TermBag::of("ahead of the full withdrawl of U.S. troops from Iraq");
        let c = TermBag::of("the price of oil rose sharply in Asian markets");
        assert!(a.cosine(&b) > 0.5);
        assert_eq!(a.cosine(&c), 0.0);
    }

    #[test]
    fn run_on_lines_split_into_sentences() {
        let check = |text: &str, want: &[&str]| {
            let got: Vec<&str> = run_on_parts(text)
                .iter()
                .map(|&(a, b)| &text[a..b])
                .collect();
            assert_eq!(got, want, "{text}");
        };
        check(
            "Harbour cranes stopped, the port said on Monday.",
            &["Harbour cranes stopped, the port said on Monday."],
        );
        check(
            "Ferry strike \"ends in deal' Union says crews return Friday 3 March 2023 10.15 GMT The strike ended after talks.",
            &["Ferry strike \"ends in deal'", "Union says crews return", "The strike ended after talks."],
        );
        check(
            "Cranes idle for a week The port stayed shut, said The Harbour Gazette.",
            &[
                "Cranes idle for a week",
                "The port stayed shut, said The Harbour Gazette.",
            ],
        );
        check("Tuesday 4 April 2023", &[]);
        check(
            "We want the old river back,\" Kadar told Harbour Radio on Monday.",
            &["We want the old river back,\" Kadar told Harbour Radio on Monday."],
        );
        check(
            "Updated 4 April: adds reaction from the Dock Workers' Union.",
            &["Updated 4 April: adds reaction from the Dock Workers' Union."],
        );
        check(
            "PORT ELLA, April 4 (Harbour Wire) - Dock workers walked out.",
            &["Dock workers walked out."],
        );
        check(
            "Tuesday, April 4, 2023; 10:10 AM Dock workers walked out.",
            &["Dock workers walked out."],
        );
        check(
            "Tuesday, April 4, 2023; Page A01 Dock workers walked out.",
            &["Dock workers walked out."],
        );
        check(
            "HARBOURTON | Tue Apr 4, 2023 3:30 pm GMT HARBOURTON (Wire) - Dock workers walked out on Tuesday.",
            &["Dock workers walked out on Tuesday."],
        );
        check(
            "Posted by: reader | April 4, 2023 1:50 PM | Report abuse The strike is long overdue.",
            &[
                "Posted by: reader",
                "Report abuse",
                "The strike is long overdue.",
            ],
        );
        let walked = &["Dock workers walked out."];
        for furniture in [
            "Photograph: Ann Lee/HarbourWire",
            "Photograph: PA",
            "(Update 9:45 p.m. Port Ella, 2:45 p.m. ET)",
            "-- (Updated 5:31 p.m. (0031 in Ruvania))",
            "(By Ann Lee -- Harbour Wire)",
            "(Ann Lee/HarbourWire)",
            "15 March 23 22:17 GMT",
            "09:55 UK time , Thursday , 6 April 2023",
            "6 April 2023 Last updated at 18:51 GMT Help",
            "3.40 pm:",
            "2:30 pm ET -",
            "PORT ELLA, Ruvania --",
            "Strike Ends Harbour Wire PORT ELLA, April 4 --",
            "Crane via Wire NEW HAVEN --",
        ] {
            check(&format!("{furniture} Dock workers walked out."), walked);
        }
        check(
            "Strike deal reached cents Union backs the pay offer cents Ferries run again",
            &[
                "Strike deal reached",
                "Union backs the pay offer",
                "Ferries run again",
            ],
        );
        check(
            "Cranes stand idle By Ann Lee and Tom D. Dray Dock workers walked out.",
            &["Cranes stand idle", "Dock workers walked out."],
        );
        check(
            "NEW CAP FOR THE PORT When the cranes stopped, traffic halted.",
            &["When the cranes stopped, traffic halted."],
        );
        check(
            "A storm crossed the Atlantic It reached the port on Monday.",
            &[
                "A storm crossed the Atlantic",
                "It reached the port on Monday.",
            ],
        );
        for plain in [
            "Instead, shortly after 8.30 am, the union called off the strike.",
            "At 1.20 pm a group of dockers led the march.",
            "The fare rose by 50 cents Tuesday.",
            "By Friday the strike had ended.",
            "The deal -- struck at night -- ended the strike.",
            "Cranes stopped at 12:30 GMT on Monday.",
            "The dockers (about 300 of them) walked out.",
            "The alliance, known as NATO -- which met on Monday -- agreed.",
        ] {
            check(plain, &[plain]);
        }
        assert!(run_on_parts("  ").is_empty());
        assert!(is_reader_comment(
            "Posted by: reader | April 4, 2023 1:50 PM | Report abuse The strike is long overdue."
        ));
        assert!(is_reader_comment(
            "April 4, 2023 at 5:42 pm | I back the strike."
        ));
        assert!(!is_reader_comment(
            "HARBOURTON | Tue Apr 4, 2023 3:30 pm GMT HARBOURTON (Wire) - Dock workers walked out at 10:00."
        ));
        assert!(!is_reader_comment(
            "By Staff | April 4, 2023 Dock workers walked out."
        ));
    }
}
