//! `chronicle ask "QUESTION" INPUT…`: answers a how many / when / who
//! question from news pages, citing the sentences it rests on.

use anyhow::Result;
use chronicle_ingest::Input;
use chronicle_pipeline::{annotate_inputs, Options};
use chronicle_story::analyse;
use chronicle_story::ask::{answer, Answer};
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct AskArgs {
    /// The question: "How many …", "When did …", "Who is …".
    question: String,
    /// Files, directories or - (standard input).
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Print the answer as JSON.
    #[arg(long)]
    json: bool,
}

fn render(a: &Answer) -> String {
    let mut out = format!("{}\n", a.text);
    for s in &a.sources {
        let mut origin = s.doc.clone();
        if let Some(o) = &s.outlet {
            origin.push_str(&format!(", {o}"));
        }
        if let Some(p) = s.published {
            origin.push_str(&format!(", published {p}"));
        }
        out.push_str(&format!(
            "\n  \u{201c}{}\u{201d}\n  [{origin}] sentence {}\n",
            s.text, s.sentence
        ));
        if !s.title.is_empty() {
            out.push_str(&format!("  {}\n", s.title));
        }
        if let Some(u) = &s.url {
            out.push_str(&format!("  {u}\n"));
        }
    }
    out
}

/// Exit status 0 when the documents answer the question, 1 when they do not.
pub fn run(args: &AskArgs, quiet: bool) -> Result<ExitCode> {
    let inputs: Vec<Input> = args.inputs.iter().map(|a| Input::parse(a)).collect();
    let mut batch = annotate_inputs(&inputs, &Options::default(), &mut |_| {});
    if !quiet {
        for d in &batch.diagnostics {
            eprintln!("{d}");
        }
    }
    if batch.documents.is_empty() {
        anyhow::bail!("no documents were read from the inputs");
    }
    let story = analyse(&mut batch.documents);
    let a = answer(&args.question, &batch.documents, &story);
    let text = if args.json {
        serde_json::to_string_pretty(&a)? + "\n"
    } else {
        render(&a)
    };
    // A closed pipe (`| head`) is not an error worth a panic.
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    Ok(if a.answered {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
