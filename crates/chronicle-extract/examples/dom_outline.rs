//! Debugging aid: prints the element outline of a page as our parser builds
//! it, to `DEPTH` levels (default 6). `dom_outline PAGE.html[.gz] [DEPTH]`

mod common;

use chronicle_extract::html::dom::Dom;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: dom_outline PAGE.html[.gz] [DEPTH]");
        std::process::exit(2);
    };
    let max_depth: usize = args.get(1).and_then(|d| d.parse().ok()).unwrap_or(6);
    let text = common::read_page(std::path::Path::new(path));
    let dom = Dom::parse(&text);
    for node in dom.nodes() {
        let depth = node.ancestors().count();
        if depth > max_depth {
            continue;
        }
        let indent = "  ".repeat(depth);
        if let Some(el) = node.element() {
            let class = el.attr("class").unwrap_or("");
            println!(
                "{indent}<{} .{class} #{}>",
                el.name(),
                el.id().unwrap_or("")
            );
        } else if let Some(t) = node.as_text() {
            let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
            if !t.is_empty() {
                println!("{indent}{:?}", t.chars().take(80).collect::<String>());
            }
        }
    }
}
