//! Sentences a second of the encoder on a file of lines (one text a line):
//!     cargo run --release -p chronicle-embed --features minilm --example embed_speed -- MODEL_DIR FILE
use chronicle_embed::MiniLm;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(file)) = (args.get(1), args.get(2)) else {
        return Err("usage: embed_speed MODEL_DIR FILE".into());
    };
    let model = MiniLm::load(std::path::Path::new(dir))?;
    let text = std::fs::read_to_string(file)?;
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let start = Instant::now();
    let vectors = model.embed(&lines)?;
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{} texts in {:.2} s: {:.0} texts/s ({} dimensions)",
        vectors.len(),
        seconds,
        vectors.len() as f64 / seconds,
        model.dimension()
    );
    Ok(())
}
