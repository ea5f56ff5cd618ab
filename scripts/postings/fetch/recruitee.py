"""Recruitee Careers Site API (PROVIDERS.md section 6): the whole board in one response.

``GET https://{company}.recruitee.com/api/offers/`` -> ``{"offers": [...]}``.
"""

from __future__ import annotations

from postings.fetch.base import JSON_HEADERS, BoardFetch, FetchResult, json_list, single
from postings.fetch.http import Request
from postings.providers.base import load_json

NAME = "recruitee"
DEFAULT_BASE = "https://{board}.recruitee.com"


def count(body: bytes) -> int:
    return len(json_list(load_json(body, NAME), "offers", NAME))


def fetch(ctx: BoardFetch) -> FetchResult:
    return single(
        ctx, Request("GET", ctx.url(DEFAULT_BASE, "/api/offers/"), headers=JSON_HEADERS), ".json", count
    )
