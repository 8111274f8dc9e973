//! One pass of tokenisation shared by every rule.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// Byte offsets into the text.
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Lower-cased, typographic apostrophes made ASCII.
    pub norm: String,
    /// Whether whitespace separates this token from the one before.
    pub space_before: bool,
    /// Whether the word starts with an upper-case letter.
    pub capital: bool,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits `text` into words, numbers and single punctuation marks.
///
/// Numbers keep inner `. , : / -` followed by a digit (`2021-07-27`, `10:30`, `2,500`);
/// dotted letter groups stay one word (`a.m.`, `U.S.`); an apostrophe starts a
/// clitic word (`'s`, `'ll`).
#[cfg(test)]
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    tokenize_with(text, &[])
}

/// [`tokenize`] for a language that elides a word before a vowel: a word
/// listed in `elisions` with its apostrophe ("l'", "d'", "quest'") keeps the
/// apostrophe and the word after it stands alone ("l'année" is "l'" "année"),
/// where English reads the apostrophe as opening a clitic ("it" "'s").
pub(crate) fn tokenize_with(text: &str, elisions: &[String]) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let end_of = |k: usize| if k < n { chars[k].0 } else { text.len() };
    let mut k = 0;
    let mut space_before = true;
    while k < n {
        let (start, c) = chars[k];
        if c.is_whitespace() {
            space_before = true;
            k += 1;
            continue;
        }
        let begin = k;
        let kind;
        if c.is_alphabetic() {
            kind = TokKind::Word;
            k += 1;
            while k < n && chars[k].1.is_alphabetic() {
                k += 1;
            }
            // At the end of the text too: phrases of the data files end in one ("la fine dell'").
            if !elisions.is_empty()
                && k < n
                && is_apostrophe(chars[k].1)
                && (k + 1 == n || chars[k + 1].1.is_alphabetic())
                && elided(&text[start..end_of(k)], elisions)
            {
                k += 1;
            }
            // Dotted abbreviations of single letters: a.m., U.S., e.g.
            if k - begin == 1 {
                let mut j = k;
                while j + 1 < n && chars[j].1 == '.' && chars[j + 1].1.is_alphabetic() {
                    if j + 2 < n && chars[j + 2].1.is_alphabetic() {
                        break;
                    }
                    j += 2;
                }
                if j > k {
                    k = j;
                    if k < n && chars[k].1 == '.' {
                        k += 1;
                    }
                }
            }
        } else if c.is_ascii_digit() {
            kind = TokKind::Number;
            k += 1;
            loop {
                while k < n && chars[k].1.is_ascii_digit() {
                    k += 1;
                }
                if k + 1 < n
                    && matches!(chars[k].1, '.' | ',' | ':' | '/' | '-')
                    && chars[k + 1].1.is_ascii_digit()
                {
                    k += 1;
                    continue;
                }
                break;
            }
        } else if is_apostrophe(c)
            && k + 1 < n
            && chars[k + 1].1.is_alphabetic()
            && !space_before_clitic(&chars, k)
        {
            kind = TokKind::Word;
            k += 1;
            while k < n && chars[k].1.is_alphabetic() {
                k += 1;
            }
        } else {
            kind = TokKind::Punct;
            k += 1;
        }
        let end = end_of(k);
        let raw = &text[start..end];
        let norm: String = raw
            .chars()
            .map(|c| if is_apostrophe(c) { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect();
        toks.push(Tok {
            start,
            end,
            kind,
            norm,
            space_before,
            capital: c.is_uppercase(),
        });
        space_before = false;
    }
    toks
}

/// Whether `word` followed by an apostrophe is one of the `elisions` ("L" → "l'").
fn elided(word: &str, elisions: &[String]) -> bool {
    let lower = word.to_lowercase();
    elisions
        .iter()
        .any(|e| e.strip_suffix('\'') == Some(lower.as_str()))
}

/// An apostrophe after whitespace opens a quotation rather than a clitic.
fn space_before_clitic(chars: &[(usize, char)], k: usize) -> bool {
    k == 0 || chars[k - 1].1.is_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_dates_abbreviations_and_clitics() {
        let text = "On 2021-07-27 at 10:30 a.m. the U.S. said it's 2,500.";
        let toks: Vec<String> = tokenize(text).into_iter().map(|t| t.norm).collect();
        assert_eq!(
            toks,
            [
                "on",
                "2021-07-27",
                "at",
                "10:30",
                "a.m.",
                "the",
                "u.s.",
                "said",
                "it",
                "'s",
                "2,500",
                "."
            ]
        );
    }

    #[test]
    fn elided_words_keep_their_apostrophe() {
        let norms = |text: &str, elisions: &[&str]| -> Vec<String> {
            let elisions: Vec<String> = elisions.iter().map(|e| e.to_string()).collect();
            tokenize_with(text, &elisions)
                .into_iter()
                .map(|t| t.norm)
                .collect()
        };
        let fr = ["l'", "d'", "jusqu'"];
        assert_eq!(
            norms("L\u{2019}année d'avant", &fr),
            ["l'", "année", "d'", "avant"]
        );
        assert_eq!(norms("jusqu'en 2019", &fr), ["jusqu'", "en", "2019"]);
        // Not listed: the apostrophe opens a word, as in English.
        assert_eq!(norms("aujourd'hui", &fr), ["aujourd", "'hui"]);
        assert_eq!(norms("la fine dell'", &["dell'"]), ["la", "fine", "dell'"]);
        assert_eq!(norms("it's", &fr), ["it", "'s"]);
        assert_eq!(norms("l'année", &[]), ["l", "'année"]);
    }
}
