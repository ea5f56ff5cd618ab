"""What the bench runs in its own subprocesses besides the `postings` CLI: the bare DuckDB baselines
(landing as read_json -> COPY, the event derivation as one hand-written SQL script) and the job-page
query latency. ``python -m postings.bench.baselines <command> ...`` prints one JSON line of results.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from importlib.resources import files
from pathlib import Path
from typing import Any

import duckdb


def raw_bodies(raw: Path, provider: str) -> list[str]:
    """Every raw body file of one provider (sidecars left out)."""
    folder = raw / f"provider={provider}"
    return sorted(str(p) for p in folder.rglob("*.json") if not p.name.endswith(".meta.json"))


def bare_landing(raw: Path, output: Path, unreadable: Path) -> dict[str, Any]:
    """The raw bodies to Parquet by a bare DuckDB read_json -> COPY, one file per provider, leaving out
    the files listed in ``unreadable`` (bodies cut mid-JSON, which read_json cannot skip).

    Top-level values become columns, anything nested stays JSON (maximum_depth 1): every document is
    parsed in full; the schema comes from the first documents (union_by_name opens every file at once,
    which runs out of memory over tens of thousands of files)."""
    skip = set(unreadable.read_text().split()) if unreadable.exists() else set()
    output.mkdir(parents=True, exist_ok=True)
    connection = duckdb.connect(config={"preserve_insertion_order": False})
    rows = read_bytes = 0
    for provider_dir in sorted(raw.glob("provider=*")):
        provider = provider_dir.name.split("=", 1)[1]
        bodies = [body for body in raw_bodies(raw, provider) if body not in skip]
        if not bodies:
            continue
        read_bytes += sum(Path(body).stat().st_size for body in bodies)
        target = output / f"{provider}.parquet"
        connection.execute(
            "copy (select * from read_json(?, maximum_depth = 1)) to ? (format parquet, compression zstd)",
            [bodies, str(target)],
        )
        [(count,)] = connection.execute("select count(*) from read_parquet(?)", [str(target)]).fetchall()
        rows += count
    return {"rows": rows, "bytes": read_bytes}


def bare_events(landing: Path, content_hashes: Path, output: Path) -> dict[str, Any]:
    """The hand-written event derivation (bare_events.sql); its events written to ``output`` (Parquet)."""
    script = files("postings.bench").joinpath("bare_events.sql").read_text(encoding="utf-8")
    connection = duckdb.connect()
    connection.execute(
        script.replace("{landing}", str(landing)).replace("{content_hashes}", str(content_hashes))
    )
    connection.execute(f"copy bare_events to '{output}' (format parquet)")
    [(count,)] = connection.execute("select count(*) from bare_events").fetchall()
    return {"events": count}


def query_latency(database: Path, repeats: int, seed: int = 1) -> dict[str, Any]:
    """p50 / p95 milliseconds of each README job-page slice query (postings.job_page.SLICES) on the
    served file, read-only, one connection; each run takes its parameters from a randomly drawn job."""
    from postings.job_page import SLICES, example_parameters, parameters_for

    connection = duckdb.connect(str(database), read_only=True)
    rng = random.Random(seed)
    job_ids = [
        row[0] for row in connection.execute("select job_id from mart_job_search order by job_id").fetchall()
    ]
    if not job_ids:
        return {}
    pages = [example_parameters(connection, rng.choice(job_ids)) for _ in range(min(repeats, 50))]
    out: dict[str, Any] = {}
    for query in SLICES:
        connection.execute(query.sql, parameters_for(query, pages[0])).fetchall()  # warm: loads the blocks
        timings = []
        for run in range(repeats):
            values = parameters_for(query, pages[run % len(pages)])
            started = time.perf_counter()
            connection.execute(query.sql, values).fetchall()
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        out[query.name] = {
            "p50_ms": round(statistics.median(timings), 2),
            "p95_ms": round(timings[max(0, round(0.95 * len(timings)) - 1)], 2),
            "runs": repeats,
        }
    return out


def publish_copy(build_db: Path) -> dict[str, Any]:
    """Publishing alone: the build file copied to a scratch served file (what every build ends with)."""
    from postings.publish import publish

    target = build_db.parent / "bench-publish-check.duckdb"
    publish(build_db, target)
    size = target.stat().st_size
    target.unlink()
    return {"bytes": size}


def main(argv: list[str]) -> int:
    command, *args = argv
    if command == "landing":
        result = bare_landing(Path(args[0]), Path(args[1]), Path(args[2]))
    elif command == "events":
        result = bare_events(Path(args[0]), Path(args[1]), Path(args[2]))
    elif command == "publish":
        result = publish_copy(Path(args[0]))
    elif command == "queries":
        result = query_latency(Path(args[0]), int(args[1]))
    else:
        print(f"unknown command {command}", file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
