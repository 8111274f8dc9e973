//! Profiling aid: parses (ours, then html5ever) and extracts every page of
//! a directory `ROUNDS` times and prints the time per page. `extract_loop DIR [ROUNDS]`

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: extract_loop DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut pages = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    for path in paths {
        let text = if path.extension().is_some_and(|x| x == "gz") {
            chronicle_eval::extraction::read_gz_text(&path).unwrap_or_default()
        } else {
            std::fs::read_to_string(&path).unwrap_or_default()
        };
        pages.push(text);
    }
    let started = Instant::now();
    let mut nodes = 0;
    for _ in 0..rounds {
        for page in &pages {
            nodes += chronicle_extract::html::dom::Dom::parse(page).len();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "parse only: {:.3} ms/page ({nodes} nodes)",
        secs * 1000.0 / (pages.len() * rounds) as f64
    );
    let started = Instant::now();
    let mut html5ever_nodes = 0;
    for _ in 0..rounds {
        for page in &pages {
            html5ever_nodes += scraper::Html::parse_document(page).tree.nodes().count();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "html5ever (scraper) parse only: {:.3} ms/page ({html5ever_nodes} nodes)",
        secs * 1000.0 / (pages.len() * rounds) as f64
    );
    let started = Instant::now();
    let mut kept = 0;
    for _ in 0..rounds {
        for page in &pages {
            let out = chronicle_extract::extract_html(page, None);
            kept += out.paragraphs.len();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let n = pages.len() * rounds;
    println!(
        "{n} pages in {secs:.3} s: {:.1} pages/s, {:.3} ms/page ({kept} paragraphs)",
        n as f64 / secs,
        secs * 1000.0 / n as f64
    );
}
