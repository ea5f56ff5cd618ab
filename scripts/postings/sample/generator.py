"""The offline sample: simulate boards, render each daily fetch as raw files, write the ground truth.

``simulate_sample`` simulates the world and computes the ground truth without rendering any body;
``build_sample`` renders everything in memory (small samples, tests); ``generate_sample`` renders and
writes board by board under the data dir (docs/contracts.md section 4), so a sample of thousands of
boards over months needs the memory of one board's bodies only.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from postings.paths import DataPaths
from postings.raw import (
    STATUS_HTTP_ERROR,
    STATUS_NETWORK_ERROR,
    STATUS_OK,
    format_fetched_at,
    iso_utc,
    write_atomic,
    write_fetch,
)
from postings.sample.base import (
    ALL_FAULTS,
    FAILED_FETCH_FAULTS,
    FAULT_EMPTY,
    FAULT_HTTP_ERROR,
    FAULT_INCOMPLETE,
    FAULT_NETWORK_ERROR,
    FAULT_TRUNCATED,
    ProviderSpec,
)
from postings.sample.model import (
    FLICKER_BOARD,
    FLICKER_DAY,
    FORCED_BOARD,
    SHRINK_BOARD,
    SHRINK_QUIET_DAYS,
    Board,
    BoardHistory,
    Snapshot,
    derive_rng,
    fetch_schedule,
    make_boards,
    outage_day,
    schedule_faults,
    shrink_day,
    simulate_board,
)
from postings.sample.oracle import (
    EVENT_TYPES,
    FetchObservation,
    JobTruth,
    LifecycleParams,
    TruthEvent,
    content_fingerprint,
    events_csv,
    ground_truth,
    ground_truth_jobs,
    jobs_csv,
)
from postings.sample.registry import provider_spec

GENERATOR_VERSION = 2
# The providers and board count of the default sample (`postings sample`, `make build`): two boards
# of each provider (the second Workable board is on the v3 careers API, the second SmartRecruiters
# board needs two list pages).
DEFAULT_PROVIDERS = (
    "greenhouse",
    "lever",
    "ashby",
    "workable",
    "smartrecruiters",
    "recruitee",
    "workday",
    "personio",
    "bamboohr",
    "breezy",
)
DEFAULT_BOARDS = 20
MANIFEST_NAME = "manifest.json"
GROUND_TRUTH_NAME = "ground_truth_events.csv"
GROUND_TRUTH_JOBS_NAME = "ground_truth_jobs.csv"

_NETWORK_ERRORS = (
    "<urlopen error [Errno 104] Connection reset by peer>",
    "<urlopen error [Errno -3] Temporary failure in name resolution>",
    "Remote end closed connection without response",
    "<urlopen error [Errno 110] Connection timed out>",
)


@dataclass(frozen=True)
class SampleParams:
    seed: int
    boards: int
    days: int
    jobs_per_board: int
    start: date
    providers: tuple[str, ...]


@dataclass(frozen=True)
class FetchRecord:
    """One fetch as written to the raw layer, and what it showed (for the oracle)."""

    provider: str
    board: str
    fetched_at: datetime
    fault: str | None
    body: bytes | None  # None: failed fetch, only the sidecar is written
    ext: str
    sidecar: dict[str, Any]
    observation: FetchObservation


@dataclass(frozen=True)
class FetchOutline:
    """One fetch without its raw body: when, which fault, and what it showed (for the oracle)."""

    provider: str
    board: str
    fetched_at: datetime
    fault: str | None
    observation: FetchObservation


@dataclass(frozen=True)
class Sample:
    params: SampleParams
    lifecycle: LifecycleParams
    boards: tuple[Board, ...]
    fetches: tuple[FetchRecord, ...]
    events: tuple[TruthEvent, ...]
    jobs: tuple[JobTruth, ...]


@dataclass(frozen=True)
class SampleSummary:
    """What ``generate_sample`` wrote.

    ``fetches`` counts every fetch attempt (failures included); ``failed_fetches`` the sidecar-only
    ones; ``raw_files`` every file under ``raw/`` (bodies and sidecars); ``postings_written`` the
    postings in bodies that parse (the sightings landing should produce).
    """

    boards: list[tuple[str, str]]
    fetches: int
    failed_fetches: int
    raw_files: int
    postings_written: int
    events_by_type: dict[str, int]
    faults_by_kind: dict[str, int]
    manifest_path: Path
    ground_truth_path: Path
    ground_truth_jobs_path: Path


def _validate(params: SampleParams, lifecycle: LifecycleParams) -> None:
    if params.boards < 1 or params.days < 1 or params.jobs_per_board < 1:
        raise ValueError("boards, days and jobs_per_board must be at least 1")
    if not params.providers:
        raise ValueError("at least one provider is needed")
    for name in params.providers:
        provider_spec(name)
    if lifecycle.close_after_missing_fetches < 1 or lifecycle.collapse_lookback_fetches < 1:
        raise ValueError("close_after_missing_fetches and collapse_lookback_fetches must be at least 1")
    if lifecycle.collapse_accept_after_fetches < 1 or not 0 < lifecycle.collapse_ratio <= 1:
        raise ValueError("collapse_accept_after_fetches must be >= 1 and collapse_ratio in (0, 1]")
    if lifecycle.repost_window_days < 0:
        raise ValueError("repost_window_days must be >= 0")


def _failed(fault: str, url: str, rng: random.Random) -> dict[str, Any]:
    if fault == FAULT_HTTP_ERROR:
        return {
            "status": STATUS_HTTP_ERROR,
            "http_status": 503,
            "error": "HTTP Error 503: Service Unavailable",
            "duration_ms": rng.randint(60, 400),
            "requests": 1,
            "complete": False,
            "url": url,
        }
    return {
        "status": STATUS_NETWORK_ERROR,
        "http_status": None,
        "error": rng.choice(_NETWORK_ERRORS),
        "duration_ms": rng.randint(3000, 30000),
        "requests": 1,
        "complete": False,
        "url": url,
    }


def _observed(
    at: datetime,
    fields: Mapping[str, Mapping[str, Any]],
    keys: Iterable[str],
    total: int | None,
    complete: bool = True,
) -> FetchObservation:
    """What landing keeps of a readable body listing ``keys`` (those with ``fields``: the listed ones),
    with the sidecar's ``complete``: each posting's fingerprint and identity (title, primary location)."""
    shown = {key: fields[key] for key in keys if key in fields}
    return FetchObservation(
        at,
        True,
        {key: content_fingerprint(values) for key, values in shown.items()},
        total,
        complete,
        identities={key: (values.get("title"), values.get("location")) for key, values in shown.items()},
    )


def _render_snapshot(
    seed: int, board: Board, spec: ProviderSpec, url: str, snap: Snapshot, *, with_body: bool
) -> tuple[bytes | None, dict[str, Any], FetchObservation]:
    """One daily fetch: its raw body (None when failed, or when ``with_body`` is false), its sidecar,
    and what it showed. The observation never depends on ``with_body`` (the random draws are the same
    either way), so the oracle can skip rendering single-request bodies."""
    rng = derive_rng(seed, "fault-detail", board.provider, board.token, snap.day)
    fields = {
        job.key: spec.content_fields(board, job)
        for job in snap.jobs
        if spec.listed is None or spec.listed(board, job)
    }
    sidecar: dict[str, Any] = {
        "status": STATUS_OK,
        "http_status": 200,
        "error": None,
        "duration_ms": snap.duration_ms,
        "requests": 1,
        "complete": True,
        "url": url,
    }
    keys = [job.key for job in snap.jobs]
    count = len(keys)
    body: bytes | None = None
    if snap.fault in (FAULT_HTTP_ERROR, FAULT_NETWORK_ERROR):
        sidecar = _failed(snap.fault, url, rng)
        seen = FetchObservation(snap.fetched_at, ok=False)
    elif spec.render_fetch is not None:
        # multi-request fetches decide what they show while rendering: always rendered
        rendered = spec.render_fetch(board, snap.jobs, snap.fetched_at, snap.fault, rng)
        body = rendered.body if with_body else None
        sidecar.update(requests=rendered.requests, complete=rendered.complete, error=rendered.error)
        if rendered.ok:
            seen = _observed(
                snap.fetched_at, fields, rendered.shown, rendered.reported_total, rendered.complete
            )
        else:
            seen = FetchObservation(snap.fetched_at, ok=False)
    elif snap.fault == FAULT_EMPTY:
        body = spec.render_body([], 0) if with_body else None
        seen = _observed(snap.fetched_at, fields, (), 0 if spec.reports_total else None)
    else:

        def postings() -> list[dict[str, Any]]:
            return [spec.render_posting(board, job) for job in snap.jobs]

        if snap.fault == FAULT_TRUNCATED:
            if with_body:
                text = spec.render_body(postings(), count).decode()
                body = text[: rng.randint(len(text) // 5, len(text) * 4 // 5)].encode()
            seen = FetchObservation(snap.fetched_at, ok=False)
        elif snap.fault == FAULT_INCOMPLETE:
            shown = rng.randint(max(1, count * 3 // 10), max(1, count - 1))
            body = spec.render_body(postings()[:shown], count) if with_body else None
            seen = _observed(snap.fetched_at, fields, keys[:shown], count)
        else:
            body = spec.render_body(postings(), count) if with_body else None
            seen = _observed(snap.fetched_at, fields, keys, count if spec.reports_total else None)
    return body, sidecar, seen


def render_history(seed: int, history: BoardHistory, spec: ProviderSpec) -> list[FetchRecord]:
    """Each daily fetch of a board as its raw body and sidecar, plus the observation the oracle uses.

    Providers with ``spec.render_fetch`` render every fetch that returns a body themselves (a ``.jsonl``
    exchange log of pages and detail calls, whose failures the sidecar reports); the others get one
    body from ``render_body``. Every observation carries the content fingerprint and the identity
    (title and primary location text, as staged; what reposts are matched on) of each posting landing
    will keep: unlisted postings (``spec.listed``) are rendered but never seen.
    """
    board = history.board
    spec = spec.for_board(board)
    url = spec.fetch_url(board.token)
    records: list[FetchRecord] = []
    for snap in history.snapshots:
        body, sidecar, seen = _render_snapshot(seed, board, spec, url, snap, with_body=True)
        records.append(
            FetchRecord(
                board.provider, board.token, snap.fetched_at, snap.fault, body, spec.ext, sidecar, seen
            )
        )
    return records


def observe_history(seed: int, history: BoardHistory, spec: ProviderSpec) -> list[FetchOutline]:
    """What ``render_history`` records, without rendering the bodies (cheap; for the oracle)."""
    board = history.board
    spec = spec.for_board(board)
    url = spec.fetch_url(board.token)
    return [
        FetchOutline(
            board.provider,
            board.token,
            snap.fetched_at,
            snap.fault,
            _render_snapshot(seed, board, spec, url, snap, with_body=False)[2],
        )
        for snap in history.snapshots
    ]


@dataclass(frozen=True)
class SimulatedSample:
    """The sample before rendering: every board's history, what each fetch showed, the ground truth.

    Small next to the raw files (no bodies): ``generate_sample`` renders and writes it board by board.
    """

    params: SampleParams
    lifecycle: LifecycleParams
    boards: tuple[Board, ...]
    histories: tuple[BoardHistory, ...]
    fetches: tuple[FetchOutline, ...]
    events: tuple[TruthEvent, ...]
    jobs: tuple[JobTruth, ...]


def simulate_sample(
    *,
    seed: int = 7,
    boards: int = DEFAULT_BOARDS,
    days: int = 21,
    jobs_per_board: int = 25,
    start: date = date(2026, 5, 1),
    providers: Sequence[str] = DEFAULT_PROVIDERS,
    lifecycle: LifecycleParams | None = None,
) -> SimulatedSample:
    """Simulate the boards and compute the ground truth, without rendering any raw body.

    When the dice produce no update, close or reopen (under the default rule), board ``FORCED_BOARD``
    gets scripted ones.
    """
    params = SampleParams(seed, boards, days, jobs_per_board, start, tuple(providers))
    lifecycle = lifecycle or LifecycleParams()
    _validate(params, lifecycle)
    specs = {name: provider_spec(name) for name in params.providers}
    world = make_boards(random.Random(seed), boards, params.providers)
    shrink_on = shrink_day(days, boards)
    quiet: dict[str, Sequence[int]] = {}
    if shrink_on is not None:
        quiet[world[SHRINK_BOARD].token] = range(shrink_on, shrink_on + SHRINK_QUIET_DAYS)
    faults = schedule_faults(derive_rng(seed, "faults"), world, days, specs, quiet)
    schedules = {b.token: fetch_schedule(seed, b, start, days) for b in world}
    histories: list[BoardHistory] = []
    outlines: list[FetchOutline] = []
    observed: dict[tuple[str, str], list[FetchObservation]] = {}
    for force in (False, True):
        histories, outlines, observed = [], [], {}
        for index, board in enumerate(world):
            spec = specs[board.provider].for_board(board)
            history = simulate_board(
                seed,
                board,
                spec,
                schedules[board.token],
                faults[board.token],
                spec.board_jobs(board, jobs_per_board) if spec.board_jobs else jobs_per_board,
                force_events=force and index == FORCED_BOARD,
                shrink_on=shrink_on if index == SHRINK_BOARD else None,
                flicker_on=FLICKER_DAY if index == FLICKER_BOARD and days > FLICKER_DAY + 1 else None,
            )
            histories.append(history)
            mine = observe_history(seed, history, spec)
            outlines.extend(mine)
            observed[(board.provider, board.token)] = [outline.observation for outline in mine]
        # judged under the default rule, so the lifecycle params change the ground truth only
        if {e.event_type for e in ground_truth(observed, LifecycleParams())} >= set(EVENT_TYPES):
            break
    events = ground_truth(observed, lifecycle)
    jobs = ground_truth_jobs(observed, lifecycle)
    return SimulatedSample(
        params, lifecycle, tuple(world), tuple(histories), tuple(outlines), tuple(events), tuple(jobs)
    )


def build_sample(
    *,
    seed: int = 7,
    boards: int = DEFAULT_BOARDS,
    days: int = 21,
    jobs_per_board: int = 25,
    start: date = date(2026, 5, 1),
    providers: Sequence[str] = DEFAULT_PROVIDERS,
    lifecycle: LifecycleParams | None = None,
) -> Sample:
    """The whole sample in memory: boards, every fetch's raw body and sidecar, and the ground truth.

    For small samples and tests; ``generate_sample`` streams the same fetches to disk board by board.
    """
    simulated = simulate_sample(
        seed=seed,
        boards=boards,
        days=days,
        jobs_per_board=jobs_per_board,
        start=start,
        providers=providers,
        lifecycle=lifecycle,
    )
    records: list[FetchRecord] = []
    for history in simulated.histories:
        records.extend(render_history(seed, history, provider_spec(history.board.provider)))
    return Sample(
        simulated.params,
        simulated.lifecycle,
        simulated.boards,
        tuple(records),
        simulated.events,
        simulated.jobs,
    )


def manifest(sample: Sample | SimulatedSample) -> dict[str, Any]:
    """``sample/manifest.json``: what identifies the sample (``sample``, ``boards``) and what it holds."""
    p = sample.params
    faults = [r for r in sample.fetches if r.fault is not None]
    return {
        "generator": "postings.sample",
        "generator_version": GENERATOR_VERSION,
        "sample": {
            "seed": p.seed,
            "boards": p.boards,
            "days": p.days,
            "jobs_per_board": p.jobs_per_board,
            "start": p.start.isoformat(),
            "providers": list(p.providers),
        },
        "boards": [
            {
                "provider": b.provider,
                "board": b.token,
                "company": b.company,
                "url": provider_spec(b.provider).for_board(b).fetch_url(b.token),
            }
            for b in sample.boards
        ],
        "lifecycle": {
            "close_after_missing_fetches": sample.lifecycle.close_after_missing_fetches,
            "collapse_ratio": sample.lifecycle.collapse_ratio,
            "collapse_lookback_fetches": sample.lifecycle.collapse_lookback_fetches,
            "collapse_accept_after_fetches": sample.lifecycle.collapse_accept_after_fetches,
            "repost_window_days": sample.lifecycle.repost_window_days,
        },
        "scenarios": _scenarios(sample),
        "faults": [
            {"provider": r.provider, "board": r.board, "fetched_at": iso_utc(r.fetched_at), "kind": r.fault}
            for r in faults
        ],
        "counts": {
            "fetches": len(sample.fetches),
            "faults_by_kind": _faults_by_kind(sample),
            "events_by_type": _events_by_type(sample),
        },
    }


def _scenarios(sample: Sample | SimulatedSample) -> dict[str, Any]:
    """The scripted lifecycle cases (dates are fetch days): the crawler outage (every fetch failed),
    the board that really shrinks and stays shrunk, and the board with a job left out of one listing."""
    p = sample.params
    outage, shrink = outage_day(p.days), shrink_day(p.days, p.boards)

    def day(index: int) -> str:
        return (p.start + timedelta(days=index)).isoformat()

    def board(index: int) -> dict[str, str]:
        return {"provider": sample.boards[index].provider, "board": sample.boards[index].token}

    return {
        "outage": None if outage is None else {"date": day(outage)},
        "shrink": None if shrink is None else {**board(SHRINK_BOARD), "date": day(shrink)},
        "flicker": None if p.days <= FLICKER_DAY + 1 else {**board(FLICKER_BOARD), "date": day(FLICKER_DAY)},
    }


def _identity(document: Any) -> Any:
    if not isinstance(document, dict):
        return None
    return {k: document.get(k) for k in ("generator", "generator_version", "sample", "boards")}


def _faults_by_kind(sample: Sample | SimulatedSample) -> dict[str, int]:
    counts = Counter(r.fault for r in sample.fetches if r.fault is not None)
    return {kind: counts.get(kind, 0) for kind in ALL_FAULTS}


def _events_by_type(sample: Sample | SimulatedSample) -> dict[str, int]:
    counts = Counter(e.event_type for e in sample.events)
    return {kind: counts.get(kind, 0) for kind in EVENT_TYPES}


def _raw_name(record: FetchRecord | FetchOutline) -> str:
    if record.fault in FAILED_FETCH_FAULTS:  # a failed fetch: no body, only its sidecar
        return f"{format_fetched_at(record.fetched_at)}-failed.meta.json"
    return format_fetched_at(record.fetched_at)


def _files_under(folder: Path) -> Iterator[Path]:
    return (p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else iter(())


def _check_data_dir(paths: DataPaths, sample: Sample | SimulatedSample, wanted: dict[str, Any]) -> None:
    """Refuse to mix two samples in one raw dir (their ground truths would not match the raw files)."""
    manifest_path = paths.sample / MANIFEST_NAME
    problem = None
    if manifest_path.exists():
        try:
            existing = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            existing = None
        if _identity(existing) != _identity(wanted) and next(_files_under(paths.raw), None) is not None:
            problem = f"{manifest_path} describes a different sample"
    if problem is None:
        # Without a manifest: a board folder of ours holding fetches this sample does not make.
        ours: dict[tuple[str, str], set[str]] = {}
        for record in sample.fetches:
            ours.setdefault((record.provider, record.board), set()).add(_raw_name(record))
        for (provider, board), names in ours.items():
            folder = paths.raw / f"provider={provider}" / f"board={board}"
            for path in _files_under(folder):
                if not any(path.name.startswith(n) for n in names):
                    problem = f"{path} is not part of this sample"
                    break
            if problem:
                break
    if problem:
        raise ValueError(
            f"{paths.raw} already holds raw files from a different sample ({problem}). "
            f"Use another POSTINGS_DATA_DIR or remove the data dir {paths.root} first."
        )


def generate_sample(
    paths: DataPaths,
    *,
    seed: int = 7,
    boards: int = DEFAULT_BOARDS,
    days: int = 21,
    jobs_per_board: int = 25,
    start: date = date(2026, 5, 1),
    providers: Sequence[str] = DEFAULT_PROVIDERS,
    close_after_missing_fetches: int = 2,
    collapse_ratio: float = 0.5,
    collapse_lookback_fetches: int = 7,
    collapse_accept_after_fetches: int = 3,
    repost_window_days: float = 30,
    progress: Callable[[str], None] = lambda _m: None,
) -> SampleSummary:
    """Write a deterministic offline sample under ``paths``: raw files, manifest and ground truth.

    Same arguments -> byte-identical files; rerunning on the same data dir rewrites the same files.
    Raises ValueError when ``paths.raw`` already holds files of a different sample.
    """
    lifecycle = LifecycleParams(
        close_after_missing_fetches=close_after_missing_fetches,
        collapse_ratio=collapse_ratio,
        collapse_lookback_fetches=collapse_lookback_fetches,
        collapse_accept_after_fetches=collapse_accept_after_fetches,
        repost_window_days=repost_window_days,
    )
    progress(f"sample: simulating {boards} boards x {days} days (seed {seed})")
    sample = simulate_sample(
        seed=seed,
        boards=boards,
        days=days,
        jobs_per_board=jobs_per_board,
        start=start,
        providers=providers,
        lifecycle=lifecycle,
    )
    document = manifest(sample)
    _check_data_dir(paths, sample, document)
    manifest_path = paths.sample / MANIFEST_NAME
    write_atomic(manifest_path, (json.dumps(document, indent=2) + "\n").encode())
    raw_files = postings = failed = 0
    # render and write one board at a time, so memory holds one board's bodies, not the sample's
    for history in sample.histories:
        board = history.board
        records = render_history(seed, history, provider_spec(board.provider))
        for record in records:
            write_fetch(
                paths.raw,
                record.provider,
                record.board,
                record.fetched_at,
                record.body,
                record.ext,
                record.sidecar,
            )
            raw_files += 1 if record.body is None else 2
            failed += record.body is None
            postings += record.observation.postings_count if record.observation.ok else 0
        progress(f"sample: {board.provider}/{board.token}: {len(records)} fetches")
    truth_path = paths.sample / GROUND_TRUTH_NAME
    write_atomic(truth_path, events_csv(sample.events))
    jobs_path = paths.sample / GROUND_TRUTH_JOBS_NAME
    write_atomic(jobs_path, jobs_csv(sample.jobs))
    events_by_type = _events_by_type(sample)
    progress(
        f"sample: {len(sample.fetches)} fetches, {raw_files} raw files, "
        + ", ".join(f"{n} {kind}" for kind, n in events_by_type.items())
    )
    return SampleSummary(
        boards=[(b.provider, b.token) for b in sample.boards],
        fetches=len(sample.fetches),
        failed_fetches=failed,
        raw_files=raw_files,
        postings_written=postings,
        events_by_type=events_by_type,
        faults_by_kind=_faults_by_kind(sample),
        manifest_path=manifest_path,
        ground_truth_path=truth_path,
        ground_truth_jobs_path=jobs_path,
    )
