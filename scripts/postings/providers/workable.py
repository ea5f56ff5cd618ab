"""Workable's two public surfaces (PROVIDERS.md section 4), detected by their envelope.

- Widget v1, ``GET apply.workable.com/api/v1/widget/accounts/{sub}?details=true`` -> ``{"name",
  "description", "jobs": [...]}`` (``.json``), the whole board; no total.
- Careers v3, ``POST apply.workable.com/api/v3/accounts/{sub}/jobs`` -> ``{"total", "results": [...],
  "nextPage"}`` pages: a ``.jsonl`` exchange log of every page (results concatenated in order,
  ``reported_total`` = the first page's ``total``), or one page as ``.json``. A failed first page is a
  parse error; a failed later page is a warning and makes the fetch incomplete (the postings it held
  are missing).

Native key: ``shortcode`` on both surfaces.
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
    is_success,
    load_json,
    require_objects,
    require_signature,
    text_key,
)

NAME = "workable"
_V1_KEYS = frozenset({"name", "description", "jobs"})
_V3_KEYS = frozenset({"total", "results", "nextPage"})
_SIGNATURE = ("shortcode", "title")
_EXPECTED = (
    'expected {"name", "description", "jobs": [...]} (widget v1) or '
    '{"total", "results": [...], "nextPage"} (careers v3)'
)


def _array(doc: dict[str, Any], key: str, where: str) -> list[Posting]:
    items = doc[key]
    if not isinstance(items, list):
        raise PayloadError(f"unexpected envelope: {where}'{key}' is {describe(items)}, not an array")
    return require_objects(items, key)


def _v3_page(doc: Any, where: str) -> tuple[list[Posting], int | None]:
    if not isinstance(doc, dict) or "results" not in doc or set(doc) - _V3_KEYS:
        raise PayloadError(f"unexpected envelope: {where}{describe(doc)}, {_EXPECTED}")
    return _array(doc, "results", where), int_or_none(doc.get("total"))


def extract(body: bytes, ext: str, exchanges: list[Exchange] | None) -> Extraction:
    warnings: list[str] = []
    if exchanges is None:
        doc: Any = load_json(body, NAME)
        if isinstance(doc, dict) and "jobs" in doc and not set(doc) - _V1_KEYS:
            postings, total = _array(doc, "jobs", ""), None
        else:
            postings, total = _v3_page(doc, "")
    else:
        postings, total = [], None
        for index, exchange in enumerate(exchanges, start=1):
            if not is_success(exchange):
                if index == 1:
                    raise PayloadError(
                        f"exchange 1 ({exchange.url or 'no url'}) has HTTP status {exchange.status}: "
                        "the first page failed"
                    )
                warnings.append(f"page request {index} failed with HTTP {exchange.status}")
                continue
            try:
                page = load_json(exchange.body, NAME)
            except PayloadError as exc:
                raise PayloadError(f"exchange {index}: {exc.reason}") from None
            results, page_total = _v3_page(page, f"exchange {index} is ")
            postings.extend(results)
            total = page_total if total is None else total
    require_signature(postings, NAME, _SIGNATURE)
    return Extraction(postings, total, is_complete=not warnings, warnings=tuple(warnings))


def job_key(posting: Posting) -> str | None:
    return text_key(posting.get("shortcode"))


ADAPTER = ProviderAdapter(name=NAME, extensions=(".json", ".jsonl"), extract=extract, job_key=job_key)
