//! Publication-date evaluation: loaders for htmldate's evaluation pages,
//! the `date` fields of trafilatura's evaluation set and fundus's parser
//! fixtures, and htmldate's counting (`tests/evaluation.py`,
//! `evaluate_result`).
//!
//! htmldate counts a page as a true positive when the extracted day equals the
//! gold day, a false positive when another date comes out, a false negative
//! when none does; a page without gold and without output counts as a true
//! negative *and* a false negative (that is what its code does), one without
//! gold but with output as a false positive. Accuracy is
//! (TP + TN) / (TP + TN + FP + FN).

use crate::counts::{ratio, Confusion};
use crate::extraction::{decode_html, load_trafilatura_eval, read_gz_text, LoadError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// One page to date, with its gold.
#[derive(Debug, Clone)]
pub struct PubdatePage {
    /// File name (htmldate, trafilatura) or `country/file` (fundus).
    pub id: String,
    pub url: String,
    pub html: String,
    /// `YYYY-MM-DD`, or `None` for a page without a publication date.
    pub gold: Option<String>,
    /// Gold time of day `HH:MM` and UTC offset `+HH:MM` when the gold has them.
    pub gold_time: Option<String>,
    pub gold_offset: Option<String>,
    /// When the page was fetched (`YYYY-MM-DD`), when known.
    pub crawled: Option<String>,
}

/// Which data set a directory holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PubdateDataset {
    Htmldate,
    Trafilatura,
    Fundus,
}

impl std::str::FromStr for PubdateDataset {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "htmldate" => Ok(Self::Htmldate),
            "trafilatura" => Ok(Self::Trafilatura),
            "fundus" => Ok(Self::Fundus),
            other => Err(format!(
                "unknown data set {other:?} (htmldate, trafilatura, fundus)"
            )),
        }
    }
}

/// Loads the pages of `dataset` from `dir`, in a stable order.
pub fn load_pubdate(dataset: PubdateDataset, dir: &Path) -> Result<Vec<PubdatePage>, LoadError> {
    match dataset {
        PubdateDataset::Htmldate => load_htmldate_eval(dir),
        PubdateDataset::Trafilatura => load_trafilatura_dates(dir),
        PubdateDataset::Fundus => load_fundus_dates(dir),
    }
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, LoadError> {
    let raw = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_slice(&raw).map_err(|source| LoadError::Json {
        path: path.to_path_buf(),
        source,
    })
}

/// A gold value as a day: `2021-07-27`, with anything after the day ignored;
/// `None` for an empty or malformed value.
fn gold_day(value: &str) -> Option<String> {
    let v = value.trim();
    let day = v.get(..10)?;
    let b = day.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    shape.then(|| day.to_string())
}

#[derive(Deserialize)]
struct HtmldateEntry {
    file: String,
    #[serde(default)]
    date: Option<String>,
}

/// htmldate-eval: `eval.json` (`{url: {file, date}}`) and `html/<file>.gz`
/// (or `html/<file>` uncompressed); entries whose page is missing are skipped.
pub fn load_htmldate_eval(dir: &Path) -> Result<Vec<PubdatePage>, LoadError> {
    let data: BTreeMap<String, HtmldateEntry> = read_json(&dir.join("eval.json"))?;
    let mut pages = Vec::with_capacity(data.len());
    for (url, e) in data {
        let gz = dir.join("html").join(format!("{}.gz", e.file));
        let plain = dir.join("html").join(&e.file);
        let html = if gz.is_file() {
            read_gz_text(&gz)?
        } else if plain.is_file() {
            read_page(&plain)?
        } else {
            continue;
        };
        pages.push(PubdatePage {
            id: e.file,
            url,
            html,
            gold: e.date.as_deref().and_then(gold_day),
            gold_time: None,
            gold_offset: None,
            crawled: None,
        });
    }
    Ok(pages)
}

/// trafilatura-eval's pages with their `date` field (pages without one have
/// no gold and are scored by htmldate's rules for such pages).
pub fn load_trafilatura_dates(dir: &Path) -> Result<Vec<PubdatePage>, LoadError> {
    Ok(load_trafilatura_eval(dir)?
        .into_iter()
        .map(|p| PubdatePage {
            id: p.file,
            url: p.url,
            html: p.html,
            gold: p.date.as_deref().and_then(gold_day),
            gold_time: None,
            gold_offset: None,
            crawled: None,
        })
        .collect())
}

#[derive(Deserialize)]
struct FundusMeta {
    #[serde(default)]
    url: String,
    #[serde(default)]
    crawl_date: Option<String>,
}

#[derive(Deserialize)]
struct FundusExpected {
    #[serde(default)]
    publishing_date: Option<String>,
}

/// Splits a fundus timestamp (`2025-04-15 03:08:00+00:00`,
/// `2024-04-25 04:21:02`, `…12.613000+00:00`) into day, `HH:MM` and offset.
pub fn split_timestamp(ts: &str) -> Option<(String, Option<String>, Option<String>)> {
    let ts = ts.trim();
    let day = gold_day(ts)?;
    let rest = ts.get(10..).unwrap_or("").trim_start_matches(['T', ' ']);
    let time = rest
        .get(..5)
        .filter(|t| t.as_bytes().get(2) == Some(&b':'))
        .map(str::to_string);
    let offset = rest
        .rfind(['+', '-'])
        .filter(|&i| i >= 5)
        .and_then(|i| rest.get(i..))
        .filter(|o| o.len() == 6 && o.as_bytes()[3] == b':')
        .map(str::to_string)
        .or_else(|| rest.ends_with('Z').then(|| "+00:00".to_string()));
    Some((day, time, offset))
}

/// Version keys in order: `V1` < `V1_1` < `V1_2` < `V2`.
fn version_key(v: &str) -> Vec<u32> {
    v.trim_start_matches(['V', 'v'])
        .split('_')
        .map(|p| p.parse().unwrap_or(0))
        .collect()
}

/// fundus's parser fixtures: `<country>/<Publisher>.json` holds one expected
/// parse per parser version, `<Publisher>.meta.json` the URL and crawl date of
/// each `<Publisher>_<date>.html.gz`. fundus pairs a page with the parser
/// version valid at its crawl date; without the versions' validity dates,
/// pages and versions are paired in date order when their counts match, and
/// otherwise each version takes the earliest page crawled on or after its
/// gold publication day. Unpaired pages are left out.
pub fn load_fundus_dates(dir: &Path) -> Result<Vec<PubdatePage>, LoadError> {
    let mut countries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|source| LoadError::Io {
            path: dir.to_path_buf(),
            source,
        })?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    countries.sort();
    let mut pages = Vec::new();
    for country in countries {
        let mut metas: Vec<_> = std::fs::read_dir(&country)
            .map_err(|source| LoadError::Io {
                path: country.clone(),
                source,
            })?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with(".meta.json"))
            .collect();
        metas.sort();
        let country_name = country
            .file_name()
            .map(|c| c.to_string_lossy().into_owned())
            .unwrap_or_default();
        for meta_path in metas {
            let name = meta_path.to_string_lossy();
            let expected_path = std::path::PathBuf::from(name.replace(".meta.json", ".json"));
            if !expected_path.is_file() {
                continue;
            }
            let meta: BTreeMap<String, FundusMeta> = read_json(&meta_path)?;
            let expected: BTreeMap<String, FundusExpected> = read_json(&expected_path)?;
            let mut versions: Vec<(&String, &FundusExpected)> = expected.iter().collect();
            versions.sort_by_key(|(v, _)| version_key(v));
            let files: Vec<(&String, &FundusMeta)> = meta.iter().collect();
            for (file, version) in pair_fundus(&files, &versions) {
                let (file, m) = files[file];
                let Some(ts) = versions[version].1.publishing_date.as_deref() else {
                    continue;
                };
                let Some((day, time, offset)) = split_timestamp(ts) else {
                    continue;
                };
                let path = country.join(file);
                if !path.is_file() {
                    continue;
                }
                pages.push(PubdatePage {
                    id: format!("{country_name}/{file}"),
                    url: m.url.clone(),
                    html: read_gz_text(&path)?,
                    gold: Some(day),
                    gold_time: time,
                    gold_offset: offset,
                    crawled: m.crawl_date.as_deref().and_then(gold_day),
                });
            }
        }
    }
    Ok(pages)
}

/// (file index, version index) pairs; see [`load_fundus_dates`].
fn pair_fundus(
    files: &[(&String, &FundusMeta)],
    versions: &[(&String, &FundusExpected)],
) -> Vec<(usize, usize)> {
    if files.len() == versions.len() {
        return (0..files.len()).map(|i| (i, i)).collect();
    }
    let crawl = |i: usize| files[i].1.crawl_date.as_deref().and_then(gold_day);
    let mut used = vec![false; files.len()];
    let mut out = Vec::new();
    for (vi, (_, v)) in versions.iter().enumerate() {
        let Some(day) = v
            .publishing_date
            .as_deref()
            .and_then(split_timestamp)
            .map(|t| t.0)
        else {
            continue;
        };
        let best = (0..files.len())
            .filter(|&i| !used[i])
            .filter_map(|i| crawl(i).filter(|c| *c >= day).map(|c| (c, i)))
            .min();
        if let Some((_, i)) = best {
            used[i] = true;
            out.push((i, vi));
        }
    }
    out
}

/// Reads an uncompressed or gzipped HTML file (for single-page use).
pub fn read_page(path: &Path) -> Result<String, LoadError> {
    if path.extension().is_some_and(|e| e == "gz") {
        return read_gz_text(path);
    }
    let raw = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(decode_html(&raw))
}

/// What a dater said about one page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredictedDate {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `None` when no date was given.
    pub date: Option<String>,
    pub time: Option<String>,
    /// `Z`, `+02:00`, `+0200` or a zone name, as found.
    pub zone: Option<String>,
}

/// How one page scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// Right day.
    Hit,
    /// A date, but not the gold day (or a date for a page without gold).
    Wrong,
    /// No date for a page with gold.
    Missed,
    /// No date for a page without gold.
    RightlyNone,
}

/// Counts over a data set, htmldate-style plus coarser agreement.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct PubdateCounts {
    pub pages: usize,
    /// htmldate's confusion counts: a right date is a true positive, a wrong
    /// one a false positive (and a false negative when the page has gold).
    #[serde(flatten)]
    pub outcomes: Confusion,
    /// Pages with gold where our date has the right month / year.
    pub month_hits: usize,
    pub year_hits: usize,
    /// Pages with gold.
    pub with_gold: usize,
    /// Pages with gold for which a date came out.
    pub covered: usize,
    /// Pages with gold time and offset, and those where our instant matched
    /// the gold one to the minute.
    pub with_gold_time: usize,
    pub time_hits: usize,
}

impl PubdateCounts {
    /// Right day over pages with gold.
    pub fn day_accuracy(&self) -> f64 {
        ratio(self.outcomes.tp, self.with_gold)
    }
    pub fn month_accuracy(&self) -> f64 {
        ratio(self.month_hits, self.with_gold)
    }
    pub fn year_accuracy(&self) -> f64 {
        ratio(self.year_hits, self.with_gold)
    }
    pub fn coverage(&self) -> f64 {
        ratio(self.covered, self.with_gold)
    }
}

/// Offset in minutes east of UTC: `Z`, `UTC`, `GMT`, `+02:00`, `+0200`, `-05`.
fn offset_minutes(zone: &str) -> Option<i64> {
    let z = zone.trim();
    if matches!(z, "Z" | "UTC" | "GMT" | "z") {
        return Some(0);
    }
    let sign = match z.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = z[1..].chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        2 => (digits.parse::<i64>().ok()?, 0),
        4 => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
        _ => return None,
    };
    Some(sign * (h * 60 + m))
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` string (proleptic Gregorian).
fn days_of(day: &str) -> Option<i64> {
    let y: i64 = day.get(..4)?.parse().ok()?;
    let m: i64 = day.get(5..7)?.parse().ok()?;
    let d: i64 = day.get(8..10)?.parse().ok()?;
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn minutes_of(time: &str) -> Option<i64> {
    let h: i64 = time.get(..2)?.parse().ok()?;
    let m: i64 = time.get(3..5)?.parse().ok()?;
    Some(h * 60 + m)
}

/// The UTC minute of a day, time and zone, when all three are known.
fn instant(day: &str, time: Option<&str>, zone: Option<&str>) -> Option<i64> {
    Some(days_of(day)? * 1440 + minutes_of(time?)? - offset_minutes(zone?)?)
}

/// The day of our prediction as seen in the gold's offset: a timestamp
/// given in another zone may fall on another calendar day there.
fn day_in_gold_zone(page: &PubdatePage, p: &PredictedDate) -> Option<String> {
    let day = p.date.as_deref()?;
    let shifted = (|| {
        let gold_offset = offset_minutes(page.gold_offset.as_deref()?)?;
        let utc = instant(day, p.time.as_deref(), p.zone.as_deref())?;
        let local_days = (utc + gold_offset).div_euclid(1440);
        Some(day_string(local_days))
    })();
    Some(shifted.unwrap_or_else(|| day.to_string()))
}

fn day_string(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Scores one page and adds it to `counts`.
pub fn score_page(counts: &mut PubdateCounts, page: &PubdatePage, p: &PredictedDate) -> Outcome {
    counts.pages += 1;
    let ours = day_in_gold_zone(page, p);
    let Some(gold) = page.gold.as_deref() else {
        return if ours.is_none() {
            counts.outcomes.tn += 1;
            counts.outcomes.fn_ += 1;
            Outcome::RightlyNone
        } else {
            counts.outcomes.fp += 1;
            Outcome::Wrong
        };
    };
    counts.with_gold += 1;
    if page.gold_time.is_some() && page.gold_offset.is_some() {
        counts.with_gold_time += 1;
        let gold_instant = instant(gold, page.gold_time.as_deref(), page.gold_offset.as_deref());
        let ours_instant = p
            .date
            .as_deref()
            .and_then(|d| instant(d, p.time.as_deref(), p.zone.as_deref()));
        if gold_instant.is_some() && gold_instant == ours_instant {
            counts.time_hits += 1;
        }
    }
    let Some(ours) = ours else {
        counts.outcomes.fn_ += 1;
        return Outcome::Missed;
    };
    counts.covered += 1;
    if ours.get(..4) == gold.get(..4) {
        counts.year_hits += 1;
        if ours.len() >= 7 && ours.get(..7) == gold.get(..7) {
            counts.month_hits += 1;
        }
    }
    if ours == gold {
        counts.outcomes.tp += 1;
        Outcome::Hit
    } else {
        counts.outcomes.fp += 1;
        Outcome::Wrong
    }
}

/// One page's result, for error listings.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PageResult {
    pub id: String,
    pub url: String,
    pub gold: Option<String>,
    pub predicted: PredictedDate,
    pub outcome: Outcome,
    /// Days between our date and the gold one (for a coarser date, from its
    /// first day); `None` when either is missing.
    pub days_off: Option<i64>,
    /// How the dater explains its choice, and the clues it saw.
    pub notes: Vec<String>,
}

/// A data set's scores and every page's result.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PubdateReport {
    pub counts: PubdateCounts,
    pub pages: Vec<PageResult>,
}

impl PubdateReport {
    /// Wrong and missed pages, the farthest from the gold first (misses last).
    pub fn worst(&self, n: usize) -> Vec<&PageResult> {
        let mut bad: Vec<&PageResult> = self
            .pages
            .iter()
            .filter(|p| matches!(p.outcome, Outcome::Wrong | Outcome::Missed))
            .collect();
        bad.sort_by_key(|p| {
            (
                std::cmp::Reverse(p.days_off.map_or(-1, i64::abs)),
                p.id.clone(),
            )
        });
        bad.truncate(n);
        bad
    }
}

/// Dates every page with `dater` (which returns its date and notes) and scores it.
pub fn evaluate<F>(pages: &[PubdatePage], mut dater: F) -> PubdateReport
where
    F: FnMut(&PubdatePage) -> (PredictedDate, Vec<String>),
{
    let mut report = PubdateReport::default();
    for page in pages {
        let (predicted, notes) = dater(page);
        let outcome = score_page(&mut report.counts, page, &predicted);
        let days_off = match (&page.gold, &predicted.date) {
            (Some(g), Some(d)) => {
                let first_day = match d.len() {
                    4 => format!("{d}-01-01"),
                    7 => format!("{d}-01"),
                    _ => d.clone(),
                };
                days_of(&first_day).zip(days_of(g)).map(|(a, b)| a - b)
            }
            _ => None,
        };
        report.pages.push(PageResult {
            id: page.id.clone(),
            url: page.url.clone(),
            gold: page.gold.clone(),
            predicted,
            outcome,
            days_off,
            notes,
        });
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(gold: Option<&str>, offset: Option<&str>) -> PubdatePage {
        PubdatePage {
            id: "p".into(),
            url: String::new(),
            html: String::new(),
            gold: gold.map(str::to_string),
            gold_time: offset.map(|_| "23:30".to_string()),
            gold_offset: offset.map(str::to_string),
            crawled: None,
        }
    }

    fn predicted(date: Option<&str>, time: Option<&str>, zone: Option<&str>) -> PredictedDate {
        PredictedDate {
            date: date.map(str::to_string),
            time: time.map(str::to_string),
            zone: zone.map(str::to_string),
        }
    }

    fn check(gold: Option<&str>, offset: Option<&str>, ours: PredictedDate, want: Outcome) {
        let mut c = PubdateCounts::default();
        assert_eq!(score_page(&mut c, &page(gold, offset), &ours), want);
    }

    #[test]
    fn outcomes_follow_htmldate() {
        let day = |d: &str| predicted(Some(d), None, None);
        check(Some("2021-07-27"), None, day("2021-07-27"), Outcome::Hit);
        check(Some("2021-07-27"), None, day("2021-07-26"), Outcome::Wrong);
        check(Some("2021-07-27"), None, day("2021-07"), Outcome::Wrong);
        check(
            Some("2021-07-27"),
            None,
            PredictedDate::default(),
            Outcome::Missed,
        );
        check(None, None, PredictedDate::default(), Outcome::RightlyNone);
        check(None, None, day("2021-07-27"), Outcome::Wrong);
    }

    #[test]
    fn a_timestamp_is_compared_in_the_gold_zone() {
        // 21:30 UTC is 23:30 at +02:00, the same day
        let ours = predicted(Some("2021-07-27"), Some("21:30"), Some("Z"));
        check(Some("2021-07-27"), Some("+02:00"), ours, Outcome::Hit);
        // 23:30 at -05:00 is the next day in UTC
        let ours = predicted(Some("2021-07-28"), Some("04:30"), Some("+0000"));
        check(Some("2021-07-27"), Some("-05:00"), ours, Outcome::Hit);
    }

    #[test]
    fn counts_and_rates() {
        let mut c = PubdateCounts::default();
        let pages = [
            (Some("2021-07-27"), Some("2021-07-27")),
            (Some("2021-07-27"), Some("2021-07-01")),
            (Some("2021-07-27"), None),
            (None, None),
        ];
        for (gold, ours) in pages {
            score_page(&mut c, &page(gold, None), &predicted(ours, None, None));
        }
        assert_eq!(
            (c.outcomes.tp, c.outcomes.fp, c.outcomes.tn, c.outcomes.fn_),
            (1, 1, 1, 2)
        );
        assert_eq!(c.outcomes.accuracy(), 2.0 / 5.0);
        assert_eq!((c.month_hits, c.year_hits, c.covered), (2, 2, 2));
        assert!((c.day_accuracy() - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn timestamps_split() {
        assert_eq!(
            split_timestamp("2025-04-15 03:08:00+00:00"),
            Some((
                "2025-04-15".into(),
                Some("03:08".into()),
                Some("+00:00".into())
            ))
        );
        assert_eq!(
            split_timestamp("2024-04-25 04:21:02"),
            Some(("2024-04-25".into(), Some("04:21".into()), None))
        );
        assert_eq!(
            split_timestamp("2026-05-17 17:06:53.612000-05:00").map(|t| t.2),
            Some(Some("-05:00".into()))
        );
        assert_eq!(split_timestamp("yesterday"), None);
        assert_eq!(day_string(days_of("2024-02-29").unwrap()), "2024-02-29");
        assert_eq!(version_key("V1_2"), vec![1, 2]);
    }
}
