"""Peer of `chronicle bench dates`: htmldate's publication date, extensive search."""

from importlib.metadata import version

import peer_common
from htmldate import find_date

items = peer_common.read_manifest(peer_common.manifest_arg())


def process(item):
    return find_date(
        item["text"], url=item.get("url"), original_date=True, extensive_search=True
    )


peer_common.time_pass(f"htmldate {version('htmldate')}", items, process, found_label="pages dated")
