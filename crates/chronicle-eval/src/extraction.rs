//! Main-text extraction metrics and loaders.
//!
//! * The scrapinghub article-extraction-benchmark scorer (`evaluate.py`): per page,
//!   token 4-gram shingle counts of prediction and gold give tp/fp/fn, normalised by
//!   their sum; precision and recall are averaged over pages; F1 comes from the mean
//!   precision and recall.
//! * The trafilatura evaluation scorer (`eval_common.py`): every "with"/"without"
//!   snippet is a true/false positive/negative by whitespace-normalised substring test.

use crate::counts::{ratio, Confusion};
use flate2::read::GzDecoder;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

/// Shingle size used by the benchmark.
pub const SHINGLE_N: usize = 4;

/// Python's `re` `\w` on `str`: characters for which `str.isalnum()` holds
/// (general categories L* and N*) and the underscore. Combining marks and
/// symbols such as `ⓒ` are not word characters there, unlike Rust's `\w`.
static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}_]+").expect("static regex"));

/// The benchmark's tokenizer: maximal runs of word characters.
pub fn tokenize(text: &str) -> Vec<&str> {
    WORD.find_iter(text).map(|m| m.as_str()).collect()
}

/// Shingle counts; like the original, a text shorter than `n` tokens yields one
/// shorter shingle (and an empty text none).
fn shingles<'a>(tokens: &'a [&'a str], n: usize) -> HashMap<&'a [&'a str], usize> {
    let mut counts: HashMap<&[&str], usize> = HashMap::new();
    let windows = tokens.len().saturating_sub(n).saturating_add(1).max(1);
    for i in 0..windows {
        let end = (i + n).min(tokens.len());
        if i < end {
            *counts.entry(&tokens[i..end]).or_insert(0) += 1;
        }
    }
    counts
}

/// Normalised (tp, fp, fn) of one page, as `string_shingle_matching` computes it.
pub fn shingle_counts(pred: &str, gold: &str) -> (f64, f64, f64) {
    let gold_tokens = tokenize(gold);
    let pred_tokens = tokenize(pred);
    let gold_sh = shingles(&gold_tokens, SHINGLE_N);
    let pred_sh = shingles(&pred_tokens, SHINGLE_N);
    let (mut tp, mut fp, mut fn_) = (0.0f64, 0.0f64, 0.0f64);
    for (key, &g) in &gold_sh {
        let p = pred_sh.get(key).copied().unwrap_or(0);
        tp += g.min(p) as f64;
        fn_ += g.saturating_sub(p) as f64;
        fp += p.saturating_sub(g) as f64;
    }
    for (key, &p) in &pred_sh {
        if !gold_sh.contains_key(key) {
            fp += p as f64;
        }
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        (tp / s, fp / s, fn_ / s)
    } else {
        (tp, fp, fn_)
    }
}

fn precision_score(tp: f64, fp: f64, fn_: f64) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

fn recall_score(tp: f64, fp: f64, fn_: f64) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fn_ == 0.0 {
        0.0
    } else {
        tp / (tp + fn_)
    }
}

/// Shingle precision and recall of one page.
pub fn shingle_scores(pred: &str, gold: &str) -> (f64, f64) {
    let (tp, fp, fn_) = shingle_counts(pred, gold);
    (precision_score(tp, fp, fn_), recall_score(tp, fp, fn_))
}

/// Benchmark totals over pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShingleMetrics {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Share of pages whose token sequence equals the gold one exactly.
    pub accuracy: f64,
    pub pages: usize,
}

/// Aggregates `(pred, gold)` pairs the way `evaluate.py` does: precision averaged
/// over pages with tp+fp > 0, recall over pages with tp+fn > 0.
pub fn shingle_metrics<'a, I>(pairs: I) -> ShingleMetrics
where
    I: IntoIterator<Item = (&'a str, &'a str)>,
{
    let (mut p_sum, mut p_n, mut r_sum, mut r_n, mut acc, mut pages) =
        (0.0, 0usize, 0.0, 0usize, 0.0, 0usize);
    for (pred, gold) in pairs {
        let (tp, fp, fn_) = shingle_counts(pred, gold);
        if tp + fp > 0.0 {
            p_sum += precision_score(tp, fp, fn_);
            p_n += 1;
        }
        if tp + fn_ > 0.0 {
            r_sum += recall_score(tp, fp, fn_);
            r_n += 1;
        }
        if tokenize(pred) == tokenize(gold) {
            acc += 1.0;
        }
        pages += 1;
    }
    let precision = if p_n > 0 { p_sum / p_n as f64 } else { 0.0 };
    let recall = if r_n > 0 { r_sum / r_n as f64 } else { 0.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    ShingleMetrics {
        precision,
        recall,
        f1,
        accuracy: if pages > 0 { acc / pages as f64 } else { 0.0 },
        pages,
    }
}

/// Errors from the extraction-set loaders.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("bad JSON in {path}: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Decodes page bytes: a BOM, else UTF-8 when valid, else a `charset`
/// declared in the first 4 KB (a page declaring UTF-8 with a stray invalid
/// byte is decoded as UTF-8 with a replacement character, as browsers do),
/// else windows-1252.
pub fn decode_html(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let head = &bytes[..bytes.len().min(4096)];
    let head_text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let declared = head_text.find("charset").and_then(|i| {
        let rest = head_text[i + 7..]
            .trim_start_matches(|c: char| c == '=' || c == '"' || c == '\'' || c.is_whitespace());
        let label: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        encoding_rs::Encoding::for_label(label.as_bytes())
    });
    let enc = declared.unwrap_or(encoding_rs::WINDOWS_1252);
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// Reads a gzipped page and decodes it with [`decode_html`].
pub fn read_gz_text(path: &Path) -> Result<String, LoadError> {
    let raw = read_bytes(path)?;
    let mut out = Vec::new();
    GzDecoder::new(raw.as_slice())
        .read_to_end(&mut out)
        .map_err(|source| LoadError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(decode_html(&out))
}

/// One page of the scrapinghub benchmark.
#[derive(Debug, Clone)]
pub struct ScrapinghubPage {
    pub id: String,
    pub url: String,
    pub html: String,
    pub gold_body: String,
}

#[derive(Deserialize)]
struct GroundTruthEntry {
    #[serde(default, rename = "articleBody")]
    article_body: String,
    #[serde(default)]
    url: String,
}

/// Loads `ground-truth.json` and `html/<id>.html.gz` from the benchmark directory,
/// pages sorted by id.
pub fn load_scrapinghub(dir: &Path) -> Result<Vec<ScrapinghubPage>, LoadError> {
    let gt_path = dir.join("ground-truth.json");
    let raw = read_bytes(&gt_path)?;
    let truth: BTreeMap<String, GroundTruthEntry> =
        serde_json::from_slice(&raw).map_err(|source| LoadError::Json {
            path: gt_path.clone(),
            source,
        })?;
    let mut pages = Vec::with_capacity(truth.len());
    for (id, entry) in truth {
        let html = read_gz_text(&dir.join("html").join(format!("{id}.html.gz")))?;
        pages.push(ScrapinghubPage {
            id,
            url: entry.url,
            html,
            gold_body: entry.article_body,
        });
    }
    Ok(pages)
}

/// One page of trafilatura's evaluation set.
#[derive(Debug, Clone)]
pub struct TrafilaturaPage {
    pub url: String,
    pub file: String,
    pub html: String,
    pub with: Vec<String>,
    pub without: Vec<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    /// Several authors are joined with "; ".
    pub author: Option<String>,
}

#[derive(Deserialize)]
struct EvalEntry {
    file: String,
    #[serde(default)]
    with: Vec<String>,
    #[serde(default)]
    without: Vec<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
    /// A string, or a list of names on a few pages.
    #[serde(default)]
    author: Option<serde_json::Value>,
}

/// Loads `evaldata.json` and the pages under `html/` (`<file>.gz`), sorted by URL;
/// entries whose page is missing are skipped.
pub fn load_trafilatura_eval(dir: &Path) -> Result<Vec<TrafilaturaPage>, LoadError> {
    let path = dir.join("evaldata.json");
    let raw = read_bytes(&path)?;
    let data: BTreeMap<String, EvalEntry> =
        serde_json::from_slice(&raw).map_err(|source| LoadError::Json {
            path: path.clone(),
            source,
        })?;
    let mut pages = Vec::new();
    for (url, e) in data {
        let base = Path::new(&e.file)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let gz = dir.join("html").join(format!("{base}.gz"));
        if !gz.is_file() {
            continue;
        }
        let html = read_gz_text(&gz)?;
        pages.push(TrafilaturaPage {
            url,
            file: e.file,
            html,
            with: e.with,
            without: e.without,
            date: e.date,
            title: e.title,
            author: e.author.and_then(|a| match a {
                serde_json::Value::String(s) => Some(s),
                serde_json::Value::Array(items) => Some(
                    items
                        .iter()
                        .filter_map(|x| x.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                _ => None,
            }),
        });
    }
    Ok(pages)
}

/// `norm` of eval_common.py: whitespace runs to one space, trimmed.
pub fn norm_ws(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `count_item` of eval_common.py; `None` output (a failed run) misses everything.
pub fn snippet_counts(with: &[String], without: &[String], output: Option<&str>) -> Confusion {
    let (tp, fp) = match output {
        Some(text) => {
            let t = norm_ws(text);
            (
                with.iter().filter(|w| t.contains(&norm_ws(w))).count(),
                without.iter().filter(|w| t.contains(&norm_ws(w))).count(),
            )
        }
        None => (0, 0),
    };
    Confusion {
        tp,
        fp,
        fn_: with.len() - tp,
        tn: without.len() - fp,
    }
}

/// One page of the fundus news fixtures with its expected parse.
#[derive(Debug, Clone, Serialize)]
pub struct FundusPage {
    /// `<country>/<file>`.
    pub id: String,
    pub country: String,
    pub publisher: String,
    pub url: String,
    pub crawl_date: String,
    #[serde(skip)]
    pub html: String,
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// As given, e.g. `2025-04-15 03:08:00+00:00`.
    pub published: Option<String>,
    /// Summary, section headlines and paragraphs, one per line.
    pub body: String,
}

#[derive(Deserialize)]
struct FundusMeta {
    #[serde(default)]
    url: String,
    #[serde(default)]
    crawl_date: String,
}

#[derive(Deserialize, Default)]
struct FundusBody {
    #[serde(default)]
    summary: Vec<String>,
    #[serde(default)]
    sections: Vec<FundusSection>,
}

#[derive(Deserialize)]
struct FundusSection {
    #[serde(default)]
    headline: Vec<String>,
    #[serde(default)]
    paragraphs: Vec<String>,
}

#[derive(Deserialize)]
struct FundusExpected {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    #[serde(default)]
    publishing_date: Option<String>,
    #[serde(default)]
    body: Option<FundusBody>,
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, LoadError> {
    let raw = read_bytes(path)?;
    serde_json::from_slice(&raw).map_err(|source| LoadError::Json {
        path: path.to_path_buf(),
        source,
    })
}

/// Loads the fundus fixtures: every `<country>/<Publisher>.json` with its
/// `.meta.json` and pages, sorted by id. A publisher's JSON holds one expected
/// parse per parser version, and its pages are not labelled with a version:
/// each version goes to the page whose words cover most of its expected
/// title and body (pages left over are skipped).
pub fn load_fundus(dir: &Path) -> Result<Vec<FundusPage>, LoadError> {
    let mut pages = Vec::new();
    let countries = std::fs::read_dir(dir).map_err(|source| LoadError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut country_dirs: Vec<PathBuf> = countries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    country_dirs.sort();
    for cdir in country_dirs {
        let country = cdir
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let entries = std::fs::read_dir(&cdir).map_err(|source| LoadError::Io {
            path: cdir.clone(),
            source,
        })?;
        let mut expected_files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|x| x == "json")
                    && !p.to_string_lossy().ends_with(".meta.json")
            })
            .collect();
        expected_files.sort();
        for exp_path in expected_files {
            let publisher = exp_path
                .file_stem()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            let meta_path = cdir.join(format!("{publisher}.meta.json"));
            if !meta_path.is_file() {
                continue;
            }
            let expected: BTreeMap<String, FundusExpected> = read_json(&exp_path)?;
            let meta: BTreeMap<String, FundusMeta> = read_json(&meta_path)?;
            let mut files = Vec::new();
            for (file, m) in meta {
                let path = cdir.join(&file);
                if path.is_file() {
                    let html = read_gz_text(&path)?;
                    files.push((file, m, html));
                }
            }
            let versions: Vec<(String, FundusExpected)> = expected.into_iter().collect();
            for (vi, fi) in match_versions(&versions, &files) {
                let (_, e) = &versions[vi];
                let (file, m, html) = &files[fi];
                pages.push(FundusPage {
                    id: format!("{country}/{file}"),
                    country: country.clone(),
                    publisher: publisher.clone(),
                    url: m.url.clone(),
                    crawl_date: m.crawl_date.clone(),
                    html: html.clone(),
                    title: e.title.clone(),
                    authors: e.authors.clone(),
                    published: e.publishing_date.clone(),
                    body: fundus_body_text(e.body.as_ref()),
                });
            }
        }
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

fn fundus_body_text(body: Option<&FundusBody>) -> String {
    let Some(b) = body else {
        return String::new();
    };
    let mut lines: Vec<&str> = b.summary.iter().map(String::as_str).collect();
    for s in &b.sections {
        lines.extend(s.headline.iter().map(String::as_str));
        lines.extend(s.paragraphs.iter().map(String::as_str));
    }
    lines.join("\n")
}

/// Pairs expected parses with pages, best word coverage first.
fn match_versions(
    versions: &[(String, FundusExpected)],
    files: &[(String, FundusMeta, String)],
) -> Vec<(usize, usize)> {
    let file_words: Vec<std::collections::HashSet<&str>> = files
        .iter()
        .map(|(_, _, html)| tokenize(html).into_iter().collect())
        .collect();
    let mut scored = Vec::new();
    for (vi, (_, e)) in versions.iter().enumerate() {
        let text = format!(
            "{} {}",
            e.title.as_deref().unwrap_or(""),
            fundus_body_text(e.body.as_ref())
        );
        let words: Vec<&str> = tokenize(&text).into_iter().take(300).collect();
        for (fi, set) in file_words.iter().enumerate() {
            let hit = words.iter().filter(|w| set.contains(*w)).count();
            let cover = hit as f64 / words.len().max(1) as f64;
            scored.push((cover, vi, fi));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut used_v, mut used_f) = (vec![false; versions.len()], vec![false; files.len()]);
    let mut pairs = Vec::new();
    for (_, vi, fi) in scored {
        if !used_v[vi] && !used_f[fi] {
            used_v[vi] = true;
            used_f[fi] = true;
            pairs.push((vi, fi));
        }
    }
    pairs
}

/// What an extractor returned for one page.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub text: String,
    pub title: Option<String>,
    pub authors: Vec<String>,
}

/// Scores of one page, with a compact diff for error listings.
#[derive(Debug, Clone, Serialize)]
pub struct PageScore {
    pub id: String,
    pub url: String,
    pub precision: f64,
    pub recall: f64,
    /// Output lines (or must-not-have snippets) that should not be there.
    pub kept_wrongly: Vec<String>,
    /// Gold lines (or must-have snippets) that are missing.
    pub dropped: Vec<String>,
    /// Fundus only: title as extracted, when it differs from the gold one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_miss: Option<(String, String)>,
}

impl PageScore {
    /// Lower is worse: F1 of the page.
    pub fn f1(&self) -> f64 {
        if self.precision + self.recall > 0.0 {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        } else {
            0.0
        }
    }
}

/// Totals of one extraction evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractionReport {
    pub dataset: String,
    pub pages: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// scrapinghub: exact token match share; trafilatura: snippet accuracy.
    pub accuracy: f64,
    /// Title and authors, for data sets whose gold has them (fundus).
    #[serde(flatten)]
    pub metadata: Option<MetadataScores>,
    pub seconds: f64,
    pub per_page: Vec<PageScore>,
}

/// How well titles and authors were found.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct MetadataScores {
    /// Share of pages whose title equals the gold one (whitespace-normalised).
    pub title_exact: f64,
    /// Author set precision/recall/F1, micro-averaged over pages.
    pub author_precision: f64,
    pub author_recall: f64,
    pub author_f1: f64,
}

impl ExtractionReport {
    /// The `n` worst pages, worst first.
    pub fn worst(&self, n: usize) -> Vec<&PageScore> {
        let mut v: Vec<&PageScore> = self.per_page.iter().collect();
        v.sort_by(|a, b| a.f1().total_cmp(&b.f1()).then(a.id.cmp(&b.id)));
        v.truncate(n);
        v
    }
}

const DIFF_LINES: usize = 8;
const DIFF_CHARS: usize = 120;

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(DIFF_CHARS).collect();
    if s.chars().count() > DIFF_CHARS {
        out.push('…');
    }
    out
}

/// Lines of `text` most of whose shingles are absent from `other`.
fn unmatched_lines(text: &str, other: &str) -> Vec<String> {
    let other_tokens = tokenize(other);
    let other_sh = shingles(&other_tokens, SHINGLE_N);
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let toks = tokenize(line);
        if toks.is_empty() {
            continue;
        }
        let sh = shingles(&toks, SHINGLE_N);
        let total: usize = sh.values().sum();
        let hit: usize = sh
            .iter()
            .filter(|(k, _)| other_sh.contains_key(*k))
            .map(|(_, v)| *v)
            .sum();
        if hit * 2 < total {
            out.push(clip(line));
            if out.len() == DIFF_LINES {
                break;
            }
        }
    }
    out
}

/// A shingle-scored page: scores and the diff of lines.
fn shingle_page(id: &str, url: &str, pred: &str, gold: &str) -> PageScore {
    let (precision, recall) = shingle_scores(pred, gold);
    let (kept_wrongly, dropped) = if precision < 1.0 || recall < 1.0 {
        (unmatched_lines(pred, gold), unmatched_lines(gold, pred))
    } else {
        (Vec::new(), Vec::new())
    };
    PageScore {
        id: id.to_string(),
        url: url.to_string(),
        precision,
        recall,
        kept_wrongly,
        dropped,
        title_miss: None,
    }
}

/// The outputs of `run` on every page, and the seconds the runs took
/// (scoring is left out of the time).
fn timed<P>(pages: &[P], run: impl FnMut(&P) -> Extracted) -> (Vec<Extracted>, f64) {
    let t0 = std::time::Instant::now();
    let outputs = pages.iter().map(run).collect();
    (outputs, t0.elapsed().as_secs_f64())
}

/// Main text scored by shingles as `evaluate.py` does: the totals and each
/// page's score. `gold` gives a page's id, URL and gold body.
fn score_bodies<'p, P>(
    outputs: &[Extracted],
    pages: &'p [P],
    gold: impl Fn(&'p P) -> (&'p str, &'p str, &'p str),
) -> (ShingleMetrics, Vec<PageScore>) {
    let m = shingle_metrics(
        outputs
            .iter()
            .zip(pages)
            .map(|(o, p)| (o.text.as_str(), gold(p).2)),
    );
    let per_page = outputs
        .iter()
        .zip(pages)
        .map(|(o, p)| {
            let (id, url, body) = gold(p);
            shingle_page(id, url, &o.text, body)
        })
        .collect();
    (m, per_page)
}

/// Runs `extract` on every scrapinghub page and scores it like `evaluate.py`.
pub fn evaluate_scrapinghub<F>(pages: &[ScrapinghubPage], mut extract: F) -> ExtractionReport
where
    F: FnMut(&str, Option<&str>) -> Extracted,
{
    let (outputs, seconds) = timed(pages, |p| extract(&p.html, Some(&p.url)));
    let (m, per_page) = score_bodies(&outputs, pages, |p| (&p.id, &p.url, &p.gold_body));
    ExtractionReport {
        dataset: "scrapinghub".into(),
        pages: m.pages,
        precision: m.precision,
        recall: m.recall,
        f1: m.f1,
        accuracy: m.accuracy,
        metadata: None,
        seconds,
        per_page,
    }
}

/// Runs `extract` on every trafilatura-eval page and scores the snippets like
/// `eval_common.py`.
pub fn evaluate_trafilatura<F>(pages: &[TrafilaturaPage], mut extract: F) -> ExtractionReport
where
    F: FnMut(&str, Option<&str>) -> Extracted,
{
    let (outputs, seconds) = timed(pages, |p| extract(&p.html, Some(&p.url)));
    let mut total = Confusion::default();
    let mut per_page = Vec::with_capacity(pages.len());
    for (o, p) in outputs.iter().zip(pages) {
        let c = snippet_counts(&p.with, &p.without, Some(&o.text));
        total.add(c);
        let t = norm_ws(&o.text);
        per_page.push(PageScore {
            id: p.file.clone(),
            url: p.url.clone(),
            precision: ratio(c.tp, c.tp + c.fp),
            recall: ratio(c.tp, c.tp + c.fn_),
            kept_wrongly: p
                .without
                .iter()
                .filter(|w| t.contains(&norm_ws(w)))
                .map(|w| clip(w))
                .collect(),
            dropped: p
                .with
                .iter()
                .filter(|w| !t.contains(&norm_ws(w)))
                .map(|w| clip(w))
                .collect(),
            title_miss: None,
        });
    }
    ExtractionReport {
        dataset: "trafilatura".into(),
        pages: pages.len(),
        precision: total.precision(),
        recall: total.recall(),
        f1: total.f1(),
        accuracy: total.accuracy(),
        metadata: None,
        seconds,
        per_page,
    }
}

/// Names compared case- and whitespace-insensitively.
fn name_key(s: &str) -> String {
    norm_ws(s).to_lowercase()
}

/// Runs `extract` on every fundus page: body by shingles (as scrapinghub),
/// title exact after whitespace normalisation, authors as sets.
pub fn evaluate_fundus<F>(pages: &[FundusPage], mut extract: F) -> ExtractionReport
where
    F: FnMut(&str, Option<&str>) -> Extracted,
{
    let (outputs, seconds) = timed(pages, |p| extract(&p.html, Some(&p.url)));
    let (m, mut per_page) = score_bodies(&outputs, pages, |p| (&p.id, &p.url, &p.body));
    let (mut titled, mut title_hits) = (0usize, 0usize);
    let (mut a_tp, mut a_pred, mut a_gold) = (0usize, 0usize, 0usize);
    for ((o, p), page) in outputs.iter().zip(pages).zip(&mut per_page) {
        if let Some(gold_title) = p.title.as_deref().filter(|t| !t.trim().is_empty()) {
            titled += 1;
            let got = o.title.as_deref().map(norm_ws).unwrap_or_default();
            if got == norm_ws(gold_title) {
                title_hits += 1;
            } else {
                page.title_miss = Some((got, norm_ws(gold_title)));
            }
        }
        let gold: std::collections::HashSet<String> =
            p.authors.iter().map(|a| name_key(a)).collect();
        let pred: std::collections::HashSet<String> =
            o.authors.iter().map(|a| name_key(a)).collect();
        a_tp += gold.intersection(&pred).count();
        a_pred += pred.len();
        a_gold += gold.len();
    }
    let ap = ratio(a_tp, a_pred);
    let ar = ratio(a_tp, a_gold);
    ExtractionReport {
        dataset: "fundus".into(),
        pages: m.pages,
        precision: m.precision,
        recall: m.recall,
        f1: m.f1,
        accuracy: m.accuracy,
        metadata: Some(MetadataScores {
            title_exact: ratio(title_hits, titled),
            author_precision: ap,
            author_recall: ar,
            author_f1: if ap + ar > 0.0 {
                2.0 * ap * ar / (ap + ar)
            } else {
                0.0
            },
        }),
        seconds,
        per_page,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(pred: &str, gold: &str, want_p: f64, want_r: f64) {
        let (p, r) = shingle_scores(pred, gold);
        assert!(
            (p - want_p).abs() < 1e-9 && (r - want_r).abs() < 1e-9,
            "pred={pred:?} gold={gold:?}: got P={p} R={r}, want P={want_p} R={want_r}"
        );
    }

    #[test]
    fn shingle_cases() {
        // identical
        check("a b c d e", "a b c d e", 1.0, 1.0);
        // punctuation and spacing do not matter
        check("a, b; c! d e", "a b c d e", 1.0, 1.0);
        // 2 gold shingles, 3 predicted: tp 2, fp 1, fn 0 (normalised by 3)
        check("a b c d e f", "a b c d e", 2.0 / 3.0, 1.0);
        // nothing predicted
        check("", "a b c d e", 0.0, 0.0);
        // short texts give one short shingle
        check("x y", "x y", 1.0, 1.0);
        check("x y", "x z", 0.0, 0.0);
        // both empty: tp=fp=fn=0 counts as perfect
        check("", "", 1.0, 1.0);
        // repeated shingles are counted with multiplicity
        check("a b c d a b c d", "a b c d", 0.2, 1.0);
    }

    #[test]
    fn tokenizer_is_unicode_and_skips_marks() {
        assert_eq!(
            tokenize("Grüße, naïve_x 3½!"),
            vec!["Grüße", "naïve_x", "3½"]
        );
        // a decomposed accent is a mark: Python splits the word there
        assert_eq!(tokenize("cafe\u{301} x"), vec!["cafe", "x"]);
        // circled letters are symbols for Python, alphabetic for Rust
        assert_eq!(tokenize("ⓒ 2018"), vec!["2018"]);
    }

    #[test]
    fn aggregate_skips_undefined_pages() {
        let m = shingle_metrics([("a b c d", "a b c d"), ("", "e f g h")]);
        assert!((m.precision - 1.0).abs() < 1e-12, "{m:?}");
        assert!((m.recall - 0.5).abs() < 1e-12, "{m:?}");
        assert!((m.f1 - 2.0 / 3.0).abs() < 1e-12, "{m:?}");
        assert!((m.accuracy - 0.5).abs() < 1e-12, "{m:?}");
    }

    #[test]
    fn decoding() {
        assert_eq!(decode_html("Grüße".as_bytes()), "Grüße");
        // latin-1 bytes declared as such, and undeclared
        let latin = b"<meta charset=\"iso-8859-1\"><p>Gr\xfc\xdfe</p>";
        assert!(decode_html(latin).contains("Grüße"));
        assert!(decode_html(b"<p>Gr\xfc\xdfe</p>").contains("Grüße"));
        let stray = b"<meta charset=\"utf-8\"><p>Gr\xc3\xbc\xc3e</p>";
        assert!(decode_html(stray).contains("Grü\u{fffd}e"));
    }

    #[test]
    fn snippets() {
        let with = vec!["alpha  beta".to_string(), "gamma".to_string()];
        let without = vec!["delta".to_string()];
        let c = snippet_counts(&with, &without, Some("x alpha\nbeta delta"));
        assert_eq!(
            c,
            Confusion {
                tp: 1,
                fp: 1,
                fn_: 1,
                tn: 0
            }
        );
        let c = snippet_counts(&with, &without, None);
        assert_eq!((c.tp, c.fn_, c.tn), (0, 2, 1));
    }
}
