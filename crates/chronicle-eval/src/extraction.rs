//! Main-text extraction metrics and loaders.
//!
//! * The scrapinghub article-extraction-benchmark scorer (`evaluate.py`): per page,
//!   token 4-gram shingle counts of prediction and gold give tp/fp/fn, normalised by
//!   their sum; precision and recall are averaged over pages; F1 comes from the mean
//!   precision and recall.
//! * The trafilatura evaluation scorer (`eval_common.py`): every "with"/"without"
//!   snippet is a true/false positive/negative by whitespace-normalised substring test.

use flate2::read::GzDecoder;
use serde::Deserialize;
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

/// Decodes page bytes: a BOM, else a `charset` declared in the first 4 KB,
/// else UTF-8 when valid, else windows-1252.
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
    let enc = match declared {
        Some(e) if e != encoding_rs::UTF_8 => e,
        _ => encoding_rs::WINDOWS_1252,
    };
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

/// Confusion counts of snippet matching.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SnippetCounts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tn: usize,
}

impl SnippetCounts {
    pub fn add(&mut self, o: SnippetCounts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.tn += o.tn;
    }
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn accuracy(&self) -> f64 {
        ratio(self.tp + self.tn, self.tp + self.tn + self.fp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// `count_item` of eval_common.py; `None` output (a failed run) misses everything.
pub fn snippet_counts(with: &[String], without: &[String], output: Option<&str>) -> SnippetCounts {
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
    SnippetCounts {
        tp,
        fp,
        fn_: with.len() - tp,
        tn: without.len() - fp,
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
    }

    #[test]
    fn snippets() {
        let with = vec!["alpha  beta".to_string(), "gamma".to_string()];
        let without = vec!["delta".to_string()];
        let c = snippet_counts(&with, &without, Some("x alpha\nbeta delta"));
        assert_eq!(
            c,
            SnippetCounts {
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
