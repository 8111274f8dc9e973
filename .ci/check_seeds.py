"""Acceptance checks of `chronicle build ../shared/corpora/seeds -o DIR` (issue: the pipeline end to end).

Reads DIR/documents.jsonl and DIR/timeline.json and fails with a message per unmet expectation.
"""
import json
import re
import sys

out = sys.argv[1]
docs = {}
with open(f"{out}/documents.jsonl", encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        docs[d["id"].split("_")[0]] = d
timeline = json.load(open(f"{out}/timeline.json", encoding="utf-8"))
failures = []


def expect(cond, message):
    if not cond:
        failures.append(message)


def published(key):
    return (docs.get(key, {}).get("published") or {}).get("date") or ""


expect(published("000") == "2009-07-22", f"000 published {published('000')!r}, expected 2009-07-22")
expect(published("003") == "2021-07-27", f"003 published {published('003')!r}, expected 2021-07-27")
for key, month in [("001", "2011-12"), ("002", "2020-06"), ("004", "2020-06")]:
    expect(published(key).startswith(month), f"{key} published {published(key)!r}, expected within {month}")
    expect(docs.get(key, {}).get("published", {}).get("how") == "inferred", f"{key} date should be inferred")

boilerplate = [
    "Your E-mail address", "Phone number (optional):", "Send us your comments", "Print Sponsor",
    "Americas Africa Europe", "Send to a friend", "Printable version", "See also",
    "Washington sends another 2,200 soldiers to Iraq", "24/01/2017", "Subscribe now",
    "Do you like this article?", "Comment Policy", "Accessibility links", "More from GlobalPost",
]
for key, d in docs.items():
    body = d["body"]
    for b in boilerplate:
        expect(b not in body, f"{key}: boilerplate {b!r} in body")
    lines = body.split("\n")
    for size in ["XS", "SM", "MD", "LG"]:
        expect(size not in lines, f"{key}: size picker {size!r} in body")

yesterday = [t for t in docs.get("003", {}).get("timexes", []) if t["text"].lower() == "yesterday"]
expect(yesterday and all(t["value"] == "2021-07-26" for t in yesterday), f"003 'yesterday' values {[t['value'] for t in yesterday]}")

entries = {e["date"]: e for e in timeline["entries"]}


def cited(entry):
    return {c["doc"].split("_")[0] for c in entry["summary"]} | {d.split("_")[0] for d in entry["docs"]}


for date, need in [("2009-07-22", {"000"}), ("2011-12", {"001"}), ("2020-06-11", {"002", "004"}), ("2021-07-26", {"003"})]:
    e = entries.get(date)
    expect(e is not None, f"no timeline entry for {date} (entries: {sorted(entries)})")
    if e:
        expect(need <= cited(e), f"entry {date} cites {sorted(cited(e))}, expected {sorted(need)}")

# Story knowledge (issue: entities, figures, events).
def entity_with(alias):
    for e in timeline.get("entities", []):
        if any(re.search(rf"\b{re.escape(alias)}$", a["text"], re.I) for a in e["aliases"]):
            return e
    return None


for group in [["Mr Maliki", "al-Maliki"], ["Kadhimi", "Kadhemi", "Kachin"], ["ISIS", "Islamic State"]]:
    found = [entity_with(a) for a in group]
    ids = {e["id"] for e in found if e}
    expect(all(found) and len(ids) == 1, f"aliases {group} should be one entity, got {[e and e['name'] for e in found]}")

troops = [s for s in timeline.get("series", []) if any(p["value"] == 6000 for p in s["points"])]
expect(len(troops) == 1, f"expected one series holding the 6,000 troops, got {len(troops)}")
if troops:
    points = {(p["value"], (p["date"] or "")[:7], p["doc"].split("_")[0]) for p in troops[0]["points"]}
    for value, date, doc in [(170000, "2007", "001"), (130000, "2009-07", "000"), (6000, "2011-12", "001"), (2500, "2021-07", "003")]:
        expect((value, date, doc) in points, f"troops series lacks {value} ({date}, {doc}): {sorted(points)}")
    expect(not any(p["value"] == 2200 for p in troops[0]["points"]), "2,200 from a See also list entered the troops series")
dialogue = [v for v in timeline.get("events", []) if v["date"] == "2020-06-11"]
expect(any({d.split("_")[0] for d in v["docs"]} >= {"002", "004"} for v in dialogue),
       f"the 2020-06-11 dialogue should be one event citing 002 and 004: {[v['docs'] for v in dialogue]}")

if failures:
    print("seeds gate FAILED:")
    for f in failures:
        print("  -", f)
    sys.exit(1)
print(f"seeds gate passed: {len(docs)} documents, {len(entries)} timeline entries")
