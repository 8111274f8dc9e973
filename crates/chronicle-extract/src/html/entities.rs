//! Character references (`&amp;`, `&#233;`, `&eacute;`, legacy `&copy`).

use std::borrow::Cow;

#[path = "entities_table.rs"]
mod table;

/// Longest named reference, without `&` and `;`.
const MAX_NAME: usize = 32;

/// Replaces character references in `s`. In attribute values (`in_attr`) a
/// legacy reference without `;` followed by a letter, digit or `=` stays
/// literal, so query strings such as `?a=1&copy=2` survive.
/// The first `&` of a short value, a word of 8 bytes at a time.
fn find_ampersand_short(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let x = u64::from_le_bytes(w) ^ (ONES * u64::from(b'&'));
        // the lowest zero byte of `x` (an `&`) is exact; higher marks may not be
        let zero = x.wrapping_sub(ONES) & !x & HIGH;
        if zero != 0 {
            return Some(offset + (zero.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == b'&')
        .map(|i| offset + i)
}

pub(crate) fn decode(s: &str, in_attr: bool) -> Cow<'_, str> {
    // most values are short and plain: 8 bytes at a time beats memchr's
    // set-up there
    let first = if s.len() < 32 {
        find_ampersand_short(s.as_bytes())
    } else {
        memchr::memchr(b'&', s.as_bytes())
    };
    let Some(first) = first else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut pos = first;
    // invariant: s[pos] == '&'
    loop {
        let rest = &s[pos + 1..];
        let used = match decode_one(rest, in_attr, &mut out) {
            Some(n) => n,
            None => {
                out.push('&');
                0
            }
        };
        let from = pos + 1 + used;
        match memchr::memchr(b'&', &s.as_bytes()[from..]) {
            Some(k) => {
                out.push_str(&s[from..from + k]);
                pos = from + k;
            }
            None => {
                out.push_str(&s[from..]);
                return Cow::Owned(out);
            }
        }
    }
}

/// Decodes the reference at the start of `rest` (just after `&`) into `out`;
/// returns the bytes consumed, or `None` when it is no reference.
fn decode_one(rest: &str, in_attr: bool, out: &mut String) -> Option<usize> {
    let bytes = rest.as_bytes();
    if bytes.first() == Some(&b'#') {
        return decode_numeric(bytes, out);
    }
    let run = bytes
        .iter()
        .take(MAX_NAME + 1)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if run == 0 {
        return None;
    }
    // the run is ASCII, so these slices are on char boundaries
    let name = &rest[..run];
    if bytes.get(run) == Some(&b';') {
        if let Ok(i) = table::NAMED.binary_search_by(|(k, _)| k.as_bytes().cmp(name.as_bytes())) {
            out.push_str(table::NAMED[i].1);
            return Some(run + 1);
        }
    }
    // the longest legacy name that prefixes the run (`&notit;` is `¬it;`)
    for len in (2..=run.min(6)).rev() {
        let prefix = &rest[..len];
        if let Ok(i) = table::LEGACY.binary_search_by(|(k, _)| k.as_bytes().cmp(prefix.as_bytes()))
        {
            let next = bytes.get(len).copied();
            if next == Some(b';') {
                out.push_str(table::LEGACY[i].1);
                return Some(len + 1);
            }
            if in_attr && next.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'=') {
                return None;
            }
            out.push_str(table::LEGACY[i].1);
            return Some(len);
        }
    }
    None
}

/// `#123;` or `#x7B;` (the `;` is optional).
fn decode_numeric(bytes: &[u8], out: &mut String) -> Option<usize> {
    let (hex, start) = match bytes.get(1) {
        Some(b'x' | b'X') => (true, 2),
        _ => (false, 1),
    };
    let mut value: u32 = 0;
    let mut end = start;
    while let Some(&b) = bytes.get(end) {
        let digit = if hex {
            (b as char).to_digit(16)
        } else {
            (b as char).to_digit(10)
        };
        let Some(d) = digit else { break };
        // saturate: anything past U+10FFFF is replaced anyway
        value = value
            .saturating_mul(if hex { 16 } else { 10 })
            .saturating_add(d)
            .min(0x11_0000);
        end += 1;
    }
    if end == start {
        return None;
    }
    out.push(numeric_char(value));
    if bytes.get(end) == Some(&b';') {
        end += 1;
    }
    Some(end)
}

/// The character a numeric reference stands for, with the HTML5 fix-ups
/// (C1 controls read as windows-1252, invalid values as U+FFFD).
fn numeric_char(value: u32) -> char {
    const C1: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let v = match value {
        0 => 0xFFFD,
        0x80..=0x9F => C1[(value - 0x80) as usize],
        _ => value,
    };
    char::from_u32(v).unwrap_or('\u{FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, in_attr: bool, want: &str) {
        assert_eq!(decode(input, in_attr), want, "input {input:?}");
    }

    #[test]
    fn references() {
        for (input, in_attr, want) in [
            ("plain", false, "plain"),
            ("a &amp; b", false, "a & b"),
            ("&lt;p&gt;", false, "<p>"),
            ("caf&eacute; &#233; &#xE9; &#XE9", false, "café é é é"),
            ("&copy 2020", false, "© 2020"),
            ("&notit;", false, "¬it;"),
            ("&notin;", false, "∉"),
            ("&nosuch; &", false, "&nosuch; &"),
            ("&#0; &#x110000; &#150;", false, "\u{FFFD} \u{FFFD} –"),
            ("x?a=1&copy=2&amp;b", true, "x?a=1&copy=2&b"),
            ("x?a=1&copy=2", false, "x?a=1©=2"),
            ("&ampx", true, "&ampx"),
            ("&#", false, "&#"),
            ("&NotNestedGreaterGreater;", false, "\u{2AA2}\u{338}"),
            ("&hellip;&nbsp;&mdash;", false, "…\u{A0}—"),
        ] {
            check(input, in_attr, want);
        }
    }

    #[test]
    fn ampersand_search_matches_a_plain_scan() {
        // every position in and around the 8-byte words, and bytes next to
        // `&` (0x26) that a carry could confuse
        for len in 0..32 {
            for at in 0..=len {
                let mut bytes = vec![b'%'; len];
                if at < len {
                    bytes[at] = b'&';
                }
                if at + 1 < len {
                    bytes[at + 1] = b'\'';
                }
                let want = bytes.iter().position(|&b| b == b'&');
                assert_eq!(find_ampersand_short(&bytes), want, "{len} {at}");
            }
        }
        assert_eq!(find_ampersand_short("é&".as_bytes()), Some(2));
    }
}
