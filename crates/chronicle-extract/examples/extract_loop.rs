//! Profiling aid: parses (ours, then html5ever) and extracts every page of
//! a directory `ROUNDS` times and prints the time per page. `extract_loop DIR [ROUNDS]`

mod common;

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: extract_loop DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    let mut pages = Vec::new();
    for path in paths {
        pages.push(common::read_page(&path));
    }
    let n = pages.len() * rounds;
    let (secs, nodes) = time_rounds(&pages, rounds, |page| {
        chronicle_extract::html::dom::Dom::parse(page).len()
    });
    println!(
        "parse only: {:.3} ms/page ({nodes} nodes)",
        secs * 1000.0 / n as f64
    );
    let (secs, html5ever_nodes) = time_rounds(&pages, rounds, |page| {
        scraper::Html::parse_document(page).tree.nodes().count()
    });
    println!(
        "html5ever (scraper) parse only: {:.3} ms/page ({html5ever_nodes} nodes)",
        secs * 1000.0 / n as f64
    );
    let (secs, kept) = time_rounds(&pages, rounds, |page| {
        chronicle_extract::extract_html(page, None).paragraphs.len()
    });
    println!(
        "{n} pages in {secs:.3} s: {:.1} pages/s, {:.3} ms/page ({kept} paragraphs)",
        n as f64 / secs,
        secs * 1000.0 / n as f64
    );
}

/// Runs `work` on every page `rounds` times: the seconds taken and the sum
/// of what it returned.
fn time_rounds(
    pages: &[String],
    rounds: usize,
    mut work: impl FnMut(&str) -> usize,
) -> (f64, usize) {
    let started = Instant::now();
    let mut total = 0;
    for _ in 0..rounds {
        for page in pages {
            total += work(page);
        }
    }
    (started.elapsed().as_secs_f64(), total)
}
