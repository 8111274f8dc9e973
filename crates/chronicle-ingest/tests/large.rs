//! 100 MB inputs: a JSONL file streams with bounded memory; a single page
//! that large is skipped by `max_page_bytes` without being read.

mod common;

use chronicle_ingest::{read_inputs, Input, ReadEvent, ReadOptions};
use common::TempDir;
use std::io::Write;

const SIZE: u64 = 100 * 1024 * 1024;

/// Peak resident memory of this process, in KiB (Linux only).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn hundred_megabyte_inputs() {
    let tmp = TempDir::new("large");
    let jsonl = tmp.0.join("big.jsonl");
    {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&jsonl).expect("create"));
        let filler = "lorem ipsum ".repeat(80);
        let mut written = 0u64;
        let mut n = 0u64;
        while written < SIZE {
            let line = format!("{{\"id\": \"big-{n}\", \"text\": \"{filler}\"}}\n");
            out.write_all(line.as_bytes()).expect("write");
            written += line.len() as u64;
            n += 1;
        }
    }
    let html = tmp.0.join("big.html");
    {
        let file = std::fs::File::create(&html).expect("create");
        let mut out = std::io::BufWriter::new(file);
        out.write_all(b"<!doctype html><html><body>")
            .expect("write");
        let para = "<p>word word word</p>".repeat(1000);
        let mut written = 0u64;
        while written < SIZE {
            out.write_all(para.as_bytes()).expect("write");
            written += para.len() as u64;
        }
    }
    let before = peak_rss_kib();
    let mut documents = 0usize;
    let mut problems = Vec::new();
    let summary = read_inputs(
        &[Input::Path(jsonl), Input::Path(html.clone())],
        &ReadOptions::default(),
        &mut |event| match event {
            ReadEvent::Document(_) => documents += 1,
            ReadEvent::Problem(p) => problems.push(p),
        },
    );
    assert!(documents > 90_000, "read {documents} documents");
    assert_eq!(summary.documents, documents);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].file, html.display().to_string());
    assert!(
        problems[0]
            .problem
            .contains("more than the limit of 52428800 bytes for one page (max_page_bytes)"),
        "{}",
        problems[0].problem
    );
    if let (Some(before), Some(after)) = (before, peak_rss_kib()) {
        let grown_mib = after.saturating_sub(before) / 1024;
        eprintln!("peak memory grew by {grown_mib} MiB");
        assert!(
            grown_mib < 40,
            "peak memory grew by {grown_mib} MiB while reading 200 MB"
        );
    }
}
