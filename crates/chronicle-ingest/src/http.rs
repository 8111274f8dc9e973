//! HTTP responses stored in WARC and ARC records: status, headers, body,
//! chunked transfer encoding and gzip/deflate content encoding.

use crate::charset::find;
use crate::io_util::{describe_io, preview};
use std::io::Read;
use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub(crate) enum HttpError {
    #[error("does not hold an HTTP response (it starts with {0})")]
    NotHttp(String),
    #[error("has an HTTP status line without a valid status code ({0})")]
    BadStatus(String),
    #[error("has HTTP headers that never end (no blank line after them)")]
    NoHeaderEnd,
}

pub(crate) struct HttpResponse<'a> {
    pub status: u16,
    pub reason: String,
    /// Names lowercased, in order.
    pub headers: Vec<(String, String)>,
    pub body: &'a [u8],
}

impl HttpResponse<'_> {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

pub(crate) fn parse_response(block: &[u8]) -> Result<HttpResponse<'_>, HttpError> {
    if !block.starts_with(b"HTTP/") {
        return Err(HttpError::NotHttp(preview(block)));
    }
    let crlf = find(block, b"\r\n\r\n").map(|i| (i, 4));
    let lf = find(block, b"\n\n").map(|i| (i, 2));
    let (end, sep) = match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => return Err(HttpError::NoHeaderEnd),
    };
    let head = String::from_utf8_lossy(&block[..end]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default().trim();
    let mut parts = status_line.splitn(3, ' ');
    let _version = parts.next();
    let status = parts
        .next()
        .and_then(|code| code.trim().parse::<u16>().ok())
        .filter(|code| (100..600).contains(code))
        .ok_or_else(|| HttpError::BadStatus(preview(status_line.as_bytes())))?;
    let reason = parts.next().unwrap_or_default().trim().to_string();
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    Ok(HttpResponse {
        status,
        reason,
        headers,
        body: &block[end + sep..],
    })
}

/// The page bytes of a response: transfer and content encodings undone.
/// `Err` is why the body cannot be used; warnings are about a body that was used.
pub(crate) fn decode_body(resp: &HttpResponse, max: u64) -> Result<(Vec<u8>, Vec<String>), String> {
    let mut warnings = Vec::new();
    let chunked = resp
        .header("transfer-encoding")
        .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
    let body: Vec<u8> = if chunked {
        match dechunk(resp.body) {
            Ok(body) => body,
            Err((why, partial)) if partial.is_empty() => {
                warnings.push(format!(
                    "its chunked transfer encoding is broken ({why}); the body was read as it is"
                ));
                resp.body.to_vec()
            }
            Err((why, partial)) => {
                warnings.push(format!(
                    "its chunked transfer encoding is broken ({why}); the {} bytes decoded before the damage were kept",
                    partial.len()
                ));
                partial
            }
        }
    } else {
        if let Some(declared) = resp
            .header("content-length")
            .and_then(|v| v.trim().parse::<u64>().ok())
        {
            let found = resp.body.len() as u64;
            if found < declared {
                warnings.push(format!(
                    "its HTTP body is shorter than its Content-Length says ({found} of {declared} bytes); the page may be cut short"
                ));
            }
        }
        resp.body.to_vec()
    };
    let encoding = resp
        .header("content-encoding")
        .map(|e| e.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let limit = max.saturating_add(1);
    let decoded = match encoding.as_str() {
        "" | "identity" | "none" => body,
        "gzip" | "x-gzip" if !body.starts_with(&[0x1f, 0x8b]) => {
            warnings.push(
                "its HTTP headers say the body is gzip-compressed but it is not; it was read as it is"
                    .to_string(),
            );
            body
        }
        "gzip" | "x-gzip" => inflate(
            flate2::read::MultiGzDecoder::new(&body[..]),
            limit,
            "gzip",
            &mut warnings,
        )?,
        "deflate" => {
            let mut out = Vec::new();
            // Servers send both zlib-wrapped and raw deflate under this name.
            if flate2::read::ZlibDecoder::new(&body[..])
                .take(limit)
                .read_to_end(&mut out)
                .is_err()
            {
                out = inflate(
                    flate2::read::DeflateDecoder::new(&body[..]),
                    limit,
                    "deflate",
                    &mut warnings,
                )?;
            }
            out
        }
        other => {
            return Err(format!(
                "has a body compressed with `{other}`, which chronicle cannot decode"
            ))
        }
    };
    if decoded.len() as u64 > max {
        return Err(format!(
            "has a page larger than the limit of {max} bytes once decompressed (max_page_bytes)"
        ));
    }
    Ok((decoded, warnings))
}

fn inflate(
    reader: impl Read,
    limit: u64,
    what: &str,
    warnings: &mut Vec<String>,
) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    match reader.take(limit).read_to_end(&mut out) {
        Ok(_) => Ok(out),
        Err(e) if out.is_empty() => Err(format!(
            "has a {what}-compressed body that cannot be decompressed ({})",
            describe_io(&e)
        )),
        Err(e) => {
            warnings.push(format!(
                "its {what}-compressed body is damaged or cut short ({}); the {} bytes decompressed before the damage were kept",
                describe_io(&e),
                out.len()
            ));
            Ok(out)
        }
    }
}

/// Undoes `Transfer-Encoding: chunked`. `Err` carries why, and what was decoded.
pub(crate) fn dechunk(body: &[u8]) -> Result<Vec<u8>, (String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut pos = 0usize;
    loop {
        let rest = &body[pos..];
        if rest.is_empty() {
            return Err((
                "the body ends without the final zero-size chunk".to_string(),
                out,
            ));
        }
        let Some(line_len) = rest.iter().position(|&b| b == b'\n') else {
            return Err((
                format!("a chunk-size line does not end: {}", preview(rest)),
                out,
            ));
        };
        let line = String::from_utf8_lossy(&rest[..line_len]);
        let size_text = line.split(';').next().unwrap_or_default().trim();
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            return Err((
                format!("{} is not a chunk size", preview(size_text.as_bytes())),
                out,
            ));
        };
        pos += line_len + 1;
        if size == 0 {
            return Ok(out);
        }
        let available = body.len() - pos;
        if size > available {
            out.extend_from_slice(&body[pos..]);
            return Err((
                format!("a chunk of {size} bytes has only {available} bytes left"),
                out,
            ));
        }
        out.extend_from_slice(&body[pos..pos + size]);
        pos += size;
        if body[pos..].starts_with(b"\r\n") {
            pos += 2;
        } else if body[pos..].starts_with(b"\n") {
            pos += 1;
        }
    }
}

/// `text/html; charset=utf-8` → (`text/html`, `Some("utf-8")`).
pub(crate) fn media_type(content_type: &str) -> (String, Option<String>) {
    let media = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let charset = crate::charset::charset_param(content_type.to_ascii_lowercase().as_bytes());
    (media, charset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_status_headers_and_body() {
        let r = parse_response(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=utf-8\r\nX: 1\r\n\r\n<p>hi",
        )
        .unwrap();
        assert_eq!((r.status, r.reason.as_str()), (200, "OK"));
        assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
        assert_eq!(r.body, b"<p>hi");
        let r = parse_response(b"HTTP/1.0 404 Not Found\n\nnope").unwrap();
        assert_eq!((r.status, r.body), (404, &b"nope"[..]));
        assert!(matches!(
            parse_response(b"GET / HTTP/1.1\r\n\r\n"),
            Err(HttpError::NotHttp(_))
        ));
        assert!(matches!(
            parse_response(b"HTTP/1.1 abc\r\n\r\n"),
            Err(HttpError::BadStatus(_))
        ));
        assert_eq!(
            parse_response(b"HTTP/1.1 200 OK\r\nX: y").err(),
            Some(HttpError::NoHeaderEnd)
        );
    }

    #[test]
    fn dechunks() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n"),
            Ok(b"Wikipedia".to_vec())
        );
        assert_eq!(
            dechunk(b"4\r\nWiki\r\nff\r\nped"),
            Err((
                "a chunk of 255 bytes has only 3 bytes left".to_string(),
                b"Wikiped".to_vec()
            ))
        );
        assert!(matches!(dechunk(b"<html>"), Err((_, partial)) if partial.is_empty()));
    }

    #[test]
    fn decodes_gzip_bodies() {
        use flate2::write::GzEncoder;
        use std::io::Write;
        let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(b"<p>compressed page</p>").unwrap();
        let gz = enc.finish().unwrap();
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend_from_slice(&gz);
        let resp = parse_response(&block).unwrap();
        assert_eq!(
            decode_body(&resp, 1000).unwrap().0,
            b"<p>compressed page</p>"
        );
        // Cut inside the trailer: the text is kept, with a warning.
        let cut = &block[..block.len() - 3];
        let resp = parse_response(cut).unwrap();
        let (bytes, warnings) = decode_body(&resp, 1000).unwrap();
        assert_eq!(bytes, b"<p>compressed page</p>");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(decode_body(&parse_response(&block).unwrap(), 5).is_err());
        let br = parse_response(b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx").unwrap();
        assert!(decode_body(&br, 100).unwrap_err().contains("`br`"));
    }
}
