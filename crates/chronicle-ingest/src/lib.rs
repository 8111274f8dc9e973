//! Readers for every input chronicle accepts: files, directories and standard
//! input holding plain text, HTML, JSONL, WARC or ARC, any of them gzipped.
//!
//! [`read_inputs`] turns a list of [`Input`]s into a stream of [`ReadEvent`]s:
//! one [`RawDocument`] per page, and one [`Diagnostic`] per problem met.
//!
//! Invariants:
//! - **Never fails, never panics on input.** A bad file, line or record is
//!   reported as a [`ReadEvent::Problem`] and reading goes on with the next
//!   one; everything read before the damage is kept.
//! - **Deterministic.** Inputs are read in the order given; directories are
//!   walked recursively in byte order of file names, skipping hidden entries
//!   (names starting with `.`). The same inputs give the same events.
//! - **Stable, unique ids.** A JSONL `id` is carried unchanged; otherwise the
//!   id comes from the path relative to the directory given (`a/x` for
//!   `corpus/a/x.html.gz` under `corpus/`), or the bare file name without its
//!   known extensions for a file argument; JSONL lines without an id get
//!   `<file id>:<line>`, WARC/ARC records `<file id>/<record number>`
//!   (1-based, counting every record of the file). Standard input has the file
//!   id `stdin`. A document whose id is already taken is skipped with a
//!   diagnostic naming both places; nothing is dropped silently.
//! - **Formats are recognised by content**, not by extension: gzip magic
//!   (single or multi-member), `WARC/1.`, `filedesc://` (ARC), JSON lines, HTML
//!   markers or tag density, else text. Binary and empty files are skipped.
//! - **Bounded memory.** JSONL, WARC and ARC files are read line by line and
//!   record by record; a single page larger than
//!   [`ReadOptions::max_page_bytes`] is skipped without being held.
//! - **Character sets**: a byte-order mark wins, then the declared charset
//!   (HTTP `Content-Type` of a WARC record, HTML `<meta charset>` or
//!   `http-equiv`), then UTF-8; bytes that are not valid UTF-8 are decoded as
//!   Windows-1252 with a warning.

mod charset;
mod http;
mod io_util;
mod jsonl;
mod sniff;
mod walk;
mod warc;

use chronicle_model::{Diagnostic, Severity, Source, SourceFormat};
use io_util::Counted;
use sniff::Sniffed;
use std::collections::{BTreeMap, HashMap};
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::PathBuf;

/// One command-line input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a directory (walked recursively).
    Path(PathBuf),
    /// Standard input, given as `-`.
    Stdin,
}

impl Input {
    /// `-` means standard input; anything else is a path.
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// Limits applied while reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// A single page (one text or HTML file, one JSONL line, one WARC/ARC
    /// record, once decompressed) larger than this is skipped with a diagnostic.
    pub max_page_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_page_bytes: 50 * 1024 * 1024,
        }
    }
}

/// The page itself, decoded to UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawContent {
    Html(String),
    Text(String),
}

impl RawContent {
    pub fn as_str(&self) -> &str {
        match self {
            RawContent::Html(s) | RawContent::Text(s) => s,
        }
    }
}

/// Metadata the container itself declares (never guessed from the page).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Declared {
    pub title: Option<String>,
    /// Raw string as given: JSONL `published` (or `date`). WARC/ARC records
    /// never set it: an HTTP `Last-Modified` is not a publication date.
    pub published: Option<String>,
    /// When the page was fetched: `WARC-Date`, else the HTTP `Date`, else the
    /// HTTP `Last-Modified`; the ARC archive date; a JSONL `fetched` field.
    pub fetched: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub language: Option<String>,
    /// Unknown JSONL fields, unchanged.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// One page as read, before any extraction.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDocument {
    pub id: String,
    /// `offset` is the byte offset of the record in the decompressed stream
    /// (equal to the file offset for files that are not gzipped). ARC records
    /// are reported with format `Warc` (the model has no ARC variant).
    pub source: Source,
    pub url: Option<String>,
    pub content: RawContent,
    pub declared: Declared,
}

// Events are moved straight into the sink, one at a time; boxing the
// document would only add an allocation per page.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum ReadEvent {
    Document(RawDocument),
    Problem(Diagnostic),
}

/// What a call to [`read_inputs`] did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadSummary {
    /// Files opened (standard input counts as one).
    pub files: usize,
    /// Documents sent to the sink.
    pub documents: usize,
    /// Items (files, lines, records) skipped with a `Skipped` diagnostic.
    pub skipped: usize,
    /// WARC/ARC records that hold no page (`request`, `metadata`, `warcinfo`,
    /// `revisit`, ARC file headers…), skipped quietly.
    pub ignored_records: usize,
    /// Documents read per container format: `text`, `html`, `jsonl`, `warc`, `arc`.
    pub by_format: BTreeMap<String, usize>,
}

/// Streams every document (and every problem) to `sink`, in a deterministic order. Never panics, never stops at a bad file.
pub fn read_inputs(
    inputs: &[Input],
    options: &ReadOptions,
    sink: &mut dyn FnMut(ReadEvent),
) -> ReadSummary {
    let mut collector = Collector {
        options: *options,
        sink,
        summary: ReadSummary::default(),
        seen: HashMap::new(),
    };
    for input in inputs {
        for found in walk::expand(input) {
            match found {
                walk::Found::File(file) => collector.read_file(&file),
                walk::Found::Problem(d) => collector.problem(d),
            }
        }
    }
    collector.summary
}

/// Bytes read ahead to recognise a format.
const HEAD_BYTES: u64 = 64 * 1024;

/// The decompressed byte stream of one file, counting its position.
pub(crate) type Stream = Counted<BufReader<io::Chain<Cursor<Vec<u8>>, Box<dyn Read>>>>;

/// One file to read, with the id its documents derive theirs from.
pub(crate) struct FileRef {
    /// The path as given or found; `-` for standard input.
    pub display: String,
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    pub id: String,
}

/// What the format readers need to know about the file they read.
pub(crate) struct FileCtx<'a> {
    pub file: &'a FileRef,
    pub gzip: bool,
}

impl FileCtx<'_> {
    pub fn source(&self, format: SourceFormat) -> Source {
        Source {
            path: self.file.display.clone(),
            format,
            gzip: self.gzip,
            ..Source::default()
        }
    }
    pub fn skipped(&self, problem: impl Into<String>) -> Diagnostic {
        Diagnostic::skipped(self.file.display.clone(), problem)
    }
    pub fn warning(&self, problem: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(self.file.display.clone(), problem)
    }
}

pub(crate) struct Collector<'s> {
    pub options: ReadOptions,
    sink: &'s mut dyn FnMut(ReadEvent),
    pub summary: ReadSummary,
    /// Id → where the document holding it came from.
    seen: HashMap<String, String>,
}

impl Collector<'_> {
    pub fn problem(&mut self, d: Diagnostic) {
        if d.severity == Severity::Skipped {
            self.summary.skipped += 1;
        }
        (self.sink)(ReadEvent::Problem(d));
    }

    pub fn ignored_record(&mut self) {
        self.summary.ignored_records += 1;
    }

    /// Sends `doc` on unless its id is taken; `format` is the `by_format` key.
    pub fn document(&mut self, doc: RawDocument, format: &str) {
        let place = describe_place(&doc.source);
        if let Some(first) = self.seen.get(&doc.id) {
            let mut d = Diagnostic::skipped(
                doc.source.path.clone(),
                format!(
                    "the id `{}` is already used by {first}; this second document with that id was skipped",
                    doc.id
                ),
            );
            if let Some(loc) = location_of(&doc.source) {
                d = d.at(loc);
            }
            self.problem(d);
            return;
        }
        self.seen.insert(doc.id.clone(), place);
        self.summary.documents += 1;
        *self
            .summary
            .by_format
            .entry(format.to_string())
            .or_insert(0) += 1;
        (self.sink)(ReadEvent::Document(doc));
    }

    fn read_file(&mut self, file: &FileRef) {
        let raw: Box<dyn Read> = match &file.path {
            None => Box::new(io::stdin()),
            Some(path) => match std::fs::File::open(path) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    self.problem(Diagnostic::skipped(
                        file.display.clone(),
                        format!(
                            "the file cannot be opened ({}); it was skipped",
                            io_util::describe_io(&e)
                        ),
                    ));
                    return;
                }
            },
        };
        self.read_stream(file, raw);
    }

    /// Reads one opened file (or standard input): gzip, sniffing, then its format.
    fn read_stream(&mut self, file: &FileRef, raw: Box<dyn Read>) {
        self.summary.files += 1;
        let mut raw = BufReader::with_capacity(64 * 1024, raw);
        let gzip = match raw.fill_buf() {
            Ok(buf) => buf.starts_with(&[0x1f, 0x8b]),
            Err(e) => {
                self.problem(Diagnostic::skipped(
                    file.display.clone(),
                    format!(
                        "the file cannot be read ({}); it was skipped",
                        io_util::describe_io(&e)
                    ),
                ));
                return;
            }
        };
        let mut stream: Box<dyn Read> = if gzip {
            Box::new(flate2::bufread::MultiGzDecoder::new(raw))
        } else {
            Box::new(raw)
        };
        let ctx = FileCtx { file, gzip };
        let mut head = Vec::new();
        if let Err(e) = stream.by_ref().take(HEAD_BYTES).read_to_end(&mut head) {
            if head.is_empty() {
                let what = if gzip {
                    format!("the file starts like gzip data but cannot be decompressed ({}); it was skipped", io_util::describe_io(&e))
                } else {
                    format!(
                        "the file cannot be read ({}); it was skipped",
                        io_util::describe_io(&e)
                    )
                };
                self.problem(ctx.skipped(what));
                return;
            }
            // A decoder may not repeat its error: replay it where it happened.
            stream = Box::new(io_util::FailingReader::new(e));
        }
        if head.is_empty() {
            let what = if gzip {
                "the file is empty once decompressed; it was skipped"
            } else {
                "the file is empty; it was skipped"
            };
            self.problem(ctx.skipped(what));
            return;
        }
        let sniffed = sniff::sniff(&head);
        let plain_len = match (&file.path, gzip) {
            (Some(path), false) => std::fs::metadata(path).ok().map(|m| m.len()),
            _ => None,
        };
        let chained: Box<dyn Read> = stream;
        let mut stream: Stream = Counted::new(BufReader::with_capacity(
            64 * 1024,
            Cursor::new(head).chain(chained),
        ));
        match sniffed {
            Sniffed::Binary(reason) => self.problem(ctx.skipped(format!(
                "the file looks like a binary file ({reason}); it was skipped"
            ))),
            Sniffed::Warc => warc::read_warc(self, &ctx, &mut stream),
            Sniffed::Arc => warc::read_arc(self, &ctx, &mut stream),
            Sniffed::Jsonl => jsonl::read_jsonl(self, &ctx, &mut stream),
            Sniffed::JsonDocument => self.problem(ctx.skipped(
                "the file is a single JSON document, not JSON lines (one object per line); it was skipped",
            )),
            Sniffed::Html => self.read_page(&ctx, &mut stream, true, plain_len),
            Sniffed::Text => self.read_page(&ctx, &mut stream, false, plain_len),
        }
    }

    /// A whole file is one page.
    fn read_page(
        &mut self,
        ctx: &FileCtx,
        stream: &mut Stream,
        html: bool,
        plain_len: Option<u64>,
    ) {
        let max = self.options.max_page_bytes;
        if let Some(len) = plain_len.filter(|&len| len > max) {
            self.problem(ctx.skipped(too_big(len, max, "the file")));
            return;
        }
        let mut bytes = Vec::new();
        if let Err(e) = stream
            .by_ref()
            .take(max.saturating_add(1))
            .read_to_end(&mut bytes)
        {
            if bytes.is_empty() {
                self.problem(ctx.skipped(format!(
                    "the file cannot be read ({}); it was skipped",
                    io_util::describe_io(&e)
                )));
                return;
            }
            let what = if ctx.gzip {
                "decompressed data"
            } else {
                "file"
            };
            self.problem(ctx.warning(format!(
                "the file is damaged after byte {} of its {what} ({}); the part before was read",
                bytes.len(),
                io_util::describe_io(&e)
            )));
        }
        if bytes.len() as u64 > max {
            let what = if ctx.gzip {
                "the decompressed file"
            } else {
                "the file"
            };
            self.problem(ctx.skipped(format!(
                "{what} is larger than the limit of {max} bytes for one page (max_page_bytes); it was skipped"
            )));
            return;
        }
        let decoded = charset::decode(&bytes, None, html);
        if let Some(w) = decoded.warning {
            self.problem(ctx.warning(w));
        }
        if decoded.text.trim().is_empty() {
            self.problem(ctx.skipped("the file holds only white space; it was skipped"));
            return;
        }
        let (format, content, key) = if html {
            (SourceFormat::Html, RawContent::Html(decoded.text), "html")
        } else {
            (SourceFormat::Text, RawContent::Text(decoded.text), "text")
        };
        let doc = RawDocument {
            id: ctx.file.id.clone(),
            source: ctx.source(format),
            url: None,
            content,
            declared: Declared::default(),
        };
        self.document(doc, key);
    }
}

pub(crate) fn too_big(len: u64, max: u64, what: &str) -> String {
    format!(
        "{what} is {len} bytes, more than the limit of {max} bytes for one page (max_page_bytes); it was skipped"
    )
}

/// `path line 3`, `path record at byte 1024`, or the path alone.
fn describe_place(source: &Source) -> String {
    match location_of(source) {
        Some(loc) => format!("{} ({loc})", source.path),
        None => source.path.clone(),
    }
}

fn location_of(source: &Source) -> Option<String> {
    if let Some(line) = source.line {
        Some(format!("line {line}"))
    } else {
        source.offset.map(|o| format!("record at byte {o}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `bytes` as standard input would be read.
    fn read_stdin(bytes: &[u8]) -> Vec<ReadEvent> {
        let mut events = Vec::new();
        let mut sink = |e| events.push(e);
        let mut collector = Collector {
            options: ReadOptions::default(),
            sink: &mut sink,
            summary: ReadSummary::default(),
            seen: HashMap::new(),
        };
        let file = FileRef {
            display: "-".to_string(),
            path: None,
            id: "stdin".to_string(),
        };
        collector.read_stream(&file, Box::new(Cursor::new(bytes.to_vec())));
        events
    }

    fn check(bytes: &[u8], expected: &[(&str, SourceFormat, Option<u64>)]) {
        let docs: Vec<(String, SourceFormat, Option<u64>, String)> = read_stdin(bytes)
            .into_iter()
            .map(|e| match e {
                ReadEvent::Document(d) => (d.id, d.source.format, d.source.line, d.source.path),
                ReadEvent::Problem(p) => panic!("unexpected problem: {p}"),
            })
            .collect();
        let got: Vec<(&str, SourceFormat, Option<u64>)> = docs
            .iter()
            .map(|(id, f, l, _)| (id.as_str(), *f, *l))
            .collect();
        assert_eq!(got, expected);
        assert!(docs.iter().all(|d| d.3 == "-"));
    }

    #[test]
    fn stdin_is_sniffed_like_a_file() {
        check(
            b"Plain words on standard input.\n",
            &[("stdin", SourceFormat::Text, None)],
        );
        check(
            b"<html><body>x</body></html>",
            &[("stdin", SourceFormat::Html, None)],
        );
        check(
            b"{\"text\": \"a\"}\n{\"id\": \"k\", \"text\": \"b\"}\n",
            &[
                ("stdin:1", SourceFormat::Jsonl, Some(1)),
                ("k", SourceFormat::Jsonl, Some(2)),
            ],
        );
        let block = "plain resource";
        let warc = format!(
            "WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        );
        check(warc.as_bytes(), &[("stdin/1", SourceFormat::Warc, None)]);
    }

    #[test]
    fn input_parse() {
        assert_eq!(Input::parse("-"), Input::Stdin);
        assert_eq!(Input::parse("./-"), Input::Path(PathBuf::from("./-")));
        assert_eq!(ReadOptions::default().max_page_bytes, 52_428_800);
    }
}
