"""What two builds of the same landing must agree on: every table they built, minus each build's identity.

A build stamps who it is on a few places (its invocation id and start time in ``dim_warehouse_builds``,
the start time again as ``mart_job_search.inferred_at``); those differ between any two builds by design.
Two more tables record what one build had to process rather than what it built. Everything else must be
equal between a full refresh and the incremental builds that reached the same landing (docs/contracts.md
section 7). The bench and the lifecycle guarantee tests compare with these functions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

#: tables that describe one build (its identity, or the work it had to do), not what it built
BUILD_SCOPED_TABLES = ("dim_warehouse_builds", "int_fetches_changed", "int_job_anchors_located")
#: columns that stamp the build's identity on rows of other tables
BUILD_IDENTITY_COLUMNS = ("inferred_at", "built_at", "build_id")


def comparable_tables(
    connection: duckdb.DuckDBPyConnection, schemas: tuple[str, ...] = ("main",)
) -> list[tuple[str, str, list[str]]]:
    """(schema, table, columns) of every base table in ``schemas`` that two builds must agree on."""
    tables = connection.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_schema in ? and table_type = 'BASE TABLE' and table_name not in ? order by all",
        [list(schemas), list(BUILD_SCOPED_TABLES)],
    ).fetchall()
    listed = []
    for schema, name in tables:
        columns = [
            column
            for (column,) in connection.execute(
                "select column_name from information_schema.columns where table_schema = ? "
                "and table_name = ? and column_name not in ? order by ordinal_position",
                [schema, name, list(BUILD_IDENTITY_COLUMNS)],
            ).fetchall()
        ]
        listed.append((schema, name, columns))
    return listed


def _select(schema: str, name: str, columns: list[str]) -> str:
    quoted = ", ".join(f'"{column}"' for column in columns)
    return f'select {quoted} from "{schema}"."{name}"'


def dump_tables(database: Path, schemas: tuple[str, ...] = ("main",)) -> dict[str, list[tuple[Any, ...]]]:
    """Every comparable table of ``database``, rows sorted: exact, for tests on small warehouses."""
    connection = duckdb.connect(str(database), read_only=True)
    try:
        return {
            f"{schema}.{name}": connection.execute(
                f"{_select(schema, name, columns)} order by all"
            ).fetchall()
            for schema, name, columns in comparable_tables(connection, schemas)
        }
    finally:
        connection.close()


def fingerprint_tables(database: Path, schemas: tuple[str, ...] = ("main",)) -> dict[str, str]:
    """Row count and an order-independent hash of every comparable table: cheap, for large warehouses."""
    connection = duckdb.connect(str(database), read_only=True)
    try:
        return {
            f"{schema}.{name}": str(
                connection.execute(
                    f"select count(*), bit_xor(hash(t)) from ({_select(schema, name, columns)}) as t"
                ).fetchall()[0]
            )
            for schema, name, columns in comparable_tables(connection, schemas)
        }
    finally:
        connection.close()
