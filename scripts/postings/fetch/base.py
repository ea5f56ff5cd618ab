"""What every provider's request plan uses: the per-board context, the result, paging and detail helpers.

A provider module (``greenhouse.py``, ...) has one function ``fetch(ctx: BoardFetch) -> FetchResult``
that sends its requests through ``ctx`` and returns the raw body to write (DESIGN.md section 3):

- single-response providers: the response body verbatim (``.json``; Personio ``.xml``);
- paged and detail providers: a ``.jsonl`` exchange log, one JSON object per line and per HTTP response
  used, with ``url``, ``method``, ``status`` and ``body`` (the response text), in request order: list
  pages first, then the detail calls in list order.

Outcomes. No usable response at all -> a failed fetch (sidecar only) with the HTTP client's status and
reason. Some pages or detail calls failed -> the responses that worked are written, the fetch is marked
``complete: false`` and the sidecar's ``error`` lists what failed; failed requests are not in the log
(their bodies are error pages, not data), so landing reads the log as it reads a complete one, and the
fetch can never close jobs. A 200 whose body is not the provider's payload (an HTML page) is written
as is: landing records it as a parse error; the fetch summary counts it as failed.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from postings.fetch.boards import Board
from postings.fetch.http import Failure, HttpClient, Request, Response
from postings.providers.base import PayloadError, describe, load_json
from postings.raw import STATUS_OK

BASE_URL_ENV_PREFIX = "POSTINGS_BASE_URL_"
JSON_HEADERS = {"Accept": "application/json"}
POST_JSON_HEADERS = {"Accept": "application/json", "Content-Type": "application/json"}
MAX_LISTED_PROBLEMS = 5
MAX_PAGES = 1000  # a runaway pager (a server repeating its paging token) stops here, incomplete


def base_url_env(provider: str) -> str:
    return BASE_URL_ENV_PREFIX + provider.upper()


def check_base_url(name: str, value: str) -> None:
    """A ``POSTINGS_BASE_URL_<PROVIDER>`` value must be ``http(s)://host[:port][/path]``."""
    parts = urllib.parse.urlsplit(value.replace("{board}", "board"))
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(
            f"{name}={value!r} is not a base URL like http://127.0.0.1:8123 or "
            "http://127.0.0.1:8123/{board} (scheme, host, optional port and path prefix)"
        )


@dataclass(frozen=True)
class FetchOptions:
    """Per-run settings the request plans read."""

    detail_concurrency: int = 4
    lever_page_size: int | None = None  # None: Lever's whole board in one response


@dataclass(frozen=True)
class FetchResult:
    """What one board fetch produced, before it is written."""

    body: bytes | None  # None: failed fetch, sidecar only
    ext: str
    status: str
    http_status: int | None
    error: str | None
    complete: bool = True
    postings: int | None = None  # as the fetcher counted them; None when the body is not readable
    unreadable: str | None = None  # why the written body is not the provider's payload


class BoardFetch:
    """The context of one board's fetch: the client, the board, base URLs, request accounting."""

    def __init__(
        self, client: HttpClient, board: Board, options: FetchOptions, environ: Mapping[str, str]
    ) -> None:
        self.client = client
        self.board = board
        self.options = options
        self.environ = environ
        self._lock = threading.Lock()
        self.requests = 0
        self.first_url: str | None = None
        self.last_http_status: int | None = None

    @property
    def token(self) -> str:
        return self.board.board

    def url(self, default_base: str, path: str) -> str:
        """``default_base`` (scheme and host, may hold ``{board}``) + ``path``; the provider's
        ``POSTINGS_BASE_URL_<PROVIDER>`` replaces the base, keeping the path."""
        base = self.environ.get(base_url_env(self.board.provider)) or default_base
        base = base.replace("{board}", urllib.parse.quote(self.token, safe=""))
        return base.rstrip("/") + path

    def send(self, request: Request) -> Response | Failure:
        result = self.client.send(request)
        with self._lock:
            self.requests += result.attempts
            if self.first_url is None:
                self.first_url = request.url
            if isinstance(result, Response):
                self.last_http_status = result.status
            elif result.http_status is not None:
                self.last_http_status = result.http_status
        return result

    def send_all(self, requests: Sequence[Request]) -> list[Response | Failure]:
        """Send requests with at most ``detail_concurrency`` in flight; results in request order."""
        if not requests:
            return []
        workers = max(1, min(self.options.detail_concurrency, len(requests)))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="detail") as pool:
            return list(pool.map(self.send, requests))


def failed(failure: Failure, ext: str) -> FetchResult:
    return FetchResult(
        body=None,
        ext=ext,
        status=failure.status,
        http_status=failure.http_status,
        error=failure.reason,
        complete=False,
    )


def parse_json(response: Response, provider: str) -> Any:
    """A response's JSON document; PayloadError (HTML page, truncated JSON, ...) when it is none."""
    return load_json(response.body, provider)


def json_list(doc: Any, key: str | None, provider: str) -> list[Any]:
    """``doc[key]`` (or ``doc`` itself when ``key`` is None) as a list; PayloadError otherwise."""
    value = doc if key is None else doc.get(key) if isinstance(doc, dict) else None
    if not isinstance(value, list):
        where = "the body" if key is None else f"'{key}'"
        raise PayloadError(
            f"not a {provider} payload: expected {where} to be an array, got "
            f"{describe(doc if key is None or not isinstance(doc, dict) else value)}"
        )
    return value


def single(ctx: BoardFetch, request: Request, ext: str, count: Callable[[bytes], int]) -> FetchResult:
    """One request, body written verbatim; ``count`` reads the postings (PayloadError: unreadable)."""
    result = ctx.send(request)
    if isinstance(result, Failure):
        return failed(result, ext)
    try:
        postings: int | None = count(result.body)
        unreadable = None
    except PayloadError as exc:
        postings, unreadable = None, exc.reason
    return FetchResult(
        body=result.body,
        ext=ext,
        status=STATUS_OK,
        http_status=result.status,
        error=None,
        postings=postings,
        unreadable=unreadable,
    )


@dataclass
class ExchangeLog:
    """The ``.jsonl`` body of a paged or detail fetch, plus what went wrong along the way."""

    ctx: BoardFetch
    lines: list[bytes] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # partial failures: the fetch is incomplete
    notes: list[str] = field(default_factory=list)  # worth telling, not a failure (a detail gone: 404)
    first_failure: Failure | None = None
    unreadable: str | None = None
    postings: int = 0

    def add(self, response: Response) -> None:
        record = {
            "url": response.request.url,
            "method": response.request.method,
            "status": response.status,
            "body": response.text(),
        }
        self.lines.append(json.dumps(record, ensure_ascii=False).encode("utf-8"))

    def page(
        self, request: Request, number: int, items: Callable[[Any], list[Any]]
    ) -> tuple[Any, list[Any]] | None:
        """Fetch list page ``number`` (1-based). Returns its document and its postings, or None when
        paging must stop: the page failed or is not the provider's payload (recorded either way)."""
        result = self.ctx.send(request)
        if isinstance(result, Failure):
            if not self.lines:
                self.first_failure = result
            else:
                self.problems.append(f"page {number}: {result.reason}")
            return None
        try:
            doc = parse_json(result, self.ctx.board.provider)
            rows = items(doc)
        except PayloadError as exc:
            if not self.lines:
                # The first page is the whole evidence: keep it; landing records why it is unreadable.
                self.add(result)
                self.unreadable = f"page 1: {exc.reason}"
            else:
                self.problems.append(f"page {number}: {exc.reason}")
            return None
        self.add(result)
        self.postings += len(rows)
        return doc, rows

    def details(self, requests: Sequence[Request]) -> None:
        """Send the detail calls (bounded concurrency); log the good ones in order, record the rest.

        A detail answered 404/410 is a posting taken down between the list call and its detail call:
        a note, not a failure (the list is still complete). Any other failure makes the fetch incomplete.
        """
        failures: list[str] = []
        gone: list[str] = []
        for request, result in zip(requests, self.ctx.send_all(requests), strict=True):
            if isinstance(result, Failure):
                if result.http_status in (404, 410):
                    gone.append(request.url)
                else:
                    failures.append(f"{request.url}: {result.reason}")
                continue
            try:
                parse_json(result, self.ctx.board.provider)
            except PayloadError as exc:
                failures.append(f"{request.url}: {exc.reason}")
                continue
            self.add(result)
        if failures:
            shown = "; ".join(failures[:MAX_LISTED_PROBLEMS])
            more = (
                f"; ... and {len(failures) - MAX_LISTED_PROBLEMS} more"
                if len(failures) > MAX_LISTED_PROBLEMS
                else ""
            )
            self.problems.append(f"{len(failures)} of {len(requests)} detail calls failed: {shown}{more}")
        if gone:
            self.notes.append(
                f"{len(gone)} of {len(requests)} detail calls answered 404/410 (posting taken down "
                f"since the list call): {'; '.join(gone[:MAX_LISTED_PROBLEMS])}"
            )

    def result(self) -> FetchResult:
        if not self.lines:
            assert self.first_failure is not None
            return failed(self.first_failure, ".jsonl")
        error_parts = [*self.problems, *self.notes]
        if self.unreadable:
            error_parts.insert(0, self.unreadable)
        return FetchResult(
            body=b"\n".join(self.lines) + b"\n",
            ext=".jsonl",
            status=STATUS_OK,
            http_status=self.ctx.last_http_status,
            error="; ".join(error_parts) or None,
            complete=not self.problems and self.unreadable is None,
            postings=None if self.unreadable else self.postings,
            unreadable=self.unreadable,
        )
