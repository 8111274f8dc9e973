//! Renders a [`Timeline`] for people and for other tools: JSON (the output
//! contract), Markdown, one self-contained HTML page, and TimelineJS3 JSON.
//!
//! Invariants: output is deterministic for the same timeline; every piece of
//! article text that reaches HTML is escaped; the HTML page makes no external
//! requests (no scripts, fonts, images or styles from elsewhere).

use chronicle_model::{DateHow, DocumentRef, PartialDate, Published, Timeline};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::fmt::Write;

mod story;
pub use story::series_svg;

/// `timeline.json`: the timeline as the documented JSON contract.
pub fn timeline_json(timeline: &Timeline) -> String {
    let mut s = serde_json::to_string_pretty(timeline).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

fn published_label(p: &Published) -> String {
    match p.date {
        None => "date unknown".to_string(),
        Some(d) => {
            let mut s = d.to_string();
            if let Some(t) = &p.time {
                let _ = write!(s, " {t}");
            }
            if p.how == DateHow::Inferred {
                s.push_str(" (inferred)");
            }
            s
        }
    }
}

fn doc_label(d: &DocumentRef) -> String {
    let title = if d.title.trim().is_empty() {
        d.id.as_str()
    } else {
        d.title.as_str()
    };
    match &d.outlet {
        Some(o) => format!("{title} — {o}"),
        None => title.to_string(),
    }
}

/// Long English form of a date: `22 July 2009`, `December 2011`, `2011`.
pub fn human_date(d: &PartialDate) -> String {
    let month = d
        .month
        .and_then(|m| chronicle_model::MONTH_NAMES.get(usize::from(m).wrapping_sub(1)));
    match (d.day, month) {
        (Some(day), Some(m)) => format!("{day} {m} {}", d.year),
        (None, Some(m)) => format!("{m} {}", d.year),
        _ => d.year.to_string(),
    }
}

/// `timeline.md`.
pub fn timeline_markdown(timeline: &Timeline, title: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_escape(title));
    let _ = writeln!(
        out,
        "{} dates from {} documents.\n",
        timeline.entries.len(),
        timeline.documents.len()
    );
    for e in &timeline.entries {
        let _ = writeln!(out, "## {} ({})\n", human_date(&e.date), e.date);
        for c in &e.summary {
            let _ = writeln!(
                out,
                "- {} ({}, sentence {})",
                md_escape(&c.text),
                md_code(&c.doc),
                c.sentence
            );
        }
        if !e.docs.is_empty() {
            let _ = writeln!(
                out,
                "\nSources: {}",
                e.docs
                    .iter()
                    .map(|d| md_code(d))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        out.push('\n');
    }
    out.push_str(&story::story_markdown(timeline));
    let _ = writeln!(out, "## Documents\n");
    for d in &timeline.documents {
        let _ = write!(
            out,
            "- {}: {} ({})",
            md_code(&d.id),
            md_escape(&doc_label(d)),
            published_label(&d.published)
        );
        if let Some(u) = &d.url {
            let _ = write!(out, " <{}>", u.replace('>', "%3E"));
        }
        out.push('\n');
    }
    out
}

/// An id as a code span, which Markdown shows as written.
pub(crate) fn md_code(s: &str) -> String {
    format!("`{}`", s.replace('`', "'"))
}

pub(crate) fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out.replace('\n', " ")
}

/// Escapes text for HTML element content and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Only http(s) links are made clickable; anything else (javascript:, data:) is shown as text.
fn safe_href(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| html_escape(url.trim()))
}

fn anchor(id: &str) -> String {
    let mut a = String::from("doc-");
    for c in id.chars() {
        a.push(if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            c
        } else {
            '_'
        });
    }
    a
}

const STYLE: &str = "body{font:16px/1.5 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222;background:#fdfdfb}\
h1{font-size:1.7em;margin-bottom:.2em}.meta{color:#666;font-size:.9em}\
ol.timeline{list-style:none;padding:0;border-left:3px solid #b33;margin-left:.5em}\
ol.timeline>li{position:relative;padding:0 0 1.4em 1.4em}\
ol.timeline>li:before{content:'';position:absolute;left:-.55em;top:.45em;width:.8em;height:.8em;border-radius:50%;background:#b33}\
.date{font:bold 1.05em system-ui,sans-serif;color:#b33}.date small{color:#888;font-weight:normal}\
blockquote{margin:.4em 0;padding:0}cite{font:.8em system-ui,sans-serif;color:#555;font-style:normal}\
cite a{color:#555}.sources{font:.8em system-ui,sans-serif;color:#777}\
.chart{width:100%;height:auto;max-width:640px;display:block;margin:.5em 0}.conflict{color:#a00}\
ul.points,ul.events{font-size:.95em}h3 small{color:#777;font-weight:normal}\
table{border-collapse:collapse;font:.85em system-ui,sans-serif;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em;text-align:left;vertical-align:top}";

/// `timeline.html`: one file, readable offline, no external requests.
pub fn timeline_html(timeline: &Timeline, title: &str) -> String {
    let docs: HashMap<&str, &DocumentRef> = timeline
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<title>{t}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{t}</h1>\n\
<p class=\"meta\">{n} dates from {m} documents. Every sentence is quoted from the article it cites.</p>\n\
<ol class=\"timeline\">\n",
        t = html_escape(title),
        n = timeline.entries.len(),
        m = timeline.documents.len(),
    );
    for e in &timeline.entries {
        let _ = writeln!(
            out,
            "<li id=\"d{}\"><div class=\"date\">{} <small>{}</small></div>",
            e.date,
            html_escape(&human_date(&e.date)),
            e.date
        );
        for c in &e.summary {
            let label = docs
                .get(c.doc.as_str())
                .map_or_else(|| c.doc.clone(), |d| doc_label(d));
            let _ = writeln!(
                out,
                "<blockquote>{}<br><cite>— <a href=\"#{}\">{}</a>, sentence {}</cite></blockquote>",
                html_escape(&c.text),
                anchor(&c.doc),
                html_escape(&label),
                c.sentence
            );
        }
        if e.docs.len() > 1 {
            let links: Vec<String> = e
                .docs
                .iter()
                .map(|d| format!("<a href=\"#{}\">{}</a>", anchor(d), html_escape(d)))
                .collect();
            let _ = writeln!(
                out,
                "<div class=\"sources\">Reported by {} documents: {}</div>",
                e.docs.len(),
                links.join(", ")
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    let doc_link = |id: &str| {
        let label = docs
            .get(id)
            .map_or_else(|| id.to_string(), |d| doc_label(d));
        format!("<a href=\"#{}\">{}</a>", anchor(id), html_escape(&label))
    };
    out.push_str(&story::story_html(timeline, &doc_link));
    out.push_str("<h2>Documents</h2>\n<table>\n<tr><th>id</th><th>title</th><th>outlet</th><th>published</th><th>how</th></tr>\n");
    for d in &timeline.documents {
        let title = match d.url.as_deref().and_then(safe_href) {
            Some(href) => format!(
                "<a href=\"{href}\" rel=\"noreferrer\">{}</a>",
                html_escape(&d.title)
            ),
            None => html_escape(&d.title),
        };
        let _ = writeln!(
            out,
            "<tr id=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            anchor(&d.id),
            html_escape(&d.id),
            title,
            html_escape(d.outlet.as_deref().unwrap_or("")),
            html_escape(&published_label(&d.published)),
            html_escape(&format!("{:?}", d.published.how).to_lowercase()),
        );
    }
    out.push_str("</table>\n</body>\n</html>\n");
    out
}

fn timelinejs_date(d: &PartialDate) -> Value {
    let mut v = json!({ "year": d.year.to_string() });
    if let Some(m) = d.month {
        v["month"] = json!(m.to_string());
    }
    if let Some(day) = d.day {
        v["day"] = json!(day.to_string());
    }
    v
}

/// `timelinejs.json`: the TimelineJS3 JSON format (slides as HTML, escaped).
pub fn timelinejs_json(timeline: &Timeline, title: &str) -> String {
    let docs: HashMap<&str, &DocumentRef> = timeline
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect();
    let events: Vec<Value> = timeline
        .entries
        .iter()
        .map(|e| {
            let headline = e
                .summary
                .first()
                .map(|c| shorten(&c.text, 90))
                .unwrap_or_else(|| human_date(&e.date));
            let mut text = String::new();
            for c in &e.summary {
                let label = docs
                    .get(c.doc.as_str())
                    .map_or_else(|| c.doc.clone(), |d| doc_label(d));
                let _ = write!(
                    text,
                    "<p>{} <em>({})</em></p>",
                    html_escape(&c.text),
                    html_escape(&label)
                );
            }
            let display = human_date(&e.date);
            json!({
                "start_date": timelinejs_date(&e.date).as_object().cloned().map(|mut o| {
                    o.insert("display_date".into(), json!(display));
                    Value::Object(o)
                }),
                "text": { "headline": html_escape(&headline), "text": text },
                "unique_id": format!("d{}", e.date),
            })
        })
        .collect();
    let v = json!({
        "title": { "text": {
            "headline": html_escape(title),
            "text": format!("<p>{} dates from {} documents</p>", timeline.entries.len(), timeline.documents.len()),
        }},
        "events": events,
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

fn shorten(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let cut: String = s.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_model::{Citation, TimelineEntry};

    fn sample() -> Timeline {
        Timeline {
            entries: vec![TimelineEntry {
                date: "2020-06-11".parse().unwrap(),
                summary: vec![Citation {
                    text: "Talks <script>alert(1)</script> & \"more\" began.".into(),
                    doc: "a/b c".into(),
                    sentence: 2,
                }],
                docs: vec!["a/b c".into(), "x".into()],
                events: Vec::new(),
                score: 1.0,
            }],
            documents: vec![DocumentRef {
                id: "a/b c".into(),
                title: "T <i>".into(),
                outlet: Some("Outlet".into()),
                url: Some("javascript:alert(1)".into()),
                published: Published::default(),
            }],
            ..Timeline::default()
        }
    }

    #[test]
    fn html_escapes_article_text_and_refuses_script_links() {
        let html = timeline_html(&sample(), "Story <x>");
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("href=\"javascript"));
        assert!(!html.contains("src="));
        assert!(html.contains("id=\"doc-a_b_c\""));
    }

    #[test]
    fn timelinejs_has_dates_as_parts() {
        let v: Value = serde_json::from_str(&timelinejs_json(&sample(), "S")).unwrap();
        let start = &v["events"][0]["start_date"];
        assert_eq!(start["year"], "2020");
        assert_eq!(start["month"], "6");
        assert_eq!(start["day"], "11");
    }

    #[test]
    fn human_dates_at_each_granularity() {
        for (d, h) in [
            ("2009-07-22", "22 July 2009"),
            ("2011-12", "December 2011"),
            ("2011", "2011"),
        ] {
            assert_eq!(human_date(&d.parse().unwrap()), h);
        }
    }

    #[test]
    fn markdown_escapes_link_syntax() {
        let md = timeline_markdown(&sample(), "S");
        assert!(md.contains("\\<script\\>"));
        assert!(md.starts_with("# S\n"));
    }
}
