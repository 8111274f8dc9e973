//! Quality of the time-expression taggers: every tool's TIMEX3s, chronicle's
//! and the peers', scored by the same TempEval-3 scorer
//! (`chronicle_eval::timex::score_timex`) against the gold TIMEX3s of the
//! workload's documents.

use crate::{BenchError, Workload};
use chronicle_eval::timeml::{TimemlDoc, TimemlTimex};
use chronicle_eval::timex::{score_timex, Prf};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// Precision, recall and F1 of span matching.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SpanScores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl From<Prf> for SpanScores {
    fn from(p: Prf) -> Self {
        SpanScores {
            precision: p.precision,
            recall: p.recall,
            f1: p.f1,
        }
    }
}

/// TempEval-3 task A figures of one tool on one workload.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quality {
    /// Gold TIMEX3s and the tool's, over the scored documents.
    pub gold: usize,
    pub system: usize,
    pub strict: SpanScores,
    pub relaxed: SpanScores,
    pub type_f1: f64,
    /// None for a tool that gives no normalised values (its value F1 would be
    /// 0 by construction, not a measurement).
    pub value_f1: Option<f64>,
}

/// The tool's TIMEX3s of each document, by item id; byte offsets into the item's text.
pub type SystemTimexes = HashMap<String, Vec<TimemlTimex>>;

/// The workload's documents with their gold TIMEX3s, or None when its corpus has none.
fn gold_docs(workload: &Workload) -> Option<Vec<TimemlDoc>> {
    if workload.items.iter().all(|i| i.gold.is_none()) {
        return None;
    }
    Some(
        workload
            .items
            .iter()
            .map(|i| TimemlDoc {
                id: i.id.clone(),
                text: i.text.clone(),
                timexes: i.gold.clone().unwrap_or_default(),
                ..TimemlDoc::default()
            })
            .collect(),
    )
}

/// Scores `system` against the workload's gold; None when there is no gold.
/// A document the tool has nothing for counts as tagged with nothing.
pub fn score(workload: &Workload, system: &SystemTimexes, has_values: bool) -> Option<Quality> {
    let gold = gold_docs(workload)?;
    let system: Vec<TimemlDoc> = gold
        .iter()
        .map(|g| TimemlDoc {
            id: g.id.clone(),
            timexes: system.get(&g.id).cloned().unwrap_or_default(),
            ..TimemlDoc::default()
        })
        .collect();
    let scores = score_timex(&gold, &system);
    Some(Quality {
        gold: scores.total.gold,
        system: scores.total.system,
        strict: scores.strict.into(),
        relaxed: scores.relaxed.into(),
        type_f1: scores.type_f1,
        value_f1: has_values.then_some(scores.value_f1),
    })
}

/// One time expression as a peer script writes it (see `bench/peer_common.py`):
/// character offsets into the item's text.
#[derive(Debug, Deserialize)]
struct PeerTimex {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    value: String,
    #[serde(default, rename = "mod")]
    modifier: Option<String>,
}

#[derive(Debug, Deserialize)]
struct PeerDocument {
    id: String,
    timexes: Vec<PeerTimex>,
}

/// What a peer wrote, with its offsets turned into byte offsets.
#[derive(Debug, Default)]
pub struct PeerTimexes {
    pub by_id: SystemTimexes,
    /// Expressions whose offsets fall outside their text (or name no item).
    pub dropped: usize,
    /// Whether any expression carries a value.
    pub has_values: bool,
}

/// Reads a peer's output file: one `{"id", "timexes": [{"start", "end",
/// "type", "value", "mod"}]}` a line, offsets in characters of the item's text.
pub fn read_peer_timexes(path: &Path, workload: &Workload) -> Result<PeerTimexes, BenchError> {
    let raw = std::fs::read_to_string(path).map_err(|e| BenchError::io(path, e))?;
    parse_peer_timexes(&raw, workload).map_err(|source| BenchError::Json {
        path: path.to_path_buf(),
        source,
    })
}

pub fn parse_peer_timexes(
    raw: &str,
    workload: &Workload,
) -> Result<PeerTimexes, serde_json::Error> {
    let texts: HashMap<&str, &str> = workload
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.text.as_str()))
        .collect();
    let mut out = PeerTimexes::default();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let doc: PeerDocument = serde_json::from_str(line)?;
        let Some(text) = texts.get(doc.id.as_str()) else {
            out.dropped += doc.timexes.len();
            continue;
        };
        let bytes = char_to_byte_offsets(text);
        let mut timexes = Vec::with_capacity(doc.timexes.len());
        for (n, t) in doc.timexes.into_iter().enumerate() {
            let span = bytes
                .get(t.start)
                .zip(bytes.get(t.end))
                .filter(|(a, b)| a <= b);
            let Some((&start, &end)) = span else {
                out.dropped += 1;
                continue;
            };
            out.has_values |= !t.value.is_empty();
            timexes.push(TimemlTimex {
                tid: format!("t{}", n + 1),
                start,
                end,
                text: text[start..end].to_string(),
                kind: t.kind,
                value: t.value,
                modifier: t.modifier,
            });
        }
        out.by_id.insert(doc.id, timexes);
    }
    Ok(out)
}

/// The byte offset of every character of `text`, and of its end.
fn char_to_byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workload::{invented_timex_workload, InventedTimex};

    fn check(peer_output: &str, expect_dropped: usize, expect: Quality) {
        let w = invented_timex_workload(
            "2031-05-18",
            &[
                (
                    "a",
                    "Le café opened on Friday, two weeks after March 3.",
                    &[
                        ("Friday", "DATE", "2031-05-16"),
                        ("two weeks", "DURATION", "P2W"),
                        ("March 3", "DATE", "2031-03-03"),
                    ],
                ),
                ("b", "Nothing dated here.", &[]),
            ],
        )
        .expect("gold phrases in their texts");
        let read = parse_peer_timexes(peer_output, &w).expect("valid JSON lines");
        assert_eq!(read.dropped, expect_dropped);
        let quality = score(&w, &read.by_id, read.has_values).expect("gold present");
        assert_eq!(quality, expect);
    }

    fn prf(precision: f64, recall: f64) -> SpanScores {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        SpanScores {
            precision,
            recall,
            f1,
        }
    }

    #[test]
    fn character_offsets_after_a_multibyte_letter_are_scored_on_the_right_words() {
        // "é" is two bytes: character 18..24 is "Friday", bytes 19..25.
        check(
            r#"{"id": "a", "timexes": [{"start": 18, "end": 24, "type": "DATE", "value": "2031-05-16"}, {"start": 26, "end": 35, "type": "DURATION", "value": "P2W"}]}
{"id": "b", "timexes": []}"#,
            0,
            Quality {
                gold: 3,
                system: 2,
                strict: prf(1.0, 2.0 / 3.0),
                relaxed: prf(1.0, 2.0 / 3.0),
                type_f1: prf(1.0, 2.0 / 3.0).f1,
                value_f1: Some(prf(1.0, 2.0 / 3.0).f1),
            },
        );
    }

    #[test]
    fn a_wider_span_matches_relaxed_only_and_a_wrong_value_costs_value_f1() {
        // "on Friday" (15..24) overlaps the gold "Friday"; "after March 3" is wider too.
        check(
            r#"{"id": "a", "timexes": [{"start": 15, "end": 24, "type": "DATE", "value": "2031-05-16"}, {"start": 36, "end": 49, "type": "DATE", "value": "2031-03"}]}"#,
            0,
            Quality {
                gold: 3,
                system: 2,
                strict: prf(0.0, 0.0),
                relaxed: prf(1.0, 2.0 / 3.0),
                type_f1: prf(1.0, 2.0 / 3.0).f1,
                value_f1: Some(0.5 * prf(1.0, 2.0 / 3.0).f1),
            },
        );
    }

    #[test]
    fn no_values_give_no_value_f1_and_bad_offsets_are_dropped() {
        check(
            r#"{"id": "a", "timexes": [{"start": 18, "end": 24, "type": "DATE", "value": ""}, {"start": 40, "end": 4000, "type": "DATE", "value": ""}]}
{"id": "elsewhere", "timexes": [{"start": 0, "end": 1, "type": "TIME", "value": ""}]}
{"id": "b", "timexes": [{"start": 0, "end": 7, "type": "TIME", "value": ""}]}"#,
            2,
            Quality {
                gold: 3,
                system: 2,
                strict: prf(0.5, 1.0 / 3.0),
                relaxed: prf(0.5, 1.0 / 3.0),
                type_f1: prf(0.5, 1.0 / 3.0).f1,
                value_f1: None,
            },
        );
    }

    #[test]
    fn a_corpus_without_gold_has_no_quality() {
        let mut w = invented_timex_workload("2031-05-18", &[("a", "On Friday.", &[])])
            .expect("no gold to find");
        w.items[0].gold = None;
        assert_eq!(score(&w, &SystemTimexes::new(), true), None);
    }

    #[test]
    fn an_invented_gold_phrase_missing_from_its_text_gives_no_workload() {
        let docs: [(&str, &str, &[InventedTimex]); 1] =
            [("a", "On Friday.", &[("Saturday", "DATE", "2031-05-17")])];
        assert!(invented_timex_workload("2031-05-18", &docs).is_none());
    }
}
