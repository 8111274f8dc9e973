//! Turning page bytes into text: BOM, declared charset, UTF-8, Windows-1252.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

pub(crate) struct Decoded {
    pub text: String,
    /// Set when the bytes did not fit the encoding used.
    pub warning: Option<String>,
}

/// Decodes `bytes`: a byte-order mark wins, then `declared` (an HTTP charset
/// label), then for HTML a `<meta>` charset, then UTF-8 with a Windows-1252
/// fallback when the bytes are not valid UTF-8.
pub(crate) fn decode(bytes: &[u8], declared: Option<&str>, html: bool) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        return decode_with(encoding, rest, "its byte-order mark");
    }
    let mut unknown_label = None;
    let mut chosen = None;
    if let Some(label) = declared.filter(|l| !l.trim().is_empty()) {
        match usable_encoding(label) {
            Some(e) => chosen = Some((e, "its HTTP Content-Type header")),
            None => unknown_label = Some(label.trim().to_string()),
        }
    }
    if chosen.is_none() && html {
        if let Some(label) = meta_charset(bytes) {
            match usable_encoding(&label) {
                // A page that says UTF-16 in ASCII bytes cannot be UTF-16 (HTML spec).
                Some(e) if e == UTF_16LE || e == UTF_16BE => {
                    chosen = Some((UTF_8, "its <meta> tag"))
                }
                Some(e) => chosen = Some((e, "its <meta> tag")),
                None => unknown_label = Some(label),
            }
        }
    }
    let note = unknown_label
        .map(|l| format!(" (its declared character set `{l}` is not one chronicle knows)"))
        .unwrap_or_default();
    match chosen {
        Some((encoding, from)) if encoding != UTF_8 => {
            let decoded = decode_with(encoding, bytes, from);
            // Pages often keep a stale declaration after being converted to UTF-8.
            match (&decoded.warning, std::str::from_utf8(bytes)) {
                (Some(_), Ok(text)) => Decoded {
                    text: text.to_string(),
                    warning: Some(format!(
                        "the text is declared as {} by {from} but is not valid in it, while it is valid UTF-8; it was decoded as UTF-8",
                        encoding.name()
                    )),
                },
                _ => decoded,
            }
        }
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => Decoded {
                text: text.to_string(),
                warning: None,
            },
            Err(e) => {
                let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                Decoded {
                    text: text.into_owned(),
                    warning: Some(format!(
                        "the text is not valid UTF-8 (first bad byte at offset {}){note}; it was decoded as Windows-1252",
                        e.valid_up_to()
                    )),
                }
            }
        },
    }
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8], from: &str) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        warning: had_errors.then(|| {
            format!(
                "the text has bytes that are not valid {} (the character set given by {from}); they were replaced with U+FFFD",
                encoding.name()
            )
        }),
    }
}

/// The encoding for a label, leaving out the `replacement` pseudo-encoding.
fn usable_encoding(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(
        label
            .trim()
            .trim_matches(|c| c == '"' || c == '\'')
            .as_bytes(),
    )
    .filter(|e| *e != encoding_rs::REPLACEMENT)
}

/// The charset of a `<meta charset=…>` or `<meta http-equiv content="…; charset=…">`
/// in the first 8 KiB of an HTML page.
pub(crate) fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(label) = charset_param(tag) {
            return Some(label);
        }
        from = end.max(start + 5);
    }
    None
}

/// The value after `charset` `=` in a tag or header, without quotes.
pub(crate) fn charset_param(text: &[u8]) -> Option<String> {
    let i = find(text, b"charset")?;
    let rest = &text[i + 7..];
    let rest = trim_start(rest);
    let rest = rest.strip_prefix(b"=")?;
    let rest = trim_start(rest);
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|&b| {
            matches!(
                b,
                b'"' | b'\'' | b';' | b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n'
            )
        })
        .unwrap_or(rest.len());
    let label = String::from_utf8_lossy(&rest[..len]).trim().to_string();
    (!label.is_empty()).then_some(label)
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], declared: Option<&str>, html: bool, text: &str, warns: bool) {
        let d = decode(bytes, declared, html);
        assert_eq!(d.text, text, "decoding {bytes:?}");
        assert_eq!(d.warning.is_some(), warns, "warning: {:?}", d.warning);
    }

    #[test]
    fn decodes_by_bom_declaration_and_fallback() {
        check("café".as_bytes(), None, false, "café", false);
        check(b"\xef\xbb\xbfcaf\xc3\xa9", None, false, "café", false);
        check(
            b"caf\xe9 \x93quoted\x94",
            None,
            false,
            "café “quoted”",
            true,
        );
        check(b"caf\xe9", Some("iso-8859-1"), false, "café", false);
        check(
            b"caf\xc3\xa9",
            Some("no-such-charset"),
            false,
            "café",
            false,
        );
        check(
            b"<html><head><meta charset=\"windows-1252\"></head>caf\xe9",
            None,
            true,
            "<html><head><meta charset=\"windows-1252\"></head>café",
            false,
        );
        check(
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">\xe9",
            None,
            true,
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">é",
            false,
        );
        // UTF-16 in a meta tag of an ASCII page means UTF-8.
        check(
            b"<meta charset=utf-16>\xc3\xa9",
            None,
            true,
            "<meta charset=utf-16>é",
            false,
        );
        // HTTP header wins over meta.
        check(
            b"<meta charset=utf-8>\xe9",
            Some("windows-1252"),
            true,
            "<meta charset=utf-8>é",
            false,
        );
        check(b"\xff\xfeh\x00i\x00", None, false, "hi", false);
        // A stale declaration on a page that is valid UTF-8 (GBK cannot decode it).
        check(
            "<meta charset=gb2312>新闻 价".as_bytes(),
            None,
            true,
            "<meta charset=gb2312>新闻 价",
            true,
        );
    }

    #[test]
    fn finds_meta_charsets() {
        assert_eq!(
            meta_charset(b"<META CHARSET='Shift_JIS'>").as_deref(),
            Some("shift_jis")
        );
        assert_eq!(meta_charset(b"<meta name=x><p>charset=x</p>"), None);
        assert_eq!(
            charset_param(b"text/html; charset=\"utf-8\"").as_deref(),
            Some("utf-8")
        );
    }
}
