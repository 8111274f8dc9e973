//! Undoing Penn Treebank tokenisation (`-LRB-`, ``` `` ```, `''`, spaces
//! before punctuation), so that tokenised corpora such as Timeline17 read as
//! ordinary text to the sentence splitter and the time tagger.

/// How a token joins its neighbours.
#[derive(Clone, Copy, PartialEq)]
enum Glue {
    None,
    /// No space before it: `,`, `)`, `'s`, a closing quote.
    Left,
    /// No space after it: `(`, `$`, an opening quote.
    Right,
}

fn unescape(token: &str) -> (&str, Glue) {
    match token {
        "-LRB-" => ("(", Glue::Right),
        "-RRB-" => (")", Glue::Left),
        "-LSB-" => ("[", Glue::Right),
        "-RSB-" => ("]", Glue::Left),
        "-LCB-" => ("{", Glue::Right),
        "-RCB-" => ("}", Glue::Left),
        "``" | "`" => ("\"", Glue::Right),
        "''" => ("\"", Glue::Left),
        "(" | "[" | "{" | "$" | "#" => (token, Glue::Right),
        "," | "." | ";" | ":" | "!" | "?" | "%" | ")" | "]" | "}" | "..." => (token, Glue::Left),
        "n't" | "'s" | "'S" | "'re" | "'ve" | "'ll" | "'d" | "'m" | "'" => (token, Glue::Left),
        _ => (token, Glue::None),
    }
}

/// One line of PTB-tokenised text as plain text.
pub fn untokenise(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut glue_next = true;
    for token in line.split_whitespace() {
        let (text, glue) = unescape(token);
        if !glue_next && glue != Glue::Left {
            out.push(' ');
        }
        out.push_str(text);
        glue_next = glue == Glue::Right;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::untokenise;

    #[test]
    fn escapes_and_spacing_are_undone() {
        let cases = [
            (
                "The ferry 's owner said `` no '' on June 3 , 2011 .",
                "The ferry's owner said \"no\" on June 3, 2011.",
            ),
            (
                "It cost $ 4bn -LRB- # 2.5 bn -RRB- , they did n't say .",
                "It cost $4bn (#2.5 bn), they didn't say.",
            ),
            ("  ", ""),
            ("plain words", "plain words"),
        ];
        for (input, expected) in cases {
            assert_eq!(untokenise(input), expected, "{input}");
        }
    }
}
