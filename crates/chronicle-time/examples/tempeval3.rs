//! Tags the TempEval-3 TBAQ-cleaned documents with their creation time and scores the result.
//!
//! `cargo run --release -p chronicle-time --example tempeval3 -- [OUT_DIR] [--errors]`
//! OUT_DIR receives the system `.tml` files (TimeBank/ and AQUAINT/) for the official scorer.
//! `chronicle eval timex DIR` does the same for any gold directory.

use chronicle_eval::timeml::{read_timeml_dir, write_timeml, TimemlDoc, TimemlTimex};
use chronicle_eval::timex::{error_patterns, score_timex};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpora/tempeval3/TBAQ-cleaned");
    if !root.is_dir() {
        println!("skipping: ../shared not found ({})", root.display());
        return;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_errors = args.iter().any(|a| a == "--errors");
    let out_dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from);
    let mut gold: Vec<(&str, PathBuf, TimemlDoc)> = Vec::new();
    for part in ["TimeBank", "AQUAINT"] {
        match read_timeml_dir(&root.join(part)) {
            Ok(dir) => {
                for e in dir.errors {
                    eprintln!("{e}");
                }
                gold.extend(dir.docs.into_iter().map(|(p, d)| (part, p, d)));
            }
            Err(e) => eprintln!("{e}"),
        }
    }
    let bytes: usize = gold.iter().map(|g| g.2.text.len()).sum();
    let started = Instant::now();
    let system: Vec<TimemlDoc> = gold
        .iter()
        .map(|(_, _, g)| {
            let tags = chronicle_time::tag_text(&g.text, g.dct);
            g.with_timexes(tags.iter().map(TimemlTimex::from).collect())
        })
        .collect();
    let secs = started.elapsed().as_secs_f64();
    let golds: Vec<TimemlDoc> = gold.iter().map(|g| g.2.clone()).collect();
    let s = score_timex(&golds, &system);
    if show_errors {
        for p in error_patterns(&s.errors) {
            println!("== {:?} {} ({})", p.kind, p.pattern, p.count);
            for line in &p.examples {
                println!("    {line}");
            }
        }
    }
    if let Some(dir) = out_dir {
        for ((part, file, _), sys) in gold.iter().zip(&system) {
            let d = dir.join(part);
            let name = file.file_name().map(|n| d.join(n));
            if let (Ok(()), Some(path)) = (std::fs::create_dir_all(&d), name) {
                if let Err(e) = std::fs::write(&path, write_timeml(sys, &sys.timexes)) {
                    eprintln!("{}: {e}", path.display());
                }
            }
        }
    }
    let t = s.total;
    println!(
        "documents {} gold {} system {} relaxed {} strict {}",
        gold.len(),
        t.gold,
        t.system,
        t.relaxed,
        t.strict
    );
    println!(
        "strict P/R/F1 {:.4}/{:.4}/{:.4}  relaxed P/R/F1 {:.4}/{:.4}/{:.4}  type F1 {:.4}  value F1 {:.4}",
        s.strict.precision, s.strict.recall, s.strict.f1, s.relaxed.precision, s.relaxed.recall, s.relaxed.f1, s.type_f1, s.value_f1
    );
    println!(
        "speed: {:.0} documents/s, {:.2} MB/s ({} bytes in {:.3} s, splitting and tagging)",
        gold.len() as f64 / secs,
        bytes as f64 / 1e6 / secs,
        bytes,
        secs
    );
}
