//! The five seed pages (../shared/corpora/seeds) through the text-scrape extractor.

use chronicle_extract::extract_text;
use std::path::PathBuf;

fn seeds_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpora/seeds"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: ../shared/corpora/seeds not found");
        None
    }
}

fn page(name: &str) -> Option<chronicle_extract::TextPage> {
    let dir = seeds_dir()?;
    let entry = std::fs::read_dir(&dir)
        .ok()?
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(name))?;
    Some(extract_text(&std::fs::read_to_string(entry.path()).ok()?))
}

#[test]
fn print_seeds() {
    for n in ["000", "001", "002", "003", "004"] {
        if let Some(p) = page(n) {
            println!("=== {n}: title={:?} outlet={:?} authors={:?}", p.title, p.outlet, p.authors);
            println!("header: {:?}", p.header_lines);
            println!("captions: {:?}", p.captions);
            for para in &p.paragraphs {
                println!("  P: {}", &para[..para.len().min(90)]);
            }
            for b in &p.boilerplate {
                println!("  B: {}", &b[..b.len().min(90)]);
            }
        }
    }
}
