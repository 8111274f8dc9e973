//! Day-granular timelines as tilse and news-tls see them, and tilse's text format.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chronicle_model::date::{civil_from_days, days_from_civil};
use chronicle_model::{Granularity, PartialDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day, stored as days since 1970-01-01, so that the difference of
/// two days is Python's `date.toordinal()` difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i64);

impl Day {
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Day> {
        PartialDate::ymd(year, month, day).map(|d| Day(d.first_day()))
    }

    /// The day with this number (days since 1970-01-01).
    pub fn from_days(days: i64) -> Day {
        Day(days)
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        self.0
    }

    /// Absolute distance in days.
    pub fn distance(self, other: Day) -> u64 {
        self.0.abs_diff(other.0)
    }

    pub fn to_partial_date(self) -> PartialDate {
        PartialDate::from_days(self.0)
    }
}

impl TryFrom<PartialDate> for Day {
    type Error = PartialDate;

    /// Only a date known to the day converts.
    fn try_from(d: PartialDate) -> Result<Self, Self::Error> {
        if d.granularity() == Granularity::Day {
            Ok(Day(d.first_day()))
        } else {
            Err(d)
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = civil_from_days(self.0);
        debug_assert_eq!(days_from_civil(y, m, d), self.0);
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl FromStr for Day {
    type Err = String;

    /// `YYYY-MM-DD` (a longer ISO timestamp is cut to its date).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let date: PartialDate = s
            .parse()
            .map_err(|e: chronicle_model::date::DateParseError| e.to_string())?;
        Day::try_from(date).map_err(|_| format!("'{}' is not a full date YYYY-MM-DD", s.trim()))
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A timeline: for each day, its summary sentences (tokens separated by spaces).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    pub entries: BTreeMap<Day, Vec<String>>,
}

/// The line that closes a day's summary in tilse's text format.
const SEPARATOR: &str = "--------------------------------";

/// Why a text is not a timeline in tilse's text format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct TimelineParseError {
    pub line: usize,
    pub message: String,
}

impl Timeline {
    pub fn new() -> Self {
        Timeline::default()
    }

    /// A later entry for the same day replaces an earlier one, as a Python dict does.
    pub fn from_entries<I: IntoIterator<Item = (Day, Vec<String>)>>(entries: I) -> Self {
        Timeline {
            entries: entries.into_iter().collect(),
        }
    }

    pub fn dates(&self) -> impl Iterator<Item = Day> + '_ {
        self.entries.keys().copied()
    }

    /// The summary of a day; empty when the day is not in the timeline.
    pub fn get(&self, day: Day) -> &[String] {
        self.entries.get(&day).map_or(&[], Vec::as_slice)
    }

    pub fn contains(&self, day: Day) -> bool {
        self.entries.contains_key(&day)
    }

    /// Number of dates (news-tls's T).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn first_date(&self) -> Option<Day> {
        self.entries.keys().next().copied()
    }

    pub fn last_date(&self) -> Option<Day> {
        self.entries.keys().next_back().copied()
    }

    pub fn num_sentences(&self) -> usize {
        self.entries.values().map(Vec::len).sum()
    }

    /// Mean number of sentences per date rounded as news-tls does (Python's
    /// `round`, halves to even); `None` for an empty timeline.
    pub fn mean_sentences_per_date(&self) -> Option<usize> {
        if self.entries.is_empty() {
            return None;
        }
        let mean = self.num_sentences() as f64 / self.entries.len() as f64;
        Some(mean.round_ties_even() as usize)
    }

    /// Parses tilse's text format (`Timeline.from_file`): a `YYYY-MM-DD` line,
    /// the summary's sentences one a line, then a line of 32 dashes. Lines are
    /// trimmed; a later block for the same day replaces an earlier one; lines
    /// after the last dash line are ignored, as tilse does.
    pub fn parse_tilse(text: &str) -> Result<Timeline, TimelineParseError> {
        let mut timeline = Timeline::new();
        let mut date: Option<Day> = None;
        let mut summary: Vec<&str> = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim_matches(crate::rouge::is_python_space);
            if line == SEPARATOR {
                let Some(day) = date.take() else {
                    return Err(TimelineParseError {
                        line: i + 1,
                        message: "summary closed before any date line".to_string(),
                    });
                };
                timeline.entries.insert(day, tilse_summary(&summary));
                summary.clear();
            } else if let Some(day) = parse_strict_day(line) {
                date = Some(day);
            } else {
                summary.push(line);
            }
        }
        Ok(timeline)
    }

    /// Writes tilse's text format, dates in ascending order.
    pub fn to_tilse_text(&self) -> String {
        let mut out = String::new();
        for (day, sentences) in &self.entries {
            out.push_str(&day.to_string());
            out.push('\n');
            for s in sentences {
                out.push_str(s);
                out.push('\n');
            }
            out.push_str(SEPARATOR);
            out.push('\n');
        }
        out
    }
}

/// tilse keeps `summary.strip().split("\n")`: blank lines at the ends go,
/// blank lines inside stay as empty sentences, and an empty block is one
/// empty sentence.
fn tilse_summary(lines: &[&str]) -> Vec<String> {
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    match (first, last) {
        (Some(a), Some(b)) => lines[a..=b].iter().map(|s| s.to_string()).collect(),
        _ => vec![String::new()],
    }
}

/// A `YYYY-MM-DD` line (what `strptime('%Y-%m-%d')` takes with zero-padded fields).
fn parse_strict_day(line: &str) -> Option<Day> {
    let b = line.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    line.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        s.parse().unwrap()
    }

    #[test]
    fn day_round_trip_and_distance() {
        let a = day("2011-02-28");
        let b = day("2011-03-01");
        assert_eq!(a.distance(b), 1);
        assert_eq!(b.to_string(), "2011-03-01");
        assert_eq!(Day::from_ymd(1970, 1, 1).map(Day::days), Some(0));
        assert!("2011-02".parse::<Day>().is_err());
        assert!("2011-02-30".parse::<Day>().is_err());
    }

    #[test]
    fn tilse_text_round_trip_and_quirks() {
        let text = "2012-05-02\nFirst line .\n\nSecond line .\n--------------------------------\n\
                    2012-05-01\nOld .\n--------------------------------\n\
                    2012-05-01\n  New .  \n--------------------------------\n\
                    2012-05-03\n--------------------------------\n\
                    2012-05-04\ndangling\n";
        let tl = Timeline::parse_tilse(text).unwrap();
        assert_eq!(tl.len(), 3);
        assert_eq!(tl.get(day("2012-05-01")), ["New ."]);
        assert_eq!(
            tl.get(day("2012-05-02")),
            ["First line .", "", "Second line ."]
        );
        assert_eq!(tl.get(day("2012-05-03")), [""]);
        assert!(!tl.contains(day("2012-05-04")));
        assert_eq!(Timeline::parse_tilse(&tl.to_tilse_text()).unwrap(), tl);
        assert!(Timeline::parse_tilse("text\n--------------------------------\n").is_err());
    }

    #[test]
    fn mean_sentences_rounds_half_to_even() {
        let mk = |counts: &[usize]| {
            Timeline::from_entries(
                counts
                    .iter()
                    .enumerate()
                    .map(|(i, &n)| (Day::from_days(i as i64), vec!["x".to_string(); n])),
            )
        };
        assert_eq!(mk(&[1, 2]).mean_sentences_per_date(), Some(2)); // 1.5
        assert_eq!(mk(&[2, 3]).mean_sentences_per_date(), Some(2)); // 2.5
        assert_eq!(mk(&[1, 1, 2]).mean_sentences_per_date(), Some(1));
        assert_eq!(Timeline::new().mean_sentences_per_date(), None);
    }
}
