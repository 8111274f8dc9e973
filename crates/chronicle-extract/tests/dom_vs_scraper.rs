//! Our HTML parser against html5ever (via `scraper`) on the scrapinghub
//! pages: the visible text (outside script, style, noscript, template,
//! title), whitespace-normalised, must agree on at least 95% of the pages.

use chronicle_extract::html::dom::Dom;
use std::path::Path;

fn hidden(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "title" | "head"
    )
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn ours(html: &str) -> String {
    let dom = Dom::parse(html);
    let mut text = String::new();
    for node in dom.nodes() {
        let Some(t) = node.as_text() else { continue };
        if node.ancestors().any(|a| a.name().is_some_and(hidden)) {
            continue;
        }
        text.push_str(t);
    }
    normalise(&text)
}

fn html5ever(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let mut text = String::new();
    for node in doc.tree.nodes() {
        let scraper::Node::Text(t) = node.value() else {
            continue;
        };
        if node
            .ancestors()
            .any(|a| a.value().as_element().is_some_and(|e| hidden(e.name())))
        {
            continue;
        }
        text.push_str(t);
    }
    normalise(&text)
}

/// First differing word and a little context on both sides.
fn first_difference(a: &str, b: &str) -> String {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let k = wa.iter().zip(&wb).take_while(|(x, y)| x == y).count();
    let from = k.saturating_sub(5);
    format!(
        "word {k}: ours {:?} | html5ever {:?}",
        wa[from..wa.len().min(k + 8)].join(" "),
        wb[from..wb.len().min(k + 8)].join(" ")
    )
}

#[test]
fn visible_text_matches_html5ever() {
    check(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/extraction/scrapinghub/html"
    ));
}

/// Slow in a debug build (590 pages): `cargo test --release ... -- --ignored`.
#[test]
#[ignore]
fn visible_text_matches_html5ever_trafilatura() {
    check(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/extraction/trafilatura-eval/html"
    ));
}

fn check(dir: &str) {
    let dir = Path::new(dir);
    if !dir.exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let (mut same, mut total) = (0, 0);
    for path in &paths {
        let Ok(html) = chronicle_eval::extraction::read_gz_text(path) else {
            continue;
        };
        total += 1;
        let (a, b) = (ours(&html), html5ever(&html));
        if a == b {
            same += 1;
        } else {
            println!(
                "{}: {}",
                path.file_name().and_then(|n| n.to_str()).unwrap_or(""),
                first_difference(&a, &b)
            );
        }
    }
    println!("same visible text on {same}/{total} pages");
    assert!(total > 0);
    assert!(same * 100 >= total * 95, "only {same}/{total} pages agree");
}
