//! Article extraction from plain-text scrapes: pages saved as text with their
//! menus, share links, comment forms and "See also" lists still in them.
//!
//! The page is read as lines. Each line is first checked against cues that
//! mark boilerplate whatever its position (share and print links, comment
//! forms, copyright and browser notices, size pickers, navigation strips);
//! then the article region is found: from the headline to the last line that
//! reads like article prose. Lists introduced by "See also"-style headings,
//! and everything after a comment-section or comment-form marker, are
//! boilerplate. Inside the region, photo captions and pull quotes are set
//! aside; subheadings stay.

use regex::Regex;
use std::sync::OnceLock;

/// What a text scrape holds once its boilerplate is set aside.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextPage {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    /// Article paragraphs in page order (subheadings included).
    pub paragraphs: Vec<String>,
    /// Lines removed as boilerplate.
    pub boilerplate: Vec<String>,
    /// Lines above the article body other than the title (datelines, "Page
    /// last updated at …"): where a page states its own date.
    pub header_lines: Vec<String>,
    /// Photo captions and pull quotes: not article text, but their dates are
    /// evidence for dating the page.
    pub captions: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    /// Boilerplate wherever it stands.
    Chrome,
    /// Introduces a list of other stories ("See also").
    ListHeading,
    /// Everything after it is comments or a comment form.
    EndMarker,
    /// Reads like article prose.
    Prose,
    /// Anything else: headings, captions, short lines, datelines.
    Short,
}

struct Cues {
    chrome: Regex,
    list_heading: Regex,
    end_marker: Regex,
    caption: Regex,
    byline: Regex,
    copyright_outlet: Regex,
    more_from_outlet: Regex,
    agency_dateline: Regex,
    told_outlet: Regex,
    date_only: Regex,
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("built-in pattern");
        Cues {
            chrome: re(concat!(
                r"(?i)^(?:",
                r"send (?:this )?to a friend|e-?mail (?:this|to a friend)|print(?:able)? (?:version|this page|this article)|print sponsor|print|share(?: this)?(?: article| story| page)?|tweet|",
                r"sign in|log ?in|register|sign up|subscribe(?: now)?|subscribe to .*|accessibility links|skip to (?:main )?content|breaking news|advertisement|",
                r"(?:home|menu|search)\b.{0,60}|.*\bnavigation|back to top|top of page|",
                r"(?:copyright|\(c\)|©).*|.*\ball rights reserved\b.*|",
                r"the .{1,40} is not responsible for the content of external.*|",
                r"this page is best viewed in.*|.*\bupgrad(?:e|ing) your browser\b.*|.*enabling style sheets.*|",
                r"(?:more|read more|also read|related|see more) (?:from|on|at) [^.]{1,40}:.*|",
                r"your (?:e-?mail(?: address)?|name)\b.{0,20}|town (?:&|and) country|phone number.*|e-?mail address.*|",
                r"comment policy.*|.*denotes required field.*|\d+ ?/ ?\d+$|\d+ characters? (?:remaining|left)|",
                r"with (?:additional )?reporting by .{1,80}|",
                r"(?:xs|s|sm|m|md|l|lg|xl|xxl|a|a\+|a-|aa)$",
                r")$"
            )),
            list_heading: re(concat!(
                r"(?i)^(?:see also|related(?: stories| articles| news| content| links| coverage)?|more (?:stories|news|on this story|from [a-z ]{1,30})|",
                r"most (?:read|popular|viewed|shared)|top stories|recommended(?: for you)?|you (?:may|might) also (?:like|be interested in)|",
                r"latest (?:news|stories)|read (?:more|next)|also (?:in|on) [a-z ]{1,30}|in other news)\s*:?$"
            )),
            end_marker: re(concat!(
                r"(?i)^(?:\d+ comments?(?:\(s\))?|comments?(?: \(\d+\))?|comment(?:\(s\))|reader comments|leave a (?:comment|reply)|post a comment|add (?:your|a) comment|",
                r"do you like this article\??|was this (?:article|story) (?:useful|helpful)\??|have your say)\s*$|",
                r"(?i)\bsend us your (?:comments|views|thoughts|stories)\b|\busing the form below\b|\bnot all e-?mails will be published\b|\byour comments may be published\b"
            )),
            caption: re(concat!(
                r"(?i)\[(?:photo|picture|image|file photo)\b[^\]]*\]|\((?:photo|picture|image)s?:[^)]*\)|^(?:photo|picture|image|file photo)s?:|",
                r"\b(?:getty images|afp photo|reuters/|ap photo)\b|\((?:left|right|centre|center|l|r|c)\)"
            )),
            byline: re(r"^(?:By|BY|by)\s+([A-Z][\p{L}'’.-]+(?:\s+(?:[A-Z][\p{L}'’.-]+|al-[\p{L}]+|de|van|von|bin|ibn|and|&))*)\s*$"),
            copyright_outlet: re(r"(?i)^(?:copyright|©|\(c\))\s*(?:(?:©|\(c\))\s*)?(?:\d{4}(?:\s*-\s*\d{4})?\s+)?([A-Z][\w&.' -]{1,40}?)(?:[.,]|\s+all rights|\s+the\s|$)"),
            more_from_outlet: re(r"^More (?:from|on) ([A-Z][\w.&' -]{1,40}?):"),
            agency_dateline: re(r"^[A-Z][\w .'-]{1,40}\(([A-Z][\w .&'-]{1,30}?)(?:/[A-Za-z .]+)?\)\s*[-–—]"),
            told_outlet: re(r"\btold ([A-Z][A-Za-z]{2,30})\b"),
            date_only: re(r"(?i)^[\d/.:,\s-]{6,}$|^(?:page )?(?:last )?(?:updated|published|posted)\b"),
        }
    })
}

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

fn ends_like_prose(line: &str) -> bool {
    let mut rev = line.trim_end().chars().rev();
    match rev.next() {
        Some('.' | '!' | '?' | '"' | '”' | '’' | '\'' | ':' | '…') => true,
        // "(22 July 2009)" closes a caption; "(…, he said.)" closes prose.
        Some(')') => matches!(rev.next(), Some('.' | '!' | '?')),
        _ => false,
    }
}

/// A strip of menu entries: several capitalised words and no sentence.
fn is_navigation_strip(line: &str) -> bool {
    let tokens: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == '|' || c == '·' || c == '•')
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.len() < 4 || ends_like_prose(line) {
        return false;
    }
    let separators = line.matches(['|', '·', '•']).count();
    if separators >= 2 {
        return true;
    }
    // A title-case headline has function words or punctuation; a menu has neither.
    const FUNCTION_WORDS: &[&str] = &[
        "a", "an", "the", "of", "to", "from", "and", "or", "in", "on", "at", "for", "with", "by",
        "as", "is", "are", "was", "after", "over", "into",
    ];
    tokens.iter().all(|t| {
        t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '&')
            && !FUNCTION_WORDS.contains(&t.to_lowercase().as_str())
            && !t.contains([',', ':', '\'', '’'])
    })
}

fn classify(line: &str) -> Kind {
    let c = cues();
    let t = line.trim();
    if t.is_empty() {
        return Kind::Blank;
    }
    if c.end_marker.is_match(t) {
        return Kind::EndMarker;
    }
    if c.list_heading.is_match(t) {
        return Kind::ListHeading;
    }
    if c.chrome.is_match(t) || is_navigation_strip(t) {
        return Kind::Chrome;
    }
    let n = words(t);
    if n >= 15 || (n >= 8 && ends_like_prose(t)) {
        Kind::Prose
    } else {
        Kind::Short
    }
}

/// Extracts the article from a text scrape. Never fails: a page with no
/// recognisable prose yields its non-boilerplate lines as paragraphs.
pub fn extract_text(page: &str) -> TextPage {
    let c = cues();
    let lines: Vec<&str> = page.lines().map(str::trim).collect();
    let mut kinds: Vec<Kind> = lines.iter().map(|l| classify(l)).collect();

    // Lists under a "See also" heading run until prose resumes.
    let mut in_list = false;
    let mut ended = false;
    for (i, kind) in kinds.iter_mut().enumerate() {
        if ended {
            if *kind != Kind::Blank {
                *kind = Kind::Chrome;
            }
            continue;
        }
        match *kind {
            Kind::EndMarker => ended = true,
            Kind::ListHeading => in_list = true,
            Kind::Prose if in_list && ends_like_prose(lines[i]) && words(lines[i]) >= 15 => {
                in_list = false
            }
            Kind::Blank => {}
            _ if in_list => *kind = Kind::Chrome,
            _ => {}
        }
    }

    drop_stray_prose(&lines, &mut kinds);
    let first_prose = kinds.iter().position(|k| *k == Kind::Prose);
    let last_prose = kinds.iter().rposition(|k| *k == Kind::Prose);

    // The headline: the first headline-like line above the first prose line.
    let head_end = first_prose.unwrap_or(lines.len());
    let is_candidate = |i: usize| {
        kinds[i] == Kind::Short
            && (3..=25).contains(&words(lines[i]))
            && !c.date_only.is_match(lines[i])
            && !c.caption.is_match(lines[i])
            && c.byline.captures(lines[i]).is_none()
    };
    // A bare name above the headline ("Ostrany Public Radio") is the site's.
    let title_at = (0..head_end)
        .find(|&i| is_candidate(i) && !is_name_like(lines[i]))
        .or_else(|| (0..head_end).find(|&i| is_candidate(i)));

    let mut out = TextPage {
        title: title_at.map(|i| lines[i].to_string()),
        ..TextPage::default()
    };
    let body_start = title_at.map_or(0, |i| i + 1);
    let body_end = last_prose.map_or(lines.len(), |i| i + 1);

    let counts = line_counts(&lines);
    for (i, line) in lines.iter().enumerate() {
        let kind = kinds[i];
        if kind == Kind::Blank || Some(i) == title_at {
            continue;
        }
        if let Some(cap) = c.byline.captures(line) {
            if i < body_end {
                out.authors.extend(split_authors(&cap[1]));
                continue;
            }
        }
        let in_body = i >= body_start && i < body_end;
        match kind {
            Kind::Chrome | Kind::ListHeading | Kind::EndMarker => {
                out.boilerplate.push(line.to_string())
            }
            _ if i < body_start || (!in_body && i < first_prose.unwrap_or(0)) => {
                out.header_lines.push(line.to_string())
            }
            _ if !in_body => out.boilerplate.push(line.to_string()),
            Kind::Prose if c.caption.is_match(line) => out.captions.push(line.to_string()),
            Kind::Prose => out.paragraphs.push(line.to_string()),
            _ if counts.get(line).copied().unwrap_or(0) > 1 || c.caption.is_match(line) => {
                out.captions.push(line.to_string())
            }
            _ if i < first_prose.unwrap_or(0) && c.date_only.is_match(line) => {
                out.header_lines.push(line.to_string())
            }
            _ if is_subheading(&lines, &kinds, i) => out.paragraphs.push(line.to_string()),
            _ if i < first_prose.unwrap_or(0) && words(line) <= 3 => {
                // Photo credits and section labels above the article.
                out.boilerplate.push(line.to_string())
            }
            _ => out.captions.push(line.to_string()),
        }
    }
    out.captions.dedup();
    out.outlet = outlet_from_cues(&lines);
    if out.paragraphs.is_empty() && first_prose.is_none() {
        // No prose at all (a list page, a stub): keep what is not chrome.
        out.paragraphs = std::mem::take(&mut out.captions);
    }
    out
}

/// Prose cut off from the article by a run of boilerplate (a motto under the
/// footer, a teaser between link lists) is boilerplate too, unless it is a
/// substantial part of the page's prose.
fn drop_stray_prose(lines: &[&str], kinds: &mut [Kind]) {
    const RUN: usize = 3;
    let mut segments: Vec<(usize, usize, usize, usize)> = Vec::new(); // start, end, prose lines, prose words
    let (mut start, mut run, mut prose, mut prose_words) = (0, 0, 0, 0);
    for (i, (line, &kind)) in lines.iter().zip(kinds.iter()).enumerate() {
        match kind {
            Kind::Blank => continue,
            Kind::Chrome | Kind::ListHeading | Kind::EndMarker => run += 1,
            _ => {
                if run >= RUN && prose > 0 {
                    segments.push((start, i, prose, prose_words));
                    (start, prose, prose_words) = (i, 0, 0);
                }
                run = 0;
                if kind == Kind::Prose {
                    prose += 1;
                    prose_words += words(line);
                }
            }
        }
    }
    segments.push((start, lines.len(), prose, prose_words));
    let best = segments.iter().map(|s| s.3).max().unwrap_or(0);
    for &(from, to, n, w) in &segments {
        if n < 3 && w * 4 < best {
            for kind in &mut kinds[from..to] {
                if *kind == Kind::Prose {
                    *kind = Kind::Chrome;
                }
            }
        }
    }
}

fn line_counts<'a>(lines: &[&'a str]) -> std::collections::HashMap<&'a str, usize> {
    let mut counts = std::collections::HashMap::new();
    for l in lines.iter().filter(|l| !l.is_empty()) {
        *counts.entry(*l).or_insert(0) += 1;
    }
    counts
}

/// A short line that opens a new section of the article: short, followed by
/// prose, and not itself a finished sentence.
fn is_subheading(lines: &[&str], kinds: &[Kind], i: usize) -> bool {
    let line = lines[i];
    if words(line) > 8 || ends_like_prose(line) || is_name_like(line) {
        return false;
    }
    let next = (i + 1..lines.len()).find(|&j| kinds[j] != Kind::Blank);
    let prev = (0..i).rev().find(|&j| kinds[j] != Kind::Blank);
    next.is_some_and(|j| kinds[j] == Kind::Prose) && prev.is_none_or(|j| kinds[j] == Kind::Prose)
}

/// "Firstname Lastname" alone on a line: a photo or author credit.
fn is_name_like(line: &str) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    (2..=3).contains(&tokens.len())
        && tokens.iter().all(|t| {
            t.chars().next().is_some_and(char::is_uppercase)
                && t.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
        })
}

fn split_authors(s: &str) -> Vec<String> {
    s.split(" and ")
        .flat_map(|p| p.split(" & "))
        .flat_map(|p| p.split(", "))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The outlet named by the page's own furniture: a copyright line, a "More
/// from X:" link, an "(X/Agencies)" dateline, or reporting "told X".
fn outlet_from_cues(lines: &[&str]) -> Option<String> {
    let c = cues();
    let mut told: std::collections::BTreeMap<&str, usize> = Default::default();
    for line in lines {
        if let Some(m) = c.copyright_outlet.captures(line) {
            return Some(m[1].trim().to_string());
        }
        if let Some(m) = c.more_from_outlet.captures(line) {
            return Some(m[1].trim().to_string());
        }
        if let Some(m) = c.agency_dateline.captures(line) {
            return Some(m[1].trim().to_string());
        }
        for m in c.told_outlet.captures_iter(line) {
            *told.entry(m.get(1).map_or("", |g| g.as_str())).or_default() += 1;
        }
    }
    told.into_iter()
        .filter(|&(_, n)| n >= 2)
        .max_by_key(|&(_, n)| n)
        .map(|(name, _)| name.to_string())
}
