//! Figures, and the table and JSON they are printed as.

use crate::{Quality, Stage};
use serde::Serialize;

/// What one tool did on one workload.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub tool: String,
    pub items: usize,
    pub bytes: u64,
    /// The timed pass only.
    pub seconds: f64,
    /// Everything outside the timed pass: process start, imports, model
    /// loading, reading the inputs, one warm-up item.
    pub startup_seconds: Option<f64>,
    /// Counts that show the work was done (pages with text, timexes found…),
    /// and anything else worth knowing about the run.
    pub notes: Vec<String>,
    /// Scores against the corpus's gold annotations, where it has them (timex).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quality: Option<Quality>,
}

impl Figures {
    pub fn items_per_second(&self) -> f64 {
        per_second(self.items as f64, self.seconds)
    }

    pub fn megabytes_per_second(&self) -> f64 {
        per_second(self.bytes as f64 / 1e6, self.seconds)
    }
}

fn per_second(amount: f64, seconds: f64) -> f64 {
    if seconds > 0.0 {
        amount / seconds
    } else {
        f64::INFINITY
    }
}

/// A tool's figures on a workload, or why it was not run.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Outcome {
    Measured(Figures),
    Unavailable { tool: String, reason: String },
}

/// One stage on one corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageReport {
    pub stage: Stage,
    pub corpus: String,
    pub chronicle: Outcome,
    pub peers: Vec<Outcome>,
}

impl Outcome {
    pub fn figures(&self) -> Option<&Figures> {
        match self {
            Outcome::Measured(f) => Some(f),
            Outcome::Unavailable { .. } => None,
        }
    }
}

impl StageReport {
    /// chronicle's items/s over the peer's: how many times faster chronicle is.
    pub fn speedup(&self, peer: &Figures) -> Option<f64> {
        let ours = self.chronicle.figures()?;
        let theirs = peer.items_per_second();
        (theirs > 0.0 && theirs.is_finite()).then(|| ours.items_per_second() / theirs)
    }
}

pub const COLUMNS: [&str; 10] = [
    "stage",
    "corpus",
    "tool",
    "items",
    "bytes",
    "seconds",
    "items/s",
    "MB/s",
    "start-up s",
    "chronicle/peer",
];

pub const QUALITY_COLUMNS: [&str; 11] = [
    "stage",
    "corpus",
    "tool",
    "gold",
    "found",
    "strict P",
    "strict R",
    "strict F1",
    "relaxed F1",
    "type F1",
    "value F1",
];

/// Plain-text tables: speed, one row per tool and corpus; then, where the
/// corpus has gold annotations, quality; then the notes.
pub fn table(reports: &[StageReport]) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut quality_rows: Vec<Vec<String>> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    for r in reports {
        for (i, outcome) in std::iter::once(&r.chronicle).chain(&r.peers).enumerate() {
            match outcome {
                Outcome::Measured(f) => {
                    let ratio = if i == 0 { None } else { r.speedup(f) };
                    let ratio = ratio.map_or_else(|| "-".to_string(), |x| format!("{x:.1}x"));
                    rows.push(row(r, f, ratio));
                    if let Some(q) = &f.quality {
                        quality_rows.push(quality_row(r, f, q));
                    }
                    for n in &f.notes {
                        notes.push(format!("{} {}: {}: {n}", r.stage, r.corpus, f.tool));
                    }
                }
                Outcome::Unavailable { tool, reason } => {
                    notes.push(format!(
                        "{} {}: {tool} not run: {reason}",
                        r.stage, r.corpus
                    ));
                }
            }
        }
    }
    let mut out = String::new();
    push_table(&mut out, &COLUMNS, &rows);
    if !quality_rows.is_empty() {
        out.push_str("\nquality: TempEval-3 task A against the gold TIMEX3s (chronicle_eval::timex, the port of TE3-evaluation.py)\n");
        push_table(&mut out, &QUALITY_COLUMNS, &quality_rows);
        if quality_rows
            .iter()
            .any(|r| r.last().is_some_and(|v| v == "-"))
        {
            notes.push("value F1 \"-\": the tool gives no normalised value, so its value F1 is not a measurement (it would be 0)".to_string());
        }
    }
    for n in notes {
        out.push_str("note: ");
        out.push_str(&n);
        out.push('\n');
    }
    out
}

fn row(r: &StageReport, f: &Figures, ratio: String) -> Vec<String> {
    vec![
        r.stage.to_string(),
        r.corpus.clone(),
        f.tool.clone(),
        f.items.to_string(),
        f.bytes.to_string(),
        format!("{:.3}", f.seconds),
        three_digits(f.items_per_second()),
        three_digits(f.megabytes_per_second()),
        f.startup_seconds
            .map_or_else(|| "-".to_string(), |s| format!("{s:.2}")),
        ratio,
    ]
}

fn quality_row(r: &StageReport, f: &Figures, q: &Quality) -> Vec<String> {
    let score = |x: f64| format!("{x:.3}");
    vec![
        r.stage.to_string(),
        r.corpus.clone(),
        f.tool.clone(),
        q.gold.to_string(),
        q.system.to_string(),
        score(q.strict.precision),
        score(q.strict.recall),
        score(q.strict.f1),
        score(q.relaxed.f1),
        score(q.type_f1),
        q.value_f1.map_or_else(|| "-".to_string(), score),
    ]
}

/// At least three significant digits, so that slow peers do not print as 0.00.
pub fn three_digits(x: f64) -> String {
    if !x.is_finite() {
        return "inf".to_string();
    }
    let magnitude = if x > 0.0 { x.log10().floor() as i32 } else { 0 };
    let decimals = (2 - magnitude).clamp(1, 6) as usize;
    format!("{x:.decimals$}")
}

/// Header, rule and rows; the first three columns (text) left-aligned, numbers right-aligned.
fn push_table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = header.iter().map(|h| h.len()).collect();
    for r in rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    push_row(out, &header, &widths);
    let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
    push_row(out, &rule, &widths);
    for r in rows {
        push_row(out, r, &widths);
    }
}

fn push_row(out: &mut String, cells: &[String], widths: &[usize]) {
    let mut line = String::new();
    for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
        if i > 0 {
            line.push_str("  ");
        }
        let pad = w.saturating_sub(cell.chars().count());
        if i < 3 {
            line.push_str(cell);
            line.push_str(&" ".repeat(pad));
        } else {
            line.push_str(&" ".repeat(pad));
            line.push_str(cell);
        }
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(tool: &str, items: usize, seconds: f64) -> Figures {
        Figures {
            tool: tool.to_string(),
            items,
            bytes: 2_000_000,
            seconds,
            startup_seconds: Some(0.5),
            notes: vec![],
            quality: None,
        }
    }

    fn check(report: &StageReport, expected_rows: usize, expected_ratio: &str) {
        let text = table(std::slice::from_ref(report));
        let lines: Vec<&str> = text
            .lines()
            .take_while(|l| !l.is_empty() && !l.starts_with("note:"))
            .collect();
        assert_eq!(lines.len(), 2 + expected_rows, "{text}");
        assert!(lines[0].starts_with("stage"), "{text}");
        assert!(lines.iter().any(|l| l.ends_with(expected_ratio)), "{text}");
    }

    #[test]
    fn rates_keep_three_significant_digits() {
        for (x, shown) in [
            (3273.8, "3273.8"),
            (70.54, "70.5"),
            (6.764, "6.76"),
            (0.0042, "0.00420"),
        ] {
            assert_eq!(three_digits(x), shown);
        }
    }

    #[test]
    fn ratio_is_chronicle_throughput_over_peer_throughput() {
        let report = StageReport {
            stage: Stage::Extract,
            corpus: "c".into(),
            chronicle: Outcome::Measured(figures("chronicle", 100, 0.5)),
            peers: vec![Outcome::Measured(figures("peer", 100, 10.0))],
        };
        assert_eq!(report.speedup(&figures("peer", 100, 10.0)), Some(20.0));
        check(&report, 2, "20.0x");
    }

    fn quality(value_f1: Option<f64>) -> Quality {
        let span = crate::quality::SpanScores {
            precision: 0.9,
            recall: 0.8,
            f1: 0.847,
        };
        Quality {
            gold: 100,
            system: 89,
            strict: span,
            relaxed: span,
            type_f1: 0.8,
            value_f1,
        }
    }

    #[test]
    fn quality_follows_the_speed_table_with_a_dash_for_a_tool_without_values() {
        let mut ours = figures("chronicle", 10, 1.0);
        ours.quality = Some(quality(Some(0.75)));
        let mut theirs = figures("spaCy", 10, 5.0);
        theirs.quality = Some(quality(None));
        let report = StageReport {
            stage: Stage::Timex,
            corpus: "c".into(),
            chronicle: Outcome::Measured(ours),
            peers: vec![Outcome::Measured(theirs)],
        };
        check(&report, 2, "5.0x");
        let text = table(&[report]);
        let quality_lines: Vec<&str> = text
            .lines()
            .skip_while(|l| !l.starts_with("quality:"))
            .skip(1)
            .take_while(|l| !l.starts_with("note:"))
            .collect();
        assert_eq!(quality_lines.len(), 4, "{text}");
        assert!(quality_lines[0].starts_with("stage") && quality_lines[0].ends_with("value F1"));
        let words = |l: &str| l.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(
            words(quality_lines[2]),
            "timex c chronicle 100 89 0.900 0.800 0.847 0.847 0.800 0.750"
        );
        assert_eq!(
            words(quality_lines[3]),
            "timex c spaCy 100 89 0.900 0.800 0.847 0.847 0.800 -"
        );
        assert!(text.contains("note: value F1 \"-\""), "{text}");
    }

    #[test]
    fn unavailable_peer_becomes_a_note() {
        let report = StageReport {
            stage: Stage::Timex,
            corpus: "c".into(),
            chronicle: Outcome::Measured(figures("chronicle", 10, 1.0)),
            peers: vec![Outcome::Unavailable {
                tool: "HeidelTime".into(),
                reason: "java not found".into(),
            }],
        };
        check(&report, 1, "-");
        assert!(table(&[report]).contains("note: timex c: HeidelTime not run: java not found"));
    }
}
