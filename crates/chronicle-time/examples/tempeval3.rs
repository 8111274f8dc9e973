//! Tags the TempEval-3 TBAQ-cleaned documents with their creation time and scores the result.
//!
//! `cargo run --release -p chronicle-time --example tempeval3 -- [OUT_DIR] [--errors]`
//! OUT_DIR receives the system `.tml` files (TimeBank/ and AQUAINT/) for the official scorer.

use chronicle_eval::timeml::{read_timeml, write_timeml, TimemlDoc, TimemlTimex};
use chronicle_eval::timex::score_timex;
use std::collections::BTreeMap;
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
    let mut gold: Vec<(String, PathBuf, TimemlDoc)> = Vec::new();
    for part in ["TimeBank", "AQUAINT"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(part))
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        for f in files
            .into_iter()
            .filter(|f| f.extension().is_some_and(|e| e == "tml"))
        {
            match read_timeml(&f) {
                Ok(d) => gold.push((part.to_string(), f, d)),
                Err(e) => eprintln!("{e}"),
            }
        }
    }
    let bytes: usize = gold.iter().map(|g| g.2.text.len()).sum();
    let started = Instant::now();
    let mut system = Vec::with_capacity(gold.len());
    for (_, _, g) in &gold {
        let sentences = chronicle_time::split_sentences(&g.text);
        let tags = chronicle_time::tag(&g.text, &sentences, g.dct);
        let timexes = tags
            .into_iter()
            .map(|t| TimemlTimex {
                tid: String::new(),
                start: t.start,
                end: t.end,
                text: t.text,
                kind: serde_json::to_value(t.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                value: t.value,
                modifier: t.modifier,
            })
            .collect();
        system.push(TimemlDoc {
            timexes,
            ..g.clone()
        });
    }
    let secs = started.elapsed().as_secs_f64();
    let golds: Vec<TimemlDoc> = gold.iter().map(|g| g.2.clone()).collect();
    let s = score_timex(&golds, &system);
    if show_errors {
        let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for e in &s.errors {
            let g = e.gold.as_ref().map_or(String::new(), |t| {
                format!("{} {} {}", t.text, t.kind, t.value)
            });
            let y = e.system.as_ref().map_or(String::new(), |t| {
                format!("{} {} {}", t.text, t.kind, t.value)
            });
            groups
                .entry(format!("{:?}", e.kind))
                .or_default()
                .push(format!("{}\tgold: {g}\tsys: {y}\t{}", e.doc, e.context));
        }
        for (k, v) in groups {
            println!("== {k} ({})", v.len());
            for line in v {
                println!("{line}");
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
