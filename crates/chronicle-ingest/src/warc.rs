//! WARC (1.0, 1.1) and ARC (version 1) files, read record by record.
//!
//! Offsets are byte offsets in the decompressed stream; for files that are
//! not gzipped they are file offsets.

use crate::http::{self, media_type};
use crate::io_util::{describe_io, discard, preview, read_exact_or_eof, read_line_bounded};
use crate::sniff::{binary_reason, looks_like_html};
use crate::{charset, too_big, Collector, Declared, FileCtx, RawContent, RawDocument, Stream};
use chronicle_model::SourceFormat;
use std::io::{self, BufRead};

/// Longest header line kept; longer lines are cut (and cannot be valid headers).
const LINE_LIMIT: usize = 64 * 1024;
/// More header lines than this is not a WARC record.
const MAX_HEADER_LINES: usize = 1000;

/// What a record says about the page it holds.
struct RecordInfo {
    no: u64,
    offset: u64,
    url: Option<String>,
    record_id: Option<String>,
    fetched: Option<String>,
    /// Content type of the record block (`application/http…` for HTTP).
    content_type: Option<String>,
    /// The block is an HTTP response with headers.
    http: bool,
    /// `warc` or `arc`, the `by_format` key.
    key: &'static str,
}

impl RecordInfo {
    fn at(&self) -> String {
        format!("record {} at byte {}", self.no, self.offset)
    }
}

pub(crate) fn read_warc(c: &mut Collector, ctx: &FileCtx, s: &mut Stream) {
    let max = c.options.max_page_bytes;
    let mut line = Vec::new();
    let mut record_no = 0u64;
    // A version line found while searching for the next record.
    let mut pending: Option<u64> = None;
    loop {
        let offset = match pending.take() {
            Some(offset) => offset,
            None => {
                let offset = s.position();
                match read_line_bounded(s, &mut line, LINE_LIMIT) {
                    Ok(None) => break,
                    Ok(Some(_)) => {}
                    Err(e) => return stopped(c, ctx, s, record_no + 1, &e),
                }
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                if !is_version_line(&line) {
                    let found = preview(&line);
                    match search_next_record(s, &mut line) {
                        Ok(next) => {
                            c.problem(
                                ctx.warning(format!(
                                    "unexpected data {found} where a WARC record should start; {}",
                                    after_search(next)
                                ))
                                .at(format!("byte {offset}")),
                            );
                            pending = next;
                            if pending.is_none() {
                                break;
                            }
                            continue;
                        }
                        Err(e) => return stopped(c, ctx, s, record_no + 1, &e),
                    }
                }
                offset
            }
        };
        record_no += 1;
        let at = format!("record {record_no} at byte {offset}");
        let headers = match read_headers(s, &mut line) {
            Ok(Some(h)) => h,
            Ok(None) => {
                c.problem(ctx.skipped(format!(
                    "record {record_no} ends before its headers do: the file is truncated; the record was skipped"
                )).at(at));
                break;
            }
            Err(e) => return stopped(c, ctx, s, record_no, &e),
        };
        let get = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        let Some(len) = get("content-length").and_then(|v| v.trim().parse::<u64>().ok()) else {
            let next = match search_next_record(s, &mut line) {
                Ok(next) => next,
                Err(e) => return stopped(c, ctx, s, record_no, &e),
            };
            c.problem(ctx.skipped(format!(
                "record {record_no} has no valid Content-Length header, so its end is unknown; it was skipped, and {}",
                after_search(next)
            )).at(at));
            pending = next;
            if pending.is_none() {
                break;
            }
            continue;
        };
        let kind = get("warc-type").unwrap_or_default().to_ascii_lowercase();
        let target = get("warc-target-uri")
            .unwrap_or_default()
            .to_ascii_lowercase();
        // Crawler logs and DNS answers are stored as resources too; they are not pages.
        let not_a_page = ["metadata:", "dns:", "filedesc:", "<metadata:", "<dns:"]
            .iter()
            .any(|scheme| target.trim().starts_with(scheme));
        let wanted = matches!(kind.as_str(), "response" | "resource" | "conversion") && !not_a_page;
        let block = if !wanted || len > max {
            match discard(s, len) {
                Ok(n) if n < len => {
                    c.problem(ctx.warning(format!(
                        "record {record_no} ({}) is cut short: the file ends after {n} of its {len} bytes",
                        if kind.is_empty() { "no WARC-Type" } else { &kind }
                    )).at(at));
                    break;
                }
                Ok(_) => {}
                Err(e) => return stopped(c, ctx, s, record_no, &e),
            }
            if wanted {
                c.problem(
                    ctx.skipped(too_big(len, max, &format!("record {record_no}")))
                        .at(at.clone()),
                );
            } else {
                c.ignored_record();
            }
            None
        } else {
            match read_exact_or_eof(s, len) {
                Ok(block) => {
                    if (block.len() as u64) < len {
                        c.problem(ctx.warning(format!(
                            "record {record_no} is cut short: the file ends after {} of its {len} bytes; the part present was read",
                            block.len()
                        )).at(at.clone()));
                    }
                    Some(block)
                }
                Err(e) => return stopped(c, ctx, s, record_no, &e),
            }
        };
        if let Some(block) = block {
            let content_type = get("content-type");
            let http = kind == "response"
                && (content_type
                    .as_deref()
                    .is_some_and(|ct| ct.to_ascii_lowercase().contains("application/http"))
                    || block.starts_with(b"HTTP/"));
            let info = RecordInfo {
                no: record_no,
                offset,
                url: get("warc-target-uri").map(|u| {
                    u.trim()
                        .trim_start_matches('<')
                        .trim_end_matches('>')
                        .to_string()
                }),
                record_id: get("warc-record-id"),
                fetched: get("warc-date"),
                content_type,
                http,
                key: "warc",
            };
            emit_record(c, ctx, info, &block);
        }
        // Records end with two CRLFs; anything else means a wrong Content-Length.
        let run = match consume_newlines(s) {
            Ok(run) => run,
            Err(e) => return stopped(c, ctx, s, record_no + 1, &e),
        };
        let next = match s.fill_buf() {
            Ok(next) => next,
            Err(e) => return stopped(c, ctx, s, record_no + 1, &e),
        };
        if next.is_empty() {
            continue;
        }
        if next.starts_with(b"WARC/") {
            if run != b"\r\n\r\n" {
                c.problem(ctx.warning(format!(
                    "record {record_no} is followed by {} instead of the blank line the WARC format requires; its Content-Length ({len}) is probably wrong, so its content may be cut or padded",
                    preview(&run)
                )).at(at));
            }
            continue;
        }
        let mut found = run.clone();
        found.extend_from_slice(&next[..next.len().min(40)]);
        let next = match search_next_record(s, &mut line) {
            Ok(next) => next,
            Err(e) => return stopped(c, ctx, s, record_no + 1, &e),
        };
        c.problem(ctx.warning(format!(
            "record {record_no} does not end where its Content-Length ({len} bytes) says: {} follows instead of a blank line, so the record may be damaged; {}",
            preview(&found),
            after_search(next)
        )).at(at));
        pending = next;
        if pending.is_none() {
            break;
        }
    }
}

fn is_version_line(line: &[u8]) -> bool {
    line.starts_with(b"WARC/1.") || line.starts_with(b"WARC/0.")
}

/// Reads lines until one starts a WARC record; returns its offset (the
/// version line is consumed), or `None` at end of input.
fn search_next_record(s: &mut Stream, line: &mut Vec<u8>) -> io::Result<Option<u64>> {
    loop {
        let offset = s.position();
        match read_line_bounded(s, line, LINE_LIMIT)? {
            None => return Ok(None),
            Some(_) if is_version_line(line) => return Ok(Some(offset)),
            Some(_) => {}
        }
    }
}

fn after_search(next: Option<u64>) -> String {
    match next {
        Some(at) => format!("reading went on at the next record, at byte {at}"),
        None => "no further record was found, so the rest of the file was skipped".to_string(),
    }
}

/// Header lines up to the blank line; `None` if the input ends first.
fn read_headers(s: &mut Stream, line: &mut Vec<u8>) -> io::Result<Option<Vec<(String, String)>>> {
    let mut headers: Vec<(String, String)> = Vec::new();
    for _ in 0..MAX_HEADER_LINES {
        if read_line_bounded(s, line, LINE_LIMIT)?.is_none() {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            return Ok(Some(headers));
        }
        if text.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(text.trim());
            }
        } else if let Some((name, value)) = text.split_once(':') {
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    // Too many lines to be headers: treat like a record without an end.
    Ok(Some(headers))
}

/// Consumes the CR and LF bytes at the reading position; returns them.
fn consume_newlines(s: &mut Stream) -> io::Result<Vec<u8>> {
    let mut run = Vec::new();
    loop {
        let buf = s.fill_buf()?;
        let n = buf
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        if n == 0 {
            return Ok(run);
        }
        // Keep only what a message needs to show.
        run.extend_from_slice(&buf[..n.min(64)]);
        let whole_buffer = n == buf.len();
        s.consume(n);
        if !whole_buffer {
            return Ok(run);
        }
    }
}

/// Reports a read error that ends the file; `record` is the record being read
/// (0 before the first).
fn stopped(c: &mut Collector, ctx: &FileCtx, s: &Stream, record: u64, e: &io::Error) {
    let what = if ctx.gzip {
        "the decompressed data"
    } else {
        "the file"
    };
    let kept = match record {
        0 | 1 => "nothing before it could be read".to_string(),
        n => format!("the {} records before it were read", n - 1),
    };
    c.problem(ctx.skipped(format!(
        "reading stopped at byte {} of {what}, in record {} ({}); the rest of the file was skipped, {kept}",
        s.position(),
        record.max(1),
        describe_io(e)
    )));
}

/// Turns the block of a `response`/`resource` record (or an ARC record)
/// into a document, or reports why not.
fn emit_record(c: &mut Collector, ctx: &FileCtx, mut info: RecordInfo, block: &[u8]) {
    let max = c.options.max_page_bytes;
    let at = info.at();
    let (payload, content_type) = if info.http {
        let resp = match http::parse_response(block) {
            Ok(r) => r,
            Err(e) => {
                c.problem(
                    ctx.skipped(format!("record {} {e}; it was skipped", info.no))
                        .at(at),
                );
                return;
            }
        };
        if !(200..300).contains(&resp.status) {
            c.problem(
                ctx.skipped(format!(
                    "record {} is an HTTP {} {} response, not a page; it was skipped",
                    info.no, resp.status, resp.reason
                ))
                .at(at)
                .clone(),
            );
            return;
        }
        let (payload, warnings) = match http::decode_body(&resp, max) {
            Ok(ok) => ok,
            Err(why) => {
                c.problem(
                    ctx.skipped(format!("record {} {why}; it was skipped", info.no))
                        .at(at),
                );
                return;
            }
        };
        for w in warnings {
            c.problem(
                ctx.warning(format!("record {}: {w}", info.no))
                    .at(at.clone()),
            );
        }
        info.fetched = info
            .fetched
            .take()
            .or_else(|| resp.header("date").map(str::to_string))
            .or_else(|| resp.header("last-modified").map(str::to_string));
        (payload, resp.header("content-type").map(str::to_string))
    } else {
        (block.to_vec(), info.content_type.clone())
    };
    let (media, charset) = content_type.as_deref().map(media_type).unwrap_or_default();
    let html = match media.as_str() {
        "text/html" | "application/xhtml+xml" | "text/xhtml" => true,
        "text/plain" => false,
        "" | "application/octet-stream" | "unknown/unknown" => {
            if let Some(reason) = binary_reason(&payload[..payload.len().min(8192)]) {
                c.problem(
                    ctx.skipped(format!(
                        "record {} looks like binary data ({reason}); it was skipped",
                        info.no
                    ))
                    .at(at),
                );
                return;
            }
            looks_like_html(&payload[..payload.len().min(65536)])
        }
        other => {
            c.problem(ctx.skipped(format!(
                "record {} holds `{other}` content, which is not a web page or text; it was skipped",
                info.no
            )).at(at));
            return;
        }
    };
    let decoded = charset::decode(&payload, charset.as_deref(), html);
    if let Some(w) = decoded.warning {
        c.problem(
            ctx.warning(format!("record {}: {w}", info.no))
                .at(at.clone()),
        );
    }
    if decoded.text.trim().is_empty() {
        c.problem(
            ctx.skipped(format!(
                "record {} holds an empty page; it was skipped",
                info.no
            ))
            .at(at),
        );
        return;
    }
    let mut source = ctx.source(SourceFormat::Warc);
    source.record_id = info.record_id;
    source.offset = Some(info.offset);
    let doc = RawDocument {
        id: format!("{}/{}", ctx.file.id, info.no),
        source,
        url: info.url.filter(|u| !u.is_empty()),
        content: if html {
            RawContent::Html(decoded.text)
        } else {
            RawContent::Text(decoded.text)
        },
        declared: Declared {
            fetched: info.fetched,
            ..Declared::default()
        },
    };
    c.document(doc, info.key);
}

/// ARC version 1: a header line `URL IP DATE TYPE LENGTH`, then LENGTH bytes.
pub(crate) fn read_arc(c: &mut Collector, ctx: &FileCtx, s: &mut Stream) {
    let max = c.options.max_page_bytes;
    let mut line = Vec::new();
    let mut record_no = 0u64;
    // Lines that are not record headers, reported once per run: (first offset, count).
    let mut junk: Option<(u64, u64)> = None;
    loop {
        let offset = s.position();
        match read_line_bounded(s, &mut line, LINE_LIMIT) {
            Ok(None) => break,
            Ok(Some(_)) => {}
            Err(e) => {
                report_junk(c, ctx, &mut junk);
                return stopped(c, ctx, s, record_no + 1, &e);
            }
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let text = String::from_utf8_lossy(&line).into_owned();
        let fields: Vec<&str> = text.split_whitespace().collect();
        let n = fields.len();
        if n < 5 || !(fields[0].contains("://") || fields[0].starts_with("dns:")) {
            let (_, count) = junk.get_or_insert((offset, 0));
            *count += 1;
            continue;
        }
        report_junk(c, ctx, &mut junk);
        record_no += 1;
        let at = format!("record {record_no} at byte {offset}");
        let url = fields[..n - 4].join(" ");
        let (date, content_type, length) = (fields[n - 3], fields[n - 2], fields[n - 1]);
        let Ok(len) = length.parse::<u64>() else {
            c.problem(ctx.skipped(format!(
                "record {record_no} has an invalid length `{length}` in its header line, so its content cannot be found; it was skipped"
            )).at(at));
            continue;
        };
        if url.starts_with("filedesc://") || len > max {
            match discard(s, len) {
                Ok(got) if got < len => {
                    c.problem(ctx.warning(format!(
                        "record {record_no} is cut short: the file ends after {got} of its {len} bytes"
                    )).at(at));
                    break;
                }
                Ok(_) => {}
                Err(e) => return stopped(c, ctx, s, record_no, &e),
            }
            if url.starts_with("filedesc://") {
                c.ignored_record();
            } else {
                c.problem(
                    ctx.skipped(too_big(len, max, &format!("record {record_no}")))
                        .at(at),
                );
            }
            continue;
        }
        let block = match read_exact_or_eof(s, len) {
            Ok(block) => block,
            Err(e) => return stopped(c, ctx, s, record_no, &e),
        };
        if (block.len() as u64) < len {
            c.problem(ctx.warning(format!(
                "record {record_no} is cut short: the file ends after {} of its {len} bytes; the part present was read",
                block.len()
            )).at(at));
        }
        let info = RecordInfo {
            no: record_no,
            offset,
            http: block.starts_with(b"HTTP/"),
            url: Some(url),
            record_id: None,
            fetched: Some(date.to_string()),
            content_type: Some(content_type.to_string()),
            key: "arc",
        };
        emit_record(c, ctx, info, &block);
    }
    report_junk(c, ctx, &mut junk);
}

fn report_junk(c: &mut Collector, ctx: &FileCtx, junk: &mut Option<(u64, u64)>) {
    if let Some((offset, count)) = junk.take() {
        c.problem(ctx.warning(format!(
            "{count} line(s) from byte {offset} are not ARC record headers (`URL IP DATE TYPE LENGTH`); they were skipped"
        )).at(format!("byte {offset}")));
    }
}
