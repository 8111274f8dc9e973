//! Workloads load from ../shared (or say why not) and peers are run through
//! the manifest protocol; a fake peer stands in for Python here.

use chronicle_bench::peers::{self, PeerSetup};
use chronicle_bench::workload::{invented_timex_workload, workloads};
use chronicle_bench::{Item, Loaded, Outcome, Paths, Stage, Workload};
use std::path::PathBuf;

fn paths() -> Paths {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    Paths {
        shared: Some(root.join("../../../shared")),
        demo: Some(root.join("../../demo/corpus")),
    }
}

fn shared_present() -> bool {
    let present = paths().shared.is_some_and(|s| s.join("corpora").is_dir());
    if !present {
        println!("skipping: ../shared not found");
    }
    present
}

#[test]
fn every_stage_loads_at_most_the_limit_with_inputs_that_are_not_empty() {
    if !shared_present() {
        return;
    }
    for stage in Stage::ALL {
        for loaded in workloads(stage, &paths(), Some(2)) {
            let Loaded::Ready(w) = loaded else {
                panic!("{stage}: {loaded:?}");
            };
            assert_eq!(w.items.len(), 2, "{stage} {}", w.corpus);
            for item in &w.items {
                assert!(item.bytes > 0, "{stage} {}: {}", w.corpus, item.id);
                match stage {
                    Stage::Pipeline => assert!(item.path.as_ref().is_some_and(|p| p.is_file())),
                    Stage::Timex => assert!(item.dct.as_ref().is_some_and(|d| d.len() == 10)),
                    Stage::Extract | Stage::Dates => assert!(item.url.is_some()),
                    Stage::Entities => assert!(!item.text.is_empty()),
                }
            }
        }
    }
}

#[test]
fn missing_corpora_are_skipped_with_a_reason() {
    let paths = Paths {
        shared: Some(PathBuf::from("/nonexistent/shared")),
        demo: None,
    };
    let loaded = workloads(Stage::Pipeline, &paths, None);
    assert_eq!(loaded.len(), 2);
    for l in loaded {
        let Loaded::Skipped { reason, .. } = l else {
            panic!("{l:?}");
        };
        assert!(reason.contains("not found"), "{reason}");
    }
}

fn fake_bench_dir(name: &str, python: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chronicle-bench-{name}-{}", std::process::id()));
    let bin = dir.join(".venv/bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::write(bin.join("python"), python).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(bin.join("python"), std::fs::Permissions::from_mode(0o755))
            .unwrap();
    }
    for script in ["extract_trafilatura.py", "timex_dateparser.py"] {
        std::fs::write(dir.join(script), "").unwrap();
    }
    dir
}

fn workload() -> Workload {
    Workload {
        stage: Stage::Extract,
        corpus: "invented".into(),
        items: ["<p>one</p>", "<p>two</p>"]
            .iter()
            .enumerate()
            .map(|(i, html)| Item {
                id: i.to_string(),
                text: html.to_string(),
                bytes: html.len() as u64,
                ..Item::default()
            })
            .collect(),
    }
}

fn check(python: &str, expect: impl Fn(&Outcome)) {
    let dir = fake_bench_dir(&format!("{:x}", python.len()), python);
    let peer = &peers::peers_of(Stage::Extract)[0];
    let outcome = peers::run(
        peer,
        &PeerSetup {
            bench_dir: dir.clone(),
        },
        &workload(),
        &dir,
    );
    expect(&outcome);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_peer_reports_its_timed_pass_and_the_rest_is_start_up() {
    // The fake peer counts the manifest's lines, so it must have been written.
    let python = "#!/bin/sh\nn=$(wc -l < \"$2\")\nsleep 0.2\necho noise\necho \"{\\\"peer\\\": \\\"fake 1.0\\\", \\\"items\\\": $n, \\\"seconds\\\": 0.05, \\\"found\\\": 1, \\\"found_label\\\": \\\"pages with main text\\\"}\"\n";
    check(python, |outcome| {
        let Outcome::Measured(f) = outcome else {
            panic!("{outcome:?}");
        };
        assert_eq!(f.tool, "fake 1.0");
        assert_eq!(f.items, 2);
        assert_eq!(f.bytes, 20);
        assert_eq!(f.seconds, 0.05);
        assert!(f.startup_seconds.is_some_and(|s| s >= 0.1), "{f:?}");
        assert_eq!(f.notes, ["1 pages with main text"]);
    });
}

#[test]
fn a_peer_that_prints_no_figures_is_reported_with_its_error() {
    let python = "#!/bin/sh\necho 'ModuleNotFoundError: trafilatura' >&2\nexit 1\n";
    check(python, |outcome| {
        let Outcome::Unavailable { reason, .. } = outcome else {
            panic!("{outcome:?}");
        };
        assert!(
            reason.contains("ModuleNotFoundError: trafilatura"),
            "{reason}"
        );
    });
}

/// Two invented documents with their gold TIMEX3s.
fn timex_workload() -> Workload {
    invented_timex_workload(
        "2030-04-10",
        &[
            (
                "d1",
                "The dam failed on Tuesday; crews worked for three days.",
                &[
                    ("Tuesday", "DATE", "2030-04-09"),
                    ("three days", "DURATION", "P3D"),
                ],
            ),
            (
                "d2",
                "By noon the river had crested.",
                &[("noon", "TIME", "2030-04-10T12:00")],
            ),
        ],
    )
    .expect("gold phrases in their texts")
}

#[test]
fn a_timex_peer_output_is_scored_against_the_gold() {
    // The fake dateparser finds "on Tuesday" (wider than the gold: relaxed
    // only, right value) and "noon" with a wrong value; it misses "three days".
    let python = concat!(
        "#!/bin/sh\n",
        "cat > \"$3\" <<'END'\n",
        r#"{"id": "d1", "timexes": [{"start": 15, "end": 25, "text": "on Tuesday", "type": "DATE", "value": "2030-04-09"}]}"#,
        "\n",
        r#"{"id": "d2", "timexes": [{"start": 3, "end": 7, "text": "noon", "type": "TIME", "value": "2030-04-10"}]}"#,
        "\nEND\n",
        r#"echo '{"peer": "fake dateparser", "items": 2, "seconds": 0.01, "found": 2, "found_label": "time expressions"}'"#,
        "\n",
    );
    let dir = fake_bench_dir("timex", python);
    let peer = &peers::peers_of(Stage::Timex)[1];
    assert_eq!(peer.script, "timex_dateparser.py");
    let outcome = peers::run(
        peer,
        &PeerSetup {
            bench_dir: dir.clone(),
        },
        &timex_workload(),
        &dir,
    );
    let _ = std::fs::remove_dir_all(&dir);
    let Outcome::Measured(f) = outcome else {
        panic!("{outcome:?}");
    };
    assert_eq!(f.tool, "fake dateparser");
    let q = f.quality.expect("scored against the gold");
    assert_eq!((q.gold, q.system), (3, 2));
    assert_eq!(
        q.strict.precision, 0.5,
        "only \"noon\" has the gold's tokens"
    );
    assert_eq!(q.relaxed.precision, 1.0);
    assert!((q.relaxed.recall - 2.0 / 3.0).abs() < 1e-9, "{q:?}");
    let value_f1 = q.value_f1.expect("values given");
    assert!((value_f1 - 0.5 * q.relaxed.f1).abs() < 1e-9, "{q:?}");
}
