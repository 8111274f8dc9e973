//! Loader for Timeline17 and any corpus in its layout, and news-tls's
//! evaluation protocol for a gold timeline.
//!
//! A topic (sub-corpus) directory holds `InputDocs/YYYY-MM-DD/<file>` (one
//! sentence a line, the folder being the publication date), `timelines/*.txt`
//! (gold timelines in tilse's text format; without them, news-tls's
//! `timelines.jsonl` is read instead) and optionally `keywords.json`.
//! Text is kept as the corpus has it, PTB escapes (`-LRB-`, ``` `` ```)
//! included, because tilse scores it that way.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use chronicle_model::Diagnostic;
use serde::Serialize;

use super::timeline::{Day, Timeline, TimelineParseError};

/// Why a topic could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Timeline {
        path: PathBuf,
        #[source]
        source: TimelineParseError,
    },
    #[error("{path}: {message}")]
    Keywords { path: PathBuf, message: String },
    #[error("{0}: not a topic directory (no InputDocs/)")]
    NotATopic(PathBuf),
}

/// An article's identity within its topic: publication-date folder and file name
/// (file names repeat across dates).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ArticleId {
    pub date: Day,
    pub file: String,
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.date, self.file)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    pub id: ArticleId,
    pub published: Day,
    /// The file's lines (one sentence each), trimmed, blank lines left out.
    pub lines: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldTimeline {
    /// File name without `.txt`.
    pub name: String,
    pub timeline: Timeline,
}

/// One sub-corpus: its articles in (date, file name) order and its gold timelines.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Topic {
    /// The directory's name.
    pub name: String,
    pub articles: Vec<Article>,
    pub timelines: Vec<GoldTimeline>,
    /// `keywords.json`, empty when absent.
    pub keywords: Vec<String>,
    /// Entries that were skipped (folders not named as a date, unreadable text).
    pub diagnostics: Vec<Diagnostic>,
}

/// What a system gets for one gold timeline under news-tls's protocol.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Task<'a> {
    pub timeline: &'a GoldTimeline,
    /// First and last gold date: the input is the articles published in between, inclusive.
    pub first: Day,
    pub last: Day,
    /// T: number of gold dates.
    pub num_dates: usize,
    /// N: mean gold sentences per date, rounded half to even (news-tls's `round`).
    pub sentences_per_date: usize,
    pub articles: Vec<&'a Article>,
}

impl Topic {
    /// Articles published from `first` to `last`, both included.
    pub fn articles_between(&self, first: Day, last: Day) -> impl Iterator<Item = &Article> + '_ {
        self.articles
            .iter()
            .filter(move |a| first <= a.published && a.published <= last)
    }

    /// news-tls's input and length constraints for a gold timeline; `None`
    /// for an empty timeline.
    pub fn task<'a>(&'a self, gold: &'a GoldTimeline) -> Option<Task<'a>> {
        let first = gold.timeline.first_date()?;
        let last = gold.timeline.last_date()?;
        Some(Task {
            timeline: gold,
            first,
            last,
            num_dates: gold.timeline.len(),
            sentences_per_date: gold.timeline.mean_sentences_per_date()?,
            articles: self.articles_between(first, last).collect(),
        })
    }
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> LoadError + '_ {
    move |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Directory entries sorted by name.
fn sorted_entries(dir: &Path) -> Result<Vec<(String, PathBuf)>, LoadError> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_err(dir))? {
        let entry = entry.map_err(io_err(dir))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        out.push((name, entry.path()));
    }
    out.sort();
    Ok(out)
}

/// Loads one topic directory.
pub fn load_topic(dir: &Path) -> Result<Topic, LoadError> {
    let docs_dir = dir.join("InputDocs");
    if !docs_dir.is_dir() {
        return Err(LoadError::NotATopic(dir.to_path_buf()));
    }
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut diagnostics = Vec::new();

    let mut articles = Vec::new();
    for (folder, path) in sorted_entries(&docs_dir)? {
        if !path.is_dir() {
            continue;
        }
        let Ok(date) = folder.parse::<Day>() else {
            diagnostics.push(Diagnostic::skipped(
                path.display().to_string(),
                "folder name is not a YYYY-MM-DD date",
            ));
            continue;
        };
        for (file, file_path) in sorted_entries(&path)? {
            if !file_path.is_file() {
                continue;
            }
            let bytes = fs::read(&file_path).map_err(io_err(&file_path))?;
            let text = match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => {
                    diagnostics.push(Diagnostic::warning(
                        file_path.display().to_string(),
                        "not UTF-8; invalid bytes replaced",
                    ));
                    String::from_utf8_lossy(e.as_bytes()).into_owned()
                }
            };
            let lines = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect();
            articles.push(Article {
                id: ArticleId { date, file },
                published: date,
                lines,
            });
        }
    }

    let mut timelines = Vec::new();
    let tl_dir = dir.join("timelines");
    if tl_dir.is_dir() {
        for (file, path) in sorted_entries(&tl_dir)? {
            let Some(stem) = file.strip_suffix(".txt") else {
                continue;
            };
            let text = fs::read_to_string(&path).map_err(io_err(&path))?;
            let timeline = Timeline::parse_tilse(&text).map_err(|source| LoadError::Timeline {
                path: path.clone(),
                source,
            })?;
            timelines.push(GoldTimeline {
                name: stem.to_string(),
                timeline,
            });
        }
    }

    let jsonl_path = dir.join("timelines.jsonl");
    if timelines.is_empty() && jsonl_path.is_file() {
        timelines = read_timelines_jsonl(&jsonl_path)?;
    }

    let kw_path = dir.join("keywords.json");
    let keywords = if kw_path.is_file() {
        let text = fs::read_to_string(&kw_path).map_err(io_err(&kw_path))?;
        serde_json::from_str(&text).map_err(|e| LoadError::Keywords {
            path: kw_path.clone(),
            message: e.to_string(),
        })?
    } else {
        Vec::new()
    };

    Ok(Topic {
        name,
        articles,
        timelines,
        keywords,
        diagnostics,
    })
}

/// news-tls's `timelines.jsonl`, one timeline a line as `[[date, [sentence, ...]], ...]`;
/// timelines are named by their line number (from 1), blank lines skipped.
fn read_timelines_jsonl(path: &Path) -> Result<Vec<GoldTimeline>, LoadError> {
    let text = fs::read_to_string(path).map_err(io_err(path))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| LoadError::Timeline {
            path: path.to_path_buf(),
            source: TimelineParseError {
                line: i + 1,
                message,
            },
        };
        let items: Vec<(String, Vec<String>)> =
            serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
        let mut entries = Vec::with_capacity(items.len());
        for (date, sentences) in items {
            let day: Day = date.parse().map_err(bad)?;
            let sentences = sentences
                .iter()
                .map(|s| s.trim_matches(crate::rouge::is_python_space).to_string())
                .collect();
            entries.push((day, sentences));
        }
        out.push(GoldTimeline {
            name: (i + 1).to_string(),
            timeline: Timeline::from_entries(entries),
        });
    }
    Ok(out)
}

/// Loads every topic directory (one with `InputDocs/`) under `dir`, by name.
pub fn load_corpus(dir: &Path) -> Result<Vec<Topic>, LoadError> {
    let mut topics = Vec::new();
    for (_, path) in sorted_entries(dir)? {
        if path.join("InputDocs").is_dir() {
            topics.push(load_topic(&path)?);
        }
    }
    Ok(topics)
}
