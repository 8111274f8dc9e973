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
pub enum EvalCommand {}

pub fn run(args: &EvalArgs, quiet: bool) -> Result<ExitCode> {
    let _ = quiet;
    match args.command {}
}
