"""Provider landing adapters, one module per ATS, registered by provider folder name.

Adding a provider: write ``providers/<name>.py`` (an ``extract`` and a ``job_key`` function, see
``base.ProviderAdapter``) and add its ``ADAPTER`` below. ``ensure_layout`` then creates its zero-row
``landing/payloads/provider=<name>/part-empty.parquet``.
"""

from __future__ import annotations

from postings.providers import (
    ashby,
    bamboohr,
    breezy,
    greenhouse,
    lever,
    personio,
    recruitee,
    smartrecruiters,
    workable,
    workday,
)
from postings.providers.base import Exchange, Extraction, PayloadError, Posting, ProviderAdapter

ADAPTERS: dict[str, ProviderAdapter] = {
    adapter.name: adapter
    for adapter in (
        greenhouse.ADAPTER,
        lever.ADAPTER,
        ashby.ADAPTER,
        workable.ADAPTER,
        smartrecruiters.ADAPTER,
        recruitee.ADAPTER,
        workday.ADAPTER,
        personio.ADAPTER,
        bamboohr.ADAPTER,
        breezy.ADAPTER,
    )
}

__all__ = ["ADAPTERS", "Exchange", "Extraction", "PayloadError", "Posting", "ProviderAdapter"]
