"""Landing of Ashby, Workable, SmartRecruiters and Recruitee fetches: real samples, exchange logs with
failed pages and detail calls, unlisted postings, and payloads in the wrong provider folder."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest

from conftest import FIXTURES_DIR, SAMPLES_DIR, smartrecruiters_exchange_log
from postings.landing import land
from postings.paths import DataPaths
from postings.providers import ADAPTERS
from postings.raw import write_fetch

DAY1 = datetime(2026, 6, 6, 7, 56, 15, 191000, tzinfo=UTC)
OK_SIDECAR = {"status": "ok", "http_status": 200, "error": None, "duration_ms": 120, "requests": 1}
SR_API = "https://api.smartrecruiters.com/v1/companies/acme/postings"
WORKABLE_V3 = "https://apply.workable.com/api/v3/accounts/acme/jobs"


@pytest.fixture
def paths(tmp_path: Path) -> DataPaths:
    if not SAMPLES_DIR.is_dir():
        pytest.skip(f"real ATS samples not found at {SAMPLES_DIR}")
    return DataPaths(tmp_path / "data")


def sample(name: str) -> bytes:
    return (SAMPLES_DIR / name).read_bytes()


def put(paths: DataPaths, provider: str, board: str, body: bytes, ext: str = ".json", **sidecar: Any) -> str:
    path = write_fetch(paths.raw, provider, board, DAY1, body, ext, {**OK_SIDECAR, **sidecar})
    return path.relative_to(paths.root).as_posix()


def rows(paths: DataPaths, table: str) -> list[dict[str, Any]]:
    pattern = str(paths.landing / table / "*" / "*.parquet")
    result = duckdb.connect().execute(
        "select * from read_parquet($p, union_by_name = true, hive_partitioning = false)", {"p": pattern}
    )
    names = [column[0] for column in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def fetch_row(paths: DataPaths, raw_path: str) -> dict[str, Any]:
    [row] = [row for row in rows(paths, "fetches") if row["raw_path"] == raw_path]
    return row


def landed(paths: DataPaths, raw_path: str) -> list[dict[str, Any]]:
    """The postings a fetch landed, in key order, as the payload JSON objects."""
    fetch_id = hashlib.sha1(raw_path.encode()).hexdigest()
    payloads = {row["source_hash"]: json.loads(row["payload_json"]) for row in rows(paths, "payloads")}
    sightings = sorted(
        (row for row in rows(paths, "sightings") if row["fetch_id"] == fetch_id),
        key=lambda row: row["provider_job_key"],
    )
    return [payloads[row["source_hash"]] for row in sightings]


def log(*exchanges: tuple[str, int, Any], method: str = "GET") -> bytes:
    """A .jsonl exchange log; bodies that are not strings are JSON-encoded."""
    lines = [
        json.dumps(
            {
                "url": url,
                "method": method,
                "status": status,
                "body": body if isinstance(body, str) else json.dumps(body),
            }
        )
        for url, status, body in exchanges
    ]
    return ("\n".join(lines) + "\n").encode()


def sr_row(posting_id: str, name: str = "Engineer") -> dict[str, Any]:
    return {
        "id": posting_id,
        "name": name,
        "releasedDate": "2026-06-01T10:00:00.000Z",
        "company": {"identifier": "acme", "name": "Acme"},
        "location": {"city": "Paris", "country": "fr", "remote": False, "hybrid": False},
    }


def sr_page(offset: int, total: int, *ids: str) -> dict[str, Any]:
    return {"offset": offset, "limit": 100, "totalFound": total, "content": [sr_row(i) for i in ids]}


def sr_detail(posting_id: str) -> dict[str, Any]:
    return {
        **sr_row(posting_id),
        "postingUrl": f"https://jobs.smartrecruiters.com/acme/{posting_id}",
        "jobAd": {},
    }


def v3_page(total: int, *shortcodes: str, next_page: str | None = None) -> dict[str, Any]:
    page: dict[str, Any] = {
        "total": total,
        "results": [{"id": n, "shortcode": code, "title": "Analyst"} for n, code in enumerate(shortcodes)],
    }
    if next_page:
        page["nextPage"] = next_page
    return page


# ---------------------------------------------------------------------------------------------------
# Real samples


def test_real_samples_land_with_keys_and_totals(paths: DataPaths) -> None:
    docs = smartrecruiters_exchange_log(sample("smartrecruiters/docs_example_posting.json"))
    recruitee = (FIXTURES_DIR / "recruitee_offers.json").read_bytes()
    raw = {
        "linear": put(paths, "ashby", "linear", sample("ashby/linear_job_board.json")),
        "openevidence": put(paths, "ashby", "openevidence", sample("ashby/openevidence_job_board.json")),
        "huggingface": put(paths, "workable", "huggingface", sample("workable/huggingface_widget_v1.json")),
        "care": put(paths, "workable", "care", sample("workable/widget_v1_details.json")),
        "ubisoft": put(
            paths, "smartrecruiters", "ubisoft2", sample("smartrecruiters/ubisoft_postings_list.json")
        ),
        "docs": put(paths, "smartrecruiters", "docs", docs, ext=".jsonl", requests=2),
        "channable": put(paths, "recruitee", "channable", recruitee),
    }
    summary = land(paths)
    assert summary.parse_errors == 0 and summary.sightings == 15
    expected = {
        "linear": (["cd5ae036-0223-427a-b038-ba16ef9dcb32", "d3bc1ced-3ce4-4086-a050-555055dbb1ff"], None),
        "openevidence": (
            ["4c577aae-1ad0-444b-9e15-2ad994333de4", "db203104-7408-48ee-8e11-25340e11b739"],
            None,
        ),
        "huggingface": (["19A136F8E2", "9E2A4C02C7", "F88446C814"], None),
        "care": (["1865248842", "1B7FCA3A83", "8947870F67"], None),
        "ubisoft": (["744000151872065", "744000151912444"], 310),
        "docs": (["75551135"], 1),
        "channable": (["2698031", "2751915"], None),
    }
    for name, (keys, total) in expected.items():
        row = fetch_row(paths, raw[name])
        assert (row["status"], row["error"], row["reported_total"]) == ("ok", None, total), name
        assert (row["postings_count"], row["rejected_postings"]) == (len(keys), 0), name
        provider = row["provider"]
        assert [ADAPTERS[provider].job_key(p) for p in landed(paths, raw[name])] == keys, name
    [docs_posting] = landed(paths, raw["docs"])
    original = json.loads(sample("smartrecruiters/docs_example_posting.json"))
    assert docs_posting == {**original, "_detail": original}
    assert all("_detail" not in posting for posting in landed(paths, raw["ubisoft"]))


# ---------------------------------------------------------------------------------------------------
# Defined outcomes of each provider's own quirks


def test_unlisted_ashby_postings_are_dropped_and_counted(paths: DataPaths) -> None:
    board = json.loads(sample("ashby/openevidence_job_board.json"))
    board["jobs"][1]["isListed"] = False
    raw_path = put(paths, "ashby", "acme", json.dumps(board).encode())
    land(paths)
    row = fetch_row(paths, raw_path)
    assert (row["status"], row["postings_count"], row["rejected_postings"]) == ("ok", 1, 1)
    assert row["error"] == "dropped 1 posting: isListed is false (not on the public board)"
    assert [p["id"] for p in landed(paths, raw_path)] == ["4c577aae-1ad0-444b-9e15-2ad994333de4"]


def test_smartrecruiters_exchange_logs(paths: DataPaths) -> None:
    two_pages = log(
        (f"{SR_API}?limit=100&offset=0", 200, sr_page(0, 3, "1", "2")),
        (f"{SR_API}?limit=100&offset=100", 200, sr_page(100, 3, "3")),
        *((f"{SR_API}/{i}", 200, sr_detail(i)) for i in ("1", "2", "3")),
    )
    failed_details = log(
        (f"{SR_API}?limit=100&offset=0", 200, sr_page(0, 3, "1", "2", "3")),
        (f"{SR_API}/1", 200, sr_detail("1")),
        (f"{SR_API}/2", 500, '{"message": "Internal Server Error"}'),
        (f"{SR_API}/3", 200, "<html>gateway</html>"),
    )
    missing_detail = log(
        (f"{SR_API}?limit=100&offset=0", 200, sr_page(0, 2, "1", "2")),
        (f"{SR_API}/1", 200, sr_detail("1")),
    )
    failed_page = log(
        (f"{SR_API}?limit=100&offset=0", 200, sr_page(0, 150, "1")),
        (f"{SR_API}?limit=100&offset=100", 503, "Service Unavailable"),
        (f"{SR_API}/1", 200, sr_detail("1")),
    )
    all_details_failed = log((f"{SR_API}?limit=100&offset=0", 200, sr_page(0, 2, "1", "2")))
    raw = {
        "two pages": put(paths, "smartrecruiters", "pages", two_pages, ".jsonl", requests=5),
        "failed details": put(paths, "smartrecruiters", "details", failed_details, ".jsonl", complete=False),
        "missing detail": put(paths, "smartrecruiters", "missing", missing_detail, ".jsonl"),
        "failed page": put(paths, "smartrecruiters", "page", failed_page, ".jsonl", complete=False),
        "all details failed": put(paths, "smartrecruiters", "nodetails", all_details_failed, ".jsonl"),
        "first page failed": put(
            paths, "smartrecruiters", "down", log((f"{SR_API}?limit=100&offset=0", 503, "busy")), ".jsonl"
        ),
        "truncated": put(paths, "smartrecruiters", "cut", two_pages[:-25], ".jsonl"),
    }
    land(paths)
    row = fetch_row(paths, raw["two pages"])
    assert (row["status"], row["postings_count"], row["reported_total"], row["error"]) == ("ok", 3, 3, None)
    assert [p["_detail"]["postingUrl"] for p in landed(paths, raw["two pages"])] == [
        f"https://jobs.smartrecruiters.com/acme/{i}" for i in ("1", "2", "3")
    ]
    # Rows without a successful detail response are missed, not rejected: the fetch is incomplete.
    row = fetch_row(paths, raw["failed details"])
    assert (row["postings_count"], row["reported_total"], row["rejected_postings"]) == (1, 3, 0)
    assert row["is_reported_complete"] is False
    assert row["error"] == (
        "left out 2 postings without a successful detail response: 2 (HTTP 500), 3 (not JSON)"
    )
    # our fetcher logs only 2xx responses: a row whose detail call failed has no detail line
    row = fetch_row(paths, raw["missing detail"])
    assert (row["postings_count"], row["rejected_postings"], row["is_reported_complete"]) == (1, 0, False)
    assert row["error"] == "left out 1 posting without a successful detail response: 2 (no detail response)"
    row = fetch_row(paths, raw["failed page"])
    assert (row["status"], row["postings_count"], row["reported_total"]) == ("ok", 1, 150)
    assert row["is_reported_complete"] is False
    assert "list page request 2 failed with HTTP 503" in row["error"]
    row = fetch_row(paths, raw["all details failed"])
    assert (row["status"], row["postings_count"], row["is_reported_complete"]) == ("ok", 0, False)
    row = fetch_row(paths, raw["first page failed"])
    assert row["status"] == "parse_error" and "the first list page failed" in row["error"]
    row = fetch_row(paths, raw["truncated"])
    assert row["status"] == "parse_error" and "truncated exchange log" in row["error"]


def test_workable_surfaces_and_v3_pages(paths: DataPaths) -> None:
    pages = log(
        (WORKABLE_V3, 200, v3_page(3, "AAA1", "AAA2", next_page="t1")),
        (WORKABLE_V3, 200, v3_page(3, "AAA3")),
        method="POST",
    )
    failed_later = log(
        (WORKABLE_V3, 200, v3_page(25, "AAA1", next_page="t1")),
        (WORKABLE_V3, 429, '{"error": "Too many requests"}'),
        method="POST",
    )
    raw = {
        "v3 pages": put(paths, "workable", "pages", pages, ".jsonl", requests=2),
        "v3 one page": put(paths, "workable", "one", json.dumps(v3_page(1, "BBB1")).encode()),
        "v3 failed later page": put(paths, "workable", "later", failed_later, ".jsonl", complete=False),
        "v3 failed first page": put(
            paths, "workable", "first", log((WORKABLE_V3, 500, "oops"), method="POST"), ".jsonl"
        ),
        "v1 empty board": put(
            paths, "workable", "empty", b'{"name": "Acme", "description": null, "jobs": []}'
        ),
    }
    land(paths)
    row = fetch_row(paths, raw["v3 pages"])
    assert (row["status"], row["postings_count"], row["reported_total"]) == ("ok", 3, 3)
    assert [p["shortcode"] for p in landed(paths, raw["v3 pages"])] == ["AAA1", "AAA2", "AAA3"]
    assert fetch_row(paths, raw["v3 one page"])["reported_total"] == 1
    row = fetch_row(paths, raw["v3 failed later page"])
    assert (row["status"], row["postings_count"], row["reported_total"]) == ("ok", 1, 25)
    assert "page request 2 failed with HTTP 429" in row["error"]
    row = fetch_row(paths, raw["v3 failed first page"])
    assert row["status"] == "parse_error" and "the first page failed" in row["error"]
    row = fetch_row(paths, raw["v1 empty board"])
    assert (row["status"], row["postings_count"], row["reported_total"]) == ("ok", 0, None)


# ---------------------------------------------------------------------------------------------------
# Another provider's payload in the wrong folder is a parse error, never silent rows


def test_payloads_in_the_wrong_provider_folder_are_parse_errors(paths: DataPaths) -> None:
    vercel = sample("greenhouse/vercel_list_content.json")  # {"jobs": [...]} without meta
    gh_docs = sample("greenhouse/docs_example_list_content.json")  # {"jobs": [...], "meta": {...}}
    palantir = sample("lever/palantir_postings.json")
    linear = sample("ashby/linear_job_board.json")  # {"jobs": [...]} without apiVersion
    evidence = sample("ashby/openevidence_job_board.json")
    hugging = sample("workable/huggingface_widget_v1.json")
    ubisoft = sample("smartrecruiters/ubisoft_postings_list.json")
    breezy = sample("breezy/breezy_json.json")
    bamboo = sample("bamboohr/careers_list.json")
    recruitee = (FIXTURES_DIR / "recruitee_offers.json").read_bytes()
    lever_paged = log(("https://api.lever.co/v0/postings/x?skip=0", 200, palantir.decode()))
    sr_log = smartrecruiters_exchange_log(sample("smartrecruiters/docs_example_posting.json"))
    cases = {
        "greenhouse under ashby": (put(paths, "ashby", "gh", vercel), "do not look like ashby postings"),
        "greenhouse+meta under ashby": (put(paths, "ashby", "ghm", gh_docs), "unexpected envelope"),
        "lever under ashby": (put(paths, "ashby", "lv", palantir), "unexpected envelope: a JSON array of 2"),
        "recruitee under ashby": (put(paths, "ashby", "rc", recruitee), "unexpected envelope"),
        "ashby as jsonl": (put(paths, "ashby", "log", sr_log, ".jsonl"), "ashby fetches are .json files"),
        "ashby under workable": (put(paths, "workable", "ab", linear), "do not look like workable postings"),
        "ashby+apiVersion under workable": (put(paths, "workable", "abv", evidence), "unexpected envelope"),
        "greenhouse under workable": (put(paths, "workable", "gh", vercel), "do not look like workable"),
        "smartrecruiters under workable": (put(paths, "workable", "sr", ubisoft), "unexpected envelope"),
        "smartrecruiters log under workable": (
            put(paths, "workable", "srl", sr_log, ".jsonl"),
            "unexpected envelope: exchange 1 is",
        ),
        "breezy under workable": (put(paths, "workable", "bz", breezy), "unexpected envelope"),
        "workable under smartrecruiters": (
            put(paths, "smartrecruiters", "wk", hugging),
            "unexpected envelope",
        ),
        "recruitee under smartrecruiters": (
            put(paths, "smartrecruiters", "rc", recruitee),
            "unexpected envelope",
        ),
        "bamboohr under smartrecruiters": (
            put(paths, "smartrecruiters", "bb", bamboo),
            "unexpected envelope",
        ),
        "lever log under smartrecruiters": (
            put(paths, "smartrecruiters", "lvl", lever_paged, ".jsonl"),
            "exchange 1 is a JSON array of 2 items",
        ),
        "ashby under recruitee": (put(paths, "recruitee", "ab", linear), "unexpected envelope"),
        "workable under recruitee": (put(paths, "recruitee", "wk", hugging), "unexpected envelope"),
        "lever under recruitee": (put(paths, "recruitee", "lv", palantir), "unexpected envelope"),
        "recruitee under greenhouse": (put(paths, "greenhouse", "rc", recruitee), "unexpected envelope"),
        "recruitee under lever": (put(paths, "lever", "rc", recruitee), "expected a JSON array of postings"),
        "workable under lever": (put(paths, "lever", "wk", hugging), "expected a JSON array of postings"),
        "html under recruitee": (
            put(paths, "recruitee", "html", b"<!DOCTYPE html><title>Not found</title>"),
            "HTML page, not a recruitee payload",
        ),
    }
    summary = land(paths)
    assert summary.parse_errors == len(cases) and summary.sightings == 0
    assert rows(paths, "sightings") == []
    for name, (raw_path, phrase) in cases.items():
        row = fetch_row(paths, raw_path)
        assert row["status"] == "parse_error", name
        assert phrase in row["error"], (name, row["error"])
        assert row["postings_count"] is None, name
        assert (paths.root / raw_path).exists(), name


def test_a_later_day_still_lands_after_bad_files(paths: DataPaths) -> None:
    """Bad files of one provider never stop the batch: the next good fetch of the board lands."""
    put(paths, "recruitee", "acme", b'{"offers": {"id": 1}}')
    good = write_fetch(
        paths.raw,
        "recruitee",
        "acme",
        DAY1 + timedelta(days=1),
        (FIXTURES_DIR / "recruitee_offers.json").read_bytes(),
        ".json",
        OK_SIDECAR,
    )
    summary = land(paths)
    assert summary.parse_errors == 1 and summary.sightings == 2
    row = fetch_row(paths, good.relative_to(paths.root).as_posix())
    assert (row["status"], row["postings_count"]) == ("ok", 2)
