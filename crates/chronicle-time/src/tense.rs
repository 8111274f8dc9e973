//! A cheap guess at the grammatical tense around a word.

use crate::lexicon::{english, Lexicon};
use crate::tokens::{tokenize_with, TokKind};

/// Grammatical tense governing a stretch of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

/// Grammatical tense governing the words around byte offset `at` of `sentence`.
///
/// Takes the nearest tense signal (an auxiliary, a reporting verb, a regular
/// past form in "-ed"), preferring the words before `at`; modal "will" and
/// "going to" mark the future.
pub fn tense_at(sentence: &str, at: usize) -> Tense {
    tense_in(english(), sentence, at)
}

/// Whether `w` carries one of `endings` as an inflection of the language.
fn inflected(lex: &Lexicon, w: &str, endings: &[String]) -> bool {
    w.len() >= lex.tense.min_inflected_len
        && endings.iter().any(|e| w.ends_with(e.as_str()))
        && !lex.tense.not_inflected.iter().any(|n| n == w)
}

/// [`tense_at`] with the signal words of `lex`.
pub(crate) fn tense_in(lex: &Lexicon, sentence: &str, at: usize) -> Tense {
    let listed = |list: &[String], w: &str| list.iter().any(|s| s == w);
    let toks = tokenize_with(sentence, &lex.order.elisions);
    let mut best: Option<(usize, Tense)> = None;
    // Quoted speech keeps its own tense: a reporting verb outside the quotation
    // ("'He will leave Thursday,' Castro said") does not govern the words inside.
    // Marks: straight and curly double quotes, and the doubled `` and '' of news wires.
    let quotes: Vec<usize> = sentence
        .match_indices(['"', '\u{201c}', '\u{201d}', '`', '\''])
        .filter(|(i, q)| !matches!(*q, "`" | "'") || sentence.get(i + 1..i + 2) == Some(q))
        .map(|(i, _)| i)
        .collect();
    let quote_between = |a: usize, b: usize| {
        let k = quotes.partition_point(|&q| q < a.min(b));
        quotes.get(k).is_some_and(|&q| q < a.max(b))
    };
    for (k, t) in toks.iter().enumerate() {
        if t.kind != TokKind::Word || quote_between(at, t.start) {
            continue;
        }
        let w = t.norm.as_str();
        let next = toks.get(k + 1).map(|n| n.norm.as_str());
        let prev = k
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .map(|p| p.norm.as_str());
        let future_next = next.is_some_and(|n| lex.tense.future.iter().any(|s| s == n));
        if matches!(w, "plan" | "plans") && next != Some("to") {
            // The noun ("the plan") says nothing of tense.
            continue;
        }
        // "next to the embassy", "due to the strike", "than expected": place, cause, comparison.
        let determiner_after_to = next == Some("to")
            && toks
                .get(k + 2)
                .is_some_and(|n| listed(&lex.tense.determiners, &n.norm));
        if (w == "next" && next == Some("to"))
            || (w == "due" && determiner_after_to)
            || (w == "expected" && matches!(prev, Some("than" | "as")))
        {
            continue;
        }
        if future_next && listed(&lex.tense.auxiliaries, w) {
            // "were planning", "is expected": the word after the auxiliary decides.
            continue;
        }
        let tense = if matches!(w, "set" | "is" | "are") && next == Some("to") {
            // "set to resume", "is to testify": a plan.
            Tense::Future
        } else if listed(&lex.tense.future, w) || inflected(lex, w, &lex.tense.future_endings) {
            // "going" signals the future only in "going to".
            if w == "going" && toks.get(k + 1).is_none_or(|n| n.norm != "to") {
                continue;
            }
            // "had been scheduled to expire", "had planned": a plan told in the past perfect
            // is one whose time has come and gone.
            let before_prev = k
                .checked_sub(2)
                .and_then(|p| toks.get(p))
                .map(|p| p.norm.as_str());
            if prev == Some("had") || (prev == Some("been") && before_prev == Some("had")) {
                Tense::Past
            } else {
                Tense::Future
            }
        } else if lex.tense.past.iter().any(|s| s == w)
            || inflected(lex, w, &lex.tense.past_endings)
        {
            // A participle after "be" ("would be held") takes its tense from the auxiliary;
            // after an article or a degree adverb it is an adjective ("a still unspecified date").
            // Before "by" a regular form is a passive participle ("markets untouched by the
            // crisis"): the auxiliary, when there is one, carries the tense.
            let passive = next == Some("by") && !lex.tense.past.iter().any(|s| s == w);
            if matches!(prev, Some("be" | "been" | "being"))
                || prev.is_some_and(|p| {
                    listed(&lex.tense.determiners, p) || listed(&lex.tense.adjective_adverbs, p)
                })
                || passive
            {
                continue;
            }
            Tense::Past
        } else if lex.tense.present.iter().any(|s| s == w) {
            Tense::Present
        } else {
            continue;
        };
        // Signals after the expression count a little less than those before it.
        let distance = if t.end <= at {
            at - t.end
        } else {
            (t.start.saturating_sub(at)) + 8
        };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, tense));
        }
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nearest_signal() {
        assert_eq!(
            tense_at("He said on Monday that it rained.", 11),
            Tense::Past
        );
        assert_eq!(
            tense_at("The talks will resume on Monday.", 25),
            Tense::Future
        );
        assert_eq!(tense_at("Prices are high on Monday.", 16), Tense::Present);
        assert_eq!(tense_at("Monday.", 0), Tense::Unknown);
    }
}
