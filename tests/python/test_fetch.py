"""postings fetch against a local fake of the ten ATS APIs: requests, paging, detail calls, raw files,
sidecars, and every fault as a recorded outcome. No network, no real sleeping (a fake sleep records
the waits)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from fake_ats import (
    PASS,
    FakeAts,
    FakeBoard,
    Reply,
    board_keys,
    html_reply,
    registry_row,
    sample_postings,
    serve,
    write_registry,
)
from postings.cli import main as postings
from postings.errors import PostingsError
from postings.fetch import FetchSettings, HttpClient, HttpSettings, fetch_boards
from postings.fetch import smartrecruiters as smartrecruiters_plan
from postings.fetch import workday as workday_plan
from postings.fetch.base import BoardFetch, FetchOptions
from postings.fetch.boards import Board
from postings.fetch.http import DEFAULT_USER_AGENT, Failure, RateLimiter, Request, retry_after_seconds
from postings.fetch.plans import PLANS
from postings.fetch.run import FetchSummary
from postings.landing import land
from postings.paths import DataPaths
from postings.providers import ADAPTERS
from postings.providers.base import parse_exchange_log
from postings.registry import PROVIDERS

WHEN = datetime(2026, 6, 6, 7, 56, 15, 191000, tzinfo=UTC)
HTTP = HttpSettings(timeout=2.0, max_attempts=3, backoff_base=1.0, min_interval=0.0, trust_env_proxies=False)
SETTINGS = FetchSettings(concurrency=4, detail_concurrency=3, http=HTTP)
EXTENSIONS = {"personio": ".xml", "smartrecruiters": ".jsonl", "workday": ".jsonl"}


@pytest.fixture
def fake() -> Iterator[FakeAts]:
    yield from serve()


@pytest.fixture
def paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "data")


class Run:
    """One fetch run's summary, the waits it asked for, and its raw fetches."""

    def __init__(self, summary: FetchSummary, sleeps: list[float], paths: DataPaths) -> None:
        self.summary = summary
        self.sleeps = sleeps
        self.paths = paths

    def outcome(self, provider: str, board: str) -> Any:
        return next(
            o for o in self.summary.outcomes if (o.board.provider, o.board.board) == (provider, board)
        )

    def sidecar(self, provider: str, board: str) -> dict[str, Any]:
        path = self.outcome(provider, board).raw_path
        if not path.name.endswith(".meta.json"):
            path = path.with_name(path.name.rsplit(".", 1)[0] + ".meta.json")
        return json.loads(path.read_text())

    def body(self, provider: str, board: str) -> bytes:
        return self.outcome(provider, board).raw_path.read_bytes()

    def exchanges(self, provider: str, board: str) -> list[Any]:
        return parse_exchange_log(self.body(provider, board))


def fetch(
    paths: DataPaths,
    fake: FakeAts,
    rows: list[dict[str, str]],
    settings: FetchSettings = SETTINGS,
    **kwargs: Any,
) -> Run:
    sleeps: list[float] = []
    registry = write_registry(paths.root.parent / "boards.csv", rows)
    summary = fetch_boards(
        paths,
        boards_csv=registry,
        settings=settings,
        environ=fake.environ(),
        sleep=sleeps.append,
        now=lambda: WHEN,
        **kwargs,
    )
    return Run(summary, sleeps, paths)


def one(fake: FakeAts, provider: str, token: str, count: int | None = None, **options: str) -> FakeBoard:
    return fake.add(sample_postings(provider, count=count, prefix=token), token, **options)


# ---------------------------------------------------------------------------------------------------
# Every provider


@pytest.mark.parametrize(
    ("provider", "options"),
    [(p, {}) for p in PROVIDERS] + [("workable", {"workable_surface": "v3"}), ("lever", {"page": "1"})],
    ids=[*PROVIDERS, "workable-v3", "lever-paged"],
)
def test_each_provider_is_fetched_into_the_raw_layout(
    paths: DataPaths, fake: FakeAts, provider: str, options: dict[str, str]
) -> None:
    page = options.pop("page", None)
    board = one(fake, provider, "acme", count=5)
    settings = FetchSettings(http=HTTP, lever_page_size=int(page)) if page else SETTINGS
    run = fetch(paths, fake, [registry_row(board, **options)], settings=settings)

    outcome = run.outcome(provider, "acme")
    assert (outcome.outcome, outcome.status, outcome.postings, outcome.error) == ("ok", "ok", 5, None)
    paged = bool(page) or options.get("workable_surface") == "v3"
    ext = ".jsonl" if paged else EXTENSIONS.get(provider, ".json")
    assert outcome.raw_path.suffix == ext[-len(outcome.raw_path.suffix) :] and outcome.raw_path.name.endswith(
        ext
    )
    assert outcome.raw_path.parent == paths.raw / f"provider={provider}" / "board=acme" / "date=2026-06-06"
    assert outcome.raw_path.name.startswith("2026-06-06T07-56-15-191Z-")
    sidecar = run.sidecar(provider, "acme")
    assert sidecar["status"] == "ok" and sidecar["complete"] is True and sidecar["error"] is None
    assert sidecar["http_status"] == 200 and sidecar["requests"] == len(fake.requests)
    assert sidecar["url"] == f"http://127.0.0.1:{fake.port}{fake.requests[0].target}"
    assert (sidecar["provider"], sidecar["board"], sidecar["fetched_at"]) == (
        provider,
        "acme",
        "2026-06-06T07:56:15.191Z",
    )
    for request in fake.requests:
        assert request.headers["user-agent"] == DEFAULT_USER_AGENT
        assert "job-postings-warehouse" in request.headers["user-agent"]
    if ext == ".jsonl":
        exchanges = run.exchanges(provider, "acme")
        assert len(exchanges) == len(fake.requests)
        assert all(e.status == 200 and e.url.startswith("http://127.0.0.1") for e in exchanges)
        assert [e.method for e in exchanges] == [r.method for r in fake.requests]

    if provider in ADAPTERS:  # what was fetched lands as the board's postings
        summary = land(paths)
        assert summary.parse_errors == 0 and summary.sightings == 5
        import duckdb

        keys = duckdb.sql(
            f"select provider_job_key from read_parquet('{paths.landing}/sightings/*/*.parquet')"
        ).fetchall()
        assert {key for (key,) in keys} == board_keys(board)


def test_default_urls_of_every_provider() -> None:
    """Without POSTINGS_BASE_URL_*, each plan asks the provider's real host (PROVIDERS.md)."""

    class Offline(HttpClient):
        def __init__(self) -> None:
            super().__init__(HTTP)
            self.sent: list[Request] = []

        def send(self, request: Request) -> Failure:
            self.sent.append(request)
            return Failure(request, "network_error", None, "offline", 1)

    def first_request(provider: str, **options: str) -> Request:
        client = Offline()
        board = Board(provider, "acme", "Acme", "acme.com", **options)
        result = PLANS[provider](BoardFetch(client, board, FetchOptions(), environ={}))
        assert result.body is None and result.status == "network_error"
        return client.sent[0]

    expected = {
        "greenhouse": "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true",
        "lever": "https://api.lever.co/v0/postings/acme?mode=json",
        "ashby": "https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true",
        "workable": "https://apply.workable.com/api/v1/widget/accounts/acme?details=true",
        "smartrecruiters": "https://api.smartrecruiters.com/v1/companies/acme/postings?limit=100&offset=0",
        "recruitee": "https://acme.recruitee.com/api/offers/",
        "personio": "https://acme.jobs.personio.de/xml?language=en",
        "bamboohr": "https://acme.bamboohr.com/careers/list",
        "breezy": "https://acme.breezy.hr/json",
    }
    for provider, url in expected.items():
        assert first_request(provider).url == url, provider
    assert (
        first_request("lever", lever_instance="eu").url
        == "https://api.eu.lever.co/v0/postings/acme?mode=json"
    )
    assert (
        first_request("personio", personio_domain="com").url
        == "https://acme.jobs.personio.com/xml?language=en"
    )
    v3 = first_request("workable", workable_surface="v3")
    assert (v3.method, v3.url) == ("POST", "https://apply.workable.com/api/v3/accounts/acme/jobs")
    assert json.loads(v3.body or b"") == {
        "query": "",
        "location": [],
        "department": [],
        "worktype": [],
        "remote": [],
    }
    workday = first_request(
        "workday", workday_host="acme.wd5.myworkdayjobs.com", workday_tenant="acme", workday_site="Ext"
    )
    assert (workday.method, workday.url) == (
        "POST",
        "https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/Ext/jobs",
    )
    assert json.loads(workday.body or b"") == {
        "appliedFacets": {},
        "limit": 20,
        "offset": 0,
        "searchText": "",
    }
    assert workday.headers["Content-Type"] == "application/json"


def test_base_url_override_keeps_the_path_and_fills_in_the_board(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "recruitee", "acme")
    run = fetch(paths, fake, [registry_row(board)])
    assert run.outcome("recruitee", "acme").outcome == "ok"
    assert [r.target for r in fake.requests] == ["/recruitee/acme/api/offers/"]  # base .../{board} + path
    with pytest.raises(PostingsError, match="POSTINGS_BASE_URL_GREENHOUSE='ftp://x' is not a base URL"):
        fetch_boards(
            paths,
            boards_csv=paths.root.parent / "boards.csv",
            environ={"POSTINGS_BASE_URL_GREENHOUSE": "ftp://x"},
        )


# ---------------------------------------------------------------------------------------------------
# Paging and detail calls


def test_lever_pages_with_skip_and_limit_until_a_short_page(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "lever", "acme", count=5)
    run = fetch(paths, fake, [registry_row(board)], settings=FetchSettings(http=HTTP, lever_page_size=2))
    assert [r.target for r in fake.requests] == [
        f"/lever/v0/postings/acme?mode=json&skip={skip}&limit=2" for skip in (0, 2, 4)
    ]
    assert [len(json.loads(e.body)) for e in run.exchanges("lever", "acme")] == [2, 2, 1]


def test_smartrecruiters_pages_by_offset_then_calls_each_detail(
    paths: DataPaths, fake: FakeAts, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(smartrecruiters_plan, "PAGE_SIZE", 2)
    board = one(fake, "smartrecruiters", "Acme2", count=5)
    run = fetch(paths, fake, [registry_row(board)])
    lists = [r.target for r in fake.seen("/postings?")]
    assert lists == [f"/smartrecruiters/v1/companies/Acme2/postings?limit=2&offset={n}" for n in (0, 2, 4)]
    exchanges = run.exchanges("smartrecruiters", "Acme2")
    details = [e for e in exchanges if "/postings/" in e.url]
    ids = [p["id"] for p in board.postings]
    assert [e.url.rsplit("/", 1)[1] for e in details] == ids  # list order, whatever finished first
    assert [e.url for e in exchanges[:3]] == [f"http://127.0.0.1:{fake.port}{t}" for t in lists]
    assert [json.loads(e.body)["id"] for e in details] == ids
    assert run.sidecar("smartrecruiters", "Acme2")["requests"] == 3 + 5


def test_workday_posts_pages_of_20_and_gets_each_externalpath(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "workday", "acme", count=25, workday_tenant="acme", workday_site="Ext")
    run = fetch(paths, fake, [registry_row(board)])
    pages = fake.seen("/jobs", method="POST")
    assert [p.target for p in pages] == ["/workday/acme/wday/cxs/acme/Ext/jobs"] * 2
    assert [p.json for p in pages] == [
        {"appliedFacets": {}, "limit": 20, "offset": offset, "searchText": ""} for offset in (0, 20)
    ]
    details = fake.seen("/job/", method="GET")
    assert sorted(d.target for d in details) == sorted(
        f"/workday/acme/wday/cxs/acme/Ext{p['externalPath']}" for p in board.postings
    )
    exchanges = run.exchanges("workday", "acme")
    assert [e.method for e in exchanges] == ["POST", "POST"] + ["GET"] * 25
    assert [e.url.split("/Ext", 1)[1] for e in exchanges[2:]] == [p["externalPath"] for p in board.postings]
    assert run.outcome("workday", "acme").postings == 25
    assert run.sidecar("workday", "acme")["complete"] is True


def test_workday_at_its_listing_cap_is_incomplete(
    paths: DataPaths, fake: FakeAts, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workday_plan, "LIST_CAP", 40)  # 2000 in real life; the logic is the same
    board = one(fake, "workday", "acme", count=50)
    run = fetch(paths, fake, [registry_row(board)])
    assert [p.json["offset"] for p in fake.seen("/jobs", method="POST")] == [0, 20]
    outcome = run.outcome("workday", "acme")
    assert outcome.outcome == "incomplete" and outcome.postings == 40
    assert "Workday reports 50 postings, its listing cap" in outcome.error
    assert run.sidecar("workday", "acme")["complete"] is False


def test_workable_v3_follows_next_page_tokens(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "workable", "acme", count=5)
    run = fetch(paths, fake, [registry_row(board, workable_surface="v3")])
    bodies = [r.json for r in fake.seen("/api/v3/accounts/acme/jobs", method="POST")]
    assert [body.get("token") for body in bodies] == [None, "page-2", "page-4"]
    assert all(body["query"] == "" and body["remote"] == [] for body in bodies)
    assert sum(len(json.loads(e.body)["results"]) for e in run.exchanges("workable", "acme")) == 5


def test_workable_v3_repeating_token_stops_incomplete(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "workable", "acme", count=5)
    looping = {"total": 5, "results": [{"shortcode": "A"}], "nextPage": "same"}
    fake.fault("/api/v3/accounts/acme/jobs", Reply(body=looping), forever=True)
    run = fetch(paths, fake, [registry_row(board, workable_surface="v3")])
    outcome = run.outcome("workable", "acme")
    assert outcome.outcome == "incomplete" and "repeats an earlier one" in outcome.error
    assert len(fake.requests) == 2


# ---------------------------------------------------------------------------------------------------
# Partial failures: kept, marked incomplete


def test_a_failed_detail_call_makes_the_fetch_incomplete(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "smartrecruiters", "Acme2", count=4)
    bad = board.postings[1]["id"]
    fake.fault(f"/postings/{bad}", Reply(500, {"message": "boom"}), forever=True)
    run = fetch(paths, fake, [registry_row(board)])
    outcome = run.outcome("smartrecruiters", "Acme2")
    assert outcome.outcome == "incomplete" and outcome.postings == 4
    assert f"1 of 4 detail calls failed: http://127.0.0.1:{fake.port}" in outcome.error
    assert "HTTP 500 Internal Server Error" in outcome.error and "gave up after 3 attempts" in outcome.error
    exchanges = run.exchanges("smartrecruiters", "Acme2")
    assert all(e.status == 200 for e in exchanges)  # the failed call is not in the log
    assert not any(e.url.endswith(bad) for e in exchanges)
    assert len(exchanges) == 1 + 3
    sidecar = run.sidecar("smartrecruiters", "Acme2")
    assert (
        sidecar["status"] == "ok"
        and sidecar["complete"] is False
        and "detail calls failed" in sidecar["error"]
    )
    assert sidecar["requests"] == 1 + 3 + 3  # list, good details, three tries of the bad one
    assert run.sleeps == [1.0, 2.0]  # backoff: base, then doubled


def test_a_detail_gone_404_is_a_note_not_a_failure(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "workday", "acme", count=3)
    gone = board.postings[2]["externalPath"]
    del board.details[gone]
    run = fetch(paths, fake, [registry_row(board)])
    outcome = run.outcome("workday", "acme")
    assert outcome.outcome == "ok" and "1 of 3 detail calls answered 404/410" in outcome.error
    assert len(fake.seen(gone)) == 1  # no retry on 404
    assert run.sidecar("workday", "acme")["complete"] is True


def test_a_failed_later_page_keeps_the_first_pages_as_incomplete(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "workday", "acme", count=30)
    fake.fault("/jobs", PASS, Reply(503, "unavailable"), method="POST", forever=True)  # page 1 ok, then 503s
    run = fetch(paths, fake, [registry_row(board)])
    outcome = run.outcome("workday", "acme")
    assert outcome.outcome == "incomplete"
    assert "page 2: HTTP 503 Service Unavailable: unavailable (gave up after 3 attempts)" in outcome.error


def test_lever_paged_with_an_unreadable_later_page_is_incomplete(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "lever", "acme", count=4)
    fake.fault("skip=2", html_reply())
    run = fetch(paths, fake, [registry_row(board)], settings=FetchSettings(http=HTTP, lever_page_size=2))
    outcome = run.outcome("lever", "acme")
    assert outcome.outcome == "incomplete" and outcome.postings == 2
    assert "page 2: HTML page, not a lever payload (title: 'Scheduled maintenance')" in outcome.error
    assert len(run.exchanges("lever", "acme")) == 1


# ---------------------------------------------------------------------------------------------------
# Faults of a whole board: recorded, never a crash


def test_404_board_is_a_failed_fetch_without_retry(paths: DataPaths, fake: FakeAts) -> None:
    run = fetch(
        paths,
        fake,
        [{"provider": "greenhouse", "board": "ghost", "company_name": "G", "company_domain": "g.com"}],
    )
    outcome = run.outcome("greenhouse", "ghost")
    assert (outcome.outcome, outcome.status, outcome.http_status) == ("failed", "http_error", 404)
    assert outcome.raw_path.name == "2026-06-06T07-56-15-191Z-failed.meta.json"
    sidecar = json.loads(outcome.raw_path.read_text())
    assert sidecar["status"] == "http_error" and sidecar["http_status"] == 404 and sidecar["requests"] == 1
    assert sidecar["error"].startswith("HTTP 404 Not Found")
    assert len(fake.requests) == 1 and run.sleeps == []
    assert list(outcome.raw_path.parent.iterdir()) == [outcome.raw_path]


def test_429_then_success_honours_retry_after(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "greenhouse", "acme")
    fake.fault("/boards/acme/", Reply(429, "slow down", headers={"Retry-After": "7"}))
    run = fetch(paths, fake, [registry_row(board)])
    assert run.outcome("greenhouse", "acme").outcome == "ok"
    assert run.sleeps == [7.0] and len(fake.requests) == 2
    assert run.sidecar("greenhouse", "acme")["requests"] == 2


def test_retry_after_beyond_the_cap_gives_up_at_once(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "greenhouse", "acme")
    fake.fault("/boards/acme/", Reply(429, "", headers={"Retry-After": "3600"}))
    run = fetch(paths, fake, [registry_row(board)])
    outcome = run.outcome("greenhouse", "acme")
    assert outcome.status == "http_error" and outcome.http_status == 429
    assert "Retry-After 3600 s is longer than the 120 s we wait" in outcome.error
    assert run.sleeps == [] and len(fake.requests) == 1


def test_500_then_success(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "breezy", "acme")
    fake.fault("/breezy/acme/json", Reply(500, "oops"), Reply(502, "bad gateway"))
    run = fetch(paths, fake, [registry_row(board)])
    assert run.outcome("breezy", "acme").outcome == "ok"
    assert run.sleeps == [1.0, 2.0] and run.sidecar("breezy", "acme")["requests"] == 3


def test_5xx_every_time_gives_up(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "ashby", "acme")
    fake.fault("/job-board/acme", Reply(503, "down"), forever=True)
    run = fetch(paths, fake, [registry_row(board)])
    outcome = run.outcome("ashby", "acme")
    assert (outcome.status, outcome.http_status) == ("http_error", 503)
    assert outcome.error == "HTTP 503 Service Unavailable: down (gave up after 3 attempts)"
    assert len(fake.requests) == 3


def test_a_timeout_is_recorded(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "bamboohr", "acme")
    fake.fault("/careers/list", Reply(hang=True), forever=True)
    quick = FetchSettings(
        http=HttpSettings(timeout=0.2, max_attempts=2, min_interval=0, trust_env_proxies=False)
    )
    run = fetch(paths, fake, [registry_row(board)], settings=quick)
    outcome = run.outcome("bamboohr", "acme")
    assert (outcome.outcome, outcome.status) == ("failed", "timeout")
    assert outcome.error == "timed out after 0.2 s (gave up after 2 attempts)"
    assert json.loads(outcome.raw_path.read_text())["status"] == "timeout"


def test_a_timeout_then_success(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "recruitee", "acme")
    fake.fault("/api/offers/", Reply(hang=True))
    quick = FetchSettings(http=HttpSettings(timeout=0.2, min_interval=0, trust_env_proxies=False))
    run = fetch(paths, fake, [registry_row(board)], settings=quick)
    assert run.outcome("recruitee", "acme").outcome == "ok"


def test_an_html_page_with_200_is_kept_and_reported(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "greenhouse", "acme")
    fake.fault("/boards/acme/", html_reply(200))
    run = fetch(paths, fake, [registry_row(board)])
    outcome = run.outcome("greenhouse", "acme")
    assert outcome.outcome == "failed" and outcome.status == "ok"  # HTTP-wise fine; landing judges
    assert "not a greenhouse payload (HTML page" in outcome.error and "kept for landing" in outcome.error
    assert run.body("greenhouse", "acme").startswith(b"<!DOCTYPE html>")
    summary = land(paths)
    assert summary.parse_errors == 1 and "HTML page" in summary.parse_error_details[0][1]


def test_a_redirect_to_a_marketing_page_is_not_followed(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "bamboohr", "acme")
    fake.fault("/careers/list", Reply(302, "", headers={"Location": f"{fake.origin}/marketing"}))
    run = fetch(paths, fake, [registry_row(board)])
    outcome = run.outcome("bamboohr", "acme")
    assert (outcome.status, outcome.http_status) == ("http_error", 302)
    assert f"redirected to {fake.origin}/marketing; redirects are not followed" in outcome.error
    assert fake.seen("/marketing") == [] and len(fake.requests) == 1


def test_a_truncated_body_is_retried_then_recorded(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "lever", "acme")
    fake.fault("/v0/postings/acme", Reply(body=board.postings, truncate=True), forever=True)
    run = fetch(paths, fake, [registry_row(board)])
    outcome = run.outcome("lever", "acme")
    assert outcome.status == "network_error" and "truncated body: connection closed after" in outcome.error
    assert len(fake.requests) == 3


def test_a_truncated_body_then_success(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "personio", "acme")
    fake.fault(
        "/xml", Reply(body="<workzag-jobs><position><id>1</id></position></workzag-jobs>", truncate=True)
    )
    run = fetch(paths, fake, [registry_row(board)])
    assert run.outcome("personio", "acme").outcome == "ok" and run.outcome("personio", "acme").postings == 3


def test_an_empty_board_is_ok_with_zero_postings(paths: DataPaths, fake: FakeAts) -> None:
    boards = [fake.add(FakeBoard(p, "", []), f"empty-{p}") for p in PROVIDERS]
    run = fetch(paths, fake, [registry_row(b) for b in boards])
    for board in boards:
        outcome = run.outcome(board.provider, board.token)
        assert (outcome.outcome, outcome.postings) == ("ok", 0), board.provider


def test_gzip_responses_are_stored_decoded(paths: DataPaths, fake: FakeAts) -> None:
    board = one(fake, "greenhouse", "acme")
    plain = json.dumps({"jobs": board.postings}).encode()
    fake.fault("/boards/acme/", Reply(body=gzip.compress(plain), headers={"Content-Encoding": "gzip"}))
    run = fetch(paths, fake, [registry_row(board)])
    assert run.body("greenhouse", "acme") == plain
    assert fake.requests[0].headers["accept-encoding"] == "gzip"


def test_a_plan_crash_is_one_failed_board(
    paths: DataPaths, fake: FakeAts, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(ctx: BoardFetch) -> Any:
        raise KeyError("surprise")

    monkeypatch.setattr("postings.fetch.run.PLANS", {**PLANS, "breezy": broken})
    good = one(fake, "greenhouse", "acme")
    bad = one(fake, "breezy", "acme")
    run = fetch(paths, fake, [registry_row(good), registry_row(bad)])
    assert run.outcome("greenhouse", "acme").outcome == "ok"
    crashed = run.outcome("breezy", "acme")
    assert crashed.status == "fetch_error" and crashed.error == "fetcher error: KeyError: 'surprise'"


# ---------------------------------------------------------------------------------------------------
# The HTTP client's politeness, without sleeping


def test_rate_limit_spaces_requests_per_host() -> None:
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)

    limiter = RateLimiter(0.5, clock=lambda: now[0], sleep=sleep)
    assert [limiter.wait("a") for _ in range(3)] == [0.0, 0.5, 1.0]  # reserved slots, same instant
    assert limiter.wait("b") == 0.0  # another host is not held back
    now[0] += 5
    assert limiter.wait("a") == 0.0
    assert waits == [0.5, 1.0]


def test_rate_limit_applies_to_real_requests(paths: DataPaths, fake: FakeAts) -> None:
    boards = [one(fake, "greenhouse", f"b{i}") for i in range(3)]
    polite = FetchSettings(http=HttpSettings(min_interval=0.25, trust_env_proxies=False))
    clock = [0.0]  # frozen clock: every request after the first must wait its slot
    sleeps: list[float] = []
    fetch_boards(
        paths,
        boards_csv=write_registry(paths.root.parent / "boards.csv", [registry_row(b) for b in boards]),
        settings=polite,
        environ=fake.environ(),
        sleep=sleeps.append,
        clock=lambda: clock[0],
        now=lambda: WHEN,
    )
    assert sorted(sleeps) == [0.25, 0.5]


def test_retry_after_forms() -> None:
    assert retry_after_seconds("12", now=0) == 12.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert retry_after_seconds("soon", now=0) is None
    assert retry_after_seconds(None, now=0) is None


# ---------------------------------------------------------------------------------------------------
# The command


def test_cli_fetch_writes_progress_and_a_summary(
    paths: DataPaths, fake: FakeAts, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    good = one(fake, "greenhouse", "acme")
    registry = write_registry(
        paths.root.parent / "boards.csv",
        [
            registry_row(good),
            {"provider": "lever", "board": "ghost", "company_name": "G", "company_domain": "g.com"},
        ],
    )
    for name, value in fake.environ().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    code = postings(
        [
            "--data-dir",
            str(paths.root),
            "fetch",
            "--boards",
            str(registry),
            "--timeout",
            "2",
            "--min-interval",
            "0",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert "greenhouse/acme: ok, 2 postings" in out
    assert "lever/ghost: failed [http_error]" in out and "HTTP 404 Not Found" in out
    assert "fetch: 2 boards: 1 ok, 0 incomplete, 1 failed; 2 postings" in out

    code = postings(["--data-dir", str(paths.root), "fetch", "--boards", str(registry), "--board", "ghost"])
    captured = capsys.readouterr()
    assert code == 1 and "every board failed" in captured.err
    assert (
        postings(["--data-dir", str(paths.root), "fetch", "--boards", str(registry), "--provider", "x"]) == 1
    )
    assert "unknown provider 'x'" in capsys.readouterr().err
