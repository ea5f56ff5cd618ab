"""A polite HTTP client on the standard library: User-Agent, timeouts, per-host rate limit, retries.

- Every request names the project in its User-Agent and asks for gzip.
- A per-host rate limit spaces request starts to one host by ``min_interval`` seconds, across threads.
- Retries with exponential backoff on 429, 408, 5xx, connection errors, timeouts and truncated bodies;
  ``Retry-After`` (seconds or an HTTP date) is honoured, up to ``max_retry_after`` (a longer wait is
  given up at once: the board is recorded as failed, the run goes on). No retry on other 4xx (404).
- Redirects are not followed: a board that redirects (a missing tenant sent to a marketing page, a
  moved careers site) is a failed fetch whose reason names the target, so the registry gets fixed
  instead of a marketing page being stored as the board.

Time is injected (``sleep``, ``clock``, ``wall_clock``) so tests run retries and rate limits without
sleeping. The client holds no state but its rate limiter; it is safe to share between threads.
"""

from __future__ import annotations

import email.utils
import gzip
import http.client
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import metadata

from postings.raw import STATUS_HTTP_ERROR, STATUS_NETWORK_ERROR, STATUS_TIMEOUT

RETRY_STATUSES = frozenset({408, 429})  # and every 5xx
MAX_REASON = 300


def _version() -> str:
    try:
        return metadata.version("job-postings-warehouse")
    except metadata.PackageNotFoundError:
        return "0"


DEFAULT_USER_AGENT = (
    f"job-postings-warehouse/{_version()} "
    "(open-source job postings warehouse; one daily fetch of public career boards)"
)


@dataclass(frozen=True)
class HttpSettings:
    """Politeness and fault handling. Defaults suit a daily run; tests shorten them."""

    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 30.0  # seconds per socket operation (connect, each read)
    max_attempts: int = 4  # first try included
    backoff_base: float = 2.0  # seconds before the 2nd attempt; doubles each time
    backoff_max: float = 60.0
    max_retry_after: float = 120.0  # a longer Retry-After gives up the request
    min_interval: float = 0.5  # seconds between request starts to one host
    max_bytes: int = 256 * 1024 * 1024
    trust_env_proxies: bool = True  # honour http_proxy / https_proxy / no_proxy


@dataclass(frozen=True)
class Request:
    method: str
    url: str
    body: bytes | None = None
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Response:
    """A 2xx answer. ``attempts`` counts the HTTP requests it took, retries included."""

    request: Request
    status: int
    body: bytes
    headers: Mapping[str, str]
    attempts: int

    def text(self) -> str:
        """The body as text: the charset the server declared, else UTF-8; undecodable bytes -> U+FFFD."""
        charset = _charset(self.headers.get("content-type", "")) or "utf-8"
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


@dataclass(frozen=True)
class Failure:
    """No usable answer. ``status`` is the sidecar status (http_error, network_error, timeout)."""

    request: Request
    status: str
    http_status: int | None
    reason: str
    attempts: int


@dataclass(frozen=True)
class _Attempt:
    """One HTTP exchange or transport error, before the retry decision."""

    http_status: int | None
    body: bytes
    headers: Mapping[str, str]
    status: str | None = None  # transport failure kind; None when an HTTP answer arrived
    reason: str = ""


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip('"')
    return None


def _one_line(text: str, limit: int = MAX_REASON) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects come back as HTTPError with their 3xx status (see the module doc)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


class RateLimiter:
    """Spaces request starts per host by ``interval`` seconds; threads reserve their slot under a lock."""

    def __init__(self, interval: float, clock: Callable[[], float], sleep: Callable[[float], None]) -> None:
        self.interval = interval
        self.clock = clock
        self.sleep = sleep
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}

    def wait(self, host: str) -> float:
        """Block until this host may be asked again; returns the seconds waited."""
        if self.interval <= 0:
            return 0.0
        with self._lock:
            now = self.clock()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + self.interval
        delay = start - now
        if delay > 0:
            self.sleep(delay)
        return delay


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """``Retry-After`` as seconds from ``now`` (epoch seconds): delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment is None:
        return None
    return max(0.0, moment.timestamp() - now)


class HttpClient:
    def __init__(
        self,
        settings: HttpSettings | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings or HttpSettings()
        self.sleep = sleep
        self.wall_clock = wall_clock
        self.limiter = RateLimiter(self.settings.min_interval, clock, sleep)
        handlers: list[urllib.request.BaseHandler] = [_NoRedirect()]
        if not self.settings.trust_env_proxies:
            handlers.append(urllib.request.ProxyHandler({}))
        self._opener = urllib.request.build_opener(*handlers)

    def send(self, request: Request) -> Response | Failure:
        """Send with retries; a 2xx Response, or a Failure saying why (never raises for HTTP faults)."""
        settings = self.settings
        host = urllib.parse.urlsplit(request.url).netloc.lower()
        attempt = 0
        while True:
            attempt += 1
            self.limiter.wait(host)
            result = self._attempt(request)
            status = result.http_status
            if result.status is None and status is not None and 200 <= status < 300:
                return Response(request, status, result.body, result.headers, attempt)
            failure, retryable, retry_after = self._judge(request, result, attempt)
            if not retryable or attempt >= settings.max_attempts:
                if retryable:
                    failure = Failure(
                        request,
                        failure.status,
                        failure.http_status,
                        f"{failure.reason} (gave up after {attempt} attempt{'s' if attempt != 1 else ''})",
                        attempt,
                    )
                return failure
            backoff = min(settings.backoff_max, settings.backoff_base * 2 ** (attempt - 1))
            if retry_after is not None:
                if retry_after > settings.max_retry_after:
                    return Failure(
                        request,
                        failure.status,
                        failure.http_status,
                        f"{failure.reason}; Retry-After {retry_after:.0f} s is longer than the "
                        f"{settings.max_retry_after:.0f} s we wait",
                        attempt,
                    )
                backoff = retry_after
            if backoff > 0:
                self.sleep(backoff)

    def _judge(self, request: Request, result: _Attempt, attempt: int) -> tuple[Failure, bool, float | None]:
        """The failure an attempt stands for, whether to retry it, and the server's Retry-After."""
        if result.status is not None:
            return Failure(request, result.status, None, result.reason, attempt), True, None
        status = result.http_status or 0
        phrase = http.client.responses.get(status, "")
        reason = f"HTTP {status} {phrase}".rstrip()
        if 300 <= status < 400:
            target = result.headers.get("location", "")
            reason = f"{reason}: redirected to {target or '(no Location)'}; redirects are not followed"
            return Failure(request, STATUS_HTTP_ERROR, status, _one_line(reason), attempt), False, None
        snippet = _one_line(result.body[:2000].decode("utf-8", errors="replace"), 120)
        if snippet:
            reason = f"{reason}: {snippet}"
        failure = Failure(request, STATUS_HTTP_ERROR, status, _one_line(reason), attempt)
        retryable = status in RETRY_STATUSES or status >= 500
        retry_after = retry_after_seconds(result.headers.get("retry-after"), self.wall_clock())
        return failure, retryable, retry_after if retryable else None

    def _attempt(self, request: Request) -> _Attempt:
        settings = self.settings
        headers = {
            "User-Agent": settings.user_agent,
            "Accept-Encoding": "gzip",
            "Accept-Language": "en-US,en;q=0.8",
            **request.headers,
        }
        prepared = urllib.request.Request(
            request.url, data=request.body, headers=headers, method=request.method
        )
        try:
            with self._opener.open(prepared, timeout=settings.timeout) as answer:
                body = self._read(answer)
                return self._decoded(answer.status, body, answer.headers)
        except urllib.error.HTTPError as error:
            try:
                body = error.read(64 * 1024) or b""
            except (OSError, http.client.HTTPException):
                body = b""
            return self._decoded(error.code, body, error.headers)
        except _TooLarge as error:
            return _Attempt(None, b"", {}, STATUS_NETWORK_ERROR, str(error))
        except http.client.IncompleteRead as error:
            expected = f", {error.expected} more expected" if error.expected else ""
            reason = f"truncated body: connection closed after {len(error.partial)} bytes{expected}"
            return _Attempt(None, b"", {}, STATUS_NETWORK_ERROR, reason)
        except TimeoutError:
            return _Attempt(None, b"", {}, STATUS_TIMEOUT, f"timed out after {settings.timeout:g} s")
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                return _Attempt(None, b"", {}, STATUS_TIMEOUT, f"timed out after {settings.timeout:g} s")
            return _Attempt(
                None, b"", {}, STATUS_NETWORK_ERROR, _one_line(f"connection failed: {error.reason}")
            )
        except (http.client.HTTPException, OSError) as error:
            kind = type(error).__name__
            return _Attempt(
                None, b"", {}, STATUS_NETWORK_ERROR, _one_line(f"connection failed: {kind} {error}")
            )

    def _read(self, answer: http.client.HTTPResponse) -> bytes:
        limit = self.settings.max_bytes
        chunks: list[bytes] = []
        size = 0
        while chunk := answer.read(1024 * 1024):
            size += len(chunk)
            if size > limit:
                raise _TooLarge(f"response larger than {limit // (1024 * 1024)} MB; not read")
            chunks.append(chunk)
        body = b"".join(chunks)
        remaining = getattr(answer, "length", None)
        if remaining:  # http.client's read(n) returns short, without raising, when the server hangs up
            raise http.client.IncompleteRead(body, remaining)
        return body

    def _decoded(self, status: int, body: bytes, raw_headers: object) -> _Attempt:
        headers = {key.lower(): value for key, value in getattr(raw_headers, "items", dict)()}
        if headers.get("content-encoding", "").lower() == "gzip" and body:
            try:
                body = gzip.decompress(body)
            except (OSError, EOFError, zlib.error) as error:
                return _Attempt(None, b"", {}, STATUS_NETWORK_ERROR, _one_line(f"invalid gzip body: {error}"))
        return _Attempt(status, body, headers)


class _TooLarge(Exception):
    pass
