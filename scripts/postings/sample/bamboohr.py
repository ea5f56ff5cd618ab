"""BambooHR careers widget list bodies (PROVIDERS.md section 9).

``GET https://{sub}.bamboohr.com/careers/list`` returns ``{"meta": {"totalCount": N}, "result": [...]}``:
numeric-string ids, department and employment status labels, one location in ``location`` {city
(often untrimmed), state} or in ``atsLocation`` {country, state, province, city} (the other all null),
a nullable ``isRemote`` and an opaque ``locationType`` code. No description, date or URL.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping, Sequence
from typing import Any

from postings.sample import content as c
from postings.sample.base import FAULT_EMPTY, FAULT_INCOMPLETE, FAULT_TRUNCATED, ProviderSpec, Stated
from postings.sample.model import Board, Job
from postings.sample.parts import EMPLOYMENT_TYPES, stated_employment, stated_job
from postings.sample.style import fraction, hex_id, pick

NAME = "bamboohr"
_STATUS = {
    "full_time": ("Full-Time", "Full-time"),
    "part_time": ("Part-Time", "Part-time"),
    "contract": ("Contractor", "Contract"),
    "intern": ("Intern", "Internship"),
    "temporary": ("Temporary", "Temporary"),
}
_LOCATION_TYPE = {"onsite": "0", "remote": "1", "hybrid": "2"}


def fetch_url(board: str) -> str:
    return f"https://{board}.bamboohr.com/careers/list"


def new_key(rng: random.Random, board: Board) -> str:
    """Job opening ids count up per company: small numeric strings."""
    return str(rng.randint(1, 999))


def _uses_ats_location(board: Board) -> bool:
    return fraction(NAME, board.token, "ats-location") < 0.5


def department_label(board: Board, job: Job) -> str:
    """``Engineering`` or, at companies that code their departments, ``ENG001 - Engineering``."""
    if fraction(NAME, board.token, "coded-departments") < 0.4:
        return f"{job.department[:3].upper()}001 - {job.department}"
    return job.department


def place(board: Board, job: Job) -> tuple[str | None, str | None, str | None]:
    """(city, region, country) as the board states them; all None for remote openings."""
    if job.placement.workplace == "remote":
        return None, None, None
    city = c.CITIES[job.placement.cities[0]]
    if _uses_ats_location(board):
        return city.name, city.region_name, city.country_name
    return city.name, city.region_name, None


def _remote(board: Board, job: Job) -> bool | None:
    if job.placement.workplace == "remote":
        return True
    return False if fraction(NAME, board.token, "remote-false") < 0.5 else None


def render_posting(board: Board, job: Job) -> dict[str, Any]:
    city, region, country = place(board, job)
    padded = city + " " if city is not None and fraction(NAME, board.token, job.key, "pad") < 0.3 else city
    empty_location = {"city": None, "state": None}
    empty_ats = {"country": None, "state": None, "province": None, "city": None}
    if _uses_ats_location(board):
        location = empty_location
        is_us = country == "United States"
        ats = {
            "country": country,
            "state": region if is_us else None,
            "province": None if is_us else region,
            "city": padded,
        }
        if city is None:
            ats = empty_ats
    else:
        location, ats = {"city": padded, "state": region}, empty_ats
    return {
        "id": job.key,
        "jobOpeningName": job.title + (" " if job.title_pad else ""),
        "departmentId": str(int(hex_id(6, NAME, board.token, job.department), 16) % 90000 + 10000),
        "departmentLabel": department_label(board, job),
        "employmentStatusLabel": pick(_STATUS[job.employment], NAME, board.token, "status"),
        "employmentType": None,
        "location": location,
        "atsLocation": ats,
        "isRemote": _remote(board, job),
        "locationType": _LOCATION_TYPE[job.placement.workplace],
    }


def stated(board: Board, job: Job) -> Stated:
    """``isRemote`` true (``locationType`` is an undocumented code), ``employmentStatusLabel``, the one
    location (none for a remote job); no description: no pay and no language."""
    return stated_job(
        job,
        workplace="remote" if job.placement.workplace == "remote" else None,
        employment=stated_employment(job, EMPLOYMENT_TYPES[job.employment]),
        pay=None,
        language=None,
        every_location=False,
        remote_country=False,
    )


def render_body(postings: Sequence[Mapping[str, Any]], reported_total: int) -> bytes:
    document = {"meta": {"totalCount": reported_total}, "result": list(postings)}
    return json.dumps(document, ensure_ascii=False, indent=4).encode()


def content_fields(board: Board, job: Job) -> dict[str, Any]:
    where = place(board, job)
    return {
        "title": job.title.strip(),
        # staged location_text: city, region, country as stated (what reposts match on)
        "location": ", ".join(part for part in where if part) or None,
        "department": department_label(board, job),
        "place": where,
        "employment_type": pick(_STATUS[job.employment], NAME, board.token, "status"),
        "is_remote": _remote(board, job) is True,
    }


SPEC = ProviderSpec(
    name=NAME,
    ext=".json",
    fetch_url=fetch_url,
    new_key=new_key,
    render_posting=render_posting,
    render_body=render_body,
    content_fields=content_fields,
    body_faults=(FAULT_EMPTY, FAULT_TRUNCATED, FAULT_INCOMPLETE),
    reports_total=True,
    stated=stated,
)
