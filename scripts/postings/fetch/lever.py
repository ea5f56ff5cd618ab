"""Lever Postings API (PROVIDERS.md section 2).

``GET https://api.lever.co/v0/postings/{site}?mode=json`` (EU boards: ``api.eu.lever.co``, registry
option ``lever_instance=eu``) -> a bare array, the whole board. With ``lever_page_size`` set, pages of
``&skip=N&limit=M`` until a page comes back shorter than ``limit`` (Lever reports no total), written
as a ``.jsonl`` exchange log.
"""

from __future__ import annotations

from urllib.parse import quote

from postings.fetch.base import (
    JSON_HEADERS,
    MAX_PAGES,
    BoardFetch,
    ExchangeLog,
    FetchResult,
    json_list,
    single,
)
from postings.fetch.http import Request
from postings.providers.base import load_json

NAME = "lever"
BASES = {"global": "https://api.lever.co", "eu": "https://api.eu.lever.co"}


def count(body: bytes) -> int:
    return len(json_list(load_json(body, NAME), None, NAME))


def fetch(ctx: BoardFetch) -> FetchResult:
    url = ctx.url(BASES[ctx.board.lever_instance], f"/v0/postings/{quote(ctx.token, safe='')}?mode=json")
    size = ctx.options.lever_page_size
    if not size:
        return single(ctx, Request("GET", url, headers=JSON_HEADERS), ".json", count)
    log = ExchangeLog(ctx)
    skip = 0
    for number in range(1, MAX_PAGES + 1):
        page = log.page(
            Request("GET", f"{url}&skip={skip}&limit={size}", headers=JSON_HEADERS),
            number,
            lambda doc: json_list(doc, None, NAME),
        )
        if page is None or len(page[1]) < size:
            break
        skip += size
    else:
        log.problems.append(f"stopped after {MAX_PAGES} pages")
    return log.result()
