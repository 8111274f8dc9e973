//! Names in document bodies: a recogniser driven by word lists and cues, and
//! the batch-level entry points that hand the names to alias resolution.
//!
//! The recogniser reads capitalised spans sentence by sentence. A span may
//! hold particles ("al-", "bin", "van"), connectors inside longer names
//! ("Ministry of Water and Energy") and a leading title ("Prime Minister",
//! "Mr"). Its type comes from votes: titles make a person, heads such as
//! "Ministry" or "River" make an organisation or a place, "in X" and "X's
//! government" make a political unit. A capitalised word that opens a
//! sentence only counts when the batch also writes it capitalised
//! mid-sentence, or a cue types it.

use crate::aliases;
use chronicle_model::story::{Entity, EntityType};
use chronicle_model::Document;
use regex::Regex;
use std::collections::{BTreeSet, HashSet};
use std::sync::OnceLock;

const ENGLISH: &str = include_str!("../data/entities-en.txt");

/// Finds the names in every document body, resolves them into one entity per
/// referent across the batch, fills each document's `mentions` and returns
/// the entities (ids `e1`, `e2`… in order of first appearance).
pub fn find_entities(docs: &mut [Document]) -> Vec<Entity> {
    let lexicon = Lexicon::english();
    let batch = BatchWords::collect(docs, lexicon);
    let candidates: Vec<Vec<Candidate>> =
        docs.iter().map(|d| recognise(d, lexicon, &batch)).collect();
    aliases::resolve(docs, candidates, lexicon)
}

/// The entity whose name or any alias is `name`, compared case-insensitively;
/// an alias also matches without its title ("Maliki" finds "Mr Maliki").
pub fn entity_by_name<'a>(entities: &'a [Entity], name: &str) -> Option<&'a Entity> {
    let wanted = normalise_name(name);
    if wanted.is_empty() {
        return None;
    }
    let lexicon = Lexicon::english();
    let exact = entities.iter().find(|e| {
        normalise_name(&e.name) == wanted
            || e.aliases.iter().any(|a| normalise_name(&a.text) == wanted)
    });
    exact.or_else(|| {
        entities.iter().find(|e| {
            e.aliases
                .iter()
                .any(|a| normalise_name(&lexicon.strip_title(&a.text)) == wanted)
        })
    })
}

fn normalise_name(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
        .to_lowercase()
}

/// Word lists for one language, read from `data/entities-<lang>.txt`.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Titles as word sequences, longest first.
    titles: Vec<Vec<String>>,
    title_words: HashSet<String>,
    particles: HashSet<String>,
    connectors: HashSet<String>,
    joined_prefixes: Vec<String>,
    org_heads: HashSet<String>,
    org_starts: HashSet<String>,
    pub(crate) loc_heads: HashSet<String>,
    pub(crate) loc_lowercase_heads: HashSet<String>,
    misc_heads: HashSet<String>,
    place_prepositions: HashSet<String>,
    gpe_possessed: HashSet<String>,
    speech_verbs: HashSet<String>,
    gpe: HashSet<String>,
    org: HashSet<String>,
    loc: HashSet<String>,
    gpe_starts: HashSet<String>,
    gpe_heads: HashSet<String>,
    gpe_before_of: HashSet<String>,
    nationalities: HashSet<String>,
    nationality_suffixes: Vec<String>,
    not_names: HashSet<String>,
    function_words: HashSet<String>,
}

impl Lexicon {
    /// The English lists bundled with the crate.
    pub fn english() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::parse(ENGLISH))
    }

    /// Reads the sectioned list format; unknown sections are ignored so a
    /// newer file still loads.
    pub fn parse(text: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        let mut section = String::new();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name.to_string();
                continue;
            }
            let entry = line.to_string();
            match section.as_str() {
                "titles" => {
                    lex.title_words
                        .extend(entry.split_whitespace().map(str::to_string));
                    lex.titles
                        .push(entry.split_whitespace().map(str::to_string).collect());
                }
                "particles" => _ = lex.particles.insert(entry),
                "connectors" => _ = lex.connectors.insert(entry),
                "joined_prefixes" => lex.joined_prefixes.push(entry),
                "org_heads" => _ = lex.org_heads.insert(entry),
                "org_starts" => _ = lex.org_starts.insert(entry),
                "loc_heads" => _ = lex.loc_heads.insert(entry),
                "loc_lowercase_heads" => _ = lex.loc_lowercase_heads.insert(entry),
                "misc_heads" => _ = lex.misc_heads.insert(entry),
                "place_prepositions" => _ = lex.place_prepositions.insert(entry),
                "gpe_possessed" => _ = lex.gpe_possessed.insert(entry),
                "speech_verbs" => _ = lex.speech_verbs.insert(entry),
                "gpe" => _ = lex.gpe.insert(entry),
                "org" => _ = lex.org.insert(entry),
                "loc" => _ = lex.loc.insert(entry),
                "gpe_starts" => _ = lex.gpe_starts.insert(entry),
                "gpe_heads" => _ = lex.gpe_heads.insert(entry),
                "gpe_before_of" => _ = lex.gpe_before_of.insert(entry),
                "nationalities" => _ = lex.nationalities.insert(entry),
                "nationality_suffixes" => lex.nationality_suffixes.push(entry),
                "not_names" => _ = lex.not_names.insert(entry),
                "function_words" => _ = lex.function_words.insert(entry.to_lowercase()),
                _ => {}
            }
        }
        lex.titles
            .sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        lex.joined_prefixes
            .sort_by_key(|p| std::cmp::Reverse(p.len()));
        lex.nationality_suffixes
            .sort_by_key(|s| std::cmp::Reverse(s.len()));
        lex
    }

    /// `text` without a leading title ("Prime Minister Nouri al-Maliki" →
    /// "Nouri al-Maliki"); unchanged when it has none or is only a title.
    pub fn strip_title(&self, text: &str) -> String {
        let words: Vec<&str> = text
            .split_whitespace()
            .map(|w| w.trim_end_matches('.'))
            .collect();
        for title in &self.titles {
            if title.len() < words.len() && title.iter().zip(&words).all(|(t, w)| t == w) {
                return words[title.len()..].join(" ");
            }
        }
        text.to_string()
    }

    /// The rest of a word after a joined prefix such as "al-", if it has one.
    pub(crate) fn after_joined_prefix<'w>(&self, word: &'w str) -> Option<&'w str> {
        self.joined_prefixes.iter().find_map(|p| {
            let rest = word.strip_prefix(p.as_str())?;
            (!rest.is_empty()).then_some(rest)
        })
    }

    /// The lower-cased comparison form of one name word: "Al-Maliki" → "maliki",
    /// "U.S." → "us", "Residents’" → "residents'".
    pub(crate) fn key_word(&self, word: &str) -> String {
        let lower = word.replace('’', "'").to_lowercase();
        let rest = self
            .joined_prefixes
            .iter()
            .find_map(|p| {
                let r = lower.strip_prefix(p.to_lowercase().as_str())?;
                (!r.is_empty()).then_some(r.to_string())
            })
            .unwrap_or(lower);
        if rest.contains('.') && rest.chars().filter(|c| *c == '.').count() >= 1 {
            let stripped: String = rest.chars().filter(|c| *c != '.').collect();
            if stripped.chars().all(char::is_alphabetic) {
                return stripped;
            }
        }
        rest
    }

    pub(crate) fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(word)
    }

    pub(crate) fn is_connector(&self, word: &str) -> bool {
        self.connectors.contains(word)
    }
}

/// A word or punctuation mark with its byte offsets in the body.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    word: bool,
}

fn token_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[-'’&][\p{L}\p{N}]+)*|\S")
            .expect("static regex")
    })
}

/// Tokens of `body[start..end]`, with possessive "'s" split off.
fn tokenize(body: &str, start: usize, end: usize) -> Vec<Token<'_>> {
    let Some(text) = body.get(start..end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for m in token_regex().find_iter(text) {
        let s = start + m.start();
        let e = start + m.end();
        let t = m.as_str();
        let word = t.chars().next().is_some_and(char::is_alphanumeric);
        let possessive = ["'s", "’s", "'S", "’S"]
            .iter()
            .find(|p| t.len() > p.len() && t.ends_with(*p));
        match (word, possessive) {
            (true, Some(p)) => {
                let cut = e - p.len();
                out.push(Token {
                    text: &body[s..cut],
                    start: s,
                    end: cut,
                    word: true,
                });
                out.push(Token {
                    text: &body[cut..e],
                    start: cut,
                    end: e,
                    word: false,
                });
            }
            _ => out.push(Token {
                text: t,
                start: s,
                end: e,
                word,
            }),
        }
    }
    out
}

fn is_possessive(t: &Token) -> bool {
    !t.word && (t.text.ends_with('s') || t.text.ends_with('S')) && t.text.len() > 1
}

fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    letters.len() >= 2 && letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase())
}

/// Words the whole batch writes, for the sentence-initial rule.
pub(crate) struct BatchWords {
    /// Capitalised words seen not at a sentence start (joined prefix removed).
    mid_caps: HashSet<String>,
    /// Words seen in lower case anywhere.
    lower: HashSet<String>,
    /// Every capitalised word, to recognise adjectives formed from names.
    caps: BTreeSet<String>,
}

impl BatchWords {
    fn collect(docs: &[Document], lex: &Lexicon) -> BatchWords {
        let mut words = BatchWords {
            mid_caps: HashSet::new(),
            lower: HashSet::new(),
            caps: BTreeSet::new(),
        };
        for doc in docs {
            for (_, start, end) in sentence_ranges(doc) {
                let toks = tokenize(&doc.body, start, end);
                for (i, t) in toks.iter().enumerate() {
                    if !t.word {
                        continue;
                    }
                    if is_capitalised(t.text, lex) {
                        words.caps.insert(t.text.to_string());
                        if !starts_sentence(&doc.body, &toks, i, start) {
                            words.mid_caps.insert(mid_cap_form(t.text, lex));
                        }
                    } else {
                        words.lower.insert(t.text.to_lowercase());
                    }
                }
            }
        }
        words
    }
}

fn mid_cap_form(word: &str, lex: &Lexicon) -> String {
    lex.after_joined_prefix(word).unwrap_or(word).to_string()
}

/// (index, start, end) of each sentence, or the whole body when the
/// document has no sentences.
fn sentence_ranges(doc: &Document) -> Vec<(usize, usize, usize)> {
    if doc.sentences.is_empty() {
        return vec![(0, 0, doc.body.len())];
    }
    doc.sentences
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s.start, s.end.min(doc.body.len())))
        .collect()
}

fn is_capitalised(word: &str, lex: &Lexicon) -> bool {
    let first_upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // "Tehran-backed", "Iran-aligned": adjectives, not names.
    let adjective = word
        .rsplit('-')
        .next()
        .filter(|_| word.contains('-'))
        .is_some_and(|tail| tail.chars().count() >= 3 && tail.chars().all(char::is_lowercase));
    !adjective && (first_upper(word) || lex.after_joined_prefix(word).is_some_and(first_upper))
}

fn is_opening_quote(t: &Token, body: &str) -> bool {
    match t.text {
        "“" | "«" | "‘" | "(" | "[" => true,
        "\"" | "'" => body[..t.start]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace),
        _ => false,
    }
}

/// Whether token `i` opens a sentence, a quotation or a line.
fn starts_sentence(body: &str, toks: &[Token], i: usize, sentence_start: usize) -> bool {
    let Some(prev_word) = toks[..i].iter().rposition(|t| t.word) else {
        return true;
    };
    let gap_start = toks[i - 1].end.max(sentence_start);
    if body
        .get(gap_start..toks[i].start)
        .is_some_and(|g| g.contains('\n'))
    {
        return true;
    }
    let prev = &toks[i - 1];
    if is_opening_quote(prev, body) && prev_word < i - 1 {
        return true;
    }
    // "SORRIN, April 17 (Amarel Wire) - Velmara began…"
    let spaced_dash =
        prev.text == "-" && body[..prev.start].ends_with(' ') && body[prev.end..].starts_with(' ');
    spaced_dash || matches!(prev.text, ":" | "–" | "—")
}

/// The kind of thing a name refers to, as votes per type.
pub(crate) type Votes = [i32; 5];

pub(crate) fn type_index(kind: EntityType) -> usize {
    match kind {
        EntityType::PER => 0,
        EntityType::ORG => 1,
        EntityType::LOC => 2,
        EntityType::GPE => 3,
        EntityType::MISC => 4,
    }
}

pub(crate) const TYPES: [EntityType; 5] = [
    EntityType::PER,
    EntityType::ORG,
    EntityType::GPE,
    EntityType::LOC,
    EntityType::MISC,
];

/// One name found in a body, before alias resolution.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// Byte span in the body, title included.
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub has_title: bool,
    /// The name without its title, as written.
    pub core: String,
    /// Comparison form of the core's words (connectors kept, particles dropped).
    pub key: Vec<String>,
    pub votes: Votes,
    pub acronym: bool,
    /// An acronym given in brackets right after the name: "(RBA)" → "rba".
    pub defines: Option<String>,
    /// The subject or object of a speech verb ("X said", "said X").
    pub speaker: bool,
}

impl Candidate {
    pub(crate) fn key_string(&self) -> String {
        self.key.join(" ")
    }
}

struct Run {
    /// Token indexes of the span, first to last (words and joining marks).
    idx: Vec<usize>,
}

/// The names of one document body, in order.
fn recognise(doc: &Document, lex: &Lexicon, batch: &BatchWords) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (sentence, start, end) in sentence_ranges(doc) {
        let toks = tokenize(&doc.body, start, end);
        let mut i = 0;
        while i < toks.len() {
            if !toks[i].word
                || !is_capitalised(toks[i].text, lex)
                || lex.not_names.contains(toks[i].text)
            {
                i += 1;
                continue;
            }
            let run = extend_run(&doc.body, &toks, i, lex);
            let next = run.idx.last().map_or(i + 1, |l| l + 1);
            let ctx = Context {
                body: &doc.body,
                toks: &toks,
                sentence,
                sentence_start: start,
                lex,
                batch,
            };
            ctx.candidates_of(run, &mut out);
            i = next;
        }
    }
    out
}

fn extend_run(body: &str, toks: &[Token], first: usize, lex: &Lexicon) -> Run {
    let mut idx = vec![first];
    let mut j = first + 1;
    let spaced = |a: &Token, b: &Token| {
        body.get(a.end..b.start)
            .is_some_and(|g| !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}'))
    };
    let cap = |t: &Token| t.word && is_capitalised(t.text, lex) && !lex.not_names.contains(t.text);
    while j < toks.len() {
        let prev = toks[*idx.last().unwrap_or(&first)];
        let t = toks[j];
        let next_cap = toks.get(j + 1).is_some_and(&cap);
        if cap(&t) && spaced(&prev, &t) {
            idx.push(j);
            j += 1;
            continue;
        }
        // "Mr. Maliki", "George W. Bush": a dot after an abbreviation.
        let abbreviation = prev.word
            && (lex.title_words.contains(prev.text)
                || (prev.text.chars().count() == 1 && prev.text.chars().all(char::is_uppercase)));
        if t.text == "." && t.start == prev.end && abbreviation && next_cap {
            idx.push(j);
            j += 1;
            continue;
        }
        // "Haskel Residents' Committee".
        if (t.text == "'" || t.text == "’")
            && t.start == prev.end
            && prev.text.ends_with('s')
            && next_cap
        {
            idx.push(j);
            j += 1;
            continue;
        }
        if t.word && spaced(&prev, &t) && next_cap {
            let words: Vec<&str> = idx.iter().map(|&k| toks[k].text).collect();
            if lex.is_particle(t.text) || connector_joins(t.text, &words, toks, j, lex) {
                idx.push(j);
                j += 1;
                continue;
            }
        }
        break;
    }
    Run { idx }
}

/// Whether a connector joins the words before it to the capitalised words after.
fn connector_joins(word: &str, before: &[&str], toks: &[Token], at: usize, lex: &Lexicon) -> bool {
    if !lex.is_connector(word) {
        return false;
    }
    let has_of = before.contains(&"of");
    match word {
        // "Ministry of", "Islamic State of", "Secretary of State"; not
        // "Governor Ines al-Sadr of Marren Province".
        "of" => {
            before.len() == 1
                || before.last().is_some_and(|w| {
                    lex.title_words.contains(*w)
                        || lex.org_heads.contains(*w)
                        || lex.loc_heads.contains(*w)
                        || lex.misc_heads.contains(*w)
                        || lex.org_starts.contains(*w)
                        || lex.connectors.contains(*w)
                })
        }
        "&" => true,
        "the" => before.last() == Some(&"of"),
        "for" => has_of,
        "and" => {
            if has_of {
                return true;
            }
            // "Water and Energy Minister Lena Varo": a portfolio before a title.
            let has_title = before.iter().any(|w| lex.title_words.contains(*w));
            let after: Vec<&str> = toks[at + 1..]
                .iter()
                .take(3)
                .take_while(|t| t.word)
                .map(|t| t.text)
                .collect();
            !has_title
                && after.first().is_some_and(|w| !lex.title_words.contains(*w))
                && after.iter().skip(1).any(|w| lex.title_words.contains(*w))
        }
        _ => false,
    }
}

struct Context<'a> {
    body: &'a str,
    toks: &'a [Token<'a>],
    sentence: usize,
    sentence_start: usize,
    lex: &'a Lexicon,
    batch: &'a BatchWords,
}

impl Context<'_> {
    fn word_positions(&self, idx: &[usize]) -> Vec<usize> {
        idx.iter().copied().filter(|&k| self.toks[k].word).collect()
    }

    /// Turns one capitalised run into zero, one or two candidates (a
    /// modifier before a title, then the titled name).
    fn candidates_of(&self, run: Run, out: &mut Vec<Candidate>) {
        let lex = self.lex;
        let mut idx = run.idx;
        // Leading function words ("The", "In") and what they leave dangling.
        while let Some(&k) = idx.first() {
            let t = self.toks[k];
            let dangling = !t.word || lex.is_connector(t.text) || lex.is_particle(t.text);
            let function = !is_acronym(t.text)
                && lex
                    .function_words
                    .contains(&t.text.replace('’', "'").to_lowercase());
            if dangling || function {
                idx.remove(0);
            } else {
                break;
            }
        }
        if idx.is_empty() {
            return;
        }
        let first = idx[0];
        if starts_sentence(self.body, self.toks, first, self.sentence_start)
            && !self.certain_at_start(&idx)
        {
            let words = self.word_positions(&idx);
            if words.len() > 1 {
                if self
                    .batch
                    .lower
                    .contains(&self.toks[first].text.to_lowercase())
                {
                    idx.remove(0);
                    while idx.first().is_some_and(|&k| {
                        let t = self.toks[k];
                        !t.word || lex.is_connector(t.text)
                    }) {
                        idx.remove(0);
                    }
                }
            } else {
                let lower = self.toks[first].text.to_lowercase();
                if !self.followed_by_speech(first) || self.batch.lower.contains(&lower) {
                    return;
                }
            }
        }
        if idx.is_empty() {
            return;
        }
        // Title split: the last title followed by a name.
        let words = self.word_positions(&idx);
        let texts: Vec<&str> = words.iter().map(|&k| self.toks[k].text).collect();
        let mut titles = Vec::new();
        let mut p = 0;
        while p < texts.len() {
            match lex.titles.iter().find(|t| {
                t.len() <= texts.len() - p && t.iter().zip(&texts[p..]).all(|(a, b)| a == b)
            }) {
                Some(t) => {
                    titles.push((p, p + t.len()));
                    p += t.len();
                }
                None => p += 1,
            }
        }
        let named_title = titles.iter().rev().find(|(_, e)| *e < texts.len()).copied();
        match named_title {
            Some((ts, te)) => {
                if lex.is_connector(texts[te]) {
                    // "Minister of Water and Energy Lena Varo": the name is
                    // what follows the portfolio's first word after its last
                    // connector, less words the batch writes in lower case.
                    let Some(last_conn) = texts.iter().rposition(|w| lex.is_connector(w)) else {
                        return;
                    };
                    let mut from = last_conn + 2;
                    while from < texts.len()
                        && self.batch.lower.contains(&texts[from].to_lowercase())
                    {
                        from += 1;
                    }
                    if from < texts.len() {
                        let name: Vec<usize> =
                            idx.iter().copied().filter(|&k| k >= words[from]).collect();
                        self.push_titled(&name, out);
                    }
                    return;
                }
                if ts > 0 {
                    let pre: Vec<usize> =
                        idx.iter().copied().take_while(|&k| k < words[ts]).collect();
                    let pre_text: Vec<&str> = self
                        .word_positions(&pre)
                        .iter()
                        .map(|&k| self.toks[k].text)
                        .collect();
                    let pre_joined = pre_text.join(" ");
                    let known = lex.gpe.contains(&pre_joined)
                        || lex.org.contains(&pre_joined)
                        || lex.nationalities.contains(&pre_joined)
                        || (pre_text.len() == 1 && is_acronym(&pre_joined));
                    if known {
                        self.push(&pre, None, out);
                    }
                }
                let name: Vec<usize> = idx.iter().copied().filter(|&k| k >= words[ts]).collect();
                self.push(&name, Some(words[te]), out);
            }
            None => {
                // A trailing title with nothing after it is not part of a name.
                if let Some(&(ts, _)) = titles.last() {
                    let keep: Vec<usize> = idx.iter().copied().filter(|&k| k < words[ts]).collect();
                    let mut keep = keep;
                    while keep.last().is_some_and(|&k| {
                        let t = self.toks[k];
                        !t.word || lex.is_connector(t.text)
                    }) {
                        keep.pop();
                    }
                    if !keep.is_empty() {
                        self.push(&keep, None, out);
                    }
                } else {
                    self.push(&idx, None, out);
                }
            }
        }
    }

    /// A sentence-initial span counts when its first word is a title, a
    /// listed name, an acronym, or seen capitalised mid-sentence.
    fn certain_at_start(&self, idx: &[usize]) -> bool {
        let lex = self.lex;
        let first = self.toks[idx[0]].text;
        let words: Vec<&str> = self
            .word_positions(idx)
            .iter()
            .map(|&k| self.toks[k].text)
            .collect();
        let joined = words.join(" ");
        lex.title_words.contains(first)
            || lex.gpe.contains(&joined)
            || lex.org.contains(&joined)
            || lex.loc.contains(&joined)
            || lex.nationalities.contains(first)
            || lex.gpe.contains(first)
            || is_acronym(first)
            || self.batch.mid_caps.contains(&mid_cap_form(first, lex))
            || self.is_credit(idx)
            || self.is_dateline(&words, idx[0], idx[idx.len() - 1] + 1)
            || (words.len() == 1 && self.adjective_of_name(first, idx[0] + 1))
    }

    /// "Castel Orme (Meridian/Agencies) -": the outlet credited after a dateline.
    fn is_credit(&self, idx: &[usize]) -> bool {
        let (Some(&first), Some(&last)) = (idx.first(), idx.last()) else {
            return false;
        };
        first > 0
            && self.toks[first - 1].text == "("
            && self
                .toks
                .get(last + 1)
                .is_some_and(|t| t.text == "/" || t.text == ")")
    }

    fn followed_by_speech(&self, last: usize) -> bool {
        self.toks
            .get(last + 1)
            .is_some_and(|t| t.word && self.lex.speech_verbs.contains(t.text))
    }

    /// A name whose title is written before it but not kept in the mention.
    fn push_titled(&self, idx: &[usize], out: &mut Vec<Candidate>) {
        let before = out.len();
        self.push(idx, None, out);
        if let Some(c) = out.get_mut(before) {
            c.has_title = true;
            c.votes[type_index(EntityType::PER)] += 5;
        }
    }

    /// Builds a candidate from token indexes; `core_from` is the first token
    /// after a title.
    fn push(&self, idx: &[usize], core_from: Option<usize>, out: &mut Vec<Candidate>) {
        let lex = self.lex;
        let (Some(&first), Some(&last)) = (idx.first(), idx.last()) else {
            return;
        };
        let core_idx: Vec<usize> = match core_from {
            Some(c) => idx.iter().copied().filter(|&k| k >= c).collect(),
            None => idx.to_vec(),
        };
        let core_words: Vec<&str> = core_idx
            .iter()
            .filter(|&&k| self.toks[k].word)
            .map(|&k| self.toks[k].text)
            .collect();
        let Some(&core_first) = core_idx.first() else {
            return;
        };
        let has_title = core_from.is_some();
        let mut end = self.toks[last].end;
        let mut after = last + 1;
        let mut votes: Votes = [0; 5];
        let mut core = self.body[self.toks[core_first].start..end].to_string();
        let mut key: Vec<String> = core_words
            .iter()
            .filter(|w| !lex.is_particle(w))
            .map(|w| lex.key_word(w))
            .collect();
        // "Haskel valley": a lower-case place head written after the name.
        if let Some(t) = self.toks.get(after) {
            if t.word && lex.loc_lowercase_heads.contains(t.text) && t.start > end {
                end = t.end;
                core = self.body[self.toks[core_first].start..end].to_string();
                key.push(t.text.to_string());
                votes[type_index(EntityType::LOC)] += 3;
                after += 1;
            }
        }
        let joined = core_words.join(" ");
        let single = core_words.len() == 1;
        let last_word = core_words.last().copied().unwrap_or("");
        let first_word = core_words.first().copied().unwrap_or("");
        let head_only = single
            && (lex.org_heads.contains(last_word)
                || lex.loc_heads.contains(last_word)
                || lex.misc_heads.contains(last_word));
        if head_only && !has_title && votes == [0; 5] {
            return; // "the Authority", "the Times": a common noun capitalised.
        }
        let acronym = single && is_acronym(first_word);
        let dateline = self.is_dateline(&core_words, core_first, after);
        let per = type_index(EntityType::PER);
        let org = type_index(EntityType::ORG);
        let loc = type_index(EntityType::LOC);
        let gpe = type_index(EntityType::GPE);
        let misc = type_index(EntityType::MISC);
        let mut listed = true;
        if has_title {
            votes[per] += 5;
        }
        if lex.gpe.contains(&joined) {
            votes[gpe] += 5;
        } else if lex.org.contains(&joined) {
            votes[org] += 5;
        } else if lex.loc.contains(&joined) {
            votes[loc] += 5;
        } else if core_words.iter().all(|w| lex.nationalities.contains(*w)) {
            votes[misc] += 5;
        } else {
            listed = false;
        }
        if !listed && !has_title {
            if lex.org_heads.contains(last_word) || lex.org_starts.contains(first_word) {
                votes[org] += 3;
            } else if lex.loc_heads.contains(last_word) {
                votes[loc] += 3;
            } else if lex.misc_heads.contains(last_word) {
                votes[misc] += 3;
            } else if dateline {
                votes[gpe] += 3;
            } else if self.is_credit(idx) {
                votes[org] += 3;
            } else if acronym {
                votes[org] += 2;
            } else if single && self.adjective_of_name(first_word, after) {
                votes[misc] += 4;
            } else if !single
                && (lex.gpe_starts.contains(first_word) || lex.gpe_heads.contains(last_word))
            {
                votes[gpe] += 2;
            } else if !single && self.person_shaped(&core_words) {
                votes[per] += 1;
            }
        }
        // Context before: "in X", "the village of X".
        let before: Vec<&Token> = self.toks[..first].iter().rev().take(3).collect();
        let prev_word = before
            .iter()
            .find(|t| t.word)
            .map(|t| t.text.to_lowercase());
        let prev_word = match prev_word.as_deref() {
            Some("the") => before
                .iter()
                .filter(|t| t.word)
                .nth(1)
                .map(|t| t.text.to_lowercase()),
            _ => prev_word,
        };
        if let Some(p) = prev_word.as_deref() {
            if lex.place_prepositions.contains(p) && !has_title {
                let k = if votes[loc] > 0 { loc } else { gpe };
                votes[k] += 2;
            }
            if lex.speech_verbs.contains(p) {
                votes[per] += 1;
            }
            if p == "of"
                && before
                    .iter()
                    .filter(|t| t.word)
                    .nth(1)
                    .is_some_and(|t| lex.gpe_before_of.contains(t.text))
            {
                votes[gpe] += 2;
            }
        }
        // Context after: "X's government", "X said".
        let mut speaker = prev_word
            .as_deref()
            .is_some_and(|p| lex.speech_verbs.contains(p));
        if let Some(t) = self.toks.get(after) {
            if is_possessive(t) {
                if let Some(n) = self.toks.get(after + 1) {
                    if n.word && lex.gpe_possessed.contains(&n.text.to_lowercase()) {
                        votes[gpe] += 2;
                    }
                }
            } else if t.word && lex.speech_verbs.contains(t.text) {
                speaker = true;
                votes[per] += 1;
            }
        }
        let defines = self.acronym_after(after, &core_words);
        if key.is_empty() {
            return;
        }
        out.push(Candidate {
            start: self.toks[first].start,
            end,
            sentence: self.sentence,
            has_title,
            core,
            key,
            votes,
            acronym,
            defines,
            speaker,
        });
    }

    /// Two to four plain capitalised words, none of them a connector, a
    /// listed place or a nationality: "Mira Tolland", not "English Channel".
    fn person_shaped(&self, words: &[&str]) -> bool {
        let lex = self.lex;
        (2..=4).contains(&words.len())
            && words.iter().all(|w| {
                !lex.is_connector(w)
                    && !lex.nationalities.contains(*w)
                    && !lex.gpe.contains(*w)
                    && !lex.gpe_starts.contains(*w)
                    && !is_acronym(w)
            })
    }

    /// "SORRIN, April 17 (…)": capitals at the start of a paragraph before a comma.
    fn is_dateline(&self, words: &[&str], first: usize, after: usize) -> bool {
        words
            .iter()
            .all(|w| w.chars().count() > 2 && w.chars().all(char::is_uppercase))
            && starts_sentence(self.body, self.toks, first, self.sentence_start)
            && self.toks.get(after).is_some_and(|t| t.text == ",")
    }

    /// "Ostranian border": an adjective made from a name the batch writes.
    fn adjective_of_name(&self, word: &str, after: usize) -> bool {
        let next_lower = self
            .toks
            .get(after)
            .is_some_and(|t| t.word && t.text.chars().next().is_some_and(char::is_lowercase));
        if !next_lower {
            return false;
        }
        self.lex.nationality_suffixes.iter().any(|suffix| {
            let Some(stem) = word.strip_suffix(suffix.as_str()) else {
                return false;
            };
            stem.chars().count() >= 4
                && self
                    .batch
                    .caps
                    .range(stem.to_string()..)
                    .take_while(|w| w.starts_with(stem))
                    .any(|w| w != word)
        })
    }

    /// "Amarel River Basin Authority (RBA)": the acronym in brackets after a
    /// name, when its letters are the name's initials.
    fn acronym_after(&self, after: usize, core_words: &[&str]) -> Option<String> {
        let mut k = after;
        while self
            .toks
            .get(k)
            .is_some_and(|t| matches!(t.text, "\"" | "”" | "'" | "’"))
        {
            k += 1;
        }
        let open = self.toks.get(k)?;
        let acr = self.toks.get(k + 1)?;
        let close = self.toks.get(k + 2)?;
        if open.text != "(" || close.text != ")" || !is_acronym(acr.text) || core_words.len() < 2 {
            return None;
        }
        let letters: String = acr.text.chars().filter(|c| *c != '.').collect();
        let initials: String = core_words
            .iter()
            .filter(|w| !self.lex.is_connector(w))
            .filter_map(|w| w.chars().next())
            .collect();
        let found = initials.ends_with(&letters) || is_subsequence(&letters, &initials);
        found.then(|| letters.to_lowercase())
    }
}

fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut it = hay.chars();
    needle.chars().all(|c| it.any(|h| h == c))
}
