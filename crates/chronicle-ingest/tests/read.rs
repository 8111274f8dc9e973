//! Reading the fixture corpus, generated files and bad input.

mod common;

use chronicle_ingest::{Input, ReadOptions};
use common::{check, fixtures, gzip, read_all, TempDir};

fn path_input(p: &std::path::Path) -> Input {
    Input::Path(p.to_path_buf())
}

#[test]
fn fixture_corpus_directory() {
    let root = fixtures();
    let (lines, summary) = read_all(&[path_input(&root.join("corpus"))], &ReadOptions::default());
    check(&lines, &root, &root.join("corpus.expected"));
    assert_eq!(summary.files, 9, "{summary:?}");
    assert_eq!(summary.ignored_records, 2, "{summary:?}");
    let counted: usize = summary.by_format.values().sum();
    assert_eq!(counted, summary.documents);
}

#[test]
fn file_arguments_get_their_bare_names_and_duplicates_are_reported() {
    let root = fixtures();
    let a = root.join("corpus/a/report.html");
    let b = root.join("corpus/b/report.html");
    let (lines, summary) = read_all(
        &[path_input(&a), path_input(&b), path_input(&a)],
        &ReadOptions::default(),
    );
    check(&lines, &root, &root.join("duplicate-names.expected"));
    assert_eq!((summary.documents, summary.skipped), (1, 2));
}

#[test]
fn unreadable_paths_are_reported() {
    let tmp = TempDir::new("missing");
    let missing = tmp.0.join("no-such-file.html");
    let (lines, summary) = read_all(
        &[
            path_input(&missing),
            Input::parse(missing.parent().unwrap().to_str().unwrap()),
        ],
        &ReadOptions::default(),
    );
    check(&lines, &tmp.0, &fixtures().join("unreadable.expected"));
    assert_eq!(
        (summary.files, summary.documents, summary.skipped),
        (0, 0, 1)
    );
}

#[test]
fn binary_empty_and_gzipped_files() {
    let tmp = TempDir::new("mixed");
    let page = b"<!doctype html><html><body><p>Gzipped page about the dam.</p></body></html>";
    tmp.write("1-page.html.gz", &gzip(page));
    // Multi-member gzip: one member per line, as WARC writers do per record.
    let mut members = gzip(b"{\"id\": \"m-1\", \"text\": \"first member\"}\n");
    members.extend(gzip(b"{\"id\": \"m-2\", \"text\": \"second member\"}\n"));
    tmp.write("2-feed.jsonl.gz", &members);
    tmp.write("3-empty.gz", &gzip(b""));
    let mut corrupt = gzip(b"some text that will be damaged in the middle of the stream");
    let len = corrupt.len();
    corrupt[12..len - 8].iter_mut().for_each(|b| *b = 0xff);
    tmp.write("4-corrupt.txt.gz", &corrupt);
    // Damage after the first bytes: the part before is still read.
    let mut half = gzip("Ferry news. ".repeat(2000).as_bytes());
    let len = half.len();
    half.truncate(len / 2);
    tmp.write("4b-half.txt.gz", &half);
    tmp.write("5-image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    tmp.write("6-nul.txt", b"looks like text\0but has NUL bytes");
    let noise: Vec<u8> = (0..4096u32).map(|i| (i % 31) as u8 + 1).collect();
    tmp.write("7-noise.bin", &noise);
    tmp.write("8-blank.txt", b"  \n\t\n");
    tmp.write(
        "9-gold.json",
        b"{\n  \"article\": {\n    \"title\": \"Not JSON lines\"\n  }\n}\n",
    );
    let (lines, summary) = read_all(&[path_input(&tmp.0)], &ReadOptions::default());
    check(&lines, &tmp.0, &fixtures().join("mixed.expected"));
    assert_eq!(summary.documents, 4, "{lines:#?}");
}

#[test]
fn pages_above_the_limit_are_skipped() {
    let tmp = TempDir::new("limit");
    let big = format!("<html><body>{}</body></html>", "<p>word</p>".repeat(200));
    tmp.write("a-plain.html", big.as_bytes());
    tmp.write("b-zipped.html.gz", &gzip(big.as_bytes()));
    let long_line = format!(
        "{{\"id\": \"long\", \"text\": \"{}\"}}\n{{\"id\": \"short\", \"text\": \"fits\"}}\n",
        "x".repeat(3000)
    );
    tmp.write("c-feed.jsonl", long_line.as_bytes());
    let options = ReadOptions {
        max_page_bytes: 1000,
    };
    let (lines, summary) = read_all(&[path_input(&tmp.0)], &options);
    check(&lines, &tmp.0, &fixtures().join("limit.expected"));
    assert_eq!((summary.documents, summary.skipped), (1, 3));
}

#[test]
fn a_gzipped_warc_cut_in_the_middle_keeps_the_records_before() {
    let tmp = TempDir::new("cut-warc");
    let record = |n: u32| {
        let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Page number {n} of the crawl.</p></body></html>");
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:test:{n}>\r\nWARC-Target-URI: https://news.example/{n}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    };
    let mut bytes = Vec::new();
    for n in 1..=3 {
        bytes.extend(gzip(record(n).as_bytes()));
    }
    let keep = bytes.len() - 40;
    tmp.write("crawl.warc.gz", &bytes[..keep]);
    let (lines, summary) = read_all(&[path_input(&tmp.0)], &ReadOptions::default());
    check(&lines, &tmp.0, &fixtures().join("cut-warc.expected"));
    assert_eq!(summary.documents, 2);
}
