//! `chronicle tag --timeml IN… -o OUT_DIR`: TIMEX3 tagging of TimeML documents
//! (TempEval-3 input or `.tml`). The tagging is `chronicle_time::tag_text_in`; the
//! TimeML reading and writing is `chronicle_eval::timeml`.

use anyhow::{Context, Result};
use chronicle_eval::timeml::{
    output_file_name, parse_timeml, replace_text_timexes, timeml_files, TimemlTimex,
};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct TagArgs {
    /// TimeML files or directories holding them (`.tml`, `.TE3input`; read recursively).
    #[arg(required = true, value_name = "IN")]
    inputs: Vec<PathBuf>,
    /// Read TimeML and write TimeML: the input with its TEXT's own tags removed and
    /// our TIMEX3 inserted, everything outside TEXT (DOCID, DCT…) kept.
    #[arg(long, required = true)]
    timeml: bool,
    /// The directory receiving one `<basename>.tml` per input.
    #[arg(short, long, value_name = "OUT_DIR")]
    output: PathBuf,
    /// Language of the texts (ISO 639-1: en, es, fr, it); one without a data file is read as English.
    #[arg(long, default_value = "en")]
    language: String,
}

/// The files named by the inputs, directories expanded, in the order given.
fn input_files(inputs: &[PathBuf], problems: &mut Vec<String>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            match timeml_files(input) {
                Ok(found) if found.is_empty() => {
                    problems.push(format!("{}: no .tml or .TE3input file", input.display()))
                }
                Ok(found) => files.extend(found),
                Err(e) => problems.push(e.to_string()),
            }
        } else {
            files.push(input.clone());
        }
    }
    files
}

/// Tags one file; returns the output path and the number of TIMEX3 written.
fn tag_file(path: &Path, out_dir: &Path, language: &str) -> Result<(PathBuf, usize)> {
    let bytes =
        std::fs::read(path).with_context(|| format!("{}: could not be read", path.display()))?;
    let xml = String::from_utf8(bytes)
        .map_err(|_| anyhow::anyhow!("{}: not UTF-8 text", path.display()))?;
    let doc = parse_timeml(&path.display().to_string(), &xml)?;
    let timexes: Vec<TimemlTimex> = chronicle_time::tag_text_in(language, &doc.text, doc.dct)
        .iter()
        .map(TimemlTimex::from)
        .collect();
    let out = replace_text_timexes(&xml, &doc, &timexes)
        .with_context(|| format!("{}: no <TEXT> element", path.display()))?;
    let target = out_dir.join(output_file_name(path));
    std::fs::write(&target, out)
        .with_context(|| format!("{}: could not be written", target.display()))?;
    Ok((target, timexes.len()))
}

pub fn run(args: &TagArgs, quiet: bool) -> Result<ExitCode> {
    let _ = args.timeml;
    std::fs::create_dir_all(&args.output)
        .with_context(|| format!("could not create {}", args.output.display()))?;
    let mut problems = Vec::new();
    let files = input_files(&args.inputs, &mut problems);
    for p in &problems {
        eprintln!("error: {p}");
    }
    let started = Instant::now();
    let (mut written, mut skipped, mut tags) = (0usize, problems.len(), 0usize);
    let mut names: HashSet<String> = HashSet::new();
    for f in &files {
        let name = output_file_name(f);
        if !names.insert(name.clone()) {
            eprintln!(
                "error: {}: another input already wrote {name}; skipped",
                f.display()
            );
            skipped += 1;
            continue;
        }
        match tag_file(f, &args.output, &args.language) {
            Ok((_, n)) => {
                written += 1;
                tags += n;
            }
            Err(e) => {
                eprintln!("error: {e:#}");
                skipped += 1;
            }
        }
    }
    if !quiet {
        eprintln!(
            "tagged {written} file(s) with {tags} TIMEX3 into {} in {:.2} s; {skipped} skipped",
            args.output.display(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(if written > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
