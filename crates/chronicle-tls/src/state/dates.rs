//! Which dates a timeline keeps: candidates, their ranking (by support or
//! by the learned ranker) and the spreading of picks over the span.

use super::{has_keyword, lower_keywords, DateStats, TimelineState, RANKER_MIN_DOCS};
use crate::ranker::{date_features, DateRanker};
use crate::timeline::{Method, TimelineOptions};
use chronicle_model::{Granularity, PartialDate};

impl TimelineState {
    /// The order in which a timeline of `wanted` dates takes its dates:
    /// ranked, then (with the ranker) spread over the span.
    pub(super) fn ordered_dates(
        &self,
        options: &TimelineOptions,
        ranker: &DateRanker,
        wanted: usize,
    ) -> Vec<(PartialDate, f64)> {
        let ranked = self.rank_dates(options, ranker);
        // The crowding cost is in ranker logits.
        if self.date_method(options) == Method::Ranker {
            spread_over_time(ranked, wanted)
        } else {
            ranked
        }
    }

    /// Candidate dates within the options' bounds, with their statistics.
    pub fn candidates(&self, options: &TimelineOptions) -> Vec<(PartialDate, DateStats)> {
        let keywords = lower_keywords(options);
        let mut out: Vec<(PartialDate, DateStats)> = self
            .stats
            .iter()
            .filter(|(d, s)| {
                (options.next_day_reports || s.docs_total > 0 || s.docs_published > 0)
                    && options.from.is_none_or(|f| d.last_day() >= f.first_day())
                    && options.to.is_none_or(|t| d.first_day() <= t.last_day())
                    && (!options.days_only || d.granularity() == Granularity::Day)
            })
            .map(|(d, s)| (*d, *s))
            .collect();
        for (date, stats) in &mut out {
            stats.sents_keyword = self
                .mentions
                .get(date)
                .into_iter()
                .flatten()
                .filter(|(d, s)| has_keyword(&self.sentences[*d][*s].lower, &keywords))
                .count() as u32;
        }
        out
    }

    /// The method that actually ranks dates for `options`.
    fn date_method(&self, options: &TimelineOptions) -> Method {
        let min_docs = options.ranker_min_docs.unwrap_or(RANKER_MIN_DOCS);
        if self.docs.len() < min_docs {
            Method::Mentions
        } else {
            options.method
        }
    }

    /// Candidate dates, best first, with their scores.
    pub fn rank_dates(
        &self,
        options: &TimelineOptions,
        ranker: &DateRanker,
    ) -> Vec<(PartialDate, f64)> {
        let candidates = self.candidates(options);
        // The ranker's features are relative to the collection; on a handful
        // of documents they say little, and the model never saw such batches.
        let method = self.date_method(options);
        let mut ranked: Vec<(PartialDate, f64)> = match method {
            Method::Mentions => candidates.iter().map(|(d, s)| (*d, s.support)).collect(),
            // Events are ranked by their dates' ranker scores.
            Method::Ranker | Method::Clusters | Method::ClustersNewsTls => {
                let features = date_features(&candidates, self.docs.len());
                candidates
                    .iter()
                    .zip(&features)
                    .map(|((d, _), x)| (*d, ranker.score(x)))
                    .collect()
            }
        };
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }
}

/// Cost of each already picked date close to a candidate, in ranker logits.
const CROWDING: f64 = 0.4;
/// "Close": within this share of the typical spacing (span / dates wanted).
const CLOSE_SPACING: f64 = 0.25;
/// Only this many times the dates wanted are reordered; the rest keep their rank.
const SPREAD_POOL: usize = 5;

/// Reorders ranked dates so that, among comparable scores, dates away from
/// those already picked come first (a gold timeline covers its whole span;
/// the ranker alone crowds into the busiest weeks). Each picked date within
/// [`CLOSE_SPACING`] of the typical spacing costs [`CROWDING`].
fn spread_over_time(ranked: Vec<(PartialDate, f64)>, wanted: usize) -> Vec<(PartialDate, f64)> {
    spread_over_time_with(ranked, wanted, &|_, _| 0.0)
}

/// Dates picked so far, with their scores.
pub(crate) type Picked = [(PartialDate, f64)];

/// [`spread_over_time`] with a further cost of a candidate given the dates
/// already picked (used by [`crate::clust`]).
pub(crate) fn spread_over_time_with(
    ranked: Vec<(PartialDate, f64)>,
    wanted: usize,
    extra_cost: &dyn Fn(PartialDate, &Picked) -> f64,
) -> Vec<(PartialDate, f64)> {
    let days = || ranked.iter().map(|(d, _)| d.first_day());
    let (Some(first), Some(last)) = (days().min(), days().max()) else {
        return ranked;
    };
    let close = ((last - first) as f64 / wanted.max(1) as f64 * CLOSE_SPACING).max(1.0);
    let mut pool = ranked;
    let rest = pool.split_off((wanted * SPREAD_POOL).min(pool.len()));
    let mut out: Vec<(PartialDate, f64)> = Vec::with_capacity(pool.len() + rest.len());
    while !pool.is_empty() {
        let best = pool
            .iter()
            .enumerate()
            .map(|(i, (d, score))| {
                let crowd = out
                    .iter()
                    .filter(|(o, _)| ((o.first_day() - d.first_day()).abs() as f64) < close)
                    .count();
                (i, score - CROWDING * crowd as f64 - extra_cost(*d, &out))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let Some((i, _)) = best else { break };
        out.push(pool.remove(i));
    }
    out.extend(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> PartialDate {
        text.parse().expect("date")
    }

    #[test]
    fn spreading_moves_a_lone_date_ahead_of_a_crowded_week() {
        // Span 2031-03-01..2031-06-29 (120 days), 3 dates wanted: dates
        // within 10 days of a picked one are crowded.
        let ranked = vec![
            (day("2031-03-01"), 3.0),
            (day("2031-03-03"), 2.9),
            (day("2031-03-05"), 2.8),
            (day("2031-05-01"), 2.6),
            (day("2031-06-29"), 1.0),
        ];
        let order: Vec<String> = spread_over_time(ranked.clone(), 3)
            .iter()
            .map(|(d, _)| d.to_string())
            .collect();
        assert_eq!(
            order,
            [
                "2031-03-01",
                "2031-05-01",
                "2031-03-03",
                "2031-03-05",
                "2031-06-29"
            ]
        );
        // A clear lead still wins over spreading.
        let mut strong = ranked;
        strong[1].1 = 3.5;
        let first_two: Vec<PartialDate> = spread_over_time(strong, 3)
            .iter()
            .take(2)
            .map(|(d, _)| *d)
            .collect();
        assert_eq!(first_two, vec![day("2031-03-03"), day("2031-03-01")]);
    }
}
