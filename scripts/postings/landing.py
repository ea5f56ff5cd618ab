"""Landing: raw fetches -> the Parquet tables fetches, sightings and payloads (docs/contracts.md section 2).

One call of ``land`` is one batch. It lands every raw fetch whose ``raw_path`` is not yet in
``landing/fetches``, in date order, and commits in the contract's order: payload files, then sightings
files, then the fetches file of each date (the commit record). Until the commit everything sits in
``.tmp-`` files that no reader glob (``*.parquet``) matches. A killed run leaves at most ``.tmp-`` files,
sightings files without a fetches file and payload rows that are content-addressed anyway; the next run
removes the first two and lands the missing fetches again.

Landing must not run concurrently with itself (the CLI holds a lock): the orphan cleanup would take a
running batch's files for a killed run's. It may run while a fetcher writes raw files: ``raw.write_fetch``
writes a fetch's sidecar before its body, and a sidecar whose body is missing is left for a later run
while it is younger than ``IN_FLIGHT_SECONDS`` (after that it lands as a parse error, as an orphan).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import secrets
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from postings.paths import DataPaths
from postings.providers import ADAPTERS
from postings.providers.base import PayloadError, ProviderAdapter, parse_exchange_log
from postings.raw import (
    RAW_EXTENSIONS,
    SIDECAR_SUFFIX,
    STATUS_OK,
    STATUS_PARSE_ERROR,
    parse_fetched_at,
    parse_raw_path,
)

LANDING_VERSION = "1"
COMPRESSION = "zstd"
TMP_PREFIX = ".tmp-"
EMPTY_DIR = "_empty"
EMPTY_FILE = "part-empty.parquet"
UNKNOWN_DATE = "unknown"

PARALLEL_MIN_FILES = 400  # batches with fewer new fetches are read in the landing process itself
MAX_LANDING_WORKERS = 4
LAND_WORKERS_ENV = "POSTINGS_LAND_WORKERS"
PROGRESS_EVERY_FILES = 500
PROGRESS_EVERY_SECONDS = 2.0
PAYLOAD_FLUSH_BYTES = 64 * 1024 * 1024  # buffered payload JSON before it is streamed to its temp file
MAX_LISTED_KEYS = 5
# A sidecar of a fetch with a body, found without its body file, younger than this: the fetcher is
# between writing the sidecar and the body (raw.write_fetch). Older: an orphan, landed as a parse error.
IN_FLIGHT_SECONDS = 600.0
SIDECAR_WITHOUT_BODY = "sidecar without its body file"

# The canonical JSON of a posting (contracts.md): its sha256 is the posting's source_hash.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
_INT32_MAX = 2**31 - 1
_INT64_MAX = 2**63 - 1
_NAME_TS_RE = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)")
_FOLDER_RE = re.compile(r"^(provider|board)=(.+)$")
_PART_RE = re.compile(r"^part-(?P<batch>.+)\.parquet$")

FETCHES_SCHEMA = pa.schema(
    [
        ("fetch_id", pa.string()),
        ("raw_path", pa.string()),
        ("raw_uri", pa.string()),
        ("provider", pa.string()),
        ("board", pa.string()),
        ("fetched_at", pa.timestamp("us")),
        ("fetch_date", pa.date32()),
        ("status", pa.string()),
        ("http_status", pa.int32()),
        ("error", pa.string()),
        ("duration_ms", pa.int64()),
        ("requests", pa.int32()),
        ("is_reported_complete", pa.bool_()),
        ("raw_bytes", pa.int64()),
        ("postings_count", pa.int32()),
        ("reported_total", pa.int32()),
        ("rejected_postings", pa.int32()),
        ("duplicate_postings", pa.int32()),
        ("landed_at", pa.timestamp("us")),
        ("batch_id", pa.string()),
        ("landing_version", pa.string()),
    ]
)
# A day's file holds each posting once: dictionaries pay only for the columns repeated within it
# (a posting's hash and key are not; the bytes per sighting are what the bench's storage figure counts).
SIGHTINGS_DICTIONARY_COLUMNS = ["fetch_id", "provider", "board", "fetched_at", "fetch_date"]
SIGHTINGS_SCHEMA = pa.schema(
    [
        ("fetch_id", pa.string()),
        ("provider", pa.string()),
        ("board", pa.string()),
        ("provider_job_key", pa.string()),
        ("source_hash", pa.string()),
        ("fetched_at", pa.timestamp("us")),
        ("fetch_date", pa.date32()),
    ]
)
PAYLOADS_SCHEMA = pa.schema(
    [
        ("source_hash", pa.string()),
        ("provider", pa.string()),
        ("payload_json", pa.string()),
        ("first_seen_at", pa.timestamp("us")),
        ("first_fetch_id", pa.string()),
    ]
)
TABLES: dict[str, pa.Schema] = {
    "fetches": FETCHES_SCHEMA,
    "sightings": SIGHTINGS_SCHEMA,
    "payloads": PAYLOADS_SCHEMA,
}


@dataclass(frozen=True)
class LandingSummary:
    """What one ``land`` call did. ``parse_error_details`` lists ``(raw_path, reason)`` per parse error."""

    files_seen: int
    fetches_landed: int
    already_landed: int
    parse_errors: int
    failed_fetches: int
    sightings: int
    new_payloads: int
    parse_error_details: list[tuple[str, str]] = field(default_factory=list)
    batch_id: str | None = None
    seconds: float = 0.0
    waiting_for_body: int = 0  # sidecars whose body file a fetcher is still writing; landed by a later run

    def describe(self) -> str:
        """One line for logs and the CLI."""
        waiting = (
            f"; {self.waiting_for_body:,} fetches still being written, left for the next run"
            if self.waiting_for_body
            else ""
        )
        if not self.fetches_landed:
            return (
                f"land: nothing new ({self.files_seen:,} raw fetches, all landed{waiting}) "
                f"in {self.seconds:.1f}s"
            )
        return (
            f"land: {self.fetches_landed:,} fetches landed in batch {self.batch_id} "
            f"({self.sightings:,} sightings, {self.new_payloads:,} new payloads, "
            f"{self.failed_fetches:,} failed fetches, {self.parse_errors:,} parse errors; "
            f"{self.already_landed:,} already landed{waiting}) in {self.seconds:.1f}s"
        )


# ---------------------------------------------------------------------------------------------------
# Files


def _write_table(table: pa.Table, path: Path) -> None:
    """Write a Parquet file atomically: temp file in the same folder, then rename."""
    tmp = _temp_path(path.parent)
    try:
        pq.write_table(table, tmp, compression=COMPRESSION)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _temp_path(folder: Path) -> Path:
    """A fresh ``.tmp-`` file name in ``folder`` (no ``.parquet`` suffix, so no reader glob sees it)."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=TMP_PREFIX, dir=folder)
    os.close(fd)
    return Path(name)


def _write_empty(path: Path, schema: pa.Schema) -> None:
    if path.exists():
        try:
            if pq.read_schema(path).equals(schema):
                return
        except (OSError, pa.ArrowException):
            pass
    _write_table(schema.empty_table(), path)


def ensure_layout(paths: DataPaths) -> None:
    """Create the landing tables' folders and their zero-row schema files (contracts.md section 2)."""
    for table, schema in TABLES.items():
        _write_empty(paths.landing / table / EMPTY_DIR / EMPTY_FILE, schema)
    for provider in ADAPTERS:
        _write_empty(paths.landing / "payloads" / f"provider={provider}" / EMPTY_FILE, PAYLOADS_SCHEMA)


def _clean_orphans(paths: DataPaths) -> int:
    """Remove what a killed run left: ``.tmp-`` files and sightings files of uncommitted batches."""
    removed = 0
    if not paths.landing.is_dir():
        return 0
    for dirpath, _dirnames, filenames in os.walk(paths.landing):
        for name in filenames:
            if name.startswith(TMP_PREFIX):
                (Path(dirpath) / name).unlink(missing_ok=True)
                removed += 1
    fetches = paths.landing / "fetches"
    for part in (paths.landing / "sightings").glob("*/part-*.parquet"):
        if part.parent.name == EMPTY_DIR or part.name == EMPTY_FILE:
            continue
        if not (fetches / part.parent.name / part.name).exists():
            part.unlink(missing_ok=True)
            removed += 1
    return removed


def _parquet_files(folder: Path, pattern: str) -> list[str]:
    return sorted(str(path) for path in folder.glob(pattern))


def _landed_raw_paths(paths: DataPaths) -> set[str]:
    files = _parquet_files(paths.landing / "fetches", "*/*.parquet")
    if not files:
        return set()
    dataset = ds.dataset(files, schema=FETCHES_SCHEMA, format="parquet")
    return set(dataset.to_table(columns=["raw_path"]).column("raw_path").to_pylist())


def _existing_hashes(paths: DataPaths, provider: str, candidates: list[str]) -> set[str]:
    """Which of ``candidates`` are already in ``landing/payloads/provider=<provider>``."""
    files = _parquet_files(paths.landing / "payloads" / f"provider={provider}", "*.parquet")
    if not files or not candidates:
        return set()
    dataset = ds.dataset(files, schema=PAYLOADS_SCHEMA, format="parquet")
    found = dataset.to_table(
        columns=["source_hash"], filter=ds.field("source_hash").isin(pa.array(candidates, pa.string()))
    )
    return set(found.column("source_hash").to_pylist())


# ---------------------------------------------------------------------------------------------------
# Raw listing


@dataclass(frozen=True)
class _RawFetch:
    """One fetch found under raw/: its defining file, body and sidecar, and what the path says."""

    raw_path: str  # relative to the data dir, e.g. raw/provider=.../x.json
    body: Path | None
    body_uri: str | None
    sidecar: Path | None
    provider: str | None
    board: str | None
    ext: str | None
    fetched_at: datetime | None  # naive UTC
    date_key: str  # YYYY-MM-DD or "unknown"
    problem: str | None  # why the file cannot be landed, known from its path alone


def _text(path: str) -> str:
    """A path as valid UTF-8 text (undecodable file-name bytes are backslash-escaped)."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")


def _describe_raw(raw_root: Path, path: Path, body: Path | None, sidecar: Path | None) -> _RawFetch:
    relative = path.relative_to(raw_root)
    raw_path = _text("raw/" + relative.as_posix())
    body_uri = raw_path if body is not None else None
    try:
        name = parse_raw_path(relative)
    except ValueError as exc:
        folders = dict(m.groups() for part in relative.parts[:-1] if (m := _FOLDER_RE.match(part)))
        fetched_at = None
        stamp = _NAME_TS_RE.match(relative.name)
        if stamp:
            try:
                fetched_at = parse_fetched_at(stamp.group(1)).replace(tzinfo=None)
            except ValueError:
                fetched_at = None
        return _RawFetch(
            raw_path=raw_path,
            body=body,
            body_uri=body_uri,
            sidecar=sidecar,
            provider=folders.get("provider"),
            board=folders.get("board"),
            ext=None,
            fetched_at=fetched_at,
            date_key=fetched_at.strftime("%Y-%m-%d") if fetched_at else UNKNOWN_DATE,
            problem=_text(str(exc) if "raw layout" in str(exc) else f"outside the raw layout: {exc}"),
        )
    problem = None
    if body is None and not name.is_failed:
        problem = SIDECAR_WITHOUT_BODY
    return _RawFetch(
        raw_path=raw_path,
        body=body,
        body_uri=body_uri,
        sidecar=sidecar,
        provider=name.provider,
        board=name.board,
        ext=name.ext,
        fetched_at=name.fetched_at.astimezone(UTC).replace(tzinfo=None),
        date_key=name.date,
        problem=problem,
    )


def _list_raw(paths: DataPaths) -> list[_RawFetch]:
    """Every fetch under raw/: body files (with their sidecar) and sidecars without a body."""
    raw_root = paths.raw
    found: list[_RawFetch] = []
    if not raw_root.is_dir():
        return found
    for dirpath, dirnames, filenames in os.walk(raw_root):
        dirnames.sort()
        folder = Path(dirpath)
        names = set(filenames)
        for name in sorted(filenames):
            if name.startswith(TMP_PREFIX):
                continue
            path = folder / name
            if name.endswith(SIDECAR_SUFFIX):
                stem = name[: -len(SIDECAR_SUFFIX)]
                if any(stem + ext in names for ext in RAW_EXTENSIONS):
                    continue  # read with its body
                found.append(_describe_raw(raw_root, path, body=None, sidecar=path))
                continue
            sidecar = None
            for ext in RAW_EXTENSIONS:
                if name.endswith(ext) and name[: -len(ext)] + SIDECAR_SUFFIX in names:
                    sidecar = folder / (name[: -len(ext)] + SIDECAR_SUFFIX)
                    break
            found.append(_describe_raw(raw_root, path, body=path, sidecar=sidecar))
    return found


# ---------------------------------------------------------------------------------------------------
# Reading one fetch


@dataclass(frozen=True)
class _Outcome:
    status: str
    error: str | None
    meta: dict[str, Any]
    raw_bytes: int | None
    postings: list[tuple[str, str, str]]  # (provider_job_key, source_hash, canonical JSON)
    reported_total: int | None = None
    rejected: int | None = None
    duplicates: int | None = None
    is_complete: bool = True  # the adapter's own finding (a failed page or detail call in the log)


def _failed(status: str, error: str | None, meta: dict[str, Any], raw_bytes: int | None) -> _Outcome:
    return _Outcome(status=status, error=error, meta=meta, raw_bytes=raw_bytes, postings=[])


def _size(path: Path | None) -> int | None:
    return path.stat().st_size if path is not None else None


def _utf8(text: str) -> tuple[str, bytes, bool]:
    """Text and its UTF-8 bytes. Lone surrogates (from ``\\ud800``-style escapes in the payload) cannot be
    stored: they become U+FFFD, and the flag says so."""
    try:
        return text, text.encode("utf-8"), False
    except UnicodeEncodeError:
        fixed = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        return fixed, fixed.encode("utf-8"), True


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _key_postings(
    adapter: ProviderAdapter, postings: list[dict[str, Any]]
) -> tuple[list[tuple[str, str, str]], int, int, list[str]]:
    """Postings -> (key, source_hash, canonical JSON) rows, dropping missing and repeated keys."""
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    rejected = 0
    duplicate_keys: list[str] = []
    repaired = 0
    for posting in postings:
        key = adapter.job_key(posting)
        if key is None:
            rejected += 1
            continue
        key, _data, key_fixed = _utf8(key)
        if key in seen:
            duplicate_keys.append(key)
            continue
        seen.add(key)
        text, data, text_fixed = _utf8(_CANONICAL.encode(posting))
        repaired += key_fixed or text_fixed
        rows.append((key, hashlib.sha256(data).hexdigest(), text))
    warnings = []
    if rejected:
        warnings.append(f"dropped {_plural(rejected, 'posting')} without a native key")
    if duplicate_keys:
        shown = ", ".join(duplicate_keys[:MAX_LISTED_KEYS]) + (
            ", ..." if len(duplicate_keys) > MAX_LISTED_KEYS else ""
        )
        warnings.append(
            f"dropped {_plural(len(duplicate_keys), 'posting')} repeating a native key (first kept): {shown}"
        )
    if repaired:
        warnings.append(f"{_plural(repaired, 'posting')} had invalid Unicode (lone surrogates -> U+FFFD)")
    return rows, rejected, len(duplicate_keys), warnings


def _read_fetch(item: _RawFetch, adapters: dict[str, ProviderAdapter]) -> _Outcome:
    meta: dict[str, Any] = {}
    if item.sidecar is not None:
        try:
            loaded = json.loads(item.sidecar.read_bytes())
        except (ValueError, RecursionError) as exc:
            reason = f"unreadable sidecar {item.sidecar.name}: {exc}"
            return _failed(STATUS_PARSE_ERROR, " ".join(reason.split()), meta, _size(item.body))
        if not isinstance(loaded, dict):
            return _failed(STATUS_PARSE_ERROR, "sidecar is not a JSON object", meta, _size(item.body))
        meta = loaded
    if item.problem is not None:
        return _failed(STATUS_PARSE_ERROR, item.problem, meta, _size(item.body))
    adapter = adapters.get(item.provider or "")
    if adapter is None:
        known = ", ".join(sorted(adapters))
        reason = f"unknown provider folder 'provider={item.provider}' (registered: {known})"
        return _failed(STATUS_PARSE_ERROR, reason, meta, _size(item.body))
    status = meta.get("status", STATUS_OK if item.body is not None else None)
    sidecar_error = " ".join(meta["error"].split()) or None if isinstance(meta.get("error"), str) else None
    if not isinstance(status, str) or not status:
        return _failed(STATUS_PARSE_ERROR, "sidecar has no 'status'", meta, _size(item.body))
    if item.body is None:
        if status == STATUS_OK:
            reason = "sidecar of a failed fetch (no body file) says status 'ok'"
            return _failed(STATUS_PARSE_ERROR, reason, meta, None)
        return _failed(status, sidecar_error or status, meta, None)
    if status != STATUS_OK:
        return _failed(status, sidecar_error or status, meta, _size(item.body))

    body = item.body.read_bytes()
    ext = item.ext or ""
    try:
        if ext not in adapter.extensions:
            raise PayloadError(f"{adapter.name} fetches are {'/'.join(adapter.extensions)} files, not {ext}")
        exchanges = parse_exchange_log(body) if ext == ".jsonl" else None
        extraction = adapter.extract(body, ext, exchanges)
    except PayloadError as exc:
        return _failed(STATUS_PARSE_ERROR, exc.reason, meta, len(body))
    rows, rejected, duplicates, warnings = _key_postings(adapter, extraction.postings)
    rejected += len(extraction.dropped)
    dropped = Counter(extraction.dropped)
    warnings = [
        *extraction.warnings,
        *(f"dropped {_plural(count, 'posting')}: {reason}" for reason, count in dropped.items()),
        *warnings,
    ]
    error = "; ".join([sidecar_error, *warnings] if sidecar_error else warnings) or None
    total = extraction.reported_total
    return _Outcome(
        status=STATUS_OK,
        error=error,
        meta=meta,
        raw_bytes=len(body),
        postings=rows,
        reported_total=total if total is not None and 0 <= total <= _INT32_MAX else None,
        rejected=rejected,
        duplicates=duplicates,
        is_complete=extraction.is_complete,
    )


def _read_one(item: _RawFetch) -> _Outcome:
    """One fetch's outcome (in a worker process when landing in parallel)."""
    try:
        return _read_fetch(item, ADAPTERS)
    except OSError as exc:
        raise OSError(f"landing could not read {item.raw_path}: {exc}") from exc


def _pool_context() -> multiprocessing.context.BaseContext:
    """fork where there is one: workers only parse and hash (no Arrow, no DuckDB), and unlike spawn it
    does not run the calling program's main module again (a script without a __main__ guard)."""
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def landing_workers(files: int) -> int:
    """Processes that read and hash fetches: one for small batches (a pool's start-up would dominate),
    else one per core up to MAX_LANDING_WORKERS; ``POSTINGS_LAND_WORKERS`` overrides."""
    override = os.environ.get(LAND_WORKERS_ENV)
    if override:
        return max(1, int(override))
    if files < PARALLEL_MIN_FILES:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_LANDING_WORKERS))


def _int(value: Any, maximum: int) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or not -maximum <= value <= maximum:
        return None
    return value


# ---------------------------------------------------------------------------------------------------
# The batch


def _new_batch_id() -> str:
    """UTC time + a short random suffix: sortable, unique enough for concurrent machines."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ") + "-" + secrets.token_hex(3)


def _columns(schema: pa.Schema) -> dict[str, list[Any]]:
    return {name: [] for name in schema.names}


class _Batch:
    """The state of one landing run: rows buffered per date, staged temp files, counters."""

    def __init__(self, paths: DataPaths, batch_id: str, progress: Callable[[str], None], total: int) -> None:
        self.paths = paths
        self.batch_id = batch_id
        self.progress = progress
        self.total = total
        self.fetches: dict[str, dict[str, list[Any]]] = {}
        self.sightings = _columns(SIGHTINGS_SCHEMA)
        self.staged_sightings: list[tuple[Path, Path]] = []
        self.payload_writers: dict[str, tuple[pq.ParquetWriter, Path, Path]] = {}
        self.pending: dict[str, dict[str, list[Any]]] = {}
        self.pending_bytes = 0
        self.seen_hashes: dict[str, set[str]] = {}
        self.errors: list[tuple[str, str]] = []
        self.done = 0
        self.failed = 0
        self.sighting_count = 0
        self.payload_count = 0
        self.last_report = time.monotonic()

    def add(self, item: _RawFetch, outcome: _Outcome) -> None:
        fetch_id = hashlib.sha1(item.raw_path.encode("utf-8")).hexdigest()
        fetch_date: date | None = item.fetched_at.date() if item.fetched_at else None
        ok = outcome.status == STATUS_OK
        meta = outcome.meta
        complete = meta.get("complete")
        row = {
            "fetch_id": fetch_id,
            "raw_path": item.raw_path,
            "raw_uri": item.body_uri,
            "provider": item.provider,
            "board": item.board,
            "fetched_at": item.fetched_at,
            "fetch_date": fetch_date,
            "status": outcome.status,
            "http_status": _int(meta.get("http_status"), _INT32_MAX),
            "error": outcome.error,
            "duration_ms": _int(meta.get("duration_ms"), _INT64_MAX),
            "requests": _int(meta.get("requests"), _INT32_MAX),
            "is_reported_complete": (complete if isinstance(complete, bool) else True)
            and outcome.is_complete,
            "raw_bytes": outcome.raw_bytes,
            "postings_count": len(outcome.postings) if ok else None,
            "reported_total": outcome.reported_total,
            "rejected_postings": outcome.rejected,
            "duplicate_postings": outcome.duplicates,
            "landed_at": None,
            "batch_id": self.batch_id,
            "landing_version": LANDING_VERSION,
        }
        columns = self.fetches.setdefault(item.date_key, _columns(FETCHES_SCHEMA))
        for name, value in row.items():
            columns[name].append(value)
        if outcome.status == STATUS_PARSE_ERROR:
            self.errors.append((item.raw_path, outcome.error or ""))
        elif not ok:
            self.failed += 1
        if ok and outcome.postings:
            self._add_postings(item, fetch_id, fetch_date, outcome.postings)
        self.done += 1
        now = time.monotonic()
        if self.done % PROGRESS_EVERY_FILES == 0 or now - self.last_report >= PROGRESS_EVERY_SECONDS:
            self.last_report = now
            self.progress(
                f"land: {self.done:,}/{self.total:,} files, {self.sighting_count:,} sightings, "
                f"{len(self.errors):,} parse errors"
            )

    def _add_postings(
        self, item: _RawFetch, fetch_id: str, fetch_date: date | None, postings: list[tuple[str, str, str]]
    ) -> None:
        provider = item.provider or ""
        sightings = self.sightings
        seen = self.seen_hashes.setdefault(provider, set())
        pending = self.pending.setdefault(provider, _columns(PAYLOADS_SCHEMA))
        for key, source_hash, text in postings:
            sightings["fetch_id"].append(fetch_id)
            sightings["provider"].append(provider)
            sightings["board"].append(item.board)
            sightings["provider_job_key"].append(key)
            sightings["source_hash"].append(source_hash)
            sightings["fetched_at"].append(item.fetched_at)
            sightings["fetch_date"].append(fetch_date)
            if source_hash in seen:
                continue
            seen.add(source_hash)
            pending["source_hash"].append(source_hash)
            pending["provider"].append(provider)
            pending["payload_json"].append(text)
            pending["first_seen_at"].append(item.fetched_at)
            pending["first_fetch_id"].append(fetch_id)
            self.pending_bytes += len(text)
        self.sighting_count += len(postings)

    def finish_date(self, date_key: str) -> None:
        """Stage the date's sightings in a temp file; stream buffered payloads when there are many."""
        if self.sightings["fetch_id"]:
            final = (
                self.paths.landing / "sightings" / f"fetch_date={date_key}" / f"part-{self.batch_id}.parquet"
            )
            tmp = _temp_path(final.parent)
            self.staged_sightings.append((tmp, final))
            table = pa.Table.from_pydict(self.sightings, schema=SIGHTINGS_SCHEMA)
            pq.write_table(table, tmp, compression=COMPRESSION, use_dictionary=SIGHTINGS_DICTIONARY_COLUMNS)
            self.sightings = _columns(SIGHTINGS_SCHEMA)
        if self.pending_bytes >= PAYLOAD_FLUSH_BYTES:
            self._flush_payloads()

    def _flush_payloads(self) -> None:
        """Drop hashes already landed by earlier batches, append the rest to the provider's temp file."""
        for provider, columns in self.pending.items():
            if not columns["source_hash"]:
                continue
            existing = _existing_hashes(self.paths, provider, columns["source_hash"])
            table = pa.Table.from_pydict(columns, schema=PAYLOADS_SCHEMA)
            if existing:
                keep = [source_hash not in existing for source_hash in columns["source_hash"]]
                table = table.filter(pa.array(keep, pa.bool_()))
            if table.num_rows:
                if provider not in self.payload_writers:
                    final = (
                        self.paths.landing
                        / "payloads"
                        / f"provider={provider}"
                        / f"part-{self.batch_id}.parquet"
                    )
                    tmp = _temp_path(final.parent)
                    writer = pq.ParquetWriter(tmp, PAYLOADS_SCHEMA, compression=COMPRESSION)
                    self.payload_writers[provider] = (writer, tmp, final)
                self.payload_writers[provider][0].write_table(table)
                self.payload_count += table.num_rows
        self.pending = {}
        self.pending_bytes = 0

    def commit(self) -> None:
        """Payloads, then sightings, then each date's fetches file (the commit record)."""
        self._flush_payloads()
        for writer, tmp, final in self.payload_writers.values():
            writer.close()
            os.replace(tmp, final)
        self.payload_writers = {}
        for tmp, final in self.staged_sightings:
            os.replace(tmp, final)
        self.staged_sightings = []
        landed_at = datetime.now(UTC).replace(tzinfo=None)
        for date_key in sorted(self.fetches):
            columns = self.fetches[date_key]
            columns["landed_at"] = [landed_at] * len(columns["fetch_id"])
            table = pa.Table.from_pydict(columns, schema=FETCHES_SCHEMA)
            _write_table(
                table,
                self.paths.landing / "fetches" / f"fetch_date={date_key}" / f"part-{self.batch_id}.parquet",
            )

    def discard(self) -> None:
        """After a failure: remove the temp files (committed files stay, as after a kill)."""
        for writer, tmp, _final in self.payload_writers.values():
            try:
                writer.close()
            finally:
                tmp.unlink(missing_ok=True)
        for tmp, _final in self.staged_sightings:
            tmp.unlink(missing_ok=True)

    def summary(
        self, files_seen: int, already_landed: int, seconds: float, waiting_for_body: int
    ) -> LandingSummary:
        return LandingSummary(
            files_seen=files_seen,
            fetches_landed=self.done,
            already_landed=already_landed,
            parse_errors=len(self.errors),
            failed_fetches=self.failed,
            sightings=self.sighting_count,
            new_payloads=self.payload_count,
            parse_error_details=list(self.errors),
            batch_id=self.batch_id if self.done else None,
            seconds=seconds,
            waiting_for_body=waiting_for_body,
        )


def _date_order(date_key: str) -> tuple[bool, str]:
    return (date_key == UNKNOWN_DATE, date_key)


def _is_in_flight(item: _RawFetch, now: float) -> bool:
    """A body fetch's sidecar whose body a fetcher has not renamed into place yet (see raw.write_fetch)."""
    if item.body is not None or item.sidecar is None or item.problem != SIDECAR_WITHOUT_BODY:
        return False
    try:
        return now - item.sidecar.stat().st_mtime < IN_FLIGHT_SECONDS
    except FileNotFoundError:
        return True  # renamed or removed since listing: look again next run


def land(paths: DataPaths, *, progress: Callable[[str], None] = lambda _m: None) -> LandingSummary:
    """Land every raw fetch not yet in landing/fetches as one batch (contracts.md section 2)."""
    started = time.monotonic()
    ensure_layout(paths)
    _clean_orphans(paths)
    landed = _landed_raw_paths(paths)
    listed = _list_raw(paths)
    now = time.time()
    by_date: dict[str, list[_RawFetch]] = {}
    waiting = 0
    for item in listed:
        if item.raw_path in landed:
            continue
        if _is_in_flight(item, now):
            waiting += 1
            continue
        by_date.setdefault(item.date_key, []).append(item)
    todo = sum(len(items) for items in by_date.values())
    batch = _Batch(paths, _new_batch_id(), progress, total=todo)
    workers = landing_workers(todo)
    try:
        # reading and hashing fetches is CPU-bound and independent per fetch: a pool of processes does
        # it, this process adds the outcomes in the same order and writes the files
        with (
            ProcessPoolExecutor(workers, mp_context=_pool_context()) if workers > 1 else nullcontext()
        ) as pool:
            for date_key in sorted(by_date, key=_date_order):
                items = sorted(by_date[date_key], key=lambda it: (it.fetched_at or datetime.min, it.raw_path))
                outcomes = pool.map(_read_one, items, chunksize=8) if pool else map(_read_one, items)
                for item, outcome in zip(items, outcomes, strict=True):
                    batch.add(item, outcome)
                batch.finish_date(date_key)
        batch.commit()
    except BaseException:
        batch.discard()
        raise
    summary = batch.summary(
        files_seen=len(listed),
        already_landed=len(listed) - todo - waiting,
        seconds=time.monotonic() - started,
        waiting_for_body=waiting,
    )
    progress(summary.describe())
    return summary
