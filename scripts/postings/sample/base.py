"""The small interface every simulated provider implements, and the fault vocabulary.

A provider module (``greenhouse.py``, ``lever.py``, ...) exposes one ``ProviderSpec``; ``registry.py``
maps provider names to them. The world simulation (``model.py``) and the generator
(``generator.py``) only ever talk to a provider through this interface.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from postings.sample.model import Board, Job

# Fault kinds. The first two are failed fetches (sidecar only); the others return a body.
FAULT_HTTP_ERROR = "http_error"  # HTTP 503, sidecar status http_error
FAULT_NETWORK_ERROR = "network_error"  # connection reset / DNS failure, sidecar status network_error
FAULT_EMPTY = "empty"  # 200 with an empty board for one day
FAULT_TRUNCATED = "truncated"  # 200 with the body cut mid-JSON (unparseable)
FAULT_INCOMPLETE = "incomplete"  # 200 with a valid body listing fewer postings than its reported total
FAILED_FETCH_FAULTS = (FAULT_HTTP_ERROR, FAULT_NETWORK_ERROR)
ALL_FAULTS = (FAULT_HTTP_ERROR, FAULT_NETWORK_ERROR, FAULT_EMPTY, FAULT_TRUNCATED, FAULT_INCOMPLETE)


@dataclass(frozen=True)
class RenderedFetch:
    """One fetch made of several HTTP requests (a ``.jsonl`` exchange log), as its provider renders it.

    - ``shown``: native keys of the postings landing extracts from ``body``, in order (none when the
      body does not parse).
    - ``ok``: False when landing cannot read the body (truncated).
    - ``complete``: False when a page or detail call failed (the sidecar's ``complete``), with the
      sidecar's one-line ``error``.
    """

    body: bytes
    requests: int
    shown: tuple[str, ...]
    reported_total: int | None
    ok: bool = True
    complete: bool = True
    error: str | None = None


RenderFetch = Callable[["Board", Sequence["Job"], datetime, str | None, random.Random], RenderedFetch]


@dataclass(frozen=True)
class ProviderSpec:
    """What the sample generator needs to know about one provider.

    - ``new_key``: a fresh native job key (as text) for a board, drawn from the board's RNG.
    - ``render_posting``: one job as the provider's own JSON object (pure: same job -> same object).
    - ``render_body``: the response body for a list of rendered postings; ``reported_total`` is the
      count the provider would report (ignored by providers that report none).
    - ``content_fields``: the job's meaningful fields as the provider shows them (title trimmed,
      department, team, locations, employment type, description text, structured salary, workplace
      type). Two versions of a job are the same content exactly when these are equal.
    - ``body_faults``: which body faults the provider can show (besides failed fetches).
    - ``render_fetch`` (optional): for providers whose fetch is several requests (paged lists, detail
      calls: ``.jsonl`` exchange logs). Given the board, the jobs it lists, the fetch time and the body
      fault (None, empty, truncated, incomplete), it renders the whole fetch; it replaces
      ``render_body`` for fetches that return a body. Fields that depend on the fetch time (Workday's
      relative ``postedOn``) are rendered here, and never belong in ``content_fields``.
    """

    name: str
    ext: str
    fetch_url: Callable[[str], str]
    new_key: Callable[[random.Random, Board], str]
    render_posting: Callable[[Board, Job], dict[str, Any]]
    render_body: Callable[[Sequence[Mapping[str, Any]], int], bytes]
    content_fields: Callable[[Board, Job], dict[str, Any]]
    body_faults: tuple[str, ...]
    reports_total: bool
    render_fetch: RenderFetch | None = None
