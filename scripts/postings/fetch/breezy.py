"""Breezy HR (PROVIDERS.md section 9): the whole board in one response.

``GET https://{sub}.breezy.hr/json`` -> a bare array of postings.
"""

from __future__ import annotations

from postings.fetch.base import JSON_HEADERS, BoardFetch, FetchResult, json_list, single
from postings.fetch.http import Request
from postings.providers.base import load_json

NAME = "breezy"
DEFAULT_BASE = "https://{board}.breezy.hr"


def count(body: bytes) -> int:
    return len(json_list(load_json(body, NAME), None, NAME))


def fetch(ctx: BoardFetch) -> FetchResult:
    return single(ctx, Request("GET", ctx.url(DEFAULT_BASE, "/json"), headers=JSON_HEADERS), ".json", count)
