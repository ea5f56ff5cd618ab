"""`postings run`, the scheduled job: land -> dbt build (models + tests) -> publish -> freshness.

Holds the data dir's lock for the whole run (a second run exits at once), and writes a JSON run
record under ``<data dir>/runs/`` whatever the outcome: counts, seconds per step, outcome, error.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from postings.errors import LockBusyError, PostingsError
from postings.locking import data_dir_lock
from postings.paths import DataPaths
from postings.raw import format_fetched_at, iso_utc, write_atomic


@dataclass
class RunRecord:
    """What one pipeline run did; written as JSON to ``runs/<started>-<command>.json``."""

    command: str
    started_at: str
    finished_at: str | None = None
    outcome: str = "running"  # ok | failed | refused
    exit_code: int | None = None
    error: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    landing: dict[str, Any] = field(default_factory=dict)
    build: dict[str, Any] = field(default_factory=dict)
    freshness: dict[str, Any] = field(default_factory=dict)
    warehouse: dict[str, Any] = field(default_factory=dict)
    served_db: str | None = None

    def one_line(self) -> str:
        if self.outcome == "ok":
            events = ", ".join(f"{kind} {count}" for kind, count in self.warehouse.get("events", {}).items())
            stale = self.freshness.get("stale_sources") or []
            landed = self.landing.get("fetches_landed", 0)
            jobs, active = self.warehouse.get("jobs", 0), self.warehouse.get("active_jobs", 0)
            return (
                f"run ok in {sum(self.seconds.values()):.1f}s: landed {landed} fetches; {jobs} jobs "
                f"({active} active); events {events or 'none'}; "
                f"freshness {f'{len(stale)} sources stale' if stale else 'ok'}; published {self.served_db}"
            )
        return f"run {self.outcome}: {self.error}"


def run_pipeline(
    paths: DataPaths,
    *,
    full_refresh: bool = False,
    dbt_vars: dict[str, Any] | None = None,
    progress: Callable[[str], None] = lambda _m: None,
) -> RunRecord:
    """Land, build, test, publish and check freshness under the data dir's lock.

    Raises LockBusyError (another run holds the lock) or PostingsError (a step failed); the run
    record is written in every case and its path reported through ``progress``.
    """
    from postings.build import build, check_freshness
    from postings.landing import land
    from postings.summary import read_summary

    started = datetime.now(UTC)
    record = RunRecord(command="run", started_at=iso_utc(started))
    try:
        with data_dir_lock(paths.root, "run"):
            clock = time.monotonic()
            landing = land(paths, progress=progress)
            record.seconds["land"] = round(time.monotonic() - clock, 3)
            record.landing = {
                "fetches_landed": landing.fetches_landed,
                "already_landed": landing.already_landed,
                "parse_errors": landing.parse_errors,
                "failed_fetches": landing.failed_fetches,
                "sightings": landing.sightings,
                "new_payloads": landing.new_payloads,
            }
            for raw_path, reason in landing.parse_error_details[:20]:
                progress(f"  parse error: {raw_path}: {reason}")

            clock = time.monotonic()
            result = build(paths, full_refresh=full_refresh, dbt_vars=dbt_vars, progress=progress)
            record.seconds["build_and_publish"] = round(time.monotonic() - clock, 3)
            record.build = {"statuses": result.outcome.statuses, "warnings": result.outcome.warnings}
            record.served_db = str(result.served_db)

            clock = time.monotonic()
            record.freshness = check_freshness(paths)
            record.seconds["freshness"] = round(time.monotonic() - clock, 3)
            stale = record.freshness.get("stale_sources", [])
            if stale:
                progress(
                    f"warning: {len(stale)} sources are stale (no new data within their freshness window; "
                    f"expected for the offline sample): {', '.join(stale)}"
                )

            if result.served_db is not None:
                summary = read_summary(result.served_db)
                record.warehouse = {
                    "boards": summary.boards,
                    "jobs": summary.jobs,
                    "active_jobs": summary.active_jobs,
                    "events": summary.events_by_type,
                }
        record.outcome, record.exit_code = "ok", 0
        return record
    except LockBusyError as error:
        record.outcome, record.exit_code, record.error = "refused", error.exit_code, str(error)
        raise
    except PostingsError as error:
        record.outcome, record.exit_code, record.error = "failed", error.exit_code, str(error)
        raise
    except Exception as error:
        record.outcome, record.exit_code, record.error = "failed", 1, f"{type(error).__name__}: {error}"
        raise
    finally:
        record.finished_at = iso_utc(datetime.now(UTC))
        path = write_run_record(paths, record, started)
        progress(f"run record: {path}")


def write_run_record(paths: DataPaths, record: RunRecord, started: datetime) -> Path:
    path = paths.runs / f"{format_fetched_at(started)}-{record.command}-{os.getpid()}.json"
    write_atomic(path, (json.dumps(asdict(record), indent=1, sort_keys=True) + "\n").encode())
    return path
