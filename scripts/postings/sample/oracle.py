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
from datetime import datetime
from typing import Any

from postings.raw import iso_utc

EVENT_TYPES = ("open", "update", "close", "reopen")
CSV_COLUMNS = ("job_id", "provider", "board", "provider_job_key", "event_type", "event_at")


@dataclass(frozen=True)
class LifecycleParams:
    """The dbt vars of the lifecycle rule, with the same defaults."""

    close_after_missing_fetches: int = 2
    collapse_ratio: float = 0.5
    collapse_lookback_fetches: int = 7
    collapse_accept_after_fetches: int = 3


@dataclass(frozen=True)
class FetchObservation:
    """What one fetch of a board showed.

    ``ok``: the fetch succeeded and its body parsed (failed fetches and bodies cut mid-JSON are not
    ok). ``postings``: native job key -> content fingerprint of every posting in the body.
    ``reported_total``: the total the provider reported (Greenhouse ``meta.total``), if any.
    """

    fetched_at: datetime
    ok: bool
    postings: Mapping[str, str] = field(default_factory=dict)
    reported_total: int | None = None
    is_reported_complete: bool = True

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


def board_events(
    provider: str, board: str, fetches: Sequence[FetchObservation], params: LifecycleParams
) -> list[TruthEvent]:
    """Open / update / close / reopen events of every job seen on one board."""
    ordered = sorted(fetches, key=lambda f: f.fetched_at)
    health = assess_fetches(ordered, params)
    healthy = [i for i, h in enumerate(health) if h.is_healthy]
    sightings: dict[str, list[int]] = {}
    for index, fetch in enumerate(ordered):
        if fetch.ok:
            for key in fetch.postings:
                sightings.setdefault(key, []).append(index)
    needed = params.close_after_missing_fetches
    events: list[TruthEvent] = []

    def event(key: str, kind: str, index: int) -> None:
        events.append(TruthEvent(provider, board, key, kind, ordered[index].fetched_at))

    for key, seen in sightings.items():
        event(key, "open", seen[0])
        for before, after in itertools.pairwise(seen):
            lo, hi = bisect.bisect_right(healthy, before), bisect.bisect_left(healthy, after)
            if hi - lo >= needed:
                event(key, "close", healthy[lo])
                event(key, "reopen", after)
            elif ordered[before].postings[key] != ordered[after].postings[key]:
                event(key, "update", after)
        lo = bisect.bisect_right(healthy, seen[-1])
        if len(healthy) - lo >= needed:
            event(key, "close", healthy[lo])
    return events


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


def events_csv(events: Iterable[TruthEvent]) -> bytes:
    """``ground_truth_events.csv``: header and one row per event, in the given order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(e.row() for e in events)
    return buffer.getvalue().encode()
