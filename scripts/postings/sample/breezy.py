"""Breezy HR public JSON bodies (PROVIDERS.md section 9).

``GET https://{sub}.breezy.hr/json`` returns a bare array: hex ``id``, ``friendly_id``, ``name``, ``url``,
``published_date`` (ISO, ms, Z), ``type`` {id, name}, the primary ``location`` {country, state, city,
is_remote, name}, ``locations[]`` (every location when the company enabled several, otherwise often
empty), ``department``, a free-text ``salary`` with an en dash ("$0.05 – $0.06 / hour") and ``company``.
No description, no total.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Mapping, Sequence
from typing import Any

from postings.raw import iso_utc
from postings.sample import content as c
from postings.sample.base import FAULT_EMPTY, FAULT_TRUNCATED, ProviderSpec, Stated, StatedPay
from postings.sample.model import Board, Job
from postings.sample.parts import EMPLOYMENT_TYPES, stated_employment, stated_job
from postings.sample.style import fraction, hex_id, pick

NAME = "breezy"
_TYPES = {
    "full_time": ("fullTime", "Full-Time"),
    "part_time": ("partTime", "Part-Time"),
    "contract": ("contract", "Contract"),
    "intern": ("internship", "Internship"),
    "temporary": ("temporary", "Temporary"),
}
_PERIODS = {"year": "year", "month": "month", "hour": "hour"}
_SHORT_PERIODS = {"year": "yr", "month": "mo", "hour": "hr"}
_COUNTRY_NAMES = {city.country: city.country_name for city in c.CITIES.values()}


def fetch_url(board: str) -> str:
    return f"https://{board}.breezy.hr/json"


def new_key(rng: random.Random, board: Board) -> str:
    return f"{rng.getrandbits(48):012x}"


def _multiple_locations(board: Board) -> bool:
    return fraction(NAME, board.token, "multiple-locations") < 0.5


def _location(board: Board, job: Job, key: str | None) -> dict[str, Any]:
    """One location object; ``key`` None is the remote location of the job's remote country."""
    if key is None:
        country = job.placement.remote_country or "US"
        name = _COUNTRY_NAMES[country]
        return {"country": {"name": name, "id": country}, "is_remote": True, "name": f"Remote ({name})"}
    city = c.CITIES[key]
    location: dict[str, Any] = {"country": {"name": city.country_name, "id": city.country}}
    if city.region_code is not None:
        location["state"] = {"id": city.region_code, "name": city.region_name}
    short = city.region_code if city.country in ("US", "CA") else city.country_name
    location.update({"city": city.name, "is_remote": False, "name": f"{city.name}, {short}"})
    return location


def _locations(board: Board, job: Job) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    keys: list[str | None] = list(job.placement.cities) or [None]
    primary = {**_location(board, job, keys[0]), "primary": True}
    if _multiple_locations(board):
        listed = [
            {**_location(board, job, key), "primary": index == 0, "id": hex_id(12, NAME, board.token, key)}
            for index, key in enumerate(keys)
        ]
    elif fraction(NAME, board.token, job.key, "listed") < 0.5:
        listed = [{**primary, "id": hex_id(12, NAME, board.token, keys[0])}]
    else:
        listed = []
    return primary, listed


def salary_text(board: Board, job: Job) -> str | None:
    """``$120,000 – $150,000 / year``, ``€34.50 / hour``: en dash, amounts as the company typed them."""
    pay = job.pay
    if pay is None or fraction(NAME, board.token, job.key, "salary") >= 0.7:
        return None
    symbol = c.CURRENCY_SYMBOL[pay.currency]
    hourly = pay.period == "hour"
    low, high = c.money(pay.low, hourly), c.money(pay.high, hourly)
    amount = f"{symbol}{low}" if pay.low == pay.high else f"{symbol}{low} – {symbol}{high}"
    period = pick((_PERIODS, _SHORT_PERIODS), NAME, board.token, "period")[pay.period]
    return f"{amount} / {period}"


def stated(board: Board, job: Job) -> Stated:
    """``location.is_remote`` (true only for remote jobs), ``type``, the primary location (every one on
    boards with several enabled), the ``salary`` string when the job has one; no description: no other
    pay and no language."""
    pay = job.pay
    stated_pay = None
    if pay is not None and salary_text(board, job) is not None:
        stated_pay = StatedPay(pay.low, pay.high, pay.currency, pay.period, "parsed_text")
    return stated_job(
        job,
        workplace="remote" if job.placement.workplace == "remote" else None,
        employment=stated_employment(job, EMPLOYMENT_TYPES[job.employment]),
        pay=stated_pay,
        language=None,
        every_location=_multiple_locations(board),
    )


def _friendly_id(job: Job) -> str:
    return f"{job.key}-{re.sub(r'[^a-z0-9]+', '-', job.title.lower()).strip('-')}"


def render_posting(board: Board, job: Job) -> dict[str, Any]:
    primary, listed = _locations(board, job)
    type_id, type_name = _TYPES[job.employment]
    friendly = _friendly_id(job)
    posting: dict[str, Any] = {
        "id": job.key,
        "friendly_id": friendly,
        "name": job.title + (" " if job.title_pad else ""),
        "url": f"https://{board.token}.breezy.hr/p/{friendly}",
        "published_date": iso_utc(job.posted_at),
        "type": {"id": type_id, "name": type_name},
        "location": primary,
        "department": job.department,
    }
    salary = salary_text(board, job)
    if salary is not None:
        posting["salary"] = salary
    posting["company"] = {
        "name": board.company,
        "logo_url": None,
        "friendly_id": board.token,
        "isMultipleLocationsEnabled": _multiple_locations(board),
    }
    posting["locations"] = listed
    return posting


def render_body(postings: Sequence[Mapping[str, Any]], reported_total: int) -> bytes:
    return json.dumps(list(postings), ensure_ascii=False, indent=1).encode()


def content_fields(board: Board, job: Job) -> dict[str, Any]:
    primary, listed = _locations(board, job)
    return {
        "title": job.title.strip(),
        "department": job.department,
        "location": primary["name"],
        "locations": [item["name"] for item in listed] or [primary["name"]],
        "employment_type": _TYPES[job.employment][1],
        "is_remote": primary["is_remote"],
        "salary": salary_text(board, job),
    }


SPEC = ProviderSpec(
    name=NAME,
    ext=".json",
    fetch_url=fetch_url,
    new_key=new_key,
    render_posting=render_posting,
    render_body=render_body,
    content_fields=content_fields,
    body_faults=(FAULT_EMPTY, FAULT_TRUNCATED),
    reports_total=False,
    stated=stated,
)
