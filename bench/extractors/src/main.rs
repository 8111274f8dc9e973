//! Runs one third-party main-text extractor on every page of a chronicle dev
//! set and writes the texts as `chronicle eval extraction --out` does (a JSON
//! object keyed by page URL), so that `chronicle eval extraction --system FILE`
//! scores them with the same code as chronicle's own extractor.
//!
//! Each candidate is a cargo feature, so one that does not build here does not
//! stop the others: `cargo run --release --features dom_smoothie -- ...`.

use anyhow::{bail, Context, Result};
use chronicle_eval::extraction::{load_fundus, load_scrapinghub, load_trafilatura_eval};
use clap::{Parser, ValueEnum};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Clone, Copy, ValueEnum)]
enum Dataset {
    Scrapinghub,
    Trafilatura,
    Fundus,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Candidate {
    Chronicle,
    /// dom_smoothie with `TextMode::Formatted` (block breaks kept).
    DomSmoothie,
    /// dom_smoothie with its default `TextMode::Raw` (DOM textContent).
    DomSmoothieRaw,
    Readability,
    RsTrafilatura,
    Trafilatura,
    ReadabilityRs,
}

#[derive(Parser)]
#[command(about = "Runs a candidate extractor on a dev set and writes its texts keyed by URL")]
struct Args {
    /// The extractor to run (it must be compiled in with its cargo feature).
    #[arg(long)]
    candidate: Candidate,
    /// Which data set DIR holds.
    #[arg(long)]
    dataset: Dataset,
    /// The data set's directory.
    dir: PathBuf,
    /// Where to write the texts (JSON object keyed by page URL).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Run the extraction loop this many times and report the fastest round
    /// (the machine is shared, so one round can be slowed by other jobs).
    #[arg(long, default_value_t = 1)]
    rounds: u32,
}

/// Page URL and decoded HTML, in the data set's loading order.
fn load_pages(dataset: Dataset, dir: &std::path::Path) -> Result<Vec<(String, String)>> {
    Ok(match dataset {
        Dataset::Scrapinghub => load_scrapinghub(dir)?
            .into_iter()
            .map(|p| (p.url, p.html))
            .collect(),
        Dataset::Trafilatura => load_trafilatura_eval(dir)?
            .into_iter()
            .map(|p| (p.url, p.html))
            .collect(),
        Dataset::Fundus => load_fundus(dir)?
            .into_iter()
            .map(|p| (p.url, p.html))
            .collect(),
    })
}

/// The page URL when it is a web address: trafilatura-eval keys some pages
/// by labels such as `hard::site.html`, which parse as URLs of scheme "hard".
#[allow(dead_code)] // unused when no candidate is compiled in
fn web_url(url: &str) -> Option<url::Url> {
    url::Url::parse(url)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
}

/// The page URL, or a placeholder for the crates that insist on one.
#[cfg(any(
    feature = "readability",
    feature = "trafilatura",
    feature = "readability-rs"
))]
fn page_url(url: &str) -> url::Url {
    web_url(url)
        .or_else(|| url::Url::parse("http://localhost/").ok())
        .expect("constant URL parses")
}

#[allow(unused_variables)] // html and url go unused when no candidate is compiled in
fn run_candidate(candidate: Candidate, html: &str, url: &str) -> Result<String> {
    match candidate {
        // As `chronicle eval extraction --out` joins them.
        #[cfg(feature = "chronicle")]
        Candidate::Chronicle => Ok(chronicle_extract::extract_html(html, Some(url))
            .paragraphs
            .join("\n")),
        #[cfg(feature = "dom_smoothie")]
        Candidate::DomSmoothie | Candidate::DomSmoothieRaw => {
            let text_mode = if candidate == Candidate::DomSmoothie {
                dom_smoothie::TextMode::Formatted
            } else {
                dom_smoothie::TextMode::Raw
            };
            let cfg = dom_smoothie::Config {
                text_mode,
                ..Default::default()
            };
            let base = web_url(url).map(|u| u.to_string());
            let mut r = dom_smoothie::Readability::new(html, base.as_deref(), Some(cfg))?;
            Ok(r.parse()?.text_content.to_string())
        }
        #[cfg(feature = "readability")]
        Candidate::Readability => {
            let product = readability::extractor::extract(&mut html.as_bytes(), &page_url(url))
                .map_err(|e| anyhow::anyhow!("{e:?}"))?;
            Ok(product.text)
        }
        #[cfg(feature = "rs-trafilatura")]
        Candidate::RsTrafilatura => {
            let options = rs_trafilatura::Options {
                url: web_url(url).map(|u| u.to_string()),
                ..Default::default()
            };
            Ok(rs_trafilatura::extract_with_options(html, &options)?.content_text)
        }
        #[cfg(feature = "trafilatura")]
        Candidate::Trafilatura => {
            let options = trafilatura::Options::default().with_url(page_url(url));
            Ok(trafilatura::extract(html, &options)?.content_text)
        }
        #[cfg(feature = "readability-rs")]
        Candidate::ReadabilityRs => {
            let readable =
                readability_rs::extract(&mut html.as_bytes(), &page_url(url), Default::default())
                    .map_err(|e| anyhow::anyhow!("{e:?}"))?;
            Ok(readable.text)
        }
        #[allow(unreachable_patterns)]
        _ => bail!("this candidate was not compiled in: build with its cargo feature"),
    }
}

fn main() -> Result<()> {
    let args = Args::parse();
    let pages = load_pages(args.dataset, &args.dir)
        .with_context(|| format!("loading pages from {}", args.dir.display()))?;
    if pages.is_empty() {
        bail!("no pages found in {}", args.dir.display());
    }
    // Check the candidate is compiled in before timing anything.
    run_candidate(
        args.candidate,
        "<html><body><p>x</p></body></html>",
        "http://localhost/",
    )
    .map(|_| ())
    .or_else(|e| {
        if e.to_string().contains("not compiled in") {
            Err(e)
        } else {
            Ok(())
        }
    })?;
    let mut texts = BTreeMap::new();
    let mut failures = 0usize;
    let mut errors: BTreeMap<String, usize> = BTreeMap::new();
    let mut seconds = f64::INFINITY;
    for _ in 0..args.rounds.max(1) {
        texts.clear();
        errors.clear();
        failures = 0;
        let t0 = Instant::now();
        for (url, html) in &pages {
            // A page the candidate rejects counts as an empty output, as the
            // benchmarks' own runners do.
            let text = run_candidate(args.candidate, html, url).unwrap_or_else(|e| {
                failures += 1;
                *errors.entry(e.to_string()).or_insert(0) += 1;
                String::new()
            });
            texts.insert(url.clone(), text);
        }
        seconds = seconds.min(t0.elapsed().as_secs_f64());
    }
    std::fs::write(&args.out, serde_json::to_string_pretty(&texts)?)
        .with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "{} pages, {} failed (empty output), {:.2} s, {:.1} pages/s (extraction only, one thread)",
        pages.len(),
        failures,
        seconds,
        pages.len() as f64 / seconds.max(1e-9)
    );
    for (message, count) in &errors {
        eprintln!("  {count} × {message}");
    }
    Ok(())
}
