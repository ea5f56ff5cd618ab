"""BambooHR careers widget endpoint (PROVIDERS.md section 9): the whole board in one response.

``GET https://{sub}.bamboohr.com/careers/list`` -> ``{"meta": {"totalCount"}, "result": [...]}``. A
missing tenant answers a redirect to bamboohr.com, which is not followed (a failed fetch).
"""

from __future__ import annotations

from postings.fetch.base import JSON_HEADERS, BoardFetch, FetchResult, json_list, single
from postings.fetch.http import Request
from postings.providers.base import load_json

NAME = "bamboohr"
DEFAULT_BASE = "https://{board}.bamboohr.com"


def count(body: bytes) -> int:
    return len(json_list(load_json(body, NAME), "result", NAME))


def fetch(ctx: BoardFetch) -> FetchResult:
    return single(
        ctx, Request("GET", ctx.url(DEFAULT_BASE, "/careers/list"), headers=JSON_HEADERS), ".json", count
    )
