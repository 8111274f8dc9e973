"""Peer of `chronicle bench timex`: dateparser's `search_dates` on each
document's text, English only, with the document's creation date as the
base of relative expressions ("yesterday", "last week").

Usage: python bench/timex_dateparser.py MANIFEST.jsonl OUT.jsonl
(the protocol of peer_common.py). The timed pass is `search_dates(text,
languages=["en"], settings={"RELATIVE_BASE": dct, "RETURN_TIME_AS_PERIOD":
True}, add_period=True)` per document. After it, each substring is located
in the text in the order returned and given a TIMEX3 type and value from
the datetime at the granularity dateparser reports with `add_period`:

    period "time"  -> TIME, YYYY-MM-DDTHH:MM
    period "day"   -> DATE, YYYY-MM-DD
    period "week"  -> DATE, YYYY-Www (ISO week of the datetime)
    period "month" -> DATE, YYYY-MM
    period "year"  -> DATE, YYYY
    anything else  -> DATE, YYYY-MM-DD

dateparser has no notion of durations, sets or references, and its
substrings keep leading prepositions ("on Monday"): both are scored as they
come, which is what a user of `search_dates` gets.
"""

import datetime

import dateparser
from dateparser.search import search_dates

import peer_common

manifest, out_path = peer_common.manifest_and_output_args()
items = peer_common.read_manifest(manifest)


def base(item):
    try:
        return datetime.datetime.strptime(item.get("dct") or "", "%Y-%m-%d")
    except ValueError:
        return None


def find(item):
    settings = {"RETURN_TIME_AS_PERIOD": True}
    anchor = base(item)
    if anchor is not None:
        settings["RELATIVE_BASE"] = anchor
    return search_dates(item["text"], languages=["en"], settings=settings, add_period=True) or []


def timex_value(moment, period):
    """TIMEX3 type and value of a datetime at dateparser's granularity."""
    if period == "time":
        return "TIME", moment.strftime("%Y-%m-%dT%H:%M")
    if period == "week":
        year, week, _ = moment.isocalendar()
        return "DATE", f"{year:04}-W{week:02}"
    if period == "month":
        return "DATE", moment.strftime("%Y-%m")
    if period == "year":
        return "DATE", f"{moment.year:04}"
    return "DATE", moment.strftime("%Y-%m-%d")


def write_output(found):
    """Places each substring in its text and writes OUT; returns how many could not be placed."""
    per_item = []
    unlocated = 0
    for item, results in zip(items, found):
        timexes = []
        results = results or []
        spans = peer_common.locate_in_order(item["text"], [r[0] for r in results])
        for (phrase, moment, *rest), span in zip(results, spans):
            if span is None:
                unlocated += 1
                continue
            kind, value = timex_value(moment, rest[0] if rest else None)
            timexes.append(peer_common.timex(span[0], span[1], phrase, kind, value))
        per_item.append(timexes)
    peer_common.write_timexes(out_path, items, per_item)
    return {"unlocated": unlocated}


peer_common.time_pass(
    f"dateparser {dateparser.__version__} search_dates",
    items,
    find,
    found_label="time expressions",
    count=len,
    finish=write_output,
)
