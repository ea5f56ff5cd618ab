"""Workday CXS careers-site JSON (PROVIDERS.md section 7).

A Workday fetch is a ``.jsonl`` exchange log (DESIGN.md section 3): list pages
``POST https://{tenant}.wd{N}.myworkdayjobs.com/wday/cxs/{tenant}/{site}/jobs`` (body
``{"appliedFacets":{},"limit":20,"offset":N,"searchText":""}``) answered with
``{"total": N, "jobPostings": [...], "facets": [...]}``, then one detail call
``GET .../wday/cxs/{tenant}/{site}{externalPath}`` per list row answered with
``{"jobPostingInfo": {...}, "hiringOrganization": {...}, ...}``.

A posting is the list row with its detail response under the key ``_detail`` (docs/contracts.md
section 2). Rules:

- An exchange is a list page when it was a POST or its URL path ends in ``/jobs``; any other exchange
  is a detail call. List rows are taken from the 2xx list pages in log order.
- A detail response belongs to the list row whose ``externalPath`` its URL ends with (or, when the URL
  does not say, whose ``externalPath`` its ``jobPostingInfo.externalUrl`` ends with).
- A row without a successful detail response (detail call failed, answered an error, or missing) is
  left out of the postings: a posting without its detail would look like a content change (no
  description, no locations) and cause false update events. The fetch is then not complete, so the
  job's absence is never counted, and the ``error`` column says how many rows were left out.
- A failed list page (non-2xx) makes the fetch not complete; its rows are unknown.
- A 2xx list page that is not a list envelope (``{"errorCode": "HTTP_422", ...}`` for a wrong
  tenant/site, an HTML page, another provider's JSON) is a parse error, and so is a log without any
  successful list page.
- ``reported_total`` is the first list page's ``total`` (some tenants report it there only, and 0 on
  later pages). Workday caps ``total`` at 2000 and cannot page past it: a fetch reporting 2000 keeps
  every posting it could list but is recorded as not complete (the board may hold more), so a board
  over the cap never closes jobs it merely could not list. Reading such a board fully needs
  facet-split fetches (``appliedFacets``), which this adapter does not assemble.

Native key: the detail's ``jobPostingInfo.jobReqId``, falling back to ``externalPath``. The board
token is the tenant name; the data-center number (``wd5``) and the site belong to the board registry.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from postings.providers.base import (
    Exchange,
    Extraction,
    PayloadError,
    Posting,
    ProviderAdapter,
    describe,
    int_or_none,
    load_json,
    plural,
    require_objects,
    require_signature,
    text_key,
    without_detail_warning,
)

NAME = "workday"
DETAIL_KEY = "_detail"
TOTAL_CAP = 2000
_SIGNATURE = ("title", "externalPath")


def _is_list_request(exchange: Exchange) -> bool:
    return exchange.method.upper() == "POST" or urlsplit(exchange.url).path.rstrip("/").endswith("/jobs")


def _error_code(doc: Any) -> str | None:
    """``{"errorCode": "HTTP_422", "message": ...}`` -> ``errorCode HTTP_422 (message)``."""
    if not isinstance(doc, dict) or "errorCode" not in doc:
        return None
    message = doc.get("message")
    suffix = f" ({message})" if isinstance(message, str) and message.strip() else ""
    return f"errorCode {doc.get('errorCode')}{suffix}"


def _list_page(exchange: Exchange, index: int) -> tuple[list[Posting], int | None]:
    try:
        doc = load_json(exchange.body, NAME)
    except PayloadError as exc:
        raise PayloadError(f"list page (exchange {index}): {exc.reason}") from None
    error = _error_code(doc)
    if error is not None:
        raise PayloadError(f"list page (exchange {index}) is a Workday error response: {error}")
    if not isinstance(doc, dict) or not isinstance(doc.get("jobPostings"), list):
        raise PayloadError(
            f"unexpected envelope: list page (exchange {index}) is {describe(doc)}, "
            'expected {"total": N, "jobPostings": [...]}'
        )
    rows = require_objects(doc["jobPostings"], f"exchange {index} jobPostings")
    return rows, int_or_none(doc.get("total"))


def _detail_path(exchange: Exchange) -> str:
    return urlsplit(exchange.url).path.rstrip("/")


def _last_segment(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1]


def _is_detail(doc: Any) -> bool:
    return isinstance(doc, dict) and isinstance(doc.get("jobPostingInfo"), dict)


def extract(body: bytes, ext: str, exchanges: list[Exchange] | None) -> Extraction:
    if exchanges is None:
        raise PayloadError("workday fetches are .jsonl exchange logs (list pages and detail calls)")
    rows: list[Posting] = []
    reported_total: int | None = None
    list_pages = failed_pages = 0
    first_failure: str | None = None
    details: dict[str, list[tuple[str, str, Any]]] = {}  # last path segment -> (path, externalUrl, doc)
    for index, exchange in enumerate(exchanges, start=1):
        ok = 200 <= exchange.status < 300
        if _is_list_request(exchange):
            if not ok:
                failed_pages += 1
                if first_failure is None:
                    code = _error_code(_try_json(exchange.body))
                    first_failure = f"exchange {index} answered HTTP {exchange.status}" + (
                        f" {code}" if code else ""
                    )
                list_pages += 1
                continue
            page_rows, total = _list_page(exchange, index)
            if list_pages == 0:
                reported_total = total
            list_pages += 1
            rows.extend(page_rows)
            continue
        doc = _try_json(exchange.body) if ok else None
        if not _is_detail(doc):
            continue  # a failed detail call: its row is left out below
        info = doc["jobPostingInfo"]
        external_url = info.get("externalUrl") if isinstance(info.get("externalUrl"), str) else ""
        path = _detail_path(exchange)
        for segment in {_last_segment(path), _last_segment(urlsplit(external_url).path)} - {""}:
            details.setdefault(segment, []).append((path, urlsplit(external_url).path.rstrip("/"), doc))
    if list_pages == failed_pages:
        reason = first_failure or "the log has no list page (POST .../jobs)"
        raise PayloadError(f"no successful Workday list page: {reason}")
    require_signature(rows, NAME, _SIGNATURE)

    postings: list[Posting] = []
    missing: list[str] = []
    for row in rows:
        path = row.get("externalPath")
        detail = _find_detail(details, path) if isinstance(path, str) and path.strip() else None
        if detail is None:
            missing.append(str(path) if isinstance(path, str) else describe(path))
            continue
        postings.append({**row, DETAIL_KEY: detail})

    warnings: list[str] = []
    if failed_pages:
        warnings.append(f"{plural(failed_pages, 'list page')} failed ({first_failure})")
    if missing:
        warnings.append(without_detail_warning(missing))
    capped = reported_total is not None and reported_total >= TOTAL_CAP
    if capped:
        warnings.append(f"total {reported_total} is Workday's cap: the board may hold more postings")
    is_complete = not failed_pages and not missing and not capped
    return Extraction(postings, reported_total, is_complete=is_complete, warnings=tuple(warnings))


def _try_json(text: str) -> Any:
    try:
        return load_json(text, NAME)
    except PayloadError:
        return None


def _find_detail(details: dict[str, list[tuple[str, str, Any]]], external_path: str) -> Any:
    wanted = external_path.strip().rstrip("/")
    for path, url_path, doc in details.get(_last_segment(wanted), ()):
        if path.endswith(wanted) or url_path.endswith(wanted):
            return doc
    return None


def job_key(posting: Posting) -> str | None:
    detail = posting.get(DETAIL_KEY)
    info = detail.get("jobPostingInfo") if isinstance(detail, dict) else None
    key = text_key(info.get("jobReqId")) if isinstance(info, dict) else None
    return key or text_key(posting.get("externalPath"))


ADAPTER = ProviderAdapter(name=NAME, extensions=(".jsonl",), extract=extract, job_key=job_key)
