"""Publishing: the build file becomes the served file only after every model and test passed.

The served file is written as a new file next to it and renamed over it (atomic on POSIX): readers
that have it open keep their snapshot, new connections see the new version, and a failed or killed
publish never touches what readers see. It is written with an older DuckDB storage version so BI
drivers that bundle DuckDB 1.1+ can open it. Build files are created in that storage version
(profiles.yml), so publishing is a file copy; an older build file is copied table by table instead.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

SERVED_STORAGE_VERSION = "v1.1.0"
# duckdb_databases().tags['storage_version'] of files written for DuckDB 1.x readers (v1.1.0 included)
SERVABLE_TAGS = ("v1.0.0+",)


def publish(build_db: Path, served_db: Path) -> Path:
    """Copy ``build_db`` into a fresh file and atomically rename it to ``served_db``."""
    if not build_db.exists():
        raise FileNotFoundError(f"no build file to publish: {build_db}")
    served_db.parent.mkdir(parents=True, exist_ok=True)
    tmp = served_db.with_name(f".{served_db.name}.{os.getpid()}.tmp")
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        leftover.unlink(missing_ok=True)
    try:
        if is_servable_as_is(build_db):
            # already in the served storage version and checkpointed: a file copy (disk speed, no
            # re-encoding); profiles.yml creates build files so
            shutil.copyfile(build_db, tmp)
        else:
            connection = duckdb.connect()
            try:
                connection.execute(f"attach '{_sql_path(build_db)}' as build_db (read_only)")
                connection.execute(
                    f"attach '{_sql_path(tmp)}' as served_db (storage_version '{SERVED_STORAGE_VERSION}')"
                )
                connection.execute("copy from database build_db to served_db")
                connection.execute("detach served_db")
                connection.execute("detach build_db")
            finally:
                connection.close()
        os.replace(tmp, served_db)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return served_db


def is_servable_as_is(build_db: Path) -> bool:
    """The build file is in a storage version DuckDB 1.x readers open, with no write-ahead log pending."""
    if build_db.with_name(build_db.name + ".wal").exists():
        return False
    connection = duckdb.connect()
    try:
        connection.execute(f"attach '{_sql_path(build_db)}' as build_db (read_only)")
        [(tags,)] = connection.execute(
            "select tags from duckdb_databases() where database_name = 'build_db'"
        ).fetchall()
    finally:
        connection.close()
    return (tags or {}).get("storage_version") in SERVABLE_TAGS


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
