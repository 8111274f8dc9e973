//! TimeML values computed from the document creation time (the anchor).

use crate::tense::Tense;
use chronicle_model::date::{days_from_civil, days_in_month, weekday_from_days};
use chronicle_model::PartialDate;

/// What is known of the document creation time.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Anchor {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Anchor {
    pub fn new(dct: Option<PartialDate>) -> Self {
        match dct {
            None => Anchor::default(),
            Some(d) => Anchor {
                year: Some(d.year),
                month: d.month,
                day: d.month.and(d.day),
            },
        }
    }

    /// Day number of the anchor when it is known to the day.
    pub fn days(&self) -> Option<i64> {
        Some(days_from_civil(self.year?, self.month?, self.day?))
    }

    pub fn quarter(&self) -> Option<u8> {
        self.month.map(|m| (m - 1) / 3 + 1)
    }
}

pub(crate) fn fmt_year(y: i32) -> String {
    if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else {
        y.to_string()
    }
}

pub(crate) fn fmt_days(days: i64) -> String {
    PartialDate::from_days(days).to_string()
}

pub(crate) fn fmt_ymd(y: Option<i32>, m: u8, d: u8) -> String {
    match y {
        Some(y) => format!("{}-{m:02}-{d:02}", fmt_year(y)),
        None => format!("XXXX-{m:02}-{d:02}"),
    }
}

pub(crate) fn fmt_ym(y: Option<i32>, m: u8) -> String {
    match y {
        Some(y) => format!("{}-{m:02}", fmt_year(y)),
        None => format!("XXXX-{m:02}"),
    }
}

/// ISO week-year and week of a day number.
pub(crate) fn iso_week(days: i64) -> (i32, u32) {
    let wd = i64::from(weekday_from_days(days));
    let thursday = days - wd + 4;
    let (y, _, _) = chronicle_model::date::civil_from_days(thursday);
    let jan1 = days_from_civil(y, 1, 1);
    (y, ((thursday - jan1) / 7 + 1) as u32)
}

pub(crate) fn fmt_week(days: i64) -> String {
    let (y, w) = iso_week(days);
    format!("{}-W{w:02}", fmt_year(y))
}

fn shift_month(y: i32, m: u8, n: i64) -> (i32, u8) {
    let total = i64::from(y) * 12 + i64::from(m) - 1 + n;
    (
        total.div_euclid(12) as i32,
        (total.rem_euclid(12) + 1) as u8,
    )
}

/// Calendar units a relative expression can move by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CalUnit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl CalUnit {
    pub fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "D" => CalUnit::Day,
            "W" => CalUnit::Week,
            "M" => CalUnit::Month,
            "Q" => CalUnit::Quarter,
            "Y" => CalUnit::Year,
            "DE" => CalUnit::Decade,
            "CE" => CalUnit::Century,
            _ => return None,
        })
    }
}

/// The unit containing the anchor moved by `n` units: "last week" is `(Week, -1)`.
pub(crate) fn relative(a: &Anchor, unit: CalUnit, n: i64) -> String {
    let n32 = n.clamp(-100_000, 100_000);
    match unit {
        CalUnit::Day => match a.days() {
            Some(d) => fmt_days(d + n32),
            None => "XXXX-XX-XX".into(),
        },
        CalUnit::Week => match a.days() {
            Some(d) => fmt_week(d + 7 * n32),
            None => "XXXX-WXX".into(),
        },
        CalUnit::Month => match (a.year, a.month) {
            (Some(y), Some(m)) => {
                let (y, m) = shift_month(y, m, n32);
                fmt_ym(Some(y), m)
            }
            _ => "XXXX-XX".into(),
        },
        CalUnit::Quarter => match (a.year, a.quarter()) {
            (Some(y), Some(q)) => {
                let (y, m) = shift_month(y, (q - 1) * 3 + 1, 3 * n32);
                format!("{}-Q{}", fmt_year(y), (m - 1) / 3 + 1)
            }
            (Some(y), None) if n == 0 => format!("{}-QX", fmt_year(y)),
            _ => "XXXX-QX".into(),
        },
        CalUnit::Year => match a.year {
            Some(y) => fmt_year(y + n32 as i32),
            None => "XXXX".into(),
        },
        CalUnit::Decade => match a.year {
            Some(y) => decade_value(y.div_euclid(10) + n32 as i32),
            None => "XXX".into(),
        },
        CalUnit::Century => match a.year {
            Some(y) => century_value(y.div_euclid(100) + n32 as i32),
            None => "XX".into(),
        },
    }
}

pub(crate) fn decade_value(decade: i32) -> String {
    if (0..=999).contains(&decade) {
        format!("{decade:03}")
    } else {
        decade.to_string()
    }
}

pub(crate) fn century_value(century: i32) -> String {
    if (0..=99).contains(&century) {
        format!("{century:02}")
    } else {
        century.to_string()
    }
}

/// The year of a month named without one: the occurrence that fits the anchor and the tense.
/// `rel` is -1 for "last June", 1 for "next June", 0 for "this June".
pub(crate) fn year_of_month_day(
    a: &Anchor,
    m: u8,
    d: Option<u8>,
    tense: Tense,
    rel: Option<i64>,
) -> Option<i32> {
    let y = a.year?;
    let Some(am) = a.month else { return Some(y) };
    match rel {
        Some(-1) | Some(1) => {
            let here = (am, a.day.unwrap_or(0));
            let there = (m, d.unwrap_or(0));
            let same_month = m == am && (d.is_none() || a.day.is_none());
            let ahead = there > here && !same_month;
            let behind = there < here && !same_month;
            return Some(match rel {
                Some(-1) if behind => y,
                Some(-1) => y - 1,
                _ if ahead => y,
                _ => y + 1,
            });
        }
        Some(_) => return Some(y),
        None => {}
    }
    // The occurrence nearest the anchor, unless the tense points clearly the other way.
    let anchor_day = days_from_civil(y, am, a.day.unwrap_or(15));
    let day = d.unwrap_or(15);
    let mut best = y;
    let mut best_gap = i64::MAX;
    for cand in [y - 1, y, y + 1] {
        let dd = day.min(days_in_month(cand, m).max(1));
        let gap = days_from_civil(cand, m, dd) - anchor_day;
        let fits = match tense {
            Tense::Past => gap <= 62,
            Tense::Future => gap >= -62,
            _ => true,
        };
        // News tells mostly of what has happened: without a future signal, a later
        // occurrence must be much nearer than an earlier one to win.
        let weighted = if gap > 0 && tense != Tense::Future {
            gap * 2
        } else {
            gap.abs()
        };
        if fits && weighted < best_gap {
            best = cand;
            best_gap = weighted;
        }
    }
    Some(best)
}

/// A weekday named without a date: the occurrence nearest the anchor in the direction the tense points.
pub(crate) fn weekday_value(a: &Anchor, wd: u8, tense: Tense, rel: Option<i64>) -> String {
    let Some(days) = a.days() else {
        return format!("XXXX-WXX-{wd}");
    };
    let today = i64::from(weekday_from_days(days));
    let wd = i64::from(wd);
    let back = (today - wd).rem_euclid(7);
    let ahead = (wd - today).rem_euclid(7);
    let target = match rel {
        Some(-1) => days - if back == 0 { 7 } else { back },
        Some(1) => days + if ahead == 0 { 7 } else { ahead },
        Some(_) => days - today + wd,
        None => match tense {
            Tense::Future => days + ahead,
            _ => days - back,
        },
    };
    fmt_days(target)
}

/// The year of a season moved by `rel`. "this past spring" (`nearest`) is the latest
/// spring begun before the anchor's month, "this coming winter" the first one after it;
/// "last spring" is the spring of the year before.
pub(crate) fn year_of_season(a: &Anchor, season: &str, rel: i64, nearest: bool) -> Option<i32> {
    let y = a.year?;
    let start = match season {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        "WI" => 12,
        _ => 0,
    };
    Some(match a.month {
        Some(m) if nearest && start > 0 => {
            if rel < 0 {
                if start < m {
                    y
                } else {
                    y - 1
                }
            } else if start > m {
                y
            } else {
                y + 1
            }
        }
        _ => y + rel.clamp(-10_000, 10_000) as i32,
    })
}

/// The quarter (or half) named by its ordinal without a year.
pub(crate) fn year_of_quarter(a: &Anchor, q: u8, per_year: u8, tense: Tense) -> Option<i32> {
    let y = a.year?;
    let Some(m) = a.month else { return Some(y) };
    let current = (m - 1) / (12 / per_year) + 1;
    // Reports name the latest quarter or an earlier one of the year, whatever the tense.
    let _ = tense;
    Some(if q <= current { y } else { y - 1 })
}

/// The n-th (negative: from the end) ISO weekday of a month.
pub(crate) fn nth_weekday(y: i32, m: u8, wd: u8, n: i64) -> Option<u8> {
    let dim = days_in_month(y, m);
    if dim == 0 {
        return None;
    }
    if n > 0 {
        let first = weekday_from_days(days_from_civil(y, m, 1));
        let d = 1 + (i64::from(wd) - i64::from(first)).rem_euclid(7) + 7 * (n - 1);
        (d <= i64::from(dim)).then_some(d as u8)
    } else {
        let last = weekday_from_days(days_from_civil(y, m, dim));
        let d = i64::from(dim) - (i64::from(last) - i64::from(wd)).rem_euclid(7) + 7 * (n + 1);
        (d >= 1).then_some(d as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(s: &str) -> Anchor {
        Anchor::new(Some(s.parse().unwrap()))
    }

    #[test]
    fn relative_units() {
        let a = anchor("2021-01-03");
        assert_eq!(relative(&a, CalUnit::Week, 0), "2020-W53");
        assert_eq!(relative(&a, CalUnit::Month, -1), "2020-12");
        assert_eq!(relative(&a, CalUnit::Quarter, -1), "2020-Q4");
        assert_eq!(relative(&a, CalUnit::Decade, 0), "202");
        assert_eq!(relative(&Anchor::default(), CalUnit::Day, -1), "XXXX-XX-XX");
    }

    #[test]
    fn weekdays_follow_tense() {
        // 2021-07-28 is a Wednesday.
        let a = anchor("2021-07-28");
        assert_eq!(weekday_value(&a, 1, Tense::Past, None), "2021-07-26");
        assert_eq!(weekday_value(&a, 1, Tense::Future, None), "2021-08-02");
        assert_eq!(weekday_value(&a, 3, Tense::Past, Some(-1)), "2021-07-21");
        assert_eq!(nth_weekday(2021, 11, 4, 4), Some(25));
        assert_eq!(nth_weekday(2021, 5, 1, -1), Some(31));
    }
}
