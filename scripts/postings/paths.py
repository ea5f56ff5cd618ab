"""Where everything lives under the data directory (``POSTINGS_DATA_DIR``, default ``./data``).

Only this module knows the layout; every other module asks it for paths.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DATA_DIR_ENV = "POSTINGS_DATA_DIR"
DEFAULT_DATA_DIR = "data"
WAREHOUSE_NAME = "job_postings"
PROJECT_DIR = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class DataPaths:
    """The data directory's layout (DESIGN.md sections 2 to 6)."""

    root: Path

    @classmethod
    def from_env(cls, override: str | os.PathLike[str] | None = None) -> DataPaths:
        """Resolve the data dir: explicit override, else ``$POSTINGS_DATA_DIR``, else ``./data``."""
        value = override if override is not None else os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR
        return cls(Path(value).expanduser().resolve())

    @property
    def raw(self) -> Path:
        return self.root / "raw"

    @property
    def landing(self) -> Path:
        return self.root / "landing"

    @property
    def sample(self) -> Path:
        """Generator output beside the raw files: ground truth and the sample manifest."""
        return self.root / "sample"

    @property
    def warehouse(self) -> Path:
        return self.root / "warehouse"

    @property
    def build_db(self) -> Path:
        """The file dbt writes; readers never open it."""
        return self.warehouse / "build" / f"{WAREHOUSE_NAME}.duckdb"

    @property
    def served_db(self) -> Path:
        """The published file analysts and BI tools open read-only (public interface)."""
        return self.warehouse / f"{WAREHOUSE_NAME}.duckdb"

    @property
    def spark_warehouse(self) -> Path:
        """The spark target's tables (one folder per schema) and metastore (profiles.yml)."""
        return self.warehouse / "spark"

    @property
    def runs(self) -> Path:
        return self.root / "runs"
