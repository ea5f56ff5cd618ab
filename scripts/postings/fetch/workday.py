"""Workday CXS careers-site JSON (PROVIDERS.md section 7): list pages, then one detail call per posting.

List: ``POST https://{host}/wday/cxs/{tenant}/{site}/jobs`` with
``{"appliedFacets": {}, "limit": 20, "offset": N, "searchText": ""}`` -> ``{total, jobPostings, facets}``.
``total`` is taken from the first page (some tenants send 0 afterwards); paging stops at a short or
empty page, at ``total``, or at Workday's cap of 2000 postings. A board reporting 2000 may hold more
than can be listed (splitting by facets is not done), so that fetch is marked incomplete: it never
closes jobs. Detail: ``GET https://{host}/wday/cxs/{tenant}/{site}{externalPath}``.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from postings.fetch.base import (
    JSON_HEADERS,
    POST_JSON_HEADERS,
    BoardFetch,
    ExchangeLog,
    FetchResult,
    json_list,
)
from postings.fetch.http import Request
from postings.providers.base import int_or_none

NAME = "workday"
PAGE_SIZE = 20  # Workday's maximum
LIST_CAP = 2000  # Workday lists (and reports) at most this many postings
PATH_SAFE = "/-_.~!$&'()*+,;=:@%"  # RFC 3986 path characters, and '%' of already escaped ones


def fetch(ctx: BoardFetch) -> FetchResult:
    board = ctx.board
    site_path = f"/wday/cxs/{quote(board.workday_tenant, safe='')}/{quote(board.workday_site, safe='')}"
    base = ctx.url(f"https://{board.workday_host}", site_path)
    log = ExchangeLog(ctx)
    paths: list[str] = []
    offset = 0
    total: int | None = None
    number = 0
    while offset < LIST_CAP:
        number += 1
        query = {"appliedFacets": {}, "limit": PAGE_SIZE, "offset": offset, "searchText": ""}
        request = Request("POST", f"{base}/jobs", body=json.dumps(query).encode(), headers=POST_JSON_HEADERS)
        page = log.page(request, number, lambda doc: json_list(doc, "jobPostings", NAME))
        if page is None:
            break
        doc, rows = page
        if total is None:
            total = int_or_none(doc.get("total"))
        paths.extend(
            path
            for row in rows
            if isinstance(row, dict)
            and isinstance(path := row.get("externalPath"), str)
            and path.startswith("/")
        )
        offset += len(rows)
        if len(rows) < PAGE_SIZE or (total is not None and offset >= total):
            break
    if total is not None and total >= LIST_CAP:
        log.problems.append(
            f"Workday reports {total} postings, its listing cap: the board may hold more than can be "
            "listed, so this fetch is incomplete"
        )
    # The detail URL is the list's externalPath appended as is (only characters a URL cannot carry are
    # escaped), so a reader can match each detail exchange to its list row by the URL's end.
    log.details(
        [Request("GET", f"{base}{quote(path, safe=PATH_SAFE)}", headers=JSON_HEADERS) for path in paths]
    )
    return log.result()
