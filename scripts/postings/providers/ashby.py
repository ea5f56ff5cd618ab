"""Ashby Posting API (PROVIDERS.md section 3).

``GET api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true`` -> ``{"apiVersion": "1",
"jobs": [...]}``, the whole board in one response; ``apiVersion`` may come last or be missing. No
total is reported. Native key: ``id`` (a UUID). Postings with ``isListed: false`` are not on the public
board: they are dropped and counted as rejected, with the reason in the fetch's ``error``.
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

NAME = "ashby"
_ENVELOPE_KEYS = frozenset({"apiVersion", "jobs"})
_SIGNATURE = ("id", "title", "jobUrl")
_EXPECTED = 'expected {"apiVersion": "1", "jobs": [...]}'
UNLISTED = "isListed is false (not on the public board)"


def extract(body: bytes, ext: str, exchanges: list[Exchange] | None) -> Extraction:
    doc: Any = load_json(body, NAME)
    if not isinstance(doc, dict) or "jobs" not in doc or set(doc) - _ENVELOPE_KEYS:
        raise PayloadError(f"unexpected envelope: {describe(doc)}, {_EXPECTED}")
    jobs = doc["jobs"]
    if not isinstance(jobs, list):
        raise PayloadError(f"unexpected envelope: 'jobs' is {describe(jobs)}, not an array")
    postings = require_objects(jobs, "jobs")
    require_signature(postings, NAME, _SIGNATURE)
    listed = [posting for posting in postings if posting.get("isListed") is not False]
    dropped = (UNLISTED,) * (len(postings) - len(listed))
    return Extraction(postings=listed, reported_total=None, dropped=dropped)


def job_key(posting: Posting) -> str | None:
    return text_key(posting.get("id"))


ADAPTER = ProviderAdapter(name=NAME, extensions=(".json",), extract=extract, job_key=job_key)
