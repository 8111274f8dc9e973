//! Shows the block listing of benchmark pages (trafilatura-eval, or
//! scrapinghub with `sh:`) with their gold snippets.
//!
//! `cargo run --release -p chronicle-extract --example debug_page -- [sh:]SUBSTRING`
//! (an empty substring lists every page)

use chronicle_eval::extraction::{load_scrapinghub, load_trafilatura_eval, norm_ws};
use chronicle_extract::html::debug_blocks;

fn main() {
    let base = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/extraction/"
    );
    let want = std::env::args().nth(1).unwrap_or_default();
    if let Some(id) = want.strip_prefix("sh:") {
        let pages =
            load_scrapinghub(&std::path::Path::new(base).join("scrapinghub")).unwrap_or_default();
        for p in pages.iter().filter(|p| p.id.starts_with(id)) {
            println!("== {} {}\nGOLD {}", p.id, p.url, norm_ws(&p.gold_body));
            println!("{}", debug_blocks(&p.html));
        }
        return;
    }
    let pages = load_trafilatura_eval(&std::path::Path::new(base).join("trafilatura-eval"))
        .unwrap_or_default();
    for p in pages.iter().filter(|p| p.file.contains(&want)) {
        println!("== {} {}", p.file, p.url);
        for w in &p.with {
            println!("WITH    {}", norm_ws(w));
        }
        for w in &p.without {
            println!("WITHOUT {}", norm_ws(w));
        }
        println!("{}", debug_blocks(&p.html));
    }
}
