#!/usr/bin/env python3
"""Build the two demo pages that are not stored as plain UTF-8.

Their UTF-8 sources live in demo/tools/page-src/:
  riverlands-herald-evacuation.html -> corpus/html/riverlands-herald-evacuation.html
      re-encoded as windows-1252, the charset the page declares;
  ostrany-observer-talks-open.html  -> corpus/html/ostrany-observer-talks-open.html.gz
      gzipped with a zero timestamp so the bytes do not change between runs.

Usage: python3 demo/tools/make_encoded.py [--check]
Standard library only.
"""

import gzip
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
SRC = TOOLS / "page-src"
HTML = TOOLS.parent / "corpus" / "html"


def outputs() -> list[tuple[Path, bytes]]:
    herald = (SRC / "riverlands-herald-evacuation.html").read_text(encoding="utf-8")
    observer = (SRC / "ostrany-observer-talks-open.html").read_bytes()
    return [
        # errors="strict": a character cp1252 cannot hold is a mistake in the source.
        (HTML / "riverlands-herald-evacuation.html", herald.encode("cp1252")),
        (
            HTML / "ostrany-observer-talks-open.html.gz",
            gzip.compress(observer, compresslevel=9, mtime=0),
        ),
    ]


def main() -> int:
    check = "--check" in sys.argv[1:]
    stale = 0
    for path, data in outputs():
        if check:
            if not path.exists() or path.read_bytes() != data:
                print(f"{path} is out of date; run demo/tools/make_encoded.py", file=sys.stderr)
                stale += 1
        else:
            path.write_bytes(data)
            print(f"wrote {path} ({len(data)} bytes)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
