//! Recognising a format from the first bytes of a (decompressed) file.

use crate::charset::find;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Sniffed {
    Warc,
    Arc,
    Jsonl,
    /// One JSON document spread over lines (not JSON lines).
    JsonDocument,
    Html,
    Text,
    /// Why it looks binary, as a phrase.
    Binary(String),
}

/// Recognises the format of a stream from its first bytes.
pub(crate) fn sniff(head: &[u8]) -> Sniffed {
    let start = skip_blank(head);
    if start.starts_with(b"WARC/1.") || start.starts_with(b"WARC/0.") {
        return Sniffed::Warc;
    }
    if start.starts_with(b"filedesc://") {
        return Sniffed::Arc;
    }
    if let Some(reason) = binary_reason(head) {
        return Sniffed::Binary(reason);
    }
    let utf16 = encoding_rs::Encoding::for_bom(head)
        .filter(|(e, _)| *e == encoding_rs::UTF_16LE || *e == encoding_rs::UTF_16BE);
    let text_head: Vec<u8> = match utf16 {
        Some((encoding, _)) => encoding
            .decode_with_bom_removal(head)
            .0
            .into_owned()
            .into_bytes(),
        None => head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head).to_vec(),
    };
    let start = skip_blank(&text_head);
    if start.first() == Some(&b'{') && looks_like_json_lines(start) {
        return Sniffed::Jsonl;
    }
    if looks_like_json_document(start) {
        return Sniffed::JsonDocument;
    }
    if looks_like_html(start) {
        return Sniffed::Html;
    }
    Sniffed::Text
}

fn skip_blank(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// Why `head` is not text, if it is not.
pub(crate) fn binary_reason(head: &[u8]) -> Option<String> {
    const MAGIC: [(&[u8], &str); 7] = [
        (b"%PDF-", "it is a PDF document"),
        (b"\x89PNG", "it is a PNG image"),
        (b"\xff\xd8\xff", "it is a JPEG image"),
        (b"GIF8", "it is a GIF image"),
        (b"PK\x03\x04", "it is a ZIP archive"),
        (b"\x7fELF", "it is an executable"),
        (b"RIFF", "it is a RIFF media file"),
    ];
    for (magic, what) in MAGIC {
        if head.starts_with(magic) {
            return Some(what.to_string());
        }
    }
    if encoding_rs::Encoding::for_bom(head).is_some() {
        return None;
    }
    if head.contains(&0) {
        return Some("it contains NUL bytes".to_string());
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    // Text has next to no control characters; compressed or media data has ~10%.
    if controls * 20 > head.len() {
        return Some(format!(
            "{}% of its first {} bytes are control characters",
            controls * 100 / head.len().max(1),
            head.len()
        ));
    }
    None
}

/// Starts with `{` and the first complete lines parse as JSON.
fn looks_like_json_lines(start: &[u8]) -> bool {
    let mut lines = start.split(|&b| b == b'\n').peekable();
    let mut checked = 0;
    while let Some(line) = lines.next() {
        if lines.peek().is_none() {
            // The last piece may be cut by the end of the head.
            break;
        }
        let line = skip_blank(line);
        if line.is_empty() {
            continue;
        }
        if is_json_object(line) {
            return true;
        }
        checked += 1;
        if checked >= 5 {
            return false;
        }
    }
    // No complete line in the head: a single huge JSON line, or one short line.
    checked == 0 && (is_json_object(start) || start.len() >= 4096)
}

fn is_json_object(bytes: &[u8]) -> bool {
    matches!(
        serde_json::from_slice::<serde_json::Value>(bytes),
        Ok(serde_json::Value::Object(_))
    )
}

/// `{` or `[` opening a document that spans lines: the first line only opens
/// it, or the whole head is one JSON value.
fn looks_like_json_document(start: &[u8]) -> bool {
    if !matches!(start.first(), Some(b'{' | b'[')) {
        return false;
    }
    let first_line = start.split(|&b| b == b'\n').next().unwrap_or_default();
    let first_line = first_line.trim_ascii_end();
    matches!(first_line.last(), Some(b'{' | b'[' | b','))
        || serde_json::from_slice::<serde_json::Value>(start).is_ok()
}

/// HTML markers at the start or anywhere in the head, or a high density of tags.
pub(crate) fn looks_like_html(start: &[u8]) -> bool {
    let lower = start.to_ascii_lowercase();
    if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        return true;
    }
    if [&b"<html"[..], b"<head>", b"<body", b"<!doctype html"]
        .iter()
        .any(|m| find(&lower, m).is_some())
    {
        return true;
    }
    let tags = lower
        .windows(2)
        .filter(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
        .count();
    tags >= 5 && tags * 100 >= lower.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(head: &[u8], expected: Sniffed) {
        assert_eq!(
            sniff(head),
            expected,
            "sniffing {:?}",
            String::from_utf8_lossy(head)
        );
    }

    #[test]
    fn recognises_formats() {
        check(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", Sniffed::Warc);
        check(
            b"filedesc://x.arc 0.0.0.0 20200101000000 text/plain 10\n",
            Sniffed::Arc,
        );
        check(b"{\"id\": 1}\n{\"id\": 2}\n", Sniffed::Jsonl);
        check(b"\n  {\"id\": 1}", Sniffed::Jsonl);
        check(b"{not json at all}\nreally not\n", Sniffed::Text);
        check(b"{\n  \"a\": [\n    \"x\"\n  ]\n}\n", Sniffed::JsonDocument);
        check(b"[{\"id\": 1}, {\"id\": 2}]", Sniffed::JsonDocument);
        check(b"<!DOCTYPE html><title>x</title>", Sniffed::Html);
        check(b"\xef\xbb\xbf<html lang=en>", Sniffed::Html);
        check(b"<div><p>a</p><p>b</p><p>c</p></div>", Sniffed::Html);
        check(b"Prices rose 3% when x < y.\nThe end.\n", Sniffed::Text);
        check(b"\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00", Sniffed::Html);
    }

    #[test]
    fn recognises_binary() {
        assert!(matches!(sniff(b"%PDF-1.7\n"), Sniffed::Binary(r) if r.contains("PDF")));
        assert!(matches!(sniff(b"abc\0def"), Sniffed::Binary(r) if r.contains("NUL")));
        let noisy: Vec<u8> = (0..200u8)
            .map(|i| if i % 5 == 0 { 1 } else { b'a' })
            .collect();
        assert!(matches!(sniff(&noisy), Sniffed::Binary(r) if r.contains("control characters")));
        // Windows-1252 high bytes are text, not binary.
        check(b"caf\xe9 cr\xe8me \x93br\xfbl\xe9e\x94\n", Sniffed::Text);
    }
}
