//! Text-level tests for page furniture that class names do not give away:
//! section labels ("Media contact", "Weitere Informationen:"), calls to action
//! ("Sign up to our newsletter"), contact lines (e-mail, phone), reference
//! numbers ("Press release No. 04/2020") and picture credits.
//!
//! All tests look at one short block; long prose never matches.

use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::LazyLock;

/// Lower-cased, whitespace-normalised, with trailing `:`/`.`/`?`/`!` removed.
fn label_key(text: &str) -> String {
    let lower = text.to_lowercase();
    lower
        .trim()
        .trim_end_matches([':', '.', '?', '!', ' ', '…', '»', '›', '>'])
        .trim_start_matches(['»', '›', '>', ' ', '|'])
        .to_string()
}

/// What a label says of the text after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LabelKind {
    /// The label line is furniture; what follows is judged on its own.
    Tail,
    /// Nothing of the article follows (see [`is_cut_label`]).
    Cut,
}
use LabelKind::{Cut, Tail};

/// Labels that open a block of furniture after the article: contacts, author
/// notes, further reading, sources, recommendations.
const TAIL_LABELS: &[(&str, LabelKind)] = &[
    // en
    ("contact", Cut),
    ("contacts", Cut),
    ("contact us", Cut),
    ("media contact", Cut),
    ("media contacts", Cut),
    ("press contact", Cut),
    ("press contacts", Cut),
    ("media enquiries", Cut),
    ("media inquiries", Cut),
    ("press office", Cut),
    ("for more information", Cut),
    ("more information", Cut),
    ("further information", Cut),
    ("about the author", Cut),
    ("about the authors", Cut),
    ("related articles", Cut),
    ("related stories", Cut),
    ("related posts", Cut),
    ("related content", Cut),
    ("read more", Tail),
    ("read next", Tail),
    ("more stories", Tail),
    ("you may also like", Cut),
    ("you might also like", Cut),
    ("recommended", Tail),
    ("recommended for you", Cut),
    ("editor's picks", Tail),
    ("most read", Tail),
    ("most popular", Tail),
    ("also read", Tail),
    ("see also", Tail),
    ("follow us", Tail),
    ("subscribe", Tail),
    ("newsletter", Tail),
    ("share", Tail),
    ("share this", Tail),
    ("share this article", Tail),
    ("share this page", Tail),
    ("tags", Tail),
    ("topics", Tail),
    ("advertisement", Tail),
    ("sponsored", Tail),
    // de
    ("kontakt", Cut),
    ("pressekontakt", Cut),
    ("medienkontakt", Cut),
    ("ansprechpartner", Cut),
    ("ansprechpartnerin", Cut),
    ("weitere informationen", Cut),
    ("mehr informationen", Cut),
    ("weitere infos", Cut),
    ("mehr infos", Tail),
    ("über den autor", Cut),
    ("über die autorin", Cut),
    ("über die autoren", Cut),
    ("zum autor", Cut),
    ("zur autorin", Cut),
    ("fragen an den autor", Cut),
    ("mehr themen", Cut),
    ("mehr zum thema", Tail),
    ("auch interessant", Tail),
    ("das könnte sie auch interessieren", Cut),
    ("das könnte dich auch interessieren", Cut),
    ("schon gelesen", Tail),
    ("lesen sie auch", Tail),
    ("lies auch", Tail),
    ("weitere artikel", Cut),
    ("ähnliche beiträge", Cut),
    ("ähnliche artikel", Cut),
    ("empfehlungen aus der redaktion", Cut),
    ("quellen", Cut),
    ("quellenangaben", Cut),
    ("anzeige", Tail),
    ("werbung", Tail),
    ("artikel teilen", Tail),
    ("teilen", Tail),
    ("schlagworte", Tail),
    // fr
    ("contact presse", Cut),
    ("à lire aussi", Tail),
    ("a lire aussi", Tail),
    ("lire aussi", Tail),
    ("sur le même sujet", Cut),
    ("à propos de l'auteur", Cut),
    ("partager", Tail),
    ("publicité", Tail),
    // es, pt
    ("contacto", Cut),
    ("contacto de prensa", Cut),
    ("lee también", Tail),
    ("lea también", Tail),
    ("te puede interesar", Tail),
    ("noticias relacionadas", Cut),
    ("sobre el autor", Cut),
    ("compartir", Tail),
    ("publicidad", Tail),
    ("veja também", Tail),
    ("leia também", Tail),
    ("leia mais", Tail),
    ("sobre o autor", Cut),
    ("compartilhe", Tail),
    // it
    ("contatti", Cut),
    ("leggi anche", Tail),
    ("potrebbe interessarti", Tail),
    ("articoli correlati", Cut),
    // nl, pl
    ("lees ook", Tail),
    ("meer informatie", Cut),
    ("czytaj też", Tail),
    ("czytaj także", Tail),
    ("zobacz też", Tail),
    ("zobacz także", Tail),
];

/// Label prefixes of short lines ("Empfehlungen aus dem Shop", "Mehr Kolumnen
/// auf …", "More from the newsroom").
const TAIL_LABEL_PREFIXES: &[&str] = &[
    "empfehlungen aus ",
    "mehr ",
    "more from ",
    "more on ",
    "more about ",
    "weitere ",
    "über ",
    "about ",
    "read more ",
    "scroll to read more",
    "lade weitere",
    "load more",
];

/// A label after which the rest of the container is furniture.
pub(crate) fn is_cut_label(text: &str, chars: usize) -> bool {
    chars <= 60 && label_kind(&label_key(text)) == Some(Cut)
}

fn label_kind(key: &str) -> Option<LabelKind> {
    TAIL_LABELS
        .iter()
        .find(|(label, _)| *label == key)
        .map(|&(_, kind)| kind)
}

/// A line that labels the furniture below it ("Media contact", "Weitere
/// Informationen:", "Über den Autor").
pub(crate) fn is_tail_label(text: &str, chars: usize) -> bool {
    if chars > 60 {
        return false;
    }
    let key = label_key(text);
    label_kind(&key).is_some()
        || (chars <= 50
            && !key.contains(['.', '!', ','])
            && TAIL_LABEL_PREFIXES.iter().any(|p| key.starts_with(p)))
}

/// A label that is furniture wherever it stands (a heading "Contact", a line
/// "Related stories"): exact matches only.
pub(crate) fn is_exact_label(text: &str) -> bool {
    label_kind(&label_key(text)).is_some()
}

/// Words of calls to action: newsletters, subscriptions, apps, social accounts.
const CALL_TO_ACTION: &[&str] = &[
    "newsletter",
    "subscribe",
    "subscription",
    "sign up",
    "follow us",
    "follow the ",
    "download the",
    "get the latest",
    "support our work",
    "supporting our work",
    "become a member",
    "abonnieren",
    "abonniere",
    "abonnement",
    "abonnez",
    "folgen sie uns",
    "folge uns",
    "melden sie sich",
    "posteingang",
    "inscrivez",
    "inscríbete",
    "suscríbete",
    "suscribete",
    "suscripción",
    "hazte miembro",
    "iscriviti",
    "subskryp",
];

/// Words that address the reader or speak for the site: a call to action
/// says "our newsletter", "follow us", "für dich".
const READER_CUES: &[&str] = &[
    " our ", " us ", " us.", " us!", "you", "your", "unser", " sie ", " dich", " dir ", " ihr ",
    " euch", "notre", " nos ", "vous", "nuestr", " tu ", " te ", " nosso", " nossa", " nasz",
];

/// A short promotional line: "Sign up to our newsletter", "Follow us on
/// Twitter", "Download the Example app to get your news".
pub(crate) fn is_call_to_action(text: &str, chars: usize) -> bool {
    if chars > 200 {
        return false;
    }
    if text.is_ascii() && !CALL_TO_ACTION_STEMS.is_match(text) {
        return false;
    }
    let lower = format!(" {} ", text.to_lowercase());
    let imperative = [
        "subscribe",
        "follow ",
        "sign up",
        "download ",
        "get the latest",
    ]
    .iter()
    .any(|w| lower[1..].starts_with(w));
    CALL_TO_ACTION_WORDS.is_match(&lower) && (imperative || READER_CUE_WORDS.is_match(&lower))
}

static CALL_TO_ACTION_WORDS: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(CALL_TO_ACTION).expect("static patterns"));
/// The same words without their trailing spaces, in any ASCII case: a
/// necessary condition, checked on ASCII lines before lower-casing them (no
/// word starts with a space, so none can use the padding but at its end).
static CALL_TO_ACTION_STEMS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(CALL_TO_ACTION.iter().map(|w| w.trim_end()))
        .expect("static patterns")
});
static READER_CUE_WORDS: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(READER_CUES).expect("static patterns"));

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(\.[\w-]+)+").expect("static regex"));
/// Seven or more digits with phone punctuation, optionally after `+`.
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\+|\(0|\b0)\d*[\d ()/.-]{5,}\d").expect("static regex"));
static CONTACT_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(e-?mail|tel|telefon|telephone|phone|fax|mobil|mobile|tél|téléfono|teléfono)\b\.?\s*:")
        .expect("static regex")
});
/// `No. 04/2020`, `Nr. 17`, `Ref: AB-12`, `Az. 3 K 12/19` at the end of a short line.
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(^|\s)(no|nr|n°|nº|ref|reference|az|aktenzeichen|number)\.?\s*:?\s*[A-Z]{0,4}[- ]?\d+([/.-]\d+)*\s*$")
        .expect("static regex")
});

/// A contact line outside prose: an e-mail address or a phone number making
/// up much of a short line, or `Tel.:`/`E-Mail:` labels.
pub(crate) fn is_contact_line(text: &str, chars: usize) -> bool {
    if chars > 160 {
        return false;
    }
    let mut rest = chars;
    let mut found = false;
    // each pattern needs a byte most lines lack: `@`, a `+` or `0` to open a
    // number, a `:` after the label
    let bytes = text.as_bytes();
    let emails = memchr::memchr(b'@', bytes).map(|_| EMAIL.find_iter(text));
    let phones = memchr::memchr2(b'+', b'0', bytes).map(|_| PHONE.find_iter(text));
    for m in emails.into_iter().flatten().chain(
        phones
            .into_iter()
            .flatten()
            .filter(|m| m.as_str().chars().filter(char::is_ascii_digit).count() >= 7),
    ) {
        found = true;
        rest = rest.saturating_sub(m.as_str().chars().count());
    }
    if memchr::memchr(b':', bytes).is_some() && CONTACT_WORD.is_match(text) {
        return true;
    }
    found && rest <= 60
}

/// A short line ending in a reference number ("Press release No. 04/2020").
pub(crate) fn is_reference_line(text: &str, chars: usize) -> bool {
    chars <= 60 && REFERENCE.is_match(text)
}

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\(?\s*(quelle|quellen|source|sources|fuente|fonte|źródło|foto|fotos|photo|photos|bild|bilder|image|images|credit|credits|crédits? photos?|crédito|grafik|abbildung)\s*:",
    )
    .expect("static regex")
});

/// A picture or source credit ("Quelle: dpa", "(Credit: Jane Roe)").
pub(crate) fn is_credit_line(text: &str, chars: usize) -> bool {
    chars <= 100 && CREDIT.is_match(text)
}

/// Builds every pattern of this module now rather than on first use.
pub(crate) fn compile_patterns() {
    LazyLock::force(&CALL_TO_ACTION_WORDS);
    LazyLock::force(&CALL_TO_ACTION_STEMS);
    LazyLock::force(&READER_CUE_WORDS);
    LazyLock::force(&EMAIL);
    LazyLock::force(&PHONE);
    LazyLock::force(&CONTACT_WORD);
    LazyLock::force(&REFERENCE);
    LazyLock::force(&CREDIT);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fixture lines: `KIND<TAB>expected<TAB>text`.
    fn check(kind: &str, want: bool, text: &str) {
        let n = text.chars().count();
        let got = match kind {
            "label" => is_tail_label(text, n),
            "cut" => is_cut_label(text, n),
            "cta" => is_call_to_action(text, n),
            "contact" => is_contact_line(text, n),
            "reference" => is_reference_line(text, n),
            "credit" => is_credit_line(text, n),
            other => panic!("unknown fixture kind {other}"),
        };
        assert_eq!(got, want, "{kind} {text:?}");
    }

    #[test]
    fn furniture_fixtures() {
        let data = include_str!("../../tests/fixtures/furniture.tsv");
        let mut n = 0;
        for line in data
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let mut parts = line.splitn(3, '\t');
            let (Some(kind), Some(want), Some(text)) = (parts.next(), parts.next(), parts.next())
            else {
                panic!("bad fixture line {line:?}");
            };
            check(kind, want == "yes", text);
            n += 1;
        }
        assert!(n > 20);
    }
}
