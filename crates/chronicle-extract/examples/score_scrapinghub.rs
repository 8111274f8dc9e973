//! Scores `extract_html` on the scrapinghub article-extraction benchmark pages
//! with the benchmark's shingle metric.
//!
//! `cargo run --release -p chronicle-extract --example score_scrapinghub -- [--dir DIR] [--dump OUT.json] [--worst N]`
//!
//! `--dump` writes `{id: {"articleBody": text}}`, the format the original
//! `evaluate.py` reads from `output/*.json`.

use chronicle_eval::extraction::{load_scrapinghub, shingle_metrics, shingle_scores};
use chronicle_extract::extract_html;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/extraction/scrapinghub"
    ));
    let mut dump: Option<PathBuf> = None;
    let mut worst = 0usize;
    let mut show: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dir" => dir = args.next().map(PathBuf::from).unwrap_or(dir),
            "--dump" => dump = args.next().map(PathBuf::from),
            "--show" => show = args.next(),
            "--worst" => worst = args.next().and_then(|n| n.parse().ok()).unwrap_or(10),
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let pages = match load_scrapinghub(&dir) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("cannot load {}: {e}", dir.display());
            std::process::exit(1);
        }
    };
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    // three rounds for a steadier speed figure
    let rounds = 3;
    let t0 = Instant::now();
    let mut outputs = Vec::new();
    for round in 0..rounds {
        for p in &pages {
            let page = extract_html(&p.html, Some(&p.url));
            if round == 0 {
                outputs.push(page.text());
            }
        }
    }
    let secs = t0.elapsed().as_secs_f64() / rounds as f64;
    let m = shingle_metrics(
        outputs
            .iter()
            .zip(&pages)
            .map(|(o, p)| (o.as_str(), p.gold_body.as_str())),
    );
    // parsing alone, to show where the time goes
    let t1 = Instant::now();
    let mut nodes = 0usize;
    for p in &pages {
        nodes += scraper::Html::parse_document(&p.html).tree.nodes().count();
    }
    let parse_secs = t1.elapsed().as_secs_f64();
    println!(
        "scrapinghub: {} pages  P {:.6}  R {:.6}  F1 {:.6}  accuracy {:.4}",
        m.pages, m.precision, m.recall, m.f1, m.accuracy
    );
    println!(
        "speed: {:.1} pages/s, {:.2} ms/page, {:.1} MB/s (single thread, mean of {rounds} rounds)",
        pages.len() as f64 / secs,
        1000.0 * secs / pages.len() as f64,
        bytes as f64 / secs / 1e6
    );
    println!(
        "html5ever parse alone: {:.2} ms/page ({:.0}% of the total; {} nodes a page on average)",
        1000.0 * parse_secs / pages.len() as f64,
        100.0 * parse_secs / secs,
        nodes / pages.len().max(1)
    );
    if worst > 0 {
        let mut per: Vec<(f64, f64, &str)> = outputs
            .iter()
            .zip(&pages)
            .map(|(o, p)| {
                let (pr, re) = shingle_scores(o, &p.gold_body);
                (pr, re, p.id.as_str())
            })
            .collect();
        per.sort_by(|a, b| (a.0 + a.1).total_cmp(&(b.0 + b.1)));
        for (pr, re, id) in per.iter().take(worst) {
            println!("  P {pr:.3} R {re:.3}  {id}");
        }
    }
    if let Some(prefix) = show {
        for (o, p) in outputs.iter().zip(&pages) {
            if p.id.starts_with(&prefix) {
                let page = extract_html(&p.html, Some(&p.url));
                println!(
                    "== {} {}\n-- title {:?} site {:?} authors {:?} lang {:?}",
                    p.id, p.url, page.title, page.site_name, page.authors, page.language
                );
                for d in page.dates.iter().take(6) {
                    println!(
                        "-- date {:?} {:?} {:?} {:?} {:.2} {:?}",
                        d.source,
                        d.date.map(|d| d.to_string()),
                        d.time,
                        d.zone,
                        d.confidence,
                        d.raw
                    );
                }
                println!("-- OUTPUT\n{o}\n-- GOLD\n{}\n-- BOILERPLATE", p.gold_body);
                for b in page.boilerplate.iter().take(80) {
                    println!("   | {b}");
                }
            }
        }
    }
    if let Some(path) = dump {
        let mut map = serde_json::Map::new();
        for (o, p) in outputs.iter().zip(&pages) {
            // our per-page scores ride along for cross-checking; evaluate.py
            // reads only articleBody
            let (pr, re) = shingle_scores(o, &p.gold_body);
            map.insert(
                p.id.clone(),
                serde_json::json!({ "articleBody": o, "url": p.url, "ours": [pr, re] }),
            );
        }
        let text = serde_json::to_string(&serde_json::Value::Object(map)).unwrap_or_default();
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
    }
}
