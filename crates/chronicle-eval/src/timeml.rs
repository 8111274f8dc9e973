//! Reading and writing TimeML documents (TempEval-3 `.tml` files), TIMEX3 only.

use chronicle_model::PartialDate;
use regex::Regex;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum TimemlError {
    #[error("{file}: no <TEXT> element; is this a TimeML file?")]
    NoText { file: String },
    #[error("{file}: not UTF-8 text")]
    NotUtf8 { file: String },
    #[error("{file}: could not be read: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
}

/// One TIMEX3 of the text; `start`/`end` are byte offsets into [`TimemlDoc::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimemlTimex {
    pub tid: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// DATE, TIME, DURATION or SET as written.
    pub kind: String,
    pub value: String,
    pub modifier: Option<String>,
}

/// A TimeML document: its creation time, the text of `<TEXT>` without tags, its TIMEX3s.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimemlDoc {
    pub id: String,
    /// The `value` of the creation-time TIMEX3 as written (`1998-01-08`, `1998-01-08T18:30`).
    pub dct_value: Option<String>,
    pub dct: Option<PartialDate>,
    /// The element text of `<DCT>` (`19980108`), kept for writing.
    pub dct_text: String,
    /// Text of `<TEXT>`, tags removed, entities decoded.
    pub text: String,
    pub timexes: Vec<TimemlTimex>,
}

fn tag_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>").expect("static regex"))
}

fn attr(attrs: &str, name: &str) -> Option<String> {
    let pat = format!("{name}=\"");
    let mut from = 0;
    // The attribute name must start a word: "value" is not "tvalue".
    while let Some(pos) = attrs[from..].find(&pat) {
        let at = from + pos;
        if at == 0 || attrs.as_bytes()[at - 1].is_ascii_whitespace() {
            let rest = &attrs[at + pat.len()..];
            return rest.find('"').map(|e| decode_entities(&rest[..e]));
        }
        from = at + pat.len();
    }
    None
}

pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

pub fn escape_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn escape_attr(s: &str) -> String {
    escape_text(s).replace('"', "&quot;")
}

/// Parses one TimeML document; `name` is used for its id and in errors.
pub fn parse_timeml(name: &str, xml: &str) -> Result<TimemlDoc, TimemlError> {
    let mut doc = TimemlDoc {
        id: name.to_string(),
        ..TimemlDoc::default()
    };
    if let (Some(a), Some(b)) = (xml.find("<DOCID>"), xml.find("</DOCID>")) {
        if a + 7 <= b {
            doc.id = xml[a + 7..b].trim().to_string();
        }
    }
    if let (Some(a), Some(b)) = (xml.find("<DCT>"), xml.find("</DCT>")) {
        if a + 5 <= b {
            let dct = &xml[a + 5..b];
            if let Some(c) = tag_re().captures(dct) {
                doc.dct_value = attr(&c[3], "value");
                doc.dct = doc
                    .dct_value
                    .as_deref()
                    .and_then(|v| v.get(..10).unwrap_or(v).parse().ok());
            }
            doc.dct_text = decode_entities(&tag_re().replace_all(dct, ""));
        }
    }
    let start = xml
        .find("<TEXT>")
        .ok_or_else(|| TimemlError::NoText { file: name.into() })?
        + 6;
    let end = xml[start..]
        .find("</TEXT>")
        .map(|e| start + e)
        .ok_or_else(|| TimemlError::NoText { file: name.into() })?;
    let body = &xml[start..end];
    let mut text = String::with_capacity(body.len());
    let mut open: Option<(usize, String, String, Option<String>, String)> = None;
    let mut last = 0;
    for c in tag_re().captures_iter(body) {
        let m = c.get(0).expect("whole match");
        text.push_str(&decode_entities(&body[last..m.start()]));
        last = m.end();
        if &c[2] != "TIMEX3" {
            continue;
        }
        if c[1].is_empty() {
            let attrs = &c[3];
            open = Some((
                text.len(),
                attr(attrs, "tid").unwrap_or_default(),
                attr(attrs, "type").unwrap_or_default(),
                attr(attrs, "mod"),
                attr(attrs, "value").unwrap_or_default(),
            ));
        } else if let Some((s, tid, kind, modifier, value)) = open.take() {
            doc.timexes.push(TimemlTimex {
                tid,
                start: s,
                end: text.len(),
                text: text[s..].to_string(),
                kind,
                value,
                modifier,
            });
        }
    }
    text.push_str(&decode_entities(&body[last..]));
    doc.text = text;
    Ok(doc)
}

impl From<&chronicle_model::Timex> for TimemlTimex {
    fn from(t: &chronicle_model::Timex) -> Self {
        let kind = match t.kind {
            chronicle_model::TimexType::Date => "DATE",
            chronicle_model::TimexType::Time => "TIME",
            chronicle_model::TimexType::Duration => "DURATION",
            chronicle_model::TimexType::Set => "SET",
        };
        TimemlTimex {
            tid: String::new(),
            start: t.start,
            end: t.end,
            text: t.text.clone(),
            kind: kind.to_string(),
            value: t.value.clone(),
            modifier: t.modifier.clone(),
        }
    }
}

impl TimemlDoc {
    /// The same document (id, creation time, text) with other TIMEX3s.
    pub fn with_timexes(&self, timexes: Vec<TimemlTimex>) -> TimemlDoc {
        TimemlDoc {
            id: self.id.clone(),
            dct_value: self.dct_value.clone(),
            dct: self.dct,
            dct_text: self.dct_text.clone(),
            text: self.text.clone(),
            timexes,
        }
    }
}

/// Whether a file name is a TimeML document: `.tml`, or TempEval-3 input (`.TE3input`).
pub fn is_timeml_name(name: &str) -> bool {
    name.ends_with(".tml") || name.ends_with(".TE3input")
}

/// The name a system file for `path` gets: its file name without `.tml` and
/// `.TE3input` endings, plus `.tml` ("a.tml.TE3input" → "a.tml").
pub fn output_file_name(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut stem = name.as_str();
    loop {
        let shorter = stem
            .strip_suffix(".tml")
            .or_else(|| stem.strip_suffix(".TE3input"));
        match shorter {
            Some(s) if !s.is_empty() => stem = s,
            _ => break,
        }
    }
    format!("{stem}.tml")
}

/// The TimeML files under `dir` (recursively; hidden entries skipped), sorted by path.
pub fn timeml_files(dir: &Path) -> Result<Vec<PathBuf>, TimemlError> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let entries = std::fs::read_dir(&d).map_err(|source| TimemlError::Io {
            file: d.display().to_string(),
            source,
        })?;
        for e in entries.flatten() {
            let path = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
            } else if is_timeml_name(&name) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The documents of a directory, and the files that could not be read.
#[derive(Debug, Default)]
pub struct TimemlDir {
    /// Sorted by path.
    pub docs: Vec<(PathBuf, TimemlDoc)>,
    pub errors: Vec<TimemlError>,
}

/// Every TimeML document under `dir`; unreadable ones are returned as errors beside the others.
pub fn read_timeml_dir(dir: &Path) -> Result<TimemlDir, TimemlError> {
    let mut out = TimemlDir::default();
    for path in timeml_files(dir)? {
        match read_timeml(&path) {
            Ok(d) => out.docs.push((path, d)),
            Err(e) => out.errors.push(e),
        }
    }
    Ok(out)
}

pub fn read_timeml(path: &std::path::Path) -> Result<TimemlDoc, TimemlError> {
    let name = path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let bytes = std::fs::read(path).map_err(|source| TimemlError::Io {
        file: path.display().to_string(),
        source,
    })?;
    let xml = String::from_utf8(bytes).map_err(|_| TimemlError::NotUtf8 {
        file: path.display().to_string(),
    })?;
    parse_timeml(&path.display().to_string(), &xml).map(|mut d| {
        if d.id == path.display().to_string() {
            d.id = name;
        }
        d
    })
}

/// The document as TimeML: its text with `timexes` inserted as TIMEX3 tags (tids
/// renumbered t1, t2…), the creation time kept as `functionInDocument="CREATION_TIME"`.
/// Overlapping tags after the first are dropped, since XML cannot nest them here.
pub fn write_timeml(doc: &TimemlDoc, timexes: &[TimemlTimex]) -> String {
    let mut out = String::with_capacity(doc.text.len() * 2);
    out.push_str("<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n");
    out.push_str(&format!("<DOCID>{}</DOCID>\n\n", escape_text(&doc.id)));
    if let Some(v) = &doc.dct_value {
        out.push_str(&format!(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{}</TIMEX3></DCT>\n\n",
            escape_attr(v),
            escape_text(&doc.dct_text)
        ));
    }
    out.push_str("<TEXT>");
    out.push_str(&render_text(doc, timexes));
    out.push_str("</TEXT>\n\n</TimeML>\n");
    out
}

/// `xml` (a TimeML document) with the content of its `<TEXT>` replaced by the
/// tag-free text of `doc` with `timexes` inserted. What comes before `<TEXT>`
/// (DOCID, DCT, extra information) is kept as it was; what comes after it is
/// dropped, since links there (TLINK, MAKEINSTANCE) point at the removed tags.
pub fn replace_text_timexes(xml: &str, doc: &TimemlDoc, timexes: &[TimemlTimex]) -> Option<String> {
    let start = xml.find("<TEXT>")? + 6;
    xml[start..].find("</TEXT>")?;
    let mut out = String::with_capacity(xml.len() + timexes.len() * 64);
    out.push_str(&xml[..start]);
    out.push_str(&render_text(doc, timexes));
    out.push_str("</TEXT>\n\n</TimeML>\n");
    Some(out)
}

/// The text of `doc`, escaped, with `timexes` as TIMEX3 tags (tids t1, t2…).
/// Overlapping tags after the first are dropped, since XML cannot nest them here.
pub fn render_text(doc: &TimemlDoc, timexes: &[TimemlTimex]) -> String {
    let mut out = String::with_capacity(doc.text.len() + timexes.len() * 64);
    let mut sorted: Vec<&TimemlTimex> = timexes.iter().collect();
    sorted.sort_by_key(|t| (t.start, std::cmp::Reverse(t.end)));
    let mut pos = 0;
    let mut n = 0;
    for t in sorted {
        let ok = t.start >= pos
            && t.end > t.start
            && t.end <= doc.text.len()
            && doc.text.is_char_boundary(t.start)
            && doc.text.is_char_boundary(t.end);
        if !ok {
            continue;
        }
        n += 1;
        out.push_str(&escape_text(&doc.text[pos..t.start]));
        out.push_str(&format!(
            "<TIMEX3 tid=\"t{n}\" type=\"{}\" value=\"{}\"",
            escape_attr(&t.kind),
            escape_attr(&t.value)
        ));
        if let Some(m) = &t.modifier {
            out.push_str(&format!(" mod=\"{}\"", escape_attr(m)));
        }
        out.push('>');
        out.push_str(&escape_text(&doc.text[t.start..t.end]));
        out.push_str("</TIMEX3>");
        pos = t.end;
    }
    out.push_str(&escape_text(&doc.text[pos..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let xml = "<TimeML><DOCID>d1</DOCID><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2001-02-03\" functionInDocument=\"CREATION_TIME\">20010203</TIMEX3></DCT><TEXT>\nWe <EVENT eid=\"e1\">met</EVENT> <TIMEX3 tid=\"t5\" type=\"DATE\" value=\"2001-02-02\">yesterday</TIMEX3> at A&amp;B for <TIMEX3 tid=\"t6\" type=\"DURATION\" value=\"PT2H\" mod=\"APPROX\">about two hours</TIMEX3>.\n</TEXT></TimeML>";
        let doc = parse_timeml("x", xml).unwrap();
        assert_eq!(doc.id, "d1");
        assert_eq!(doc.dct.unwrap().to_string(), "2001-02-03");
        assert_eq!(doc.text, "\nWe met yesterday at A&B for about two hours.\n");
        assert_eq!(doc.timexes.len(), 2);
        assert_eq!(
            &doc.text[doc.timexes[0].start..doc.timexes[0].end],
            "yesterday"
        );
        assert_eq!(doc.timexes[1].modifier.as_deref(), Some("APPROX"));
        let again = parse_timeml("x", &write_timeml(&doc, &doc.timexes)).unwrap();
        assert_eq!(again.text, doc.text);
        assert_eq!(again.timexes.len(), 2);
        assert_eq!(again.timexes[1].value, "PT2H");
        assert_eq!(again.dct, doc.dct);
    }
}
