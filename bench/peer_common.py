"""What every peer script shares: read the manifest `chronicle bench` writes,
time one pass over its items, print the figures as one JSON line.

Protocol (see README.md): `python SCRIPT MANIFEST`; MANIFEST is JSON Lines,
one item a line: {"id", "url", "dct", "text"} ("text" is the page's HTML or
the document's text, exactly what chronicle gets). The script prints, as its
last line of standard output, {"peer", "items", "failed", "seconds"} and
optionally "found" with "found_label" (e.g. 480, "pages dated");
"seconds" covers the timed pass only. Imports, model loading, reading the
manifest and one warm-up item stay outside it: `chronicle bench` reports them
as start-up (wall time of the process minus "seconds").
"""

import json
import sys
import time


def read_manifest(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def time_pass(peer, items, process, found_label=None, count=bool, **extra):
    """Runs `process(item)` on every item once, after one warm-up call, and
    prints the figures. A failing item is counted, not fatal. With
    `found_label`, `count(result)` is summed over the items and reported as
    "found" (pages with text, dates found, entities), to show work was done."""
    if items:
        try:
            process(items[0])
        except Exception:
            pass
    failed = 0
    found = 0
    started = time.perf_counter()
    for item in items:
        try:
            result = process(item)
            if found_label:
                found += count(result)
        except Exception as e:  # a peer bug on one page must not stop the run
            failed += 1
            print(f"{peer}: {item.get('id')}: {e}", file=sys.stderr)
    seconds = time.perf_counter() - started
    figures = {"peer": peer, "items": len(items), "failed": failed, "seconds": seconds}
    if found_label:
        figures["found"] = found
        figures["found_label"] = found_label
    figures.update(extra)
    print(json.dumps(figures))


def manifest_arg():
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} MANIFEST.jsonl")
    return sys.argv[1]
