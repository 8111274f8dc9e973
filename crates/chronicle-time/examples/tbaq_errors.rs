//! TempEval-3 scores and error patterns of the tagger on a TimeML directory, without the CLI:
//! `cargo run --release -p chronicle-time --example tbaq_errors -- DIR`.

use chronicle_eval::timeml::{read_timeml_dir, TimemlDoc, TimemlTimex};
use chronicle_eval::timex::{error_patterns, score_timex};

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: tbaq_errors TIMEML_DIR");
        return;
    };
    let gold: Vec<TimemlDoc> = match read_timeml_dir(std::path::Path::new(&dir)) {
        Ok(d) => d.docs.into_iter().map(|(_, d)| d).collect(),
        Err(e) => {
            eprintln!("{dir}: {e}");
            return;
        }
    };
    let system: Vec<TimemlDoc> = gold
        .iter()
        .map(|g| {
            let tags = chronicle_time::tag_text(&g.text, g.dct);
            g.with_timexes(tags.iter().map(TimemlTimex::from).collect())
        })
        .collect();
    let s = score_timex(&gold, &system);
    println!(
        "documents {}  strict {:.4}  relaxed {:.4}  type {:.4}  value {:.4}",
        gold.len(),
        s.strict.f1,
        s.relaxed.f1,
        s.type_f1,
        s.value_f1
    );
    for p in error_patterns(&s.errors) {
        println!("{:?}\t{}\t{}", p.kind, p.count, p.pattern);
        for e in &p.examples {
            println!("    {e}");
        }
    }
}
