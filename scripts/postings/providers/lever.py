"""Lever Postings API (PROVIDERS.md section 2).

``GET api.lever.co/v0/postings/{site}?mode=json`` -> a bare JSON array of postings; ``[]`` is a valid
empty board. Paged fetches (``skip``/``limit``) are ``.jsonl`` exchange logs whose 2xx bodies are
arrays, concatenated in order. Lever reports no total. Native key: ``id`` (a UUID string).
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
    require_success,
    text_key,
)

NAME = "lever"
_SIGNATURE = ("id", "text", "hostedUrl")


def _postings(doc: Any, where: str) -> list[Posting]:
    if not isinstance(doc, list):
        raise PayloadError(f"unexpected envelope: {where}{describe(doc)}, expected a JSON array of postings")
    return require_objects(doc, "postings")


def extract(body: bytes, ext: str, exchanges: list[Exchange] | None) -> Extraction:
    if exchanges is None:
        postings = _postings(load_json(body, NAME), "")
    else:
        postings = []
        for index, exchange in enumerate(exchanges, start=1):
            require_success(exchange, index)
            try:
                page = load_json(exchange.body, NAME)
            except PayloadError as exc:
                raise PayloadError(f"exchange {index}: {exc.reason}") from None
            postings.extend(_postings(page, f"exchange {index} is "))
    require_signature(postings, NAME, _SIGNATURE)
    return Extraction(postings=postings, reported_total=None)


def job_key(posting: Posting) -> str | None:
    return text_key(posting.get("id"))


ADAPTER = ProviderAdapter(name=NAME, extensions=(".json", ".jsonl"), extract=extract, job_key=job_key)
