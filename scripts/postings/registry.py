"""The ATS providers this project knows, in one place.

The board registry (``seeds/job_boards.csv``), the fetcher's request plans and the seed's dbt tests all
check provider names against ``PROVIDERS``. Landing can only read the providers that have an adapter
(``postings.providers.ADAPTERS``, always a subset of these); a raw folder of any other provider lands
as a parse error naming the registered ones.
"""

from __future__ import annotations

# Lowercase, as in raw folder names (``provider=<name>``) and the ``provider`` columns of the warehouse.
PROVIDERS: tuple[str, ...] = (
    "greenhouse",
    "lever",
    "ashby",
    "workable",
    "smartrecruiters",
    "recruitee",
    "workday",
    "personio",
    "bamboohr",
    "breezy",
)


def is_known_provider(name: str) -> bool:
    return name in PROVIDERS


def unknown_provider_reason(name: str) -> str:
    """The one-line reason for an unknown provider name."""
    return f"unknown provider {name!r} (known: {', '.join(PROVIDERS)})"
