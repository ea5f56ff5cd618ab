"""Ground truth: docs/contracts.md section 3 applied to what each fetch showed.

An independent implementation of the lifecycle rule, fed from the generator's own record of every
fetch (never from the raw files): whether it was ok (parsed), whether it was complete, and which
postings it showed with a content fingerprint each.
"""

from __future__ import annotations

import bisect
import csv
import hashlib
import io
import itertools
import json
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from postings.raw import iso_utc

EVENT_TYPES = ("open", "update", "close", "reopen")
CSV_COLUMNS = ("job_id", "provider", "board", "provider_job_key", "event_type", "event_at")
JOB_CSV_COLUMNS = (
    "job_id",
    "provider",
    "board",
    "provider_job_key",
    "status",
    "first_seen_at",
    "last_seen_at",
    "inactive_at",
    "days_open",
    "is_left_censored",
    "is_right_censored",
    "repost_of_job_id",
    "lineage_id",
    "repost_number",
    "lineage_repost_count",
    "lineage_days_open",
)
MILLISECONDS_PER_DAY = 86_400_000


@dataclass(frozen=True)
class LifecycleParams:
    """The dbt vars of the lifecycle rule, with the same defaults."""

    close_after_missing_fetches: int = 2
    collapse_ratio: float = 0.5
    collapse_lookback_fetches: int = 7
    collapse_accept_after_fetches: int = 3
    repost_window_days: float = 30


@dataclass(frozen=True)
class FetchObservation:
    """What one fetch of a board showed.

    ``ok``: the fetch succeeded and its body parsed (failed fetches and bodies cut mid-JSON are not
    ok). ``postings``: native job key -> content fingerprint of every posting in the body.
    ``reported_total``: the total the provider reported (Greenhouse ``meta.total``), if any.
    ``identities``: native job key -> (title, primary location text) as the posting states them
    (trimmed, as staged); what reposts are matched on. A key without one matches nothing.
    """

    fetched_at: datetime
    ok: bool
    postings: Mapping[str, str] = field(default_factory=dict)
    reported_total: int | None = None
    is_reported_complete: bool = True
    identities: Mapping[str, tuple[str | None, str | None]] = field(default_factory=dict)

    @property
    def postings_count(self) -> int:
        return len(self.postings)

    @property
    def is_complete(self) -> bool:
        if not self.ok or not self.is_reported_complete:
            return False
        return self.reported_total is None or self.postings_count >= self.reported_total


@dataclass(frozen=True)
class FetchHealth:
    fetched_at: datetime
    is_ok: bool
    is_complete: bool
    is_collapse: bool
    is_accepted_collapse: bool

    @property
    def is_healthy(self) -> bool:
        return self.is_ok and self.is_complete and (not self.is_collapse or self.is_accepted_collapse)


@dataclass(frozen=True)
class TruthEvent:
    provider: str
    board: str
    provider_job_key: str
    event_type: str
    event_at: datetime

    @property
    def job_id(self) -> str:
        return job_id(self.provider, self.board, self.provider_job_key)

    def row(self) -> tuple[str, str, str, str, str, str]:
        at = iso_utc(self.event_at)
        return (self.job_id, self.provider, self.board, self.provider_job_key, self.event_type, at)


@dataclass(frozen=True)
class JobTruth:
    """What the warehouse must say about one job (dim_jobs): state, time open, censoring, reposts."""

    provider: str
    board: str
    provider_job_key: str
    status: str  # active | inactive
    first_seen_at: datetime
    last_seen_at: datetime
    inactive_at: datetime | None
    open_milliseconds: int
    is_left_censored: bool
    is_right_censored: bool
    repost_of_job_id: str | None
    lineage_id: str
    repost_number: int
    lineage_repost_count: int
    lineage_open_milliseconds: int

    @property
    def job_id(self) -> str:
        return job_id(self.provider, self.board, self.provider_job_key)

    @property
    def days_open(self) -> float:
        return self.open_milliseconds / MILLISECONDS_PER_DAY

    @property
    def lineage_days_open(self) -> float:
        return self.lineage_open_milliseconds / MILLISECONDS_PER_DAY

    def row(self) -> tuple[str, ...]:
        return (
            self.job_id,
            self.provider,
            self.board,
            self.provider_job_key,
            self.status,
            iso_utc(self.first_seen_at),
            iso_utc(self.last_seen_at),
            iso_utc(self.inactive_at) if self.inactive_at else "",
            repr(self.days_open),
            str(self.is_left_censored).lower(),
            str(self.is_right_censored).lower(),
            self.repost_of_job_id or "",
            self.lineage_id,
            str(self.repost_number),
            str(self.lineage_repost_count),
            repr(self.lineage_days_open),
        )


def title_key(title: str | None) -> str | None:
    """The title as repost matching compares it (macro normalize_title_for_matching): lowercased, every
    run of characters other than letters, digits, '+' and '#' made one space, trimmed."""
    if title is None:
        return None
    kept = "".join(ch if ch.isalnum() or ch in "+#" else " " for ch in title.lower())
    return " ".join(kept.split())


def location_key(location: str | None) -> str:
    """The primary location as repost matching compares it: the raw text lowercased ('' when none)."""
    return (location or "").strip(" ").lower()


def job_id(provider: str, board: str, provider_job_key: str) -> str:
    """sha1 hex of ``provider:board:provider_job_key`` (DESIGN.md section 5)."""
    return hashlib.sha1(f"{provider}:{board}:{provider_job_key}".encode()).hexdigest()


def content_fingerprint(fields: Mapping[str, Any]) -> str:
    """A hash of a posting's content fields: equal exactly when the fields are equal."""
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def assess_fetches(fetches: Sequence[FetchObservation], params: LifecycleParams) -> list[FetchHealth]:
    """Health of each fetch of one board (ordered by ``fetched_at``): ok, complete, collapse, healthy."""
    ordered = sorted(fetches, key=lambda f: f.fetched_at)
    usable = [i for i, f in enumerate(ordered) if f.is_complete]  # ok and complete
    collapse: dict[int, bool] = {}
    persistent_starts: set[int] = set()  # positions in `usable`
    span = params.collapse_accept_after_fetches
    for position, index in enumerate(usable):
        window = usable[max(0, position - params.collapse_lookback_fetches) : position]
        counts = [ordered[i].postings_count for i in window]
        if not counts:
            collapse[index] = False
            continue
        threshold = params.collapse_ratio * statistics.median(counts)
        collapse[index] = ordered[index].postings_count < threshold
        # a persistent drop starts here when this collapse and the next span - 1 complete fetches all
        # stay below this collapse's own threshold, and none of those is so much larger that this fetch
        # is only a dip below them (contracts.md section 3)
        following = [ordered[i].postings_count for i in usable[position + 1 : position + span]]
        if (
            collapse[index]
            and len(following) == span - 1
            and all(count < threshold for count in following)
            and all(ordered[index].postings_count >= params.collapse_ratio * count for count in following)
        ):
            persistent_starts.add(position)
    # a collapse is accepted when it is at the level of a persistent drop that started at it or at one
    # of the span - 1 complete fetches before it
    accepted = {
        index
        for position, index in enumerate(usable)
        if collapse[index]
        and any(
            start in persistent_starts
            and ordered[index].postings_count >= params.collapse_ratio * ordered[usable[start]].postings_count
            for start in range(max(0, position - span + 1), position + 1)
        )
    }
    return [
        FetchHealth(
            fetched_at=f.fetched_at,
            is_ok=f.ok,
            is_complete=f.is_complete,
            is_collapse=collapse.get(i, False),
            is_accepted_collapse=i in accepted,
        )
        for i, f in enumerate(ordered)
    ]


@dataclass(frozen=True)
class _Step:
    """One event of one job on one board: its kind, the fetch (index) it is dated to, and the job's
    latest sighting (index) at or before it (for a close, the last fetch that showed the job)."""

    key: str
    kind: str
    index: int
    last_seen: int


@dataclass(frozen=True)
class _Timeline:
    ordered: list[FetchObservation]
    healthy: list[int]
    sightings: dict[str, list[int]]
    steps: list[_Step]


def _timeline(fetches: Sequence[FetchObservation], params: LifecycleParams) -> _Timeline:
    ordered = sorted(fetches, key=lambda f: f.fetched_at)
    health = assess_fetches(ordered, params)
    healthy = [i for i, h in enumerate(health) if h.is_healthy]
    sightings: dict[str, list[int]] = {}
    for index, fetch in enumerate(ordered):
        if fetch.ok:
            for key in fetch.postings:
                sightings.setdefault(key, []).append(index)
    needed = params.close_after_missing_fetches
    steps: list[_Step] = []
    for key, seen in sightings.items():
        steps.append(_Step(key, "open", seen[0], seen[0]))
        for before, after in itertools.pairwise(seen):
            lo, hi = bisect.bisect_right(healthy, before), bisect.bisect_left(healthy, after)
            if hi - lo >= needed:
                steps.append(_Step(key, "close", healthy[lo], before))
                steps.append(_Step(key, "reopen", after, after))
            elif ordered[before].postings[key] != ordered[after].postings[key]:
                steps.append(_Step(key, "update", after, after))
        lo = bisect.bisect_right(healthy, seen[-1])
        if len(healthy) - lo >= needed:
            steps.append(_Step(key, "close", healthy[lo], seen[-1]))
    return _Timeline(ordered, healthy, sightings, steps)


def board_events(
    provider: str, board: str, fetches: Sequence[FetchObservation], params: LifecycleParams
) -> list[TruthEvent]:
    """Open / update / close / reopen events of every job seen on one board."""
    timeline = _timeline(fetches, params)
    return [
        TruthEvent(provider, board, step.key, step.kind, timeline.ordered[step.index].fetched_at)
        for step in timeline.steps
    ]


def _milliseconds(start: datetime, end: datetime) -> int:
    return (end - start) // timedelta(milliseconds=1)


def _reposts(provider: str, board: str, timeline: _Timeline, params: LifecycleParams) -> dict[str, str]:
    """New job key -> the key of the closed job it reposts (contracts.md section 3)."""
    ordered = timeline.ordered

    def identity(key: str, index: int) -> tuple[str | None, str]:
        title, location = ordered[index].identities.get(key, (None, None))
        return title_key(title), location_key(location)

    def jid(key: str) -> str:
        return job_id(provider, board, key)

    window = int(params.repost_window_days * MILLISECONDS_PER_DAY)
    closes = [(step, identity(step.key, step.last_seen)) for step in timeline.steps if step.kind == "close"]
    best: dict[str, tuple[datetime, datetime, str, datetime]] = {}  # new key -> (seen, closed, old, opened)
    for step in timeline.steps:
        if step.kind != "open":
            continue
        opened = ordered[step.index].fetched_at
        wanted = identity(step.key, step.index)
        if wanted[0] is None:
            continue
        for close, match in closes:
            last_seen, closed = ordered[close.last_seen].fetched_at, ordered[close.index].fetched_at
            if (
                close.key == step.key
                or match != wanted
                or opened <= last_seen
                or _milliseconds(closed, opened) > window
            ):
                continue
            current = best.get(step.key)
            # prefer the candidate last seen most recently, then the latest close, then the smaller job_id
            if current is None or (-last_seen.timestamp(), -closed.timestamp(), jid(close.key)) < (
                -current[0].timestamp(),
                -current[1].timestamp(),
                jid(current[2]),
            ):
                best[step.key] = (last_seen, closed, close.key, opened)
    # a job is reposted at most once: the first repost to open (then the smaller job_id) keeps the link
    chosen: dict[str, tuple[datetime, str]] = {}
    for new, (_seen, _closed, old, opened) in best.items():
        if old not in chosen or (opened, jid(new)) < (chosen[old][0], jid(chosen[old][1])):
            chosen[old] = (opened, new)
    return {new: old for old, (_opened, new) in chosen.items()}


def board_jobs(
    provider: str, board: str, fetches: Sequence[FetchObservation], params: LifecycleParams
) -> list[JobTruth]:
    """What dim_jobs must say about every job seen on one board (contracts.md section 3)."""
    timeline = _timeline(fetches, params)
    ordered = timeline.ordered
    last_checked = ordered[timeline.healthy[-1]].fetched_at if timeline.healthy else None
    steps_by_key: dict[str, list[_Step]] = {}
    for step in timeline.steps:
        steps_by_key.setdefault(step.key, []).append(step)
    measured: dict[str, tuple[int, str, datetime | None, bool]] = {}
    for key, steps in steps_by_key.items():
        seen = timeline.sightings[key]
        last_seen = ordered[seen[-1]].fetched_at
        changes = sorted(
            (s for s in steps if s.kind != "update"), key=lambda s: (ordered[s.index].fetched_at, s.kind)
        )
        total = 0
        for start, end in itertools.zip_longest(changes[::2], changes[1::2]):
            opened = ordered[start.index].fetched_at
            ended = ordered[end.index].fetched_at if end else max(last_checked or last_seen, last_seen)
            total += _milliseconds(opened, ended)
        closed = changes[-1].kind == "close"
        inactive_at = ordered[changes[-1].index].fetched_at if closed else None
        left = bisect.bisect_left(timeline.healthy, seen[0]) == 0
        measured[key] = (total, "inactive" if closed else "active", inactive_at, left)
    links = _reposts(provider, board, timeline, params)
    children = {old: new for new, old in links.items()}
    lineage: dict[str, tuple[str, int]] = {}
    for root in (key for key in measured if key not in links):
        node, number = root, 0
        while node is not None:
            lineage[node] = (root, number)
            node, number = children.get(node), number + 1
    members: dict[str, list[str]] = {}
    for key, (root, _number) in lineage.items():
        members.setdefault(root, []).append(key)
    truths = []
    for key, (total, status, inactive_at, left) in measured.items():
        root, number = lineage[key]
        old = links.get(key)
        seen = timeline.sightings[key]
        truths.append(
            JobTruth(
                provider=provider,
                board=board,
                provider_job_key=key,
                status=status,
                first_seen_at=ordered[seen[0]].fetched_at,
                last_seen_at=ordered[seen[-1]].fetched_at,
                inactive_at=inactive_at,
                open_milliseconds=total,
                is_left_censored=left,
                is_right_censored=status == "active",
                repost_of_job_id=job_id(provider, board, old) if old is not None else None,
                lineage_id=job_id(provider, board, root),
                repost_number=number,
                lineage_repost_count=len(members[root]) - 1,
                lineage_open_milliseconds=sum(measured[k][0] for k in members[root]),
            )
        )
    return truths


def ground_truth(
    histories: Mapping[tuple[str, str], Sequence[FetchObservation]], params: LifecycleParams
) -> list[TruthEvent]:
    """Every board's events, sorted by job_id, event_at, event_type."""
    events = [
        event
        for (provider, board), fetches in histories.items()
        for event in board_events(provider, board, fetches, params)
    ]
    return sorted(events, key=lambda e: (e.job_id, e.event_at, e.event_type))


def ground_truth_jobs(
    histories: Mapping[tuple[str, str], Sequence[FetchObservation]], params: LifecycleParams
) -> list[JobTruth]:
    """Every board's jobs, sorted by job_id."""
    jobs = [
        job
        for (provider, board), fetches in histories.items()
        for job in board_jobs(provider, board, fetches, params)
    ]
    return sorted(jobs, key=lambda j: j.job_id)


def jobs_csv(jobs: Iterable[JobTruth]) -> bytes:
    """``ground_truth_jobs.csv``: header and one row per job, in the given order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(JOB_CSV_COLUMNS)
    writer.writerows(j.row() for j in jobs)
    return buffer.getvalue().encode()


def events_csv(events: Iterable[TruthEvent]) -> bytes:
    """``ground_truth_events.csv``: header and one row per event, in the given order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(e.row() for e in events)
    return buffer.getvalue().encode()
