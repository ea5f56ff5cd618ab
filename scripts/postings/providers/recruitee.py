"""Recruitee Careers Site API (PROVIDERS.md section 6).

``GET https://{company}.recruitee.com/api/offers/`` -> ``{"offers": [...]}``, the whole board in one
response. No total is reported. Native key: ``id`` (an integer).
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

NAME = "recruitee"
_SIGNATURE = ("id", "slug", "title")
_EXPECTED = 'expected {"offers": [...]}'


def extract(body: bytes, ext: str, exchanges: list[Exchange] | None) -> Extraction:
    doc: Any = load_json(body, NAME)
    if not isinstance(doc, dict) or set(doc) != {"offers"}:
        raise PayloadError(f"unexpected envelope: {describe(doc)}, {_EXPECTED}")
    offers = doc["offers"]
    if not isinstance(offers, list):
        raise PayloadError(f"unexpected envelope: 'offers' is {describe(offers)}, not an array")
    postings = require_objects(offers, "offers")
    require_signature(postings, NAME, _SIGNATURE)
    return Extraction(postings=postings, reported_total=None)


def job_key(posting: Posting) -> str | None:
    return text_key(posting.get("id"))


ADAPTER = ProviderAdapter(name=NAME, extensions=(".json",), extract=extract, job_key=job_key)
