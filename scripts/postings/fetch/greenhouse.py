"""Greenhouse Job Board API (PROVIDERS.md section 1): the whole board in one response.

``GET https://boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true`` ->
``{"jobs": [...], "meta": {"total": N}}``.
"""

from __future__ import annotations

from urllib.parse import quote

from postings.fetch.base import JSON_HEADERS, BoardFetch, FetchResult, json_list, single
from postings.fetch.http import Request
from postings.providers.base import load_json

NAME = "greenhouse"
DEFAULT_BASE = "https://boards-api.greenhouse.io"


def count(body: bytes) -> int:
    return len(json_list(load_json(body, NAME), "jobs", NAME))


def fetch(ctx: BoardFetch) -> FetchResult:
    url = ctx.url(DEFAULT_BASE, f"/v1/boards/{quote(ctx.token, safe='')}/jobs?content=true")
    return single(ctx, Request("GET", url, headers=JSON_HEADERS), ".json", count)
