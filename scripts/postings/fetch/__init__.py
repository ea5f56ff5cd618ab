"""Fetching real boards: the board registry, a polite HTTP client and one request plan per provider.

- ``boards.py``: the registry (``seeds/job_boards.csv``): loading and validation.
- ``http.py``: the HTTP client (User-Agent, timeouts, per-host rate limit, retries with backoff).
- ``base.py``: the per-board context and the paging, detail-call and exchange-log helpers.
- ``<provider>.py``: each provider's request plan; ``plans.py`` maps provider names to them.
- ``run.py``: ``fetch_boards``, the function behind ``postings fetch``.
"""

from __future__ import annotations

from postings.fetch.boards import Board, BoardRegistryError, load_boards
from postings.fetch.http import HttpClient, HttpSettings
from postings.fetch.run import BoardOutcome, FetchSettings, FetchSummary, fetch_boards

__all__ = [
    "Board",
    "BoardOutcome",
    "BoardRegistryError",
    "FetchSettings",
    "FetchSummary",
    "HttpClient",
    "HttpSettings",
    "fetch_boards",
    "load_boards",
]
