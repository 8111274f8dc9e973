//! Debugging aid: title and authors of every fundus page, ours next to the
//! gold ones, as JSON lines (`"ok"` says whether they match).
//!
//! `cargo run --release -p chronicle-extract --example fundus_meta [traf]`
//! (`traf`: the pages of trafilatura-eval, whose gold has titles and
//! authors too)

use chronicle_eval::extraction::{load_fundus, load_trafilatura_eval, norm_ws};
use chronicle_extract::html::extract_html;

fn main() {
    if std::env::args().nth(1).as_deref() == Some("traf") {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/corpora/extraction/trafilatura-eval"
        );
        let pages = load_trafilatura_eval(std::path::Path::new(dir)).unwrap_or_default();
        for p in &pages {
            let page = extract_html(&p.html, Some(&p.url));
            let line = serde_json::json!({
                "id": p.file,
                "gold_title": p.title,
                "title": page.title,
                "gold_author": p.author,
                "authors": page.authors.join("; "),
            });
            println!("{line}");
        }
        return;
    }
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/news/fundus"
    );
    let pages = load_fundus(std::path::Path::new(dir)).unwrap_or_default();
    for p in &pages {
        let page = extract_html(&p.html, Some(&p.url));
        let key = |v: &[String]| {
            let mut k: Vec<String> = v.iter().map(|a| norm_ws(a).to_lowercase()).collect();
            k.sort();
            k.dedup();
            k
        };
        let line = serde_json::json!({
            "id": p.id,
            "title_ok": page.title.as_deref().map(norm_ws) == p.title.as_deref().map(norm_ws),
            "authors_ok": key(&page.authors) == key(&p.authors),
            "gold_title": p.title,
            "title": page.title,
            "gold_authors": p.authors,
            "authors": page.authors,
            "site": page.site_name,
        });
        println!("{line}");
    }
}
