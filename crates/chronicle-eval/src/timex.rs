//! TempEval-3 TIMEX3 scoring (task A), after `TE3-evaluation.py`.
//!
//! The official scorer first aligns entity ids (TimeML-Normalizer: a system
//! TIMEX3 that overlaps a gold one takes its id), then counts, per document:
//! relaxed matches (same id, i.e. overlap, one to one), strict matches (same
//! tokens), and among relaxed matches those with equal `type` and `value`.
//! Attribute F1 is `matches / relaxed matches × relaxed F1`.

use crate::counts::ratio;
use crate::timeml::{TimemlDoc, TimemlTimex};
use std::collections::HashMap;

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Raw counts of one document or of a whole collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimexCounts {
    pub gold: usize,
    pub system: usize,
    pub relaxed: usize,
    pub strict: usize,
    pub type_match: usize,
    pub value_match: usize,
}

impl TimexCounts {
    fn add(&mut self, o: &TimexCounts) {
        self.gold += o.gold;
        self.system += o.system;
        self.relaxed += o.relaxed;
        self.strict += o.strict;
        self.type_match += o.type_match;
        self.value_match += o.value_match;
    }

    pub fn strict_prf(&self) -> Prf {
        let (p, r) = (
            ratio(self.strict, self.system),
            ratio(self.strict, self.gold),
        );
        Prf {
            precision: p,
            recall: r,
            f1: f1(p, r),
        }
    }

    pub fn relaxed_prf(&self) -> Prf {
        let (p, r) = (
            ratio(self.relaxed, self.system),
            ratio(self.relaxed, self.gold),
        );
        Prf {
            precision: p,
            recall: r,
            f1: f1(p, r),
        }
    }

    pub fn type_f1(&self) -> f64 {
        ratio(self.type_match, self.relaxed) * self.relaxed_prf().f1
    }

    pub fn value_f1(&self) -> f64 {
        ratio(self.value_match, self.relaxed) * self.relaxed_prf().f1
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimexErrorKind {
    /// A gold TIMEX3 no system TIMEX3 overlaps.
    Missed,
    /// A system TIMEX3 overlapping no gold one.
    Spurious,
    /// Overlapping but with other boundaries.
    Span,
    WrongType,
    WrongValue,
}

/// One disagreement, with enough context to group and read it.
#[derive(Debug, Clone, PartialEq)]
pub struct TimexError {
    pub doc: String,
    pub kind: TimexErrorKind,
    pub gold: Option<TimemlTimex>,
    pub system: Option<TimemlTimex>,
    /// The text around the expression, on one line.
    pub context: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimexScores {
    pub total: TimexCounts,
    pub strict: Prf,
    pub relaxed: Prf,
    pub type_f1: f64,
    pub value_f1: f64,
    /// Per document id, in the order of the gold documents.
    pub per_doc: Vec<(String, TimexCounts)>,
    pub errors: Vec<TimexError>,
}

/// Tokens as (start, end) byte ranges: runs of letters and digits, other marks alone.
fn token_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut cur: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if cur.is_none() {
                cur = Some(i);
            }
            continue;
        }
        if let Some(s) = cur.take() {
            out.push((s, i));
        }
        if !c.is_whitespace() {
            out.push((i, i + c.len_utf8()));
        }
    }
    if let Some(s) = cur {
        out.push((s, text.len()));
    }
    out
}

/// The tokens a span touches, as a range of token indices.
fn token_range(tokens: &[(usize, usize)], start: usize, end: usize) -> (usize, usize) {
    let a = tokens.partition_point(|t| t.1 <= start);
    let b = tokens.partition_point(|t| t.0 < end);
    (a, b.max(a))
}

fn context(text: &str, start: usize, end: usize) -> String {
    let mut a = start.saturating_sub(60);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + 60).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    let s = format!(
        "{}[{}]{}",
        &text[a..start],
        &text[start..end],
        &text[end..b]
    );
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn score_doc(
    gold: &TimemlDoc,
    system: &[TimemlTimex],
    errors: &mut Vec<TimexError>,
) -> TimexCounts {
    let text = &gold.text;
    let tokens = token_spans(text);
    let range = |t: &TimemlTimex| token_range(&tokens, t.start, t.end);
    let mut gold_t: Vec<&TimemlTimex> = gold
        .timexes
        .iter()
        .filter(|t| !t.text.trim().is_empty())
        .collect();
    gold_t.sort_by_key(|t| t.start);
    let mut sys_t: Vec<&TimemlTimex> = system
        .iter()
        .filter(|t| !t.text.trim().is_empty())
        .collect();
    sys_t.sort_by_key(|t| t.start);
    let mut counts = TimexCounts {
        gold: gold_t.len(),
        system: sys_t.len(),
        ..TimexCounts::default()
    };
    let mut used = vec![false; sys_t.len()];
    let err = |kind, g: Option<&TimemlTimex>, s: Option<&TimemlTimex>| {
        let (a, b) = g.or(s).map_or((0, 0), |t| (t.start, t.end));
        TimexError {
            doc: gold.id.clone(),
            kind,
            gold: g.cloned(),
            system: s.cloned(),
            context: context(text, a.min(text.len()), b.min(text.len())),
        }
    };
    for g in &gold_t {
        let (ga, gb) = range(g);
        // The overlapping unused system tag sharing the most tokens.
        let best = sys_t
            .iter()
            .enumerate()
            .filter(|(k, _)| !used[*k])
            .filter_map(|(k, s)| {
                let (sa, sb) = range(s);
                let overlap = gb.min(sb).saturating_sub(ga.max(sa));
                (overlap > 0).then_some((k, overlap))
            })
            .max_by_key(|&(k, overlap)| (overlap, std::cmp::Reverse(k)));
        let Some((k, _)) = best else {
            errors.push(err(TimexErrorKind::Missed, Some(g), None));
            continue;
        };
        used[k] = true;
        let s = sys_t[k];
        counts.relaxed += 1;
        if range(s) == (ga, gb) {
            counts.strict += 1;
        } else {
            errors.push(err(TimexErrorKind::Span, Some(g), Some(s)));
        }
        if s.kind == g.kind {
            counts.type_match += 1;
        } else {
            errors.push(err(TimexErrorKind::WrongType, Some(g), Some(s)));
        }
        if s.value == g.value {
            counts.value_match += 1;
        } else {
            errors.push(err(TimexErrorKind::WrongValue, Some(g), Some(s)));
        }
    }
    for (k, s) in sys_t.iter().enumerate() {
        if !used[k] {
            errors.push(err(TimexErrorKind::Spurious, None, Some(s)));
        }
    }
    counts
}

/// Scores system TIMEX3s against gold, document by document (matched on `id`;
/// a gold document without a system counterpart counts as tagged with nothing).
pub fn score_timex(gold: &[TimemlDoc], system: &[TimemlDoc]) -> TimexScores {
    let by_id: HashMap<&str, &TimemlDoc> = system.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut scores = TimexScores::default();
    for g in gold {
        let sys = by_id
            .get(g.id.as_str())
            .map_or(&[][..], |d| d.timexes.as_slice());
        let c = score_doc(g, sys, &mut scores.errors);
        scores.total.add(&c);
        scores.per_doc.push((g.id.clone(), c));
    }
    scores.strict = scores.total.strict_prf();
    scores.relaxed = scores.total.relaxed_prf();
    scores.type_f1 = scores.total.type_f1();
    scores.value_f1 = scores.total.value_f1();
    scores
}

/// Errors of one kind sharing the shape of their expression, for reading what to fix first.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorPattern {
    pub kind: TimexErrorKind,
    /// The expression's shape: lower case, digit runs as `#`, month and weekday names
    /// as `<month>` / `<weekday>`; for value errors the gold and system value shapes follow.
    pub pattern: String,
    pub count: usize,
    /// Up to five `doc: gold … | system … | context` lines.
    pub examples: Vec<String>,
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The shape of an expression or value: digit runs become `#`, names become classes.
pub fn expression_shape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        if MONTHS.contains(&word.as_str()) {
            out.push_str("<month>");
        } else if WEEKDAYS.contains(&word.as_str()) {
            out.push_str("<weekday>");
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    let mut in_digits = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            flush(&mut word, &mut out);
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
            continue;
        }
        in_digits = false;
        if c.is_alphabetic() {
            word.extend(c.to_lowercase());
        } else {
            flush(&mut word, &mut out);
            out.push(if c.is_whitespace() { ' ' } else { c });
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Groups errors by kind and shape, most frequent first (ties by kind, then shape).
pub fn error_patterns(errors: &[TimexError]) -> Vec<ErrorPattern> {
    let describe = |t: &Option<TimemlTimex>| {
        t.as_ref().map_or_else(String::new, |t| {
            format!("\"{}\" {} {}", t.text, t.kind, t.value)
        })
    };
    let mut groups: HashMap<(TimexErrorKind, String), ErrorPattern> = HashMap::new();
    for e in errors {
        let Some(main) = e.gold.as_ref().or(e.system.as_ref()) else {
            continue;
        };
        let mut pattern = expression_shape(&main.text);
        match e.kind {
            TimexErrorKind::WrongValue => {
                let sys = e.system.as_ref().map_or("", |t| t.value.as_str());
                pattern = format!(
                    "{pattern}: {} vs {}",
                    expression_shape(&main.value),
                    expression_shape(sys)
                );
            }
            TimexErrorKind::WrongType => {
                let sys = e.system.as_ref().map_or("", |t| t.kind.as_str());
                pattern = format!("{pattern}: {} vs {sys}", main.kind);
            }
            TimexErrorKind::Span => {
                let sys = e.system.as_ref().map_or("", |t| t.text.as_str());
                pattern = format!("{pattern} vs {}", expression_shape(sys));
            }
            _ => {}
        }
        let g = groups
            .entry((e.kind, pattern.clone()))
            .or_insert_with(|| ErrorPattern {
                kind: e.kind,
                pattern,
                count: 0,
                examples: Vec::new(),
            });
        g.count += 1;
        if g.examples.len() < 5 {
            g.examples.push(format!(
                "{}: gold {} | system {} | {}",
                e.doc,
                describe(&e.gold),
                describe(&e.system),
                e.context
            ));
        }
    }
    let mut out: Vec<ErrorPattern> = groups.into_values().collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.kind.cmp(&b.kind))
            .then_with(|| a.pattern.cmp(&b.pattern))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tx(text: &str, sub: &str, kind: &str, value: &str) -> TimemlTimex {
        let start = text.find(sub).unwrap();
        TimemlTimex {
            tid: String::new(),
            start,
            end: start + sub.len(),
            text: sub.into(),
            kind: kind.into(),
            value: value.into(),
            modifier: None,
        }
    }

    #[test]
    fn counts_strict_relaxed_and_attributes() {
        let text = "He left on Sunday morning and came back two weeks later, in 1999.";
        let gold = TimemlDoc {
            id: "d".into(),
            text: text.into(),
            timexes: vec![
                tx(text, "Sunday morning", "TIME", "1999-01-03TMO"),
                tx(text, "two weeks later", "DATE", "1999-W03"),
                tx(text, "1999", "DATE", "1999"),
            ],
            ..TimemlDoc::default()
        };
        let system = TimemlDoc {
            id: "d".into(),
            text: text.into(),
            timexes: vec![
                tx(text, "Sunday", "DATE", "1999-01-03"),
                tx(text, "two weeks later", "DATE", "1999-W03"),
                tx(text, "He", "DATE", "X"),
            ],
            ..TimemlDoc::default()
        };
        let s = score_timex(&[gold], &[system]);
        assert_eq!(s.total.relaxed, 2);
        assert_eq!(s.total.strict, 1);
        assert_eq!(s.total.value_match, 1);
        assert!((s.relaxed.f1 - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.value_f1 - 0.5 * 2.0 / 3.0).abs() < 1e-9);
        let kinds: Vec<_> = s.errors.iter().map(|e| e.kind).collect();
        assert!(kinds.contains(&TimexErrorKind::Missed));
        assert!(kinds.contains(&TimexErrorKind::Spurious));
        assert!(kinds.contains(&TimexErrorKind::Span));
        let patterns = error_patterns(&s.errors);
        assert_eq!(
            patterns.iter().map(|p| p.count).sum::<usize>(),
            s.errors.len()
        );
        assert!(patterns.iter().any(
            |p| p.kind == TimexErrorKind::Span && p.pattern == "<weekday> morning vs <weekday>"
        ));
    }

    #[test]
    fn shapes_group_like_expressions() {
        assert_eq!(expression_shape("Dec. 12, 2021"), "<month>. #, #");
        assert_eq!(expression_shape("last Friday"), "last <weekday>");
        assert_eq!(expression_shape("1998-W03"), "#-w#");
    }
}
