//! JSONL: one JSON object a line, read line by line.

use crate::io_util::{describe_io, read_line_bounded};
use crate::{Collector, Declared, FileCtx, RawContent, RawDocument, Stream};
use chronicle_model::SourceFormat;
use serde_json::{Map, Value};

pub(crate) fn read_jsonl(collector: &mut Collector, ctx: &FileCtx, stream: &mut Stream) {
    let max = collector.options.max_page_bytes;
    let limit = usize::try_from(max.saturating_add(1)).unwrap_or(usize::MAX);
    let mut buf = Vec::new();
    let mut line_no: u64 = 0;
    loop {
        let len = match read_line_bounded(stream, &mut buf, limit) {
            Ok(Some(len)) => len,
            Ok(None) => break,
            Err(e) => {
                collector.problem(ctx.skipped(format!(
                    "reading stopped after line {line_no} ({}); the rest of the file was skipped, the lines before were kept",
                    describe_io(&e)
                )));
                break;
            }
        };
        line_no += 1;
        let at = format!("line {line_no}");
        let content_len = len - trailing_newline_len(&buf) as u64;
        if content_len > max {
            collector.problem(
                ctx.skipped(format!(
                    "line {line_no} is {content_len} bytes, more than the limit of {max} bytes for one page (max_page_bytes); the line was skipped"
                ))
                .at(at),
            );
            continue;
        }
        let mut bytes = &buf[..];
        if line_no == 1 {
            bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        }
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => std::borrow::Cow::Borrowed(t),
            Err(e) => {
                collector.problem(
                    ctx.warning(format!(
                        "line {line_no} is not valid UTF-8 (first bad byte at column {}); it was decoded as Windows-1252",
                        e.valid_up_to() + 1
                    ))
                    .at(at.clone()),
                );
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(bytes)
                    .0
            }
        };
        let value: Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                collector.problem(
                    ctx.skipped(format!(
                        "line {line_no} is not valid JSON ({}); the line was skipped",
                        json_error(&e)
                    ))
                    .at(at),
                );
                continue;
            }
        };
        let Value::Object(record) = value else {
            collector.problem(
                ctx.skipped(format!(
                    "line {line_no} is a JSON {}, not an object; the line was skipped",
                    kind_of(&value)
                ))
                .at(at),
            );
            continue;
        };
        match to_document(record, ctx, line_no) {
            Ok((doc, warnings)) => {
                for w in warnings {
                    collector.problem(ctx.warning(w).at(at.clone()));
                }
                collector.document(doc, "jsonl");
            }
            Err(problem) => collector.problem(ctx.skipped(problem).at(at)),
        }
    }
}

fn trailing_newline_len(buf: &[u8]) -> usize {
    match buf {
        [.., b'\r', b'\n'] => 2,
        [.., b'\n'] => 1,
        _ => 0,
    }
}

/// serde_json's message with its own `at line 1 column N` replaced by `at column N`.
fn json_error(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let words = match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => &text,
    };
    format!("{words} at column {}", e.column())
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// A string field, or a number written as a string.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Turns one JSONL record into a document; `Err` is the reason it was skipped.
fn to_document(
    mut record: Map<String, Value>,
    ctx: &FileCtx,
    line_no: u64,
) -> Result<(RawDocument, Vec<String>), String> {
    let mut warnings = Vec::new();
    let fallback_id = format!("{}:{line_no}", ctx.file.id);
    let id = match record.shift_remove("id") {
        None => fallback_id,
        Some(v) => match scalar(&v).filter(|s| !s.trim().is_empty()) {
            Some(id) => id,
            None => {
                warnings.push(format!(
                    "line {line_no} has an `id` that is not a non-empty string or number ({v}); the id `{fallback_id}` was used instead"
                ));
                fallback_id
            }
        },
    };
    let content = match take_text(&mut record, "html") {
        Some(html) => RawContent::Html(html),
        None => match take_text(&mut record, "text") {
            Some(text) => RawContent::Text(text),
            None => {
                let why = if record.contains_key("html") || record.contains_key("text") {
                    "its `html`/`text` field is empty or not a string"
                } else {
                    "it has neither an `html` nor a `text` field"
                };
                return Err(format!(
                    "line {line_no} (id `{id}`) holds no page: {why}; the line was skipped"
                ));
            }
        },
    };
    let url = take_scalar(&mut record, "url");
    let published = match take_scalar(&mut record, "published") {
        Some(p) => Some(p),
        None => take_scalar(&mut record, "date"),
    };
    let authors = match record
        .shift_remove("authors")
        .or_else(|| record.shift_remove("author"))
    {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => vec![s],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|a| a.as_str().map(str::to_string))
            .filter(|a| !a.trim().is_empty())
            .collect(),
        Some(other) => {
            warnings.push(format!(
                "line {line_no} has `authors` that are neither a string nor a list ({other}); they were left out"
            ));
            Vec::new()
        }
    };
    let declared = Declared {
        title: take_scalar(&mut record, "title"),
        published,
        fetched: take_scalar(&mut record, "fetched"),
        outlet: take_scalar(&mut record, "outlet"),
        authors,
        language: take_scalar(&mut record, "language"),
        extra: record,
    };
    let mut source = ctx.source(SourceFormat::Jsonl);
    source.line = Some(line_no);
    Ok((
        RawDocument {
            id,
            source,
            url,
            content,
            declared,
        },
        warnings,
    ))
}

/// Removes `key` when it holds a non-blank string; other values stay in the record.
fn take_text(record: &mut Map<String, Value>, key: &str) -> Option<String> {
    match record.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => match record.shift_remove(key) {
            Some(Value::String(s)) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// Removes `key` when it holds a string or number; other values stay in the record.
fn take_scalar(record: &mut Map<String, Value>, key: &str) -> Option<String> {
    let value = record.get(key).and_then(scalar)?;
    record.shift_remove(key);
    Some(value)
}
