#!/usr/bin/env python3
"""Build demo/corpus/warc/crawl.warc.gz from the pages in demo/tools/warc-src/.

warc-src/manifest.json lists the records in file order: one warcinfo record,
then request and response records. A response names a page file in warc-src/
and the HTTP headers to send with it; Content-Length and the digests are
computed here. Dates and record ids come from the manifest, and every record
is gzipped on its own with a zero timestamp, so the output is the same bytes
on every run.

Usage: python3 demo/tools/make_warc.py [--check]
  --check  rebuild in memory and fail if the committed file differs.
Standard library only.
"""

import base64
import gzip
import hashlib
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

SRC = Path(__file__).resolve().parent / "warc-src"
CRLF = b"\r\n"


def sha1_label(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def header_block(fields) -> bytes:
    return b"".join(f"{name}: {value}".encode("utf-8") + CRLF for name, value in fields)


def record(warc_fields, block: bytes) -> bytes:
    fields = list(warc_fields) + [("Content-Length", str(len(block)))]
    raw = b"WARC/1.0" + CRLF + header_block(fields) + CRLF + block + CRLF + CRLF
    # mtime=0 and no file name keep the gzip member byte-identical between runs.
    return gzip.compress(raw, compresslevel=9, mtime=0)


def warcinfo_record(info) -> bytes:
    block = header_block(info["fields"].items())
    return record(
        [
            ("WARC-Type", "warcinfo"),
            ("WARC-Date", info["date"]),
            ("WARC-Record-ID", f"<{info['record_id']}>"),
            ("WARC-Filename", "crawl.warc.gz"),
            ("Content-Type", "application/warc-fields"),
        ],
        block,
    )


def request_record(rec, warcinfo_id: str) -> bytes:
    url = urlsplit(rec["uri"])
    block = (
        f"GET {url.path or '/'} HTTP/1.1\r\n"
        f"Host: {url.netloc}\r\n"
        "User-Agent: chronicle-demo-crawler/1.0\r\n"
        "Accept: text/html,application/xhtml+xml\r\n"
        "Accept-Language: en\r\n"
        "\r\n"
    ).encode("ascii")
    return record(
        [
            ("WARC-Type", "request"),
            ("WARC-Record-ID", f"<{rec['record_id']}>"),
            ("WARC-Date", rec["date"]),
            ("WARC-Target-URI", rec["uri"]),
            ("WARC-Concurrent-To", f"<{rec['concurrent_to']}>"),
            ("WARC-Warcinfo-ID", f"<{warcinfo_id}>"),
            ("Content-Type", "application/http;msgtype=request"),
            ("WARC-Block-Digest", sha1_label(block)),
        ],
        block,
    )


def response_record(rec, warcinfo_id: str) -> bytes:
    payload = (SRC / rec["file"]).read_bytes()
    headers = list(rec["http_headers"]) + [("Content-Length", str(len(payload)))]
    block = b"HTTP/1.1 200 OK" + CRLF + header_block(headers) + CRLF + payload
    return record(
        [
            ("WARC-Type", "response"),
            ("WARC-Record-ID", f"<{rec['record_id']}>"),
            ("WARC-Date", rec["date"]),
            ("WARC-Target-URI", rec["uri"]),
            ("WARC-Warcinfo-ID", f"<{warcinfo_id}>"),
            ("Content-Type", "application/http;msgtype=response"),
            ("WARC-Payload-Digest", sha1_label(payload)),
            ("WARC-Block-Digest", sha1_label(block)),
        ],
        block,
    )


def build() -> tuple[Path, bytes]:
    manifest = json.loads((SRC / "manifest.json").read_text(encoding="utf-8"))
    info = manifest["warcinfo"]
    parts = [warcinfo_record(info)]
    for rec in manifest["records"]:
        if rec["type"] == "request":
            parts.append(request_record(rec, info["record_id"]))
        elif rec["type"] == "response":
            parts.append(response_record(rec, info["record_id"]))
        else:
            raise SystemExit(f"unknown record type {rec['type']!r}")
    return (SRC / manifest["output"]).resolve(), b"".join(parts)


def main() -> int:
    out, data = build()
    if "--check" in sys.argv[1:]:
        if not out.exists() or out.read_bytes() != data:
            print(f"{out} is out of date; run demo/tools/make_warc.py", file=sys.stderr)
            return 1
        print(f"{out} is up to date")
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(f"wrote {out} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
