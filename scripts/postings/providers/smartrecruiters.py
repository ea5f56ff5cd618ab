"""SmartRecruiters Posting API (PROVIDERS.md section 5).

A fetch is a ``.jsonl`` exchange log: the list pages ``GET .../companies/{id}/postings?limit=100&offset=N``
(``{"offset", "limit", "totalFound", "content": [...]}``) and one detail call ``GET .../postings/{id}``
per posting. Each posting is the list row with its detail response under ``_detail`` (docs/contracts.md
section 2); ``reported_total`` is the first page's ``totalFound``.

Defined outcomes (the same rules as Workday's detail calls): the first list page failing or not being a
list page is a parse error; a failed later page is a warning and makes the fetch incomplete (its
postings are missing). A row without a successful detail response (its detail call failed, answered
something other than JSON, or is not in the log: our fetcher logs only 2xx responses) is left out,
named in a warning, and makes the fetch incomplete: a posting without its detail would read as a
content change. A single list page stored as ``.json`` (a list-only crawl) lands the rows as they are,
without ``_detail``.

Native key: ``id`` (a numeric string).
"""

from __future__ import annotations

import re
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
    without_detail_warning,
)

NAME = "smartrecruiters"
_PAGE_KEYS = frozenset({"offset", "limit", "totalFound", "content"})
_SIGNATURE = ("id", "name", "releasedDate")
_EXPECTED = 'expected a list page {"offset", "limit", "totalFound", "content": [...]}'
_DETAIL_URL = re.compile(r"/postings/([^/?#]+)")


def _is_page(doc: Any) -> bool:
    return isinstance(doc, dict) and "content" in doc and "totalFound" in doc and not set(doc) - _PAGE_KEYS


def _page_rows(doc: Any, where: str) -> tuple[list[Posting], int | None]:
    if not _is_page(doc):
        raise PayloadError(f"unexpected envelope: {where}{describe(doc)}, {_EXPECTED}")
    content = doc["content"]
    if not isinstance(content, list):
        raise PayloadError(f"unexpected envelope: {where}'content' is {describe(content)}, not an array")
    return require_objects(content, "content"), int_or_none(doc.get("totalFound"))


def _detail_id(exchange: Exchange) -> str | None:
    match = _DETAIL_URL.search(exchange.url)
    return match.group(1) if match else None


def _from_log(exchanges: list[Exchange]) -> Extraction:
    rows: list[Posting] = []
    total: int | None = None
    details: dict[str, Posting] = {}
    failed: dict[str, str] = {}
    warnings: list[str] = []
    for index, exchange in enumerate(exchanges, start=1):
        where = f"exchange {index} ({exchange.url or 'no url'})"
        detail_id = _detail_id(exchange)
        if index == 1 and not is_success(exchange):
            raise PayloadError(f"{where} has HTTP status {exchange.status}: the first list page failed")
        if not is_success(exchange):
            if detail_id is None:
                warnings.append(f"list page request {index} failed with HTTP {exchange.status}")
            else:
                failed.setdefault(detail_id, f"HTTP {exchange.status}")
            continue
        try:
            doc = load_json(exchange.body, NAME)
        except PayloadError as exc:
            if index == 1 or detail_id is None:
                raise PayloadError(f"exchange {index}: {exc.reason}") from None
            failed.setdefault(detail_id, "not JSON")
            continue
        if index == 1 or (_is_page(doc) and detail_id is None):
            page_rows, page_total = _page_rows(doc, f"exchange {index} is ")
            rows.extend(page_rows)
            total = page_total if total is None else total
        elif isinstance(doc, dict) and text_key(doc.get("id")) is not None:
            details[text_key(doc.get("id")) or ""] = doc
        else:
            raise PayloadError(
                f"unexpected envelope: exchange {index} is {describe(doc)}, expected a list page or a posting"
            )
    require_signature(rows, NAME, _SIGNATURE)
    postings: list[Posting] = []
    missing: list[str] = []
    for row in rows:
        key = text_key(row.get("id")) or ""
        detail = details.get(key)
        if detail is not None:
            postings.append({**row, "_detail": detail})
        else:
            missing.append(f"{key or describe(row.get('id'))} ({failed.get(key, 'no detail response')})")
    if missing:
        warnings.append(without_detail_warning(missing))
    is_complete = not warnings  # a failed page or a row left out
    return Extraction(postings, total, is_complete=is_complete, warnings=tuple(warnings))


def extract(body: bytes, ext: str, exchanges: list[Exchange] | None) -> Extraction:
    if exchanges is not None:
        return _from_log(exchanges)
    rows, total = _page_rows(load_json(body, NAME), "")
    require_signature(rows, NAME, _SIGNATURE)
    return Extraction(postings=rows, reported_total=total)


def job_key(posting: Posting) -> str | None:
    return text_key(posting.get("id"))


ADAPTER = ProviderAdapter(name=NAME, extensions=(".json", ".jsonl"), extract=extract, job_key=job_key)
