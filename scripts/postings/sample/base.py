"""The small interface every simulated provider implements, the fault vocabulary, and the helpers that
build the exchange logs of providers whose fetch is several requests (``render_fetch``).

A provider module (``greenhouse.py``, ``lever.py``, ...) exposes one ``ProviderSpec``; ``registry.py``
maps provider names to them. The world simulation (``model.py``) and the generator
(``generator.py``) only ever talk to a provider through this interface.
"""

from __future__ import annotations

import json
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

    - ``body``: the exchange log; ``requests``: the HTTP requests the fetch made (the sidecar's).
    - ``shown``: native keys of the postings landing extracts from ``body``, in order (none when the
      body does not parse).
    - ``reported_total``: the total the provider reported (None when it reports none).
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
class StatedPay:
    """Pay as one posting states it: a salary field (``structured``) or words (``parsed_text``: the
    provider's salary string, else the description). ``high`` is None when only a minimum is stated
    (Personio's empty ``max``), ``period`` None when the words name none (``$120,000 - $150,000``)."""

    low: float
    high: float | None
    currency: str
    period: str | None
    source: str


@dataclass(frozen=True)
class Stated:
    """What one rendered posting says about its job, in the warehouse's vocabulary (docs/contracts.md
    section 6): the truth enrichment is measured against. None where the posting says nothing.

    - ``workplace``: onsite / hybrid / remote, from a workplace field or a marker in a location
      ("Hybrid - London", "Remote (United States)", Personio's office "Remote").
    - ``employment``: full_time / part_time / contract / temporary / internship: the most specific type
      the employment field and the title name (a Workday "Full time" schedule on an intern's title is
      an internship; see ``parts.most_specific``).
    - ``country`` / ``city``: the primary location's ISO country and ``content.CITIES`` key; ``countries``
      the countries of every location the posting lists.
    - ``pay``: what the posting states, or None (no pay, or none the posting shows: BambooHR, a v3
      Workable result, a Breezy job without its salary string).
    - ``language``: 'en' when a language code or a description says it; None for title-only postings.
    """

    workplace: str | None
    employment: str | None
    country: str | None
    city: str | None
    countries: frozenset[str]
    pay: StatedPay | None
    language: str | None


@dataclass(frozen=True)
class ProviderSpec:
    """What the sample generator needs to know about one provider.

    - ``new_key``: a fresh native job key (as text) for a board, drawn from the board's RNG.
    - ``render_posting``: one job as the provider's own JSON object (pure: same job -> same object).
    - ``render_body``: the response body for a list of rendered postings; ``reported_total`` is the
      count the provider would report (ignored by providers that report none).
    - ``content_fields``: the job's meaningful fields as the provider shows them (title trimmed,
      department, team, locations, employment type, description text, structured salary, workplace
      type). Two versions of a job are the same content exactly when these are equal. Its ``title``
      and ``location`` (the primary location text) must be what staging reads into ``title`` and
      ``location_text``: the oracle matches reposts on them.
    - ``body_faults``: which body faults the provider can show (besides failed fetches).

    Optional hooks (None: not used):

    - ``render_fetch``: for providers whose fetch is several requests (paged lists, detail calls:
      ``.jsonl`` exchange logs; the one mechanism for them). Given the board, the jobs it lists, the
      fetch time, the body fault (None, empty, truncated, incomplete) and an RNG, it renders the whole
      fetch as a ``RenderedFetch``; it replaces ``render_body`` for fetches that return a body. An
      ``incomplete`` fetch loses postings to a failed page or detail call (``complete`` False), or is a
      page listing fewer postings than its total. Fields that depend on the fetch time (Workday's
      relative ``postedOn``) are rendered here, and never belong in ``content_fields``.
      ``exchange_line``, ``join_log`` and ``cut_log`` below build the log.
    - ``variant``: the spec of one board, when boards of the provider answer differently (Workable
      boards on the v1 widget or the v3 careers API, Ashby's envelope key order). The generator always
      works with ``spec.for_board(board)``.
    - ``listed``: whether a job is listed; unlisted jobs are rendered in the body but landing drops
      them (Ashby ``isListed: false``), so they are no sighting.
    - ``board_jobs``: the typical number of open jobs of a board given the sample's jobs per board
      (SmartRecruiters boards larger than one 100-posting page).
    - ``stated``: what a job's posting states (``Stated``), the truth tests measure enrichment
      against; every provider of the default sample has one.
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
    variant: Callable[[Board], ProviderSpec] | None = None
    listed: Callable[[Board, Job], bool] | None = None
    board_jobs: Callable[[Board, int], int] | None = None
    stated: Callable[[Board, Job], Stated] | None = None

    def for_board(self, board: Board) -> ProviderSpec:
        """The spec that renders ``board`` (itself unless the provider has board variants)."""
        return self.variant(board) if self.variant is not None else self


def exchange_line(url: str, method: str, status: int, body: Any) -> str:
    """One line of an exchange log: ``{url, method, status, body}`` with ``body`` the response text
    (a JSON document given as a Python value is serialized compactly, text is kept as it is)."""
    text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return json.dumps({"url": url, "method": method, "status": status, "body": text}, ensure_ascii=False)


def join_log(lines: Sequence[str]) -> bytes:
    """Exchange-log lines as the ``.jsonl`` body (every line ends with a newline)."""
    return "".join(line + "\n" for line in lines).encode()


def cut_log(lines: Sequence[str], rng: random.Random) -> bytes:
    """The log cut inside one of its lines (never between two), so landing cannot read it: the
    ``truncated`` fault of an exchange-log fetch."""
    number = rng.randrange(len(lines))
    start = sum(len(line) + 1 for line in lines[:number])
    cut = start + rng.randint(1, len(lines[number]) - 1)
    return join_log(lines).decode()[:cut].encode()
