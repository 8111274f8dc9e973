"""Writes the cross-check fixtures of crates/chronicle-embed from the
reference tools: WordPiece ids from Hugging Face `tokenizers` (the model's
own tokenizer.json), and sentence vectors from an independent numpy
forward pass of the same weights (reference.py).

    python3 -m venv /tmp/embvenv && /tmp/embvenv/bin/pip install tokenizers safetensors numpy
    /tmp/embvenv/bin/python bench/embeddings/make_fixtures.py models/all-MiniLM-L6-v2

The sentences are invented for the purpose.
"""
import json
import os
import sys

from tokenizers import Tokenizer

sys.path.insert(0, os.path.dirname(__file__))
import reference  # noqa: E402

SENTENCES = [
    "The Tolvash Dam opened its spillway on Tuesday.",
    "Engineers in Zürich said the café had closed — for good.",
    "Prime Minister Aurel Dask inaugurated the dam, costing $4.5bn.",
    "About 2,500 U.S. troops remain; 6,000 left in 2011.",
    "Naïve résumé: coöperate, façade, jalapeño, Øresund, Straße.",
    "“Curly quotes” and ‘single ones’ … ellipsis – en dash – em dash.",
    "Emoji 🙂 and symbols © ™ € £ ¥ § ¶ ° ± × ÷ should survive.",
    "Mixed scripts: 北京 hosted talks; Ελλάδα and Россия also attended.",
    "Hyphenated well-known follow-up e-mail re-election.",
    "Parentheses (like these), brackets [1], braces {x} and <tags>.",
    "Supercalifragilisticexpialidocious antidisestablishmentarianism.",
    "",
    "   ",
    "UPPER CASE HEADLINE: FLOODS HIT VELMARA",
    "tabs\tand\nnewlines\r\nand  double  spaces",
    "Numbers 1st 2nd 3rd 21st-century 1990s 24/7 9:30am 10.16.",
    "Email someone@example.org or visit https://example.org/a?b=c#d.",
    "Ümlaut ÄÖÜ capitalised, Çelik, Ñandú, Łódź, Dvořák.",
    "Zero\u200bwidth and soft\u00adhyphen and non\u00a0breaking.",
    "x" * 120,
    " ".join(["word"] * 300),
    "The reservoir fell by 3.2 metres, officials said.",
    "Lena Varo and Yusuf Kadeem cut the ribbon at noon.",
    "Rainfall was 40% below average; farmers warned of losses.",
]

VECTOR_SENTENCES = [
    "The Tolvash Dam opened its spillway on Tuesday.",
    "Officials opened the dam's spillway on Tuesday.",
    "A bakery in the old town sold out of bread.",
    "Engineers in Zürich said the café had closed — for good.",
    "About 2,500 U.S. troops remain; 6,000 left in 2011.",
    "",
    "Mixed scripts: 北京 hosted talks; Ελλάδα and Россия also attended.",
    " ".join(["word"] * 300),
]


def main():
    model = sys.argv[1]
    out = os.path.join(os.path.dirname(__file__), "..", "..", "crates", "chronicle-embed", "tests", "fixtures")
    tok = Tokenizer.from_file(os.path.join(model, "tokenizer.json"))
    tok.enable_truncation(256)
    tok.no_padding()
    with open(os.path.join(out, "wordpiece.tsv"), "w", encoding="utf-8") as f:
        f.write("# sentence (JSON string)\tids from Hugging Face tokenizers, max 256 tokens\n")
        for s in SENTENCES:
            ids = tok.encode(s).ids
            f.write(json.dumps(s, ensure_ascii=False) + "\t" + " ".join(map(str, ids)) + "\n")
    vectors = reference.embed(model, VECTOR_SENTENCES)
    with open(os.path.join(out, "minilm_expected.json"), "w", encoding="utf-8") as f:
        json.dump(
            [{"text": s, "vector": [round(float(x), 6) for x in v]} for s, v in zip(VECTOR_SENTENCES, vectors)],
            f,
            ensure_ascii=False,
        )
        f.write("\n")


if __name__ == "__main__":
    main()
