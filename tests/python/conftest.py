"""Shared fixtures: one sample warehouse built once per test session.

The session build is the default sample (what `make build` makes) plus the real recorded payloads of
../shared/ats-samples placed in the raw layout as boards of their own, landed and built through the CLI
exactly as a user would (`postings sample`, then `postings run`).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from postings.cli import main as postings
from postings.paths import DATA_DIR_ENV, PROJECT_DIR, DataPaths
from postings.raw import write_fetch

SHARED_DIR = Path(os.environ.get("POSTINGS_SHARED_DIR", PROJECT_DIR.parent / "shared")).resolve()
SAMPLES_DIR = SHARED_DIR / "ats-samples"
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"


def smartrecruiters_exchange_log(body: bytes) -> bytes:
    """A single SmartRecruiters Posting object (the docs example) as the fetch our fetcher records: a
    one-row list page (totalFound 1) and one detail call whose response is the object verbatim (the
    docs' Posting object is what the detail endpoint returns; this one has no jobAd)."""
    posting = json.loads(body)
    company = posting["company"]["identifier"]
    api = f"https://api.smartrecruiters.com/v1/companies/{company}/postings"
    page = {"offset": 0, "limit": 100, "totalFound": 1, "content": [posting]}
    exchanges = [
        {"url": f"{api}?limit=100&offset=0", "method": "GET", "status": 200, "body": json.dumps(page)},
        {"url": f"{api}/{posting['id']}", "method": "GET", "status": 200, "body": body.decode()},
    ]
    return "".join(json.dumps(exchange) + "\n" for exchange in exchanges).encode()


# (provider, board, file under ats-samples, extension[, wrap]): the real payloads every session lands;
# `wrap` turns a recorded file into the raw body we store (e.g. a single object into an exchange log).
REAL_SAMPLES: list[tuple] = [
    ("greenhouse", "vercel", "greenhouse/vercel_list_content.json", ".json"),
    ("greenhouse", "vaulttec", "greenhouse/docs_example_list_content.json", ".json"),
    ("lever", "palantir", "lever/palantir_postings.json", ".json"),
    ("lever", "spotify", "lever/spotify_postings.json", ".json"),
    ("ashby", "linear", "ashby/linear_job_board.json", ".json"),
    ("ashby", "openevidence", "ashby/openevidence_job_board.json", ".json"),
    ("workable", "huggingface", "workable/huggingface_widget_v1.json", ".json"),
    ("workable", "amazing-care", "workable/widget_v1_details.json", ".json"),
    # one list page of 310 postings, stored as it came (a list-only fetch): lands incomplete
    ("smartrecruiters", "ubisoft2", "smartrecruiters/ubisoft_postings_list.json", ".json"),
    (
        "smartrecruiters",
        "smartrecruiters",
        "smartrecruiters/docs_example_posting.json",
        ".jsonl",
        smartrecruiters_exchange_log,
    ),
]
# Providers without a recorded sample: realistic fixtures built from PROVIDERS.md, under fixtures/.
FIXTURE_SAMPLES: list[tuple] = [
    ("recruitee", "channable", "recruitee_offers.json", ".json"),
]
REAL_SAMPLE_FETCHED_AT = datetime(2026, 5, 10, 12, 0, 0, tzinfo=UTC)


def place_real_samples(paths: DataPaths) -> list[Path]:
    """Write the real recorded payloads (and the fixtures) into the raw layout, one successful fetch
    per board."""
    written = []
    entries = [(SAMPLES_DIR, entry) for entry in REAL_SAMPLES]
    entries += [(FIXTURES_DIR, entry) for entry in FIXTURE_SAMPLES]
    for folder, (provider, board, relative, ext, *wrap) in entries:
        body = (folder / relative).read_bytes()
        wrapper: Callable[[bytes], bytes] | None = wrap[0] if wrap else None
        if wrapper is not None:
            body = wrapper(body)
        requests = body.count(b"\n") if ext == ".jsonl" else 1
        sidecar = {
            "status": "ok",
            "http_status": 200,
            "error": None,
            "duration_ms": 100,
            "requests": requests,
        }
        written.append(write_fetch(paths.raw, provider, board, REAL_SAMPLE_FETCHED_AT, body, ext, sidecar))
    return written


@dataclass(frozen=True)
class Warehouse:
    paths: DataPaths

    def query(self, sql: str, params: list[object] | None = None) -> list[tuple]:
        connection = duckdb.connect(str(self.paths.served_db), read_only=True)
        try:
            return connection.execute(sql, params or []).fetchall()
        finally:
            connection.close()

    def ground_truth(self) -> list[dict[str, str]]:
        import csv

        with (self.paths.sample / "ground_truth_events.csv").open(newline="") as handle:
            return list(csv.DictReader(handle))

    def manifest(self) -> dict:
        return json.loads((self.paths.sample / "manifest.json").read_text())


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Warehouse]:
    if not SAMPLES_DIR.is_dir():
        pytest.fail(f"shared samples not found at {SAMPLES_DIR} (set POSTINGS_SHARED_DIR)")
    root = tmp_path_factory.mktemp("warehouse") / "data"
    previous = os.environ.get(DATA_DIR_ENV)
    os.environ[DATA_DIR_ENV] = str(root)
    try:
        paths = DataPaths.from_env()
        assert postings(["sample"]) == 0
        place_real_samples(paths)
        assert postings(["run"]) == 0, "postings run failed on the session sample"
        yield Warehouse(paths)
    finally:
        if previous is None:
            os.environ.pop(DATA_DIR_ENV, None)
        else:
            os.environ[DATA_DIR_ENV] = previous


@pytest.fixture
def warehouse_copy(sample_warehouse: Warehouse, tmp_path: Path) -> Warehouse:
    """A private copy of the session's data dir, for tests that change it."""
    root = tmp_path / "data"
    shutil.copytree(sample_warehouse.paths.root, root, ignore=shutil.ignore_patterns(".postings.lock"))
    return Warehouse(DataPaths(root))
