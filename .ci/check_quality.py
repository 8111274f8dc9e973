"""Quality gates: reads the `--json` reports of `chronicle eval …` and fails
when a figure falls below its floor.

Usage: check_quality.py KIND REPORT.json [NAME=FLOOR ...]
  KIND extraction: names f1, precision, recall, accuracy
  KIND pubdate:    names accuracy (htmldate's counting: tp / all pages),
                   day (right day / pages with gold)
  KIND timex:      names strict, relaxed, type, value (F1)
  KIND tls:        names ar1, ar2, date_f1 (F of the averages over all
                   pairs, or over the report's field NAME with subset=NAME)
"""
import json
import sys


def figures(kind, report, subset):
    if kind == "extraction":
        return {k: report[k] for k in ("f1", "precision", "recall", "accuracy")}
    if kind == "pubdate":
        c = report["counts"]
        total = c["tp"] + c["fp"] + c["fn_"] + c["tn"]
        return {
            "accuracy": c["tp"] / total if total else 0.0,
            "day": c["tp"] / c["with_gold"] if c["with_gold"] else 0.0,
        }
    if kind == "timex":
        return {
            "strict": report["strict"]["f1"],
            "relaxed": report["relaxed"]["f1"],
            "type": report["type_f1"],
            "value": report["value_f1"],
        }
    if kind == "tls":
        scores = report[subset] if subset else report["average"]
        return {"ar1": scores["ar1"]["f1"], "ar2": scores["ar2"]["f1"], "date_f1": scores["date"]["f1"]}
    raise SystemExit(f"unknown kind {kind!r}")


def main():
    kind, path, *floors = sys.argv[1:]
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    wanted = dict(a.split("=", 1) for a in floors)
    subset = wanted.pop("subset", None)
    got = figures(kind, report, subset)
    failed = False
    for name, floor in wanted.items():
        value = got[name]
        ok = value >= float(floor) - 1e-12
        failed |= not ok
        print(f"{kind} {path.rsplit('/', 1)[-1]}: {name} {value:.4f} (floor {float(floor):.4f}) {'ok' if ok else 'BELOW'}")
    if failed:
        raise SystemExit(f"quality gate failed: {path}")


if __name__ == "__main__":
    main()
