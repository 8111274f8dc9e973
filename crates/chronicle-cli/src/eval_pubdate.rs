//! `chronicle eval pubdate`: publication dates of HTML pages against
//! htmldate's evaluation set, trafilatura-eval's `date` fields or fundus's
//! publication timestamps. Loading and scoring are in
//! `chronicle_eval::pubdate`, dating in `chronicle_pipeline::dating`.

use anyhow::{Context, Result};
use chronicle_eval::pubdate::{
    evaluate, load_pubdate, PredictedDate, PubdateDataset, PubdatePage, PubdateReport,
};
use chronicle_model::PartialDate;
use chronicle_pipeline::dating::date_html_page;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct PubdateArgs {
    /// Which data set DIR holds: htmldate, trafilatura or fundus.
    #[arg(long)]
    dataset: PubdateDataset,
    /// The data set's directory.
    dir: PathBuf,
    /// Print the report as JSON (scores and every page).
    #[arg(long)]
    json: bool,
    /// List the N worst pages with the candidates seen.
    #[arg(long, value_name = "N", default_value_t = 0)]
    errors: usize,
}

fn date_page(page: &PubdatePage) -> (PredictedDate, Vec<String>) {
    let fetched = page
        .crawled
        .as_deref()
        .and_then(|d| d.parse::<PartialDate>().ok());
    let url = (!page.url.is_empty()).then_some(page.url.as_str());
    let dating = date_html_page(&page.html, url, fetched);
    let p = dating.published;
    let mut notes: Vec<String> = p.evidence.iter().take(1).cloned().collect();
    for c in dating.candidates.iter().take(8) {
        notes.push(format!(
            "candidate {:?} {:.2} {} {} {} {:?}",
            c.source,
            c.confidence,
            c.date.map(|d| d.to_string()).unwrap_or_default(),
            c.time.as_deref().unwrap_or("-"),
            c.zone.as_deref().unwrap_or("-"),
            c.raw.chars().take(80).collect::<String>()
        ));
    }
    (
        PredictedDate {
            date: p.date.map(|d| d.to_string()),
            time: p.time,
            zone: p.zone,
        },
        notes,
    )
}

fn print_report(name: &str, report: &PubdateReport, errors: usize) {
    let c = &report.counts;
    println!(
        "{name}: {} pages, {} with gold; htmldate accuracy {:.3} (P {:.3} R {:.3} F1 {:.3}; tp {} fp {} tn {} fn {})",
        c.pages,
        c.with_gold,
        c.outcomes.accuracy(),
        c.outcomes.precision(),
        c.outcomes.recall(),
        c.outcomes.f1(),
        c.outcomes.tp,
        c.outcomes.fp,
        c.outcomes.tn,
        c.outcomes.fn_
    );
    println!(
        "over pages with gold: right day {:.3}, right month {:.3}, right year {:.3}, coverage {:.3}",
        c.day_accuracy(),
        c.month_accuracy(),
        c.year_accuracy(),
        c.coverage()
    );
    if c.with_gold_time > 0 {
        println!(
            "gold with time and offset: {}, same instant to the minute: {} ({:.3})",
            c.with_gold_time,
            c.time_hits,
            c.time_hits as f64 / c.with_gold_time as f64
        );
    }
    for p in report.worst(errors) {
        println!(
            "\n{:?} {} gold {} ours {} {} {} ({} days off)\n  {}",
            p.outcome,
            p.id,
            p.gold.as_deref().unwrap_or("-"),
            p.predicted.date.as_deref().unwrap_or("-"),
            p.predicted.time.as_deref().unwrap_or("-"),
            p.predicted.zone.as_deref().unwrap_or("-"),
            p.days_off.map_or("?".to_string(), |d| d.to_string()),
            p.url
        );
        for n in &p.notes {
            println!("    {n}");
        }
    }
}

pub fn run(args: &PubdateArgs, quiet: bool) -> Result<ExitCode> {
    let pages = load_pubdate(args.dataset, &args.dir)
        .with_context(|| format!("could not load {}", args.dir.display()))?;
    anyhow::ensure!(!pages.is_empty(), "{}: no pages found", args.dir.display());
    if !quiet && !args.json {
        eprintln!("dating {} pages", pages.len());
    }
    let report = evaluate(&pages, date_page);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        let name = format!("{:?}", args.dataset).to_lowercase();
        print_report(&name, &report, args.errors);
    }
    Ok(ExitCode::SUCCESS)
}
