"""Provider name -> its request plan (``fetch(ctx) -> FetchResult``). One module per provider."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from postings.fetch import (
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
from postings.fetch.base import BoardFetch, FetchResult

Plan = Callable[[BoardFetch], FetchResult]

PLANS: Mapping[str, Plan] = MappingProxyType(
    {
        module.NAME: module.fetch
        for module in (
            greenhouse,
            lever,
            ashby,
            workable,
            smartrecruiters,
            recruitee,
            workday,
            personio,
            bamboohr,
            breezy,
        )
    }
)
