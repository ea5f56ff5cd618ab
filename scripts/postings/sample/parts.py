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
from postings.sample.base import Stated, StatedPay
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


# --- what a posting states (the truth enrichment is measured against: base.Stated) ---------------

# The generator's employment values in the warehouse's vocabulary.
EMPLOYMENT_TYPES = {
    "full_time": "full_time",
    "part_time": "part_time",
    "contract": "contract",
    "temporary": "temporary",
    "intern": "internship",
}
# Least to most specific (the precedence of seeds/employment_types.csv): the most specific one named wins.
EMPLOYMENT_PRECEDENCE = ("full_time", "part_time", "contract", "temporary", "internship")
# Title specializations that name an employment type (title keywords of seeds/employment_types.csv).
TITLE_EMPLOYMENT_WORDS = {"Seasonal": "temporary", "Per Diem": "temporary"}


def title_employment(job: Job) -> str | None:
    """The employment type a job's title names: ``... Intern``, ``Forklift Operator, Seasonal``."""
    if job.seniority == "intern":
        return "internship"
    return TITLE_EMPLOYMENT_WORDS.get(job.specialization or "")


def stated_employment(job: Job, field: str | None) -> str | None:
    """The most specific of the type the posting's employment field states (warehouse vocabulary,
    None when it has none) and the type its title names."""
    named = [kind for kind in (field, title_employment(job)) if kind is not None]
    return max(named, key=EMPLOYMENT_PRECEDENCE.index) if named else None


def text_pay(job: Job) -> StatedPay | None:
    """The pay the description's pay sentence states (``pay_sentence``), None without one."""
    pay = job.pay
    if pay is None:
        return None
    wording = c.pay_wording(pay.low, pay.high, pay.currency, pay.period, pay.style)
    return StatedPay(wording.low, wording.high, pay.currency, wording.period, "parsed_text")


def stated_job(
    job: Job,
    *,
    workplace: str | None,
    employment: str | None,
    pay: StatedPay | None,
    language: str | None,
    every_location: bool = True,
    remote_country: bool = True,
) -> Stated:
    """What a job's posting states, given its work model, employment type, pay and language: the
    posting names the job's primary city (a remote job's country when ``remote_country``) and, when
    ``every_location``, its other cities too."""
    placement = job.placement
    if placement.workplace == "remote":
        country = (placement.remote_country or "US") if remote_country else None
        countries = frozenset({country}) if country is not None else frozenset()
        return Stated(workplace, employment, country, None, countries, pay, language)
    primary = placement.cities[0]
    keys = placement.cities if every_location else (primary,)
    countries = frozenset(c.CITIES[key].country for key in keys)
    return Stated(workplace, employment, c.CITIES[primary].country, primary, countries, pay, language)
