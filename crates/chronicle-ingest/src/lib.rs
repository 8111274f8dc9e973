//! Readers: files, directories, stdin; text, HTML, JSONL, WARC, gzip; character sets.
