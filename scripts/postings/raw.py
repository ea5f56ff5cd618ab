"""The raw layer contract (DESIGN.md section 3), shared by the sample generator, the fetcher and landing.

One fetch of one board writes one file::

    raw/provider=<provider>/board=<board>/date=<YYYY-MM-DD>/<fetched_at>-<sha256>.<ext>

plus a sidecar ``<same name without extension>.meta.json``. A failed fetch has only the sidecar,
named ``<fetched_at>-failed.meta.json``. ``fetched_at`` is UTC written as ``2026-06-06T07-56-15-191Z``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RAW_EXTENSIONS = (".json", ".xml", ".jsonl")
SIDECAR_SUFFIX = ".meta.json"
FAILED_STEM = "failed"

# Sidecar `status` values. Anything else found in a sidecar is kept as written.
STATUS_OK = "ok"
STATUS_HTTP_ERROR = "http_error"
STATUS_NETWORK_ERROR = "network_error"
STATUS_TIMEOUT = "timeout"
STATUS_PARSE_ERROR = "parse_error"  # set by landing, never by a fetcher

_PARTITION_RE = re.compile(r"^(provider|board|date)=(.+)$")
_NAME_RE = re.compile(
    r"^(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(?P<digest>[0-9a-f]{64}|failed)"
    r"(?P<ext>\.meta\.json|\.json|\.xml|\.jsonl)$"
)
_TOKEN_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def format_fetched_at(moment: datetime) -> str:
    """UTC instant -> ``2026-06-06T07-56-15-191Z`` (millisecond precision, file-name safe)."""
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H-%M-%S-") + f"{moment.microsecond // 1000:03d}Z"


def parse_fetched_at(text: str) -> datetime:
    """``2026-06-06T07-56-15-191Z`` -> aware UTC datetime."""
    base = datetime.strptime(text[:19], "%Y-%m-%dT%H-%M-%S")
    return base.replace(microsecond=int(text[20:23]) * 1000, tzinfo=UTC)


def iso_utc(moment: datetime) -> str:
    """Aware datetime -> ``2026-06-06T07:56:15.191Z``."""
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def is_safe_token(token: str) -> bool:
    """A provider or board token that cannot escape its raw directory."""
    return bool(_TOKEN_RE.match(token)) and ".." not in token


@dataclass(frozen=True)
class RawName:
    """What a raw file's path says about the fetch it holds."""

    provider: str
    board: str
    date: str
    fetched_at: datetime
    digest: str  # sha256 hex, or "failed"
    ext: str  # ".json" | ".xml" | ".jsonl" | ".meta.json" (failed fetch)

    @property
    def is_failed(self) -> bool:
        return self.digest == FAILED_STEM


def parse_raw_path(relative: Path) -> RawName:
    """Read provider, board, date and fetch time from a path relative to ``raw/``.

    Raises ValueError naming what is wrong when the path is not in the raw layout.
    """
    parts = relative.parts
    if len(parts) != 4:
        raise ValueError(f"not in the raw layout provider=P/board=B/date=D/<file>: {relative}")
    values: dict[str, str] = {}
    for expected, part in zip(("provider", "board", "date"), parts[:3], strict=True):
        match = _PARTITION_RE.match(part)
        if not match or match.group(1) != expected:
            raise ValueError(f"expected a '{expected}=...' folder, found '{part}' in {relative}")
        values[expected] = match.group(2)
    name = _NAME_RE.match(parts[3])
    if not name:
        raise ValueError(f"file name is not '<fetched_at>-<sha256>.<json|xml|jsonl>': {relative}")
    fetched_at = parse_fetched_at(name.group("ts"))
    if fetched_at.strftime("%Y-%m-%d") != values["date"]:
        raise ValueError(f"date folder {values['date']} does not match fetch time in {relative}")
    return RawName(
        provider=values["provider"],
        board=values["board"],
        date=values["date"],
        fetched_at=fetched_at,
        digest=name.group("digest"),
        ext=name.group("ext"),
    )


def raw_dir(raw_root: Path, provider: str, board: str, fetched_at: datetime) -> Path:
    if not is_safe_token(provider) or not is_safe_token(board):
        raise ValueError(f"unsafe provider or board token: {provider!r} / {board!r}")
    date = fetched_at.astimezone(UTC).strftime("%Y-%m-%d")
    return raw_root / f"provider={provider}" / f"board={board}" / f"date={date}"


def sidecar_path(raw_file: Path) -> Path:
    """``.../<stem>.json`` -> ``.../<stem>.meta.json``."""
    name = raw_file.name
    for ext in RAW_EXTENSIONS:
        if name.endswith(ext):
            return raw_file.with_name(name[: -len(ext)] + SIDECAR_SUFFIX)
    raise ValueError(f"not a raw payload file: {raw_file}")


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to ``path`` via a temp file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_fetch(
    raw_root: Path,
    provider: str,
    board: str,
    fetched_at: datetime,
    body: bytes | None,
    ext: str,
    sidecar: dict[str, Any],
) -> Path:
    """Write one fetch: the body (if any) and its sidecar. Returns the path of the defining file.

    ``body=None`` is a failed fetch: only ``<fetched_at>-failed.meta.json`` is written.
    The sidecar gets provider, board and fetched_at filled in.

    Order matters, because landing may run while a fetcher writes: the sidecar is renamed into place
    first, the body second. A body without a sidecar means "another crawler's file: ok and complete",
    so a body written first could be landed as complete before a sidecar saying ``complete: false``
    (or a warning) arrived. A sidecar without its body is what landing sees in between; it waits for
    the body (``landing.IN_FLIGHT_SECONDS``) instead of landing the sidecar alone.
    """
    folder = raw_dir(raw_root, provider, board, fetched_at)
    stamp = format_fetched_at(fetched_at)
    meta = {"provider": provider, "board": board, "fetched_at": iso_utc(fetched_at), **sidecar}
    if body is None:
        path = folder / f"{stamp}-{FAILED_STEM}{SIDECAR_SUFFIX}"
        write_atomic(path, (json.dumps(meta, sort_keys=True, indent=1) + "\n").encode())
        return path
    if ext not in RAW_EXTENSIONS:
        raise ValueError(f"unknown raw extension {ext!r}")
    digest = hashlib.sha256(body).hexdigest()
    path = folder / f"{stamp}-{digest}{ext}"
    meta.setdefault("sha256", digest)
    meta.setdefault("bytes", len(body))
    write_atomic(sidecar_path(path), (json.dumps(meta, sort_keys=True, indent=1) + "\n").encode())
    write_atomic(path, body)
    return path
