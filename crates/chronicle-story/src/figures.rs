//! Figures read from article bodies ("about 2,500 U.S. troops in Iraq") and
//! tracked over time across documents as series.
//!
//! A figure is a number with what it counts (a noun or a measure unit), the
//! side it belongs to (a nationality), the place it holds in and the date it
//! holds for. Numbers that are dates, times, ages, ordinals, phone or
//! reference numbers are not figures.

use chronicle_model::{
    format_value, Approx, Conflict, Document, Fact, PartialDate, Series, SeriesPoint, TimexType,
};
use regex::Regex;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

/// Word lists the extractor reads from `data/figures-*.tsv`.
struct Tables {
    nouns: HashMap<String, String>,
    nationalities: HashMap<String, String>,
    /// Longest phrase first.
    hedges: Vec<(String, Approx)>,
    /// Longest phrase first.
    units: Vec<(String, String)>,
    states: HashMap<String, String>,
}

fn tsv(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.trim(), b.trim()))
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let nouns = tsv(include_str!("../data/figures-nouns.tsv"))
            .map(|(a, b)| (a.to_lowercase(), b.to_string()))
            .collect();
        let nationalities = tsv(include_str!("../data/figures-nationalities.tsv"))
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        let mut hedges: Vec<(String, Approx)> = tsv(include_str!("../data/figures-hedges.tsv"))
            .filter_map(|(a, b)| {
                let approx = match b {
                    "about" => Approx::About,
                    "at_most" => Approx::AtMost,
                    "at_least" => Approx::AtLeast,
                    "exact" => Approx::Exact,
                    _ => return None,
                };
                Some((a.to_lowercase(), approx))
            })
            .collect();
        hedges.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let mut units: Vec<(String, String)> = tsv(include_str!("../data/figures-units.tsv"))
            .map(|(a, b)| (a.to_lowercase(), b.to_string()))
            .collect();
        units.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let states = tsv(include_str!("../data/figures-states.tsv"))
            .map(|(a, b)| (a.to_lowercase(), b.to_string()))
            .collect();
        Tables {
            nouns,
            nationalities,
            hedges,
            units,
            states,
        }
    })
}

/// A token of a sentence: a word, a number or one punctuation character.
#[derive(Debug, Clone)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn tokenize(text: &str) -> Vec<Token<'_>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?:[A-Z]\.){2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]",
        )
        .expect("token pattern is valid")
    });
    re.find_iter(text)
        .map(|m| Token {
            text: m.as_str(),
            start: m.start(),
            end: m.end(),
        })
        .collect()
}

fn is_number(t: &str) -> bool {
    t.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

fn parse_number(t: &str) -> Option<f64> {
    t.replace(',', "").parse().ok()
}

fn number_word(w: &str) -> Option<f64> {
    let v = match w.to_lowercase().as_str() {
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "dozen" => 12.0,
        _ => return None,
    };
    Some(v)
}

fn scale_word(w: &str) -> Option<f64> {
    match w.to_lowercase().as_str() {
        "hundred" => Some(100.0),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// The value of a run of number words ("twenty-five", "two thousand", "a dozen").
fn number_words_value(words: &[&str]) -> Option<f64> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut any = false;
    for w in words {
        for part in w.split('-') {
            if let Some(v) = number_word(part) {
                current += v;
                any = true;
            } else if let Some(s) = scale_word(part) {
                if current == 0.0 {
                    current = 1.0;
                }
                if s == 100.0 {
                    current *= s;
                } else {
                    total += current * s;
                    current = 0.0;
                }
                any = true;
            } else if !matches!(part.to_lowercase().as_str(), "and" | "a") {
                return None;
            }
        }
    }
    any.then_some(total + current)
}

/// Closed-class words that end a counted noun phrase.
const NP_STOP: &[&str] = &[
    "in",
    "inside",
    "within",
    "into",
    "at",
    "on",
    "of",
    "from",
    "to",
    "by",
    "for",
    "with",
    "across",
    "out",
    "over",
    "under",
    "near",
    "than",
    "and",
    "or",
    "but",
    "who",
    "which",
    "that",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "had",
    "have",
    "has",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "still",
    "now",
    "already",
    "just",
    "only",
    "also",
    "remain",
    "remained",
    "remains",
    "the",
    "a",
    "an",
    "their",
    "its",
    "his",
    "her",
    "our",
    "this",
    "these",
    "those",
    "them",
    "they",
    "it",
    "as",
    "while",
    "when",
    "after",
    "before",
    "since",
    "until",
    "per",
    "each",
    "a.m",
    "p.m",
    "o'clock",
    "o’clock",
    "compared",
    "according",
    "there",
    "here",
    "not",
    "never",
    "more",
    "less",
    "fewer",
    "about",
    "around",
    "some",
    "nearly",
    "almost",
    "roughly",
    "live",
    "lived",
    "living",
    "left",
    "leave",
    "went",
];

const AUXILIARIES: &[&str] = &[
    "still",
    "reportedly",
    "now",
    "had",
    "have",
    "has",
    "been",
    "were",
    "was",
    "are",
    "is",
    "be",
    "being",
    "reported",
];

/// Words after which a preposition begins no location ("end of", "rest of").
const PLACE_PREPOSITIONS: &[&str] = &["in", "inside", "within", "from", "of", "at", "across"];

/// Geographic common nouns that stay part of a place name ("Haskel valley").
const PLACE_NOUNS: &[&str] = &[
    "valley", "river", "province", "region", "gorge", "basin", "state", "county", "district",
    "city", "delta",
];

/// Capitalised words that never name a place, besides month and weekday names.
const NOT_PLACES: &[&str] = &[
    "I",
    "The",
    "A",
    "An",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "President",
    "Minister",
    "Prime",
];

fn not_a_place(word: &str) -> bool {
    NOT_PLACES.contains(&word)
        || chronicle_model::MONTH_NAMES.contains(&word)
        || chronicle_model::WEEKDAY_NAMES.contains(&word)
}

/// Words that start a new clause: a date or place beyond them belongs to something else.
const CLAUSE_BREAK: &[&str] = &[
    "before", "after", "when", "which", "who", "whose", "because", "while", "until", "ahead",
    "since", "although", "though", "where", "but", "compared", "whereas", "unlike", ";",
];

/// What a number counts, as read from the words after it.
#[derive(Debug, Clone, Default)]
struct Counted {
    /// Canonical nationality ("US").
    side: Option<String>,
    /// Noun class or unit ("troops", "m3/s").
    unit: String,
    /// "killed", "injured"… when it changes what is counted.
    state: Option<String>,
    /// Whether the unit is a measure (percent, m3/s) rather than a counted noun.
    measure: bool,
    /// Token index one past the counted phrase.
    end_token: usize,
}

/// A number found in a sentence, before its noun is resolved.
#[derive(Debug, Clone)]
struct Candidate {
    value: f64,
    approx: Approx,
    /// Byte span (in the sentence) of hedge + number (+ scale).
    start: usize,
    number_end: usize,
    /// Token index of the first token after the number (and scale word).
    after: usize,
    counted: Option<Counted>,
    /// "N of them": the noun is in an earlier sentence.
    of_them: bool,
    currency: Option<String>,
    /// The first number of a range ("from 420 to 290 …"): it shares the second's date.
    range_start: bool,
}

fn lower(t: &Token<'_>) -> String {
    t.text.to_lowercase()
}

fn hedge_before(sentence: &str, start: usize) -> (Approx, usize) {
    let head = sentence[..start].trim_end();
    // ASCII lowercasing keeps byte offsets.
    let lower_head = head.to_ascii_lowercase();
    for (phrase, approx) in &tables().hedges {
        if let Some(rest) = lower_head.strip_suffix(phrase.as_str()) {
            let boundary = rest
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if boundary {
                return (*approx, rest.len());
            }
        }
    }
    (Approx::Exact, start)
}

/// The measure unit written right after byte `pos`, with the byte length it takes.
fn unit_after(sentence: &str, pos: usize) -> Option<(String, usize)> {
    let rest = &sentence[pos..];
    let trimmed = rest.trim_start();
    let skipped = rest.len() - trimmed.len();
    let lower_rest = trimmed.to_ascii_lowercase();
    for (phrase, unit) in &tables().units {
        if lower_rest.starts_with(phrase.as_str()) {
            let after = &lower_rest[phrase.len()..];
            let boundary =
                phrase == "%" || after.chars().next().is_none_or(|c| !c.is_alphanumeric());
            if boundary && trimmed.is_char_boundary(phrase.len()) {
                return Some((unit.clone(), skipped + phrase.len()));
            }
        }
    }
    None
}

fn nationality_at(tokens: &[Token<'_>], i: usize) -> Option<(String, usize)> {
    let t = tables();
    if let Some(next) = tokens.get(i + 1) {
        let pair = format!("{} {}", tokens[i].text, next.text);
        if let Some(c) = t.nationalities.get(&pair) {
            return Some((c.clone(), 2));
        }
    }
    t.nationalities.get(tokens[i].text).map(|c| (c.clone(), 1))
}

/// A capitalised word followed by a counted noun, read as the side the count belongs to.
fn unknown_demonym(tokens: &[Token<'_>], i: usize) -> Option<String> {
    let tok = tokens.get(i)?;
    let next = tokens.get(i + 1)?;
    let capital = tok.text.chars().next().is_some_and(char::is_uppercase)
        && tok.text.chars().skip(1).all(char::is_lowercase);
    (capital && !not_a_place(tok.text) && tables().nouns.contains_key(next.text))
        .then(|| tok.text.to_string())
}

/// Reads the counted noun phrase starting at token `i`.
fn counted_from(tokens: &[Token<'_>], mut i: usize) -> Option<Counted> {
    let t = tables();
    let mut side = None;
    let mut words: Vec<&str> = Vec::new();
    let mut head_class: Option<String> = None;
    while i < tokens.len() && words.len() < 4 {
        let tok = &tokens[i];
        let low = lower(tok);
        if let Some((c, n)) = nationality_at(tokens, i) {
            side = Some(c);
            i += n;
            continue;
        }
        if NP_STOP.contains(&low.as_str()) || !tok.text.chars().any(char::is_alphabetic) {
            break;
        }
        // A demonym the table lacks, right before a counted noun ("4,000 Oskari troops").
        if let Some(c) = unknown_demonym(tokens, i) {
            side = Some(c);
            i += 1;
            continue;
        }
        // A participle after a counted noun modifies it ("people displaced").
        if head_class.is_some() && low.ends_with("ed") {
            break;
        }
        if let Some(class) = t.nouns.get(&low) {
            head_class = Some(class.clone());
        } else if tok.text.chars().next().is_some_and(char::is_uppercase) && words.is_empty() {
            // A capitalised word right after a number is a name ("18 F-16"), kept as a modifier.
            if !tok.text.contains('-') {
                return None;
            }
        } else {
            head_class = None;
        }
        words.push(tok.text);
        i += 1;
    }
    let head = *words.last()?;
    let year_follows = tokens
        .get(i)
        .is_some_and(|t| t.text.len() == 4 && t.text.bytes().all(|b| b.is_ascii_digit()));
    if year_follows && !t.nouns.contains_key(&head.to_lowercase()) {
        return None;
    }
    let unit = match head_class {
        Some(c) => c,
        None => {
            let low = head.to_lowercase();
            // A counted noun is a plural or a collective; adjectives and verbs are not.
            if !low.chars().all(|c| c.is_alphabetic()) || low.len() < 3 || !low.ends_with('s') {
                return None;
            }
            low
        }
    };
    // "people had been killed", "soldiers wounded".
    let mut state = None;
    let mut j = i;
    while j < tokens.len() && j < i + 4 {
        let low = lower(&tokens[j]);
        if let Some(s) = t.states.get(&low) {
            state = Some(s.clone());
            break;
        }
        if !AUXILIARIES.contains(&low.as_str()) {
            break;
        }
        j += 1;
    }
    Some(Counted {
        side,
        unit,
        state,
        measure: false,
        end_token: i,
    })
}

fn token_at_or_after(tokens: &[Token<'_>], pos: usize) -> usize {
    tokens.partition_point(|t| t.start < pos)
}

/// Whether the number token at `i` is part of a date, a time, an age, an
/// ordinal, a phone or reference number, or a name.
fn is_not_a_figure(tokens: &[Token<'_>], i: usize) -> bool {
    let tok = &tokens[i];
    let prev = i.checked_sub(1).map(|p| &tokens[p]);
    let next = tokens.get(i + 1);
    let glued = |a: &Token<'_>, b: &Token<'_>| a.end == b.start;
    if let Some(p) = prev {
        if glued(p, tok) && matches!(p.text, "-" | "/" | ":" | "+" | "#" | "." | "–") {
            return true;
        }
        if glued(p, tok) && p.text.chars().any(char::is_alphabetic) {
            return true;
        }
        let pl = p.text.to_lowercase();
        if matches!(
            pl.as_str(),
            "no" | "number"
                | "page"
                | "article"
                | "resolution"
                | "aged"
                | "age"
                | "route"
                | "room"
                | "chapter"
                | "section"
                | "line"
                | "flight"
                | "tel"
                | "phone"
        ) {
            return true;
        }
        if p.text == "." && i >= 2 && tokens[i - 2].text.eq_ignore_ascii_case("no") {
            return true;
        }
        // Digit groups separated by spaces: a phone number.
        if p.text.bytes().all(|b| b.is_ascii_digit()) && !p.text.is_empty() {
            return true;
        }
    }
    if let Some(n) = next {
        if glued(tok, n) && matches!(n.text, "-" | "/" | ":" | "–") {
            // "45-year-old", "04/2020", "10:30"; but not "3-4 million" style ranges.
            let after = tokens.get(i + 2);
            if !(n.text == "-" && after.is_some_and(|a| is_number(a.text))) {
                return true;
            }
        }
        if glued(tok, n) && n.text.chars().all(char::is_alphabetic) {
            let nl = n.text.to_lowercase();
            // "11th", "3rd", "5pm"; but "40km" or "5MW" is a measure.
            if matches!(nl.as_str(), "st" | "nd" | "rd" | "th" | "am" | "pm" | "s") {
                return true;
            }
        }
        if n.text.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            return true;
        }
        let nl = n.text.to_lowercase();
        if matches!(
            nl.as_str(),
            "a.m" | "p.m" | "o'clock" | "o’clock" | "years-old"
        ) {
            return true;
        }
        if nl == "years" || nl == "year" {
            let after: Vec<String> = tokens[i + 2..]
                .iter()
                .take(1)
                .map(|t| t.text.to_lowercase())
                .collect();
            if after.first().is_some_and(|w| w == "old" || w == "of") {
                return true;
            }
        }
    }
    // A year written alone.
    let plain = tok.text.bytes().all(|b| b.is_ascii_digit());
    if plain && tok.text.len() == 4 {
        if let Ok(y) = tok.text.parse::<u32>() {
            if (1800..=2100).contains(&y) {
                return true;
            }
        }
    }
    // Leading zeros are codes, not counts.
    if plain && tok.text.len() > 1 && tok.text.starts_with('0') {
        return true;
    }
    false
}

fn currency_before(tokens: &[Token<'_>], i: usize) -> Option<String> {
    let p = tokens.get(i.checked_sub(1)?)?;
    if p.end != tokens[i].start {
        return None;
    }
    match p.text {
        "$" => Some("USD".into()),
        "€" => Some("EUR".into()),
        "£" => Some("GBP".into()),
        _ => None,
    }
}

/// Numbers of a sentence that may be figures; `blocked` are byte spans
/// (in the sentence) of time expressions.
fn candidates(sentence: &str, tokens: &[Token<'_>], blocked: &[(usize, usize)]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let tok = &tokens[i];
        let in_timex = |s: usize, e: usize| blocked.iter().any(|&(bs, be)| s < be && bs < e);
        let first = i;
        let (mut value, number_end) = if is_number(tok.text) {
            if in_timex(tok.start, tok.end) || is_not_a_figure(tokens, i) {
                i += 1;
                continue;
            }
            match parse_number(tok.text) {
                Some(v) => (v, tok.end),
                None => {
                    i += 1;
                    continue;
                }
            }
        } else {
            // A run of number words.
            let mut j = i;
            let mut words = Vec::new();
            while j < tokens.len() {
                let w = tokens[j].text;
                let lw = w.to_lowercase();
                let numeric = w
                    .split('-')
                    .all(|p| number_word(p).is_some() || scale_word(p).is_some());
                if numeric
                    || (!words.is_empty() && lw == "and")
                    || (words.is_empty()
                        && lw == "a"
                        && tokens
                            .get(j + 1)
                            .is_some_and(|n| n.text.eq_ignore_ascii_case("dozen")))
                {
                    words.push(w);
                    j += 1;
                } else {
                    break;
                }
            }
            while words.last().is_some_and(|w| w.eq_ignore_ascii_case("and")) {
                words.pop();
                j -= 1;
            }
            let value = if words.iter().any(|w| {
                w.split('-')
                    .any(|p| number_word(p).is_some() || scale_word(p).is_some())
            }) {
                number_words_value(&words)
            } else {
                None
            };
            match value {
                // Small spelled-out numbers ("two countries") are rarely figures anyone tracks.
                Some(v) if v >= 10.0 && !in_timex(tok.start, tokens[j - 1].end) => {
                    let end = tokens[j - 1].end;
                    i = j - 1;
                    (v, end)
                }
                _ => {
                    i += 1;
                    continue;
                }
            }
        };
        let mut after = i + 1;
        let mut number_end = number_end;
        if let Some(s) = tokens.get(after).and_then(|t| scale_word(t.text)) {
            if is_number(tok.text) {
                value *= s;
                number_end = tokens[after].end;
                after += 1;
            }
        }
        // "nine in ten people", "one out of five": a ratio, not a count.
        let small = |t: &Token<'_>| {
            number_word(t.text).is_some()
                || (is_number(t.text) && parse_number(t.text).is_some_and(|v| v <= 100.0))
        };
        let ratio_word =
            |t: &Token<'_>| t.text.eq_ignore_ascii_case("in") || t.text.eq_ignore_ascii_case("out");
        let ratio_after = tokens.get(after).is_some_and(ratio_word)
            && tokens[after + 1..].iter().take(2).any(small);
        let ratio_before = first >= 2
            && ratio_word(&tokens[first - 1])
            && (small(&tokens[first - 2]) || tokens[first - 2].text.eq_ignore_ascii_case("one"));
        if ratio_after || ratio_before {
            i = after;
            continue;
        }
        let (approx, start) = hedge_before(sentence, tok.start);
        let of_them = tokens.get(after).is_some_and(|t| t.text == "of")
            && tokens.get(after + 1).is_some_and(|t| {
                matches!(
                    t.text.to_lowercase().as_str(),
                    "them" | "those" | "these" | "whom"
                )
            });
        let currency = currency_before(tokens, first);
        out.push(Candidate {
            value,
            approx,
            start: if currency.is_some() {
                tokens[first - 1].start.min(start)
            } else {
                start
            },
            number_end,
            after,
            counted: None,
            of_them,
            currency,
            range_start: false,
        });
        i = after;
    }
    out
}

/// The counted phrase of a candidate, when the words after it say what is counted.
fn read_counted(sentence: &str, tokens: &[Token<'_>], c: &Candidate) -> Option<Counted> {
    if let Some(cur) = &c.currency {
        return Some(Counted {
            unit: cur.clone(),
            measure: true,
            end_token: c.after,
            ..Counted::default()
        });
    }
    if let Some((unit, len)) = unit_after(sentence, c.number_end) {
        let end = c.number_end + len;
        return Some(Counted {
            unit,
            measure: true,
            end_token: token_at_or_after(tokens, end),
            ..Counted::default()
        });
    }
    // "28 of NATO's member countries", "1,000 of the people moved out".
    if tokens.get(c.after).is_some_and(|t| t.text == "of") && !c.of_them {
        let mut j = c.after + 1;
        while j < tokens.len() && j < c.after + 4 {
            let low = lower(&tokens[j]);
            if matches!(
                low.as_str(),
                "the" | "its" | "their" | "his" | "her" | "our" | "all"
            ) || low.ends_with("'s")
                || low.ends_with("’s")
            {
                j += 1;
            } else {
                break;
            }
        }
        if j > c.after + 1 {
            return counted_from(tokens, j);
        }
        return None;
    }
    counted_from(tokens, c.after)
}

/// The first counted noun a sentence names, with its place: what "of them"
/// in the next sentence refers to.
fn noun_named_in(text: &str) -> Option<(Counted, Option<String>)> {
    let tokens = tokenize(text);
    let t = tables();
    let i = tokens
        .iter()
        .position(|tok| t.nouns.contains_key(&tok.text.to_lowercase()))?;
    let side = i
        .checked_sub(1)
        .and_then(|p| t.nationalities.get(tokens[p].text))
        .cloned();
    let counted = Counted {
        side,
        unit: t.nouns.get(&tokens[i].text.to_lowercase())?.clone(),
        end_token: i + 1,
        ..Counted::default()
    };
    let place = place_in(&tokens, i + 1, i + 11);
    Some((counted, place))
}

/// A place named in `tokens[from..to]` after a locative preposition.
fn place_in(tokens: &[Token<'_>], from: usize, to: usize) -> Option<String> {
    let to = to.min(tokens.len());
    let mut i = from;
    while i < to {
        let low = lower(&tokens[i]);
        if CLAUSE_BREAK.contains(&low.as_str()) || tokens[i].text == "," {
            return None;
        }
        let is_prep = PLACE_PREPOSITIONS.contains(&low.as_str())
            || (low == "out" && tokens.get(i + 1).is_some_and(|t| t.text == "of"));
        if is_prep {
            let mut j = i + 1 + usize::from(low == "out");
            if tokens
                .get(j)
                .is_some_and(|t| t.text.eq_ignore_ascii_case("the"))
            {
                j += 1;
            }
            // "Council of Arab Tribes", "Ministry of Water": part of a name, not a place.
            let in_name = low == "of"
                && i > 0
                && tokens[i - 1]
                    .text
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            let mut words: Vec<&str> = Vec::new();
            while let Some(t) = tokens.get(j).filter(|_| !in_name) {
                if not_a_place(t.text) || tables().nationalities.contains_key(t.text) {
                    break;
                }
                let capital = t.text.chars().next().is_some_and(char::is_uppercase)
                    && t.text.chars().any(char::is_lowercase);
                let acronym =
                    t.text.len() >= 2 && t.text.chars().all(|c| c.is_ascii_uppercase() || c == '.');
                if capital || (acronym && words.is_empty()) {
                    words.push(t.text);
                } else if !words.is_empty() && PLACE_NOUNS.contains(&t.text) {
                    words.push(t.text);
                    break;
                } else {
                    break;
                }
                j += 1;
            }
            if !words.is_empty() {
                return Some(words.join(" "));
            }
        }
        i += 1;
    }
    None
}

/// The place a document is mostly about: its most frequent GPE/LOC mention,
/// else the most frequent place named after a locative preposition.
fn main_place(doc: &Document) -> Option<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for m in &doc.mentions {
        if matches!(
            m.kind,
            chronicle_model::EntityType::GPE | chronicle_model::EntityType::LOC
        ) {
            *counts.entry(m.text.clone()).or_default() += 2;
        }
    }
    for s in &doc.sentences {
        let tokens = tokenize(&s.text);
        let mut i = 0;
        while i < tokens.len() {
            if let Some(p) = place_in(&tokens, i, i + 1) {
                *counts.entry(p).or_default() += 1;
            }
            i += 1;
        }
    }
    // The first of the most frequent, so ties go to the alphabetically first.
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(p, _)| p)
}

fn subject_of(counted: &Counted, place: Option<&str>) -> String {
    let mut s = String::new();
    if let Some(side) = &counted.side {
        s.push_str(side);
        s.push(' ');
    }
    s.push_str(&counted.unit);
    if let Some(state) = &counted.state {
        s.push(' ');
        s.push_str(state);
    }
    if let Some(p) = place {
        s.push_str(" in ");
        s.push_str(p);
    }
    s
}

/// A date a time expression gives, when it names a calendar period.
fn timex_date(value: &str) -> Option<PartialDate> {
    let date_part = value.split('T').next().unwrap_or(value);
    date_part.parse().ok()
}

/// Picks the sentence's own date for the figure at byte span `start..end`:
/// the nearest DATE expression in the same clause, after the figure first,
/// with no other figure in between, and not a deadline ("by the end of 2011").
fn date_for(
    doc: &Document,
    sentence_index: usize,
    tokens: &[Token<'_>],
    span: (usize, usize),
    others: &[(usize, usize)],
) -> Option<(PartialDate, String)> {
    let sentence = doc.sentences.get(sentence_index)?;
    let published_end = doc.published.date.map(|d| d.last_day());
    let mut best: Option<(bool, usize, PartialDate, String)> = None;
    for tx in doc.timexes.iter().filter(|t| t.sentence == sentence_index) {
        if tx.kind != TimexType::Date || tx.start < sentence.start || tx.end > sentence.end {
            continue;
        }
        let Some(date) = timex_date(&tx.value) else {
            continue;
        };
        if published_end.is_some_and(|p| date.first_day() > p) {
            continue;
        }
        let (ts, te) = (tx.start - sentence.start, tx.end - sentence.start);
        let after = ts >= span.1;
        let (gap_start, gap_end) = if after { (span.1, ts) } else { (te, span.0) };
        if gap_start > gap_end {
            continue;
        }
        if others.iter().any(|&(s, e)| s >= gap_start && e <= gap_end) {
            continue;
        }
        let gap_tokens: Vec<&Token<'_>> = tokens
            .iter()
            .filter(|t| t.start >= gap_start && t.end <= gap_end)
            .collect();
        if gap_tokens
            .iter()
            .any(|t| CLAUSE_BREAK.contains(&t.text.to_lowercase().as_str()))
        {
            continue;
        }
        // "by the end of 2011", "until May": a deadline, not the figure's date.
        let lead = tokens
            .iter()
            .rev()
            .find(|t| t.end <= ts)
            .map(|t| t.text.to_lowercase());
        if lead.as_deref().is_some_and(|w| {
            matches!(
                w,
                "by" | "until" | "till" | "before" | "after" | "since" | "from"
            )
        }) {
            continue;
        }
        let distance = gap_tokens.len();
        let from = match lead.as_deref() {
            Some(w @ ("in" | "on" | "at" | "during" | "as of")) => format!("{w} {}", tx.text),
            _ => tx.text.clone(),
        };
        let better = match &best {
            None => true,
            Some((b_after, b_dist, _, _)) => {
                (after, std::cmp::Reverse(distance)) > (*b_after, std::cmp::Reverse(*b_dist))
            }
        };
        if better {
            best = Some((after, distance, date, from));
        }
    }
    best.map(|(_, _, d, f)| (d, f))
}

/// Figures read from one document's body, in reading order.
pub fn extract_facts(doc: &Document) -> Vec<Fact> {
    let mut facts: Vec<Fact> = Vec::new();
    let mut doc_place: Option<Option<String>> = None;
    // The last counted phrase read, for "N of them" in a following sentence.
    let mut previous: Option<(usize, Counted, Option<String>)> = None;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let text = sentence.text.as_str();
        let tokens = tokenize(text);
        let blocked: Vec<(usize, usize)> = doc
            .timexes
            .iter()
            .filter(|t| t.sentence == si && t.start >= sentence.start && t.end <= sentence.end)
            .map(|t| (t.start - sentence.start, t.end - sentence.start))
            .collect();
        let mut cands = candidates(text, &tokens, &blocked);
        for c in &mut cands {
            let counted = read_counted(text, &tokens, c);
            c.counted = counted;
        }
        // "from 420 to 290 cubic metres": the first takes the unit of the second.
        for k in 0..cands.len().saturating_sub(1) {
            if cands[k].counted.is_none() {
                let between: Vec<String> = tokens
                    .iter()
                    .filter(|t| t.start >= cands[k].number_end && t.end <= cands[k + 1].start)
                    .map(|t| t.text.to_lowercase())
                    .collect();
                if matches!(
                    between
                        .iter()
                        .map(String::as_str)
                        .collect::<Vec<_>>()
                        .as_slice(),
                    ["to"] | ["and"] | ["or"] | ["-"] | ["–"]
                ) {
                    cands[k].counted = cands[k + 1].counted.clone().map(|mut c| {
                        c.end_token = cands[k].after;
                        c
                    });
                    cands[k].range_start = true;
                }
            }
        }
        let spans: Vec<(usize, usize)> = cands.iter().map(|c| (c.start, c.number_end)).collect();
        let mut last_in_sentence: Option<(Counted, Option<String>)> = None;
        for (k, c) in cands.iter().enumerate() {
            let definite = c.counted.is_none()
                && tokens[..c.after.saturating_sub(1)]
                    .iter()
                    .rev()
                    .take(2)
                    .any(|t| t.text.eq_ignore_ascii_case("the"));
            if definite {
                // "below the 310 the accord guarantees": a figure referred back to.
                continue;
            }
            let (counted, inherited_place) = match (&c.counted, c.of_them) {
                (Some(counted), _) => (counted.clone(), None),
                (None, true) => {
                    let named = si
                        .checked_sub(1)
                        .and_then(|p| doc.sentences.get(p))
                        .and_then(|p| noun_named_in(&p.text));
                    match (named, &previous) {
                        (Some(found), _) => found,
                        (None, Some((ps, pc, pp))) if si - ps <= 2 => (pc.clone(), pp.clone()),
                        _ => continue,
                    }
                }
                (None, false) => {
                    // An elided noun ("170,000 in 2007") comes from the sentence's
                    // previous figure, else from the last one just before.
                    if let Some((pc, pp)) = &last_in_sentence {
                        (pc.clone(), pp.clone())
                    } else {
                        match &previous {
                            Some((ps, pc, pp)) if si - ps <= 1 && pc.measure => {
                                (pc.clone(), pp.clone())
                            }
                            _ => continue,
                        }
                    }
                }
            };
            let end_token = if c.counted.is_some() {
                counted.end_token
            } else {
                c.after
            };
            let np_end = tokens
                .get(end_token.saturating_sub(1))
                .map_or(c.number_end, |t| t.end.max(c.number_end));
            let place = place_in(&tokens, end_token, end_token + 10)
                .or(inherited_place)
                .or_else(|| {
                    facts
                        .iter()
                        .rev()
                        .find(|f| f.unit == counted.unit)
                        .and_then(|f| f.subject.split_once(" in ").map(|(_, p)| p.to_string()))
                })
                .or_else(|| doc_place.get_or_insert_with(|| main_place(doc)).clone());
            let others: Vec<(usize, usize)> = spans
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k && !(c.range_start && j == k + 1))
                .map(|(_, s)| *s)
                .collect();
            let (date, date_from) = match date_for(doc, si, &tokens, (c.start, np_end), &others) {
                Some((d, f)) => (Some(d), Some(f)),
                None => (
                    doc.published.date,
                    doc.published.date.map(|_| "published".to_string()),
                ),
            };
            let text_end = np_end.max(c.number_end);
            let figure_text = text.get(c.start..text_end).unwrap_or("").trim().to_string();
            facts.push(Fact {
                subject: subject_of(&counted, place.as_deref()),
                unit: counted.unit.clone(),
                value: c.value,
                approx: c.approx,
                date,
                date_from,
                text: figure_text,
                doc: doc.id.clone(),
                sentence: si,
            });
            last_in_sentence = Some((counted.clone(), place.clone()));
            previous = Some((si, counted, place));
        }
    }
    facts
}

/// The interval of values a hedged figure allows.
fn bounds(value: f64, approx: Approx) -> (f64, f64) {
    match approx {
        Approx::Exact => (value * 0.98, value * 1.02),
        Approx::About => (value * 0.9, value * 1.1),
        Approx::AtMost => (0.0, value),
        Approx::AtLeast => (value, f64::INFINITY),
    }
}

/// Whether two hedged values can both be true.
pub(crate) fn compatible(a: f64, approx_a: Approx, b: f64, approx_b: Approx) -> bool {
    let (lo_a, hi_a) = bounds(a, approx_a);
    let (lo_b, hi_b) = bounds(b, approx_b);
    hi_a >= lo_b && hi_b >= lo_a
}

fn points_agree(a: &SeriesPoint, b: &SeriesPoint) -> bool {
    compatible(a.value, a.approx, b.value, b.approx)
}
/// The period two dates both describe, when they describe the same one:
/// the same month (days within it count), or the same year at year level.
fn same_period(a: &PartialDate, b: &PartialDate) -> Option<PartialDate> {
    use chronicle_model::Granularity::*;
    match (a.granularity(), b.granularity()) {
        (Year, Year) => (a == b).then_some(*a),
        (Year, _) | (_, Year) => None,
        _ => {
            let (ma, mb) = (a.truncate(Month), b.truncate(Month));
            (ma == mb).then_some(ma)
        }
    }
}

fn conflicts_of(points: &[SeriesPoint]) -> Vec<Conflict> {
    // Points grouped by the month (or year) they describe.
    let mut periods: BTreeMap<PartialDate, Vec<usize>> = BTreeMap::new();
    for (i, p) in points.iter().enumerate() {
        if let Some(d) = p.date {
            let key = match d.granularity() {
                chronicle_model::Granularity::Year => d,
                _ => d.truncate(chronicle_model::Granularity::Month),
            };
            periods.entry(key).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for (period, idx) in periods {
        let mut involved: Vec<usize> = Vec::new();
        for (x, &i) in idx.iter().enumerate() {
            for &j in &idx[x + 1..] {
                let (pi, pj) = (&points[i], &points[j]);
                if pi.doc == pj.doc {
                    continue;
                }
                let (Some(di), Some(dj)) = (pi.date, pj.date) else {
                    continue;
                };
                if same_period(&di, &dj).is_none() {
                    continue;
                }
                // A source that also gives a value agreeing with the other's
                // is telling of two things, not disagreeing.
                let agrees_with = |p: &SeriesPoint, doc: &str| {
                    idx.iter()
                        .any(|&k| points[k].doc == doc && points_agree(p, &points[k]))
                };
                if !points_agree(pi, pj) && !agrees_with(pi, &pj.doc) && !agrees_with(pj, &pi.doc) {
                    involved.push(i);
                    involved.push(j);
                }
            }
        }
        if involved.is_empty() {
            continue;
        }
        involved.sort_unstable();
        involved.dedup();
        // Who says what: points of the period grouped by what they say.
        let mut claims: Vec<(String, Vec<String>)> = Vec::new();
        for &i in &involved {
            let p = &points[i];
            let claim = format!("{}{}", p.approx.as_words(), format_value(p.value));
            match claims.iter_mut().find(|(c, _)| *c == claim) {
                Some((_, docs)) => {
                    if !docs.contains(&p.doc) {
                        docs.push(p.doc.clone())
                    }
                }
                None => claims.push((claim, vec![p.doc.clone()])),
            }
        }
        let parts: Vec<String> = claims
            .iter()
            .map(|(claim, docs)| {
                let verb = if docs.len() > 1 { "say" } else { "says" };
                format!("{} {verb} {claim}", docs.join(", "))
            })
            .collect();
        out.push(Conflict {
            date: period,
            points: involved,
            note: format!(
                "For {period} the sources disagree beyond their stated approximation: {}.",
                parts.join("; ")
            ),
        });
    }
    out
}

/// Every place named in a sentence.
fn places_of(text: &str) -> Vec<String> {
    let tokens = tokenize(text);
    let mut out: Vec<String> = (0..tokens.len())
        .filter_map(|i| place_in(&tokens, i, i + 1))
        .collect();
    out.sort();
    out.dedup();
    out
}

fn find(parent: &mut HashMap<String, String>, x: &str) -> String {
    let mut root = x.to_string();
    let mut steps = 0;
    while let Some(p) = parent.get(&root) {
        if *p == root || steps > parent.len() {
            break;
        }
        root = p.clone();
        steps += 1;
    }
    root
}

/// The subject each fact is grouped under: places that figures of the same
/// kind name together ("displaced from the Haskel valley … at Brenn Flats")
/// are one place, named after the one the figures name most.
fn merged_subjects(docs: &[Document], facts: &[Fact]) -> Vec<String> {
    let by_id: HashMap<&str, &Document> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    // Per kind (subject without its place, unit): a union-find over places.
    let mut parents: HashMap<(String, String), HashMap<String, String>> = HashMap::new();
    let mut counts: HashMap<(String, String), HashMap<String, usize>> = HashMap::new();
    let sentence_of = |f: &Fact| -> &str {
        by_id
            .get(f.doc.as_str())
            .and_then(|d| d.sentences.get(f.sentence))
            .map_or("", |s| s.text.as_str())
    };
    // A place the sentence does not name (the document's main place) is a
    // guess: such a figure joins whatever place its kind is mostly reported in.
    let split = |f: &Fact| -> (String, Option<String>) {
        match f.subject.split_once(" in ") {
            Some((base, place)) if sentence_of(f).contains(place) => {
                (base.to_string(), Some(place.to_string()))
            }
            Some((base, _)) => (base.to_string(), None),
            None => (f.subject.clone(), None),
        }
    };
    for f in facts {
        let (base, place) = split(f);
        let Some(place) = place else { continue };
        let key = (base, f.unit.clone());
        *counts
            .entry(key.clone())
            .or_default()
            .entry(place.clone())
            .or_default() += 1;
        let parent = parents.entry(key).or_default();
        parent.entry(place.clone()).or_insert_with(|| place.clone());
        for other in places_of(sentence_of(f)) {
            parent.entry(other.clone()).or_insert_with(|| other.clone());
            let (a, b) = (find(parent, &place), find(parent, &other));
            if a != b {
                parent.insert(b, a);
            }
        }
    }
    // The name of each merged place: the one figures name most, then the first alphabetically.
    let mut names: HashMap<(String, String, String), String> = HashMap::new();
    for (key, places) in &counts {
        let Some(parent) = parents.get_mut(key) else {
            continue;
        };
        let mut best: HashMap<String, (usize, String)> = HashMap::new();
        for (place, n) in places {
            let root = find(parent, place);
            let entry = best.entry(root).or_insert((0, place.clone()));
            if *n > entry.0 || (*n == entry.0 && *place < entry.1) {
                *entry = (*n, place.clone());
            }
        }
        for place in places.keys() {
            let root = find(parent, place);
            if let Some((_, name)) = best.get(&root) {
                names.insert((key.0.clone(), key.1.clone(), place.clone()), name.clone());
            }
        }
    }
    // A figure with no place joins the kind's most reported place.
    let mut busiest: HashMap<(String, String), (usize, String)> = HashMap::new();
    for ((base, unit, _), name) in &names {
        let n = counts.get(&(base.clone(), unit.clone())).map_or(0, |c| {
            c.iter()
                .filter(|(p, _)| {
                    names.get(&(base.clone(), unit.clone(), (*p).clone())) == Some(name)
                })
                .map(|(_, n)| n)
                .sum()
        });
        let e = busiest
            .entry((base.clone(), unit.clone()))
            .or_insert((0, name.clone()));
        if n > e.0 || (n == e.0 && *name < e.1) {
            *e = (n, name.clone());
        }
    }
    facts
        .iter()
        .map(|f| {
            let (base, place) = split(f);
            let name = match place {
                Some(p) => names.get(&(base.clone(), f.unit.clone(), p)).cloned(),
                None => busiest
                    .get(&(base.clone(), f.unit.clone()))
                    .map(|(_, n)| n.clone()),
            };
            match name {
                Some(name) => format!("{base} in {name}"),
                None => f.subject.clone(),
            }
        })
        .collect()
}

/// Figures of every document grouped per (subject, unit), points in date
/// order, with conflicts between sources; series reported by several
/// documents come first.
pub fn build_series(docs: &[Document]) -> Vec<Series> {
    let mut all: Vec<Fact> = Vec::new();
    for doc in docs {
        if doc.facts.is_empty() {
            all.extend(extract_facts(doc));
        } else {
            all.extend(doc.facts.iter().cloned());
        }
    }
    let subjects = merged_subjects(docs, &all);
    let mut groups: BTreeMap<(String, String), Vec<SeriesPoint>> = BTreeMap::new();
    let mut seen: HashSet<(String, String, String, u64, Option<PartialDate>)> = HashSet::new();
    for (f, subject) in all.into_iter().zip(subjects) {
        let f = Fact { subject, ..f };
        {
            // The same figure repeated in one document is one point.
            if !seen.insert((
                f.subject.clone(),
                f.unit.clone(),
                f.doc.clone(),
                f.value.to_bits(),
                f.date,
            )) {
                continue;
            }
            groups
                .entry((f.subject.clone(), f.unit.clone()))
                .or_default()
                .push(SeriesPoint {
                    date: f.date,
                    value: f.value,
                    approx: f.approx,
                    text: f.text,
                    doc: f.doc,
                    sentence: f.sentence,
                });
        }
    }
    let mut series: Vec<Series> = groups
        .into_iter()
        .map(|((subject, unit), mut points)| {
            points.sort_by(|a, b| match (a.date, b.date) {
                (Some(x), Some(y)) => x.cmp(&y).then_with(|| a.doc.cmp(&b.doc)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => a.doc.cmp(&b.doc),
            });
            let conflicts = conflicts_of(&points);
            Series {
                subject,
                unit,
                points,
                conflicts,
            }
        })
        .collect();
    let doc_count = |s: &Series| {
        s.points
            .iter()
            .map(|p| p.doc.as_str())
            .collect::<HashSet<_>>()
            .len()
    };
    series.sort_by(|a, b| {
        doc_count(b)
            .cmp(&doc_count(a))
            .then(b.points.len().cmp(&a.points.len()))
            .then(a.subject.cmp(&b.subject))
    });
    series
}

/// What a question asks to count: the subject without and with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Query {
    /// Side, counted noun and state: "US troops", "people killed".
    pub base: String,
    pub unit: String,
    pub place: Option<String>,
}

/// Reads "US troops in Iraq" out of "How many US troops were in Iraq";
/// `blocked` are byte spans (time expressions) to ignore.
pub(crate) fn read_query(text: &str, blocked: &[(usize, usize)]) -> Option<Query> {
    let t = tables();
    let tokens: Vec<Token<'_>> = tokenize(text)
        .into_iter()
        .filter(|tok| !blocked.iter().any(|&(s, e)| tok.start < e && s < tok.end))
        .collect();
    let many = tokens
        .iter()
        .position(|tok| {
            tok.text.eq_ignore_ascii_case("many") || tok.text.eq_ignore_ascii_case("much")
        })
        .map_or(0, |i| i + 1);
    let (i, unit) = tokens.iter().enumerate().skip(many).find_map(|(i, tok)| {
        let low = tok.text.to_lowercase();
        if let Some(c) = t.nouns.get(&low) {
            return Some((i, c.clone()));
        }
        t.units
            .iter()
            .find(|(phrase, _)| *phrase == low)
            .map(|(_, u)| (i, u.clone()))
    })?;
    let mut side = None;
    let mut k = many;
    while k < i {
        if let Some((c, n)) = nationality_at(&tokens, k) {
            side = Some(c);
            k += n;
        } else if let Some(c) = unknown_demonym(&tokens, k) {
            side = Some(c);
            k += 1;
        } else {
            k += 1;
        }
    }
    let mut state = None;
    for tok in tokens.iter().skip(i + 1).take(4) {
        let low = tok.text.to_lowercase();
        if let Some(s) = t.states.get(&low) {
            state = Some(s.clone());
            break;
        }
    }
    let counted = Counted {
        side,
        unit: unit.clone(),
        state,
        ..Counted::default()
    };
    Some(Query {
        base: subject_of(&counted, None),
        unit,
        place: place_in(&tokens, i + 1, tokens.len()),
    })
}

/// Splits a series subject into the part before its place and the place.
pub(crate) fn split_subject(subject: &str) -> (&str, Option<&str>) {
    match subject.split_once(" in ") {
        Some((base, place)) => (base, Some(place)),
        None => (subject, None),
    }
}
