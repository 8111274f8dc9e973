"""Checks `chronicle ask --json` answers: FILE VALUE APPROX DOC-PREFIX, repeated.

The answer must be given, hold VALUE with the APPROX hedge, and cite a
document whose id starts with DOC-PREFIX.
"""
import json
import sys

args = sys.argv[1:]
failures = []
for i in range(0, len(args), 4):
    path, value, approx, doc = args[i], float(args[i + 1]), args[i + 2], args[i + 3]
    a = json.load(open(path, encoding="utf-8"))
    cited = [s["doc"] for s in a.get("sources", [])]
    if not a.get("answered"):
        failures.append(f"{a.get('question')!r} was not answered: {a.get('text')!r}")
    elif a.get("value") != value or a.get("approx") != approx:
        failures.append(f"{a['question']!r}: got {a.get('value')} ({a.get('approx')}), expected {value} ({approx})")
    elif not any(c.startswith(doc) for c in cited):
        failures.append(f"{a['question']!r}: cites {cited}, expected a document starting with {doc}")
if failures:
    print("ask gate FAILED:")
    for f in failures:
        print("  -", f)
    sys.exit(1)
print(f"ask gate passed: {len(args) // 4} questions")
