//! Answers to dated questions over a batch's figures, events and entities:
//! "How many US troops were in Iraq in December 2011?", "When did X meet Y?",
//! "Who is X?". Every answer cites the sentences it rests on; when the
//! documents do not answer, the answer says so.

use crate::events::contains_word;
use crate::figures::{compatible, read_query, split_subject};
use chronicle_model::format_value;
use chronicle_model::{
    Approx, Document, Entity, Event, Granularity, PartialDate, Series, SeriesPoint, Story,
    TimexType,
};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// The kinds of question understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    HowMany,
    When,
    Who,
    /// Not a question of a kind chronicle answers.
    Other,
}

/// A sentence an answer rests on, with where to find it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerSource {
    pub doc: String,
    pub sentence: usize,
    pub text: String,
    /// The date the sentence gives for what it reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
}

/// An answer, or a plain statement that the documents do not give one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    pub question: String,
    pub kind: QuestionKind,
    /// Whether the documents answer the question.
    pub answered: bool,
    /// One line for a reader: the answer, or why there is none.
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approx: Option<Approx>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Entity id for a who question, event id for a when question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    pub sources: Vec<AnswerSource>,
}

impl Answer {
    fn unanswered(question: &str, kind: QuestionKind, text: String) -> Answer {
        Answer {
            question: question.to_string(),
            kind,
            answered: false,
            text,
            value: None,
            approx: None,
            date: None,
            about: None,
            sources: Vec::new(),
        }
    }
}

fn kind_of(question: &str) -> QuestionKind {
    let q = question.trim().to_lowercase();
    if q.starts_with("how many") || q.starts_with("how much") {
        QuestionKind::HowMany
    } else if q.starts_with("when") || q.starts_with("on what date") || q.starts_with("what date") {
        QuestionKind::When
    } else if q.starts_with("who ") {
        QuestionKind::Who
    } else {
        QuestionKind::Other
    }
}

/// Answers one question from the documents and what the story stage found in them.
pub fn answer(question: &str, docs: &[Document], story: &Story) -> Answer {
    let kind = kind_of(question);
    match kind {
        QuestionKind::HowMany => how_many(question, docs, &story.series),
        QuestionKind::When => when(question, docs, &story.events, &story.entities),
        QuestionKind::Who => who(question, docs, &story.entities),
        QuestionKind::Other => Answer::unanswered(
            question,
            kind,
            "chronicle answers questions that start with \"how many\", \"when\" or \"who\"."
                .to_string(),
        ),
    }
}

fn source(
    docs: &[Document],
    doc: &str,
    sentence: usize,
    date: Option<PartialDate>,
) -> AnswerSource {
    let d = docs.iter().find(|d| d.id == doc);
    AnswerSource {
        doc: doc.to_string(),
        sentence,
        text: d
            .and_then(|d| d.sentences.get(sentence))
            .map(|s| s.text.clone())
            .unwrap_or_default(),
        date,
        title: d.map(|d| d.title.clone()).unwrap_or_default(),
        outlet: d.and_then(|d| d.outlet.clone()),
        url: d.and_then(|d| d.url.clone()),
        published: d.and_then(|d| d.published.date),
    }
}

/// The calendar date a question asks about ("in December 2011").
fn question_date(question: &str) -> (Option<PartialDate>, Vec<(usize, usize)>) {
    let sentences = chronicle_time::split_sentences(question);
    let timexes = chronicle_time::tag(question, &sentences, None);
    let spans = timexes.iter().map(|t| (t.start, t.end)).collect();
    let date = timexes
        .iter()
        .filter(|t| t.kind == TimexType::Date)
        .find_map(|t| t.value.split('T').next().and_then(|v| v.parse().ok()));
    (date, spans)
}

fn how_many(question: &str, docs: &[Document], series: &[Series]) -> Answer {
    let kind = QuestionKind::HowMany;
    let (date, spans) = question_date(question);
    let Some(query) = read_query(question, &spans) else {
        return Answer::unanswered(
            question,
            kind,
            "The question names nothing chronicle counts (troops, people, a unit…).".to_string(),
        );
    };
    let wanted = match &query.place {
        Some(p) => format!("{} in {p}", query.base),
        None => query.base.clone(),
    };
    let matching: Vec<&Series> = series
        .iter()
        .filter(|s| s.unit == query.unit)
        .filter(|s| {
            let (base, place) = split_subject(&s.subject);
            base == query.base
                && match (&query.place, place) {
                    (Some(q), Some(p)) => q.eq_ignore_ascii_case(p),
                    (Some(_), None) => false,
                    (None, _) => true,
                }
        })
        .collect();
    if matching.is_empty() {
        return Answer::unanswered(
            question,
            kind,
            format!("The documents give no figure for {wanted}."),
        );
    }
    let points: Vec<&SeriesPoint> = matching.iter().flat_map(|s| s.points.iter()).collect();
    let chosen: Vec<&SeriesPoint> = match date {
        Some(d) => {
            let inside: Vec<&SeriesPoint> = points
                .iter()
                .copied()
                .filter(|p| p.date.is_some_and(|pd| d.contains(&pd)))
                .collect();
            if inside.is_empty() {
                // A figure for a wider period that covers the one asked about.
                points
                    .iter()
                    .copied()
                    .filter(|p| p.date.is_some_and(|pd| pd.contains(&d)))
                    .collect()
            } else {
                inside
            }
        }
        None => points
            .iter()
            .copied()
            .filter(|p| p.date.is_some())
            .max_by_key(|p| p.date)
            .into_iter()
            .collect(),
    };
    if chosen.is_empty() {
        let known: Vec<String> = points
            .iter()
            .filter_map(|p| p.date.map(|d| d.to_string()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let when = date.map_or(String::new(), |d| format!(" for {d}"));
        return Answer::unanswered(
            question,
            kind,
            format!(
                "The documents give no figure for {wanted}{when}; they give figures for {}.",
                known.join(", ")
            ),
        );
    }
    // The claim most sources agree with (a source agrees when its hedged
    // value is compatible); the others are reported beside it.
    let mut support: Vec<(f64, Approx, Vec<&SeriesPoint>)> = Vec::new();
    for p in &chosen {
        match support
            .iter_mut()
            .find(|(v, a, _)| *v == p.value && *a == p.approx)
        {
            Some((_, _, ps)) => ps.push(p),
            None => support.push((p.value, p.approx, vec![p])),
        }
    }
    let agreeing = |v: f64, a: Approx| {
        chosen
            .iter()
            .filter(|p| compatible(v, a, p.value, p.approx))
            .count()
    };
    let firmness = |a: Approx| match a {
        Approx::Exact | Approx::About => 1,
        Approx::AtMost | Approx::AtLeast => 0,
    };
    support.sort_by(|a, b| {
        agreeing(b.0, b.1)
            .cmp(&agreeing(a.0, a.1))
            .then(b.2.len().cmp(&a.2.len()))
            .then(firmness(b.1).cmp(&firmness(a.1)))
    });
    let (value, approx, best) = support[0].clone();
    let mut sources: Vec<AnswerSource> = best
        .iter()
        .map(|p| source(docs, &p.doc, p.sentence, p.date))
        .collect();
    let point_date = best
        .iter()
        .filter_map(|p| p.date)
        .max_by_key(PartialDate::granularity);
    let written = best.first().map_or(String::new(), |p| p.text.clone());
    let hedge = approx.as_words();
    let mut text = format!(
        "{hedge}{} ({wanted}, {}; as written: \u{201c}{written}\u{201d})",
        format_value(value),
        point_date.map_or("undated".to_string(), |d| d.to_string())
    );
    let cited: Vec<String> = sources
        .iter()
        .map(|s| match &s.outlet {
            Some(o) => format!("{} ({o})", s.doc),
            None => s.doc.clone(),
        })
        .collect();
    text.push_str(&format!(", according to {}", cited.join(", ")));
    let others: Vec<String> = support[1..]
        .iter()
        .map(|(_, _, ps)| {
            let docs: Vec<&str> = ps.iter().map(|p| p.doc.as_str()).collect();
            let written = ps.first().map_or("", |p| p.text.as_str());
            format!("\u{201c}{written}\u{201d} ({})", docs.join(", "))
        })
        .collect();
    if !others.is_empty() {
        text.push_str(&format!("; other sources say {}", others.join("; ")));
        for (_, _, ps) in &support[1..] {
            sources.extend(ps.iter().map(|p| source(docs, &p.doc, p.sentence, p.date)));
        }
    }
    text.push('.');
    Answer {
        question: question.to_string(),
        kind,
        answered: true,
        text,
        value: Some(value),
        approx: Some(approx),
        date: point_date,
        about: None,
        sources,
    }
}

const QUESTION_WORDS: &[&str] = &[
    "When", "Who", "What", "Did", "Does", "Do", "Was", "Were", "Is", "Are", "The", "On", "How",
    "In", "And",
];

/// Names in a question: runs of capitalised words, question words left out.
fn names_in(question: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for word in question.split(|c: char| c.is_whitespace() || matches!(c, '?' | ',' | '"' | '!')) {
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if capital && !QUESTION_WORDS.contains(&word) {
            current.push(
                word.trim_end_matches(['\'', '’', 's'])
                    .trim_end_matches(['\'', '’']),
            );
            if word.ends_with("'s") || word.ends_with("’s") {
                names.push(current.join(" "));
                current.clear();
            }
        } else if !current.is_empty() {
            names.push(current.join(" "));
            current.clear();
        }
    }
    if !current.is_empty() {
        names.push(current.join(" "));
    }
    names.retain(|n| !n.is_empty());
    names
}

/// Verbs of a when question folded to the words reports use.
fn action_words(question: &str) -> Vec<String> {
    const SKIP: &[&str] = &[
        "when", "did", "does", "do", "was", "were", "is", "are", "the", "and", "with", "a", "an",
        "of", "on", "in", "to",
    ];
    question
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .filter(|w| !SKIP.contains(w))
        .map(|w| match w {
            "meet" => "met".to_string(),
            "sign" => "signed".to_string(),
            "begin" | "start" => "began".to_string(),
            "open" => "opened".to_string(),
            "hold" => "held".to_string(),
            other => other.to_string(),
        })
        .collect()
}

/// Every spelling a name may take: the entity's aliases when one matches.
fn spellings(name: &str, entities: &[Entity]) -> Vec<String> {
    let mut out = vec![name.to_string()];
    for e in entities {
        let hit = e.name.eq_ignore_ascii_case(name)
            || contains_word(&e.name.to_lowercase(), &name.to_lowercase())
            || e.aliases.iter().any(|a| a.text.eq_ignore_ascii_case(name));
        if hit {
            out.extend(e.aliases.iter().map(|a| a.text.clone()));
            out.push(e.name.clone());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Byte offset of `needle` in `hay` between word boundaries, ignoring ASCII case.
fn find_word(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let (h, n) = (hay.to_ascii_lowercase(), needle.to_ascii_lowercase());
    h.match_indices(&n).map(|(i, _)| i).find(|&i| {
        let before = h[..i].chars().next_back();
        let after = h[i + n.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

fn mentions_any(text: &str, spellings: &[String]) -> bool {
    spellings
        .iter()
        .any(|s| s.len() >= 3 && find_word(text, s).is_some())
}

fn when(question: &str, docs: &[Document], events: &[Event], entities: &[Entity]) -> Answer {
    let kind = QuestionKind::When;
    let names = names_in(question);
    let actions = action_words(question);
    if names.is_empty() && actions.is_empty() {
        return Answer::unanswered(
            question,
            kind,
            "The question names no one and nothing to date.".to_string(),
        );
    }
    let name_spellings: Vec<Vec<String>> = names.iter().map(|n| spellings(n, entities)).collect();
    let bodies: HashMap<&str, &str> = docs
        .iter()
        .map(|d| (d.id.as_str(), d.body.as_str()))
        .collect();
    let mut candidates: Vec<(usize, &Event)> = Vec::new();
    for e in events {
        let report_text: String = e
            .reports
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let mut score = 0;
        let mut all_names = true;
        for sp in &name_spellings {
            if mentions_any(&report_text, sp) {
                score += 3;
            } else if e
                .docs
                .iter()
                .any(|d| bodies.get(d.as_str()).is_some_and(|b| mentions_any(b, sp)))
            {
                score += 1;
            } else {
                all_names = false;
            }
        }
        if !all_names {
            continue;
        }
        let lower = report_text.to_lowercase();
        score += actions
            .iter()
            .filter(|a| lower.contains(a.as_str()))
            .count()
            * 3;
        score += e.docs.len().min(3);
        candidates.push((score, e));
    }
    // Best first; a finer date wins a tie.
    candidates.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.date.granularity().cmp(&a.1.date.granularity()))
    });
    let Some(&(best_score, event)) = candidates.first() else {
        let who = if names.is_empty() {
            String::new()
        } else {
            format!(" involving {}", names.join(" and "))
        };
        return Answer::unanswered(
            question,
            kind,
            format!("The documents report no dated event{who}."),
        );
    };
    let sources: Vec<AnswerSource> = event
        .reports
        .iter()
        .map(|r| source(docs, &r.doc, r.sentence, Some(event.date)))
        .collect();
    let precision = match event.date.granularity() {
        Granularity::Day => "",
        Granularity::Month => " (the documents give only the month)",
        Granularity::Year => " (the documents give only the year)",
    };
    let mut text = format!(
        "{}{precision}, according to {}",
        event.date,
        event.docs.join(", ")
    );
    if !event.date_conflicts.is_empty() {
        let other: Vec<String> = event
            .date_conflicts
            .iter()
            .map(|c| format!("{} ({})", c.date, c.docs.join(", ")))
            .collect();
        text.push_str(&format!("; other sources give {}", other.join(", ")));
    }
    // Other events that fit nearly as well: the question may have several answers.
    let also: Vec<String> = candidates[1..]
        .iter()
        .filter(|(s, e)| *s == best_score && e.date != event.date)
        .take(3)
        .map(|(_, e)| format!("{} ({})", e.date, e.docs.join(", ")))
        .collect();
    if !also.is_empty() {
        text.push_str(&format!("; the documents also report {}", also.join(", ")));
    }
    text.push('.');
    Answer {
        question: question.to_string(),
        kind,
        answered: true,
        text,
        value: None,
        approx: None,
        date: Some(event.date),
        about: Some(event.id.clone()),
        sources,
    }
}

/// The words of a who question after "who is/was/are".
fn who_target(question: &str) -> String {
    let q = question.trim().trim_end_matches(['?', '.', '!']).trim();
    let rest = q.get(4..).unwrap_or("").trim_start();
    let rest = ["is ", "was ", "are ", "were "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    rest.trim().to_string()
}

/// The title or role written just before a name ("Prime Minister Nouri al-Maliki").
fn role_before(text: &str, at: usize) -> Option<String> {
    let head = text.get(..at)?;
    let words: Vec<&str> = head.split_whitespace().rev().take(4).collect();
    let role: Vec<&str> = words
        .into_iter()
        .take_while(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && !w.ends_with([',', '.', ':'])
        })
        .collect();
    (!role.is_empty()).then(|| role.into_iter().rev().collect::<Vec<_>>().join(" "))
}

fn who(question: &str, docs: &[Document], entities: &[Entity]) -> Answer {
    let kind = QuestionKind::Who;
    let target = who_target(question);
    if target.is_empty() {
        return Answer::unanswered(question, kind, "The question names no one.".to_string());
    }
    let entity = entities
        .iter()
        .find(|e| {
            e.name.eq_ignore_ascii_case(&target)
                || e.aliases
                    .iter()
                    .any(|a| a.text.eq_ignore_ascii_case(&target))
        })
        .or_else(|| {
            entities
                .iter()
                .find(|e| contains_word(&e.name.to_lowercase(), &target.to_lowercase()))
        });
    let spellings: Vec<String> = match entity {
        Some(e) => {
            let mut s: Vec<String> = e.aliases.iter().map(|a| a.text.clone()).collect();
            s.push(e.name.clone());
            s
        }
        None => vec![target.clone()],
    };
    // Sentences naming it, with the role the text gives it.
    let mut sources = Vec::new();
    let mut roles: Vec<String> = Vec::new();
    let mut doc_ids: Vec<String> = Vec::new();
    for d in docs {
        let mut first_in_doc = true;
        for (i, s) in d.sentences.iter().enumerate() {
            let Some(at) = spellings
                .iter()
                .filter(|sp| sp.len() >= 3)
                .find_map(|sp| find_word(&s.text, sp))
            else {
                continue;
            };
            if let Some(r) = role_before(&s.text, at).filter(|_| entity.is_none()) {
                if !roles.contains(&r) {
                    roles.push(r);
                }
            }
            if first_in_doc {
                doc_ids.push(d.id.clone());
                sources.push(source(docs, &d.id, i, None));
                first_in_doc = false;
            }
        }
    }
    if sources.is_empty() && entity.is_none() {
        return Answer::unanswered(
            question,
            kind,
            format!("The documents do not mention {target}."),
        );
    }
    let name = entity.map_or(target.clone(), |e| e.name.clone());
    let mut text = name.clone();
    if let Some(e) = entity {
        text.push_str(&format!(" ({:?})", e.kind));
    }
    if !roles.is_empty() {
        text.push_str(&format!(", described as {}", roles.join("; ")));
    }
    if let Some(e) = entity {
        let others: Vec<&str> = e
            .aliases
            .iter()
            .map(|a| a.text.as_str())
            .filter(|a| *a != e.name)
            .collect();
        if !others.is_empty() {
            text.push_str(&format!("; also written {}", others.join(", ")));
        }
    }
    let mentioned = entity.map_or(doc_ids.clone(), |e| e.docs.clone());
    text.push_str(&format!(
        "; mentioned in {} document(s): {}.",
        mentioned.len(),
        mentioned.join(", ")
    ));
    Answer {
        question: question.to_string(),
        kind,
        answered: true,
        text,
        value: None,
        approx: None,
        date: None,
        about: entity.map(|e| e.id.clone()),
        sources,
    }
}
