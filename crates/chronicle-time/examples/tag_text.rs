//! Tags a text given on standard input:
//! `cargo run -p chronicle-time --example tag_text -- 2021-07-28 [LANGUAGE] < file`.

use std::io::Read;

fn main() {
    let dct = std::env::args().nth(1).and_then(|s| s.parse().ok());
    let language = std::env::args().nth(2).unwrap_or_else(|| "en".into());
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("could not read standard input as UTF-8");
        std::process::exit(1);
    }
    let sentences = chronicle_time::split_sentences_in(&language, &text);
    for (i, s) in sentences.iter().enumerate() {
        println!("[{i}] {}", s.text);
    }
    for t in chronicle_time::tag_in(&language, &text, &sentences, dct) {
        let m = t.modifier.as_deref().unwrap_or("");
        println!("{:?}\t{}\t{}\t{m}", t.kind, t.value, t.text);
    }
}
