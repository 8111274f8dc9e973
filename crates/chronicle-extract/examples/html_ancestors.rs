//! Debugging aid: prints the element chain above every text node that
//! contains a snippet. `html_ancestors PAGE.html[.gz] SNIPPET`

mod common;

use chronicle_extract::html::dom::Dom;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(key)) = (args.first(), args.get(1)) else {
        eprintln!("usage: html_ancestors PAGE.html[.gz] SNIPPET");
        std::process::exit(2);
    };
    let text = common::read_page(std::path::Path::new(path));
    if key == "--blocks" {
        print!("{}", chronicle_extract::html::debug_blocks(&text));
        return;
    }
    let doc = Dom::parse(&text);
    for node in doc.nodes() {
        let Some(t) = node.as_text() else {
            continue;
        };
        if !t.contains(key.as_str()) {
            continue;
        }
        let chain: Vec<String> = node
            .ancestors()
            .filter_map(|a| a.element())
            .map(|e| {
                let s = format!(
                    "{}.{}#{}",
                    e.name(),
                    e.attr("class").unwrap_or(""),
                    e.id().unwrap_or("")
                );
                s.chars().take(70).collect()
            })
            .collect();
        println!("{}\n", chain.join(" < "));
    }
}
