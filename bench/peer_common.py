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

Time-expression peers take a second argument, OUT: after the timed pass they
write there one line per item, {"id", "timexes": [{"start", "end", "text",
"type", "value", "mod"}]}, with "start"/"end" CHARACTER offsets (Python
string indices) into the item's "text"; "value" is "" when the tool gives
none. `chronicle bench` converts the offsets and scores the expressions
against the gold TIMEX3 with its TempEval-3 scorer. The figures may then
include "unlocated": expressions the tool reported that could not be placed
in the text (and so are not scored).
"""

import json
import sys
import time


def read_manifest(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def time_pass(peer, items, process, found_label=None, count=bool, finish=None, **extra):
    """Runs `process(item)` on every item once, after one warm-up call, and
    prints the figures; returns the results, one per item (None for an item
    that failed). A failing item is counted, not fatal. With
    `found_label`, `count(result)` is summed over the items and reported as
    "found" (pages with text, dates found, entities), to show work was done.
    `finish(results)`, run after the timed pass, may return more figures to
    print (e.g. "unlocated": expressions that could not be placed in the text)."""
    if items:
        try:
            process(items[0])
        except Exception:
            pass
    failed = 0
    found = 0
    results = []
    started = time.perf_counter()
    for item in items:
        result = None
        try:
            result = process(item)
            if found_label:
                found += count(result)
        except Exception as e:  # a peer bug on one page must not stop the run
            failed += 1
            print(f"{peer}: {item.get('id')}: {e}", file=sys.stderr)
        results.append(result)
    seconds = time.perf_counter() - started
    figures = {"peer": peer, "items": len(items), "failed": failed, "seconds": seconds}
    if found_label:
        figures["found"] = found
        figures["found_label"] = found_label
    figures.update(extra)
    if finish is not None:
        figures.update(finish(results) or {})
    print(json.dumps(figures))
    return results


def manifest_arg():
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} MANIFEST.jsonl")
    return sys.argv[1]


def manifest_and_output_args():
    """MANIFEST and OUT of a time-expression peer."""
    if len(sys.argv) != 3:
        sys.exit(f"usage: {sys.argv[0]} MANIFEST.jsonl OUT.jsonl")
    return sys.argv[1], sys.argv[2]


def timex(start, end, text, kind, value="", mod=None):
    """One time expression of the OUT protocol; offsets are character offsets."""
    found = {"start": start, "end": end, "text": text, "type": kind, "value": value}
    if mod:
        found["mod"] = mod
    return found


def locate_in_order(text, phrases):
    """Character spans of `phrases` found in `text` in the order given, each
    searched from the end of the previous one (then from the start, for a
    tool that does not report in text order); None for a phrase not found."""
    spans = []
    cursor = 0
    for phrase in phrases:
        at = text.find(phrase, cursor) if phrase else -1
        if at < 0 and phrase:
            at = text.find(phrase)
        if at < 0:
            spans.append(None)
            continue
        spans.append((at, at + len(phrase)))
        cursor = at + len(phrase)
    return spans


def write_timexes(path, items, per_item):
    """Writes OUT: one line per item, its time expressions (an empty list for
    an item whose tool failed)."""
    with open(path, "w", encoding="utf-8") as out:
        for item, timexes in zip(items, per_item):
            out.write(json.dumps({"id": item["id"], "timexes": timexes or []}, ensure_ascii=False) + "\n")
