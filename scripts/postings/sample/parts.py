"""Small pure helpers shared by the simulated providers: stable ids, timestamps, description parts.

Only what several provider modules need; anything provider-specific stays in the provider's module.
"""

from __future__ import annotations

import hashlib
import html
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from postings.sample import content as c
from postings.sample.model import Board, Job, pay_sentence


def h(text: str) -> str:
    """Text as HTML (``<``, ``>``, ``&`` escaped; quotes kept)."""
    return html.escape(text, quote=False)


def stable_number(*parts: object) -> int:
    """A large non-negative integer derived from ``parts`` (same parts, same number, every run)."""
    digest = hashlib.sha1(":".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big")


def stable_hex(*parts: object, length: int = 24) -> str:
    """Lowercase hex digits derived from ``parts`` (ids like ``56c253c2e4b0cabf01d19d37``)."""
    return hashlib.sha1(":".join(str(p) for p in parts).encode()).hexdigest()[:length]


def stable_uuid(*parts: object) -> str:
    """A version-4-shaped UUID derived from ``parts``."""
    digest = hashlib.sha1(":".join(str(p) for p in parts).encode()).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


def iso_ms(moment: datetime, suffix: str = "Z") -> str:
    """``2026-05-13T20:28:09.574Z`` (or ``+00:00`` as the suffix): UTC, milliseconds."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}{suffix}"


def blocks(board: Board, job: Job) -> Iterator[tuple[str, Any]]:
    """The description as (kind, value) blocks: intro, headings, paragraphs, lists, pay, outro."""
    s = board.style.section_style
    yield "p", board.intro
    yield "heading", c.SECTION_ABOUT[s]
    for paragraph in job.paragraphs:
        yield "p", paragraph
    yield "heading", c.SECTION_DUTIES[s]
    yield "list", job.duties
    yield "heading", c.SECTION_REQUIREMENTS[s]
    yield "list", job.requirements
    sentence = pay_sentence(job)
    if sentence is not None:
        yield "heading", c.SECTION_PAY[s]
        yield "p", sentence
    yield "p", board.outro


def city_text(key: str, style: int) -> str:
    """A city as boards write it: ``Austin, TX``, ``London, United Kingdom`` or just ``Berlin``."""
    city = c.CITIES[key]
    if style == 0 and city.country in ("US", "CA"):
        return f"{city.name}, {city.region_code}"
    if style == 1:
        return f"{city.name}, {city.country_name}"
    return city.name


COUNTRY_NAMES = {
    "US": "United States",
    "CA": "Canada",
    "GB": "United Kingdom",
    "DE": "Germany",
    "IE": "Ireland",
}


def amount_text(amount: float) -> str:
    """A pay amount as a string without a needless fraction: ``3750``, ``17.5``, ``34.62``."""
    return str(int(amount)) if float(amount).is_integer() else f"{amount:.2f}".rstrip("0").rstrip(".")
