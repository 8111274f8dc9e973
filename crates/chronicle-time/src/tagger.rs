//! The TIMEX3 tagger: one tokenisation, then rules over token sequences,
//! their words taken from the language's data file.

use crate::lexicon::{english, for_language, Lexicon};
use crate::tense::{tense_in, Tense};
use crate::tokens::{tokenize_with, Tok, TokKind};
use crate::values::*;
use chronicle_model::date::weekday_from_days;
use chronicle_model::{PartialDate, Sentence, Timex, TimexType};

/// One match: tokens `[start, end)` of the sentence.
#[derive(Debug, Clone)]
struct Hit {
    end: usize,
    kind: TimexType,
    value: String,
    modifier: Option<String>,
}

/// A count of units: how many (`None`: vague), the unit's code, the token after it,
/// and its value as a duration.
struct Counted {
    n: Option<i64>,
    unit: &'static str,
    end: usize,
    value: String,
}

fn hit(end: usize, kind: TimexType, value: String) -> Option<Hit> {
    Some(Hit {
        end,
        kind,
        value,
        modifier: None,
    })
}

struct Matcher<'a> {
    lex: &'static Lexicon,
    toks: &'a [Tok],
    norms: Vec<&'a str>,
    anchor: Anchor,
    /// The last date the text named: what "the following day" or "that year" count from.
    reference: Anchor,
    sentence: &'a Sentence,
    /// Whether the document reports by quarters (then "a year earlier" is the same quarter a year before).
    quarterly: bool,
}

/// Bytes of a sentence on either side of an expression that can decide its tense: the
/// nearest signal wins, and looking no farther keeps a run-on "sentence" of a
/// megabyte linear.
const TENSE_REACH: usize = 1000;

/// The stretch of `text` within [`TENSE_REACH`] of byte `at`, cut at whitespace.
fn tense_window(text: &str, at: usize) -> (usize, usize) {
    let mut lo = at.saturating_sub(TENSE_REACH);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let lo = if lo == 0 {
        0
    } else {
        text[..lo].rfind(char::is_whitespace).unwrap_or(0)
    };
    let mut hi = at.saturating_add(TENSE_REACH).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let hi = text[hi..]
        .find(char::is_whitespace)
        .map_or(text.len(), |k| hi + k);
    (lo, hi)
}

/// A duration unit: its TimeML letter and whether it counts time of day.
fn duration_value(unit: &str, n: Option<i64>) -> Option<String> {
    let (letter, time, factor) = match unit {
        "S" => ("S", true, 1),
        "MIN" => ("M", true, 1),
        "H" => ("H", true, 1),
        "D" | "N" => ("D", false, 1),
        "W" => ("W", false, 1),
        "FN" => ("W", false, 2),
        "M" => ("M", false, 1),
        "Q" => ("M", false, 3),
        "Y" => ("Y", false, 1),
        "DE" => ("Y", false, 10),
        "CE" => ("Y", false, 100),
        "ML" => ("Y", false, 1000),
        _ => return None,
    };
    let t = if time { "T" } else { "" };
    Some(match n {
        Some(n) => format!("P{t}{}{letter}", n.saturating_mul(factor)),
        None => {
            let vague = match unit {
                "DE" => "DE",
                "CE" => "CE",
                "Q" => "Q",
                _ => letter,
            };
            format!("P{t}X{vague}")
        }
    })
}

impl<'a> Matcher<'a> {
    fn w(&self, i: usize) -> &'a str {
        self.norms.get(i).copied().unwrap_or("")
    }

    fn tok(&self, i: usize) -> Option<&'a Tok> {
        self.toks.get(i)
    }

    fn kind(&self, i: usize) -> Option<TokKind> {
        self.tok(i).map(|t| t.kind)
    }

    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space_before)
    }

    fn capital(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.capital)
    }

    fn rest(&self, i: usize) -> &[&'a str] {
        self.norms.get(i..).unwrap_or(&[])
    }

    /// Whether token `i` is one of `list`.
    fn is(&self, i: usize, list: &[String]) -> bool {
        let w = self.w(i);
        list.iter().any(|x| x == w)
    }

    /// The token after `i` when `i` is one of `list` (a joining word such as
    /// "de"), else `i`.
    fn past_word(&self, i: usize, list: &[String]) -> usize {
        if self.is(i, list) {
            i + 1
        } else {
            i
        }
    }

    /// An article that changes the reading of what follows ("the next day").
    fn definite(&self, i: usize) -> bool {
        self.is(i, &self.lex.order.definite_articles)
    }

    /// Whether the unit word at `i` is a plural ("weeks", "meses"; not "mes").
    fn plural_unit(&self, i: usize) -> bool {
        self.w(i).ends_with('s') && !self.is(i, &self.lex.order.singular_units)
    }

    /// Any article a date may open with.
    fn article(&self, i: usize) -> bool {
        self.definite(i) || self.is(i, &self.lex.order.date_articles)
    }

    /// The token after a joining word or phrase of `table` at `i`, if there is one.
    fn after_link(&self, i: usize, table: &crate::lexicon::PhraseTable<()>) -> usize {
        table.longest(self.rest(i)).map_or(i, |(n, _)| i + n)
    }

    /// Tense at token `i`, from the words of its sentence around it.
    fn tense(&self, i: usize) -> Tense {
        let Some(t) = self.tok(i) else {
            return Tense::Unknown;
        };
        let text = self.sentence.text.as_str();
        let at = t.start.saturating_sub(self.sentence.start).min(text.len());
        let (lo, hi) = tense_window(text, at);
        text.get(lo..hi)
            .map_or(Tense::Unknown, |window| tense_in(self.lex, window, at - lo))
    }

    /// Skips a hyphen glued between two words ("third-quarter", "mid-1990s").
    fn skip_hyphen(&self, i: usize) -> usize {
        if self.w(i) == "-" && self.glued(i) && self.glued(i + 1) {
            i + 1
        } else {
            i
        }
    }

    fn digits(&self, i: usize) -> Option<&'a str> {
        let w = self.w(i);
        (self.kind(i) == Some(TokKind::Number) && w.bytes().all(|b| b.is_ascii_digit()))
            .then_some(w)
    }

    /// A cardinal number written in digits or words: (value, next token).
    fn cardinal(&self, i: usize) -> Option<(i64, usize)> {
        if let Some(d) = self.digits(i) {
            if d.len() > 6 {
                return None;
            }
            return Some((d.parse().ok()?, i + 1));
        }
        let mut v = *self.lex.numbers.get(self.w(i))?;
        let mut j = i + 1;
        if v >= 20 && v % 10 == 0 {
            let mut k = self.skip_hyphen(j);
            if k == j && self.is(j, &self.lex.order.number_joiners) {
                k = j + 1;
            }
            if let Some(&u) = self.lex.numbers.get(self.w(k)) {
                if (1..=9).contains(&u) {
                    v += u;
                    j = k + 1;
                }
            }
        }
        if let Some(&scale) = self.lex.number_scales.get(self.w(j)) {
            v *= scale;
            j += 1;
        }
        Some((v, j))
    }

    /// An ordinal in words or digits ("third", "twenty-first", "21st").
    fn ordinal(&self, i: usize) -> Option<(i64, usize)> {
        if let Some(d) = self.digits(i) {
            if d.len() <= 3
                && self.glued(i + 1)
                && self.lex.ordinal_suffixes.iter().any(|s| s == self.w(i + 1))
            {
                return Some((d.parse().ok()?, i + 2));
            }
            return None;
        }
        if let Some(&v) = self.lex.ordinals.get(self.w(i)) {
            return Some((v, i + 1));
        }
        let tens = *self.lex.numbers.get(self.w(i))?;
        if tens >= 20 && tens % 10 == 0 {
            let k = self.skip_hyphen(i + 1);
            if let Some(&u) = self.lex.ordinals.get(self.w(k)) {
                if (1..=9).contains(&u) {
                    return Some((tens + u, k + 1));
                }
            }
        }
        None
    }

    /// A four-digit year: (year, next).
    fn year4(&self, i: usize) -> Option<(i32, usize)> {
        if self.kind(i) == Some(TokKind::Word) {
            return self.year_in_words(i);
        }
        let d = self.digits(i)?;
        if d.len() != 4 {
            return None;
        }
        let y: i32 = d.parse().ok()?;
        (1000..=2199).contains(&y).then_some((y, i + 1))
    }

    /// "nineteen ninety-six", "twenty twenty": a year read as two numbers.
    fn year_in_words(&self, i: usize) -> Option<(i32, usize)> {
        let &hundreds = self.lex.numbers.get(self.w(i))?;
        if !(10..=20).contains(&hundreds) || self.kind(i + 1) != Some(TokKind::Word) {
            return None;
        }
        let (rest, j) = self.cardinal(i + 1)?;
        if !(10..=99).contains(&rest) {
            return None;
        }
        Some(((hundreds * 100 + rest) as i32, j))
    }

    /// A day of the month in digits (with optional ordinal suffix) or an ordinal word.
    fn day_of_month(&self, i: usize) -> Option<(u8, usize)> {
        if let Some(d) = self.digits(i) {
            if d.len() <= 2 {
                let v: u8 = d.parse().ok()?;
                let mut j = i + 1;
                if self.glued(j) && self.lex.ordinal_suffixes.iter().any(|s| s == self.w(j)) {
                    j += 1;
                }
                return (1..=31).contains(&v).then_some((v, j));
            }
            return None;
        }
        let (v, j) = self.ordinal(i)?;
        (1..=31).contains(&v).then_some((v as u8, j))
    }

    /// A month name, capitalised, with an optional period after an abbreviation.
    fn month_name(&self, i: usize) -> Option<(u8, usize)> {
        let w = self.w(i);
        let m = *self.lex.months.get(w)?;
        if self.lex.order.names_capitalised && !self.capital(i) {
            return None;
        }
        let mut j = i + 1;
        let abbreviation = w.len() <= 4 && !self.is(i, &self.lex.order.short_full_names);
        if abbreviation && self.w(j) == "." && self.glued(j) {
            j += 1;
        }
        Some((m, j))
    }

    fn weekday_name(&self, i: usize) -> Option<(u8, usize)> {
        let w = self.w(i);
        let d = *self.lex.weekdays.get(w)?;
        if self.lex.order.names_capitalised && !self.capital(i) {
            return None;
        }
        if w.len() <= 5 && !self.is(i, &self.lex.order.short_full_names) {
            // Abbreviations only with their period: "Sat." but not "Sat".
            return (self.w(i + 1) == "." && self.glued(i + 1)).then_some((d, i + 2));
        }
        Some((d, i + 1))
    }

    fn year_context_ok(&self, i: usize, next: usize) -> bool {
        if i > 0 {
            let prev = self.w(i - 1);
            if matches!(
                prev,
                "$" | "#"
                    | "£"
                    | "€"
                    | "no"
                    | "number"
                    | "route"
                    | "flight"
                    | "room"
                    | "suite"
                    | "apartment"
                    | "highway"
                    | "interstate"
                    | "page"
                    | "chapter"
                    | "section"
                    | "model"
                    | "box"
                    | "gate"
                    | "platform"
                    | "bus"
                    | "channel"
                    | "code"
                    | "ext"
                    | "tel"
                    | "phone"
            ) || self.kind(i - 1) == Some(TokKind::Number)
            {
                return false;
            }
        }
        let after = self.w(next);
        if matches!(after, "%" | "-") && self.glued(next) {
            return false;
        }
        !self.lex.count_nouns_after_year.iter().any(|n| n == after)
    }

    fn best_at(&self, i: usize) -> Option<Hit> {
        let mut best = self.core(i);
        let mut consider = |h: Option<Hit>| {
            if let Some(h) = h {
                if best.as_ref().is_none_or(|b| h.end > b.end) {
                    best = Some(h);
                }
            }
        };
        // Point modifiers: "early 2020", "the end of last year", "mid-November".
        if let Some((n, md)) = self.lex.point_modifiers.longest(self.rest(i)) {
            let j = self.skip_hyphen(i + n);
            let core = self
                .core(j)
                .or_else(|| self.the_unit(j))
                .or_else(|| self.bare_unit(j));
            // "a pris fin hier" (ended yesterday): a noun for the end of a period
            // does not modify a single day.
            let period_only =
                self.lex.period_only_modifiers.longest(self.rest(i)) == Some((n, &()));
            let day = |h: &Hit| h.value.len() >= 10 && h.value.as_bytes()[7] == b'-';
            let core = core.filter(|h| !(period_only && day(h)));
            if let Some(mut h) = core.filter(|h| h.kind != TimexType::Duration) {
                if !md.is_empty() {
                    h.modifier = Some(md.clone());
                }
                consider(Some(h));
            }
        }
        // Quantity modifiers: "more than four hours", "about 3 p.m.", "nearly four years ago".
        // Not before "the": "over the past year" is a span, not more than one.
        if let Some((n, md)) = self.lex.duration_modifiers.longest(self.rest(i)) {
            if self.w(i + n) != "the" {
                if let Some(mut h) = self.core(i + n) {
                    let ago =
                        h.end > 0 && self.lex.ago_words.longest(&[self.w(h.end - 1)]).is_some();
                    let fits = h.kind == TimexType::Duration
                        || ago
                        || (md == "APPROX" && !matches!(self.w(i), "some"));
                    // TimeBank leaves "about", "almost", "over" outside the span unless
                    // the expression counts back ("about two years ago").
                    // "around Wednesday's ruling": before a possessive the word is a preposition.
                    let left_out = (!ago
                        && matches!(self.w(i), "about" | "almost" | "over" | "just"))
                        || self.w(h.end) == "'s";
                    if fits && !left_out {
                        h.modifier = Some(md.clone());
                        consider(Some(h));
                    }
                }
            }
        }
        // "el lunes", "el 22 de julio": an article the language puts before dates belongs to them.
        if self.is(i, &self.lex.order.date_articles) {
            consider(self.core(i + 1));
        }
        // "the late 1970s", "the early summer": the article belongs to a decade or season.
        if self.w(i) == "the" {
            if let Some((1, md)) = self.lex.point_modifiers.longest(self.rest(i + 1)) {
                let j = self.skip_hyphen(i + 2);
                if self.w(j) != "the" {
                    if let Some(mut h) = self.core(j) {
                        let decade =
                            h.value.len() == 3 && h.value.bytes().all(|b| b.is_ascii_digit());
                        let season = self
                            .lex
                            .seasons
                            .contains_key(self.w(h.end.saturating_sub(1)));
                        if decade || season {
                            h.modifier = Some(md.clone());
                            consider(Some(h));
                        }
                    }
                }
            }
        }
        // "earlier this year", "later yesterday", "Earlier Sunday": the adverb is part of the span.
        if matches!(self.w(i), "earlier" | "later") {
            let next = self.w(i + 1);
            // Not "earlier this week" or "earlier Sunday", which TimeML leaves out.
            let anchored = matches!(next, "today" | "yesterday" | "tonight" | "tomorrow")
                || (matches!(next, "this" | "that") && self.w(i + 2) != "week");
            if anchored {
                if let Some(h) = self.core(i + 1).filter(|h| h.kind != TimexType::Duration) {
                    consider(Some(h));
                }
            }
        }
        // "the year-earlier nine months": the span of the comparison period, a duration.
        if self.w(i) == "the"
            && self.w(i + 1) == "year"
            && self.skip_hyphen(i + 2) == i + 3
            && matches!(self.w(i + 3), "earlier" | "ago")
        {
            if let Some(h) = self.quantity(i + 4) {
                if h.kind == TimexType::Duration {
                    consider(Some(h));
                }
            }
        }
        // "the next year or so": the hedge belongs to the span.
        if let Some(h) = best.as_mut() {
            if self.w(h.end) == "or" && self.w(h.end + 1) == "so" {
                h.end += 2;
            }
        }
        best
    }

    /// "the week of March 6": the ISO week holding that day.
    fn week_of(&self, i: usize) -> Option<Hit> {
        if self.w(i) != "the" || self.w(i + 1) != "week" || self.w(i + 2) != "of" {
            return None;
        }
        let h = self.month_date(i + 3)?;
        let date: PartialDate = h.value.parse().ok()?;
        let (Some(m), Some(d)) = (date.month, date.day) else {
            return None;
        };
        let days = chronicle_model::date::days_from_civil(date.year, m, d);
        hit(h.end, TimexType::Date, fmt_week(days))
    }

    /// "for the year", "the first nine months of the year": in news, the current year.
    /// Not "the year ended June 30" (a span), "the year-earlier quarter", "the year that…".
    fn the_year(&self, i: usize) -> Option<Hit> {
        if self.w(i) != "the" || self.w(i + 1) != "year" || i == 0 {
            return None;
        }
        let governed = self
            .lex
            .period_prepositions
            .iter()
            .any(|p| p == self.w(i - 1));
        let after = self.w(i + 2);
        // "a high for the year of $42": before an amount, "of" belongs to the noun before.
        let amount_follows = after == "of"
            && (self.kind(i + 3) == Some(TokKind::Number)
                || matches!(self.w(i + 3), "$" | "£" | "€" | "#"));
        let defined_after = self.lex.period_definers.iter().any(|d| d == after) && !amount_follows;
        if !governed || defined_after {
            return None;
        }
        hit(
            i + 2,
            TimexType::Date,
            relative(&self.anchor, CalUnit::Year, 0),
        )
    }

    /// "the year", "the month" after a point modifier: the unit holding the anchor.
    fn the_unit(&self, i: usize) -> Option<Hit> {
        if !self.article(i) {
            return None;
        }
        let unit = CalUnit::from_code(self.lex.units.get(self.w(i + 1))?)?;
        hit(i + 2, TimexType::Date, relative(&self.anchor, unit, 0))
    }

    /// A unit with no article after a point modifier, where the language allows it
    /// ("a finales de año"): the unit holding the anchor.
    fn bare_unit(&self, i: usize) -> Option<Hit> {
        if !self.lex.order.bare_unit_after_modifier {
            return None;
        }
        let unit = CalUnit::from_code(self.lex.units.get(self.w(i))?)?;
        hit(i + 1, TimexType::Date, relative(&self.anchor, unit, 0))
    }

    /// "la semana pasada", "el lunes pasado", "el mes que viene": a relative word after
    /// the unit, in languages that put it there.
    fn relative_after(&self, i: usize) -> Option<Hit> {
        if self.lex.relative_after.is_empty() {
            return None;
        }
        let unit_code = self
            .lex
            .units
            .get(self.w(i))
            .filter(|_| !self.lex.parts_of_day.contains_key(self.w(i)));
        if let Some(code) = unit_code {
            let (len, &rel) = self.lex.relative_after.longest(self.rest(i + 1))?;
            let unit = CalUnit::from_code(code)?;
            return hit(
                i + 1 + len,
                TimexType::Date,
                relative(&self.anchor, unit, rel),
            );
        }
        if let Some((wd, j)) = self.weekday_name(i) {
            let (len, &rel) = self.lex.relative_after.longest(self.rest(j))?;
            let value = weekday_value(&self.anchor, wd, self.tense(i), Some(rel));
            return self.with_part_of_day(j + len, value);
        }
        if let Some(season) = self.lex.seasons.get(self.w(i)) {
            let (len, &rel) = self.lex.relative_after.longest(self.rest(i + 1))?;
            let y = year_of_season(&self.anchor, season, rel, false);
            let y = y.map_or("XXXX".to_string(), fmt_year);
            return hit(i + 1 + len, TimexType::Date, format!("{y}-{season}"));
        }
        let (m, j) = self.month_name(i)?;
        let (len, &rel) = self.lex.relative_after.longest(self.rest(j))?;
        let y = year_of_month_day(&self.anchor, m, None, self.tense(i), Some(rel));
        hit(j + len, TimexType::Date, fmt_ym(y, m))
    }

    fn core(&self, i: usize) -> Option<Hit> {
        let rules: [fn(&Self, usize) -> Option<Hit>; 25] = [
            Self::fixed,
            Self::that_unit,
            Self::report_period,
            Self::numeric_date,
            Self::month_date,
            Self::weekday,
            Self::day_word,
            Self::relative_unit,
            Self::quantity,
            Self::year,
            Self::century,
            Self::decade_after_opener,
            Self::century_noun_first,
            Self::quarter,
            Self::season,
            Self::time,
            Self::set,
            Self::holiday,
            Self::the_number_units,
            Self::the_year,
            Self::week_of,
            Self::part_of_day,
            Self::nth_day_today,
            Self::ago_before,
            Self::relative_after,
        ];
        let mut best: Option<Hit> = None;
        for rule in rules {
            if let Some(h) = rule(self, i) {
                if best.as_ref().is_none_or(|b| h.end > b.end) {
                    best = Some(h);
                }
            }
        }
        best
    }

    fn fixed(&self, i: usize) -> Option<Hit> {
        let (n, e) = self.lex.fixed.longest(self.rest(i))?;
        // "the past three summers": "the past" heads a span the rules do not know.
        if self.w((i + n).saturating_sub(1)) == "past" && self.cardinal(i + n).is_some() {
            return None;
        }
        // "the day before authorities issued a warrant": a preposition, not a date.
        if matches!(self.w((i + n).saturating_sub(1)), "before" | "after")
            && self.kind(i + n) == Some(TokKind::Word)
        {
            return None;
        }
        // "Now, he says, ...", "Currently, ...": opening the sentence and set off by a comma,
        // a present-reference adverb frames the whole clause (for "now", a discourse marker
        // turning to a new point) rather than dating an event; TimeBank leaves these out.
        let opens_sentence = self.toks[..i].iter().all(|t| t.kind == TokKind::Punct);
        if n == 1 && e.value == "PRESENT_REF" && opens_sentence && self.w(i + 1) == "," {
            return None;
        }
        // "the future of our peoples", "the past of the party": a noun with its owner,
        // someone's prospects or history rather than a time.
        let ends_in_noun = matches!(self.w((i + n).saturating_sub(1)), "future" | "past");
        if ends_in_noun && self.w(i + n) == "of" {
            return None;
        }
        // "rise 8% annually", "10,000 units a year": a frequency after an amount is a rate.
        if e.kind == "SET" && n == 1 && (self.after_amount(i) || self.after_counted_noun(i)) {
            return None;
        }
        let kind = match e.kind.as_str() {
            "DATE" => TimexType::Date,
            "TIME" => TimexType::Time,
            "DURATION" => TimexType::Duration,
            _ => TimexType::Set,
        };
        let value = match e.value.strip_prefix('@') {
            None => e.value.clone(),
            Some(special) => self.special_value(special, i)?,
        };
        Some(Hit {
            end: i + n,
            kind,
            value,
            modifier: e.modifier.clone(),
        })
    }

    /// Values named in the data file by `@NAME` that depend on the anchor.
    fn special_value(&self, name: &str, at: usize) -> Option<String> {
        let a = &self.anchor;
        Some(match name {
            "TODAY" => relative(a, CalUnit::Day, 0),
            "THIS_YEAR" => relative(a, CalUnit::Year, 0),
            "LAST_QUARTER" => relative(a, CalUnit::Quarter, -1),
            "YEAR_EARLIER" => {
                // Financial reports compare with the same quarter a year before.
                if self.quarterly && a.month.is_some() {
                    relative(a, CalUnit::Quarter, -5)
                } else {
                    relative(a, CalUnit::Year, -1)
                }
            }
            "WEEKEND" | "LAST_WEEKEND" | "NEXT_WEEKEND" => {
                // Told in the past on a weekday, "the weekend" is the one just gone.
                let weekday = a.days().map(weekday_from_days);
                let shift = match name {
                    "LAST_WEEKEND" => -1,
                    "NEXT_WEEKEND" => 1,
                    _ if self.tense(at) == Tense::Past && weekday.is_some_and(|d| d <= 5) => -1,
                    _ => 0,
                };
                format!("{}-WE", relative(a, CalUnit::Week, shift))
            }
            _ => {
                // "@UNIT+n" / "@UNIT-n" count from the last date named, "@NOW_UNIT+n" from the document's.
                let (from_now, name) = match name.strip_prefix("NOW_") {
                    Some(rest) => (true, rest),
                    None => (false, name),
                };
                let pos = name.find(['+', '-'])?;
                let n: i64 = name[pos..].trim_start_matches('+').parse().ok()?;
                let unit = match &name[..pos] {
                    "DAY" => CalUnit::Day,
                    "WEEK" => CalUnit::Week,
                    "MONTH" => CalUnit::Month,
                    "QUARTER" => CalUnit::Quarter,
                    "YEAR" => CalUnit::Year,
                    _ => return None,
                };
                let from = if from_now {
                    &self.anchor
                } else {
                    self.narrative_anchor(unit)
                };
                relative(from, unit, n)
            }
        })
    }

    /// The last date named when it is fine enough for `unit`, else the document date.
    fn narrative_anchor(&self, unit: CalUnit) -> &Anchor {
        let r = &self.reference;
        let fine_enough = match unit {
            CalUnit::Day | CalUnit::Week => r.day.is_some(),
            CalUnit::Month | CalUnit::Quarter => r.month.is_some(),
            _ => r.year.is_some(),
        };
        if fine_enough {
            r
        } else {
            &self.anchor
        }
    }

    /// "that year", "that day": the unit of the last date named.
    fn that_unit(&self, i: usize) -> Option<Hit> {
        if self.w(i) != "that" {
            return None;
        }
        let unit = match self.w(i + 1) {
            "year" => CalUnit::Year,
            "month" => CalUnit::Month,
            // "trades made that day" is generic; "earlier that day", "on that day" name it.
            "day" if i > 0 && matches!(self.w(i - 1), "earlier" | "later" | "on" | "until") => {
                CalUnit::Day
            }
            _ => return None,
        };
        hit(
            i + 2,
            TimexType::Date,
            relative(self.narrative_anchor(unit), unit, 0),
        )
    }

    /// "2021-07-27", "07/27/2021", "24/01/2017", "27.07.2021".
    fn numeric_date(&self, i: usize) -> Option<Hit> {
        if self.kind(i) != Some(TokKind::Number) {
            return None;
        }
        let w = self.w(i);
        let sep = w.bytes().find(|b| matches!(b, b'-' | b'/' | b'.'))?;
        let parts: Vec<&str> = w.split(sep as char).collect();
        if parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let num = |p: &str| p.parse::<i32>().ok();
        let (y, m, d) = match (sep, parts.as_slice()) {
            (b'-' | b'/', [y, m, d]) if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
                (num(y)?, num(m)?, num(d)?)
            }
            (b'/', [a, b, y]) if a.len() <= 2 && b.len() <= 2 && (y.len() == 4 || y.len() == 2) => {
                let (a, b) = (num(a)?, num(b)?);
                let mut y = num(y)?;
                if y < 100 {
                    y += if y < 50 { 2000 } else { 1900 };
                }
                if a > 12 {
                    (y, b, a)
                } else {
                    (y, a, b)
                }
            }
            (b'.', [d, m, y]) if d.len() <= 2 && m.len() <= 2 && y.len() == 4 => {
                (num(y)?, num(m)?, num(d)?)
            }
            (b'-', [y, m]) if y.len() == 4 && m.len() == 2 => {
                let (y, m) = (num(y)?, num(m)?);
                if !(1..=12).contains(&m) || !(1800..=2199).contains(&y) {
                    return None;
                }
                return hit(i + 1, TimexType::Date, fmt_ym(Some(y), m as u8));
            }
            _ => return None,
        };
        if !(1000..=2199).contains(&y) {
            return None;
        }
        let date = PartialDate::ymd(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)?;
        hit(i + 1, TimexType::Date, date.to_string())
    }

    /// Dates with a month name: "June 11th", "Dec. 12, 2021", "11 June 2021", "June 2021", "June".
    fn month_date(&self, i: usize) -> Option<Hit> {
        let mut start = i;
        // An optional leading weekday: "Tuesday, June 11".
        if let Some((_, j)) = self.weekday_name(i) {
            start = if self.w(j) == "," { j + 1 } else { j };
            if self.month_name(start).is_none() && self.day_of_month(start).is_none() {
                return None;
            }
        }
        let i = start;
        let year_after = |j: usize| -> Option<(i32, usize)> {
            self.year4(self.past_word(j, &self.lex.order.year_links))
        };
        // Month first.
        if let Some((m, j)) = self.month_name(i) {
            if let Some((d, k)) = self.day_of_month(j) {
                {
                    if let Some((y, l)) = year_after(k) {
                        if PartialDate::ymd(y, m, d).is_some() {
                            return hit(l, TimexType::Date, fmt_ymd(Some(y), m, d));
                        }
                    }
                    let y = year_of_month_day(&self.anchor, m, Some(d), self.tense(i), None);
                    return hit(k, TimexType::Date, fmt_ymd(y, m, d));
                }
            }
            let k = if self.is(j, &self.lex.order.year_links) {
                j + 1
            } else {
                self.past_word(j, &self.lex.order.of_words)
            };
            if let Some((y, l)) = self.year4(k) {
                return hit(l, TimexType::Date, fmt_ym(Some(y), m));
            }
            // "June last year", "January this year".
            if let (Some(&rel), "year") = (self.lex.relative_words.get(self.w(j)), self.w(j + 1)) {
                let y = self.anchor.year.map(|y| y + rel as i32);
                return hit(j + 2, TimexType::Date, fmt_ym(y, m));
            }
            if self.month_alone_ok(i) {
                let y = year_of_month_day(&self.anchor, m, None, self.tense(i), None);
                return hit(j, TimexType::Date, fmt_ym(y, m));
            }
            return None;
        }
        // Day first: "11 June 2021", "the 11th of June".
        let (d, j) = if self.definite(i) {
            let (d, j) = self.day_of_month(i + 1)?;
            // "the 11th" needs an ordinal, not a bare number.
            if self.kind(i + 1) == Some(TokKind::Number) && j == i + 2 {
                return None;
            }
            (d, j)
        } else {
            self.day_of_month(i)?
        };
        let j = self.past_word(j, &self.lex.order.of_words);
        let (m, k) = self.month_name(j)?;
        if let Some((y, l)) = year_after(k) {
            if PartialDate::ymd(y, m, d).is_some() {
                return hit(l, TimexType::Date, fmt_ymd(Some(y), m, d));
            }
        }
        let y = year_of_month_day(&self.anchor, m, Some(d), self.tense(i), None);
        hit(k, TimexType::Date, fmt_ymd(y, m, d))
    }

    /// Whether a month name standing alone is a date ("in May") rather than a verb or name.
    fn month_alone_ok(&self, i: usize) -> bool {
        let w = self.w(i);
        let abbreviated = w.len() <= 4 && !self.is(i, &self.lex.order.short_full_names);
        if abbreviated {
            return false;
        }
        if !self.lex.ambiguous_months.iter().any(|a| a == w) {
            return true;
        }
        i > 0 && {
            let prev = self.w(i - 1);
            self.lex.year_prepositions.iter().any(|p| p == prev)
                || self.lex.relative_words.contains_key(prev)
        }
    }

    /// "Friday", "Friday morning", "Tuesdays".
    fn weekday(&self, i: usize) -> Option<Hit> {
        // "los lunes": a plural article makes the day recur.
        if self.is(i, &self.lex.order.set_articles) {
            if let Some((wd, j)) = self.weekday_name(i + 1) {
                return hit(j, TimexType::Set, format!("XXXX-WXX-{wd}"));
            }
        }
        if let Some(&wd) = self.lex.weekday_plurals.get(self.w(i)) {
            if self.lex.order.names_capitalised && !self.capital(i) {
                return None;
            }
            let part = self
                .lex
                .parts_of_day
                .get(self.w(i + 1).trim_end_matches('s'));
            return match part {
                Some(p) => hit(i + 2, TimexType::Set, format!("XXXX-WXX-{wd}T{p}")),
                None => hit(i + 1, TimexType::Set, format!("XXXX-WXX-{wd}")),
            };
        }
        let (wd, j) = self.weekday_name(i)?;
        // "Tuesday nights", "Sunday mornings": a plural part of the day makes it recur.
        let plural_part = self.w(j).strip_suffix('s');
        if let Some(p) = plural_part.and_then(|w| self.lex.parts_of_day.get(w)) {
            return hit(j + 1, TimexType::Set, format!("XXXX-WXX-{wd}T{p}"));
        }
        let tense = self.deadline_tense(i, self.tense(i));
        let value = weekday_value(&self.anchor, wd, tense, None);
        self.with_part_of_day(j, value)
    }

    /// A day that ends a span given from now ("until Tuesday", "postponed until Tuesday")
    /// lies ahead unless the sentence tells of a span already over ("until Tuesday, they had…").
    fn deadline_tense(&self, start: usize, tense: Tense) -> Tense {
        let before = |n: usize| start.checked_sub(n).map_or("", |k| self.w(k));
        if !matches!(before(1), "until" | "till") {
            return tense;
        }
        // "postponed until", "gave the parties until", "extended its deadline until".
        let deferred = (2..=5).any(|n| self.lex.deferral_verbs.iter().any(|v| v == before(n)));
        if tense != Tense::Past || deferred {
            Tense::Future
        } else {
            tense
        }
    }

    /// A day value followed perhaps by "morning", "night" (TimeBank types "Friday night" a DATE).
    fn with_part_of_day(&self, j: usize, day: String) -> Option<Hit> {
        let k = self.after_link(j, &self.lex.part_of_day_links);
        if let Some(p) = self.lex.parts_of_day.get(self.w(k)) {
            return hit(k + 1, TimexType::Date, format!("{day}T{p}"));
        }
        hit(j, TimexType::Date, day)
    }

    /// "in the morning", "by mid afternoon", "mid-afternoon yesterday": a part of a day
    /// named without a weekday. The day is the one named after it, else, told in the past,
    /// the day the story last named, else the document's day. Bare "morning" is left alone
    /// ("morning papers"), as is "the night of Oct. 23", which the date after it anchors.
    fn part_of_day(&self, i: usize) -> Option<Hit> {
        let mid = self.w(i) == "mid";
        let the = !mid && self.article(i);
        let j = if mid {
            self.skip_hyphen(i + 1)
        } else if the {
            if i == 0 || !self.is(i - 1, &self.lex.order.part_of_day_prepositions) {
                return None;
            }
            i + 1
        } else {
            return None;
        };
        let part = self.lex.parts_of_day.get(self.w(j))?;
        if self.is(j + 1, &self.lex.order.of_words) {
            return None;
        }
        let k = j + 1;
        let (day, end) = match self.lex.day_words.get(self.w(k)) {
            Some(&shift) => (relative(&self.anchor, CalUnit::Day, shift), k + 1),
            None if self.tense(i) == Tense::Past => (
                relative(self.narrative_anchor(CalUnit::Day), CalUnit::Day, 0),
                k,
            ),
            None => (relative(&self.anchor, CalUnit::Day, 0), k),
        };
        hit(end, TimexType::Time, format!("{day}T{part}"))
    }

    /// "today is the eighth day of the strike", "it's the second day of an offensive":
    /// the day counted is the one the copula identifies, today.
    fn nth_day_today(&self, i: usize) -> Option<Hit> {
        let j = if self.w(i) == "the" { i + 1 } else { i };
        let (_, k) = self.ordinal(j)?;
        if self.w(k) != "day" || self.w(k + 1) != "of" || i < 2 {
            return None;
        }
        let subject_is_now = matches!(self.w(i - 1), "is" | "'s")
            && matches!(self.w(i - 2), "today" | "it" | "this");
        subject_is_now.then(|| Hit {
            end: k + 1,
            kind: TimexType::Date,
            value: relative(&self.anchor, CalUnit::Day, 0),
            modifier: None,
        })
    }

    /// "today", "yesterday afternoon", "tonight".
    fn day_word(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let &shift = self.lex.day_words.get(w)?;
        // "la mañana" is the morning; "mañana" alone is tomorrow.
        if i > 0 && self.article(i - 1) && self.lex.parts_of_day.contains_key(w) {
            return None;
        }
        // "USA Today", "This is VOA Today": capitalised after a capitalised word inside a
        // sentence, the word ends a name (a paper, a programme), as "This Week" does.
        let in_name = i > 0
            && self.capital(i)
            && self.capital(i - 1)
            && self.kind(i - 1) == Some(TokKind::Word)
            && self.toks[..i - 1].iter().any(|t| t.kind == TokKind::Word);
        if in_name {
            return None;
        }
        let day = relative(&self.anchor, CalUnit::Day, shift);
        if let Some(p) = self.lex.day_words_with_part.get(w) {
            return hit(i + 1, TimexType::Time, format!("{day}T{p}"));
        }
        self.with_part_of_day(i + 1, day)
    }

    /// "last week", "this month", "next Friday", "last night", "the past two months".
    fn relative_unit(&self, i: usize) -> Option<Hit> {
        let has_the = self.definite(i);
        let r = if has_the { i + 1 } else { i };
        let mut rel_word = self.w(r);
        let mut rel = *self.lex.relative_words.get(rel_word)?;
        let mut j = r + 1;
        // "this past spring", "this coming Sunday".
        let this_past_or_coming = rel_word == "this" && matches!(self.w(j), "past" | "coming");
        if this_past_or_coming {
            rel_word = self.w(j);
            rel = if rel_word == "past" { -1 } else { 1 };
            j += 1;
        }
        // "the past two months", "the next few days": durations.
        if self.lex.order.span_openers.iter().any(|w| w == rel_word) {
            let quantity = self
                .cardinal(j)
                .map(|(n, k)| match self.range_end(k) {
                    Some(after) => (None, after),
                    None => (Some(n), k),
                })
                .or_else(|| {
                    // "the next couple of years" is two years, as "a couple of years" is.
                    self.lex
                        .vague_quantities
                        .longest(self.rest(j))
                        .map(|(n, _)| {
                            let couple = self.rest(j).iter().take(n).any(|w| *w == "couple");
                            (couple.then_some(2), j + n)
                        })
                });
            if let Some((n, k)) = quantity {
                let k = if self.lex.unit_qualifiers.iter().any(|q| q == self.w(k)) {
                    k + 1
                } else {
                    k
                };
                if let Some(unit) = self.lex.units.get(self.w(k)) {
                    return hit(k + 1, TimexType::Duration, duration_value(unit, n)?);
                }
            }
        }
        if has_the && rel == 0 && rel_word != "current" {
            return None;
        }
        // "the current fiscal year", "last fiscal year".
        if self.lex.fiscal_words.iter().any(|f| f == self.w(j))
            && matches!(self.w(j + 1), "year" | "quarter")
        {
            j += 1;
        }
        // Units: "last year", "this week"; with "the" and past/next: a duration ("the past year").
        // "night" counts nights ("three nights") but "last night" is a part of a day: below.
        let unit_code = self
            .lex
            .units
            .get(self.w(j))
            .filter(|_| !self.lex.parts_of_day.contains_key(self.w(j)));
        if let Some(code) = unit_code {
            // "This Week" with a capital unit is a title (a programme, a column).
            if self.capital(j) && self.capital(r) {
                return None;
            }
            if self.plural_unit(j) && code != "S" {
                return None;
            }
            if has_the && rel != 0 {
                // "over the past year", "in the last decade": with the article and no count,
                // the phrase names the calendar unit next to the anchor, as "last year" does.
                // "the last day of the month" or "the past day" stay out: an ordinal, a span.
                let unit = CalUnit::from_code(code).filter(|u| *u != CalUnit::Day);
                return match unit {
                    Some(unit) if self.w(j + 1) != "of" => {
                        hit(j + 1, TimexType::Date, relative(&self.anchor, unit, rel))
                    }
                    Some(_) => None,
                    None => hit(j + 1, TimexType::Duration, duration_value(code, Some(1))?),
                };
            }
            if let Some(unit) = CalUnit::from_code(code) {
                return hit(j + 1, TimexType::Date, relative(&self.anchor, unit, rel));
            }
            return None;
        }
        // "the previous Friday", "the next morning" keep their article; "the last June" does not occur.
        if has_the && !matches!(rel_word, "previous" | "following" | "next") {
            return None;
        }
        if let Some((wd, k)) = self.weekday_name(j) {
            // "the previous Friday" counts from the day last named, "last Friday" from today.
            let from = if has_the {
                self.narrative_anchor(CalUnit::Day)
            } else {
                &self.anchor
            };
            let value = weekday_value(from, wd, self.tense(i), Some(rel));
            return self.with_part_of_day(k, value);
        }
        // "el pasado 12 de marzo": a day-first date, in the year the relative word points to.
        if let Some((d, k)) = self.day_of_month(j) {
            let k = self.past_word(k, &self.lex.order.of_words);
            if let Some((m, l)) = self.month_name(k) {
                let y = year_of_month_day(&self.anchor, m, Some(d), self.tense(i), Some(rel));
                return hit(l, TimexType::Date, fmt_ymd(y, m, d));
            }
        }
        if let Some((m, k)) = self.month_name(j) {
            // "last Oct. 23": the date, in the year the relative word points to.
            if let Some((d, l)) = self.day_of_month(k) {
                let y = year_of_month_day(&self.anchor, m, Some(d), self.tense(i), Some(rel));
                return hit(l, TimexType::Date, fmt_ymd(y, m, d));
            }
            let y = year_of_month_day(&self.anchor, m, None, self.tense(i), Some(rel));
            return hit(k, TimexType::Date, fmt_ym(y, m));
        }
        if let Some(season) = self.lex.seasons.get(self.w(j)) {
            let y = year_of_season(&self.anchor, season, rel, this_past_or_coming);
            let y = y.map_or("XXXX".to_string(), fmt_year);
            return hit(j + 1, TimexType::Date, format!("{y}-{season}"));
        }
        if let Some(p) = self.lex.parts_of_day.get(self.w(j)) {
            // "last night" is the night before; "this morning" today; "the next morning"
            // follows the day last named.
            let shift = if rel < 0 { -1 } else { rel };
            let from = if has_the {
                self.narrative_anchor(CalUnit::Day)
            } else {
                &self.anchor
            };
            let day = relative(from, CalUnit::Day, shift);
            return hit(j + 1, TimexType::Time, format!("{day}T{p}"));
        }
        None
    }

    /// "two weeks", "a year", "several months", "five-year", "three days ago".
    fn quantity(&self, i: usize) -> Option<Hit> {
        let Some(c) = self.counted(i) else {
            return self.bare_plural(i);
        };
        let Counted {
            n,
            unit,
            end,
            value,
        } = c;
        // "three weeks ago", "a year earlier".
        // "three days later" counts from a narrated event, not from now: TimeML tags the span alone.
        let ago = self
            .lex
            .ago_words
            .longest(self.rest(end))
            .filter(|_| self.w(end) != "later");
        if let Some((len, &dir)) = ago {
            return hit(
                end + len,
                TimexType::Date,
                self.counted_from_now(n, unit, dir),
            );
        }
        // "once a day" is a frequency.
        if n == Some(1) && i > 0 && matches!(self.w(i - 1), "once" | "twice" | "times") {
            return hit(end, TimexType::Set, value);
        }
        hit(end, TimexType::Duration, value)
    }

    /// "hace dos semanas", "dentro de tres días": a count placed from now by the word before it.
    fn ago_before(&self, i: usize) -> Option<Hit> {
        if self.lex.ago_before.is_empty() {
            return None;
        }
        let (len, &dir) = self.lex.ago_before.longest(self.rest(i))?;
        let c = self.counted(i + len)?;
        hit(
            c.end,
            TimexType::Date,
            self.counted_from_now(c.n, c.unit, dir),
        )
    }

    /// The time `n` units (`dir` = -1: before, 1: after) from the document's date.
    fn counted_from_now(&self, n: Option<i64>, unit: &str, dir: i64) -> String {
        match (n, CalUnit::from_code(unit)) {
            (Some(n), Some(cu)) => relative(&self.anchor, cu, dir * n),
            _ if dir < 0 => "PAST_REF".to_string(),
            _ => "FUTURE_REF".to_string(),
        }
    }

    /// A count of units ("two weeks", "a year and a half"), its span and its duration value.
    fn counted(&self, i: usize) -> Option<Counted> {
        let vague = self.lex.vague_quantities.longest(self.rest(i));
        let (n, j) = if let Some((len, _)) = vague.filter(|(len, _)| *len > 1) {
            // "a couple of years" is two years; "a few days" stays vague.
            let couple = self.rest(i).iter().take(len).any(|w| *w == "couple");
            (couple.then_some(2), i + len)
        } else if self.is(i, &self.lex.order.indefinite_articles) {
            (Some(1), i + 1)
        } else if let Some((n, j)) = self.cardinal(i) {
            if i > 0 && matches!(self.w(i - 1), "$" | "£" | "€" | "#") {
                return None;
            }
            // "two to three weeks", "12 to 18 months": a range, so a vague count.
            match self.range_end(j) {
                Some(after) => (None, after),
                None => (Some(n), j),
            }
        } else if let Some((len, _)) = self.lex.vague_quantities.longest(self.rest(i)) {
            (None, i + len)
        } else {
            return None;
        };
        // "2 1/2 years": a half more.
        let (j, plus_half) = if n.is_some() && self.w(j) == "1/2" {
            (j + 1, true)
        } else {
            (j, false)
        };
        let mut k = self.skip_hyphen(j);
        if self.lex.unit_qualifiers.iter().any(|q| q == self.w(k)) {
            k = self.skip_hyphen(k + 1);
        }
        let unit_word = self.w(k);
        let unit = self.lex.units.get(unit_word)?.as_str();
        // "60 Minutes" with a capital unit is a title.
        if self.capital(k) {
            return None;
        }
        // "a second group" is an ordinal; "in a second" a duration.
        if unit_word == "second"
            && n == Some(1)
            && self.kind(k + 1) == Some(TokKind::Word)
            && self.lex.ago_words.longest(self.rest(k + 1)).is_none()
        {
            return None;
        }
        // "the 1988 quarter": a year, not 1988 quarters.
        if self.year4(i).is_some() && !unit_word.ends_with('s') {
            return None;
        }
        // "a second" / "a minute" are often not durations; "one" plus plural is no unit.
        if n == Some(1) && self.plural_unit(k) && unit_word != "hours" {
            return None;
        }
        let mut end = k + 1;
        // "a year-earlier loss": the compound is the expression, not "a year".
        if self.w(end) == "-"
            && self.glued(end)
            && matches!(self.w(end + 1), "earlier" | "ago" | "before" | "end")
        {
            return None;
        }
        // "three-quarters of its food" is a fraction.
        if unit == "Q" && n.is_some() && self.w(end) == "of" && self.year4(end + 1).is_none() {
            return None;
        }
        // "a year or two": the alternative widens the span, the count turns vague.
        let mut n = n;
        if self.w(end) == "or" && self.cardinal(end + 1).is_some_and(|(_, l)| l == end + 2) {
            n = None;
            end += 2;
        }
        // "a week or so".
        if self.w(end) == "or" && self.w(end + 1) == "so" {
            end += 2;
        }
        // "a 6-year-old boy", "52 years old" are ages.
        if (self.w(end) == "-" && self.w(end + 1) == "old") || self.w(end) == "old" {
            return None;
        }
        // "$1.76 a year", "20% a year", "four flights a week" are rates, not spans.
        if n == Some(1)
            && (self.after_amount(i)
                || (self.after_counted_noun(i) && self.is(i, &self.lex.order.indefinite_articles)))
        {
            return None;
        }
        let mut value = duration_value(unit, n)?;
        if plus_half {
            value = self.half_of(unit, n)?;
        }
        // "a year and a half".
        if let Some((len, _)) = self.lex.half_phrases.longest(self.rest(end)) {
            if let Some(half) = self.half_of(unit, n) {
                value = half;
                end += len;
            }
        }
        Some(Counted {
            n,
            unit,
            end,
            value,
        })
    }

    /// Whether an amount ends just before token `i` ("20%", "$4 million", "12"): a unit
    /// of time after it makes a rate ("20% a year", "20% annually").
    fn after_amount(&self, i: usize) -> bool {
        i > 0
            && (self.kind(i - 1) == Some(TokKind::Number)
                || matches!(
                    self.w(i - 1),
                    "%" | "percent" | "million" | "billion" | "cents" | "dollars"
                ))
    }

    /// Whether a counted noun ends just before token `i` ("four flights", "10,000 units").
    fn after_counted_noun(&self, i: usize) -> bool {
        i >= 2
            && self.w(i - 1).ends_with('s')
            && !matches!(self.w(i - 1), "times" | "was" | "is" | "has")
            && (self.kind(i - 2) == Some(TokKind::Number)
                || self.lex.numbers.contains_key(self.w(i - 2)))
    }

    /// After a cardinal ending at `j`: the token after "to"/"or" and a second cardinal.
    fn range_end(&self, j: usize) -> Option<usize> {
        if !self.is(j, &self.lex.order.range_words) {
            return None;
        }
        let (_, after) = self.cardinal(j + 1)?;
        self.lex
            .units
            .contains_key(self.w(self.skip_hyphen(after)))
            .then_some(after)
    }

    fn half_of(&self, unit: &str, n: Option<i64>) -> Option<String> {
        let n = n?;
        Some(match unit {
            "Y" => format!("P{n}Y6M"),
            "M" => format!("P{n}M15D"),
            "D" => format!("P{n}DT12H"),
            "H" => format!("PT{n}H30M"),
            "MIN" => format!("PT{n}M30S"),
            _ => return None,
        })
    }

    /// "years", "months" after a word that makes them a span of time ("for years").
    fn bare_plural(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if !self.lex.bare_plural_units.iter().any(|u| u == w) || i == 0 {
            return None;
        }
        let prev = self.w(i - 1);
        if !self.lex.bare_plural_triggers.iter().any(|t| t == prev) {
            return None;
        }
        let unit = self.lex.units.get(w)?;
        hit(i + 1, TimexType::Duration, duration_value(unit, None)?)
    }

    /// "2021", "fiscal 1989", "the 1990s", "'90s", "the year 2000".
    fn year(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        let fiscal = self.lex.fiscal_words.iter().any(|f| f == self.w(i));
        if fiscal {
            j += 1;
            // "fiscal '90", "fiscal 90".
            if self.w(j) == "'" {
                j += 1;
            }
            if let Some(d) = self.digits(j).filter(|d| d.len() == 2) {
                let y: i32 = d.parse().ok()?;
                return hit(
                    j + 1,
                    TimexType::Date,
                    fmt_year(if y < 50 { 2000 + y } else { 1900 + y }),
                );
            }
        }
        if self.w(j) == "the" && self.w(j + 1) == "year" {
            if let Some((y, k)) = self.year4(j + 2) {
                return hit(k, TimexType::Date, fmt_year(y));
            }
            if let Some((y, k)) = self.cardinal(j + 2) {
                if (1000..=2199).contains(&y) {
                    return hit(k, TimexType::Date, y.to_string());
                }
            }
        }
        // Decades: "the 1990s", "the '90s", "the nineties".
        let t = if self.w(j) == "the" { j + 1 } else { j };
        if let Some(&d) = self.lex.decade_words.get(self.w(t)) {
            if t > j {
                return hit(
                    t + 1,
                    TimexType::Date,
                    decade_value(self.decade_in_words(d)),
                );
            }
        }
        if self.w(t) == "'" {
            if let Some(d) = self
                .digits(t + 1)
                .filter(|d| d.len() == 2 && d.ends_with('0'))
            {
                if self.w(t + 2) == "s" && self.glued(t + 2) {
                    let y: i32 = d.parse().ok()?;
                    let y = if y < 30 { 2000 + y } else { 1900 + y };
                    return hit(t + 3, TimexType::Date, decade_value(y / 10));
                }
            }
        }
        let (y, k) = self.year4(t)?;
        if matches!(self.w(k), "s" | "'s") && self.glued(k) && y % 10 == 0 {
            return hit(k + 1, TimexType::Date, decade_value(y / 10));
        }
        if t > j && !fiscal {
            // "the 1990" is no year expression.
            return None;
        }
        if !fiscal && !self.year_context_ok(t, k) {
            return None;
        }
        hit(k, TimexType::Date, fmt_year(y))
    }

    /// "the 20th century", "the twenty-first century", "il XXI secolo", "le XXIe siècle".
    fn century(&self, i: usize) -> Option<Hit> {
        let j = if self.article(i) { i + 1 } else { i };
        let (n, k) = self.ordinal(j).or_else(|| self.roman_ordinal(j))?;
        let k = self.skip_hyphen(k);
        let century_noun = self.lex.units.get(self.w(k)).is_some_and(|u| u == "CE");
        if !century_noun {
            return None;
        }
        century_hit(n, k + 1)
    }

    /// A capitalised Roman numeral, perhaps with an ordinal suffix ("XXI", "XXIe").
    fn roman_ordinal(&self, j: usize) -> Option<(i64, usize)> {
        if !self.capital(j) {
            return None;
        }
        let w = self.w(j);
        let suffixed = || {
            (self.lex.ordinal_suffixes.iter())
                .filter_map(|s| w.strip_suffix(s.as_str()))
                .find_map(roman_numeral)
        };
        roman_numeral(w).or_else(suffixed).map(|n| (n, j + 1))
    }

    /// A decade after one of the language's openers: "los años noventa",
    /// "los años 90", "la década de 1990", "la década de los noventa".
    fn decade_after_opener(&self, i: usize) -> Option<Hit> {
        let (len, _) = self.lex.decade_openers.longest(self.rest(i))?;
        let t = i + len;
        if let Some(&d) = self.lex.decade_words.get(self.w(t)) {
            return hit(
                t + 1,
                TimexType::Date,
                decade_value(self.decade_in_words(d)),
            );
        }
        let d = self.digits(t)?;
        let y: i32 = d.parse().ok()?;
        let decade = match d.len() {
            4 if y % 10 == 0 => y / 10,
            2 if y % 10 == 0 => (if y < 30 { 2000 + y } else { 1900 + y }) / 10,
            _ => return None,
        };
        hit(t + 1, TimexType::Date, decade_value(decade))
    }

    /// The decade "the nineties" names (`tens` 9): the latest one that has
    /// begun by the document's year (the 1990s in 2021, the 2020s in 2025);
    /// the 1900s' without a date.
    fn decade_in_words(&self, tens: i64) -> i32 {
        let tens = tens as i32;
        match self.anchor.year {
            Some(y) => {
                let decade = y.div_euclid(100) * 10 + tens;
                if decade * 10 > y {
                    decade - 10
                } else {
                    decade
                }
            }
            None => 190 + tens,
        }
    }

    /// A century noun before its number: "siglo XXI", "siglo 21", "siglo veintiuno".
    fn century_noun_first(&self, i: usize) -> Option<Hit> {
        if !self.is(i, &self.lex.order.century_nouns_first) {
            return None;
        }
        let (n, k) = match roman_numeral(self.w(i + 1)) {
            Some(n) => (n, i + 2),
            None => self.ordinal(i + 1).or_else(|| self.cardinal(i + 1))?,
        };
        century_hit(n, k)
    }

    /// "the third quarter", "third-quarter", "the first half of 2021", "Q3 2021", "this year's third quarter".
    fn quarter(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        let mut year: Option<i32> = None;
        // "this year's", "1989's".
        if let Some((y, k)) = self.year4(j) {
            if self.w(k) == "'s" {
                year = Some(y);
                j = k + 1;
            }
        } else if let (Some(&rel), "year", "'s") = (
            self.lex.relative_words.get(self.w(j)),
            self.w(j + 1),
            self.w(j + 2),
        ) {
            year = self.anchor.year.map(|y| y + rel as i32);
            j += 3;
        }
        if self.article(j) {
            j += 1;
        }
        // "the year-earlier third quarter": the same quarter a year before.
        let mut years_back = 0;
        if year.is_none()
            && self.w(j) == "year"
            && self.skip_hyphen(j + 1) == j + 2
            && matches!(self.w(j + 2), "earlier" | "ago" | "before")
        {
            years_back = 1;
            j += 3;
        }
        // "the 1988 second quarter".
        if year.is_none() {
            if let Some((y, k)) = self.year4(j) {
                if self.ordinal(k).is_some() {
                    year = Some(y);
                    j = k;
                }
            }
        }
        if self.w(j) == "fiscal" {
            j += 1;
        }
        // "Q3".
        let (n, per_year, mut k) = if self.w(j) == "q" && self.capital(j) && self.glued(j + 1) {
            let d = self.digits(j + 1)?;
            let n: i64 = d.parse().ok()?;
            (n, 4u8, j + 2)
        } else if matches!(self.w(j), "last" | "latter")
            && self.w(j + 1) == "half"
            && self.w(j + 2) == "of"
            && self.year4(j + 3).is_some()
        {
            // "the last half of 1989"; not "the last half of the game".
            (2, 2u8, j + 2)
        } else {
            let (n, k) = self.ordinal(j)?;
            let hyphenated = self.skip_hyphen(k) != k;
            // "the third-quarter loss": the article belongs to the noun, not to the date.
            if hyphenated && self.article(i) {
                return None;
            }
            let k = self.skip_hyphen(k);
            let k = if self.w(k) == "fiscal" { k + 1 } else { k };
            let per_year = *self.lex.order.year_parts.get(self.w(k))?;
            (n, per_year, k + 1)
        };
        if !(1..=i64::from(per_year)).contains(&n) {
            return None;
        }
        let n = n as u8;
        if year.is_none() {
            let l = if self.is(k, &self.lex.order.year_part_links) {
                k + 1
            } else {
                k
            };
            let l = if self.w(l) == "fiscal" { l + 1 } else { l };
            if let Some((y, m)) = self.year4(l) {
                year = Some(y);
                k = m;
            }
        }
        let year = year
            .or_else(|| year_of_quarter(&self.anchor, n, per_year, self.tense(i)))
            .map(|y| y.saturating_sub(years_back));
        let y = year.map_or("XXXX".to_string(), fmt_year);
        let letter = if per_year == 4 { 'Q' } else { 'H' };
        hit(k, TimexType::Date, format!("{y}-{letter}{n}"))
    }

    /// "summer 2021", "the summer of 1990", "in the spring".
    fn season(&self, i: usize) -> Option<Hit> {
        let j = if self.article(i) { i + 1 } else { i };
        let season = self.lex.seasons.get(self.w(j))?;
        let k = self.past_word(j + 1, &self.lex.order.of_words);
        if let Some((y, l)) = self.year4(k) {
            return hit(l, TimexType::Date, format!("{}-{season}", fmt_year(y)));
        }
        // A season alone needs a preposition or modifier before it ("in the spring",
        // "well into the summer"); otherwise it is a name or a verb ("spring into action").
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if !self.lex.season_openers.iter().any(|w| w == prev) {
            return None;
        }
        let y = self.anchor.year.map_or("XXXX".to_string(), fmt_year);
        hit(j + 1, TimexType::Date, format!("{y}-{season}"))
    }

    /// "10:30 a.m.", "3 p.m. Friday", "noon", "midnight".
    fn time(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        // "high noon" is an idiom (and a film).
        if i > 0 && self.w(i - 1) == "high" {
            return None;
        }
        let (mut hour, minute, mut k) = if let Some(t) = self.lex.times_of_day.get(w) {
            let (h, m) = t.split_once(':')?;
            (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?, i + 1)
        } else if self.kind(i) == Some(TokKind::Number) {
            if let Some((h, m)) = w.split_once(':') {
                if m.len() != 2 || m.contains(':') {
                    return None;
                }
                let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
                if h > 24 || m > 59 {
                    return None;
                }
                // Without a.m./p.m. a clock time needs nothing more; scores like "3:1" fail on two digits.
                (h, m, i + 1)
            } else if let Some(clock) = self.hour_mark(i) {
                return self.clock_hit(i, clock, self.day_reference(clock.2, i));
            } else if w.len() <= 2
                && (self.lex.time_suffixes.contains_key(self.w(i + 1))
                    || self.half_of_day(i + 1).is_some())
            {
                (w.parse::<u32>().ok()?, 0, i + 1)
            } else {
                return None;
            }
        } else {
            return None;
        };
        let suffix = match self.lex.time_suffixes.get(self.w(k)) {
            Some(sfx) => Some((sfx.as_str(), k + 1)),
            None => self.half_of_day(k),
        };
        if let Some((sfx, after)) = suffix {
            if hour == 0 || hour > 12 {
                return None;
            }
            if sfx == "PM" && hour < 12 {
                hour += 12;
            } else if sfx == "AM" && hour == 12 {
                hour = 0;
            }
            k = after;
        }
        if self.lex.time_zones.iter().any(|z| z == self.w(k)) {
            k += 1;
        }
        // A day after the time: "3 p.m. Friday", "midnight yesterday"; after a comma only
        // a calendar date ("5 p.m. EST, Nov. 6"), since "at noon, Monday's vote…" starts anew.
        let after_comma = self.w(k) == ",";
        let l = if matches!(self.w(k), "on" | ",") {
            k + 1
        } else {
            k
        };
        let day_named = if after_comma {
            self.month_date(l)
                .filter(|h| h.value.len() == 10)
                .map(|h| (h.value, h.end))
        } else {
            self.day_reference(l, i)
        };
        self.clock_hit(i, (hour, minute, k), day_named)
    }

    /// A clock time written with an hour mark, 24-hour style: "14h30", "8 h", "20 h 15".
    /// Returns (hour, minute, next token).
    fn hour_mark(&self, i: usize) -> Option<(u32, u32, usize)> {
        let w = self.w(i);
        if w.len() > 2 || !self.is(i + 1, &self.lex.order.clock_hour_marks) {
            return None;
        }
        let hour: u32 = w.parse().ok()?;
        let minute_after = self.kind(i + 2) == Some(TokKind::Number) && self.w(i + 2).len() == 2;
        let (minute, next) = if minute_after {
            (self.w(i + 2).parse().ok()?, i + 3)
        } else {
            (0, i + 2)
        };
        (hour <= 24 && minute <= 59).then_some((hour, minute, next))
    }

    /// The TIME of a clock reading at `i` ending before `k`, on the day named
    /// after it (`day_named`: value and end), else the day the story is at.
    fn clock_hit(
        &self,
        i: usize,
        (hour, minute, k): (u32, u32, usize),
        day_named: Option<(String, usize)>,
    ) -> Option<Hit> {
        let (day, end) = match day_named {
            Some(named) => named,
            // A clock time told in the past falls on the day the story last named.
            None if self.tense(i) == Tense::Past => (
                relative(self.narrative_anchor(CalUnit::Day), CalUnit::Day, 0),
                k,
            ),
            None => (relative(&self.anchor, CalUnit::Day, 0), k),
        };
        hit(end, TimexType::Time, format!("{day}T{hour:02}:{minute:02}"))
    }

    /// "in the morning" after a clock hour ("4 in the morning") works as "a.m.":
    /// the half of the day, and the token after the phrase.
    fn half_of_day(&self, k: usize) -> Option<(&'static str, usize)> {
        let (len, _) = self.lex.clock_half_links.longest(self.rest(k))?;
        let part = k + len;
        let half = match self.lex.parts_of_day.get(self.w(part))?.as_str() {
            "MO" => "AM",
            "AF" | "EV" | "NI" => "PM",
            _ => return None,
        };
        Some((half, part + 1))
    }

    /// A day named after a clock time.
    fn day_reference(&self, i: usize, start: usize) -> Option<(String, usize)> {
        if let Some(&shift) = self.lex.day_words.get(self.w(i)) {
            return Some((relative(&self.anchor, CalUnit::Day, shift), i + 1));
        }
        if let Some((wd, j)) = self.weekday_name(i) {
            let tense = self.deadline_tense(start, self.tense(i));
            return Some((weekday_value(&self.anchor, wd, tense, None), j));
        }
        let h = self.month_date(i)?;
        (h.value.len() == 10).then_some((h.value, h.end))
    }

    /// "every day", "each Monday", "every three years".
    fn set(&self, i: usize) -> Option<Hit> {
        if !self.lex.set_words.iter().any(|s| s == self.w(i)) {
            return None;
        }
        let mut j = i + 1;
        if self.w(j) == "other" {
            j += 1;
        }
        let (n, k) = self.cardinal(j).unwrap_or((1, j));
        if let Some(unit) = self.lex.units.get(self.w(k)) {
            let n = if self.w(i + 1) == "other" { 2 } else { n };
            return hit(k + 1, TimexType::Set, duration_value(unit, Some(n))?);
        }
        if let Some((wd, l)) = self.weekday_name(k) {
            return hit(l, TimexType::Set, format!("XXXX-WXX-{wd}"));
        }
        if let Some(p) = self.lex.parts_of_day.get(self.w(k)) {
            return hit(k + 1, TimexType::Set, format!("XXXX-XX-XXT{p}"));
        }
        if let Some((m, l)) = self.month_name(k) {
            return hit(l, TimexType::Set, format!("XXXX-{m:02}"));
        }
        None
    }

    /// "Christmas", "Thanksgiving Day 2021".
    fn holiday(&self, i: usize) -> Option<Hit> {
        if !self.capital(i) {
            return None;
        }
        let rest = self.rest(i);
        let (n, year_given, md) = if let Some((n, &(m, d))) = self.lex.holidays.longest(rest) {
            (n, None::<i32>, Ok((m, d)))
        } else {
            let (n, &[m, wd, nth]) = self.lex.floating_holidays.longest(rest)?;
            (n, None, Err((m as u8, wd as u8, nth)))
        };
        let mut end = i + n;
        let mut year = year_given;
        let k = if self.w(end) == "," { end + 1 } else { end };
        if let Some((y, l)) = self.year4(k) {
            year = Some(y);
            end = l;
        }
        let (m, d) = match md {
            Ok(md) => md,
            Err((m, wd, nth)) => {
                let y = year
                    .or_else(|| year_of_month_day(&self.anchor, m, Some(24), self.tense(i), None));
                match y.and_then(|y| nth_weekday(y, m, wd, nth)) {
                    Some(d) => (m, d),
                    None => return hit(end, TimexType::Date, fmt_ym(y, m)),
                }
            }
        };
        let year =
            year.or_else(|| year_of_month_day(&self.anchor, m, Some(d), self.tense(i), None));
        hit(end, TimexType::Date, fmt_ymd(year, m, d))
    }

    /// Periods of earnings reports: "the year ended Sept. 30" (a span of a year),
    /// "the 1988 quarter" / "the 1988 period" (the reported quarter of that year).
    fn report_period(&self, i: usize) -> Option<Hit> {
        if self.w(i) != "the" {
            return None;
        }
        if self.w(i + 1) == "year" && matches!(self.w(i + 2), "ended" | "ending") {
            return hit(i + 2, TimexType::Duration, "P1Y".to_string());
        }
        let (y, k) = self.year4(i + 1)?;
        if !matches!(self.w(k), "quarter" | "period") {
            return None;
        }
        // The latest quarter reported before the anchor, moved to the year named.
        let latest = relative(&self.anchor, CalUnit::Quarter, -1);
        let quarter = latest.rsplit_once('-').map_or("QX", |(_, q)| q);
        hit(k + 1, TimexType::Date, format!("{}-{quarter}", fmt_year(y)))
    }

    /// "the nine months", "the first six months", "the latest nine months": durations.
    fn the_number_units(&self, i: usize) -> Option<Hit> {
        if self.w(i) != "the" {
            return None;
        }
        let mut j = i + 1;
        if matches!(
            self.w(j),
            "first" | "last" | "latest" | "past" | "next" | "previous" | "final"
        ) {
            j += 1;
        }
        let (n, k) = self.cardinal(j)?;
        if n < 2 || (self.year4(j).is_some() && !self.w(k).ends_with('s')) {
            return None;
        }
        let unit = self.lex.units.get(self.w(k))?;
        hit(k + 1, TimexType::Duration, duration_value(unit, Some(n))?)
    }
}

/// TIMEX3 tags of `text` (offsets into `text`, `sentence` = index into `sentences`), anchored on `dct`.
///
/// Without a DCT, or with one coarser than a day, values keep `X` for what
/// cannot be known: "XXXX-06-11" for "June 11th", "XXXX-WXX-1" for "Monday",
/// "XXXX-XX-XX" for "yesterday".
pub fn tag(text: &str, sentences: &[Sentence], dct: Option<PartialDate>) -> Vec<Timex> {
    tag_with(english(), text, sentences, dct)
}

/// [`tag`] with the rules and words of `language` (ISO 639-1, as in `Document::language`:
/// "es", "es-MX"); a language without a data file is tagged as English.
pub fn tag_in(
    language: &str,
    text: &str,
    sentences: &[Sentence],
    dct: Option<PartialDate>,
) -> Vec<Timex> {
    tag_with(
        for_language(language).unwrap_or_else(english),
        text,
        sentences,
        dct,
    )
}

fn tag_with(
    lex: &'static Lexicon,
    text: &str,
    sentences: &[Sentence],
    dct: Option<PartialDate>,
) -> Vec<Timex> {
    let toks = tokenize_with(text, &lex.order.elisions);
    let anchor = Anchor::new(dct);
    let mut reference = anchor;
    let quarter_words: Vec<&str> = (lex.order.year_parts.iter())
        .filter(|(_, &n)| n == 4)
        .map(|(w, _)| w.as_str())
        .collect();
    let quarterly = toks
        .iter()
        .any(|t| quarter_words.contains(&t.norm.as_str()));
    let mut out = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let lo = toks.partition_point(|t| t.start < s.start);
        let hi = toks.partition_point(|t| t.end <= s.end).max(lo);
        let slice = &toks[lo..hi];
        let mut m = Matcher {
            lex,
            toks: slice,
            norms: slice.iter().map(|t| t.norm.as_str()).collect(),
            anchor,
            reference,
            sentence: s,
            quarterly,
        };
        let mut i = 0;
        while i < slice.len() {
            // Expressions start at a word or number, never inside a word.
            let starts_clean =
                i == 0 || slice[i].space_before || slice[i - 1].kind == TokKind::Punct;
            let found = if starts_clean { m.best_at(i) } else { None };
            match found {
                Some(h) if h.end > i && h.end <= slice.len() => {
                    let (start, end) = (slice[i].start, slice[h.end - 1].end);
                    // A time names its day too ("last night" is the day before).
                    if matches!(h.kind, TimexType::Date | TimexType::Time) {
                        let day = h.value.split('T').next().unwrap_or_default();
                        if let Ok(date) = day.parse::<PartialDate>() {
                            m.reference = Anchor::new(Some(date));
                        }
                    }
                    if let Some(t) = text.get(start..end) {
                        out.push(Timex {
                            text: t.to_string(),
                            start,
                            end,
                            sentence: si,
                            kind: h.kind,
                            value: h.value,
                            modifier: h.modifier,
                        });
                    }
                    i = h.end;
                }
                _ => i += 1,
            }
        }
        reference = m.reference;
    }
    out
}

/// The `n`-th century (1 to 30), ending before token `end`.
fn century_hit(n: i64, end: usize) -> Option<Hit> {
    if !(1..=30).contains(&n) {
        return None;
    }
    hit(end, TimexType::Date, century_value(n as i32 - 1))
}

/// A Roman numeral of up to 39 (centuries), lower-cased: "xxi" is 21.
fn roman_numeral(word: &str) -> Option<i64> {
    if word.is_empty() || word.len() > 8 {
        return None;
    }
    let value = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        _ => None,
    };
    let digits: Vec<i64> = word.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0;
    for (k, &v) in digits.iter().enumerate() {
        if digits.get(k + 1).is_some_and(|&next| next > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    // Only canonical forms: "xxi", not "iiiiv".
    (total > 0 && to_roman(total) == word).then_some(total)
}

fn to_roman(mut n: i64) -> String {
    let mut out = String::new();
    for (v, s) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}
