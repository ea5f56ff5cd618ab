"""SmartRecruiters Posting API (PROVIDERS.md section 5): list pages, then one detail call per posting.

``GET https://api.smartrecruiters.com/v1/companies/{id}/postings?limit=100&offset=N`` ->
``{offset, limit, totalFound, content: [...]}`` until ``offset >= totalFound`` or an empty page; then
``GET .../postings/{postingId}`` for each posting (descriptions and URLs are only there). Everything
goes into one ``.jsonl`` exchange log: list pages first, details in list order.
"""

from __future__ import annotations

from urllib.parse import quote

from postings.fetch.base import JSON_HEADERS, MAX_PAGES, BoardFetch, ExchangeLog, FetchResult, json_list
from postings.fetch.http import Request
from postings.providers.base import int_or_none, text_key

NAME = "smartrecruiters"
DEFAULT_BASE = "https://api.smartrecruiters.com"
PAGE_SIZE = 100  # the API's maximum


def fetch(ctx: BoardFetch) -> FetchResult:
    base = ctx.url(DEFAULT_BASE, f"/v1/companies/{quote(ctx.token, safe='')}/postings")
    log = ExchangeLog(ctx)
    ids: list[str] = []
    offset = 0
    for number in range(1, MAX_PAGES + 1):
        request = Request("GET", f"{base}?limit={PAGE_SIZE}&offset={offset}", headers=JSON_HEADERS)
        page = log.page(request, number, lambda doc: json_list(doc, "content", NAME))
        if page is None:
            break
        doc, rows = page
        ids.extend(key for row in rows if isinstance(row, dict) and (key := text_key(row.get("id"))))
        offset += len(rows)
        total = int_or_none(doc.get("totalFound"))
        if not rows or total is None or offset >= total:
            break
    else:
        log.problems.append(f"stopped after {MAX_PAGES} pages")
    log.details([Request("GET", f"{base}/{quote(key, safe='')}", headers=JSON_HEADERS) for key in ids])
    return log.result()
