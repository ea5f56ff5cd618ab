"""Shared fixtures: one sample warehouse built once per test session.

The session build is the default sample (what `make build` makes) plus the real recorded payloads of
../shared/ats-samples placed in the raw layout as boards of their own, landed and built through the CLI
exactly as a user would (`postings sample`, then `postings run`).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
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

# An exchange log made of recorded responses: (method, url, file under ats-samples) per HTTP response.
Exchanges = tuple[tuple[str, str, str], ...]

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

# (provider, board, file under ats-samples or an exchange log, extension): the real payloads every
# session lands.
REAL_SAMPLES: list[tuple[str, str, str | Exchanges, str]] = [
    ("greenhouse", "vercel", "greenhouse/vercel_list_content.json", ".json"),
    ("greenhouse", "vaulttec", "greenhouse/docs_example_list_content.json", ".json"),
    ("lever", "palantir", "lever/palantir_postings.json", ".json"),
    ("lever", "spotify", "lever/spotify_postings.json", ".json"),
    ("workday", "nvidia", WORKDAY_NVIDIA, ".jsonl"),
    ("personio", "personio-demo", "personio/positions_feed.xml", ".xml"),
    ("bamboohr", "bamboohr-demo", "bamboohr/careers_list.json", ".json"),
    ("breezy", "breezy", "breezy/breezy_json.json", ".json"),
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


def real_sample_body(source: str | Exchanges) -> bytes:
    return (SAMPLES_DIR / source).read_bytes() if isinstance(source, str) else exchange_log(source)


def place_real_samples(paths: DataPaths) -> list[Path]:
    """Write the real recorded payloads into the raw layout as one successful fetch per board."""
    written = []
    for provider, board, source, ext in REAL_SAMPLES:
        body = real_sample_body(source)
        requests = 1 if isinstance(source, str) else len(source)
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
