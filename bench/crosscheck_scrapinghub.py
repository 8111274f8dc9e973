"""Scores chronicle's extracted texts with the scrapinghub benchmark's own evaluate.py.

Usage:
  chronicle eval extraction --dataset scrapinghub DIR --json --out TEXTS.json > REPORT.json
  python3 bench/crosscheck_scrapinghub.py DIR TEXTS.json REPORT.json

DIR is the article-extraction-benchmark directory (ground-truth.json,
evaluate.py, html/). Its `evaluate` function is imported and run on the
pages of ground-truth.json; chronicle's texts are keyed by page URL. Prints
precision, recall, F1 and accuracy beside chronicle's Rust port.
"""
import json
import sys
from pathlib import Path


def main() -> int:
    corpus, texts_path, report_path = sys.argv[1:4]
    sys.path.insert(0, corpus)
    import evaluate  # noqa: E402  (the benchmark's own scorer)

    truth = evaluate.load_json(Path(corpus) / "ground-truth.json")
    texts = json.loads(Path(texts_path).read_text(encoding="utf-8"))
    ours = json.loads(Path(report_path).read_text(encoding="utf-8"))
    prediction = {key: {"articleBody": texts.get(item["url"], "")} for key, item in truth.items()}
    missing = sum(1 for item in truth.values() if item["url"] not in texts)
    # Bootstrap only adds the ± columns; the point estimates do not depend on it.
    theirs = evaluate.evaluate(truth, prediction, n_bootstrap=1)
    print(f"pages {len(truth)}, not in chronicle's output {missing}")
    worst = 0.0
    for name in ("precision", "recall", "f1", "accuracy"):
        diff = abs(theirs[name] - ours[name])
        worst = max(worst, diff)
        print(f"{name:9}  evaluate.py {theirs[name]:.6f}  chronicle {ours[name]:.6f}  diff {diff:.2e}")
    print(f"largest difference {worst:.2e}")
    return 0 if worst < 1e-9 and missing == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
