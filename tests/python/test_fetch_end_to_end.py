"""End to end from HTTP: three daily `postings fetch` runs against the local fake ATS (boards of all ten
providers, with injected faults), then `postings land` and `postings run`, and the warehouse checked
against what the fake served.

The fetch is checked for every provider. The warehouse is checked for every provider whose landing
adapter is registered (``postings.providers.ADAPTERS``); a provider without one lands as a parse error
("unknown provider folder"), which this test expects too, so the same test covers more providers as
adapters are added. Every injected fault must end as a recorded fetch with a known status, never as a
crash, and only the one job that really disappeared may be closed.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from conftest import Warehouse
from fake_ats import (
    PASS,
    FakeAts,
    FakeBoard,
    Reply,
    board_keys,
    html_reply,
    registry_row,
    sample_postings,
    write_registry,
)
from postings.cli import main as postings
from postings.fetch import FetchSettings, HttpSettings, fetch_boards
from postings.fetch.run import FetchSummary
from postings.landing import land
from postings.paths import DATA_DIR_ENV, DataPaths
from postings.providers import ADAPTERS
from postings.registry import PROVIDERS

DAYS = [datetime(2026, 5, day, 6, 0, tzinfo=UTC) for day in (1, 2, 3)]
SETTINGS = FetchSettings(
    concurrency=4,
    detail_concurrency=3,
    lever_page_size=2,
    http=HttpSettings(
        timeout=0.5, max_attempts=2, backoff_base=1.0, min_interval=0.0, trust_env_proxies=False
    ),
)

# (provider, board) -> expected fetches-row status per day, when the provider has a landing adapter.
# A status with "!" is ok but unhealthy (incomplete or a collapse).
EXPECTED_STATUS: dict[tuple[str, str], list[str]] = {
    # day 2: 429 then ok, one title changed; day 3: 500 then ok, one new job
    ("greenhouse", "steady"): ["ok", "ok", "ok"],
    ("greenhouse", "shrinking"): ["ok", "ok", "ok"],  # one job gone from day 2: the only close
    ("greenhouse", "outage"): ["ok", "http_error", "http_error"],
    ("greenhouse", "maintenance"): ["ok", "parse_error", "parse_error"],  # HTML page with 200
    ("greenhouse", "cut"): ["ok", "network_error", "parse_error"],  # connection cut; JSON cut
    ("greenhouse", "emptied"): ["ok", "ok!", "ok!"],  # an empty board: a collapse, closes nothing
    ("greenhouse", "ghost"): ["http_error", "http_error", "http_error"],  # 404
    ("lever", "paged"): ["ok", "ok!", "ok!"],  # page 2 fails: incomplete
    ("lever", "slow"): ["ok", "timeout", "ok"],  # day 3: a timeout, then ok on retry
    ("ashby", "ashco"): ["ok", "ok", "ok"],
    ("workable", "wkone"): ["ok", "ok", "ok"],
    ("workable", "wkthree"): ["ok", "ok", "ok"],
    ("smartrecruiters", "Srco2"): ["ok", "ok!", "ok"],  # day 2: a detail call fails
    ("recruitee", "recco"): ["ok", "ok", "ok"],
    ("workday", "wdco"): ["ok", "ok", "ok"],
    ("personio", "persco"): ["ok", "ok", "ok"],
    ("bamboohr", "bambco"): ["ok", "ok", "ok"],
    ("bamboohr", "moved"): ["ok", "http_error", "http_error"],  # redirect to a marketing page
    ("breezy", "breezco"): ["ok", "ok", "ok"],
}
# What the fetcher itself reports per day (ok / incomplete / failed).
EXPECTED_FETCH: dict[str, list[str]] = {
    "steady": ["ok", "ok", "ok"],
    "outage": ["ok", "failed", "failed"],
    "maintenance": ["ok", "failed", "failed"],
    "cut": ["ok", "failed", "failed"],
    "emptied": ["ok", "ok", "ok"],
    "ghost": ["failed", "failed", "failed"],
    "paged": ["ok", "incomplete", "incomplete"],
    "slow": ["ok", "failed", "ok"],
    "Srco2": ["ok", "incomplete", "ok"],
    "moved": ["ok", "failed", "failed"],
}


@dataclass
class Scenario:
    paths: DataPaths
    fake: FakeAts
    boards: dict[tuple[str, str], FakeBoard]
    summaries: list[FetchSummary]
    served: dict[tuple[str, str], set[str]]  # keys ever served by a fetch that landed ok
    removed_key: str
    changed_key: str
    new_key: str

    @property
    def warehouse(self) -> Warehouse:
        return Warehouse(self.paths)


def _boards(fake: FakeAts) -> dict[tuple[str, str], FakeBoard]:
    boards: dict[tuple[str, str], FakeBoard] = {}

    def add(provider: str, token: str, count: int | None = None, **options: str) -> None:
        boards[(provider, token)] = fake.add(
            sample_postings(provider, count=count, prefix=token), token, **options
        )

    for token in ("steady", "outage", "maintenance", "cut", "emptied"):
        add("greenhouse", token, count=3)
    add("greenhouse", "shrinking", count=4)
    add("lever", "paged", count=5)
    add("lever", "slow", count=2)
    add("ashby", "ashco")
    add("workable", "wkone")
    add("workable", "wkthree", count=5)
    add("smartrecruiters", "Srco2", count=3)
    add("recruitee", "recco")
    add("workday", "wdco", count=25)
    add("personio", "persco")
    add("bamboohr", "bambco")
    add("bamboohr", "moved")
    add("breezy", "breezco")
    return boards


def _registry(path: Path, boards: dict[tuple[str, str], FakeBoard]) -> Path:
    rows = [registry_row(board) for board in boards.values()]
    rows[[b.token for b in boards.values()].index("wkthree")]["workable_surface"] = "v3"
    rows.append(
        {"provider": "greenhouse", "board": "ghost", "company_name": "Ghost", "company_domain": "ghost.io"}
    )
    return write_registry(path, rows)


def _faults(fake: FakeAts, boards: dict[tuple[str, str], FakeBoard], day: int) -> None:
    fake.clear_faults()
    if day == 0:
        return
    gh = boards[("greenhouse", "steady")]
    if day == 1:
        fake.fault("/boards/steady/", Reply(429, "slow down", headers={"Retry-After": "1"}))
        fake.fault("/v0/postings/slow", Reply(hang=True), forever=True)
        fake.fault("/boards/cut/", Reply(body={"jobs": gh.postings}, truncate=True), forever=True)
        sr = boards[("smartrecruiters", "Srco2")]
        fake.fault(f"/postings/{sr.postings[0]['id']}", Reply(500, "boom"), forever=True)
    else:
        fake.fault("/boards/steady/", Reply(500, "oops"))
        fake.fault("/v0/postings/slow", Reply(hang=True))
        fake.fault("/boards/cut/", Reply(body='{"jobs": [{"id": 1, "title": "Cut he'))
    fake.fault("/boards/outage/", Reply(503, "down"), forever=True)
    fake.fault("/boards/maintenance/", html_reply(200), forever=True)
    fake.fault("/v0/postings/paged", PASS, Reply(500, "page 2 broke"), forever=True)
    fake.fault(
        "/bamboohr/moved/", Reply(302, "", headers={"Location": f"{fake.origin}/marketing"}), forever=True
    )


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    root = tmp_path_factory.mktemp("fetched") / "data"
    paths = DataPaths(root)
    previous = os.environ.get(DATA_DIR_ENV)
    fake = FakeAts()
    try:
        boards = _boards(fake)
        registry = _registry(root.parent / "boards.csv", boards)
        served = {key: set() for key in boards}
        steady = boards[("greenhouse", "steady")]
        shrinking = boards[("greenhouse", "shrinking")]
        removed = shrinking.postings[-1]
        changed_key = str(steady.postings[0]["id"])
        summaries = []
        for day, moment in enumerate(DAYS):
            if day == 1:
                shrinking.postings.remove(removed)
                boards[("greenhouse", "emptied")].postings = []
                steady.postings[0] = {**copy.deepcopy(steady.postings[0]), "title": "Renamed role"}
            if day == 2:
                extra = copy.deepcopy(steady.postings[1])
                extra.update(id=123456789, absolute_url="https://job-boards.greenhouse.io/x/jobs/123456789")
                steady.postings.append(extra)
            _faults(fake, boards, day)
            sleeps: list[float] = []
            summaries.append(
                fetch_boards(
                    paths,
                    boards_csv=registry,
                    settings=SETTINGS,
                    environ=fake.environ(),
                    sleep=sleeps.append,
                    now=lambda moment=moment: moment,
                )
            )
            for key, board in boards.items():
                if EXPECTED_STATUS[key][day] == "ok":
                    served[key] |= board_keys(board)
            land(paths)
        assert postings(["--data-dir", str(root), "run"]) == 0, "postings run failed on fetched data"
        yield Scenario(
            paths,
            fake,
            boards,
            summaries,
            served,
            removed_key=str(removed["id"]),
            changed_key=changed_key,
            new_key="123456789",
        )
    finally:
        fake.close()
        if previous is None:
            os.environ.pop(DATA_DIR_ENV, None)
        else:
            os.environ[DATA_DIR_ENV] = previous


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def test_every_board_of_all_ten_providers_is_fetched_each_day(scenario: Scenario) -> None:
    assert {provider for provider, _ in scenario.boards} == set(PROVIDERS)
    for day, summary in enumerate(scenario.summaries):
        outcomes = {o.board.board: o.outcome for o in summary.outcomes}
        assert len(outcomes) == len(scenario.boards) + 1  # + the 404 board
        expected = {board: EXPECTED_FETCH.get(board, ["ok"] * 3)[day] for board in outcomes}
        assert outcomes == expected, f"day {day + 1}"
    raw = scenario.paths.raw
    for provider, board in [*scenario.boards, ("greenhouse", "ghost")]:
        for moment in DAYS:
            folder = raw / f"provider={provider}" / f"board={board}" / f"date={moment:%Y-%m-%d}"
            sidecars = list(folder.glob("*.meta.json"))
            assert len(sidecars) == 1, (provider, board, moment)  # one fetch, always with its sidecar


def test_every_fetch_is_a_recorded_outcome(scenario: Scenario) -> None:
    rows = scenario.warehouse.query(
        "select provider, board, fetched_at, status, is_complete, is_healthy from fct_board_fetches"
    )
    found = {(p, b, _iso(at.replace(tzinfo=UTC))): (s, c, h) for p, b, at, s, c, h in rows}
    for (provider, board), statuses in EXPECTED_STATUS.items():
        for moment, expected in zip(DAYS, statuses, strict=True):
            status, complete, healthy = found[(provider, board, _iso(moment))]
            if provider not in ADAPTERS:
                assert status == "parse_error", (provider, board)  # no landing adapter yet
                continue
            assert status == expected.rstrip("!"), (provider, board, moment)
            assert healthy == (expected == "ok"), (provider, board, moment)
            if board == "paged" and moment != DAYS[0]:
                assert complete is False
    assert len(found) == len(EXPECTED_STATUS) * len(DAYS)


def test_the_warehouse_has_the_served_jobs(scenario: Scenario) -> None:
    rows = scenario.warehouse.query("select provider, board, provider_job_key from dim_jobs")
    actual = {(p, b, k) for p, b, k in rows if (p, b) in scenario.boards}
    expected = {
        (provider, board, key)
        for (provider, board), keys in scenario.served.items()
        if provider in ADAPTERS
        for key in keys
    }
    assert actual == expected
    assert {p for p, _, _ in actual} == set(ADAPTERS) & set(PROVIDERS)


def test_only_the_job_that_disappeared_is_closed(scenario: Scenario) -> None:
    events = scenario.warehouse.query(
        """
        select jobs.provider, jobs.board, jobs.provider_job_key, events.event_type, events.event_at
        from fct_job_lifecycle_events as events
        inner join dim_jobs as jobs using (job_id)
        where events.event_type != 'open'
        """
    )
    changes = sorted(
        (p, b, k, kind, _iso(at.replace(tzinfo=UTC)))
        for p, b, k, kind, at in events
        if (p, b) in scenario.boards
    )
    assert changes == sorted(
        [
            ("greenhouse", "shrinking", scenario.removed_key, "close", _iso(DAYS[1])),
            ("greenhouse", "steady", scenario.changed_key, "update", _iso(DAYS[1])),
        ]
    )
    opened_late = scenario.warehouse.query(
        "select first_seen_at from dim_jobs where board = 'steady' and provider_job_key = ?",
        [scenario.new_key],
    )
    assert [_iso(at.replace(tzinfo=UTC)) for (at,) in opened_late] == [_iso(DAYS[2])]
    inactive = scenario.warehouse.query(
        "select provider, board, provider_job_key from dim_jobs where status = 'inactive'"
    )
    assert [(p, b, k) for p, b, k in inactive if (p, b) in scenario.boards] == [
        ("greenhouse", "shrinking", scenario.removed_key)
    ]


def test_fetch_lineage_reaches_the_raw_files(scenario: Scenario) -> None:
    rows = scenario.warehouse.query("select raw_payload_uri from dim_jobs where board in ('paged', 'wdco')")
    for (uri,) in rows:
        assert (scenario.paths.root / uri).is_file()
    landed = duckdb.sql(
        f"select count(*) from read_parquet('{scenario.paths.landing}/fetches/*/*.parquet')"
    ).fetchall()
    assert landed == [(len(EXPECTED_STATUS) * len(DAYS),)]
