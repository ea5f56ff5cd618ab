"""The bench's S smoke: the command runs end to end and its report has every figure with a status.

Benchmarks never run in `make test` beyond this (their numbers are not asserted: no timed tests).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from postings.bench import SCALES, run_bench
from postings.paths import DATA_DIR_ENV, DataPaths


@pytest.mark.bench_smoke
def test_bench_at_scale_s_writes_a_report_with_every_figure(tmp_path: Path) -> None:
    previous = os.environ.get(DATA_DIR_ENV)
    try:
        report_path = run_bench(DataPaths(tmp_path / "data"), "S")
    finally:
        if previous is not None:
            os.environ[DATA_DIR_ENV] = previous
    assert report_path.parent == tmp_path / "data" / "bench" / "S"
    report = report_path.read_text()
    first, middle, last = SCALES["S"].history_days
    for figure in (
        "Machine:",
        "landing throughput, ours",
        "landing ratio ours / bare",
        "full build (models, tests, publish)",
        "event derivation ratio ours / bare",
        f"incremental day after {first} days",
        f"incremental day after {last} days",
        f"incremental build / full build at {middle} days",
        f"incremental build growth {first} -> {last} days",
        "landing bytes per sighting of an unchanged posting",
        "landing total vs raw",
        "query p50 / p95: Job facts",
        "peak memory",
    ):
        assert figure in report, figure
    # the bare event script derived exactly the warehouse's events, and a full refresh equals the
    # incremental builds; every target row says met or not met
    assert "(same events)" in report
    assert "| full refresh equals incremental (marts) | yes | yes | met |" in report
    target_rows = [
        line for line in report.splitlines() if line.startswith("|") and ("<=" in line or ">=" in line)
    ]
    assert target_rows and all(line.endswith(("| met |", "| **not met** |")) for line in target_rows)
    # and each target not met is explained in the notes
    for line in target_rows:
        if line.endswith("| **not met** |"):
            assert "## Notes" in report
