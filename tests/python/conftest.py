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
from typing import NamedTuple

import duckdb
import pytest

from postings.cli import main as postings
from postings.paths import DATA_DIR_ENV, PROJECT_DIR, DataPaths
from postings.raw import write_fetch

SHARED_DIR = Path(os.environ.get("POSTINGS_SHARED_DIR", PROJECT_DIR.parent / "shared")).resolve()
SAMPLES_DIR = SHARED_DIR / "ats-samples"
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"


# One HTTP response of an exchange log made of recorded files: (method, url, file under ats-samples).
Exchanges = tuple[tuple[str, str, str], ...]


class RealSample(NamedTuple):
    """A recorded payload that every session lands as one successful fetch of a board of its own.

    ``source`` is a file (under ats-samples, or under fixtures/ for FIXTURE_SAMPLES), or recorded
    responses that together make one ``.jsonl`` exchange log (``exchange_log``). ``wrap`` turns the
    recorded file into the raw body we store (e.g. a single posting object into the exchange log our
    fetcher would have written)."""

    provider: str
    board: str
    source: str | Exchanges
    ext: str
    wrap: Callable[[bytes], bytes] | None = None


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


# Workday: the recorded list page and the one recorded detail response (of its first row, JR2021705),
# each one line of the .jsonl exchange log a Workday fetch writes (status 200, body = the file's text).
# The list's two other rows have no recorded detail: landing leaves them out and marks the fetch
# incomplete, as it would after two failed detail calls.
NVIDIA_CXS = "https://nvidia.wd5.myworkdayjobs.com/wday/cxs/nvidia/NVIDIAExternalCareerSite"
WORKDAY_NVIDIA: Exchanges = (
    ("POST", f"{NVIDIA_CXS}/jobs", "workday/nvidia_cxs_jobs_list.json"),
    (
        "GET",
        f"{NVIDIA_CXS}/job/Israel-Yokneam/Practical-Hardware-Electronics-Test-Engineer_JR2021705",
        "workday/nvidia_cxs_job_detail.json",
    ),
)

# The real payloads every session lands.
REAL_SAMPLES: list[RealSample] = [
    RealSample("greenhouse", "vercel", "greenhouse/vercel_list_content.json", ".json"),
    RealSample("greenhouse", "vaulttec", "greenhouse/docs_example_list_content.json", ".json"),
    RealSample("lever", "palantir", "lever/palantir_postings.json", ".json"),
    RealSample("lever", "spotify", "lever/spotify_postings.json", ".json"),
    RealSample("ashby", "linear", "ashby/linear_job_board.json", ".json"),
    RealSample("ashby", "openevidence", "ashby/openevidence_job_board.json", ".json"),
    RealSample("workable", "huggingface", "workable/huggingface_widget_v1.json", ".json"),
    RealSample("workable", "amazing-care", "workable/widget_v1_details.json", ".json"),
    # one list page of 310 postings, stored as it came (a list-only fetch): lands incomplete
    RealSample("smartrecruiters", "ubisoft2", "smartrecruiters/ubisoft_postings_list.json", ".json"),
    RealSample(
        "smartrecruiters",
        "smartrecruiters",
        "smartrecruiters/docs_example_posting.json",
        ".jsonl",
        smartrecruiters_exchange_log,
    ),
    RealSample("workday", "nvidia", WORKDAY_NVIDIA, ".jsonl"),
    RealSample("personio", "personio-demo", "personio/positions_feed.xml", ".xml"),
    RealSample("bamboohr", "bamboohr-demo", "bamboohr/careers_list.json", ".json"),
    RealSample("breezy", "breezy", "breezy/breezy_json.json", ".json"),
]
# Providers without a recorded sample: realistic fixtures built from PROVIDERS.md, under fixtures/.
FIXTURE_SAMPLES: list[RealSample] = [
    RealSample("recruitee", "channable", "recruitee_offers.json", ".json"),
]
REAL_SAMPLE_FETCHED_AT = datetime(2026, 5, 10, 12, 0, 0, tzinfo=UTC)


def exchange_log(exchanges: Exchanges, status: int = 200) -> bytes:
    """Recorded responses as a .jsonl exchange log: one {url, method, status, body} line each."""
    lines = [
        json.dumps(
            {"url": url, "method": method, "status": status, "body": (SAMPLES_DIR / relative).read_text()}
        )
        for method, url, relative in exchanges
    ]
    return ("\n".join(lines) + "\n").encode()


def sample_body(sample: RealSample, folder: Path = SAMPLES_DIR) -> bytes:
    """The raw body a real sample (or a fixture, from ``folder``) is stored as."""
    source = sample.source
    body = (folder / source).read_bytes() if isinstance(source, str) else exchange_log(source)
    return sample.wrap(body) if sample.wrap is not None else body


def place_real_samples(paths: DataPaths) -> list[Path]:
    """Write the real recorded payloads (and the fixtures) into the raw layout, one successful fetch
    per board."""
    written = []
    for folder, sample in [
        *((SAMPLES_DIR, sample) for sample in REAL_SAMPLES),
        *((FIXTURES_DIR, sample) for sample in FIXTURE_SAMPLES),
    ]:
        provider, board, _source, ext, _wrap = sample
        body = sample_body(sample, folder)
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

    def ground_truth_jobs(self) -> list[dict[str, str]]:
        import csv

        with (self.paths.sample / "ground_truth_jobs.csv").open(newline="") as handle:
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
    skip = shutil.ignore_patterns(".postings.lock", "runs")
    shutil.copytree(sample_warehouse.paths.root, root, ignore=skip)
    return Warehouse(DataPaths(root))
