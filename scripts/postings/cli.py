"""`postings`: the one command-line entry point. It parses arguments and calls plain functions.

Exit codes: 0 success; 1 failure (one-line reason on stderr); 2 usage error; 75 the data dir is
locked by another postings command.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from postings.errors import PostingsError
from postings.paths import DataPaths

EPILOG = "Data dir: $POSTINGS_DATA_DIR (default ./data), or --data-dir."


def _progress(message: str) -> None:
    print(message, flush=True)


def _paths(args: argparse.Namespace) -> DataPaths:
    return DataPaths.from_env(args.data_dir)


def cmd_sample(args: argparse.Namespace) -> None:
    from postings.sample import generate_sample

    paths = _paths(args)
    started = time.monotonic()
    summary = generate_sample(
        paths,
        seed=args.seed,
        boards=args.boards,
        days=args.days,
        jobs_per_board=args.jobs_per_board,
        start=args.start,
        providers=args.providers,
        progress=_progress,
    )
    events = ", ".join(f"{kind} {count}" for kind, count in sorted(summary.events_by_type.items()))
    _progress(
        f"sample: {len(summary.boards)} boards, {summary.fetches} fetches "
        f"({summary.failed_fetches} failed), {summary.raw_files} raw files in {paths.raw} "
        f"[{time.monotonic() - started:.1f}s]; ground truth: {events}"
    )


def cmd_fetch(args: argparse.Namespace) -> None:
    from postings.fetch import FetchSettings, HttpSettings, fetch_boards

    settings = FetchSettings(
        concurrency=args.concurrency,
        lever_page_size=args.lever_page_size,
        http=HttpSettings(timeout=args.timeout, min_interval=args.min_interval),
    )
    summary = fetch_boards(
        _paths(args),
        boards_csv=args.boards,
        provider=args.provider,
        board=args.board,
        settings=settings,
        progress=_progress,
    )
    if summary.all_failed:
        raise PostingsError(f"every board failed ({len(summary.outcomes)}); see the lines above")


def cmd_land(args: argparse.Namespace) -> None:
    from postings.locking import data_dir_lock

    paths = _paths(args)
    with data_dir_lock(paths.root, "land"):
        _land(paths)


def _land(paths: DataPaths) -> None:
    from postings.landing import land

    summary = land(paths, progress=_progress)  # reports progress and its one-line summary itself
    for raw_path, reason in summary.parse_error_details[:20]:
        _progress(f"  parse error: {raw_path}: {reason}")
    if len(summary.parse_error_details) > 20:
        _progress(
            f"  ... and {len(summary.parse_error_details) - 20} more parse errors (see fct_board_fetches)"
        )


def _build(paths: DataPaths, args: argparse.Namespace) -> None:
    from postings.build import build, build_on_spark
    from postings.summary import format_summary, read_summary

    started = time.monotonic()
    if args.target == "spark":
        outcome = build_on_spark(
            paths,
            full_refresh=args.full_refresh,
            dbt_vars=json.loads(args.vars) if args.vars else None,
            select=args.select,
            progress=_progress,
        )
        statuses = ", ".join(f"{name} {count}" for name, count in sorted(outcome.statuses.items()))
        _progress(
            f"build on spark: {statuses} [{time.monotonic() - started:.1f}s]; "
            f"tables under {paths.spark_warehouse}"
        )
        return
    result = build(
        paths,
        full_refresh=args.full_refresh,
        dbt_vars=json.loads(args.vars) if args.vars else None,
        select=args.select,
        progress=_progress,
    )
    statuses = ", ".join(f"{name} {count}" for name, count in sorted(result.outcome.statuses.items()))
    _progress(f"build: {statuses} [{time.monotonic() - started:.1f}s]")
    if result.served_db is not None:
        _progress(format_summary(read_summary(result.served_db), result.served_db))


def cmd_build(args: argparse.Namespace) -> None:
    from postings.locking import data_dir_lock

    paths = _paths(args)
    with data_dir_lock(paths.root, "build"):
        _build(paths, args)


def cmd_run(args: argparse.Namespace) -> None:
    from postings.pipeline import run_pipeline

    record = run_pipeline(
        _paths(args),
        full_refresh=args.full_refresh,
        dbt_vars=json.loads(args.vars) if args.vars else None,
        progress=_progress,
    )
    if record.served_db:
        from postings.summary import format_summary, read_summary

        served = Path(record.served_db)
        _progress(format_summary(read_summary(served), served))
    _progress(record.one_line())


def cmd_bench(args: argparse.Namespace) -> None:
    from postings.bench import run_bench

    path = run_bench(_paths(args), args.scale, notes=args.note or (), progress=_progress)
    _progress(path.read_text(encoding="utf-8"))
    _progress(f"bench report: {path}")


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text}")
    return value


def _add_build_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--full-refresh", action="store_true", help="rebuild incremental models from landing")
    parser.add_argument("--vars", help="dbt vars as JSON, e.g. '{\"close_after_missing_fetches\": 3}'")
    parser.add_argument("--select", help="dbt node selection (builds only those; does not publish)")


def _provider_list(text: str) -> tuple[str, ...]:
    names = tuple(name.strip() for name in text.split(",") if name.strip())
    if not names:
        raise argparse.ArgumentTypeError("give at least one provider")
    return names


def build_parser() -> argparse.ArgumentParser:
    from postings.sample.generator import DEFAULT_BOARDS, DEFAULT_PROVIDERS

    parser = argparse.ArgumentParser(
        prog="postings",
        description="Job postings warehouse: ATS boards -> raw -> landing -> dbt/DuckDB -> served file.",
        epilog=EPILOG,
    )
    parser.add_argument("--data-dir", type=Path, help="data dir (overrides $POSTINGS_DATA_DIR)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sample = commands.add_parser(
        "sample",
        help="write a deterministic offline sample of raw board fetches (+ ground truth)",
        description="Write generated raw fetches of ATS boards (Greenhouse, Lever, Ashby, Workable, "
        "SmartRecruiters, Recruitee, Workday, Personio, BambooHR, Breezy) under <data dir>/raw, and the "
        "true lifecycle events and jobs under <data dir>/sample.",
        epilog=EPILOG,
    )
    sample.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    sample.add_argument(
        "--boards",
        type=int,
        default=DEFAULT_BOARDS,
        help=f"boards, spread over providers round-robin (default {DEFAULT_BOARDS})",
    )
    sample.add_argument(
        "--providers",
        type=_provider_list,
        default=DEFAULT_PROVIDERS,
        help=f"comma-separated providers (default {','.join(DEFAULT_PROVIDERS)})",
    )
    sample.add_argument("--days", type=int, default=21, help="days of daily fetches (default 21)")
    sample.add_argument(
        "--jobs-per-board", type=int, default=25, help="typical open jobs per board (default 25)"
    )
    sample.add_argument(
        "--start",
        type=date.fromisoformat,
        default=date(2026, 5, 1),
        help="first fetch day, YYYY-MM-DD (default 2026-05-01)",
    )
    sample.set_defaults(handler=cmd_sample)

    fetch = commands.add_parser(
        "fetch",
        help="fetch the registry's boards over HTTP into raw files (+ sidecars)",
        description="Fetch every board of the board registry (default seeds/job_boards.csv) and write "
        "one raw fetch per board under <data dir>/raw: the body and its sidecar, or a failed sidecar "
        "with the reason. A failed board never stops the run; exit code 1 only when every board failed. "
        "POSTINGS_BASE_URL_<PROVIDER> replaces a provider's scheme and host (tests, regional instances).",
        epilog=EPILOG,
    )
    fetch.add_argument("--boards", type=Path, help="board registry CSV (default seeds/job_boards.csv)")
    fetch.add_argument("--provider", help="only this provider's boards")
    fetch.add_argument("--board", help="only boards with this token")
    fetch.add_argument("--concurrency", type=_positive_int, default=4, help="boards at once (default 4)")
    fetch.add_argument("--timeout", type=float, default=30.0, help="seconds per connect / read (default 30)")
    fetch.add_argument(
        "--min-interval",
        type=float,
        default=0.5,
        help="seconds between two requests to the same host (default 0.5)",
    )
    fetch.add_argument(
        "--lever-page-size",
        type=_positive_int,
        help="page Lever boards with skip/limit (default: whole board in one response)",
    )
    fetch.set_defaults(handler=cmd_fetch)

    land = commands.add_parser(
        "land",
        help="raw files -> landing Parquet (everything not yet landed)",
        description="Land every raw fetch not landed yet into <data dir>/landing. Idempotent; unreadable "
        "files become parse-error fetch rows and the rest lands.",
        epilog=EPILOG,
    )
    land.set_defaults(handler=cmd_land)

    build = commands.add_parser(
        "build",
        help="dbt build into the build file; publish only if every model and test passed",
        description="Run dbt build (models, unit tests, data tests) into <data dir>/warehouse/build/, then "
        "publish it atomically as <data dir>/warehouse/job_postings.duckdb.",
        epilog=EPILOG,
    )
    _add_build_options(build)
    build.add_argument(
        "--target",
        choices=("duckdb", "spark"),
        default="duckdb",
        help="profiles.yml target (default duckdb). spark: build on Apache Spark (pip install -e '.[spark]', "
        "Java 17) into <data dir>/warehouse/spark; nothing is published",
    )
    build.set_defaults(handler=cmd_build)

    run = commands.add_parser(
        "run",
        help="land, then build (the scheduled job)",
        description="Land new raw files, build and test, publish, check source freshness; holds the data "
        "dir's lock (a second run exits with code 75) and writes a JSON run record under <data dir>/runs/.",
        epilog=EPILOG,
    )
    run.add_argument("--full-refresh", action="store_true", help="rebuild incremental models from landing")
    run.add_argument("--vars", help="dbt vars as JSON, e.g. '{\"close_after_missing_fetches\": 3}'")
    run.set_defaults(handler=cmd_run)

    bench = commands.add_parser(
        "bench",
        help="generate a scale, measure every step against bare DuckDB baselines, write a report",
        description="Generate a sample at one scale under <data dir>/bench/<scale>/ (never the main "
        "warehouse), measure landing, full and incremental builds, the event derivation, storage and "
        "job-page query latency, each step in its own process, and print and write a markdown report.",
        epilog=EPILOG,
    )
    bench.add_argument(
        "--scale",
        choices=("S", "M", "L"),
        default="S",
        help="S: seconds (CI smoke); M: ~100k jobs over 90 days; L: ~10 minutes on 2 cores (default S)",
    )
    bench.add_argument("--note", action="append", help="a line to add to the report's notes (repeatable)")
    bench.set_defaults(handler=cmd_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], None] = args.handler
    try:
        handler(args)
    except PostingsError as error:
        print(f"postings {args.command}: {error}", file=sys.stderr)
        return error.exit_code
    except (ValueError, OSError) as error:
        print(f"postings {args.command}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"postings {args.command}: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
