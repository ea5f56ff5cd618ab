"""Provider name -> its simulated provider. Adding a provider is one module plus one entry here."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from postings.sample import (
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
from postings.sample.base import ProviderSpec

PROVIDERS: Mapping[str, ProviderSpec] = MappingProxyType(
    {
        greenhouse.NAME: greenhouse.SPEC,
        lever.NAME: lever.SPEC,
        ashby.NAME: ashby.SPEC,
        workable.NAME: workable.SPEC,
        smartrecruiters.NAME: smartrecruiters.SPEC,
        recruitee.NAME: recruitee.SPEC,
        workday.NAME: workday.SPEC,
        personio.NAME: personio.SPEC,
        bamboohr.NAME: bamboohr.SPEC,
        breezy.NAME: breezy.SPEC,
    }
)


def provider_spec(name: str) -> ProviderSpec:
    try:
        return PROVIDERS[name]
    except KeyError:
        known = ", ".join(sorted(PROVIDERS))
        raise ValueError(f"the sample generator has no provider {name!r} (known: {known})") from None
