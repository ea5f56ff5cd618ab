"""Greenhouse Job Board API (PROVIDERS.md section 1).

``GET boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true`` -> ``{"jobs": [...], "meta":
{"total": N}}``, the whole board in one response. ``meta`` is missing in some recorded responses.
Native key: ``id`` (the job post id, an integer).
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

NAME = "greenhouse"
_ENVELOPE_KEYS = frozenset({"jobs", "meta"})
_SIGNATURE = ("id", "title", "absolute_url")
_EXPECTED = 'expected {"jobs": [...], "meta": {...}}'


def extract(body: bytes, ext: str, exchanges: list[Exchange] | None) -> Extraction:
    doc: Any = load_json(body, NAME)
    if not isinstance(doc, dict):
        raise PayloadError(f"unexpected envelope: {describe(doc)}, {_EXPECTED}")
    extra = sorted(set(doc) - _ENVELOPE_KEYS)
    if "jobs" not in doc or extra:
        raise PayloadError(f"unexpected envelope: {describe(doc)}, {_EXPECTED}")
    jobs = doc["jobs"]
    if not isinstance(jobs, list):
        raise PayloadError(f"unexpected envelope: 'jobs' is {describe(jobs)}, not an array")
    meta = doc.get("meta")
    if meta is not None and not isinstance(meta, dict):
        raise PayloadError(f"unexpected envelope: 'meta' is {describe(meta)}, not an object")
    postings = require_objects(jobs, "jobs")
    require_signature(postings, NAME, _SIGNATURE)
    total = int_or_none(meta.get("total")) if meta else None
    return Extraction(postings=postings, reported_total=total)


def job_key(posting: Posting) -> str | None:
    return text_key(posting.get("id"))


ADAPTER = ProviderAdapter(name=NAME, extensions=(".json",), extract=extract, job_key=job_key)
