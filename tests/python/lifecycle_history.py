"""Hand-built raw histories for the lifecycle guarantees: tiny boards, written day by day.

A history is a list of ``FixtureBoard``: for each day, what that board's one fetch returned (a list of
postings, or a fault). ``write_days`` renders the chosen days into a data dir's raw layer with
``postings.raw.write_fetch``, exactly as a fetcher would; ``observations`` gives the same history to
the sample generator's oracle, so the warehouse can also be checked against it.

Bodies are rendered per provider by ``RENDERERS`` (provider -> function of the postings and the
reported total, returning the body bytes and the raw file extension). Adding a provider to these
tests (Workday, ...) is one renderer, one board and, for its volatile fields, one ``VolatileCase``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from postings.paths import DataPaths
from postings.raw import write_fetch
from postings.sample.oracle import FetchObservation, content_fingerprint

START = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
DAYS = 9
OUTAGE_DAY = 2  # the crawler is down: every board's fetch fails


@dataclass(frozen=True)
class Posting:
    """One job as a board lists it. Provider renderers use the fields they have."""

    key: str
    title: str
    location: str = "Berlin"
    department: str = "Engineering"
    team: str = "Platform"
    description: str = "Build and run the platform."
    employment: str = "Full-time"
    workplace: str = "onsite"
    salary: tuple[float, float, str, str] | None = None  # min, max, currency, Lever interval
    updated_at: str = "2026-03-01T09:00:00-05:00"  # Greenhouse updated_at: volatile

    def content(self, provider: str) -> dict[str, Any]:
        """The fields the provider shows that matter (a change in any of them is an update)."""
        fields = asdict(self)
        del fields["updated_at"], fields["key"]
        if provider == "greenhouse":  # no team, employment type, workplace or salary in our bodies
            for name in ("team", "employment", "workplace", "salary"):
                del fields[name]
        return fields


# fetch kinds
OK, FAILED, EMPTY, TRUNCATED = "ok", "failed", "empty", "truncated"
INCOMPLETE, PARTIAL = "incomplete", "partial"


@dataclass(frozen=True)
class Fetch:
    """What one fetch returned. ``incomplete``: the body lists ``postings`` but reports ``total``;
    ``partial``: the fetcher says it missed pages (sidecar ``complete: false``)."""

    kind: str
    postings: tuple[Posting, ...] = ()
    total: int | None = None


def ok(*postings: Posting) -> Fetch:
    return Fetch(OK, postings)


@dataclass(frozen=True)
class FixtureBoard:
    provider: str
    board: str
    minute: int  # every fetch of the board is at 06:<minute> UTC, so spans are whole days
    fetches: Mapping[int, Fetch] = field(default_factory=dict)

    def fetched_at(self, day: int) -> datetime:
        return START + timedelta(days=day, minutes=self.minute)


# --- renderers -------------------------------------------------------------------------------------


def greenhouse_body(postings: Sequence[Posting], total: int) -> tuple[bytes, str]:
    jobs = [
        {
            "id": int(p.key),
            "title": p.title,
            "updated_at": p.updated_at,
            "location": {"name": p.location},
            "absolute_url": f"https://job-boards.greenhouse.io/fixture/jobs/{p.key}",
            "departments": [{"id": 1, "name": p.department, "child_ids": [], "parent_id": None}],
            "content": html.escape(f"<p>{p.description}</p>"),
            "first_published": "2026-02-01T09:00:00-05:00",
        }
        for p in postings
    ]
    return json.dumps({"jobs": jobs, "meta": {"total": total}}).encode(), ".json"


def lever_body(postings: Sequence[Posting], total: int) -> tuple[bytes, str]:
    documents = []
    for p in postings:
        document: dict[str, Any] = {
            "id": p.key,
            "text": p.title,
            "categories": {
                "commitment": p.employment,
                "department": p.department,
                "location": p.location,
                "team": p.team,
                "allLocations": [p.location],
            },
            "createdAt": 1769947200000,
            "workplaceType": p.workplace,
            "description": f"<div>{html.escape(p.description)}</div>",
            "descriptionPlain": p.description,
            "lists": [],
            "additional": "",
            "additionalPlain": "",
            "hostedUrl": f"https://jobs.lever.co/fixture/{p.key}",
            "applyUrl": f"https://jobs.lever.co/fixture/{p.key}/apply",
        }
        if p.salary is not None:
            low, high, currency, interval = p.salary
            document["salaryRange"] = {"min": low, "max": high, "currency": currency, "interval": interval}
        documents.append(document)
    return json.dumps(documents).encode(), ".json"


RENDERERS: dict[str, Callable[[Sequence[Posting], int], tuple[bytes, str]]] = {
    "greenhouse": greenhouse_body,
    "lever": lever_body,
}
REPORTS_TOTAL = {"greenhouse"}


# --- writing and the oracle's view --------------------------------------------------------------------


def write_days(paths: DataPaths, boards: Iterable[FixtureBoard], days: Iterable[int]) -> list[Path]:
    """Write the fetches of ``days`` of every board into the raw layer; returns the defining files."""
    written = []
    wanted = set(days)
    for board in boards:
        for day, fetch in sorted(board.fetches.items()):
            if day in wanted:
                written.append(_write(paths, board, day, fetch))
    return written


def _write(paths: DataPaths, board: FixtureBoard, day: int, fetch: Fetch) -> Path:
    render = RENDERERS[board.provider]
    sidecar: dict[str, Any] = {"status": "ok", "http_status": 200, "error": None, "duration_ms": 120}
    sidecar["requests"] = 1
    body: bytes | None
    if fetch.kind == FAILED:
        body = None
        sidecar.update(status="network_error", http_status=None, error="Connection reset by peer")
    elif fetch.kind == EMPTY:
        body, _ext = render([], 0)
    elif fetch.kind == TRUNCATED:
        whole, _ext = render(fetch.postings, len(fetch.postings))
        body = whole[: len(whole) // 2]
    elif fetch.kind == INCOMPLETE:
        body, _ext = render(fetch.postings, fetch.total or len(fetch.postings))
    else:
        body, _ext = render(fetch.postings, len(fetch.postings))
        sidecar["complete"] = fetch.kind != PARTIAL
    ext = render([], 0)[1]
    return write_fetch(paths.raw, board.provider, board.board, board.fetched_at(day), body, ext, sidecar)


def observations(boards: Iterable[FixtureBoard]) -> dict[tuple[str, str], list[FetchObservation]]:
    """The history as the oracle takes it: per board, what each fetch showed."""
    out: dict[tuple[str, str], list[FetchObservation]] = {}
    for board in boards:
        seen = out.setdefault((board.provider, board.board), [])
        for day, fetch in sorted(board.fetches.items()):
            at = board.fetched_at(day)
            if fetch.kind in (FAILED, TRUNCATED):
                seen.append(FetchObservation(at, ok=False))
                continue
            shown = () if fetch.kind == EMPTY else fetch.postings
            prints = {p.key: content_fingerprint(p.content(board.provider)) for p in shown}
            names = {p.key: (p.title.strip(), p.location) for p in shown}
            total = None
            if board.provider in REPORTS_TOTAL:
                total = fetch.total if fetch.kind == INCOMPLETE else len(shown)
            seen.append(
                FetchObservation(
                    at,
                    ok=True,
                    postings=prints,
                    reported_total=total,
                    is_reported_complete=fetch.kind != PARTIAL,
                    identities=names,
                )
            )
    return out


# --- the scenario boards --------------------------------------------------------------------------------


def _daily(
    postings_by_day: Callable[[int], Sequence[Posting]], overrides: Mapping[int, Fetch] | None = None
) -> dict[int, Fetch]:
    """A fetch per day from ``postings_by_day``; the outage day failed; ``overrides`` replace days."""
    fetches = {day: ok(*postings_by_day(day)) for day in range(DAYS)}
    fetches[OUTAGE_DAY] = Fetch(FAILED)
    fetches.update(overrides or {})
    return fetches


def _filler(prefix: str, count: int, first: int = 1) -> list[Posting]:
    roles = ("Recruiter", "Office Manager", "QA Engineer", "Support Engineer", "Accountant", "Designer")
    return [Posting(f"{prefix}{first + i}", roles[i % len(roles)] + f" {first + i}") for i in range(count)]


def steady_board() -> FixtureBoard:
    """A volatile field, two updates, a job that leaves during the outage, one that opens after it."""

    def day(d: int) -> list[Posting]:
        jobs = [
            Posting("1001", "Platform Engineer", updated_at=f"2026-03-0{d + 1}T08:00:00-05:00"),
            Posting("1002", "Senior Data Engineer" if d >= 4 else "Data Engineer"),
            Posting("1003", "Product Manager", department="Product")
            if d < 5
            else Posting("1003", "Product Manager", location="Munich", department="Product Management"),
            *_filler("100", 3, first=4),
        ]
        if d < OUTAGE_DAY:
            jobs.append(Posting("1007", "Support Lead"))
        if d > OUTAGE_DAY:
            jobs.append(Posting("1008", "Sales Lead"))
        return jobs

    return FixtureBoard("greenhouse", "gh-steady", 0, _daily(day))


def empty_board() -> FixtureBoard:
    """Day 4 returns an empty board; job 2006 really left on day 4."""
    jobs = _filler("200", 6)
    fetches = _daily(lambda d: jobs if d < 4 else jobs[:5], {4: Fetch(EMPTY)})
    return FixtureBoard("greenhouse", "gh-empty", 1, fetches)


def truncated_board() -> FixtureBoard:
    """Day 4's body is cut mid-JSON; job lv-t6 really left on day 4."""
    jobs = _filler("lv-t", 6)
    fetches = _daily(lambda d: jobs if d < 4 else jobs[:5], {4: Fetch(TRUNCATED, tuple(jobs[:5]))})
    return FixtureBoard("lever", "lv-truncated", 2, fetches)


def incomplete_board() -> FixtureBoard:
    """Day 4 lists 2 of the 6 it reports; on day 5 the fetcher missed pages (3 listed)."""
    jobs = _filler("400", 6)
    overrides = {4: Fetch(INCOMPLETE, tuple(jobs[:2]), total=6), 5: Fetch(PARTIAL, tuple(jobs[:3]))}
    return FixtureBoard("greenhouse", "gh-incomplete", 3, _daily(lambda d: jobs, overrides))


def shrinking_board() -> FixtureBoard:
    """10 jobs, then from day 4 on only the first 3: a real shrink that persists."""
    jobs = _filler("lv-s", 10)
    return FixtureBoard("lever", "lv-shrink", 4, _daily(lambda d: jobs if d < 4 else jobs[:3]))


def shrink_then_empty_board() -> FixtureBoard:
    """10 jobs shrink to 3 on day 4, then two empty bodies (days 5 and 6), then the 3 again."""
    jobs = _filler("600", 10)
    overrides = {5: Fetch(EMPTY), 6: Fetch(EMPTY)}
    return FixtureBoard(
        "greenhouse", "gh-shrink-outage", 5, _daily(lambda d: jobs if d < 4 else jobs[:3], overrides)
    )


def flicker_board() -> FixtureBoard:
    """7001 misses day 4 only; 7002 misses days 3 and 4; 7003 misses day 1 (and the outage day 2)."""
    absent = {"7001": {4}, "7002": {3, 4}, "7003": {1}}
    jobs = [Posting("7001", "Backend Engineer"), Posting("7002", "Frontend Engineer")]
    jobs += [Posting("7003", "Data Analyst"), *_filler("700", 3, first=4)]
    return FixtureBoard(
        "greenhouse", "gh-flicker", 6, _daily(lambda d: [p for p in jobs if d not in absent.get(p.key, ())])
    )


def repost_board() -> FixtureBoard:
    """r1 -> r2 -> r3 reposts of one role; n2 (other location) and o2 (o1 still open) are none;
    x2 reposts x1 five days after x1's close (inside the default window, outside 2 days)."""
    senior = "Senior Data Engineer"
    spans: list[tuple[Posting, set[int]]] = [
        (Posting("r1", senior), {0, 1}),
        (Posting("r2", "Senior Data-Engineer ", location="berlin"), {4, 5}),
        (Posting("r3", "senior data engineer"), {7, 8}),
        (Posting("n1", "Product Designer"), {0, 1}),
        (Posting("n2", "Product Designer", location="Munich"), set(range(4, DAYS))),
        (Posting("o1", "Sales Lead"), set(range(DAYS))),
        (Posting("o2", "Sales Lead"), set(range(3, DAYS))),
        (Posting("x1", "Account Executive", location="Remote - DE"), {0}),
        (Posting("x2", "Account Executive", location="Remote - DE"), set(range(6, DAYS))),
    ]
    filler = _filler("lv-f", 4)
    return FixtureBoard(
        "lever", "lv-reposts", 7, _daily(lambda d: [*filler, *(p for p, days in spans if d in days)])
    )


def changes_board() -> FixtureBoard:
    """c1 changes salary, then employment type and workplace, then description, then team, currency and
    period; c2 closes and comes back with a new title (a reopen with changes)."""
    base = Posting("c1", "Backend Engineer", description="Build APIs.")
    base = replace(base, salary=(60000, 80000, "EUR", "per-year-salary"))
    versions = {3: replace(base, salary=(65000, 85000, "EUR", "per-year-salary"))}
    versions[4] = replace(versions[3], employment="Contract", workplace="hybrid")
    versions[5] = replace(versions[4], description="Build and operate APIs.")
    versions[6] = replace(versions[5], team="Core", salary=(65000, 85000, "USD", "per-month-salary"))

    def c1(d: int) -> Posting:
        return versions[max(k for k in versions if k <= d)] if d >= 3 else base

    def day(d: int) -> list[Posting]:
        jobs = [c1(d), *_filler("lv-c", 4, first=3)]
        if d < 3:
            jobs.append(Posting("c2", "Frontend Engineer"))
        elif d >= 5:
            jobs.append(Posting("c2", "Senior Frontend Engineer"))
        return jobs

    return FixtureBoard("lever", "lv-changes", 8, _daily(day))


def history() -> list[FixtureBoard]:
    return [
        steady_board(),
        empty_board(),
        truncated_board(),
        incomplete_board(),
        shrinking_board(),
        shrink_then_empty_board(),
        flicker_board(),
        repost_board(),
        changes_board(),
    ]


@dataclass(frozen=True)
class VolatileCase:
    """A job whose raw posting changes every day only in a volatile field: never an update."""

    provider: str
    board: str
    key: str
    volatile_field: str


VOLATILE_CASES = [VolatileCase("greenhouse", "gh-steady", "1001", "updated_at")]
