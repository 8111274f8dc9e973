//! Floors on TempEval-3 TBAQ-cleaned (256 documents); skipped without ../shared.

use chronicle_eval::timeml::{read_timeml_dir, TimemlDoc, TimemlTimex};
use chronicle_eval::timex::score_timex;
use std::path::Path;

#[test]
fn tbaq_scores_stay_above_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpora/tempeval3/TBAQ-cleaned");
    if !root.is_dir() {
        println!("skipping: ../shared not found ({})", root.display());
        return;
    }
    let mut gold = Vec::new();
    for part in ["TimeBank", "AQUAINT"] {
        let dir = read_timeml_dir(&root.join(part)).expect("readable directory");
        assert!(dir.errors.is_empty(), "{:?}", dir.errors);
        gold.extend(dir.docs.into_iter().map(|(_, d)| d));
    }
    assert_eq!(gold.len(), 256);
    let system: Vec<TimemlDoc> = gold
        .iter()
        .map(|g| {
            let tags = chronicle_time::tag_text(&g.text, g.dct);
            g.with_timexes(tags.iter().map(TimemlTimex::from).collect())
        })
        .collect();
    let s = score_timex(&gold, &system);
    println!(
        "strict {:.4} relaxed {:.4} type {:.4} value {:.4}",
        s.strict.f1, s.relaxed.f1, s.type_f1, s.value_f1
    );
    assert!(s.strict.f1 >= 0.895, "strict F1 {}", s.strict.f1);
    assert!(s.relaxed.f1 >= 0.944, "relaxed F1 {}", s.relaxed.f1);
    assert!(s.value_f1 >= 0.818, "value F1 {}", s.value_f1);
}
