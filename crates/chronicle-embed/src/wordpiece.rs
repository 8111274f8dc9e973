//! BERT's uncased WordPiece tokenisation, as Hugging Face's `BertTokenizer`
//! does it for all-MiniLM-L6-v2: clean the text, put spaces around CJK
//! ideographs, strip accents, lower-case, split on whitespace and
//! punctuation, then cut each word into the longest vocabulary pieces
//! (`##` marks a piece inside a word).

use crate::EmbedError;
use std::collections::HashMap;
use std::path::Path;
use unicode_general_category::{get_general_category, GeneralCategory};
use unicode_normalization::UnicodeNormalization;

/// Words longer than this (in characters) are `[UNK]`, as in BERT.
const MAX_WORD_CHARS: usize = 100;

#[derive(Debug, Clone)]
pub struct WordPiece {
    vocab: HashMap<String, u32>,
    cls: u32,
    sep: u32,
    unk: u32,
}

impl WordPiece {
    /// A vocabulary of one token a line (`vocab.txt`); the id is the line number.
    pub fn from_vocab(text: &str) -> Result<WordPiece, EmbedError> {
        let vocab: HashMap<String, u32> = text
            .lines()
            .enumerate()
            .map(|(i, line)| (line.trim_end_matches('\r').to_string(), i as u32))
            .collect();
        let id = |token: &str| {
            vocab
                .get(token)
                .copied()
                .ok_or_else(|| EmbedError::Vocabulary(format!("no {token} token")))
        };
        Ok(WordPiece {
            cls: id("[CLS]")?,
            sep: id("[SEP]")?,
            unk: id("[UNK]")?,
            vocab,
        })
    }

    pub fn from_file(path: &Path) -> Result<WordPiece, EmbedError> {
        let text = std::fs::read_to_string(path).map_err(|e| EmbedError::read(path, e))?;
        WordPiece::from_vocab(&text)
            .map_err(|e| EmbedError::Vocabulary(format!("{}: {e}", path.display())))
    }

    /// `[CLS]`, the pieces of `text`, `[SEP]`: at most `max_tokens` ids in
    /// all (at least the two markers), the text's tail cut off.
    pub fn encode(&self, text: &str, max_tokens: usize) -> Vec<u32> {
        let room = max_tokens.max(2) - 2;
        let mut ids = vec![self.cls];
        'words: for word in basic_tokens(text) {
            for id in self.pieces(&word) {
                if ids.len() > room {
                    break 'words;
                }
                ids.push(id);
            }
        }
        ids.push(self.sep);
        ids
    }

    /// The vocabulary pieces of one word, or `[UNK]`.
    fn pieces(&self, word: &str) -> Vec<u32> {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() > MAX_WORD_CHARS {
            return vec![self.unk];
        }
        let mut ids = Vec::new();
        let mut start = 0;
        while start < chars.len() {
            let mut end = chars.len();
            let mut found = None;
            while end > start {
                let piece: String = chars[start..end].iter().collect();
                let key = if start > 0 {
                    format!("##{piece}")
                } else {
                    piece
                };
                if let Some(&id) = self.vocab.get(&key) {
                    found = Some(id);
                    break;
                }
                end -= 1;
            }
            match found {
                Some(id) => ids.push(id),
                None => return vec![self.unk],
            }
            start = end;
        }
        ids
    }
}

/// The words and punctuation marks of `text`, normalised.
pub fn basic_tokens(text: &str) -> Vec<String> {
    let mut cleaned = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\0' || c == '\u{fffd}' || is_control(c) {
            continue;
        }
        if is_whitespace(c) {
            cleaned.push(' ');
        } else if is_cjk(c) {
            cleaned.push(' ');
            cleaned.push(c);
            cleaned.push(' ');
        } else {
            cleaned.push(c);
        }
    }
    // Accents go with the case, as BERT's uncased normaliser does.
    let normalised: String = cleaned
        .nfd()
        .filter(|c| get_general_category(*c) != GeneralCategory::NonspacingMark)
        .collect::<String>()
        .to_lowercase();
    let mut tokens = Vec::new();
    for word in normalised.split(is_whitespace).filter(|w| !w.is_empty()) {
        let mut current = String::new();
        for c in word.chars() {
            if is_punctuation(c) {
                if !current.is_empty() {
                    tokens.push(std::mem::take(&mut current));
                }
                tokens.push(c.to_string());
            } else {
                current.push(c);
            }
        }
        if !current.is_empty() {
            tokens.push(current);
        }
    }
    tokens
}

fn is_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
        || get_general_category(c) == GeneralCategory::SpaceSeparator
}

fn is_control(c: char) -> bool {
    if matches!(c, '\t' | '\n' | '\r') {
        return false;
    }
    matches!(
        get_general_category(c),
        GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::Unassigned
            | GeneralCategory::PrivateUse
            | GeneralCategory::Surrogate
    )
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            get_general_category(c),
            GeneralCategory::ConnectorPunctuation
                | GeneralCategory::DashPunctuation
                | GeneralCategory::OpenPunctuation
                | GeneralCategory::ClosePunctuation
                | GeneralCategory::InitialPunctuation
                | GeneralCategory::FinalPunctuation
                | GeneralCategory::OtherPunctuation
        )
}

/// CJK ideographs, which BERT splits into single characters.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF
        | 0x3400..=0x4DBF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F
        | 0x2B820..=0x2CEAF
        | 0xF900..=0xFAFF
        | 0x2F800..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    const VOCAB: &str =
        "[PAD]\n[UNK]\n[CLS]\n[SEP]\nthe\ndam\nopen\n##s\n##ed\n,\n.\ncafe\nzu\n##rich\n$\n4\n中\n";

    fn check(text: &str, max: usize, expected: &[u32]) {
        let wp = WordPiece::from_vocab(VOCAB).expect("vocab");
        assert_eq!(wp.encode(text, max), expected, "{text:?}");
    }

    #[test]
    fn pieces_accents_punctuation_and_unknown_words() {
        check("The dam opens.", 16, &[2, 4, 5, 6, 7, 10, 3]);
        check("  DAM opened,\tthe ", 16, &[2, 5, 6, 8, 9, 4, 3]);
        check("Zürich café", 16, &[2, 12, 13, 11, 3]);
        check("$4 reservoir", 16, &[2, 14, 15, 1, 3]);
        check("中x", 16, &[2, 16, 1, 3]);
        check("", 16, &[2, 3]);
        check("\u{0}\u{200b}dam", 16, &[2, 5, 3]);
    }

    #[test]
    fn truncation_keeps_the_markers() {
        check("the dam opens the dam", 4, &[2, 4, 5, 3]);
        check("the dam", 0, &[2, 3]);
        let long = "a".repeat(150);
        check(&long, 16, &[2, 1, 3]);
    }

    #[test]
    fn a_vocabulary_without_markers_is_refused() {
        assert!(WordPiece::from_vocab("the\ndam\n").is_err());
    }
}
