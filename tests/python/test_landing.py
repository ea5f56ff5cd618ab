"""Landing: real provider samples, the Parquet contract, idempotency, bad input, orphan cleanup."""

from __future__ import annotations

import hashlib
import json
import os
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from postings import landing
from postings.landing import LandingSummary, ensure_layout, land
from postings.paths import DataPaths
from postings.providers import ADAPTERS
from postings.providers.base import PayloadError, text_key
from postings.raw import format_fetched_at, write_fetch

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "ats-samples"
DAY1 = datetime(2026, 6, 6, 7, 56, 15, 191000, tzinfo=UTC)
OK_SIDECAR = {"status": "ok", "http_status": 200, "error": None, "duration_ms": 120, "requests": 1}

VERCEL_IDS = ["6136160004", "5999792004"]
PALANTIR_IDS = ["ac978161-6f46-4f6b-ad9e-a258e642751c", "0bbfd4f4-41ff-4ec6-b73f-5200efd5d4d3"]
SPOTIFY_IDS = ["2193db3f-77c5-43b8-b030-8f92c9882bf1", "d87833d0-fb78-4794-b45d-3fe5c8274bc8"]

FETCHES_TYPES = {
    "fetch_id": "VARCHAR",
    "raw_path": "VARCHAR",
    "raw_uri": "VARCHAR",
    "provider": "VARCHAR",
    "board": "VARCHAR",
    "fetched_at": "TIMESTAMP",
    "fetch_date": "DATE",
    "status": "VARCHAR",
    "http_status": "INTEGER",
    "error": "VARCHAR",
    "duration_ms": "BIGINT",
    "requests": "INTEGER",
    "is_reported_complete": "BOOLEAN",
    "raw_bytes": "BIGINT",
    "postings_count": "INTEGER",
    "reported_total": "INTEGER",
    "rejected_postings": "INTEGER",
    "duplicate_postings": "INTEGER",
    "landed_at": "TIMESTAMP",
    "batch_id": "VARCHAR",
    "landing_version": "VARCHAR",
}
SIGHTINGS_TYPES = {
    "fetch_id": "VARCHAR",
    "provider": "VARCHAR",
    "board": "VARCHAR",
    "provider_job_key": "VARCHAR",
    "source_hash": "VARCHAR",
    "fetched_at": "TIMESTAMP",
    "fetch_date": "DATE",
}
PAYLOADS_TYPES = {
    "source_hash": "VARCHAR",
    "provider": "VARCHAR",
    "payload_json": "VARCHAR",
    "first_seen_at": "TIMESTAMP",
    "first_fetch_id": "VARCHAR",
}


# ---------------------------------------------------------------------------------------------------
# Helpers


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip(f"real ATS samples not found at {SAMPLES}")
    return SAMPLES


@pytest.fixture
def paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "data")


def sample_bytes(samples: Path, name: str) -> bytes:
    return (samples / name).read_bytes()


def put(
    paths: DataPaths,
    provider: str,
    board: str,
    body: bytes | None,
    *,
    when: datetime = DAY1,
    ext: str = ".json",
    sidecar: dict[str, Any] | None = None,
) -> str:
    """Write one fetch with its sidecar; returns its raw_path relative to the data dir."""
    path = write_fetch(
        paths.raw, provider, board, when, body, ext, dict(OK_SIDECAR if sidecar is None else sidecar)
    )
    return path.relative_to(paths.root).as_posix()


def put_file(paths: DataPaths, relative: str, body: bytes) -> str:
    """Write a raw file by hand (no sidecar); ``relative`` is below raw/."""
    path = paths.raw / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    return f"raw/{relative}"


def put_old_file(paths: DataPaths, relative: str, body: bytes) -> str:
    """Like put_file, with a modification time older than landing's in-flight window."""
    raw_path = put_file(paths, relative, body)
    old = time.time() - landing.IN_FLIGHT_SECONDS - 60
    os.utime(paths.root / raw_path, (old, old))
    return raw_path


def layout_name(provider: str, board: str, when: datetime, body: bytes, ext: str = ".json") -> str:
    digest = hashlib.sha256(body).hexdigest()
    return f"provider={provider}/board={board}/date={when:%Y-%m-%d}/{format_fetched_at(when)}-{digest}{ext}"


def rows(paths: DataPaths, table: str) -> list[dict[str, Any]]:
    """All rows of a landing table, read the way dbt reads them."""
    pattern = str(paths.landing / table / "*" / "*.parquet")
    con = duckdb.connect()
    result = con.execute(
        "select * from read_parquet($p, union_by_name = true, hive_partitioning = false)", {"p": pattern}
    )
    names = [column[0] for column in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def column_types(paths: DataPaths, table: str) -> dict[str, str]:
    pattern = str(paths.landing / table / "*" / "*.parquet")
    con = duckdb.connect()
    described = con.execute(
        "describe select * from read_parquet($p, union_by_name = true, hive_partitioning = false)",
        {"p": pattern},
    ).fetchall()
    return {name: kind for name, kind, *_ in described}


def fetch(paths: DataPaths, raw_path: str) -> dict[str, Any]:
    found = [row for row in rows(paths, "fetches") if row["raw_path"] == raw_path]
    assert len(found) == 1, f"expected one fetches row for {raw_path}, found {len(found)}"
    return found[0]


def keys_of(paths: DataPaths, fetch_id: str) -> list[str]:
    return sorted(row["provider_job_key"] for row in rows(paths, "sightings") if row["fetch_id"] == fetch_id)


def snapshot(paths: DataPaths) -> dict[str, Any]:
    """The landing directory's content: file names and the set of rows per table."""
    files = sorted(p.relative_to(paths.landing).as_posix() for p in paths.landing.rglob("*") if p.is_file())
    tables = {table: {tuple(sorted(row.items())) for row in rows(paths, table)} for table in landing.TABLES}
    return {"files": files, "tables": tables}


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def gh_job(job_id: Any, title: str = "Engineer", **extra: Any) -> dict[str, Any]:
    job = {"id": job_id, "title": title, "absolute_url": f"https://boards.greenhouse.io/acme/jobs/{job_id}"}
    job.update(extra)
    return job


def gh_body(*jobs: dict[str, Any], total: int | None = None) -> bytes:
    doc: dict[str, Any] = {"jobs": list(jobs)}
    if total is not None:
        doc["meta"] = {"total": total}
    return json.dumps(doc).encode()


# ---------------------------------------------------------------------------------------------------
# Layout and schemas


def test_ensure_layout_writes_zero_row_schema_files(paths: DataPaths) -> None:
    ensure_layout(paths)
    for table in ("fetches", "sightings", "payloads"):
        assert pq.read_metadata(paths.landing / table / "_empty" / "part-empty.parquet").num_rows == 0
    for provider in ADAPTERS:
        empty = paths.landing / "payloads" / f"provider={provider}" / "part-empty.parquet"
        assert pq.read_schema(empty).equals(landing.PAYLOADS_SCHEMA)
    assert column_types(paths, "fetches") == FETCHES_TYPES
    assert column_types(paths, "sightings") == SIGHTINGS_TYPES
    assert column_types(paths, "payloads") == PAYLOADS_TYPES
    before = snapshot(paths)
    ensure_layout(paths)
    assert snapshot(paths) == before


def test_empty_raw_dir_lands_nothing(paths: DataPaths) -> None:
    summary = land(paths)
    assert summary == LandingSummary(0, 0, 0, 0, 0, 0, 0, [], None, summary.seconds)
    assert rows(paths, "fetches") == []


# ---------------------------------------------------------------------------------------------------
# Real samples


def test_real_samples_land(paths: DataPaths, samples: Path) -> None:
    vercel = sample_bytes(samples, "greenhouse/vercel_list_content.json")
    vaulttec = sample_bytes(samples, "greenhouse/docs_example_list_content.json")
    palantir = sample_bytes(samples, "lever/palantir_postings.json")
    spotify = sample_bytes(samples, "lever/spotify_postings.json")
    later = DAY1 + timedelta(minutes=1)
    raw = {
        "vercel": put(paths, "greenhouse", "vercel", vercel),
        "vaulttec": put(paths, "greenhouse", "vaulttec", vaulttec, when=later),
        "palantir": put(paths, "lever", "palantir", palantir),
        "spotify": put(paths, "lever", "spotify", spotify, when=later),
    }
    messages: list[str] = []
    summary = land(paths, progress=messages.append)

    assert summary.files_seen == summary.fetches_landed == 4
    assert (summary.parse_errors, summary.failed_fetches, summary.already_landed) == (0, 0, 0)
    assert summary.sightings == 7 and summary.new_payloads == 7
    assert summary.parse_error_details == []
    assert messages[-1] == summary.describe() and "4 fetches landed" in messages[-1]

    expected = {
        "vercel": (vercel, VERCEL_IDS, None),
        "vaulttec": (vaulttec, ["127817"], 1),
        "palantir": (palantir, PALANTIR_IDS, None),
        "spotify": (spotify, SPOTIFY_IDS, None),
    }
    payloads = {row["source_hash"]: row for row in rows(paths, "payloads")}
    sightings = rows(paths, "sightings")
    for board, (body, ids, total) in expected.items():
        row = fetch(paths, raw[board])
        provider = "greenhouse" if board in ("vercel", "vaulttec") else "lever"
        assert row["fetch_id"] == sha1(raw[board])
        assert row["raw_uri"] == raw[board]
        assert (row["provider"], row["board"], row["status"], row["error"]) == (provider, board, "ok", None)
        assert row["postings_count"] == len(ids)
        assert row["reported_total"] == total
        assert (row["rejected_postings"], row["duplicate_postings"]) == (0, 0)
        assert (row["http_status"], row["duration_ms"], row["requests"]) == (200, 120, 1)
        assert row["is_reported_complete"] is True
        assert row["raw_bytes"] == len(body)
        assert row["fetch_date"] == date(2026, 6, 6)
        assert row["landing_version"] == "1" and row["batch_id"] == summary.batch_id
        assert keys_of(paths, row["fetch_id"]) == sorted(ids)

        doc = json.loads(body)
        originals = {str(p["id"]): p for p in (doc["jobs"] if provider == "greenhouse" else doc)}
        for sighting in (s for s in sightings if s["fetch_id"] == row["fetch_id"]):
            assert sighting["fetched_at"] == row["fetched_at"]
            payload = payloads[sighting["source_hash"]]
            assert payload["provider"] == provider
            assert hashlib.sha256(payload["payload_json"].encode()).hexdigest() == sighting["source_hash"]
            assert json.loads(payload["payload_json"]) == originals[sighting["provider_job_key"]]
            assert payload["first_fetch_id"] == row["fetch_id"]
            assert payload["first_seen_at"] == row["fetched_at"]
    assert fetch(paths, raw["vercel"])["fetched_at"] == DAY1.replace(tzinfo=None)


def test_land_twice_changes_nothing(paths: DataPaths, samples: Path) -> None:
    put(paths, "greenhouse", "vercel", sample_bytes(samples, "greenhouse/vercel_list_content.json"))
    put(paths, "lever", "spotify", sample_bytes(samples, "lever/spotify_postings.json"))
    put(paths, "greenhouse", "broken", b"<html><body>oops</body></html>")
    put(paths, "lever", "down", None, sidecar={"status": "timeout", "error": "timed out after 30s"})
    first = land(paths)
    assert first.fetches_landed == 4
    before = snapshot(paths)

    second = land(paths)
    assert (second.files_seen, second.fetches_landed, second.already_landed) == (4, 0, 4)
    assert second.batch_id is None and second.sightings == 0 and second.new_payloads == 0
    assert snapshot(paths) == before
    assert "nothing new" in second.describe()


def test_unchanged_posting_is_stored_once(paths: DataPaths) -> None:
    body = gh_body(gh_job(1), gh_job(2), total=2)
    day1 = put(paths, "greenhouse", "acme", body)
    day2 = put(paths, "greenhouse", "acme", body, when=DAY1 + timedelta(days=1))
    summary = land(paths)
    assert (summary.sightings, summary.new_payloads) == (4, 2)
    payloads = rows(paths, "payloads")
    assert len(payloads) == 2
    assert {p["first_fetch_id"] for p in payloads} == {sha1(day1)}
    assert {s["fetch_date"] for s in rows(paths, "sightings")} == {date(2026, 6, 6), date(2026, 6, 7)}
    assert fetch(paths, day2)["postings_count"] == 2

    # A later batch: job 1 unchanged, job 2 changed -> only the changed content is new.
    day3 = put(
        paths,
        "greenhouse",
        "acme",
        gh_body(gh_job(1), gh_job(2, "Staff Engineer")),
        when=DAY1 + timedelta(days=2),
    )
    summary = land(paths)
    assert (summary.fetches_landed, summary.sightings, summary.new_payloads) == (1, 2, 1)
    payloads = rows(paths, "payloads")
    assert len(payloads) == 3
    newest = [p for p in payloads if p["first_fetch_id"] == sha1(day3)]
    assert [json.loads(p["payload_json"])["title"] for p in newest] == ["Staff Engineer"]
    assert len(rows(paths, "sightings")) == 6
    files = list((paths.landing / "sightings" / "fetch_date=2026-06-06").glob("*.parquet"))
    assert len(files) == 1  # one file per table per date per batch


# ---------------------------------------------------------------------------------------------------
# Bad input


def test_bad_inputs_each_give_one_fetches_row_and_the_rest_lands(paths: DataPaths, samples: Path) -> None:
    vercel = sample_bytes(samples, "greenhouse/vercel_list_content.json")
    palantir = sample_bytes(samples, "lever/palantir_postings.json")
    breezy = sample_bytes(samples, "breezy/breezy_json.json")
    linear = sample_bytes(samples, "ashby/linear_job_board.json")
    good_gh = put(paths, "greenhouse", "vercel", vercel)
    good_lever = put(paths, "lever", "palantir", palantir)
    no_sidecar = put_file(paths, layout_name("lever", "spotify", DAY1, palantir), palantir)
    html_page = b"<!DOCTYPE html>\n<html><head><title>Just a moment...</title></head><body>x</body></html>"
    orphan_name = layout_name("greenhouse", "ghost", DAY1, b"gone").replace(".json", ".meta.json")
    paged = b"\n".join(
        json.dumps(
            {"url": f"https://api.lever.co/v0/postings/x?skip={n}", "method": "GET", "status": 200, "body": b}
        ).encode()
        for n, b in (
            (0, palantir.decode()),
            (2, sample_bytes(samples, "lever/spotify_postings.json").decode()),
        )
    )
    bad_sidecar = put_file(paths, layout_name("lever", "badmeta", DAY1, b"[]"), b"[]")
    put_file(paths, layout_name("lever", "badmeta", DAY1, b"[]").replace(".json", ".meta.json"), b"{not json")
    page_500 = json.dumps({"url": "u", "method": "GET", "status": 500, "body": "oops"}).encode()

    cases: dict[str, tuple[str, str, str | None]] = {
        # name: (raw_path, expected status, phrase expected in error)
        "invalid utf-8": (
            put(paths, "greenhouse", "utf", b'{"jobs": [{"id": 1, "title": "caf\xe9"}]}'),
            "parse_error",
            "invalid UTF-8 at byte 33 (0xe9",
        ),
        "truncated": (put(paths, "greenhouse", "trunc", vercel[:500]), "parse_error", "truncated JSON"),
        "html 200": (
            put(paths, "greenhouse", "html", html_page),
            "parse_error",
            "HTML page, not a greenhouse payload",
        ),
        "lever html": (
            put(paths, "lever", "html", b"  <html>login</html>"),
            "parse_error",
            "HTML page, not a lever",
        ),
        "empty body": (put(paths, "lever", "empty", b""), "parse_error", "empty body"),
        "envelope": (
            put(paths, "greenhouse", "env", b'{"error": "not found"}'),
            "parse_error",
            "unexpected envelope",
        ),
        "lever under greenhouse": (
            put(paths, "greenhouse", "lv", palantir),
            "parse_error",
            "unexpected envelope: a JSON array of 2 items",
        ),
        "greenhouse under lever": (
            put(paths, "lever", "gh", vercel),
            "parse_error",
            "expected a JSON array of postings",
        ),
        "ashby under greenhouse": (
            put(paths, "greenhouse", "ashby", linear),
            "parse_error",
            "do not look like greenhouse postings",
        ),
        "breezy under lever": (
            put(paths, "lever", "breezy", breezy),
            "parse_error",
            "do not look like lever postings",
        ),
        "wrong extension": (
            put(paths, "greenhouse", "xml", b"<workzag-jobs/>", ext=".xml"),
            "parse_error",
            "greenhouse fetches are .json files, not .xml",
        ),
        "unknown provider": (
            put(paths, "icims", "linear", linear),
            "parse_error",
            "unknown provider folder 'provider=icims'",
        ),
        "bad file name": (
            put_file(paths, "provider=greenhouse/board=acme/date=2026-06-06/jobs.json", vercel),
            "parse_error",
            "outside the raw layout: file name is not",
        ),
        "no date folder": (
            put_file(
                paths, f"provider=greenhouse/board=acme/{format_fetched_at(DAY1)}-{'0' * 64}.json", vercel
            ),
            "parse_error",
            "not in the raw layout provider=P/board=B/date=D/<file>",
        ),
        "stray file": (put_file(paths, "README.txt", b"hello"), "parse_error", "not in the raw layout"),
        "orphan sidecar": (
            put_old_file(paths, orphan_name, b"{}"),
            "parse_error",
            "sidecar without its body file",
        ),
        "bad sidecar": (bad_sidecar, "parse_error", "unreadable sidecar"),
        "failed fetch": (
            put(
                paths,
                "greenhouse",
                "gone",
                None,
                sidecar={"status": "http_error", "http_status": 404, "error": "HTTP 404"},
            ),
            "http_error",
            "HTTP 404",
        ),
        "non-ok with body": (
            put(
                paths,
                "greenhouse",
                "teapot",
                b"I'm a teapot",
                sidecar={"status": "http_error", "http_status": 418},
            ),
            "http_error",
            "http_error",
        ),
        "lever paged": (put(paths, "lever", "paged", paged, ext=".jsonl"), "ok", None),
        "lever page 500": (
            put(paths, "lever", "p500", page_500, ext=".jsonl"),
            "parse_error",
            "HTTP status 500",
        ),
        "lever truncated log": (
            put(paths, "lever", "plog", paged[:-40], ext=".jsonl"),
            "parse_error",
            "truncated exchange log",
        ),
        "lever empty board": (put(paths, "lever", "none", b"[]"), "ok", None),
        "greenhouse empty board": (put(paths, "greenhouse", "none", gh_body(total=0)), "ok", None),
    }
    summary = land(paths)

    all_fetches = rows(paths, "fetches")
    assert len(all_fetches) == len(cases) + 3 == summary.fetches_landed == summary.files_seen
    assert len({row["raw_path"] for row in all_fetches}) == len(all_fetches)
    sighted = {row["fetch_id"] for row in rows(paths, "sightings")}
    for name, (raw_path, status, phrase) in cases.items():
        row = fetch(paths, raw_path)
        assert row["status"] == status, name
        if phrase is None:
            assert row["error"] is None, name
        else:
            assert phrase in row["error"], (name, row["error"])
            assert "\n" not in row["error"], name
        if status != "ok":
            assert row["postings_count"] is None, name
            assert row["fetch_id"] not in sighted, name
        assert (paths.root / raw_path).exists(), name  # the raw file stays

    # The good files of the same batch landed.
    assert keys_of(paths, sha1(good_gh)) == sorted(VERCEL_IDS)
    assert keys_of(paths, sha1(good_lever)) == sorted(PALANTIR_IDS)
    assert keys_of(paths, sha1(cases["lever paged"][0])) == sorted(PALANTIR_IDS + SPOTIFY_IDS)
    assert fetch(paths, cases["lever empty board"][0])["postings_count"] == 0
    assert fetch(paths, cases["greenhouse empty board"][0])["reported_total"] == 0

    # A body without a sidecar is a successful, complete fetch.
    row = fetch(paths, no_sidecar)
    assert (row["status"], row["http_status"], row["is_reported_complete"], row["postings_count"]) == (
        "ok",
        None,
        True,
        2,
    )

    failed = fetch(paths, cases["failed fetch"][0])
    assert (failed["http_status"], failed["raw_uri"], failed["raw_bytes"]) == (404, None, None)
    assert failed["fetched_at"] == DAY1.replace(tzinfo=None)
    html = fetch(paths, cases["html 200"][0])
    assert html["http_status"] == 200 and "Just a moment" in html["error"]

    # Outside the layout: provider/board from the path when readable, no time unless the name has one.
    outside = fetch(paths, cases["bad file name"][0])
    assert (outside["provider"], outside["board"], outside["fetched_at"], outside["fetch_date"]) == (
        "greenhouse",
        "acme",
        None,
        None,
    )
    assert outside["raw_uri"] == outside["raw_path"] and outside["raw_bytes"] == len(vercel)
    stray = fetch(paths, cases["stray file"][0])
    assert (stray["provider"], stray["board"]) == (None, None)
    assert fetch(paths, cases["no date folder"][0])["fetch_date"] == date(2026, 6, 6)
    unknown_dir = paths.landing / "fetches" / "fetch_date=unknown"
    assert len(pq.read_table(next(unknown_dir.glob("part-*.parquet")))) == 2

    assert summary.parse_errors == sum(1 for _p, s, _e in cases.values() if s == "parse_error")
    assert summary.failed_fetches == 2
    assert sorted(p for p, _r in summary.parse_error_details) == sorted(
        p for p, s, _e in cases.values() if s == "parse_error"
    )

    # Nothing is landed twice.
    assert land(paths).fetches_landed == 0


def test_failed_sidecar_saying_ok_is_a_parse_error(paths: DataPaths) -> None:
    raw_path = put(paths, "greenhouse", "acme", None, sidecar={"status": "ok"})
    land(paths)
    row = fetch(paths, raw_path)
    assert row["status"] == "parse_error" and "no body file" in row["error"]


def test_missing_and_duplicate_ids(paths: DataPaths) -> None:
    body = gh_body(
        gh_job(1, "first"),
        gh_job(None),
        {"title": "no id at all", "absolute_url": "https://x"},
        gh_job(""),
        gh_job(True),
        gh_job(1, "second copy"),
        gh_job(2),
        gh_job("2"),
        total=8,
    )
    raw_path = put(paths, "greenhouse", "acme", body)
    summary = land(paths)
    row = fetch(paths, raw_path)
    assert row["status"] == "ok"
    assert (row["postings_count"], row["rejected_postings"], row["duplicate_postings"]) == (2, 4, 2)
    assert row["reported_total"] == 8
    assert "dropped 4 postings without a native key" in row["error"]
    assert "dropped 2 postings repeating a native key (first kept): 1, 2" in row["error"]
    assert keys_of(paths, row["fetch_id"]) == ["1", "2"]
    titles = {json.loads(p["payload_json"])["title"] for p in rows(paths, "payloads")}
    assert titles == {"first", "Engineer"}
    assert summary.parse_errors == 0 and summary.sightings == 2


def test_sidecar_fields_are_kept(paths: DataPaths) -> None:
    sidecar = {
        "status": "ok",
        "http_status": 200,
        "duration_ms": 9,
        "requests": 3,
        "complete": False,
        "error": "2 pages failed",
    }
    raw_path = put(paths, "lever", "acme", b"[]", sidecar=sidecar)
    land(paths)
    row = fetch(paths, raw_path)
    assert (row["requests"], row["duration_ms"], row["is_reported_complete"]) == (3, 9, False)
    assert row["status"] == "ok" and row["error"] == "2 pages failed" and row["postings_count"] == 0


# ---------------------------------------------------------------------------------------------------
# A killed run


def test_orphans_of_a_killed_run_are_cleaned(paths: DataPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    day1 = put(paths, "greenhouse", "acme", gh_body(gh_job(1), gh_job(2)))
    land(paths)
    day2 = put(paths, "greenhouse", "acme", gh_body(gh_job(1), gh_job(3)), when=DAY1 + timedelta(days=1))

    # Kill the next run between the sightings and the fetches commit.
    real_write = landing._write_table

    def killed(table: pa.Table, path: Path) -> None:
        if "fetches" in path.parts:
            raise KeyboardInterrupt
        real_write(table, path)

    monkeypatch.setattr(landing, "_write_table", killed)
    with pytest.raises(KeyboardInterrupt):
        land(paths)
    monkeypatch.undo()
    orphan_dir = paths.landing / "sightings" / "fetch_date=2026-06-07"
    orphans = list(orphan_dir.glob("part-*.parquet"))
    assert len(orphans) == 1  # sightings committed, fetches not
    stale_tmp = paths.landing / "payloads" / "provider=greenhouse" / ".tmp-killed"
    stale_tmp.write_bytes(b"partial")
    assert [r["raw_path"] for r in rows(paths, "fetches")] == [day1]

    summary = land(paths)
    assert summary.fetches_landed == 1 and summary.sightings == 2
    assert not orphans[0].exists() and not stale_tmp.exists()
    assert sorted(r["raw_path"] for r in rows(paths, "fetches")) == sorted([day1, day2])
    sightings = rows(paths, "sightings")
    assert len(sightings) == 4
    assert keys_of(paths, sha1(day2)) == ["1", "3"]
    assert len({p["source_hash"] for p in rows(paths, "payloads")}) == 3
    committed = {r["batch_id"] for r in rows(paths, "fetches")}
    for part in (paths.landing / "sightings").glob("fetch_date=*/part-*.parquet"):
        assert part.name[len("part-") : -len(".parquet")] in committed


# ---------------------------------------------------------------------------------------------------
# Adapters


def test_adapter_registry_and_keys(samples: Path) -> None:
    assert set(ADAPTERS) >= {"greenhouse", "lever"}
    assert all(name == adapter.name for name, adapter in ADAPTERS.items())
    greenhouse, lever = ADAPTERS["greenhouse"], ADAPTERS["lever"]
    result = greenhouse.extract(sample_bytes(samples, "greenhouse/vercel_list_content.json"), ".json", None)
    assert [greenhouse.job_key(p) for p in result.postings] == VERCEL_IDS
    assert result.reported_total is None
    result = lever.extract(sample_bytes(samples, "lever/spotify_postings.json"), ".json", None)
    assert [lever.job_key(p) for p in result.postings] == SPOTIFY_IDS
    assert [text_key(v) for v in (127817, " abc ", "", None, True, 3.0, 3.5, [1])] == [
        "127817",
        "abc",
        None,
        None,
        None,
        "3",
        None,
        None,
    ]
    with pytest.raises(PayloadError, match="NaN is not a JSON value"):
        greenhouse.extract(b'{"jobs": [{"id": NaN}]}', ".json", None)
    with pytest.raises(PayloadError, match="'meta' is a JSON array"):
        greenhouse.extract(b'{"jobs": [], "meta": []}', ".json", None)


def test_a_fetch_being_written_is_not_landed_half(paths: DataPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    """write_fetch writes the sidecar first: landing never sees the body alone (which it would take for
    another crawler's complete fetch) and waits while the sidecar alone is there."""
    from postings import raw

    body = gh_body(gh_job(1), gh_job(2), total=5)
    sidecar = {**OK_SIDECAR, "complete": False, "error": "page 2: HTTP 500"}
    order: list[str] = []
    real_write = raw.write_atomic

    def crash_before_body(path: Path, data: bytes) -> None:
        order.append(path.name)
        if not path.name.endswith(".meta.json"):
            raise KeyboardInterrupt("killed between sidecar and body")
        real_write(path, data)

    monkeypatch.setattr(raw, "write_atomic", crash_before_body)
    with pytest.raises(KeyboardInterrupt):
        write_fetch(paths.raw, "greenhouse", "acme", DAY1, body, ".json", sidecar)
    monkeypatch.setattr(raw, "write_atomic", real_write)
    assert order[0].endswith(".meta.json") and len(order) == 2

    # Landing while the body is still missing: nothing landed, nothing recorded, told why.
    summary = land(paths)
    assert summary.fetches_landed == 0 and summary.waiting_for_body == 1
    assert "still being written" in summary.describe()
    assert rows(paths, "fetches") == []

    # The body arrives: one fetch, landed with what its sidecar says (incomplete, with the reason).
    raw_path = put(paths, "greenhouse", "acme", body, sidecar=sidecar)
    summary = land(paths)
    assert summary.fetches_landed == 1 and summary.waiting_for_body == 0
    row = fetch(paths, raw_path)
    assert row["status"] == "ok" and row["is_reported_complete"] is False
    assert row["error"] == "page 2: HTTP 500" and row["postings_count"] == 2
    assert len(rows(paths, "fetches")) == 1


def test_landing_in_worker_processes_lands_exactly_what_one_process_lands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large batches read and hash fetches in a pool of processes; the landed rows are the same."""
    from postings.sample import generate_sample

    tables: dict[str, dict[str, list[tuple[Any, ...]]]] = {}
    for workers in ("1", "2"):
        paths = DataPaths(tmp_path / f"workers-{workers}")
        generate_sample(paths, boards=3, days=6, jobs_per_board=6)
        monkeypatch.setenv(landing.LAND_WORKERS_ENV, workers)
        assert landing.landing_workers(10) == int(workers)
        land(paths)
        connection = duckdb.connect()
        tables[workers] = {
            table: connection.execute(
                f"select {columns} from read_parquet('{paths.landing}/{table}/**/*.parquet', "
                "union_by_name = true) order by all"
            ).fetchall()
            for table, columns in (
                ("fetches", "* exclude (landed_at, batch_id, fetch_id, raw_path, raw_uri)"),
                ("sightings", "* exclude (fetch_id)"),
                ("payloads", "* exclude (first_fetch_id)"),
            )
        }
    assert tables["1"] == tables["2"] and tables["1"]["sightings"]
    monkeypatch.delenv(landing.LAND_WORKERS_ENV)
    assert landing.landing_workers(landing.PARALLEL_MIN_FILES - 1) == 1
