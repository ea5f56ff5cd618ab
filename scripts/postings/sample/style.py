"""Deterministic per-board and per-job quirks for the simulated providers.

A provider module needs its own variations (which tenants report a total on the first page only,
which postings omit an optional element, ...). Drawing them from the world's RNG streams would shift
every other board's draws, so they are hashed from stable names instead: the same board and job always
get the same quirk, independent of the seed's other draws and of the other providers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def fraction(*parts: object) -> float:
    """A number in [0, 1) fixed by ``parts`` (e.g. provider, board token, purpose)."""
    digest = hashlib.sha256(":".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def pick(options: Sequence[T], *parts: object) -> T:
    """One of ``options``, fixed by ``parts``."""
    return options[int(fraction(*parts) * len(options))]


def hex_id(length: int, *parts: object) -> str:
    """A lowercase hex id of ``length`` characters, fixed by ``parts``."""
    return hashlib.sha256(":".join(str(p) for p in parts).encode()).hexdigest()[:length]
