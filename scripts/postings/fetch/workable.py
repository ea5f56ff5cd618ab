"""Workable (PROVIDERS.md section 4), two public surfaces chosen by the registry's ``workable_surface``.

- ``v1`` (default): ``GET https://apply.workable.com/api/v1/widget/accounts/{sub}?details=true`` ->
  ``{"name", "description", "jobs": [...]}``, descriptions included, one response (``.json``).
- ``v3``: ``POST https://apply.workable.com/api/v3/accounts/{sub}/jobs`` with the search body, then the
  same body plus ``"token": <nextPage>`` until ``nextPage`` is absent -> ``{total, results, nextPage}``
  pages in a ``.jsonl`` exchange log.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from postings.fetch.base import (
    JSON_HEADERS,
    MAX_PAGES,
    POST_JSON_HEADERS,
    BoardFetch,
    ExchangeLog,
    FetchResult,
    json_list,
    single,
)
from postings.fetch.http import Request
from postings.providers.base import load_json

NAME = "workable"
DEFAULT_BASE = "https://apply.workable.com"
V3_QUERY: dict[str, Any] = {"query": "", "location": [], "department": [], "worktype": [], "remote": []}


def count(body: bytes) -> int:
    return len(json_list(load_json(body, NAME), "jobs", NAME))


def fetch(ctx: BoardFetch) -> FetchResult:
    account = quote(ctx.token, safe="")
    if ctx.board.workable_surface == "v1":
        url = ctx.url(DEFAULT_BASE, f"/api/v1/widget/accounts/{account}?details=true")
        return single(ctx, Request("GET", url, headers=JSON_HEADERS), ".json", count)
    url = ctx.url(DEFAULT_BASE, f"/api/v3/accounts/{account}/jobs")
    log = ExchangeLog(ctx)
    token: str | None = None
    seen: set[str] = set()
    for number in range(1, MAX_PAGES + 1):
        query = dict(V3_QUERY) if token is None else {**V3_QUERY, "token": token}
        request = Request("POST", url, body=json.dumps(query).encode(), headers=POST_JSON_HEADERS)
        page = log.page(request, number, lambda doc: json_list(doc, "results", NAME))
        if page is None:
            break
        doc, rows = page
        following = doc.get("nextPage")
        if not rows or not isinstance(following, str) or not following:
            break
        if following in seen:
            log.problems.append(f"page {number}: nextPage token repeats an earlier one; stopped paging")
            break
        seen.add(following)
        token = following
    else:
        log.problems.append(f"stopped after {MAX_PAGES} pages")
    return log.result()
