//! Date parsing for publication-date clues: ISO 8601, RFC 2822, numeric
//! day/month/year, textual dates with English, German, French, Spanish and
//! Italian month names, Unix timestamps, and dates in URLs.

use super::{DateCandidate, DateSource};
use chronicle_model::PartialDate;
use memchr::memmem;
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// Earliest and latest years accepted; anything outside is a parsing accident.
const MIN_YEAR: i32 = 1995;
const MAX_YEAR: i32 = 2099;

/// A date read from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedDate {
    pub date: PartialDate,
    /// `HH:MM`
    pub time: Option<String>,
    pub zone: Option<String>,
    /// Byte range of the match in the input.
    pub span: (usize, usize),
}

/// English month names and abbreviations.
const ENGLISH_MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Month names of the other languages read: German, French, Spanish, Italian.
const OTHER_MONTHS: &[(&str, u8)] = &[
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("okt", 10),
    ("dez", 12),
    ("mär", 3),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("janv", 1),
    ("févr", 2),
    ("avr", 4),
    ("juil", 7),
    ("déc", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("dic", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
];

/// Every month name read, English first.
fn all_months() -> impl Iterator<Item = &'static (&'static str, u8)> {
    ENGLISH_MONTHS.iter().chain(OTHER_MONTHS)
}

/// The number (1–12) of a month name or abbreviation in English, German,
/// French, Spanish or Italian, in any case, with or without a final dot
/// (`"July"`, `"Sept."`, `"März"`, `"juil"`); `None` for anything else.
pub fn month_from_name(name: &str) -> Option<u8> {
    let lower = name.trim_end_matches('.').to_lowercase();
    all_months().find(|(n, _)| *n == lower).map(|&(_, m)| m)
}

/// A regex alternation (no group) of month names, longest first so that
/// "june" wins over "jun": every language [`month_from_name`] reads, or the
/// English names only (`jan|january|…|sept|sep|…`). Lower case: use it
/// under `(?i)`.
pub fn month_name_pattern(english_only: bool) -> String {
    let months: Vec<&(&str, u8)> = if english_only {
        ENGLISH_MONTHS.iter().collect()
    } else {
        all_months().collect()
    };
    let mut names: Vec<&str> = months.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.dedup();
    names.join("|")
}

const TIME_TAIL: &str = r"(?:\s*(?:,|at|um|à|a las|alle|-|–|—|\|)?\s*(?P<h>[0-9]{1,2})[:.h](?P<mi>[0-9]{2})(?::[0-9]{2}(?:\.[0-9]+)?)?\s*(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*Uhr)?\s*(?P<zone>Z(?-u:\b)|[+-][0-9]{2}:?[0-9]{2}(?-u:\b)|\(?(?:UTC|GMT|[ECMP][SD]T|CES?T|BST|IST|AEST|AEDT|MES?Z)(?:\s*[+-][0-9]{1,2}(?::?[0-9]{2})?)?\)?)?)?";

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})(?:(?:T|\s+)(?P<h>[0-9]{1,2}):(?P<mi>[0-9]{2})(?::[0-9]{2}(?:[.,][0-9]+)?)?\s*(?P<zone>Z(?-u:\b)|[+-][0-9]{2}:?[0-9]{2}(?-u:\b)|UTC|GMT)?)?",
    )
    .expect("static regex")
});

static YMD_SLASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?P<y>[0-9]{{4}})[/.](?P<m>[0-9]{{1,2}})[/.](?P<d>[0-9]{{1,2}})(?-u:\b){TIME_TAIL}"
    ))
    .expect("static regex")
});

/// Day, month and year in ASCII digits (`27/07/2021`, `7-27-2021`), in the
/// given shape; see [`NumericShape`].
fn numeric_date_pattern(shape: NumericShape) -> String {
    let (boundary, space, year) = match shape {
        NumericShape::Loose => (r"(?-u:\b)", r"\s?", "[0-9]{4}|[0-9]{2}"),
        NumericShape::Strict => (r"\b", "", "[0-9]{4}"),
    };
    format!(
        r"{boundary}(?P<a>[0-9]{{1,2}})(?P<sep>[./-]){space}(?P<b>[0-9]{{1,2}})[./-]{space}(?P<y>{year}){boundary}"
    )
}

static DMY_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    let date = numeric_date_pattern(NumericShape::Loose);
    Regex::new(&format!(r"(?i){date}{TIME_TAIL}")).expect("static regex")
});

static STRICT_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&numeric_date_pattern(NumericShape::Strict)).expect("static regex")
});

static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?P<d>[0-9]{{1,2}})(?:\.|st|nd|rd|th|er)?\s*(?:de\s+|of\s+)?(?P<mon>{})\.?,?\s*(?:de\s+|del\s+)?(?P<y>[0-9]{{4}})(?-u:\b){TIME_TAIL}",
        month_name_pattern(false)
    ))
    .expect("static regex")
});

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?P<mon>{})\.?\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>[0-9]{{4}})(?-u:\b){TIME_TAIL}",
        month_name_pattern(false)
    ))
    .expect("static regex")
});

static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T?(?P<h>\d{2})(?P<mi>\d{2})\d{0,2})?$")
        .expect("static regex")
});

fn num<T: std::str::FromStr>(c: &Captures<'_>, name: &str) -> Option<T> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

fn valid(y: i32, m: u8, d: u8) -> Option<PartialDate> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return None;
    }
    PartialDate::ymd(y, m, d)
}

fn time_and_zone(c: &Captures<'_>) -> (Option<String>, Option<String>) {
    let (Some(mut h), Some(mi)) = (num::<u32>(c, "h"), num::<u32>(c, "mi")) else {
        return (None, None);
    };
    if let Some(ap) = c.name("ampm") {
        let pm = ap.as_str().to_ascii_lowercase().starts_with('p');
        if h == 12 {
            h = 0;
        }
        if pm {
            h += 12;
        }
    }
    if h > 23 || mi > 59 {
        return (None, None);
    }
    let zone = c.name("zone").map(|z| {
        z.as_str()
            .trim_matches(|ch| ch == '(' || ch == ')')
            .trim()
            .to_string()
    });
    (
        Some(format!("{h:02}:{mi:02}")),
        zone.filter(|z| !z.is_empty()),
    )
}

fn from_caps(c: &Captures<'_>, y: i32, m: u8, d: u8) -> Option<ParsedDate> {
    let date = valid(y, m, d)?;
    let (time, zone) = time_and_zone(c);
    let whole = c.get(0)?;
    Some(ParsedDate {
        date,
        time,
        zone,
        span: (whole.start(), whole.end()),
    })
}

/// The date of a match with numeric `y`, `m` and `d` groups.
fn ymd_date(c: &Captures<'_>) -> Option<ParsedDate> {
    from_caps(c, num(c, "y")?, num(c, "m")?, num(c, "d")?)
}

/// The date of a match with numeric `y` and `d` groups and a month name `mon`.
fn named_month_date(c: &Captures<'_>) -> Option<ParsedDate> {
    let month = month_from_name(c.name("mon")?.as_str())?;
    from_caps(c, num(c, "y")?, month, num(c, "d")?)
}

fn expand_year(y: i32) -> i32 {
    if y < 100 {
        if y > 90 {
            1900 + y
        } else {
            2000 + y
        }
    } else {
        y
    }
}

/// An all-numeric date as written (`27/07/2021`, `07-27-2021`, `27.07.21`):
/// which number is the day is for the reader to decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumericDate {
    pub first: u8,
    pub second: u8,
    /// As written: two digits (`21`) are not expanded.
    pub year: i32,
    pub two_digit_year: bool,
    /// The separator after the first number: `.`, `/` or `-`.
    pub separator: char,
    /// Byte range of the date, without a time of day after it.
    pub span: (usize, usize),
}

/// Which all-numeric dates [`numeric_dates`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericShape {
    /// As [`find_dates`] reads them: also a space after a separator
    /// (`27. 7. 2021`) and two-digit years (`27.07.21`); a time of day right
    /// after a date is passed over with it.
    Loose,
    /// A four-digit year, nothing but the separators between the numbers,
    /// and no letter or digit of any script touching the date.
    Strict,
}

fn numeric_date(c: &Captures<'_>) -> Option<NumericDate> {
    let year = c.name("y")?;
    Some(NumericDate {
        first: num(c, "a")?,
        second: num(c, "b")?,
        year: year.as_str().parse().ok()?,
        two_digit_year: year.as_str().len() == 2,
        separator: c.name("sep")?.as_str().chars().next()?,
        span: (c.name("a")?.start(), year.end()),
    })
}

/// Every day-month-year date written in ASCII digits with `.`, `/` or `-`,
/// in order, before any reading of which number is the day, any expansion
/// of two-digit years or any range of years.
pub fn numeric_dates(text: &str, shape: NumericShape) -> impl Iterator<Item = NumericDate> + '_ {
    let re = match shape {
        NumericShape::Loose => &*DMY_NUMERIC,
        NumericShape::Strict => &*STRICT_NUMERIC,
    };
    re.captures_iter(text).filter_map(|c| numeric_date(&c))
}

/// What the date patterns need, found in one pass over the bytes: every
/// pattern but the numeric day-month-year one needs a four-digit year (ASCII
/// `[0-9]{4}`); that one needs a digit followed by `.`, `/` or `-`.
#[derive(Default)]
struct DigitShapes {
    /// A run of four or more digits.
    year: bool,
    /// ... followed by `-` (ISO).
    year_then_dash: bool,
    /// ... followed by `/` or `.` (`2021/07/27`).
    year_then_slash_or_dot: bool,
    digit_then_separator: bool,
}

impl DigitShapes {
    fn of(text: &str) -> DigitShapes {
        let mut shapes = DigitShapes::default();
        let mut run = 0usize;
        for &b in text.as_bytes() {
            if b.is_ascii_digit() {
                run += 1;
                if run >= 4 {
                    shapes.year = true;
                }
                continue;
            }
            if run > 0 && matches!(b, b'.' | b'/' | b'-') {
                shapes.digit_then_separator = true;
                if run >= 4 {
                    if b == b'-' {
                        shapes.year_then_dash = true;
                    } else {
                        shapes.year_then_slash_or_dot = true;
                    }
                }
            }
            run = 0;
        }
        shapes
    }
}

/// Every date found in free text, in order of position. `month_first`
/// reads ambiguous `01/02/2021` as January 2 (American usage).
pub fn find_dates(text: &str, month_first: bool) -> Vec<ParsedDate> {
    let mut out: Vec<ParsedDate> = Vec::new();
    // Most text blocks have no date-shaped digits at all: one byte scan
    // decides which patterns can match before any regex runs.
    let shapes = DigitShapes::of(text);
    if !shapes.year && !shapes.digit_then_separator {
        return out;
    }
    let iso = shapes.year_then_dash.then(|| ISO.captures_iter(text));
    out.extend(iso.into_iter().flatten().filter_map(|c| ymd_date(&c)));
    let ymd = shapes
        .year_then_slash_or_dot
        .then(|| YMD_SLASH.captures_iter(text));
    out.extend(ymd.into_iter().flatten().filter_map(|c| ymd_date(&c)));
    let dmy = shapes
        .digit_then_separator
        .then(|| DMY_NUMERIC.captures_iter(text));
    for c in dmy.into_iter().flatten() {
        let Some(n) = numeric_date(&c) else {
            continue;
        };
        // "12-10-19" is too ambiguous; two-digit years only with dots (German usage)
        if n.two_digit_year && n.separator != '.' {
            continue;
        }
        let (a, b) = (n.first, n.second);
        let (m, d) = if a > 12 {
            (b, a)
        } else if b > 12 {
            (a, b)
        } else if n.separator == '.' || !month_first {
            (b, a)
        } else {
            (a, b)
        };
        out.extend(from_caps(&c, expand_year(n.year), m, d));
    }
    if !shapes.year {
        return sorted_outermost(out);
    }
    for re in [&*DAY_MONTH, &*MONTH_DAY] {
        out.extend(re.captures_iter(text).filter_map(|c| named_month_date(&c)));
    }
    sorted_outermost(out)
}

/// Matches in text order, without those nested in an earlier, longer one.
fn sorted_outermost(mut out: Vec<ParsedDate>) -> Vec<ParsedDate> {
    out.sort_by_key(|p| (p.span.0, std::cmp::Reverse(p.span.1)));
    // drop matches nested in an earlier, longer one
    let mut kept: Vec<ParsedDate> = Vec::with_capacity(out.len());
    for p in out {
        if kept.last().is_some_and(|k| p.span.0 < k.span.1) {
            continue;
        }
        kept.push(p);
    }
    kept
}

/// Parses a date from a metadata value (a whole attribute or JSON string):
/// ISO 8601, compact `20210727`, Unix seconds or milliseconds, else the first
/// date found in it as free text.
pub fn parse_date_text(value: &str, month_first: bool) -> Option<ParsedDate> {
    let v = value.trim();
    if v.is_empty() || v.len() > 300 {
        return None;
    }
    if let Some(p) = COMPACT.captures(v).and_then(|c| ymd_date(&c)) {
        return Some(p);
    }
    if (v.len() == 10 || v.len() == 13) && v.bytes().all(|b| b.is_ascii_digit()) {
        let mut secs: i64 = v.parse().ok()?;
        if v.len() == 13 {
            secs /= 1000;
        }
        let date = PartialDate::from_days(secs.div_euclid(86_400));
        if !(MIN_YEAR..=MAX_YEAR).contains(&date.year) {
            return None;
        }
        let sod = secs.rem_euclid(86_400);
        return Some(ParsedDate {
            date,
            time: Some(format!("{:02}:{:02}", sod / 3600, (sod % 3600) / 60)),
            zone: Some("Z".to_string()),
            span: (0, v.len()),
        });
    }
    find_dates(v, month_first).into_iter().next()
}

static URL_YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[/_\-.])(?P<y>(?:199|20\d)\d)[/_\-.]?(?P<m>[01]\d)[/_\-.]?(?P<d>[0-3]\d)(?:[/_\-.?#]|$)")
        .expect("static regex")
});
static URL_YMD_LOOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/(?P<y>(?:199|20\d)\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:[/_\-.?#]|$)")
        .expect("static regex")
});
/// `23-01-2022` as a path segment's start or whole: day first (the order
/// of every language that writes numeric dates with the year last and
/// hyphens in URLs).
static URL_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/(?P<d>[0-3]\d)[-_.](?P<m>[01]\d)[-_.](?P<y>(?:199|20\d)\d)(?:[/_\-.?#]|$)")
        .expect("static regex")
});
/// `220126_PM_Title.html`: a six-digit `YYMMDD` stamp opening a file name,
/// joined to the rest by an underscore (numeric IDs take hyphens or slashes).
static URL_YYMMDD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/(?P<y>[0-3]\d)(?P<m>[01]\d)(?P<d>[0-3]\d)_[^/]").expect("static regex")
});
static URL_YM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/(?P<y>(?:199|20\d)\d)/(?P<m>[01]?\d)/").expect("static regex"));

/// A date in a URL path: `/2021/07/27/`, `2021-07-27`, `/20210727`, or a
/// month (`/2021/07/`), which comes out with a lower confidence.
pub fn date_in_url(url: &str) -> Option<DateCandidate> {
    // ignore the host, where digits are never dates
    let path = match url.find("://") {
        Some(i) => {
            let rest = &url[i + 3..];
            rest.find('/').map(|j| &rest[j..]).unwrap_or("")
        }
        None => url,
    };
    for re in [&*URL_YMD_LOOSE, &*URL_YMD, &*URL_DMY] {
        for c in re.captures_iter(path) {
            if let Some(date) = url_day(&c, 0) {
                return Some(url_candidate(&c, date, 0.7));
            }
        }
    }
    if let Some(c) = URL_YYMMDD.captures(path) {
        if let Some(date) = url_day(&c, 2000) {
            return Some(url_candidate(&c, date, 0.5));
        }
    }
    let c = URL_YM.captures(path)?;
    let (y, m): (i32, u8) = (num(&c, "y")?, num(&c, "m")?);
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    Some(url_candidate(&c, PartialDate::month(y, m), 0.35))
}

/// The day of a match with numeric `y`, `m` and `d` groups, `century` added
/// to the year (for two-digit years).
fn url_day(c: &Captures<'_>, century: i32) -> Option<PartialDate> {
    valid(century + num::<i32>(c, "y")?, num(c, "m")?, num(c, "d")?)
}

fn url_candidate(c: &Captures<'_>, date: PartialDate, confidence: f32) -> DateCandidate {
    DateCandidate {
        raw: c.get(0).map(|m| m.as_str()).unwrap_or("").to_string(),
        date: Some(date),
        time: None,
        zone: None,
        source: DateSource::Url,
        confidence,
    }
}

/// How much of an inline script is searched for a publication date: state
/// blobs run to megabytes, and the article's own fields come early.
const SCRIPT_SCAN_BYTES: usize = 300_000;

/// The keys, anchored: tried only where [`published_in_script`] finds a key
/// (scripts are most of a page's bytes, and an unanchored search of a
/// case-insensitive alternation is slow there).
static SCRIPT_PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"^(?i)(?:datePublished|publishDate|publish_date|published_?at|publishedDate|published_date|dateCreated|pubDate|first_?published(?:_?at|_?date)?|publication_?date)\\?["']?\s*[:=]\s*\\?["']([^"'\\<>\n]{6,40})"#,
    )
    .expect("static regex")
});

/// How much of a script is lowercased at a time for the key search, and
/// how far past it (a word beginning in the chunk ends there).
const KEY_CHUNK: usize = 8 * 1024;
const KEY_OVERLAP: usize = "created".len() - 1;

static PUB_WORD: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("pub"));
static CREATED_WORD: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new("created"));

/// The first publication-date value assigned to a known key (`datePublished`,
/// `publishDate`, `published_at`, `first_published`…) in an inline script
/// that is not JSON-LD: page state objects and analytics settings.
pub fn published_in_script(script: &str) -> Option<&str> {
    let mut end = script.len().min(SCRIPT_SCAN_BYTES);
    while !script.is_char_boundary(end) {
        end -= 1;
    }
    let window = &script[..end];
    let bytes = window.as_bytes();
    // Every key holds `pub` (at offset 0, 4, 5 or 6: `pubDate`,
    // `datePublished`, `firstPublished`, `first_published`) or is
    // `dateCreated`. JavaScript is full of b and d, so the two words are
    // searched for whole, in a lowercased copy made a chunk at a time (the
    // first key usually comes early). They cannot overlap, so their
    // occurrences come in the order of their starts.
    let mut lowered: Vec<u8> = Vec::new();
    let mut resume = 0;
    let mut tried: Option<usize> = None;
    let mut chunk_start = 0;
    while chunk_start < bytes.len() {
        let chunk_end = (chunk_start + KEY_CHUNK).min(bytes.len());
        // a little more, for the words that begin in this chunk
        let chunk = &bytes[chunk_start..(chunk_end + KEY_OVERLAP).min(bytes.len())];
        lowered.clear();
        lowered.extend_from_slice(chunk);
        lowered.make_ascii_lowercase();
        let lower = lowered.as_slice();
        let own = chunk_end - chunk_start;
        let mut pubs = PUB_WORD
            .find_iter(lower)
            .take_while(|&i| i < own)
            .peekable();
        let mut createds = CREATED_WORD
            .find_iter(lower)
            .take_while(|&i| i < own)
            .peekable();
        loop {
            // `at`: the `b` of `pub` or the final `d` of `created`
            let (at, from_b) = match (pubs.peek(), createds.peek()) {
                (None, None) => break,
                (Some(&p), Some(&c)) if c < p => {
                    (chunk_start + createds.next().unwrap_or(c) + 6, false)
                }
                (Some(&p), _) => (chunk_start + pubs.next().unwrap_or(p) + 2, true),
                (None, Some(&c)) => (chunk_start + createds.next().unwrap_or(c) + 6, false),
            };
            let offsets: &[usize] = if from_b { &[8, 7, 6, 2] } else { &[10] };
            for &back in offsets {
                let Some(start) = at.checked_sub(back) else {
                    continue;
                };
                if start < resume || tried.is_some_and(|t| start <= t) {
                    continue;
                }
                tried = Some(start);
                let boundary = start == 0 || !is_ascii_word_byte(bytes[start - 1]);
                if !boundary || !window.is_char_boundary(start) {
                    continue;
                }
                let Some(found) = SCRIPT_PUBLISHED.captures(&window[start..]) else {
                    continue;
                };
                let (Some(whole), Some(value)) = (found.get(0), found.get(1)) else {
                    continue;
                };
                if value.as_str().bytes().any(|b| b.is_ascii_digit()) {
                    return Some(value.as_str());
                }
                resume = start + whole.end();
            }
        }
        chunk_start = chunk_end;
    }
    None
}

fn is_ascii_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Builds every pattern of this module now rather than on first use.
pub(crate) fn compile_patterns() {
    LazyLock::force(&ISO);
    LazyLock::force(&YMD_SLASH);
    LazyLock::force(&DMY_NUMERIC);
    LazyLock::force(&STRICT_NUMERIC);
    LazyLock::force(&DAY_MONTH);
    LazyLock::force(&MONTH_DAY);
    LazyLock::force(&COMPACT);
    LazyLock::force(&URL_YMD);
    LazyLock::force(&URL_YMD_LOOSE);
    LazyLock::force(&URL_DMY);
    LazyLock::force(&URL_YYMMDD);
    LazyLock::force(&URL_YM);
    LazyLock::force(&SCRIPT_PUBLISHED);
    LazyLock::force(&PUB_WORD);
    LazyLock::force(&CREATED_WORD);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, month_first: bool, want: Option<(&str, Option<&str>, Option<&str>)>) {
        let got = parse_date_text(input, month_first);
        let got = got.as_ref().map(|p| {
            (
                p.date.to_string(),
                p.time.as_deref().map(str::to_string),
                p.zone.as_deref().map(str::to_string),
            )
        });
        let want =
            want.map(|(d, t, z)| (d.to_string(), t.map(str::to_string), z.map(str::to_string)));
        assert_eq!(got, want, "input {input:?}");
    }

    #[test]
    fn formats() {
        check(
            "2021-07-27T10:16:00+02:00",
            false,
            Some(("2021-07-27", Some("10:16"), Some("+02:00"))),
        );
        check("2021-07-27", false, Some(("2021-07-27", None, None)));
        check(
            "2021-07-27 10:16:05Z",
            false,
            Some(("2021-07-27", Some("10:16"), Some("Z"))),
        );
        check(
            "Tue, 27 Jul 2021 10:16:00 +0200",
            false,
            Some(("2021-07-27", Some("10:16"), Some("+0200"))),
        );
        check(
            "Published 27 July 2021",
            false,
            Some(("2021-07-27", None, None)),
        );
        check(
            "27.07.2021 10:16 Uhr",
            false,
            Some(("2021-07-27", Some("10:16"), None)),
        );
        check(
            "July 27, 2021 at 3:05 pm EDT",
            true,
            Some(("2021-07-27", Some("15:05"), Some("EDT"))),
        );
        check(
            "Updated: Nov. 5, 2019",
            true,
            Some(("2019-11-05", None, None)),
        );
        check("27. Juli 2021", false, Some(("2021-07-27", None, None)));
        check(
            "le 3 février 2020 à 14h05",
            false,
            Some(("2020-02-03", Some("14:05"), None)),
        );
        check(
            "12 de marzo de 2020",
            false,
            Some(("2020-03-12", None, None)),
        );
        check("20210727", false, Some(("2021-07-27", None, None)));
        check(
            "1627380960",
            false,
            Some(("2021-07-27", Some("10:16"), Some("Z"))),
        );
        check("07/27/2021", false, Some(("2021-07-27", None, None)));
        check("03/04/2021", true, Some(("2021-03-04", None, None)));
        check("03/04/2021", false, Some(("2021-04-03", None, None)));
        check("1990-01-01", false, None);
        check("2021-02-30", false, None);
        check("no date here", false, None);
    }

    #[test]
    fn month_names() {
        let cases: &[(&str, Option<u8>)] = &[
            ("July", Some(7)),
            ("SEPT.", Some(9)),
            ("sep", Some(9)),
            ("März", Some(3)),
            ("juil", Some(7)),
            ("dicembre", Some(12)),
            ("Julyy", None),
            ("", None),
        ];
        for &(name, want) in cases {
            assert_eq!(month_from_name(name), want, "{name:?}");
        }
        let english =
            Regex::new(&format!("(?i)^(?:{})$", month_name_pattern(true))).expect("month pattern");
        assert!(english.is_match("September") && english.is_match("jun"));
        assert!(!english.is_match("juli") && !english.is_match("mars"));
        let all = month_name_pattern(false);
        assert!(all.split('|').any(|n| n == "juillet"));
        // longest first: "june" before "jun"
        let names: Vec<&str> = all.split('|').collect();
        let at = |n: &str| names.iter().position(|x| *x == n);
        assert!(at("june") < at("jun"));
    }

    #[test]
    fn numeric_date_shapes() {
        fn read(text: &str, shape: NumericShape) -> Vec<(u8, u8, i32, char, &str)> {
            numeric_dates(text, shape)
                .map(|n| {
                    let written = text.get(n.span.0..n.span.1).unwrap_or("");
                    (n.first, n.second, n.year, n.separator, written)
                })
                .collect()
        }
        let text = "27.07.21 10:16, 7-27-2021, 27. 7. 2021 and é03/04/2021";
        assert_eq!(
            read(text, NumericShape::Loose),
            vec![
                (27, 7, 21, '.', "27.07.21"),
                (7, 27, 2021, '-', "7-27-2021"),
                (27, 7, 2021, '.', "27. 7. 2021"),
                (3, 4, 2021, '/', "03/04/2021"),
            ]
        );
        // four-digit years, no spaces, no letter of any script touching
        assert_eq!(
            read(text, NumericShape::Strict),
            vec![(7, 27, 2021, '-', "7-27-2021")]
        );
        assert!(numeric_dates("27.07.21", NumericShape::Loose).all(|n| n.two_digit_year));
    }

    #[test]
    fn urls() {
        let day = |u: &str| date_in_url(u).and_then(|c| c.date).map(|d| d.to_string());
        assert_eq!(
            day("https://x.com/2021/07/27/story"),
            Some("2021-07-27".into())
        );
        assert_eq!(
            day("https://x.com/news/story-2021-07-27.html"),
            Some("2021-07-27".into())
        );
        assert_eq!(day("https://x.com/a/20210727/b"), Some("2021-07-27".into()));
        assert_eq!(
            day("https://x.com/news/27-07-2021-story-title/12-3.html"),
            Some("2021-07-27".into())
        );
        assert_eq!(day("https://x.com/news/99-07-2021-story"), None);
        assert_eq!(
            day("https://x.gov/Presse2021/210727_PM_Story.html"),
            Some("2021-07-27".into())
        );
        assert_eq!(day("https://x.com/article/210727-story"), None);
        assert_eq!(day("https://x.com/p/219999_x"), None);
        assert_eq!(
            day("https://x.com/2019/11/story.html"),
            Some("2019-11".into())
        );
        assert_eq!(day("https://2021.example.com/12345678"), None);
        assert_eq!(day("https://x.com/article/11574168580"), None);
    }

    #[test]
    fn script_values() {
        let check = |script: &str, want: Option<&str>| {
            assert_eq!(published_in_script(script), want, "{script}");
        };
        check(
            r#"window.state = {"title":"x","datePublished":"2021-03-04T10:00:00Z"};"#,
            Some("2021-03-04T10:00:00Z"),
        );
        check(
            r#"var s = "{\"publishDate\":\"2020-01-02\"}";"#,
            Some("2020-01-02"),
        );
        check(
            "dataLayer.push({published_at: '2019-05-06 10:11'});",
            Some("2019-05-06 10:11"),
        );
        check(
            r#"{"pubDate": "", "first_published": "12.03.2018"}"#,
            Some("12.03.2018"),
        );
        check(r#"{"updatedAt":"2021-03-04","views":"123456"}"#, None);
        // keys found from their `pub` and `created` parts, in any case
        check(r#"{"DATECREATED":"2017-01-02"}"#, Some("2017-01-02"));
        check(r#"{"First_Published_At":"2016-05-06"}"#, Some("2016-05-06"));
        check(
            r#"{"xdatePublished":"2021-03-04","pubDate":"2020-02-03"}"#,
            Some("2020-02-03"),
        );
        // a value without digits is passed over for the next key
        check(
            r#"{"datePublished":"yesterday","publishDate":"2019-01-01"}"#,
            Some("2019-01-01"),
        );
        check("pubpubpub created dateCreated", None);
        // keys across the edges of the chunks the search lowercases
        for key in ["datePublished", "DateCreated", "PUBDATE"] {
            for pad in KEY_CHUNK - 14..KEY_CHUNK + 2 {
                let script = format!(r#"{}{{"{key}":"2015-06-07"}}"#, " ".repeat(pad));
                check(&script, Some("2015-06-07"));
            }
        }
    }
}
