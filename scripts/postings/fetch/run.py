"""`postings fetch`: fetch the registry's boards and write one raw fetch per board (DESIGN.md section 3).

Boards are fetched a few at a time (``concurrency``), each by its provider's request plan
(``plans.PLANS``) through one shared, polite HTTP client. Every board ends as a raw fetch: a body and
sidecar, or a failed sidecar with the status and reason; a board's fault never stops the run.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from postings.errors import PostingsError
from postings.fetch.base import BoardFetch, FetchOptions, FetchResult, base_url_env, check_base_url
from postings.fetch.boards import DEFAULT_BOARDS_CSV, Board, load_boards, select_boards
from postings.fetch.http import HttpClient, HttpSettings
from postings.fetch.plans import PLANS
from postings.paths import DataPaths
from postings.raw import write_fetch
from postings.registry import PROVIDERS

OUTCOME_OK = "ok"
OUTCOME_INCOMPLETE = "incomplete"
OUTCOME_FAILED = "failed"
STATUS_FETCH_ERROR = "fetch_error"  # a bug in a request plan: recorded like any failed fetch


@dataclass(frozen=True)
class FetchSettings:
    concurrency: int = 4  # boards fetched at once
    detail_concurrency: int = 4  # detail calls in flight per board
    lever_page_size: int | None = None
    http: HttpSettings = field(default_factory=HttpSettings)


def _postings(count: int | None) -> str:
    return f"{count or 0:,} posting{'s' if count != 1 else ''}"


@dataclass(frozen=True)
class BoardOutcome:
    """What one board's fetch came to, as written to raw/."""

    board: Board
    outcome: str  # ok | incomplete | failed
    status: str  # the sidecar status
    http_status: int | None
    postings: int | None
    requests: int
    seconds: float
    error: str | None
    raw_path: Path

    def describe(self) -> str:
        where = f"{self.board.label}:"
        stats = f"({self.requests} request{'s' if self.requests != 1 else ''}, {self.seconds:.1f}s)"
        if self.outcome == OUTCOME_OK:
            return f"{where} ok, {_postings(self.postings)} {stats}"
        if self.outcome == OUTCOME_INCOMPLETE:
            return (
                f"{where} incomplete, {_postings(self.postings)} {stats}: {self.error} "
                "(kept; an incomplete fetch never closes jobs)"
            )
        return f"{where} failed [{self.status}] {stats}: {self.error}"


@dataclass(frozen=True)
class FetchSummary:
    outcomes: list[BoardOutcome]
    seconds: float
    raw_root: Path

    def count(self, outcome: str) -> int:
        return sum(1 for item in self.outcomes if item.outcome == outcome)

    @property
    def postings(self) -> int:
        return sum(item.postings or 0 for item in self.outcomes if item.outcome != OUTCOME_FAILED)

    @property
    def requests(self) -> int:
        return sum(item.requests for item in self.outcomes)

    @property
    def all_failed(self) -> bool:
        return bool(self.outcomes) and self.count(OUTCOME_FAILED) == len(self.outcomes)

    def describe(self) -> str:
        return (
            f"fetch: {len(self.outcomes)} boards: {self.count(OUTCOME_OK)} ok, "
            f"{self.count(OUTCOME_INCOMPLETE)} incomplete, {self.count(OUTCOME_FAILED)} failed; "
            f"{self.postings:,} postings, {self.requests:,} requests in {self.seconds:.1f}s; "
            f"raw files in {self.raw_root}"
        )


def check_environment(environ: Mapping[str, str]) -> None:
    """Every ``POSTINGS_BASE_URL_<PROVIDER>`` that is set must be a usable base URL."""
    for provider in PROVIDERS:
        name = base_url_env(provider)
        value = environ.get(name)
        if value:
            try:
                check_base_url(name, value)
            except ValueError as exc:
                raise PostingsError(str(exc)) from None


def _outcome(result: FetchResult) -> str:
    if result.body is None or result.unreadable is not None:
        return OUTCOME_FAILED
    return OUTCOME_OK if result.complete else OUTCOME_INCOMPLETE


def fetch_board(
    paths: DataPaths,
    client: HttpClient,
    board: Board,
    options: FetchOptions,
    environ: Mapping[str, str],
    *,
    clock: Callable[[], float] = time.monotonic,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> BoardOutcome:
    """Fetch one board with its provider's plan and write the raw fetch; never raises for fetch faults."""
    fetched_at = now()
    started = clock()
    ctx = BoardFetch(client, board, options, environ)
    try:
        result = PLANS[board.provider](ctx)
    except Exception as exc:  # a plan's bug is one failed board, not a failed run
        reason = f"fetcher error: {type(exc).__name__}: {' '.join(str(exc).split())}"[:300]
        result = FetchResult(None, ".json", STATUS_FETCH_ERROR, None, reason, complete=False)
    seconds = max(0.0, clock() - started)
    error = result.error or result.unreadable
    sidecar: dict[str, Any] = {
        "status": result.status,
        "http_status": result.http_status,
        "error": error,
        "duration_ms": int(seconds * 1000),
        "requests": ctx.requests,
        "complete": result.complete,
        "url": ctx.first_url,
    }
    raw_path = write_fetch(
        paths.raw, board.provider, board.board, fetched_at, result.body, result.ext, sidecar
    )
    outcome = _outcome(result)
    if outcome == OUTCOME_FAILED and result.unreadable is not None:
        error = f"the response is not a {board.provider} payload ({result.unreadable}); kept for landing"
    return BoardOutcome(
        board=board,
        outcome=outcome,
        status=result.status,
        http_status=result.http_status,
        postings=result.postings,
        requests=ctx.requests,
        seconds=seconds,
        error=error,
        raw_path=raw_path,
    )


def fetch_boards(
    paths: DataPaths,
    *,
    boards_csv: Path | None = None,
    provider: str | None = None,
    board: str | None = None,
    settings: FetchSettings | None = None,
    environ: Mapping[str, str] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    progress: Callable[[str], None] = lambda _message: None,
) -> FetchSummary:
    """Fetch the registry's boards (optionally one provider or one board) into ``paths.raw``.

    Progress is one line per board as it finishes; the summary's ``describe()`` is the closing line.
    """
    settings = settings or FetchSettings()
    environ = os.environ if environ is None else environ
    check_environment(environ)
    boards = select_boards(load_boards(boards_csv), provider, board)
    started = clock()
    client = HttpClient(settings.http, sleep=sleep, clock=clock)
    options = FetchOptions(
        detail_concurrency=settings.detail_concurrency, lever_page_size=settings.lever_page_size
    )
    plural = "s" if len(boards) != 1 else ""
    progress(
        f"fetch: {len(boards)} board{plural} from {boards_csv or DEFAULT_BOARDS_CSV}, "
        f"{settings.concurrency} at a time"
    )
    outcomes: dict[int, BoardOutcome] = {}
    with ThreadPoolExecutor(max_workers=max(1, settings.concurrency), thread_name_prefix="board") as pool:
        futures = {
            pool.submit(fetch_board, paths, client, item, options, environ, clock=clock, now=now): index
            for index, item in enumerate(boards)
        }
        for done, future in enumerate(as_completed(futures), start=1):
            outcome = future.result()
            outcomes[futures[future]] = outcome
            progress(f"fetch: [{done}/{len(boards)}] {outcome.describe()}")
    summary = FetchSummary(
        outcomes=[outcomes[index] for index in range(len(boards))],
        seconds=max(0.0, clock() - started),
        raw_root=paths.raw,
    )
    progress(summary.describe())
    return summary
