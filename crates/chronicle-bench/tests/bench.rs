//! Workloads load from ../shared (or say why not) and peers are run through
//! the manifest protocol; a fake peer stands in for Python here.

use chronicle_bench::peers::{self, PeerSetup};
use chronicle_bench::workload::workloads;
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
    std::fs::write(dir.join("extract_trafilatura.py"), "").unwrap();
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
