//! `chronicle eval timex GOLD_DIR [--system DIR]`: TempEval-3 task A scores
//! (the port of `TE3-evaluation.py` in `chronicle_eval::timex`).

use anyhow::{Context, Result};
use chronicle_eval::timeml::{
    output_file_name, read_timeml_dir, TimemlDir, TimemlDoc, TimemlTimex,
};
use chronicle_eval::timex::{error_patterns, score_timex, Prf, TimexCounts, TimexScores};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct TimexArgs {
    /// Gold TimeML directory (`.tml` files with TIMEX3 in TEXT; read recursively).
    gold: PathBuf,
    /// Score the system files of DIR (matched to gold by file name) instead of tagging the gold texts.
    #[arg(long, value_name = "DIR")]
    system: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Scores of every document.
    #[arg(long)]
    verbose: bool,
    /// Disagreements grouped by pattern (missed, spurious, span, type, value), most frequent first.
    #[arg(long)]
    errors: bool,
}

fn prf_json(p: &Prf) -> Value {
    json!({"precision": p.precision, "recall": p.recall, "f1": p.f1})
}

fn counts_json(id: &str, c: &TimexCounts) -> Value {
    json!({
        "doc": id, "gold": c.gold, "system": c.system, "strict": c.strict, "relaxed": c.relaxed,
        "strict_f1": c.strict_prf().f1, "relaxed_f1": c.relaxed_prf().f1,
        "type_f1": c.type_f1(), "value_f1": c.value_f1(),
    })
}

fn report_json(args: &TimexArgs, s: &TimexScores, docs: usize, speed: Option<f64>) -> Value {
    let t = &s.total;
    let mut v = json!({
        "documents": docs,
        "gold": t.gold, "system": t.system, "strict_matches": t.strict, "relaxed_matches": t.relaxed,
        "strict": prf_json(&s.strict), "relaxed": prf_json(&s.relaxed),
        "type_f1": s.type_f1, "value_f1": s.value_f1,
    });
    if let Some(mb) = speed {
        v["mb_per_s"] = json!(mb);
    }
    if args.verbose {
        v["per_doc"] = s.per_doc.iter().map(|(id, c)| counts_json(id, c)).collect();
    }
    if args.errors {
        v["errors"] = error_patterns(&s.errors)
            .iter()
            .map(|p| {
                json!({"kind": format!("{:?}", p.kind), "pattern": p.pattern,
                       "count": p.count, "examples": p.examples})
            })
            .collect();
    }
    v
}

fn print_text(args: &TimexArgs, s: &TimexScores, docs: usize, speed: Option<f64>) {
    let t = &s.total;
    println!(
        "documents {docs}  gold {}  system {}  strict matches {}  relaxed matches {}",
        t.gold, t.system, t.strict, t.relaxed
    );
    println!(
        "strict  P {:.4}  R {:.4}  F1 {:.4}",
        s.strict.precision, s.strict.recall, s.strict.f1
    );
    println!(
        "relaxed P {:.4}  R {:.4}  F1 {:.4}",
        s.relaxed.precision, s.relaxed.recall, s.relaxed.f1
    );
    println!("type F1 {:.4}  value F1 {:.4}", s.type_f1, s.value_f1);
    if let Some(mb) = speed {
        println!("tagging speed {mb:.2} MB/s of text");
    }
    if args.verbose {
        println!();
        println!("doc\tgold\tsystem\tstrict F1\trelaxed F1\ttype F1\tvalue F1");
        for (id, c) in &s.per_doc {
            println!(
                "{id}\t{}\t{}\t{:.3}\t{:.3}\t{:.3}\t{:.3}",
                c.gold,
                c.system,
                c.strict_prf().f1,
                c.relaxed_prf().f1,
                c.type_f1(),
                c.value_f1()
            );
        }
    }
    if args.errors {
        println!();
        for p in error_patterns(&s.errors) {
            println!("{:?}\t{}\t{}", p.kind, p.count, p.pattern);
            for e in &p.examples {
                println!("    {e}");
            }
        }
    }
}

pub fn run(args: &TimexArgs, quiet: bool) -> Result<ExitCode> {
    let TimemlDir {
        docs: gold,
        errors: problems,
    } = read_timeml_dir(&args.gold)
        .with_context(|| format!("could not read {}", args.gold.display()))?;
    for p in &problems {
        eprintln!("error: {p}");
    }
    anyhow::ensure!(
        !gold.is_empty(),
        "{}: no readable .tml file",
        args.gold.display()
    );
    let mut speed = None;
    let system: Vec<TimemlDoc> = match &args.system {
        Some(dir) => {
            let TimemlDir {
                docs,
                errors: problems,
            } = read_timeml_dir(dir)
                .with_context(|| format!("could not read {}", dir.display()))?;
            for p in &problems {
                eprintln!("error: {p}");
            }
            let mut by_name: HashMap<String, TimemlDoc> = docs
                .into_iter()
                .map(|(p, d)| (output_file_name(&p), d))
                .collect();
            let mut out = Vec::new();
            for (path, g) in &gold {
                match by_name.remove(&output_file_name(path)) {
                    // Matched by file name: the system may write another DOCID.
                    Some(d) => out.push(TimemlDoc {
                        id: g.id.clone(),
                        ..d
                    }),
                    None if !quiet => eprintln!(
                        "warning: no system file for {}; counted as tagged with nothing",
                        path.display()
                    ),
                    None => {}
                }
            }
            out
        }
        None => {
            let started = Instant::now();
            let out: Vec<TimemlDoc> = gold
                .iter()
                .map(|(_, g)| {
                    let tags = chronicle_time::tag_text(&g.text, g.dct);
                    g.with_timexes(tags.iter().map(TimemlTimex::from).collect())
                })
                .collect();
            let bytes: usize = gold.iter().map(|(_, g)| g.text.len()).sum();
            let secs = started.elapsed().as_secs_f64().max(1e-9);
            speed = Some(bytes as f64 / 1e6 / secs);
            out
        }
    };
    let golds: Vec<TimemlDoc> = gold.into_iter().map(|(_, d)| d).collect();
    let scores = score_timex(&golds, &system);
    if args.json {
        let v = report_json(args, &scores, golds.len(), speed);
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        print_text(args, &scores, golds.len(), speed);
    }
    Ok(ExitCode::SUCCESS)
}
