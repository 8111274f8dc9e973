#!/usr/bin/env python3
"""Check demo/gold.json against the corpus, so the gold stays honest.

For every document it builds a reference body (the article paragraphs, found
with the per-page rules in BODY_RULES below) and checks that:
  - each `body_contains` sentence is in the reference body;
  - each `boilerplate` snippet is on the page but not in the reference body;
  - the `title` and each `published_evidence` snippet are on the page;
  - each series point's `text` is in the body of its document;
  - each entity's `docs` are exactly the documents whose body has one of its aliases;
  - every document id the gold names exists, and every document has gold.

Usage: python3 demo/tools/check_gold.py      (exit status 1 on any problem)
Standard library only.
"""

import gzip
import html
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

DEMO = Path(__file__).resolve().parent.parent
CORPUS = DEMO / "corpus"

# Containers whose <p> children are the article body, by document id.
HTML_BODY_CLASS = {
    "html/velmara-today-groundbreaking": "article-body",
    "html/riverlands-herald-evacuation": "story-text",
    "html/ostrany-observer-talks-open": "story-body",
    "html/continental-dispatch-accord": "article__body",
    "html/calvas-ledger-flow-release": "entry-content",
    "html/hillside-gazette-accord-reaction": "post-body",
    "warc/crawl/3": "content",
    "warc/crawl/4": "release-text",
    "warc/crawl/5": "storybody",
    "warc/crawl/6": "article-body",
    "amarel-wire-0107": None,  # every <p> of the record's html
}

# Plain-text pages: the body runs from the line starting with the first
# prefix to the line starting with the second, inclusive, less the lines
# starting with any prefix in the optional third element.
TEXT_BODY_LINES = {
    "text/drevna-courier-groundbreaking": ("Ostrany has recalled", "Farmers in the delta"),
    "text/basin-report-filling": ("Velmara closed the sluice gates", "Mr Rashad said"),
    "text/opr-talks-stall": ("The talks that began on Monday", "The committee's chair"),
    "text/meridian-accord": ("Agreement signed yesterday", "Samir al-Rashad, who chaired"),
    "text/voice-of-delta-flow-release": ("Velmara released extra water", "The Haskel Residents' Committee said"),
    "text/southern-post-inauguration": (
        "Velmara inaugurated the Tolvash Dam",
        "The River Basin Authority, which",
        ["More from Southern Post:"],
    ),
}

BLOCK_TAGS = {
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td",
    "figcaption", "header", "footer", "nav", "section", "article", "aside",
    "ul", "ol", "form", "button", "label", "time", "small", "span", "a", "cite",
}
SKIP_TAGS = {"script", "style", "textarea", "title"}
VOID_TAGS = {"br", "img", "input", "meta", "link", "hr"}


class PageText(HTMLParser):
    """Visible text of a page, one block per line, plus the body paragraphs."""

    def __init__(self, body_class):
        super().__init__(convert_charrefs=True)
        self.body_class = body_class
        self.lines, self.current = [], []
        self.skip = 0
        self.stack = []  # (tag, opens_body)
        self.in_body = 0
        self.in_p = False
        self.paragraphs, self.para = [], []

    def flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.lines.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skip += 1
            return
        if tag in BLOCK_TAGS:
            self.flush()
        if tag in VOID_TAGS:
            return
        classes = (dict(attrs).get("class") or "").split()
        opens = self.body_class is not None and self.body_class in classes
        self.stack.append((tag, opens))
        if opens:
            self.in_body += 1
        if tag == "p" and (self.in_body or self.body_class is None):
            self.in_p, self.para = True, []

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if tag in BLOCK_TAGS:
            self.flush()
        if tag == "p" and self.in_p:
            text = " ".join("".join(self.para).split())
            if text:
                self.paragraphs.append(text)
            self.in_p = False
        while self.stack:
            open_tag, opens = self.stack.pop()
            if opens:
                self.in_body -= 1
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.skip:
            return
        self.current.append(data)
        if self.in_p:
            self.para.append(data)


def decode_html(raw: bytes) -> str:
    head = raw[:2048].decode("ascii", "replace")
    m = re.search(r"charset=[\"']?([A-Za-z0-9_-]+)", head)
    return raw.decode(m.group(1) if m else "utf-8")


def html_doc(doc_id, raw_html):
    parser = PageText(HTML_BODY_CLASS.get(doc_id, ""))
    parser.feed(raw_html)
    parser.close()
    parser.flush()
    return {"raw": raw_html, "page": "\n".join(parser.lines), "body": "\n\n".join(parser.paragraphs)}


def text_doc(doc_id, text):
    first, last, *rest = TEXT_BODY_LINES[doc_id]
    skip = tuple(rest[0]) if rest else ()
    lines = text.splitlines()
    start = next(i for i, l in enumerate(lines) if l.startswith(first))
    end = next(i for i, l in enumerate(lines) if l.startswith(last))
    body = "\n".join(l for l in lines[start : end + 1] if not (skip and l.startswith(skip)))
    return {"raw": text, "page": text, "body": body}


def warc_records(raw: bytes):
    """Yield (record number, record id, target uri, http payload) of each response record.

    Records are numbered 1-based among all records of the file, as chronicle does."""
    data = gzip.decompress(raw)  # concatenated members decompress as one stream
    pos = 0
    number = 0
    while pos < len(data):
        number += 1
        head_end = data.index(b"\r\n\r\n", pos)
        head = data[pos:head_end].decode("utf-8")
        fields = dict(l.split(": ", 1) for l in head.split("\r\n")[1:])
        length = int(fields["Content-Length"])
        block = data[head_end + 4 : head_end + 4 + length]
        pos = head_end + 4 + length + 4
        if fields["WARC-Type"] == "response":
            payload = block[block.index(b"\r\n\r\n") + 4 :]
            yield number, fields["WARC-Record-ID"].strip("<>"), fields["WARC-Target-URI"], payload


def load_corpus():
    docs = {}
    for path in sorted(CORPUS.rglob("*")):
        if path.is_dir():
            continue
        rel = path.relative_to(CORPUS).as_posix()
        stem = rel.split(".", 1)[0]
        raw = path.read_bytes()
        if rel.endswith(".html") or rel.endswith(".html.gz"):
            if rel.endswith(".gz"):
                raw = gzip.decompress(raw)
            docs[stem] = html_doc(stem, decode_html(raw))
        elif rel.endswith(".txt"):
            docs[stem] = text_doc(stem, raw.decode("utf-8"))
        elif rel.endswith(".warc.gz"):
            for n, record_id, uri, payload in warc_records(raw):
                doc_id = f"{stem}/{n}"
                docs[doc_id] = html_doc(doc_id, decode_html(payload))
                docs[doc_id].update(warc_record_id=record_id, url=uri)
        elif rel.endswith(".jsonl"):
            for line in raw.decode("utf-8").splitlines():
                rec = json.loads(line)
                if "html" in rec:
                    doc = html_doc(rec["id"], rec["html"])
                else:
                    doc = {"page": rec["text"], "body": rec["text"]}
                # The record's own fields (title, published) count as on the page.
                doc["raw"] = line
                doc["page"] += "\n" + rec.get("title", "")
                docs[rec["id"]] = doc
        else:
            raise SystemExit(f"unexpected file in corpus: {rel}")
    return docs


def norm(s: str) -> str:
    return " ".join(s.split())


def alias_pattern(alias: str) -> re.Pattern:
    # "Amarel" alone must not match inside "Amarel Wire" or "Amarel River Basin Authority".
    tail = r"(?! Wire| River Basin)" if alias == "Amarel" else ""
    return re.compile(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])" + tail)


def main() -> int:
    gold = json.loads((DEMO / "gold.json").read_text(encoding="utf-8"))
    docs = load_corpus()
    problems = []

    def say(msg):
        problems.append(msg)

    for doc_id in sorted(set(docs) - set(gold["documents"])):
        say(f"{doc_id}: in the corpus but not in gold")
    for doc_id, g in gold["documents"].items():
        if doc_id not in docs:
            say(f"{doc_id}: in gold but not in the corpus")
            continue
        d = docs[doc_id]
        page, body = norm(d["page"]), norm(d["body"])
        for s in g["body_contains"]:
            if norm(s) not in body:
                say(f"{doc_id}: body_contains not in body: {s!r}")
        for s in g["boilerplate"]:
            if norm(s) not in page:
                say(f"{doc_id}: boilerplate not on page: {s!r}")
            if norm(s) in body:
                say(f"{doc_id}: boilerplate inside body: {s!r}")
        if g["title"] is not None and norm(g["title"]) not in page:
            say(f"{doc_id}: title not on page: {g['title']!r}")
        for s in g["published_evidence"]:
            if norm(s) not in page and s not in d["raw"]:
                say(f"{doc_id}: published_evidence not found: {s!r}")
        for key in ("warc_record_id", "url"):
            if key in d and g.get(key) != d[key]:
                say(f"{doc_id}: {key} is {d[key]!r} in the corpus, {g.get(key)!r} in gold")
        if not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", g["published"]):
            say(f"{doc_id}: bad published {g['published']!r}")

    known = set(gold["documents"])

    def check_ids(where, ids):
        for i in ids:
            if i not in known:
                say(f"{where}: unknown document {i!r}")

    for e in gold["entities"]:
        check_ids(f"entity {e['name']}", e["docs"])
        pats = [alias_pattern(a) for a in e["aliases"]]
        found = sorted(i for i, d in docs.items() if any(p.search(norm(d["body"])) for p in pats))
        if found != sorted(e["docs"]):
            say(f"entity {e['name']}: docs {sorted(e['docs'])} but aliases found in {found}")
        for a in e["aliases"]:
            if not any(alias_pattern(a).search(norm(docs[i]["body"])) for i in e["docs"] if i in docs):
                say(f"entity {e['name']}: alias {a!r} not written in any of its docs")
    for s in gold["series"]:
        for p in s["points"] + s.get("not_counted", []):
            check_ids(f"series {s['subject']}", [p["doc"]])
            where = docs.get(p["doc"], {})
            text = norm(where.get("body" if "value" in p else "page", ""))
            if norm(p["text"]) not in text:
                say(f"series point {p['doc']}: text not found: {p['text']!r}")
    for t in gold["timeline"]:
        check_ids(f"timeline {t['date']}", t["docs"] + t.get("mentioned_in", []))
    for ev in gold["events"]:
        check_ids(f"event {ev['id']}", ev["docs"])
        names = {e["name"] for e in gold["entities"]}
        for p in ev["participants"]:
            if p not in names:
                say(f"event {ev['id']}: participant {p!r} is not a gold entity")

    for p in problems:
        print(p)
    print(f"{len(docs)} documents, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
