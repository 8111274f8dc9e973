"""Peer of `chronicle bench extract`: trafilatura's main text + metadata."""

import peer_common
import trafilatura

items = peer_common.read_manifest(peer_common.manifest_arg())


def process(item):
    return trafilatura.extract(
        item["text"], url=item.get("url"), include_comments=False, include_tables=True
    )


peer_common.time_pass(f"trafilatura {trafilatura.__version__}", items, process, found_label="pages with main text")
