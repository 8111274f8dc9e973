//! Scores `extract_html` on trafilatura's evaluation pages with its snippet
//! metric (`eval_common.py`), and the first date candidate against the
//! annotated publication date.
//!
//! `cargo run --release -p chronicle-extract --example score_trafilatura_eval -- [--dir DIR] [--misses N]`

use chronicle_eval::extraction::{load_trafilatura_eval, snippet_counts, SnippetCounts};
use chronicle_extract::extract_html;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/extraction/trafilatura-eval"
    ));
    let mut misses = 0usize;
    let mut date_misses = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dir" => dir = args.next().map(PathBuf::from).unwrap_or(dir),
            "--date-misses" => date_misses = args.next().and_then(|n| n.parse().ok()).unwrap_or(10),
            "--misses" => misses = args.next().and_then(|n| n.parse().ok()).unwrap_or(10),
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let pages = match load_trafilatura_eval(&dir) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("cannot load {}: {e}", dir.display());
            std::process::exit(1);
        }
    };
    let t0 = Instant::now();
    let results: Vec<_> = pages
        .iter()
        .map(|p| extract_html(&p.html, Some(&p.url)))
        .collect();
    let secs = t0.elapsed().as_secs_f64();
    let mut total = SnippetCounts::default();
    let (mut dated, mut date_hits, mut date_found) = (0usize, 0usize, 0usize);
    let mut shown = 0usize;
    for (p, r) in pages.iter().zip(&results) {
        let text = r.text();
        let c = snippet_counts(&p.with, &p.without, Some(&text));
        total.add(c);
        if shown < misses && (c.fn_ > 0 || c.fp > 0) {
            shown += 1;
            println!("miss {} (fn {} fp {}) {}", p.file, c.fn_, c.fp, p.url);
            let norm = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            let text_n = norm(&text);
            for w in &p.with {
                if !text_n.contains(&norm(w)) {
                    let in_bp = r.boilerplate.iter().any(|b| b.contains(&norm(w)));
                    println!(
                        "   - missing{}: {:.100}",
                        if in_bp { " (in boilerplate)" } else { "" },
                        w
                    );
                }
            }
            for w in &p.without {
                if text_n.contains(&norm(w)) {
                    println!("   + unwanted: {:.100}", w);
                }
            }
        }
        if let Some(want) = p.date.as_deref().filter(|d| !d.is_empty()) {
            dated += 1;
            let got = r.dates.first().and_then(|d| d.date).map(|d| d.to_string());
            if got.is_some() {
                date_found += 1;
            }
            if got.as_deref() == Some(want) {
                date_hits += 1;
            } else if date_misses > 0 {
                date_misses -= 1;
                println!("date miss {} want {want} {}", p.file, p.url);
                for d in r.dates.iter().take(4) {
                    println!(
                        "   {:?} {:.2} {:?} {:?}",
                        d.source,
                        d.confidence,
                        d.date.map(|x| x.to_string()),
                        d.raw.chars().take(60).collect::<String>()
                    );
                }
            }
        }
    }
    println!(
        "trafilatura-eval: {} pages  P {:.4}  R {:.4}  accuracy {:.4}  F1 {:.4}  (tp {} fp {} fn {} tn {})",
        pages.len(),
        total.precision(),
        total.recall(),
        total.accuracy(),
        total.f1(),
        total.tp,
        total.fp,
        total.fn_,
        total.tn
    );
    println!(
        "dates: first candidate equals the annotated day on {date_hits}/{dated} pages ({:.3}); a candidate on {date_found}",
        date_hits as f64 / dated.max(1) as f64
    );
    println!("speed: {:.1} pages/s", pages.len() as f64 / secs);
}
