//! `chronicle eval …`: score a stage against public gold data. Each kind of
//! evaluation lives in its own `eval_*.rs` module; this file only dispatches.

use anyhow::Result;
use clap::Subcommand;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    pub command: EvalCommand,
}

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Timeline summarisation on Timeline17-style corpora (news-tls protocol).
    Tls(crate::eval_tls::TlsArgs),
    /// Publication dates of HTML pages (htmldate-eval, trafilatura-eval, fundus).
    Pubdate(crate::eval_pubdate::PubdateArgs),
    /// Time expressions (TempEval-3 task A) on a gold TimeML directory.
    Timex(crate::eval_timex::TimexArgs),
    /// Main-text extraction (scrapinghub, trafilatura-eval, fundus).
    Extraction(crate::eval_extraction::ExtractionArgs),
}

pub fn run(args: &EvalArgs, quiet: bool) -> Result<ExitCode> {
    let _ = quiet;
    match args.command {
        EvalCommand::Tls(ref a) => crate::eval_tls::run(a, quiet),
        EvalCommand::Pubdate(ref a) => crate::eval_pubdate::run(a, quiet),
        EvalCommand::Timex(ref a) => crate::eval_timex::run(a, quiet),
        EvalCommand::Extraction(ref a) => crate::eval_extraction::run(a, quiet),
    }
}
