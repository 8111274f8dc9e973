//! `chronicle build` and `chronicle extract`.

use crate::progress::ProgressLine;
use anyhow::{Context, Result};
use chronicle_ingest::Input;
use chronicle_model::{PartialDate, Severity};
use chronicle_pipeline::{annotate_inputs, Batch, Options, Progress};
use chronicle_tls::{build_timeline, Method, TimelineOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct BuildArgs {
    /// Files, directories or - (standard input).
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Directory to write timeline.json, timeline.md, timeline.html, timelinejs.json and documents.jsonl to.
    #[arg(short, long)]
    output: PathBuf,
    /// Number of dates in the timeline (default: chosen from the number of documents).
    #[arg(long)]
    dates: Option<usize>,
    /// Sentences per date.
    #[arg(long, default_value_t = 2)]
    sentences: usize,
    /// Earliest date to include (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    from: Option<PartialDate>,
    /// Latest date to include (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    to: Option<PartialDate>,
    /// Date selection: mentions (document support), ranker (learned on Timeline17), clusters (events first) or clusters-news-tls (news-tls CLUST, for comparison).
    #[arg(long, default_value_t = Method::default())]
    method: Method,
    /// Title shown on the timeline.
    #[arg(long)]
    title: Option<String>,
    /// Build the timeline of one entity: only the documents that name it (any alias).
    #[arg(long, value_name = "NAME")]
    entity: Option<String>,
    /// Quote summary sentences exactly as written (by default a quote drops
    /// the time expressions that only repeat its entry's date).
    #[arg(long)]
    verbatim: bool,
    /// Exit with status 1 if any input was skipped.
    #[arg(long)]
    strict: bool,
}

impl BuildArgs {
    pub fn for_demo(corpus: PathBuf, output: PathBuf) -> Self {
        BuildArgs {
            inputs: vec![corpus.to_string_lossy().into_owned()],
            output,
            dates: None,
            sentences: 2,
            from: None,
            to: None,
            method: Method::default(),
            title: Some("Demo: the Tolvash Dam dispute (invented)".to_string()),
            entity: None,
            verbatim: false,
            strict: false,
        }
    }
}

#[derive(clap::Args)]
pub struct ExtractArgs {
    /// Files, directories or - (standard input).
    #[arg(required = true)]
    inputs: Vec<String>,
    /// One JSON document a line (the documents.jsonl format) instead of a readable listing.
    #[arg(long)]
    jsonl: bool,
    /// Exit with status 1 if any input was skipped.
    #[arg(long)]
    strict: bool,
}

fn parse_date(s: &str) -> Result<PartialDate, String> {
    s.parse::<PartialDate>().map_err(|e| e.to_string())
}

fn annotate(inputs: &[String], quiet: bool) -> Batch {
    let inputs: Vec<Input> = inputs.iter().map(|a| Input::parse(a)).collect();
    let mut line = ProgressLine::new(quiet);
    let batch = annotate_inputs(&inputs, &Options::default(), &mut |p| match p {
        Progress::Annotated(n) => line.show(&format!("annotated {n} documents")),
        Progress::Dating => line.show("dating documents across the batch"),
    });
    line.finish();
    batch
}

/// Prints every problem and a one-line summary to stderr; returns the exit code.
fn report(batch: &Batch, quiet: bool, strict: bool) -> ExitCode {
    let skipped = batch
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Skipped)
        .count();
    if !quiet {
        for d in &batch.diagnostics {
            eprintln!("{d}");
        }
        let formats: Vec<String> = batch
            .read
            .by_format
            .iter()
            .map(|(f, n)| format!("{f} {n}"))
            .collect();
        eprintln!(
            "read {} files: {} documents ({}), {} skipped, {} warnings",
            batch.read.files,
            batch.documents.len(),
            formats.join(", "),
            skipped,
            batch.diagnostics.len() - skipped
        );
    }
    if batch.documents.is_empty() {
        eprintln!("error: no document could be read from the inputs given");
        return ExitCode::FAILURE;
    }
    if strict && skipped > 0 {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn write_file(dir: &Path, name: &str, content: &str) -> Result<()> {
    let path = dir.join(name);
    std::fs::write(&path, content).with_context(|| format!("could not write {}", path.display()))
}

fn documents_jsonl(batch: &Batch) -> Result<String> {
    let mut out = String::new();
    for d in &batch.documents {
        out.push_str(&serde_json::to_string(d)?);
        out.push('\n');
    }
    Ok(out)
}

pub fn build(args: &BuildArgs, quiet: bool) -> Result<ExitCode> {
    let mut batch = annotate(&args.inputs, quiet);
    let code = report(&batch, quiet, args.strict);
    if batch.documents.is_empty() {
        return Ok(code);
    }
    let story = chronicle_story::analyse(&mut batch.documents);
    let selected: Vec<chronicle_model::Document> = match &args.entity {
        None => batch.documents.clone(),
        Some(name) => {
            let Some(entity) = chronicle_story::entity_by_name(&story.entities, name) else {
                let mut known: Vec<&str> = story.entities.iter().map(|e| e.name.as_str()).collect();
                known.truncate(15);
                anyhow::bail!(
                    "no entity named {name:?} in these documents; some that are: {}",
                    known.join(", ")
                );
            };
            if !quiet {
                eprintln!(
                    "timeline of {} ({} documents)",
                    entity.name,
                    entity.docs.len()
                );
            }
            chronicle_story::documents_mentioning(&batch.documents, entity)
                .into_iter()
                .cloned()
                .collect()
        }
    };
    let options = TimelineOptions {
        dates: args.dates,
        sentences: args.sentences,
        from: args.from,
        to: args.to,
        method: args.method,
        verbatim: args.verbatim,
        ..TimelineOptions::default()
    };
    let mut timeline = build_timeline(&selected, &options);
    chronicle_story::attach(&mut timeline, story);
    let title = args.title.clone().unwrap_or_else(|| match &args.entity {
        Some(name) => format!("Timeline: {name}"),
        None => "Timeline".to_string(),
    });
    std::fs::create_dir_all(&args.output)
        .with_context(|| format!("could not create {}", args.output.display()))?;
    write_file(
        &args.output,
        "timeline.json",
        &chronicle_render::timeline_json(&timeline),
    )?;
    write_file(
        &args.output,
        "timeline.md",
        &chronicle_render::timeline_markdown(&timeline, &title),
    )?;
    write_file(
        &args.output,
        "timeline.html",
        &chronicle_render::timeline_html(&timeline, &title),
    )?;
    write_file(
        &args.output,
        "timelinejs.json",
        &chronicle_render::timelinejs_json(&timeline, &title),
    )?;
    write_file(&args.output, "documents.jsonl", &documents_jsonl(&batch)?)?;
    if !quiet {
        eprintln!(
            "wrote a timeline of {} dates to {}",
            timeline.entries.len(),
            args.output.display()
        );
    }
    Ok(code)
}

pub fn extract(args: &ExtractArgs, quiet: bool) -> Result<ExitCode> {
    let batch = annotate(&args.inputs, quiet);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for d in &batch.documents {
        if args.jsonl {
            serde_json::to_writer(&mut out, d)?;
            writeln!(out)?;
            continue;
        }
        let date = d
            .published
            .date
            .map_or_else(|| "unknown".to_string(), |p| p.to_string());
        writeln!(out, "== {} ({})", d.id, d.source.path)?;
        writeln!(out, "title:     {}", d.title)?;
        if let Some(o) = &d.outlet {
            writeln!(out, "outlet:    {o}")?;
        }
        if !d.authors.is_empty() {
            writeln!(out, "authors:   {}", d.authors.join(", "))?;
        }
        writeln!(
            out,
            "published: {date} ({:?}, confidence {:.2})",
            d.published.how, d.published.confidence
        )?;
        for e in &d.published.evidence {
            writeln!(out, "           {e}")?;
        }
        writeln!(
            out,
            "{} sentences, {} time expressions, {} boilerplate lines removed",
            d.sentences.len(),
            d.timexes.len(),
            d.boilerplate.len()
        )?;
        for t in &d.timexes {
            writeln!(
                out,
                "  [{}] {:?} {}{} \"{}\"",
                t.sentence,
                t.kind,
                t.value,
                t.modifier
                    .as_deref()
                    .map_or(String::new(), |m| format!(" ({m})")),
                t.text
            )?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(report(&batch, quiet, args.strict))
}
