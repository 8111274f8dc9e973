//! Sentence splitting for news text.

use crate::lexicon::{english, for_language, Lexicon};
use chronicle_model::Sentence;

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '\u{201d}' | '\u{2019}' | '\u{bb}'
    )
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
}

/// The word (letters and inner dots) ending just before byte `pos`.
fn word_before(text: &str, pos: usize) -> &str {
    let head = &text[..pos];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// The word starting at byte `pos` (after quotes and brackets).
fn word_after(text: &str, pos: usize) -> &str {
    let tail = &text[pos..];
    let tail = tail.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = tail
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(tail.len(), |(i, _)| i);
    &tail[..end]
}

/// Whether a period at byte `dot` (followed by whitespace, then `next`) ends no sentence.
fn period_is_abbreviation(lex: &Lexicon, text: &str, dot: usize, next: &str) -> bool {
    let before = word_before(text, dot);
    let lower = before.to_lowercase();
    let stem = lower.trim_end_matches('.');
    if stem.is_empty() {
        return false;
    }
    let next_lower = next.to_lowercase();
    let next_is_digit = next.chars().next().is_some_and(|c| c.is_ascii_digit());
    let next_is_lower = next.chars().next().is_some_and(|c| c.is_lowercase());
    if next_is_lower {
        return true;
    }
    let is_starter = lex.sentence.sentence_starters.contains(&next_lower);
    if next_is_digit
        && lex
            .sentence
            .abbreviations_before_number
            .iter()
            .any(|a| a == stem)
    {
        return true;
    }
    // A single capital letter is an initial: "J. Smith".
    let mut cs = before.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        return c.is_uppercase() && !is_starter;
    }
    // Dotted letter groups ("U.S.", "a.m.") end a sentence only before a typical sentence opener.
    if before.contains('.') {
        return !is_starter;
    }
    if lex.sentence.company_abbreviations.iter().any(|a| a == stem) {
        return !is_starter;
    }
    if lex.sentence.abbreviations.iter().any(|a| a == stem) {
        return true;
    }
    false
}

/// Sentences of `text` with UTF-8 byte offsets.
///
/// Handles titles and initials ("Mr.", "J."), dotted abbreviations ("U.S."),
/// month abbreviations before numbers ("Dec. 12"), "No. 10", decimals,
/// closing quotes and ellipses. A blank line always ends a sentence, so a
/// headline without final punctuation is a sentence of its own.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    split_with(english(), text)
}

/// [`split_sentences`] with the abbreviations and sentence openers of a
/// language (ISO 639-1 code; English when it has no data file).
pub fn split_sentences_in(language: &str, text: &str) -> Vec<Sentence> {
    split_with(for_language(language).unwrap_or_else(english), text)
}

fn split_with(lex: &Lexicon, text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let bytes = text.as_bytes();
    let push = |from: usize, to: usize, out: &mut Vec<Sentence>| {
        let piece = &text[from..to];
        let trimmed_start = from + (piece.len() - piece.trim_start().len());
        let trimmed_end = to - (piece.len() - piece.trim_end().len());
        if trimmed_start < trimmed_end {
            out.push(Sentence {
                text: text[trimmed_start..trimmed_end].to_string(),
                start: trimmed_start,
                end: trimmed_end,
            });
        }
    };
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c == '\n' {
            // A blank line (only whitespace between two newlines) ends the sentence.
            let rest = &text[i + 1..];
            let gap = rest.len() - rest.trim_start_matches([' ', '\t', '\r']).len();
            if bytes.get(i + 1 + gap) == Some(&b'\n') {
                push(start, i, &mut out);
                start = i + 1;
            }
            continue;
        }
        if !is_terminal(c) {
            continue;
        }
        // Swallow repeated terminals ("?!", "...") and closing quotes.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if is_terminal(d) || is_closer(d) {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = &text[end..];
        let Some(next_char) = rest.chars().next() else {
            continue;
        };
        if !next_char.is_whitespace() {
            continue;
        }
        let next = word_after(text, end);
        let next_first = rest.trim_start().chars().next();
        let Some(nf) = next_first else { continue };
        // A sentence starts with a capital, a digit, a quote or a bracket.
        if nf.is_lowercase() {
            continue;
        }
        if c == '.' && end == i + 1 && period_is_abbreviation(lex, text, i, next) {
            continue;
        }
        push(start, end, &mut out);
        start = end;
    }
    push(start, text.len(), &mut out);
    out
}
