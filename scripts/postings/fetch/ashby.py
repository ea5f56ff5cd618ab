"""Ashby Posting API (PROVIDERS.md section 3): the whole board in one response.

``GET https://api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true`` -> ``{"jobs": [...]}``.
"""

from __future__ import annotations

from urllib.parse import quote

from postings.fetch.base import JSON_HEADERS, BoardFetch, FetchResult, json_list, single
from postings.fetch.http import Request
from postings.providers.base import load_json

NAME = "ashby"
DEFAULT_BASE = "https://api.ashbyhq.com"


def count(body: bytes) -> int:
    return len(json_list(load_json(body, NAME), "jobs", NAME))


def fetch(ctx: BoardFetch) -> FetchResult:
    path = f"/posting-api/job-board/{quote(ctx.token, safe='')}?includeCompensation=true"
    return single(ctx, Request("GET", ctx.url(DEFAULT_BASE, path), headers=JSON_HEADERS), ".json", count)
