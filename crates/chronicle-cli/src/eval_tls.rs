//! `chronicle eval tls`: timeline summarisation on a corpus in Timeline17's
//! layout under news-tls's protocol. The work is in `chronicle_tls::news_tls`.

use anyhow::{Context, Result};
use chronicle_eval::tls::PairScores;
use chronicle_tls::news_tls::{self, AnnotatedTopic, Report};
use chronicle_tls::{DateRanker, Method, SentenceScorer};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct TlsArgs {
    /// A corpus directory (topic folders holding InputDocs/ and timelines/) or one topic folder.
    dir: PathBuf,
    /// Date selection: ranker (learned, the best here) or mentions.
    #[arg(long, default_value_t = Method::Ranker)]
    method: Method,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Scores of every (topic, gold timeline) pair.
    #[arg(long)]
    verbose: bool,
    /// Write each system timeline to OUT/<topic>/<gold timeline file name> (tilse text format).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Score the ranker leave-one-topic-out: each topic with a ranker trained on the others.
    #[arg(long)]
    loo: bool,
    /// Train the date ranker on every topic of DIR and write it to FILE.
    #[arg(long, value_name = "FILE")]
    train: Option<PathBuf>,
    /// Train the sentence scorer on every topic of DIR and write it to FILE.
    #[arg(long, value_name = "FILE")]
    train_sentences: Option<PathBuf>,
    /// Choose summary sentences with the learned sentence scorer instead of by
    /// centroid similarity (scored worse; kept to reproduce the figures).
    #[arg(long)]
    learned_sentences: bool,
    /// Quote summary sentences exactly as written (by default a quote drops
    /// the time expressions that only repeat its entry's date).
    #[arg(long)]
    verbatim: bool,
    /// Blend MiniLM sentence vectors from DIR into summary selection
    /// (a build with the `embeddings` feature; DIR from scripts/setup-minilm.sh).
    #[arg(long, value_name = "DIR")]
    embeddings: Option<PathBuf>,
    /// ORACLE diagnostic, not a system figure: summarise the gold timeline's
    /// own dates, to score sentence selection apart from date selection.
    #[arg(long)]
    gold_dates: bool,
}

fn annotate_all(dir: &Path, quiet: bool) -> Result<Vec<AnnotatedTopic>> {
    let dirs =
        news_tls::topic_dirs(dir).with_context(|| format!("could not read {}", dir.display()))?;
    anyhow::ensure!(
        !dirs.is_empty(),
        "{}: no topic folder (with InputDocs/) found",
        dir.display()
    );
    let annotate = |raw| chronicle_pipeline::annotate_raw(raw).document;
    let mut topics = Vec::new();
    for d in dirs {
        let topic = news_tls::load_and_annotate(&d, &annotate)?;
        if !quiet {
            for diag in &topic.topic.diagnostics {
                eprintln!("{diag}");
            }
        }
        topics.push(topic);
    }
    Ok(topics)
}

fn scores_line(s: &PairScores) -> String {
    format!(
        "AR1 {:.3} (P {:.3} R {:.3})  AR2 {:.3} (P {:.3} R {:.3})  Date-F1 {:.3} (P {:.3} R {:.3})",
        s.ar1.f1,
        s.ar1.precision,
        s.ar1.recall,
        s.ar2.f1,
        s.ar2.precision,
        s.ar2.recall,
        s.date.f1,
        s.date.precision,
        s.date.recall
    )
}

fn print_report(report: &Report, verbose: bool, gold_dates: bool) {
    if gold_dates {
        println!("ORACLE: summaries on the gold dates (a diagnostic, not a system figure)");
    } else {
        println!("method: {}", report.method);
    }
    for t in &report.topics {
        println!("{:<24} {:>6.2} s", t.topic, t.seconds);
        if verbose {
            for p in &t.pairs {
                println!(
                    "  {:<44} {:>4} articles  T {:>3} N {}  {}",
                    p.timeline,
                    p.articles,
                    p.dates,
                    p.sentences_per_date,
                    scores_line(&p.scores)
                );
            }
        }
    }
    println!(
        "average over {} pairs: {}",
        report.pairs,
        scores_line(&report.average)
    );
    let (n, subset) = report.average_of(&news_tls::NEWS_TLS_PAIRS);
    if n == news_tls::NEWS_TLS_PAIRS.len() {
        println!("news-tls subset ({n} pairs): {}", scores_line(&subset));
    }
}

fn write_timelines(report: &Report, out: &Path) -> Result<()> {
    for t in &report.topics {
        let dir = out.join(&t.topic);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("could not create {}", dir.display()))?;
        for p in &t.pairs {
            let path = dir.join(format!("{}.txt", p.timeline));
            std::fs::write(&path, p.system.to_tilse_text())
                .with_context(|| format!("could not write {}", path.display()))?;
        }
    }
    Ok(())
}

pub fn run(args: &TlsArgs, quiet: bool) -> Result<ExitCode> {
    let encoder = match &args.embeddings {
        Some(dir) => Some(crate::embeddings::load(dir)?),
        None => None,
    };
    let topics = annotate_all(&args.dir, quiet)?;
    let all: Vec<&AnnotatedTopic> = topics.iter().collect();
    if let Some(path) = &args.train_sentences {
        let model = news_tls::train_sentences(&all);
        std::fs::write(path, model.to_json())
            .with_context(|| format!("could not write {}", path.display()))?;
        if !quiet {
            eprintln!(
                "wrote a sentence scorer trained on {} topics to {}",
                all.len(),
                path.display()
            );
        }
        if args.train.is_none() {
            return Ok(ExitCode::SUCCESS);
        }
    }
    if let Some(path) = &args.train {
        let model = news_tls::train(&all);
        std::fs::write(path, model.to_json())
            .with_context(|| format!("could not write {}", path.display()))?;
        if !quiet {
            eprintln!(
                "wrote a date ranker trained on {} topics to {}",
                all.len(),
                path.display()
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let system = news_tls::System {
        method: args.method,
        verbatim: args.verbatim,
        encoder: encoder.as_deref(),
    };
    let report = if args.gold_dates {
        let scorer = args.learned_sentences.then(SentenceScorer::builtin);
        news_tls::evaluate_on_gold_dates(&topics, system, scorer)
    } else if args.loo {
        news_tls::leave_one_out_with(&topics, args.learned_sentences, system)
    } else {
        let scorer =
            (args.method == Method::Ranker && args.learned_sentences).then(SentenceScorer::builtin);
        news_tls::evaluate(&topics, system, DateRanker::builtin(), scorer)
    };
    if let Some(out) = &args.out {
        write_timelines(&report, out)?;
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_report(&report, args.verbose, args.gold_dates);
    }
    Ok(ExitCode::SUCCESS)
}
