"""`postings build`: dbt build into the build file, then publish only if every model and test passed."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from postings.errors import PostingsError
from postings.paths import DATA_DIR_ENV, PROJECT_DIR, DataPaths
from postings.publish import publish


@dataclass(frozen=True)
class DbtOutcome:
    """What one dbt invocation did: node counts by status, and the failures and warnings by name."""

    success: bool
    statuses: dict[str, int]
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class BuildSummary:
    outcome: DbtOutcome
    served_db: Path | None


def dbt_args(
    paths: DataPaths, command: str, extra: Sequence[str] = (), target: str | None = None
) -> list[str]:
    """The dbt CLI arguments for ``command`` against this project and data dir (``target``: a
    profiles.yml output other than the default duckdb, with a dbt target folder of its own)."""
    colors = [] if sys.stdout.isatty() else ["--no-use-colors"]
    targeted = ["--target", target] if target else []
    return [
        *colors,
        *command.split(),
        "--project-dir",
        str(PROJECT_DIR),
        "--profiles-dir",
        str(PROJECT_DIR),
        *targeted,
        "--target-path",
        str(paths.warehouse / "dbt" / (f"target-{target}" if target else "target")),
        "--log-path",
        str(paths.warehouse / "dbt" / "logs"),
        *extra,
    ]


def run_dbt(
    paths: DataPaths, command: str, extra: Sequence[str] = (), target: str | None = None
) -> DbtOutcome:
    """Invoke dbt in-process (dbtRunner: no per-call interpreter start-up) and summarize the result."""
    from dbt.cli.main import dbtRunner  # imported here: dbt's import costs ~1 s

    os.environ[DATA_DIR_ENV] = str(paths.root)
    paths.build_db.parent.mkdir(parents=True, exist_ok=True)
    try:
        result = dbtRunner().invoke(dbt_args(paths, command, extra, target))
    finally:
        _release_build_file()
    if result.exception is not None:
        raise PostingsError(f"dbt {command} could not run: {result.exception}")
    return summarize_results(bool(result.success), result.result)


def _release_build_file() -> None:
    """Close the DuckDB connection dbt-duckdb keeps open between in-process invocations.

    Publishing (and any later reader in this process) must be able to attach the build file.
    """
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    environment = DuckDBConnectionManager._ENV
    if environment is not None:
        environment.close()
    DuckDBConnectionManager.close_all_connections()


def summarize_results(success: bool, results: Any) -> DbtOutcome:
    statuses: Counter[str] = Counter()
    failures: list[str] = []
    warnings: list[str] = []
    for node_result in getattr(results, "results", None) or []:
        status = str(getattr(node_result.status, "value", node_result.status))
        statuses[status] += 1
        node = getattr(node_result, "node", None)  # run-operation results carry none
        if node is None:
            name = str(getattr(node_result, "unique_id", "operation"))
        else:
            name = f"{node.source_name}.{node.name}" if getattr(node, "source_name", None) else node.name
        message = (node_result.message or "").strip().splitlines()[:1]
        text = f"{name}: {message[0]}" if message else name
        if status in ("error", "fail", "runtime error"):
            failures.append(text)
        elif status == "warn":
            warnings.append(text)
    return DbtOutcome(
        success=success and not failures, statuses=dict(statuses), failures=failures, warnings=warnings
    )


def build(
    paths: DataPaths,
    *,
    full_refresh: bool = False,
    dbt_vars: dict[str, Any] | None = None,
    select: str | None = None,
    progress: Callable[[str], None] = lambda _m: None,
) -> BuildSummary:
    """dbt build (models, seeds, unit and data tests) into the build file; publish when all passed."""
    from postings.landing import ensure_layout

    ensure_layout(paths)
    progress(f"dbt build -> {paths.build_db}")
    outcome = _dbt_build(
        paths,
        full_refresh,
        dbt_vars,
        select,
        progress,
        failed="dbt build failed",
        after="; the served file was not touched",
    )
    if select:
        progress("partial build (--select): not published")
        return BuildSummary(outcome=outcome, served_db=None)
    progress(f"publishing -> {paths.served_db}")
    served = publish(paths.build_db, paths.served_db)
    return BuildSummary(outcome=outcome, served_db=served)


SPARK_TARGET = "spark"


def build_on_spark(
    paths: DataPaths,
    *,
    full_refresh: bool = False,
    dbt_vars: dict[str, Any] | None = None,
    select: str | None = None,
    progress: Callable[[str], None] = lambda _m: None,
) -> DbtOutcome:
    """dbt build on the spark target: the landing Parquet registered as Spark tables
    (register_landing_sources), then seeds, models, unit and data tests into Spark's warehouse under
    <data dir>/warehouse/spark. Nothing is published: the served file is the DuckDB target's."""
    try:
        import pyspark  # noqa: F401
    except ImportError as error:
        raise PostingsError(
            "the spark target needs dbt-spark and pyspark (and Java 17): pip install -e '.[spark]'"
        ) from error
    from postings.landing import ensure_layout

    ensure_layout(paths)
    paths.spark_warehouse.mkdir(parents=True, exist_ok=True)
    landing_root = (dbt_vars or {}).get("landing_root", paths.landing)
    progress(f"spark: registering the landing Parquet under {landing_root} as source tables")
    vars_args = ["--vars", json.dumps(dbt_vars)] if dbt_vars else []
    registered = run_dbt(paths, "run-operation register_landing_sources", vars_args, target=SPARK_TARGET)
    if not registered.success:
        raise PostingsError("spark: registering the landing sources failed (see the dbt output above)")
    progress(f"dbt build --target spark -> {paths.spark_warehouse}")
    return _dbt_build(
        paths,
        full_refresh,
        dbt_vars,
        select,
        progress,
        failed="dbt build on spark failed",
        target=SPARK_TARGET,
    )


def _dbt_build(
    paths: DataPaths,
    full_refresh: bool,
    dbt_vars: dict[str, Any] | None,
    select: str | None,
    progress: Callable[[str], None],
    *,
    failed: str,
    after: str = "",
    target: str | None = None,
) -> DbtOutcome:
    """`dbt build` with the CLI's options; warnings reported, failures raised as one line."""
    extra: list[str] = []
    if full_refresh:
        extra.append("--full-refresh")
    if dbt_vars:
        extra += ["--vars", json.dumps(dbt_vars)]
    if select:
        extra += ["--select", select]
    outcome = run_dbt(paths, "build", extra, target=target)
    for warning in outcome.warnings:
        progress(f"warning: {warning}")
    if not outcome.success:
        first = outcome.failures[0] if outcome.failures else "see the dbt output above"
        raise PostingsError(f"{failed} ({len(outcome.failures)} failing nodes, first: {first}){after}")
    return outcome


def check_freshness(paths: DataPaths) -> dict[str, Any]:
    """`dbt source freshness` against the build file: which sources are stale (warn or error).

    Staleness is reported, never fatal: the warehouse still publishes the latest data it has.
    """
    outcome = run_dbt(paths, "source freshness")
    stale = [text.split(":", 1)[0] for text in outcome.failures + outcome.warnings]
    return {"statuses": outcome.statuses, "stale_sources": sorted(stale)}
