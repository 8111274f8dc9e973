//! Readers (text, HTML, JSONL, WARC, gzip), boilerplate removal, metadata and document dating.
