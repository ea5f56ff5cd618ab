"""BambooHR careers widget list (PROVIDERS.md section 9).

``GET https://{sub}.bamboohr.com/careers/list`` (undocumented; the endpoint the careers widget uses)
-> ``{"meta": {"totalCount": N}, "result": [...]}``, the whole board in one response. Native key:
``id`` (a numeric string). A missing tenant redirects to bamboohr.com, which followed is a 200 of
marketing HTML: anything whose ``result`` is not an array is a parse error.
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
    int_or_none,
    load_json,
    require_objects,
    require_signature,
    text_key,
)

NAME = "bamboohr"
_ENVELOPE_KEYS = frozenset({"meta", "result"})
_SIGNATURE = ("id", "jobOpeningName")
_EXPECTED = 'expected {"meta": {"totalCount": N}, "result": [...]}'


def extract(body: bytes, ext: str, exchanges: list[Exchange] | None) -> Extraction:
    doc: Any = load_json(body, NAME)
    if not isinstance(doc, dict) or "result" not in doc or set(doc) - _ENVELOPE_KEYS:
        raise PayloadError(f"unexpected envelope: {describe(doc)}, {_EXPECTED}")
    result = doc["result"]
    if not isinstance(result, list):
        raise PayloadError(f"unexpected envelope: 'result' is {describe(result)}, not an array")
    meta = doc.get("meta")
    if meta is not None and not isinstance(meta, dict):
        raise PayloadError(f"unexpected envelope: 'meta' is {describe(meta)}, not an object")
    postings = require_objects(result, "result")
    require_signature(postings, NAME, _SIGNATURE)
    total = int_or_none(meta.get("totalCount")) if meta else None
    return Extraction(postings=postings, reported_total=total)


def job_key(posting: Posting) -> str | None:
    return text_key(posting.get("id"))


ADAPTER = ProviderAdapter(name=NAME, extensions=(".json",), extract=extract, job_key=job_key)
