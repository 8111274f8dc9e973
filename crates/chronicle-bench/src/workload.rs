//! What each stage is measured on: items loaded once, before any timing, and
//! handed unchanged to chronicle and to the peers.

use crate::BenchError;
use chronicle_eval::extraction::{load_scrapinghub, load_trafilatura_eval, read_gz_text};
use chronicle_eval::timeml::{read_timeml, TimemlTimex};
use chronicle_model::PartialDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// HTML main text and metadata.
    Extract,
    /// Publication date of an HTML page.
    Dates,
    /// Time expressions in plain text, anchored on a creation date.
    Timex,
    /// Named entities in article bodies.
    Entities,
    /// The whole `chronicle build`, files to timeline.
    Pipeline,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Extract,
        Stage::Dates,
        Stage::Timex,
        Stage::Entities,
        Stage::Pipeline,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Extract => "extract",
            Stage::Dates => "dates",
            Stage::Timex => "timex",
            Stage::Entities => "entities",
            Stage::Pipeline => "pipeline",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Stage {
    type Err = BenchError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Stage::ALL
            .into_iter()
            .find(|st| st.name() == s)
            .ok_or_else(|| BenchError::UnknownStage(s.to_string()))
    }
}

/// One input: a page's HTML or a document's text (`text`), or, for the
/// pipeline stage, a file to read (`path`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Item {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Creation date, `YYYY-MM-DD`, where the stage needs one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dct: Option<String>,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<PathBuf>,
    /// Input size: the UTF-8 length of `text`, or the file's size.
    #[serde(skip)]
    pub bytes: u64,
    /// The corpus's own TIMEX3s of `text` (timex stage), which the taggers
    /// are scored against; never given to them.
    #[serde(skip)]
    pub gold: Option<Vec<TimemlTimex>>,
}

impl Item {
    fn from_text(id: String, url: Option<String>, dct: Option<String>, text: String) -> Self {
        Item {
            id,
            url,
            dct,
            bytes: text.len() as u64,
            text,
            path: None,
            gold: None,
        }
    }
}

/// The inputs of one stage on one corpus.
#[derive(Debug, Clone)]
pub struct Workload {
    pub stage: Stage,
    /// Which corpus, as a path under `shared/corpora` or `demo/corpus`.
    pub corpus: String,
    pub items: Vec<Item>,
}

impl Workload {
    pub fn bytes(&self) -> u64 {
        self.items.iter().map(|i| i.bytes).sum()
    }
}

/// A workload, or why it cannot be run here.
#[derive(Debug, Clone)]
pub enum Loaded {
    Ready(Workload),
    Skipped { corpus: String, reason: String },
}

/// Where the data lives: `shared/` (read-only corpora) and the repository's demo corpus.
#[derive(Debug, Clone, Default)]
pub struct Paths {
    pub shared: Option<PathBuf>,
    pub demo: Option<PathBuf>,
}

/// Loads every workload of `stage`, each cut to its first `limit` items.
pub fn workloads(stage: Stage, paths: &Paths, limit: Option<usize>) -> Vec<Loaded> {
    let specs: &[(&str, Loader)] = match stage {
        Stage::Extract => &[
            ("extraction/scrapinghub", load_extract_scrapinghub),
            ("extraction/trafilatura-eval", load_extract_trafilatura),
        ],
        Stage::Dates => &[("pubdate/htmldate-eval", load_dates_htmldate)],
        Stage::Timex => &[("tempeval3/TBAQ-cleaned", load_timex_tbaq)],
        Stage::Entities => &[
            ("seeds", load_entities_seeds),
            ("demo/corpus", load_entities_demo),
        ],
        Stage::Pipeline => &[
            ("demo/corpus", load_pipeline_files),
            ("timeline17/bpoil_bbc/InputDocs", load_pipeline_files),
        ],
    };
    specs
        .iter()
        .map(|(corpus, load)| {
            let dir = if corpus.starts_with("demo/") {
                paths.demo.clone()
            } else {
                paths
                    .shared
                    .as_ref()
                    .map(|s| s.join("corpora").join(corpus))
            };
            let Some(dir) = dir.filter(|d| d.is_dir()) else {
                let reason = if corpus.starts_with("demo/") {
                    "the demo corpus was not found (run from the repository root)".to_string()
                } else {
                    format!("skipping: ../shared/corpora/{corpus} not found")
                };
                return Loaded::Skipped {
                    corpus: corpus.to_string(),
                    reason,
                };
            };
            match load(&dir, limit) {
                Ok(mut items) => {
                    if let Some(n) = limit {
                        items.truncate(n);
                    }
                    Loaded::Ready(Workload {
                        stage,
                        corpus: corpus.to_string(),
                        items,
                    })
                }
                Err(e) => Loaded::Skipped {
                    corpus: corpus.to_string(),
                    reason: format!("could not load: {e}"),
                },
            }
        })
        .collect()
}

type Loader = fn(&Path, Option<usize>) -> Result<Vec<Item>, BenchError>;

fn load_extract_scrapinghub(dir: &Path, _limit: Option<usize>) -> Result<Vec<Item>, BenchError> {
    Ok(load_scrapinghub(dir)?
        .into_iter()
        .map(|p| Item::from_text(p.id, Some(p.url), None, p.html))
        .collect())
}

fn load_extract_trafilatura(dir: &Path, _limit: Option<usize>) -> Result<Vec<Item>, BenchError> {
    Ok(load_trafilatura_eval(dir)?
        .into_iter()
        .map(|p| Item::from_text(p.file, Some(p.url), None, p.html))
        .collect())
}

#[derive(Deserialize)]
struct HtmldateEntry {
    file: String,
}

/// htmldate's evaluation set: `eval.json` maps each URL to `html/<file>.gz`.
fn load_dates_htmldate(dir: &Path, limit: Option<usize>) -> Result<Vec<Item>, BenchError> {
    let index = dir.join("eval.json");
    let raw = std::fs::read(&index).map_err(|e| BenchError::io(&index, e))?;
    let entries: BTreeMap<String, HtmldateEntry> =
        serde_json::from_slice(&raw).map_err(|source| BenchError::Json {
            path: index.clone(),
            source,
        })?;
    let mut items = Vec::new();
    for (url, entry) in entries {
        if limit.is_some_and(|n| items.len() >= n) {
            break;
        }
        let gz = dir.join("html").join(format!("{}.gz", entry.file));
        // The set lists a few pages that are kept back.
        if !gz.is_file() {
            continue;
        }
        let html = read_gz_text(&gz)?;
        items.push(Item::from_text(entry.file, Some(url), None, html));
    }
    Ok(items)
}

/// TempEval-3 TBAQ-cleaned: the text of `<TEXT>` and the creation date, and
/// the gold TIMEX3s of that text.
fn load_timex_tbaq(dir: &Path, limit: Option<usize>) -> Result<Vec<Item>, BenchError> {
    let mut items = Vec::new();
    for part in ["TimeBank", "AQUAINT"] {
        for path in sorted_files(&dir.join(part))? {
            if limit.is_some_and(|n| items.len() >= n) {
                return Ok(items);
            }
            if path.extension().is_none_or(|e| e != "tml") {
                continue;
            }
            let doc = read_timeml(&path)?;
            let dct = doc.dct.map(day_string);
            let mut item = Item::from_text(doc.id, None, dct, doc.text);
            item.gold = Some(doc.timexes);
            items.push(item);
        }
    }
    Ok(items)
}

/// A gold TIMEX3 of an invented document: its phrase (as it stands in the
/// text), type and value.
#[doc(hidden)]
pub type InventedTimex<'a> = (&'a str, &'a str, &'a str);

/// A timex workload of invented documents `(id, text, gold)`, all created on
/// `dct`. It exists so that the scoring tests and the peer tests, which need
/// documents with gold but not the corpora, spell their fixtures one way.
/// None when a gold phrase is not in its document's text.
#[doc(hidden)]
pub fn invented_timex_workload(
    dct: &str,
    docs: &[(&str, &str, &[InventedTimex])],
) -> Option<Workload> {
    let items = docs
        .iter()
        .map(|&(id, text, gold)| {
            let timexes = gold
                .iter()
                .map(|&(phrase, kind, value)| {
                    let start = text.find(phrase)?;
                    Some(TimemlTimex {
                        tid: String::new(),
                        start,
                        end: start + phrase.len(),
                        text: phrase.to_string(),
                        kind: kind.to_string(),
                        value: value.to_string(),
                        modifier: None,
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            let mut item = Item::from_text(
                id.to_string(),
                None,
                Some(dct.to_string()),
                text.to_string(),
            );
            item.gold = Some(timexes);
            Some(item)
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Workload {
        stage: Stage::Timex,
        corpus: "invented".into(),
        items,
    })
}

/// The five seed pages: their article bodies, as chronicle's text extraction finds them.
fn load_entities_seeds(dir: &Path, _limit: Option<usize>) -> Result<Vec<Item>, BenchError> {
    let mut items = Vec::new();
    for path in sorted_files(dir)? {
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let page = std::fs::read_to_string(&path).map_err(|e| BenchError::io(&path, e))?;
        let body = chronicle_extract::extract_text(&page)
            .paragraphs
            .join("\n\n");
        items.push(Item::from_text(file_name(&path), None, None, body));
    }
    Ok(items)
}

/// The demo corpus: every document's body, as the pipeline annotates it.
fn load_entities_demo(dir: &Path, _limit: Option<usize>) -> Result<Vec<Item>, BenchError> {
    let input = chronicle_ingest::Input::Path(dir.to_path_buf());
    let batch = chronicle_pipeline::annotate_inputs(
        &[input],
        &chronicle_pipeline::Options::default(),
        &mut |_| {},
    );
    Ok(batch
        .documents
        .into_iter()
        .map(|d| {
            let dct = d.published.date.map(day_string);
            Item::from_text(d.id, d.url, dct, d.body)
        })
        .collect())
}

/// Files under `dir`, recursively, in sorted order: what `chronicle build DIR` reads.
fn load_pipeline_files(dir: &Path, limit: Option<usize>) -> Result<Vec<Item>, BenchError> {
    let mut files = Vec::new();
    collect_files(dir, &mut files)?;
    if let Some(n) = limit {
        files.truncate(n);
    }
    let mut items = Vec::with_capacity(files.len());
    for path in files {
        let bytes = std::fs::metadata(&path)
            .map_err(|e| BenchError::io(&path, e))?
            .len();
        let id = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .to_string_lossy()
            .into_owned();
        items.push(Item {
            id,
            bytes,
            path: Some(path),
            ..Item::default()
        });
    }
    Ok(items)
}

/// `YYYY-MM-DD` of a date's first day (a month or a year starts on its first day).
fn day_string(d: PartialDate) -> String {
    PartialDate::from_days(d.first_day()).to_string()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn sorted_files(dir: &Path) -> Result<Vec<PathBuf>, BenchError> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| BenchError::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), BenchError> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| BenchError::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_files(&path, out)?;
        } else if path.is_file() && !file_name(&path).starts_with('.') {
            out.push(path);
        }
    }
    Ok(())
}
