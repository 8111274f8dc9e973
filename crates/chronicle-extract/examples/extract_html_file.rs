//! Prints what `extract_html` finds in one HTML file, as JSON.
//!
//! `cargo run -p chronicle-extract --example extract_html_file -- PAGE.html [URL]`

use chronicle_extract::extract_html;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: extract_html_file PAGE.html [URL]");
        std::process::exit(2);
    };
    let url = args.next();
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let page = extract_html(&String::from_utf8_lossy(&bytes), url.as_deref());
    match serde_json::to_string_pretty(&page) {
        Ok(s) => println!("{s}"),
        Err(e) => eprintln!("cannot serialise: {e}"),
    }
}
