//! The `chronicle` command: argument parsing, progress and files. The work
//! itself is done by the library crates.

mod ask;
mod bench;
mod build;
mod embeddings;
mod eval;
mod eval_extraction;
mod eval_pubdate;
mod eval_timex;
mod eval_tls;
mod progress;
mod tag;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "chronicle",
    version,
    about = "Turns raw news pages about one story into a dated, cited timeline.",
    long_about = "Turns raw news pages about one story into a dated, cited timeline.\n\n\
Inputs are files, directories (read recursively) or - for standard input, in any of: plain text, \
HTML, JSONL (one record a line: id, url, html or text, title, published, outlet), WARC; gzipped or not."
)]
struct Cli {
    /// Print nothing but errors.
    #[arg(short, long, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build a timeline from news pages and write it in every output format.
    Build(build::BuildArgs),
    /// Annotate pages (main text, dates, sentences, time expressions) and print them.
    Extract(build::ExtractArgs),
    /// Build the timeline of the bundled demo corpus.
    Demo(DemoArgs),
    /// Score a stage against public gold data.
    Eval(eval::EvalArgs),
    /// Time a stage on public corpora, with --peers side by side with the Python/Java tools.
    Bench(bench::BenchArgs),
    /// Answer a how many / when / who question from news pages, with citations.
    Ask(ask::AskArgs),
    /// Tag time expressions (TIMEX3) in TimeML documents.
    Tag(tag::TagArgs),
}

#[derive(clap::Args)]
struct DemoArgs {
    /// Where to write the outputs.
    #[arg(short, long, default_value = "out/demo")]
    output: PathBuf,
    /// The demo corpus (found beside the sources by default).
    #[arg(long)]
    corpus: Option<PathBuf>,
}

fn demo_corpus() -> Option<PathBuf> {
    let candidates = [
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../demo/corpus")),
        PathBuf::from("demo/corpus"),
    ];
    candidates.into_iter().find(|p| p.is_dir())
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build(args) => build::build(&args, cli.quiet),
        Command::Extract(args) => build::extract(&args, cli.quiet),
        Command::Eval(args) => eval::run(&args, cli.quiet),
        Command::Bench(args) => bench::run(&args, cli.quiet),
        Command::Ask(args) => ask::run(&args, cli.quiet),
        Command::Tag(args) => tag::run(&args, cli.quiet),
        Command::Demo(args) => {
            let corpus = match args.corpus.or_else(demo_corpus) {
                Some(c) => c,
                None => anyhow::bail!(
                    "the demo corpus was not found: run chronicle demo from the repository root, or give --corpus DIR"
                ),
            };
            let build_args = build::BuildArgs::for_demo(corpus, args.output.clone());
            let code = build::build(&build_args, cli.quiet)?;
            if !cli.quiet {
                eprintln!(
                    "demo: open {} in a browser, or read {}",
                    args.output.join("timeline.html").display(),
                    args.output.join("timeline.md").display()
                );
            }
            Ok(code)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
