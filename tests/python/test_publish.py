"""Publishing never disturbs readers: a reader keeps querying during a build, then sees the new data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from conftest import Warehouse
from postings.locking import data_dir_lock
from postings.paths import DATA_DIR_ENV
from postings.publish import is_servable_as_is, publish
from postings.raw import write_fetch

NEW_POSTING = (
    b'{"jobs": [{"id": 4242424242, "title": "Published While Reading", "location": {"name": "Oslo, Norway"},'
    b' "updated_at": "2026-05-11T08:00:00+02:00", "absolute_url": "https://job-boards.greenhouse.io/'
    b'readers/jobs/4242424242", "content": "&lt;p&gt;Hello&lt;/p&gt;", "departments": [], "offices": [],'
    b' "metadata": null}], "meta": {"total": 1}}'
)


def _postings_command(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from postings.cli import main; sys.exit(main())", *args]


def test_reader_keeps_its_snapshot_during_a_build_and_sees_the_new_version_after(
    warehouse_copy: Warehouse,
) -> None:
    paths = warehouse_copy.paths
    fetched_at = datetime(2026, 5, 11, 6, 0, tzinfo=UTC)
    sidecar = {"status": "ok", "http_status": 200, "error": None, "duration_ms": 5, "requests": 1}
    write_fetch(paths.raw, "greenhouse", "readers", fetched_at, NEW_POSTING, ".json", sidecar)

    reader = duckdb.connect(str(paths.served_db), read_only=True)
    jobs_before = reader.execute("select count(*) from dim_jobs").fetchone()[0]
    environment = {**os.environ, DATA_DIR_ENV: str(paths.root)}
    # the build's output goes to a file: a pipe nobody reads while polling fills up (64 kB) and blocks it
    log_path = paths.root / "build-output.log"
    with log_path.open("w") as log:
        build = subprocess.Popen(
            _postings_command("run"), env=environment, stdout=log, stderr=subprocess.STDOUT, text=True
        )
        queries = 0
        while build.poll() is None:
            assert reader.execute("select count(*) from dim_jobs").fetchone()[0] == jobs_before
            reader.execute(
                "select event_type, count(*) from fct_job_lifecycle_events group by all"
            ).fetchall()
            queries += 1
    output = log_path.read_text()
    assert build.returncode == 0, output[-3000:]
    assert queries > 0
    assert "run ok" in output.strip().splitlines()[-1]
    # the run prints the enrichment coverage per provider (what `make build` shows)
    assert "enrichment coverage (share of jobs with a ...):" in output
    [record] = [json.loads(path.read_text()) for path in paths.runs.glob("*-run-*.json")]
    assert record["outcome"] == "ok" and record["landing"]["fetches_landed"] == 1
    assert set(record["seconds"]) == {"land", "build_and_publish", "freshness"}
    assert reader.execute("select count(*) from dim_jobs").fetchone()[0] == jobs_before
    reader.close()

    reader = duckdb.connect(str(paths.served_db), read_only=True)
    try:
        assert reader.execute("select count(*) from dim_jobs").fetchone()[0] == jobs_before + 1
        assert reader.execute("select title from dim_jobs where board = 'readers'").fetchall() == [
            ("Published While Reading",)
        ]
    finally:
        reader.close()


def test_a_failed_publish_leaves_the_served_file_untouched(warehouse_copy: Warehouse) -> None:
    paths = warehouse_copy.paths
    before = paths.served_db.read_bytes()
    missing = paths.root / "no-such-build.duckdb"
    with pytest.raises(FileNotFoundError):
        publish(missing, paths.served_db)
    assert paths.served_db.read_bytes() == before
    assert not list(paths.warehouse.glob(".*.tmp"))


def test_a_second_command_is_refused_while_the_data_dir_is_locked(warehouse_copy: Warehouse) -> None:
    paths = warehouse_copy.paths
    environment = {**os.environ, DATA_DIR_ENV: str(paths.root)}
    with data_dir_lock(paths.root, "run"):
        second = subprocess.run(
            _postings_command("run"), env=environment, capture_output=True, text=True, check=False
        )
    assert second.returncode == 75
    assert "busy" in second.stderr and "'postings run'" in second.stderr
    assert len(second.stderr.strip().splitlines()) == 1


def test_served_file_opens_in_the_older_duckdb_shell_of_the_venv(sample_warehouse: Warehouse) -> None:
    """The venv's `duckdb` shell (duckdb-cli 1.5, like many BI drivers) reads the served file."""
    shell = Path(sys.executable).parent / "duckdb"
    result = subprocess.run(
        [
            str(shell),
            "-readonly",
            "-csv",
            str(sample_warehouse.paths.served_db),
            "select version(), count(*) > 0 from dim_jobs",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    version, has_jobs = result.stdout.strip().splitlines()[-1].split(",")
    assert version.startswith("v1.") and has_jobs == "true"


def test_run_writes_a_json_run_record_and_a_refused_run_says_so(warehouse_copy: Warehouse) -> None:
    paths = warehouse_copy.paths
    environment = {**os.environ, DATA_DIR_ENV: str(paths.root)}
    with data_dir_lock(paths.root, "run"):
        subprocess.run(_postings_command("run"), env=environment, capture_output=True, check=False)
    records = sorted(paths.runs.glob("*-run-*.json"))
    assert len(records) == 1
    refused = json.loads(records[0].read_text())
    assert refused["outcome"] == "refused" and refused["exit_code"] == 75 and "busy" in refused["error"]


def test_two_runs_at_once_leave_one_run_and_one_clear_refusal(warehouse_copy: Warehouse) -> None:
    """A second `postings run` started while the first holds the lock exits at once with code 75 and
    one line naming the running command; the first publishes; each writes its run record."""
    paths = warehouse_copy.paths
    environment = {**os.environ, DATA_DIR_ENV: str(paths.root)}
    first = subprocess.Popen(
        _postings_command("run"), env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert first.stdout is not None
    first.stdout.readline()  # the landing summary: printed while the first run holds the lock
    second = subprocess.run(
        _postings_command("run"), env=environment, capture_output=True, text=True, check=False
    )
    rest, _ = first.communicate()
    assert first.returncode == 0, rest
    assert second.returncode == 75
    assert second.stderr.strip().splitlines() == [second.stderr.strip()]
    assert "busy" in second.stderr and f"(pid {first.pid})" in second.stderr
    outcomes = sorted(json.loads(path.read_text())["outcome"] for path in paths.runs.glob("*-run-*.json"))
    assert outcomes == ["ok", "refused"]


def test_build_files_are_written_in_the_served_storage_version_and_published_as_a_copy(
    sample_warehouse: Warehouse, tmp_path: Path
) -> None:
    """profiles.yml creates the build file for DuckDB 1.x readers: publishing is a file copy. A build
    file in a newer storage version (made before that setting) is still published table by table."""
    build_db = sample_warehouse.paths.build_db
    assert is_servable_as_is(build_db)
    newer = tmp_path / "newer.duckdb"
    connection = duckdb.connect(str(newer))
    connection.execute("create table t as select 1 as x")
    connection.close()
    assert not is_servable_as_is(newer)
    served = publish(newer, tmp_path / "served.duckdb")
    assert is_servable_as_is(served)
