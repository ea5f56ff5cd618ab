"""The provider adapter interface used by landing, and helpers shared by the adapters.

A provider adapter turns one raw fetch into the provider's own posting objects. It knows the
envelope (where the postings sit, what total the provider reports) and the native job key; it knows
nothing about Parquet, sidecars or paths. Landing does everything else: hashing, de-duplication,
statuses, files.

To add a provider: write ``providers/<name>.py`` with an ``extract`` and a ``job_key`` function and an
``ADAPTER = ProviderAdapter(...)``, and add it to ``ADAPTERS`` in ``providers/__init__.py``.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

Posting = dict[str, Any]

_MAX_REASON = 300
MAX_LISTED = 5  # items named in one warning before "..."
_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)
_HTML_MARKERS = ("<!doctype html", "<html", "<head", "<body", "<meta", "<script", "<title", "<div", "<p>")


class PayloadError(Exception):
    """The raw body is not a payload of the provider. ``reason`` is one human-readable line."""

    def __init__(self, reason: str) -> None:
        reason = " ".join(reason.split())
        if len(reason) > _MAX_REASON:
            reason = reason[: _MAX_REASON - 3] + "..."
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Exchange:
    """One HTTP response recorded in a ``.jsonl`` exchange log (paged or detail-call providers)."""

    url: str
    method: str
    status: int
    body: str


class Extraction(NamedTuple):
    """What an adapter found in one fetch: the postings in payload order and the reported total.

    Three ways an adapter reports what it could not land, with different consequences:

    - ``dropped``: one reason per posting that *was* in the payload and that the adapter left out on
      purpose because it is not a public posting (Ashby ``isListed: false``). Landing counts them in
      ``rejected_postings`` and names the reasons (with counts) in the fetch's ``error``. The fetch
      stays complete: the posting is not on the board.
    - ``is_complete``: False when the adapter itself sees that the fetch missed postings (a failed
      list page, a list row without a successful detail response, a total at the provider's cap).
      Landing then records the fetch as not complete, whatever the sidecar says, so no job's absence
      is counted in it. Postings missed this way are not counted as rejected.
    - ``warnings``: one-line notes for the fetch's ``error`` column (which postings were missed and
      why, ignored elements); they never make the fetch fail.
    """

    postings: list[Posting]
    reported_total: int | None
    dropped: tuple[str, ...] = ()
    is_complete: bool = True
    warnings: tuple[str, ...] = ()


Extract = Callable[[bytes, str, list[Exchange] | None], Extraction]
JobKey = Callable[[Posting], str | None]


@dataclass(frozen=True)
class ProviderAdapter:
    """How landing reads one provider's raw fetches.

    - ``name``: the provider folder name (``provider=<name>``), lowercase.
    - ``extensions``: raw file extensions this provider writes (``.json``, ``.xml``, ``.jsonl``); any
      other extension is a parse error.
    - ``extract(body, ext, exchanges)``: ``body`` is the raw file's bytes, ``ext`` its extension and
      ``exchanges`` the parsed exchange log when ``ext == ".jsonl"`` (else None). Returns the postings
      (each the provider's own JSON object for one job) and the total the provider reported (or None).
      Raises ``PayloadError`` when the body is not this provider's payload.
    - ``job_key(posting)``: the native job key as text, or None when the posting has no usable key
      (landing then drops the posting and counts it as rejected).
    """

    name: str
    extensions: tuple[str, ...]
    extract: Extract
    job_key: JobKey


# ---------------------------------------------------------------------------------------------------
# Decoding


def decode_utf8(body: bytes) -> str:
    """Bytes -> text; a UTF-8 byte order mark is dropped. Invalid UTF-8 names the byte offset."""
    offset = 0
    if body.startswith(codecs.BOM_UTF8):
        offset = len(codecs.BOM_UTF8)
    try:
        return body[offset:].decode("utf-8")
    except UnicodeDecodeError as exc:
        position = exc.start + offset
        bad = body[position : position + 1].hex()
        raise PayloadError(f"invalid UTF-8 at byte {position} (0x{bad}: {exc.reason})") from None


def _reject_constant(name: str) -> Any:
    raise PayloadError(f"invalid JSON: {name} is not a JSON value")


def markup_reason(text: str, provider: str) -> str:
    """Why a body starting with '<' is not a JSON payload (HTML error or login page, XML...)."""
    head = text[:4096].lower()
    if any(marker in head for marker in _HTML_MARKERS):
        title = _TITLE_RE.search(text[:65536])
        suffix = ""
        if title and title.group(1).strip():
            suffix = f" (title: {' '.join(title.group(1).split())[:80]!r})"
        return f"HTML page, not a {provider} payload{suffix}"
    return f"markup starting with {text[:30]!r}, not a {provider} JSON payload"


def load_json(data: bytes | str, provider: str) -> Any:
    """Parse a JSON document strictly: UTF-8, no NaN/Infinity, no HTML page, not truncated."""
    text = decode_utf8(data) if isinstance(data, bytes) else data
    stripped = text.lstrip()
    if not stripped:
        raise PayloadError(f"empty body, not a {provider} payload")
    if stripped.startswith("<"):
        raise PayloadError(markup_reason(stripped, provider))
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        where = f"{exc.msg.removesuffix(' at')} at line {exc.lineno} column {exc.colno}"
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            raise PayloadError(f"truncated JSON: the document ends early ({where})") from None
        raise PayloadError(f"invalid JSON: {where}") from None
    except RecursionError:
        raise PayloadError("invalid JSON: nested too deeply") from None


def parse_exchange_log(body: bytes) -> list[Exchange]:
    """A ``.jsonl`` exchange log -> its exchanges: one JSON object per line with url, method, status
    and body (the response text as a string). Blank lines are ignored."""
    text = decode_utf8(body)
    exchanges: list[Exchange] = []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line, parse_constant=_reject_constant)
        except json.JSONDecodeError as exc:
            is_last = all(not rest.strip() for rest in lines[number:])
            kind = "truncated exchange log" if is_last else "invalid exchange log"
            raise PayloadError(f"{kind}: line {number} is not a JSON object ({exc.msg})") from None
        if not isinstance(record, dict):
            raise PayloadError(f"invalid exchange log: line {number} is {describe(record)}, not an object")
        url, method, status, response = (record.get(k) for k in ("url", "method", "status", "body"))
        if not isinstance(status, int) or isinstance(status, bool):
            raise PayloadError(f"invalid exchange log: line {number} has no integer 'status'")
        if not isinstance(response, str):
            raise PayloadError(f"invalid exchange log: line {number} has no string 'body'")
        exchanges.append(
            Exchange(
                url=url if isinstance(url, str) else "",
                method=method if isinstance(method, str) else "GET",
                status=status,
                body=response,
            )
        )
    if not exchanges:
        raise PayloadError("empty exchange log: no exchanges")
    return exchanges


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def first_few(items: Sequence[str], limit: int = MAX_LISTED) -> str:
    """``a, b, c, ...``: the first ``limit`` items, for a one-line warning."""
    return ", ".join(items[:limit]) + (", ..." if len(items) > limit else "")


def without_detail_warning(missing: Sequence[str]) -> str:
    """The warning for list rows left out because they have no successful detail response (the fetch
    is then not complete): ``missing`` names each row (its path, or its id and why)."""
    return (
        f"left out {plural(len(missing), 'posting')} without a successful detail response: "
        f"{first_few(missing)}"
    )


def is_success(exchange: Exchange) -> bool:
    return 200 <= exchange.status < 300


def require_success(exchange: Exchange, index: int) -> None:
    """A page the adapter needs must have been answered with 2xx."""
    if not 200 <= exchange.status < 300:
        raise PayloadError(f"exchange {index} ({exchange.url or 'no url'}) has HTTP status {exchange.status}")


# ---------------------------------------------------------------------------------------------------
# Envelopes and keys


def describe(value: Any) -> str:
    """A short description of a JSON value's shape, for error messages."""
    if isinstance(value, dict):
        keys = sorted(value)
        shown = ", ".join(keys[:6]) + (", ..." if len(keys) > 6 else "")
        return f"an object with keys [{shown}]" if keys else "an empty object"
    if isinstance(value, list):
        return f"a JSON array of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return "null"


def require_objects(items: list[Any], where: str) -> list[Posting]:
    """Every posting in an envelope must be a JSON object."""
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise PayloadError(
                f"unexpected envelope: {where}[{index}] is {describe(item)}, not a posting object"
            )
    return items


def require_signature(postings: Sequence[Posting], provider: str, keys: tuple[str, ...]) -> None:
    """Catch another provider's payload in the wrong folder: a non-empty list of postings must have at
    least one posting carrying all of the provider's characteristic fields."""
    if not postings or any(all(key in posting for key in keys) for posting in postings):
        return
    raise PayloadError(
        f"postings do not look like {provider} postings (none has {', '.join(keys)}; "
        f"the first is {describe(postings[0])})"
    )


def text_key(value: Any) -> str | None:
    """A native id as text: strings trimmed, integers in decimal. Empty, null, booleans, fractional
    numbers and containers are no usable key."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else None
    if isinstance(value, str):
        return value.strip() or None
    return None


def int_or_none(value: Any) -> int | None:
    """A reported total or count: a non-negative integer, else None."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value
