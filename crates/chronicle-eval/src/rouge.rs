//! ROUGE-N counts exactly as ROUGE-1.5.5 computes them when tilse drives it
//! (`-n 2 -x -f A -m -s -t 2`, summaries in SEE format): raw hit, peer and
//! model n-gram counts, averaged over models ("model average", `-f A`).
//!
//! The pipeline for one summary (a list of sentences), as ROUGE-1.5.5 and
//! tilse's `pyrouge` wrapper do it:
//! 1. tilse splits each sentence on whitespace, rejoins the tokens with single
//!    spaces and writes `^` as `&circ;` (so `^` later becomes the token `circ`);
//! 2. ROUGE reads each sentence up to its first `<` (a sentence that is empty
//!    or starts with `<` is not read at all) and lower-cases ASCII letters;
//! 3. the sentences are joined with spaces, every `-` is set apart, every
//!    character other than `A-Za-z0-9-` becomes a space (so non-ASCII text
//!    splits words), and the text is split on spaces;
//! 4. SMART stop words are dropped, tokens not starting with `[a-z0-9]` (the
//!    `-` tokens) are dropped, and tokens longer than 3 characters are stemmed:
//!    WordNet 2.0's exception list first, else ROUGE's Porter stemmer;
//! 5. n-grams run over the whole token sequence, across sentence boundaries.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use regex::Regex;

const SMART_STOP_WORDS: &str = include_str!("../data/rouge_smart_common_words.txt");
const WORDNET_EXCEPTIONS: &str = include_str!("../data/rouge_wordnet2_exceptions.txt");

/// Raw ROUGE-N counts of one peer summary against one or more model summaries.
///
/// With several models the counts are summed over models, the peer count
/// once per model (ROUGE-1.5.5's `-f A`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NgramCounts {
    /// Clipped n-gram matches.
    pub hits: u64,
    /// Peer (system) n-grams.
    pub peer: u64,
    /// Model (reference) n-grams.
    pub model: u64,
}

impl NgramCounts {
    /// Hits over peer n-grams; 0 when the peer has none.
    pub fn precision(&self) -> f64 {
        ratio(self.hits, self.peer)
    }

    /// Hits over model n-grams; 0 when the models have none.
    pub fn recall(&self) -> f64 {
        ratio(self.hits, self.model)
    }

    pub fn f1(&self) -> f64 {
        f_score(self.precision(), self.recall())
    }
}

impl std::ops::AddAssign for NgramCounts {
    fn add_assign(&mut self, other: Self) {
        self.hits += other.hits;
        self.peer += other.peer;
        self.model += other.model;
    }
}

fn ratio(num: u64, denom: u64) -> f64 {
    if denom == 0 {
        0.0
    } else {
        num as f64 / denom as f64
    }
}

/// F1 as tilse computes it (`2 * p * r / (p + r)`, 0 when both are 0).
pub fn f_score(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// A multiset of n-grams of one summary, keyed by the n-gram's tokens joined with spaces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NgramBag {
    counts: HashMap<String, u64>,
    total: u64,
}

impl NgramBag {
    pub fn new<S: AsRef<str>>(tokens: &[S], n: usize) -> Self {
        let mut bag = NgramBag::default();
        if n == 0 || tokens.len() < n {
            return bag;
        }
        for window in tokens.windows(n) {
            let mut gram = String::new();
            for (i, t) in window.iter().enumerate() {
                if i > 0 {
                    gram.push(' ');
                }
                gram.push_str(t.as_ref());
            }
            *bag.counts.entry(gram).or_insert(0) += 1;
            bag.total += 1;
        }
        bag
    }

    /// Number of n-grams (with repeats).
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Matches clipped to the smaller count of each n-gram.
    pub fn clipped_hits(&self, other: &NgramBag) -> u64 {
        let (small, large) = if self.counts.len() <= other.counts.len() {
            (self, other)
        } else {
            (other, self)
        };
        small
            .counts
            .iter()
            .map(|(g, &c)| large.counts.get(g).map_or(0, |&d| c.min(d)))
            .sum()
    }
}

/// ROUGE-N of one peer bag against model bags, model-averaged (`-f A`).
pub fn score_bags(peer: &NgramBag, models: &[&NgramBag]) -> NgramCounts {
    let mut counts = NgramCounts::default();
    for model in models {
        counts.hits += peer.clipped_hits(model);
        counts.model += model.total();
        counts.peer += peer.total();
    }
    counts
}

/// ROUGE-1.5.5's tokeniser and scorer.
#[derive(Debug, Clone)]
pub struct Rouge {
    stem: bool,
    remove_stopwords: bool,
}

impl Default for Rouge {
    fn default() -> Self {
        Rouge::tilse()
    }
}

impl Rouge {
    /// The settings tilse uses: Porter stemming with WordNet exceptions (`-m`),
    /// SMART stop words removed (`-s`).
    pub fn tilse() -> Self {
        Rouge {
            stem: true,
            remove_stopwords: true,
        }
    }

    pub fn with_options(stem: bool, remove_stopwords: bool) -> Self {
        Rouge {
            stem,
            remove_stopwords,
        }
    }

    /// The token sequence ROUGE-1.5.5 scores for a summary given as sentences.
    pub fn tokenize<S: AsRef<str>>(&self, sentences: &[S]) -> Vec<String> {
        let lists = word_lists();
        let mut out = Vec::new();
        for sentence in sentences {
            let Some(text) = see_sentence_text(sentence.as_ref()) else {
                continue;
            };
            let mut spaced = String::with_capacity(text.len() + 8);
            for c in text.chars() {
                match c {
                    '-' => spaced.push_str(" - "),
                    c if c.is_ascii_alphanumeric() => spaced.push(c.to_ascii_lowercase()),
                    _ => spaced.push(' '),
                }
            }
            for token in spaced.split_ascii_whitespace() {
                if self.remove_stopwords && lists.stopwords.contains(token) {
                    continue;
                }
                if !token.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit()) {
                    continue;
                }
                if self.stem && token.len() > 3 {
                    out.push(morph_stem(token));
                } else {
                    out.push(token.to_string());
                }
            }
        }
        out
    }

    /// ROUGE-N counts of a peer summary against model summaries (each a list of sentences).
    pub fn score<S: AsRef<str>, M: AsRef<[S]>>(
        &self,
        peer: &[S],
        models: &[M],
        n: usize,
    ) -> NgramCounts {
        let peer_bag = NgramBag::new(&self.tokenize(peer), n);
        let model_bags: Vec<NgramBag> = models
            .iter()
            .map(|m| NgramBag::new(&self.tokenize(m.as_ref()), n))
            .collect();
        let refs: Vec<&NgramBag> = model_bags.iter().collect();
        score_bags(&peer_bag, &refs)
    }
}

/// Python's `str.split()` whitespace: Unicode White_Space plus U+001C..U+001F.
pub(crate) fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.split()` with no argument.
pub(crate) fn python_split(s: &str) -> impl Iterator<Item = &str> {
    s.split(is_python_space).filter(|t| !t.is_empty())
}

/// The text ROUGE reads from a sentence line tilse writes in SEE format.
fn see_sentence_text(sentence: &str) -> Option<String> {
    let mut joined = String::with_capacity(sentence.len());
    for (i, token) in python_split(sentence).enumerate() {
        if i > 0 {
            joined.push(' ');
        }
        joined.push_str(&token.replace('^', "&circ;"));
    }
    // ROUGE's SEE pattern captures `[^<]+` after the anchor's `>`.
    let read = joined.split('<').next().unwrap_or("");
    if read.is_empty() {
        None
    } else {
        Some(read.to_string())
    }
}

struct WordLists {
    stopwords: HashSet<&'static str>,
    exceptions: HashMap<&'static str, &'static str>,
}

fn word_lists() -> &'static WordLists {
    static LISTS: OnceLock<WordLists> = OnceLock::new();
    LISTS.get_or_init(|| WordLists {
        // ROUGE chomps each line and keeps it as is, so no trimming here.
        stopwords: SMART_STOP_WORDS.lines().collect(),
        exceptions: WORDNET_EXCEPTIONS
            .lines()
            .filter_map(|l| l.split_once(' '))
            .collect(),
    })
}

/// ROUGE's `MorphStem`: the WordNet exception's base form, else the Porter stem.
pub fn morph_stem(token: &str) -> String {
    let lower = token.to_ascii_lowercase();
    match word_lists().exceptions.get(lower.as_str()) {
        Some(base) => (*base).to_string(),
        None => porter_stem(&lower),
    }
}

/// Regular expressions of the Porter stemmer, written over Porter's
/// consonant/vowel classes as ROUGE-1.5.5's Perl version spells them
/// (`c = [^aeiou]`, `v = [aeiouy]`, `C = c[^aeiouy]*`, `V = v[aeiou]*`).
struct PorterRules {
    /// m > 0: `[C]VC...`
    m_gt0: Regex,
    /// m = 1: `[C]VC[V]`
    m_eq1: Regex,
    /// m > 1: `[C]VCVC...`
    m_gt1: Regex,
    /// the stem contains a vowel
    has_vowel: Regex,
    /// the whole word is consonant-vowel-consonant, the last not w, x or y
    cvc: Regex,
    step1a: Regex,
    step1a_s: Regex,
    step1b_eed: Regex,
    step1b_ed_ing: Regex,
    step1b_at_bl_iz: Regex,
    step2: Regex,
    step3: Regex,
    step4: Regex,
    step4_ion: Regex,
}

fn porter_rules() -> &'static PorterRules {
    static RULES: OnceLock<PorterRules> = OnceLock::new();
    RULES.get_or_init(|| {
        let c = "[^aeiou]";
        let v = "[aeiouy]";
        let cs = format!("{c}[^aeiouy]*");
        let vs = format!("{v}[aeiou]*");
        let re = |p: &str| Regex::new(p).expect("static Porter pattern");
        PorterRules {
            m_gt0: re(&format!("^({cs})?{vs}{cs}")),
            m_eq1: re(&format!("^({cs})?{vs}{cs}({vs})?$")),
            m_gt1: re(&format!("^({cs})?{vs}{cs}{vs}{cs}")),
            has_vowel: re(&format!("^({cs})?{v}")),
            cvc: re(&format!("^{cs}{v}[^aeiouwxy]$")),
            step1a: re("(ss|i)es$"),
            step1a_s: re("([^s])s$"),
            step1b_eed: re("eed$"),
            step1b_ed_ing: re("(ed|ing)$"),
            step1b_at_bl_iz: re("(at|bl|iz)$"),
            step2: re("(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$"),
            step3: re("(icate|ative|alize|iciti|ical|ful|ness)$"),
            step4: re("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$"),
            step4_ion: re("(s|t)(ion)$"),
        }
    })
}

fn step2_replacement(suffix: &str) -> &'static str {
    match suffix {
        "ational" => "ate",
        "tional" => "tion",
        "enci" => "ence",
        "anci" => "ance",
        "izer" => "ize",
        "bli" => "ble",
        "alli" => "al",
        "entli" => "ent",
        "eli" => "e",
        "ousli" => "ous",
        "ization" => "ize",
        "ation" => "ate",
        "ator" => "ate",
        "alism" => "al",
        "iveness" => "ive",
        "fulness" => "ful",
        "ousness" => "ous",
        "aliti" => "al",
        "iviti" => "ive",
        "biliti" => "ble",
        "logi" => "log",
        _ => "",
    }
}

fn step3_replacement(suffix: &str) -> &'static str {
    match suffix {
        "icate" => "ic",
        "alize" => "al",
        "iciti" => "ic",
        "ical" => "ic",
        // "ative", "ful", "ness" are removed
        _ => "",
    }
}

/// Porter's stemmer (Porter 1980) in the variant ROUGE-1.5.5 ships: Step 4
/// tries `-ement`, then `-ment`, then `-ent` (or `-sion`/`-tion`) in turn on
/// the word as the previous rule left it, rather than one suffix only.
/// Expects lower-case ASCII; words shorter than 3 characters are returned as is.
pub fn porter_stem(word: &str) -> String {
    if word.len() < 3 || !word.is_ascii() {
        return word.to_string();
    }
    let r = porter_rules();
    // An initial y is a consonant: mark it so no vowel class matches it.
    let initial_y = word.starts_with('y');
    let mut w = if initial_y {
        format!("Y{}", &word[1..])
    } else {
        word.to_string()
    };

    // Step 1a: plurals.
    if let Some(caps) = r.step1a.captures(&w) {
        let (start, kept) = (caps.get(0).map_or(0, |m| m.start()), caps[1].to_string());
        w = format!("{}{}", &w[..start], kept);
    } else if r.step1a_s.is_match(&w) {
        w.pop();
    }

    // Step 1b: -eed, -ed, -ing.
    if let Some(m) = r.step1b_eed.find(&w) {
        if r.m_gt0.is_match(&w[..m.start()]) {
            w.pop();
        }
    } else if let Some(m) = r.step1b_ed_ing.find(&w) {
        let stem = &w[..m.start()];
        if r.has_vowel.is_match(stem) {
            w = stem.to_string();
            if r.step1b_at_bl_iz.is_match(&w) {
                w.push('e');
            } else if ends_in_double_consonant(&w) {
                w.pop();
            } else if r.cvc.is_match(&w) {
                w.push('e');
            }
        }
    }

    // Step 1c: y -> i after a vowel.
    if w.ends_with('y') {
        let stem = &w[..w.len() - 1];
        if r.has_vowel.is_match(stem) {
            w = format!("{stem}i");
        }
    }

    // Step 2: double suffixes.
    if let Some(m) = r.step2.find(&w) {
        let (stem, suffix) = w.split_at(m.start());
        if r.m_gt0.is_match(stem) {
            w = format!("{stem}{}", step2_replacement(suffix));
        }
    }

    // Step 3.
    if let Some(m) = r.step3.find(&w) {
        let (stem, suffix) = w.split_at(m.start());
        if r.m_gt0.is_match(stem) {
            w = format!("{stem}{}", step3_replacement(suffix));
        }
    }

    // Step 4: ROUGE's sequence of removals.
    if let Some(m) = r.step4.find(&w) {
        if r.m_gt1.is_match(&w[..m.start()]) {
            w.truncate(m.start());
        }
    }
    if w.ends_with("ment") {
        let cut = w.len() - 4;
        if r.m_gt1.is_match(&w[..cut]) {
            w.truncate(cut);
        }
    }
    if w.ends_with("ent") {
        let cut = w.len() - 3;
        if r.m_gt1.is_match(&w[..cut]) {
            w.truncate(cut);
        }
    } else if let Some(m) = r.step4_ion.find(&w) {
        // keep the s or t
        let cut = m.start() + 1;
        if r.m_gt1.is_match(&w[..cut]) {
            w.truncate(cut);
        }
    }

    // Step 5: final e, double l.
    if w.ends_with('e') {
        let stem = &w[..w.len() - 1];
        if r.m_gt1.is_match(stem) || (r.m_eq1.is_match(stem) && !r.cvc.is_match(stem)) {
            w.pop();
        }
    }
    if w.ends_with("ll") && r.m_gt1.is_match(&w) {
        w.pop();
    }

    if initial_y {
        w.replace_range(..1, "y");
    }
    w
}

/// `([^aeiouylsz])\1$`: the same consonant twice at the end, not l, s or z.
fn ends_in_double_consonant(w: &str) -> bool {
    let b = w.as_bytes();
    match b {
        [.., x, y] => x == y && !b"aeiouylsz".contains(y),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Porter stems as ROUGE-1.5.5's stemmer gives them, checked by hand
    /// against the Perl rules (including its Step 4 variant).
    #[test]
    fn porter_stems() {
        let cases = [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("troubled", "troubl"),
            ("sized", "size"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("digitizer", "digit"),
            ("hopeful", "hope"),
            ("goodness", "good"),
            ("revival", "reviv"),
            ("adjustment", "adjust"),
            ("replacement", "replac"),
            ("adoption", "adopt"),
            ("controll", "control"),
            ("rate", "rate"),
            ("youth", "youth"),
            ("yelling", "yell"),
            ("1990s", "1990"),
            ("spill", "spill"),
        ];
        for (word, stem) in cases {
            assert_eq!(porter_stem(word), stem, "{word}");
        }
    }

    #[test]
    fn wordnet_exceptions_come_first() {
        assert_eq!(morph_stem("spoke"), "speak");
        assert_eq!(morph_stem("geese"), "goose");
        assert_eq!(morph_stem("talking"), "talk");
    }

    #[test]
    fn tokenizer_follows_rouge() {
        let r = Rouge::tilse();
        // Stop words ("the", "well", "s") go, `-` splits, PTB escapes leave their letters,
        // non-ASCII splits words, `^` becomes "circ", text after `<` is lost.
        let toks = r.tokenize(&[
            "The well-head -LRB- BP 's -RRB- leaked 5^2 barrels",
            "café <b>hidden",
            "<starts with a bracket",
        ]);
        assert_eq!(
            toks,
            ["head", "lrb", "bp", "rrb", "leak", "5", "circ", "2", "barrel", "caf"]
        );
        let plain = Rouge::with_options(false, false);
        assert_eq!(plain.tokenize(&["The Wells"]), ["the", "wells"]);
    }

    #[test]
    fn model_average_counts() {
        let r = Rouge::tilse();
        let peer = ["oil oil spill"];
        let m1 = vec!["oil spill"];
        let m2: Vec<&str> = vec![];
        // ROUGE-1: peer {oil:2, spill:1}; m1 {oil, spill}: 2 hits; m2 empty.
        let c = r.score(&peer, &[m1.clone(), m2.clone()], 1);
        assert_eq!(
            c,
            NgramCounts {
                hits: 2,
                peer: 6,
                model: 2
            }
        );
        let c2 = r.score(&peer, &[m1], 2);
        assert_eq!(
            c2,
            NgramCounts {
                hits: 1,
                peer: 2,
                model: 1
            }
        );
        assert!((c.precision() - 1.0 / 3.0).abs() < 1e-12);
        assert!((c.f1() - 0.5).abs() < 1e-12);
    }
}
