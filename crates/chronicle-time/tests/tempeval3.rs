//! Floors on TempEval-3 TBAQ-cleaned (256 documents); skipped without ../shared.

use chronicle_eval::timeml::{read_timeml, TimemlDoc, TimemlTimex};
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
        let Ok(rd) = std::fs::read_dir(root.join(part)) else {
            continue;
        };
        for e in rd.flatten() {
            if e.path().extension().is_some_and(|x| x == "tml") {
                gold.push(read_timeml(&e.path()).expect("readable TimeML"));
            }
        }
    }
    assert_eq!(gold.len(), 256);
    let system: Vec<TimemlDoc> = gold
        .iter()
        .map(|g| {
            let sentences = chronicle_time::split_sentences(&g.text);
            let timexes = chronicle_time::tag(&g.text, &sentences, g.dct)
                .into_iter()
                .map(|t| TimemlTimex {
                    tid: String::new(),
                    start: t.start,
                    end: t.end,
                    text: t.text,
                    kind: format!("{:?}", t.kind).to_uppercase(),
                    value: t.value,
                    modifier: t.modifier,
                })
                .collect();
            TimemlDoc {
                timexes,
                ..g.clone()
            }
        })
        .collect();
    let s = score_timex(&gold, &system);
    println!(
        "strict {:.4} relaxed {:.4} type {:.4} value {:.4}",
        s.strict.f1, s.relaxed.f1, s.type_f1, s.value_f1
    );
    assert!(s.strict.f1 >= 0.84, "strict F1 {}", s.strict.f1);
    assert!(s.relaxed.f1 >= 0.92, "relaxed F1 {}", s.relaxed.f1);
    assert!(s.value_f1 >= 0.76, "value F1 {}", s.value_f1);
}
