//! Content terms of a sentence, for similarity between sentences.
//!
//! Terms are lower-cased words with stop words removed, cut to their first
//! six letters: a crude stemmer that also absorbs typos at the end of words
//! ("withdrawl", "withdrawal", "withdraw") and costs nothing.

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

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
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
    (closes_quote && starts_upper) || (lower_word && SENTENCE_OPENERS.contains(&next))
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
        let dateline = if tokens[i] == "|" {
            1
        } else {
            dateline_length(&tokens, i)
        };
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
                "April 4, 2023 1:50 PM",
                "Report abuse",
                "The strike is long overdue.",
            ],
        );
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
