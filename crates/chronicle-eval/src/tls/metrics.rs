//! tilse's timeline ROUGE metrics (`tilse/evaluation/rouge.py`,
//! `TimelineRougeEvaluator`) and date selection P/R/F1.
//!
//! Every metric scores ROUGE-1 and ROUGE-2 with ROUGE-1.5.5's raw counts
//! ([`crate::rouge`]) against all reference timelines at once (model average):
//! a reference timeline lacking a date contributes an empty model summary.
//! Where tilse would divide by zero (an empty timeline) the score is 0.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::assign::{assign_to_min_cost, linear_sum_assignment, CostMatrix};
use super::timeline::{Day, Timeline};
use crate::rouge::{f_score, python_split, score_bags, NgramBag, NgramCounts, Rouge};

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    /// F1 from precision and recall, as tilse's `get_f_score` with beta 1.
    pub fn from_pr(precision: f64, recall: f64) -> Prf {
        Prf {
            precision,
            recall,
            f1: f_score(precision, recall),
        }
    }
}

/// ROUGE-1 and ROUGE-2 scores of one metric.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct RougePrf {
    pub rouge_1: Prf,
    pub rouge_2: Prf,
}

/// tilse's timeline metrics, named as in `evaluate_all`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// All summaries of a timeline concatenated, then ROUGE.
    Concat,
    /// Summaries compared only on dates both timelines have.
    Agreement,
    /// "align": one-to-one date alignment by date distance, scores weighted
    /// by `1 / (distance + 1)`.
    AlignDateCosts,
    /// "align+": one-to-one alignment by date distance times content dissimilarity.
    AlignDateContentCosts,
    /// "align+ m:1": each date aligned to its cheapest counterpart (date
    /// distance times content dissimilarity), many-to-one; news-tls's AR1/AR2.
    AlignDateContentCostsManyToOne,
}

impl Metric {
    pub const ALL: [Metric; 5] = [
        Metric::Concat,
        Metric::Agreement,
        Metric::AlignDateCosts,
        Metric::AlignDateContentCosts,
        Metric::AlignDateContentCostsManyToOne,
    ];

    /// tilse's name of the metric.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Concat => "concat",
            Metric::Agreement => "agreement",
            Metric::AlignDateCosts => "align_date_costs",
            Metric::AlignDateContentCosts => "align_date_content_costs",
            Metric::AlignDateContentCostsManyToOne => "align_date_content_costs_many_to_one",
        }
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Metric {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Metric::ALL
            .into_iter()
            .find(|m| m.name() == s)
            .ok_or_else(|| format!("unknown timeline metric '{s}'"))
    }
}

/// Date selection as tilse's `evaluate_dates`: the predicted dates against
/// the union of the reference timelines' dates; 0 where a set is empty.
pub fn date_prf(predicted: &Timeline, references: &[Timeline]) -> Prf {
    let pred: BTreeSet<Day> = predicted.dates().collect();
    let refs: BTreeSet<Day> = references.iter().flat_map(Timeline::dates).collect();
    let shared = pred.intersection(&refs).count() as f64;
    let ratio = |n: usize| if n == 0 { 0.0 } else { shared / n as f64 };
    Prf::from_pr(ratio(pred.len()), ratio(refs.len()))
}

/// Scores timelines with tilse's metrics.
#[derive(Debug, Clone, Default)]
pub struct TimelineEvaluator {
    rouge: Rouge,
}

impl TimelineEvaluator {
    /// `Rouge::tilse()` reproduces tilse's default (Perl ROUGE, stemmed, stop words removed).
    pub fn new(rouge: Rouge) -> Self {
        TimelineEvaluator { rouge }
    }

    /// ROUGE-1 and ROUGE-2 P/R/F of `predicted` against `references` under `metric`.
    pub fn evaluate(
        &self,
        metric: Metric,
        predicted: &Timeline,
        references: &[Timeline],
    ) -> RougePrf {
        let p = Prepared::new(&self.rouge, predicted, references);
        match metric {
            Metric::Concat => p.concat(),
            Metric::Agreement => p.agreement(),
            Metric::AlignDateCosts => p.aligned(&p.date_costs(), linear_sum_assignment),
            Metric::AlignDateContentCosts => {
                p.aligned(&p.date_content_costs(), linear_sum_assignment)
            }
            Metric::AlignDateContentCostsManyToOne => {
                p.aligned(&p.date_content_costs(), assign_to_min_cost)
            }
        }
    }

    /// Every metric, in tilse's `evaluate_all` order.
    pub fn evaluate_all(
        &self,
        predicted: &Timeline,
        references: &[Timeline],
    ) -> Vec<(Metric, RougePrf)> {
        let p = Prepared::new(&self.rouge, predicted, references);
        let content = p.date_content_costs();
        vec![
            (Metric::Concat, p.concat()),
            (Metric::Agreement, p.agreement()),
            (
                Metric::AlignDateCosts,
                p.aligned(&p.date_costs(), linear_sum_assignment),
            ),
            (
                Metric::AlignDateContentCosts,
                p.aligned(&content, linear_sum_assignment),
            ),
            (
                Metric::AlignDateContentCostsManyToOne,
                p.aligned(&content, assign_to_min_cost),
            ),
        ]
    }
}

/// ROUGE-1 and ROUGE-2 bags of one summary.
type Bags = [NgramBag; 2];

/// Token counts of tilse's content-cost approximation of ROUGE-1: raw
/// whitespace tokens, case kept, punctuation tokens dropped.
type RawCounts<'a> = HashMap<&'a str, u64>;

/// Both timelines tokenised once.
struct Prepared<'a> {
    n_refs: usize,
    pred_dates: Vec<Day>,
    ref_dates: Vec<Day>,
    /// Per predicted date.
    pred_bags: Vec<Bags>,
    pred_raw: Vec<RawCounts<'a>>,
    /// Per reference date, per reference timeline.
    ref_bags: Vec<Vec<Bags>>,
    ref_raw: Vec<Vec<RawCounts<'a>>>,
    /// Tokens of the whole timelines, for `concat`.
    pred_all: Vec<String>,
    refs_all: Vec<Vec<String>>,
    empty: Bags,
}

fn bags(tokens: &[String]) -> Bags {
    [NgramBag::new(tokens, 1), NgramBag::new(tokens, 2)]
}

/// `string.punctuation`; tilse drops a token that is any substring of it.
const PUNCTUATION: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

fn raw_counts(sentences: &[String]) -> RawCounts<'_> {
    let mut counts = RawCounts::new();
    for s in sentences {
        for tok in python_split(s) {
            if !PUNCTUATION.contains(tok) {
                *counts.entry(tok).or_insert(0) += 1;
            }
        }
    }
    counts
}

/// `1 - 1 / (|distance| + 1)`.
fn date_factor(a: Day, b: Day) -> f64 {
    1.0 - date_weight(a, b)
}

/// `1 / (|distance| + 1)`.
fn date_weight(a: Day, b: Day) -> f64 {
    1.0 / (a.distance(b) as f64 + 1.0)
}

impl<'a> Prepared<'a> {
    fn new(rouge: &Rouge, predicted: &'a Timeline, references: &'a [Timeline]) -> Self {
        let pred_dates: Vec<Day> = predicted.dates().collect();
        let ref_dates: Vec<Day> = references
            .iter()
            .flat_map(Timeline::dates)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut pred_all = Vec::new();
        let mut pred_bags = Vec::new();
        let mut pred_raw = Vec::new();
        for &d in &pred_dates {
            let tokens = rouge.tokenize(predicted.get(d));
            pred_bags.push(bags(&tokens));
            pred_raw.push(raw_counts(predicted.get(d)));
            pred_all.extend(tokens);
        }
        let mut refs_all = vec![Vec::new(); references.len()];
        let mut ref_bags = Vec::new();
        let mut ref_raw = Vec::new();
        for &d in &ref_dates {
            let mut per_ref = Vec::new();
            let mut per_ref_raw = Vec::new();
            for (k, tl) in references.iter().enumerate() {
                let tokens = rouge.tokenize(tl.get(d));
                per_ref.push(bags(&tokens));
                per_ref_raw.push(raw_counts(tl.get(d)));
                refs_all[k].extend(tokens);
            }
            ref_bags.push(per_ref);
            ref_raw.push(per_ref_raw);
        }
        Prepared {
            n_refs: references.len(),
            pred_dates,
            ref_dates,
            pred_bags,
            pred_raw,
            ref_bags,
            ref_raw,
            pred_all,
            refs_all,
            empty: bags(&[]),
        }
    }

    /// ROUGE-1 and ROUGE-2 counts of a predicted date's summary (or an empty
    /// one) against the references' summaries of a reference date (or empty ones).
    fn counts(&self, pred: Option<usize>, reference: Option<usize>) -> [NgramCounts; 2] {
        let peer = pred.map_or(&self.empty, |i| &self.pred_bags[i]);
        let mut out = [NgramCounts::default(); 2];
        for (n, slot) in out.iter_mut().enumerate() {
            let models: Vec<&NgramBag> = match reference {
                Some(r) => self.ref_bags[r].iter().map(|b| &b[n]).collect(),
                None => vec![&self.empty[n]; self.n_refs],
            };
            *slot = score_bags(&peer[n], &models);
        }
        out
    }

    fn concat(&self) -> RougePrf {
        let mut out = [Prf::default(); 2];
        for (n, slot) in out.iter_mut().enumerate() {
            let peer = NgramBag::new(&self.pred_all, n + 1);
            let models: Vec<NgramBag> = self
                .refs_all
                .iter()
                .map(|t| NgramBag::new(t, n + 1))
                .collect();
            let refs: Vec<&NgramBag> = models.iter().collect();
            let c = score_bags(&peer, &refs);
            *slot = Prf::from_pr(c.precision(), c.recall());
        }
        RougePrf {
            rouge_1: out[0],
            rouge_2: out[1],
        }
    }

    fn agreement(&self) -> RougePrf {
        let mut acc = Accumulator::default();
        let all: BTreeSet<Day> = self
            .pred_dates
            .iter()
            .chain(&self.ref_dates)
            .copied()
            .collect();
        for d in all {
            let p = self.pred_dates.binary_search(&d).ok();
            let r = self.ref_dates.binary_search(&d).ok();
            let c = self.counts(p, r);
            if p.is_some() {
                acc.add_precision(&c, 1.0);
            }
            if r.is_some() {
                acc.add_recall(&c, 1.0);
            }
        }
        acc.finish()
    }

    /// Cost of aligning predicted date `i` with reference date `j`: date factor only.
    fn date_costs(&self) -> CostMatrix {
        CostMatrix::from_fn(self.pred_dates.len(), self.ref_dates.len(), |i, j| {
            date_factor(self.pred_dates[i], self.ref_dates[j])
        })
    }

    /// Date factor times `1 -` tilse's approximate ROUGE-1 F1.
    fn date_content_costs(&self) -> CostMatrix {
        CostMatrix::from_fn(self.pred_dates.len(), self.ref_dates.len(), |i, j| {
            date_factor(self.pred_dates[i], self.ref_dates[j]) * (1.0 - self.approx_rouge(i, j))
        })
    }

    /// tilse's `compute_rouge_approximation` of predicted date `i` against reference date `j`.
    fn approx_rouge(&self, i: usize, j: usize) -> f64 {
        let pred = &self.pred_raw[i];
        let refs = &self.ref_raw[j];
        let mut hits = 0u64;
        for (tok, &c) in pred {
            for r in refs {
                hits += r.get(tok).map_or(0, |&d| c.min(d));
            }
        }
        let pred_total: u64 = pred.values().sum();
        let prec_denom = refs.len() as u64 * pred_total;
        let rec_denom: u64 = refs.iter().map(|r| r.values().sum::<u64>()).sum();
        let precision = if prec_denom == 0 {
            0.0
        } else {
            hits as f64 / prec_denom as f64
        };
        let recall = if rec_denom == 0 {
            0.0
        } else {
            hits as f64 / rec_denom as f64
        };
        f_score(precision, recall)
    }

    /// tilse's `_evaluate_per_day_mapping_micro`: align predicted to reference
    /// dates for precision and reference to predicted dates for recall, weight
    /// the hits of each aligned pair by `1 / (distance + 1)`, and count dates
    /// left unaligned against an empty summary.
    fn aligned(
        &self,
        costs: &CostMatrix,
        assign: fn(&CostMatrix) -> Vec<(usize, usize)>,
    ) -> RougePrf {
        let mut acc = Accumulator::default();

        let prec_pairs = assign(costs);
        let mut matched = vec![false; self.pred_dates.len()];
        for &(p, r) in &prec_pairs {
            let c = self.counts(Some(p), Some(r));
            acc.add_precision(&c, date_weight(self.pred_dates[p], self.ref_dates[r]));
            matched[p] = true;
        }
        for (p, _) in matched.iter().enumerate().filter(|(_, m)| !**m) {
            acc.add_precision(&self.counts(Some(p), None), 1.0);
        }

        let rec_pairs = assign(&costs.transposed());
        let mut matched = vec![false; self.ref_dates.len()];
        for &(r, p) in &rec_pairs {
            let c = self.counts(Some(p), Some(r));
            acc.add_recall(&c, date_weight(self.pred_dates[p], self.ref_dates[r]));
            matched[r] = true;
        }
        for (r, _) in matched.iter().enumerate().filter(|(_, m)| !**m) {
            acc.add_recall(&self.counts(None, Some(r)), 1.0);
        }
        acc.finish()
    }
}

/// Sums of (weighted) hits and of denominators, per ROUGE order.
#[derive(Default)]
struct Accumulator {
    prec_num: [f64; 2],
    prec_denom: [u64; 2],
    rec_num: [f64; 2],
    rec_denom: [u64; 2],
}

impl Accumulator {
    fn add_precision(&mut self, c: &[NgramCounts; 2], weight: f64) {
        for (n, counts) in c.iter().enumerate() {
            self.prec_num[n] += weight * counts.hits as f64;
            self.prec_denom[n] += counts.peer;
        }
    }

    fn add_recall(&mut self, c: &[NgramCounts; 2], weight: f64) {
        for (n, counts) in c.iter().enumerate() {
            self.rec_num[n] += weight * counts.hits as f64;
            self.rec_denom[n] += counts.model;
        }
    }

    fn finish(&self) -> RougePrf {
        let prf = |n: usize| {
            let ratio = |num: f64, denom: u64| if denom == 0 { 0.0 } else { num / denom as f64 };
            Prf::from_pr(
                ratio(self.prec_num[n], self.prec_denom[n]),
                ratio(self.rec_num[n], self.rec_denom[n]),
            )
        };
        RougePrf {
            rouge_1: prf(0),
            rouge_2: prf(1),
        }
    }
}
