//! `chronicle eval extraction`: main text (and, on fundus, title and authors)
//! of HTML pages against the scrapinghub benchmark, trafilatura-eval or the
//! fundus fixtures. Loading and scoring are in `chronicle_eval::extraction`,
//! extraction in `chronicle_extract::extract_html`.

use anyhow::{Context, Result};
use chronicle_eval::extraction::{
    evaluate_fundus, evaluate_scrapinghub, evaluate_trafilatura, load_fundus, load_scrapinghub,
    load_trafilatura_eval, Extracted, ExtractionReport,
};
use chronicle_extract::extract_html;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ExtractionDataset {
    Scrapinghub,
    Trafilatura,
    Fundus,
}

#[derive(clap::Args)]
pub struct ExtractionArgs {
    /// Which data set DIR holds: scrapinghub, trafilatura or fundus.
    #[arg(long)]
    dataset: ExtractionDataset,
    /// The data set's directory.
    dir: PathBuf,
    /// Print the report as JSON (scores and every page).
    #[arg(long)]
    json: bool,
    /// List the N worst pages with what was kept wrongly and what was dropped.
    #[arg(long, value_name = "N", default_value_t = 0)]
    errors: usize,
    /// Write the extracted main text of every page to FILE as a JSON object
    /// keyed by page URL, for scoring with the data set's own scripts.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Score the texts in FILE (a JSON object keyed by page URL, as `--out`
    /// writes) instead of running chronicle's extractor; a page missing from
    /// FILE counts as an empty output.
    #[arg(long, value_name = "FILE", conflicts_with = "out")]
    system: Option<PathBuf>,
}

fn extract(html: &str, url: Option<&str>) -> Extracted {
    let page = extract_html(html, url);
    Extracted {
        text: page.paragraphs.join("\n"),
        title: page.title,
        authors: page.authors,
    }
}

fn print_report(r: &ExtractionReport, errors: usize) {
    println!(
        "{}: {} pages  P {:.4}  R {:.4}  F1 {:.4}  accuracy {:.4}",
        r.dataset, r.pages, r.precision, r.recall, r.f1, r.accuracy
    );
    if let Some(m) = &r.metadata {
        println!("title: exact {:.4}", m.title_exact);
        println!(
            "authors: P {:.4}  R {:.4}  F1 {:.4}",
            m.author_precision, m.author_recall, m.author_f1
        );
    }
    println!(
        "speed: {:.1} pages/s (extraction only, one thread)",
        r.pages as f64 / r.seconds.max(1e-9)
    );
    for p in r.worst(errors) {
        println!(
            "\n{}  P {:.3} R {:.3}  {}",
            p.id, p.precision, p.recall, p.url
        );
        if let Some((got, want)) = &p.title_miss {
            println!("  title {got:?}, gold {want:?}");
        }
        for l in &p.kept_wrongly {
            println!("  + {l}");
        }
        for l in &p.dropped {
            println!("  - {l}");
        }
    }
}

/// The texts of another system, keyed by page URL.
fn read_system(path: &Path) -> Result<BTreeMap<String, String>> {
    let raw = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_slice(&raw).with_context(|| {
        format!(
            "{}: expected a JSON object of texts keyed by URL",
            path.display()
        )
    })
}

pub fn run(args: &ExtractionArgs, quiet: bool) -> Result<ExitCode> {
    let dir = &args.dir;
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    let keep = args.out.is_some();
    let system = args.system.as_deref().map(read_system).transpose()?;
    let mut missing = 0usize;
    let extract_and_keep = |html: &str, url: Option<&str>| {
        let extracted = match &system {
            Some(given) => {
                let text = given.get(url.unwrap_or_default()).cloned();
                if text.is_none() {
                    missing += 1;
                }
                Extracted {
                    text: text.unwrap_or_default(),
                    ..Extracted::default()
                }
            }
            None => extract(html, url),
        };
        if keep {
            texts.insert(url.unwrap_or_default().to_string(), extracted.text.clone());
        }
        extracted
    };
    let report = match args.dataset {
        ExtractionDataset::Scrapinghub => {
            let pages = load_scrapinghub(dir)
                .with_context(|| format!("loading scrapinghub pages from {}", dir.display()))?;
            evaluate_scrapinghub(&pages, extract_and_keep)
        }
        ExtractionDataset::Trafilatura => {
            let pages = load_trafilatura_eval(dir).with_context(|| {
                format!("loading trafilatura-eval pages from {}", dir.display())
            })?;
            evaluate_trafilatura(&pages, extract_and_keep)
        }
        ExtractionDataset::Fundus => {
            let pages = load_fundus(dir)
                .with_context(|| format!("loading fundus pages from {}", dir.display()))?;
            evaluate_fundus(&pages, extract_and_keep)
        }
    };
    if report.pages == 0 {
        anyhow::bail!("no pages found in {}", dir.display());
    }
    if missing > 0 {
        eprintln!("warning: {missing} pages have no text in the --system file (scored as empty)");
    }
    if let Some(out) = &args.out {
        std::fs::write(out, serde_json::to_string_pretty(&texts)?)
            .with_context(|| format!("writing the extracted texts to {}", out.display()))?;
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else if !quiet || args.errors > 0 {
        print_report(&report, args.errors);
    } else {
        print_report(&report, 0);
    }
    Ok(ExitCode::SUCCESS)
}
