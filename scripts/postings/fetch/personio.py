"""Personio XML feed (PROVIDERS.md section 8): the whole board in one XML document.

``GET https://{company}.jobs.personio.de/xml?language=en`` (registry option ``personio_domain=com`` for
``.jobs.personio.com``) -> ``<workzag-jobs><position>...</position>...</workzag-jobs>``, written as
``.xml``. An empty board is ``<workzag-jobs/>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from postings.fetch.base import BoardFetch, FetchResult, single
from postings.fetch.http import Request
from postings.providers.base import PayloadError, decode_utf8, markup_reason

NAME = "personio"
ROOT = "workzag-jobs"


def count(body: bytes) -> int:
    text = decode_utf8(body).lstrip()
    if not text:
        raise PayloadError("empty body, not a personio feed")
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        head = text[:4096].lower()
        if "<html" in head or "<!doctype html" in head:
            raise PayloadError(markup_reason(text, NAME)) from None
        raise PayloadError(f"invalid XML: {exc}") from None
    if root.tag != ROOT:
        raise PayloadError(f"not a personio feed: root element <{root.tag}>, expected <{ROOT}>")
    return len(root.findall("position"))


def fetch(ctx: BoardFetch) -> FetchResult:
    url = ctx.url(f"https://{{board}}.jobs.personio.{ctx.board.personio_domain}", "/xml?language=en")
    return single(ctx, Request("GET", url, headers={"Accept": "application/xml"}), ".xml", count)
