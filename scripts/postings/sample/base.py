"""The small interface every simulated provider implements, and the fault vocabulary.

A provider module (``greenhouse.py``, ``lever.py``, ...) exposes one ``ProviderSpec``; ``registry.py``
maps provider names to them. The world simulation (``model.py``) and the generator
(``generator.py``) only ever talk to a provider through this interface.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
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


# (board, postings, reported total, rng for a partial failure or None) -> (exchanges, delivered indices)
RenderExchanges = Callable[
    ["Board", Sequence[Mapping[str, Any]], int, random.Random | None], tuple[list[dict[str, Any]], list[int]]
]


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

    Optional hooks (None: not used), for providers whose boards differ or that page and call details:

    - ``variant``: the spec of one board, when boards of the provider answer differently (Workable
      boards on the v1 widget or the v3 careers API, Ashby's envelope key order). The generator always
      works with ``spec.for_board(board)``.
    - ``render_exchanges``: for ``.jsonl`` exchange-log providers, every HTTP response of one fetch in
      order, as ``{url, method, status, body}`` dicts, given the board, the rendered postings, the
      reported total and an RNG when the fetch must lose some postings (the ``incomplete`` fault: a
      failed page or detail call), else None. Returns the exchanges and the indices of the postings
      that a reader of the log gets (all of them when the RNG is None).
    - ``listed``: whether a job is listed; unlisted jobs are rendered in the body but landing drops
      them (Ashby ``isListed: false``), so they are no sighting.
    - ``board_jobs``: the typical number of open jobs of a board given the sample's jobs per board
      (SmartRecruiters boards larger than one 100-posting page).
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
    variant: Callable[[Board], ProviderSpec] | None = None
    render_exchanges: RenderExchanges | None = None
    listed: Callable[[Board, Job], bool] | None = None
    board_jobs: Callable[[Board, int], int] | None = None

    def for_board(self, board: Board) -> ProviderSpec:
        """The spec that renders ``board`` (itself unless the provider has board variants)."""
        return self.variant(board) if self.variant is not None else self
