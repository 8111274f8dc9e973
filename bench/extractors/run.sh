#!/usr/bin/env bash
# Runs every candidate extractor on the three dev sets, scores the texts with
# `chronicle eval extraction --system` and prints one table row per candidate.
# Usage (from the repo root): bench/extractors/run.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
S=../shared/corpora
out=${1:-/tmp/cand-out}
mkdir -p "$out"
# The scorer is chronicle's own CLI, built in the workspace's target dir; the
# candidates are built apart so that they never touch it.
(unset CARGO_TARGET_DIR; cargo build -q --release -p chronicle-cli)
chronicle=target/release/chronicle
cand_target=${CAND_TARGET_DIR:-/tmp/cand-target}
CARGO_TARGET_DIR=$cand_target cargo build -q --release --all-features --manifest-path bench/extractors/Cargo.toml
extractors=$cand_target/release/extractors

sets="scrapinghub:extraction/scrapinghub trafilatura:extraction/trafilatura-eval fundus:news/fundus"
f1() { python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(sys.argv[2] % (r['precision'], r['recall'], r['f1']))" "$@"; }

echo "| candidate | scrapinghub P / R / F1 | trafilatura-eval F1 | fundus body F1 | pages/s (scrapinghub) |"
echo "|---|---|---|---|---|"
for c in chronicle dom-smoothie dom-smoothie-raw readability readability-rs rs-trafilatura trafilatura; do
  row="| $c"
  for d in $sets; do
    name=${d%%:*}
    "$extractors" --candidate "$c" --dataset "$name" "$S/${d#*:}" --out "$out/$c-$name.json" 2> "$out/$c-$name.log"
    "$chronicle" eval extraction -q --dataset "$name" "$S/${d#*:}" --system "$out/$c-$name.json" --json > "$out/$c-$name.score.json"
    if [ "$name" = scrapinghub ]; then
      row="$row | $(f1 "$out/$c-$name.score.json" '%.4f / %.4f / %.4f')"
    else
      row="$row | $(f1 "$out/$c-$name.score.json" '%.0s%.0s%.4f')"
    fi
  done
  # speed: the fastest of 5 rounds over the scrapinghub pages held in memory
  speed=$("$extractors" --candidate "$c" --dataset scrapinghub "$S/extraction/scrapinghub" --rounds 5 --out "$out/$c-timing.json" 2>&1 | sed -n 's/.* \([0-9.]*\) pages\/s.*/\1/p')
  echo "$row | $speed |"
done
