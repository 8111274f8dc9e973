//! `chronicle bench STAGE`: speed of a stage on public corpora, and with
//! `--peers` of the tools it replaces on the same inputs. The work is in
//! `chronicle_bench`; this file finds the data, prints and cleans up.

use anyhow::{Context, Result};
use chronicle_bench::peers::{self, PeerSetup};
use chronicle_bench::workload::workloads;
use chronicle_bench::{Loaded, Outcome, Paths, Stage, StageReport, Workload};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct BenchArgs {
    /// extract, dates, timex, entities, pipeline, or all.
    stage: String,
    /// Also run the peer tools (trafilatura, htmldate, HeidelTime, dateparser, spaCy) from bench/.venv.
    #[arg(long)]
    peers: bool,
    /// At most N items per corpus (pages, documents; files for pipeline).
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Print the figures as JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// The shared data directory (default: ../shared beside the repository).
    #[arg(long, value_name = "DIR")]
    shared: Option<PathBuf>,
    /// The directory of the peer scripts and their .venv (default: bench/ in the repository).
    #[arg(long, value_name = "DIR")]
    bench_dir: Option<PathBuf>,
}

fn first_dir(candidates: &[PathBuf]) -> Option<PathBuf> {
    candidates.iter().find(|p| p.is_dir()).cloned()
}

fn shared_dir() -> Option<PathBuf> {
    first_dir(&[
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")),
        PathBuf::from("../shared"),
    ])
}

fn bench_dir() -> PathBuf {
    first_dir(&[
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../bench")),
        PathBuf::from("bench"),
    ])
    .unwrap_or_else(|| PathBuf::from("bench"))
}

/// The same files through `chronicle build` as a user runs it: a new
/// process that also writes its five output files.
fn build_process_note(workload: &Workload, scratch: &std::path::Path) -> String {
    let out = scratch.join("build");
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => return format!("`chronicle build` as a process not timed: {e}"),
    };
    let started = std::time::Instant::now();
    let status = std::process::Command::new(exe)
        .arg("-q")
        .arg("build")
        .args(workload.items.iter().filter_map(|i| i.path.as_ref()))
        .arg("-o")
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    let seconds = started.elapsed().as_secs_f64();
    let _ = std::fs::remove_dir_all(&out);
    match status {
        Ok(s) if s.success() => format!(
            "`chronicle build` on these files as a process, writing its outputs: {seconds:.3} s"
        ),
        Ok(s) => format!("`chronicle build` on these files exited with {s}"),
        Err(e) => format!("`chronicle build` could not be started: {e}"),
    }
}

pub fn run(args: &BenchArgs, quiet: bool) -> Result<ExitCode> {
    let stages: Vec<Stage> = if args.stage == "all" {
        Stage::ALL.to_vec()
    } else {
        vec![args.stage.parse()?]
    };
    let paths = Paths {
        shared: args.shared.clone().or_else(shared_dir),
        demo: crate::demo_corpus(),
    };
    let dir = args.bench_dir.clone().unwrap_or_else(bench_dir);
    let setup = PeerSetup {
        bench_dir: dir.canonicalize().unwrap_or(dir),
    };
    let scratch = std::env::temp_dir().join(format!("chronicle-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch)
        .with_context(|| format!("could not create {}", scratch.display()))?;
    let say = |msg: String| {
        if !quiet {
            eprintln!("{msg}");
        }
    };
    if cfg!(debug_assertions) {
        say("bench: this is a debug build; for figures use `cargo build --release -p chronicle-cli`".into());
    }
    let mut reports: Vec<StageReport> = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
    for stage in stages {
        for loaded in workloads(stage, &paths, args.limit) {
            let workload = match loaded {
                Loaded::Ready(w) => w,
                Loaded::Skipped { corpus, reason } => {
                    say(format!("bench {stage} {corpus}: {reason}"));
                    skipped.push(format!("{stage} {corpus}: {reason}"));
                    continue;
                }
            };
            say(format!(
                "bench {stage} {}: {} items, chronicle…",
                workload.corpus,
                workload.items.len()
            ));
            let mut chronicle = chronicle_bench::chronicle::measure(&workload);
            if let (Stage::Pipeline, Outcome::Measured(f)) = (stage, &mut chronicle) {
                f.notes.push(build_process_note(&workload, &scratch));
            }
            let mut outcomes = Vec::new();
            if args.peers {
                for peer in peers::peers_of(stage) {
                    say(format!("bench {stage} {}: {}…", workload.corpus, peer.tool));
                    outcomes.push(peers::run(peer, &setup, &workload, &scratch));
                }
            }
            reports.push(StageReport {
                stage,
                corpus: workload.corpus.clone(),
                chronicle,
                peers: outcomes,
            });
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    if args.json {
        let value = serde_json::json!({ "reports": reports, "skipped": skipped });
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        print!("{}", chronicle_bench::report::table(&reports));
        for s in &skipped {
            println!("note: {s}");
        }
        if args.peers && reports.iter().all(|r| r.peers.is_empty()) && !reports.is_empty() {
            println!("note: no peer exists for this stage");
        }
    }
    Ok(ExitCode::SUCCESS)
}
