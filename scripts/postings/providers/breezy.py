"""Breezy HR public JSON (PROVIDERS.md section 9).

``GET https://{sub}.breezy.hr/json`` -> a bare JSON array of postings, the whole board in one response;
``[]`` is a valid empty board. Breezy reports no total. Native key: ``id`` (a hex string).
"""

from __future__ import annotations

from typing import Any

from postings.providers.base import (
    Exchange,
    Extraction,
    PayloadError,
    Posting,
    ProviderAdapter,
    describe,
    load_json,
    require_objects,
    require_signature,
    text_key,
)

NAME = "breezy"
_SIGNATURE = ("id", "friendly_id", "name")


def extract(body: bytes, ext: str, exchanges: list[Exchange] | None) -> Extraction:
    doc: Any = load_json(body, NAME)
    if not isinstance(doc, list):
        raise PayloadError(f"unexpected envelope: {describe(doc)}, expected a JSON array of postings")
    postings = require_objects(doc, "postings")
    require_signature(postings, NAME, _SIGNATURE)
    return Extraction(postings=postings, reported_total=None)


def job_key(posting: Posting) -> str | None:
    return text_key(posting.get("id"))


ADAPTER = ProviderAdapter(name=NAME, extensions=(".json",), extract=extract, job_key=job_key)
