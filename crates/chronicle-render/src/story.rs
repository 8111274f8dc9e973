//! The story sections of the human-readable outputs: who is who, figures over
//! time (with an inline SVG chart per series) and events told by several
//! outlets. All text is escaped; the SVG is inline, so the page still makes
//! no external requests.

use crate::{html_escape, human_date, md_code, md_escape};
use chronicle_model::{format_value, Approx, Entity, Event, PartialDate, Series, Timeline};
use std::fmt::Write;

/// How many entities the readable outputs list; `timeline.json` has all.
const ENTITIES_SHOWN: usize = 40;

fn date_label(d: &Option<PartialDate>) -> String {
    d.as_ref().map_or_else(|| "undated".to_string(), human_date)
}

fn alias_list(e: &Entity) -> String {
    e.aliases
        .iter()
        .map(|a| format!("{} ×{}", a.text, a.count))
        .collect::<Vec<_>>()
        .join(", ")
}

fn shown_entities(t: &Timeline) -> impl Iterator<Item = &Entity> {
    // Entities told in several documents first: those are what a reader of a
    // long story loses track of.
    let mut v: Vec<&Entity> = t.entities.iter().collect();
    v.sort_by(|a, b| {
        b.docs
            .len()
            .cmp(&a.docs.len())
            .then_with(|| total(b).cmp(&total(a)))
            .then_with(|| a.id.cmp(&b.id))
    });
    v.into_iter().take(ENTITIES_SHOWN)
}

fn total(e: &Entity) -> usize {
    e.aliases.iter().map(|a| a.count).sum()
}

/// Series worth a reader's attention: a figure that moved or was reported
/// more than once. Single figures stay in `timeline.json`.
fn shown_series(t: &Timeline) -> impl Iterator<Item = &Series> {
    t.series.iter().filter(|s| s.points.len() > 1)
}

fn multi_source_events(t: &Timeline) -> impl Iterator<Item = &Event> {
    t.events
        .iter()
        .filter(|e| e.docs.len() > 1 || !e.date_conflicts.is_empty())
}

/// Markdown sections for entities, series and events; empty when there are none.
pub fn story_markdown(t: &Timeline) -> String {
    let mut out = String::new();
    if shown_series(t).next().is_some() {
        let _ = writeln!(out, "## Figures over time\n");
        for s in shown_series(t) {
            let _ = writeln!(
                out,
                "### {} ({})\n",
                md_escape(&s.subject),
                md_escape(&s.unit)
            );
            for p in &s.points {
                let _ = writeln!(
                    out,
                    "- {}: {}{} — “{}” ({}, sentence {})",
                    date_label(&p.date),
                    p.approx.as_words(),
                    format_value(p.value),
                    md_escape(&p.text),
                    md_code(&p.doc),
                    p.sentence
                );
            }
            for c in &s.conflicts {
                let _ = writeln!(out, "- **Conflict ({}):** {}", c.date, md_escape(&c.note));
            }
            out.push('\n');
        }
    }
    let events: Vec<&Event> = multi_source_events(t).collect();
    if !events.is_empty() {
        let _ = writeln!(out, "## Events reported by several sources\n");
        for e in events {
            let first = e.reports.first().map(|c| c.text.as_str()).unwrap_or("");
            let _ = write!(
                out,
                "- {} — {} Sources: {}.",
                human_date(&e.date),
                md_escape(first),
                e.docs
                    .iter()
                    .map(|d| md_code(d))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            for c in &e.date_conflicts {
                let _ = write!(
                    out,
                    " Dated {} by {}.",
                    human_date(&c.date),
                    c.docs
                        .iter()
                        .map(|d| md_code(d))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            out.push('\n');
        }
        out.push('\n');
    }
    if !t.entities.is_empty() {
        let _ = writeln!(out, "## Who and what\n");
        for e in shown_entities(t) {
            let _ = writeln!(
                out,
                "- **{}** ({:?}, {} documents): {}",
                md_escape(&e.name),
                e.kind,
                e.docs.len(),
                md_escape(&alias_list(e))
            );
        }
        if t.entities.len() > ENTITIES_SHOWN {
            let _ = writeln!(
                out,
                "- … and {} more in timeline.json",
                t.entities.len() - ENTITIES_SHOWN
            );
        }
        out.push('\n');
    }
    out
}

/// A point's position on the time axis, in fractional years; a month or a
/// year stands at its middle.
fn time_axis(d: &PartialDate) -> f64 {
    let year = f64::from(d.year);
    match (d.month, d.day) {
        (Some(m), Some(day)) => year + (f64::from(m) - 1.0 + (f64::from(day) - 0.5) / 31.0) / 12.0,
        (Some(m), None) => year + (f64::from(m) - 0.5) / 12.0,
        _ => year + 0.5,
    }
}

/// An inline SVG line chart of one series: time across, value up. Hedged
/// values are hollow circles; points in conflict are drawn in red.
pub fn series_svg(s: &Series) -> String {
    const W: f64 = 640.0;
    const H: f64 = 220.0;
    const LEFT: f64 = 70.0;
    const RIGHT: f64 = 20.0;
    const TOP: f64 = 20.0;
    const BOTTOM: f64 = 40.0;
    let pts: Vec<(f64, f64, usize)> = s
        .points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.date.as_ref().map(|d| (time_axis(d), p.value, i)))
        .filter(|(x, y, _)| x.is_finite() && y.is_finite())
        .collect();
    if pts.is_empty() {
        return String::new();
    }
    let in_conflict: Vec<bool> = (0..s.points.len())
        .map(|i| s.conflicts.iter().any(|c| c.points.contains(&i)))
        .collect();
    let (mut x0, mut x1) = pts
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    if x1 - x0 < 1.0 {
        x0 -= 0.5;
        x1 += 0.5;
    }
    let y1 = pts.iter().fold(0.0f64, |m, p| m.max(p.1)).max(1.0) * 1.1;
    let y0 = pts.iter().fold(0.0f64, |m, p| m.min(p.1));
    let sx = |x: f64| LEFT + (x - x0) / (x1 - x0) * (W - LEFT - RIGHT);
    let sy = |y: f64| TOP + (1.0 - (y - y0) / (y1 - y0)) * (H - TOP - BOTTOM);
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{}\">",
        html_escape(&format!("{} ({}) over time", s.subject, s.unit))
    );
    let _ = write!(
        out,
        "<line x1=\"{LEFT}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"#999\"/><line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{b}\" stroke=\"#999\"/>",
        b = H - BOTTOM,
        r = W - RIGHT
    );
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"11\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"11\">{}</text>",
        LEFT - 6.0,
        sy(y1) + 4.0,
        format_value(y1.round()),
        LEFT - 6.0,
        sy(y0) + 4.0,
        format_value(y0.round())
    );
    let first_year = x0.ceil() as i64;
    let last_year = x1.floor() as i64;
    let step = ((last_year - first_year) / 8).max(1);
    let mut year = first_year;
    while year <= last_year {
        let x = sx(year as f64);
        let _ = write!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{b}\" x2=\"{x:.1}\" y2=\"{t}\" stroke=\"#999\"/><text x=\"{x:.1}\" y=\"{ty}\" text-anchor=\"middle\" font-size=\"11\">{year}</text>",
            b = H - BOTTOM,
            t = H - BOTTOM + 4.0,
            ty = H - BOTTOM + 18.0
        );
        year += step;
    }
    let mut sorted = pts.clone();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let path: Vec<String> = sorted
        .iter()
        .map(|(x, y, _)| format!("{:.1},{:.1}", sx(*x), sy(*y)))
        .collect();
    let _ = write!(
        out,
        "<polyline fill=\"none\" stroke=\"#b33\" stroke-width=\"1.5\" points=\"{}\"/>",
        path.join(" ")
    );
    for (x, y, i) in &sorted {
        let p = &s.points[*i];
        let colour = if in_conflict[*i] { "#d00" } else { "#b33" };
        let fill = if p.approx == Approx::Exact {
            colour
        } else {
            "#fff"
        };
        let _ = write!(
            out,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"{fill}\" stroke=\"{colour}\" stroke-width=\"1.5\"><title>{}</title></circle>",
            sx(*x),
            sy(*y),
            html_escape(&format!(
                "{}: {}{} ({})",
                date_label(&p.date),
                p.approx.as_words(),
                format_value(p.value),
                p.doc
            ))
        );
    }
    out.push_str("</svg>");
    out
}

/// HTML sections for entities, series and events; empty when there are none.
pub fn story_html(t: &Timeline, doc_link: &dyn Fn(&str) -> String) -> String {
    let mut out = String::new();
    if shown_series(t).next().is_some() {
        out.push_str("<h2>Figures over time</h2>\n");
        for s in shown_series(t) {
            let _ = writeln!(
                out,
                "<h3>{} <small>({})</small></h3>\n{}\n<ul class=\"points\">",
                html_escape(&s.subject),
                html_escape(&s.unit),
                series_svg(s)
            );
            for p in &s.points {
                let _ = writeln!(
                    out,
                    "<li><b>{}</b>: {}{} — “{}” <cite>{}, sentence {}</cite></li>",
                    html_escape(&date_label(&p.date)),
                    p.approx.as_words(),
                    format_value(p.value),
                    html_escape(&p.text),
                    doc_link(&p.doc),
                    p.sentence
                );
            }
            for c in &s.conflicts {
                let _ = writeln!(
                    out,
                    "<li class=\"conflict\"><b>Conflicting reports ({})</b>: {}</li>",
                    html_escape(&c.date.to_string()),
                    html_escape(&c.note)
                );
            }
            out.push_str("</ul>\n");
        }
    }
    let events: Vec<&Event> = multi_source_events(t).collect();
    if !events.is_empty() {
        out.push_str("<h2>Events reported by several sources</h2>\n<ul class=\"events\">\n");
        for e in events {
            let first = e.reports.first().map(|c| c.text.as_str()).unwrap_or("");
            let sources: Vec<String> = e.docs.iter().map(|d| doc_link(d)).collect();
            let _ = write!(
                out,
                "<li><b>{}</b>: {} <span class=\"sources\">Sources: {}.</span>",
                html_escape(&human_date(&e.date)),
                html_escape(first),
                sources.join(", ")
            );
            for c in &e.date_conflicts {
                let by: Vec<String> = c.docs.iter().map(|d| doc_link(d)).collect();
                let _ = write!(
                    out,
                    " <span class=\"conflict\">Dated {} by {}.</span>",
                    html_escape(&human_date(&c.date)),
                    by.join(", ")
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    if !t.entities.is_empty() {
        out.push_str("<h2>Who and what</h2>\n<table>\n<tr><th>name</th><th>type</th><th>also written</th><th>documents</th></tr>\n");
        for e in shown_entities(t) {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{:?}</td><td>{}</td><td>{}</td></tr>",
                html_escape(&e.name),
                e.kind,
                html_escape(&alias_list(e)),
                e.docs.len()
            );
        }
        out.push_str("</table>\n");
        if t.entities.len() > ENTITIES_SHOWN {
            let _ = writeln!(
                out,
                "<p class=\"meta\">… and {} more in timeline.json.</p>",
                t.entities.len() - ENTITIES_SHOWN
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_model::{Conflict, SeriesPoint};

    fn point(date: &str, value: f64, approx: Approx, doc: &str) -> SeriesPoint {
        SeriesPoint {
            date: Some(date.parse().unwrap()),
            value,
            approx,
            text: format!("<b>{value}</b>"),
            doc: doc.into(),
            sentence: 0,
        }
    }

    #[test]
    fn chart_has_a_point_per_dated_value_and_escapes_text() {
        let s = Series {
            subject: "troops <in> Iraq".into(),
            unit: "troops".into(),
            points: vec![
                point("2007", 170000.0, Approx::Exact, "a"),
                point("2009-07", 130000.0, Approx::About, "b"),
                point("2011-12-01", 6000.0, Approx::Exact, "c"),
                point("2011-12-02", 9000.0, Approx::Exact, "d"),
            ],
            conflicts: vec![Conflict {
                date: "2011-12".parse().unwrap(),
                points: vec![2, 3],
                note: "c says 6,000; d says 9,000".into(),
            }],
        };
        let svg = series_svg(&s);
        assert_eq!(svg.matches("<circle").count(), 4);
        assert!(svg.contains("fill=\"#fff\""), "hedged value is hollow");
        assert_eq!(
            svg.matches("stroke=\"#d00\"").count(),
            2,
            "conflicting points in red"
        );
        assert!(!svg.contains("<in>"));
        let t = Timeline {
            series: vec![s],
            ..Timeline::default()
        };
        let html = story_html(&t, &|d| html_escape(d));
        assert!(html.contains("Conflicting reports"));
        assert!(!html.contains("<b>170000</b>"));
        let md = story_markdown(&t);
        assert!(md.contains("about 130,000"));
        assert!(md.contains("**Conflict (2011-12):**"));
    }

    #[test]
    fn undated_points_stay_out_of_the_chart() {
        let mut p = point("2020", 5.0, Approx::Exact, "a");
        p.date = None;
        let s = Series {
            subject: "x".into(),
            unit: "y".into(),
            points: vec![p],
            conflicts: vec![],
        };
        assert_eq!(series_svg(&s), "");
    }
}
