"""Scores chronicle's extracted texts with trafilatura-eval's own counting.

Usage:
  chronicle eval extraction --dataset trafilatura DIR --json --out TEXTS.json > REPORT.json
  python3 bench/crosscheck_trafilatura_eval.py DIR TEXTS.json REPORT.json

DIR is the trafilatura-eval directory (its eval_common.py is imported; it
needs trafilatura importable, as in bench/.venv). Prints the data set's
precision, recall, accuracy and F1 beside chronicle's Rust port and their
largest difference.
"""
import json
import sys


def main() -> int:
    corpus, texts_path, report_path = sys.argv[1:4]
    sys.path.insert(0, corpus)
    import eval_common  # noqa: E402  (the data set's own scorer)

    evaldata = eval_common.load_evaldata(corpus)
    with open(texts_path, encoding="utf-8") as f:
        texts = json.load(f)
    with open(report_path, encoding="utf-8") as f:
        ours = json.load(f)
    matrix = eval_common.ConfusionMatrix()
    missing = 0
    for url, item in evaldata.items():
        if url not in texts:
            missing += 1
            continue
        matrix.add(eval_common.count_item(item, texts[url]))
    theirs = dict(zip(eval_common.METRICS, matrix.scores()))
    print(f"pages scored {len(evaldata) - missing}, not in chronicle's output {missing}")
    worst = 0.0
    for name in eval_common.METRICS:
        diff = abs(theirs[name] - ours[name])
        worst = max(worst, diff)
        print(f"{name:9}  eval_common {theirs[name]:.6f}  chronicle {ours[name]:.6f}  diff {diff:.2e}")
    print(f"largest difference {worst:.2e}")
    return 0 if worst < 1e-9 else 1


if __name__ == "__main__":
    sys.exit(main())
