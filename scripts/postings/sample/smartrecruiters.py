"""SmartRecruiters Posting API fetches (PROVIDERS.md section 5), as ``.jsonl`` exchange logs.

One fetch is every list page ``GET https://api.smartrecruiters.com/v1/companies/<id>/postings?limit=100&offset=N``
(``{offset, limit, totalFound, content: [...]}``) followed by one detail call ``GET .../postings/<id>`` per
posting (``jobAd.sections.*.text`` HTML with ``&#xa0;``, ``postingUrl``, ``applyUrl``). List rows carry
a numeric-string ``id``, ``releasedDate`` in ISO ms ``Z``, a ``location`` object (lower-case country
code, ``remote`` / ``hybrid`` booleans, ``fullLocation``), ``typeOfEmployment``, ``customField[]`` and
``ref`` (the detail URL); ``department.id`` is a string in the list and a number in the detail.

A rendered posting is what landing assembles: the list row with the detail response under ``_detail``
(docs/contracts.md section 2). Every second SmartRecruiters board is a large company whose list needs
two pages. A fetch that loses postings (the ``incomplete`` fault) has some detail calls answered 500 or
429: landing leaves those postings out and marks the fetch incomplete, and the sidecar says
``complete: false``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from postings.sample import content as c
from postings.sample.base import (
    FAULT_EMPTY,
    FAULT_INCOMPLETE,
    FAULT_TRUNCATED,
    ProviderSpec,
    RenderedFetch,
    Stated,
    cut_log,
    exchange_line,
    join_log,
)
from postings.sample.model import Board, Job
from postings.sample.parts import (
    COUNTRY_NAMES,
    EMPLOYMENT_TYPES,
    blocks,
    h,
    iso_ms,
    stable_hex,
    stable_number,
    stable_uuid,
    stated_employment,
    stated_job,
    text_pay,
)

NAME = "smartrecruiters"
PAGE_LIMIT = 100
LARGE_BOARD_JOBS = PAGE_LIMIT + 20
API = "https://api.smartrecruiters.com/v1/companies"
EMPLOYMENT = {
    "full_time": ("permanent", "Full-time"),
    "part_time": ("part_time", "Part-time"),
    "contract": ("contract", "Contract"),
    "intern": ("intern", "Intern"),
    "temporary": ("temporary", "Temporary"),
}
EXPERIENCE = {
    "intern": ("internship", "Internship"),
    "junior": ("entry_level", "Entry Level"),
    "mid": ("associate", "Associate"),
    "senior": ("mid_senior_level", "Mid-Senior Level"),
    "staff": ("mid_senior_level", "Mid-Senior Level"),
    "principal": ("mid_senior_level", "Mid-Senior Level"),
    "lead": ("mid_senior_level", "Mid-Senior Level"),
    "leader": ("director", "Director"),
}
CONTRACT = {
    "full_time": "Permanent",
    "part_time": "Permanent",
    "contract": "Freelance",
    "intern": "Internship",
    "temporary": "Fixed-term",
}
FLEXIBILITY = {"onsite": "Office-based", "hybrid": "Hybrid", "remote": "Remote"}
# Approximate coordinates, sent as strings like the real API does.
COORDINATES = {
    "nyc": ("40.7127753", "-74.0059728"),
    "sf": ("37.7749295", "-122.4194155"),
    "austin": ("30.267153", "-97.7430608"),
    "seattle": ("47.6061389", "-122.3328481"),
    "chicago": ("41.8781136", "-87.6297982"),
    "boston": ("42.3600825", "-71.0588801"),
    "denver": ("39.7392358", "-104.990251"),
    "atlanta": ("33.748752", "-84.38768449999999"),
    "la": ("34.0549076", "-118.242643"),
    "dc": ("38.9071923", "-77.0368707"),
    "miami": ("25.7616798", "-80.1917902"),
    "raleigh": ("35.7795897", "-78.6381787"),
    "toronto": ("43.6532260", "-79.3831843"),
    "vancouver": ("49.2827291", "-123.1207375"),
    "montreal": ("45.5018869", "-73.56739189999999"),
    "london": ("51.5072178", "-0.1275862"),
    "manchester": ("53.4807593", "-2.2426305"),
    "edinburgh": ("55.953252", "-3.188267"),
    "dublin": ("53.3498053", "-6.2603097"),
    "berlin": ("52.52000659999999", "13.404954"),
    "amsterdam": ("52.3675734", "4.9041389"),
    "paris": ("48.8575475", "2.3513765"),
    "madrid": ("40.4167754", "-3.7037902"),
    "stockholm": ("59.3293235", "18.0685808"),
    "sydney": ("-33.8688197", "151.2092955"),
    "singapore": ("1.352083", "103.819836"),
    "bangalore": ("12.9715987", "77.5945627"),
}


def company_id(board: Board) -> str:
    """The company identifier in API and job URLs (the board token, as in the boards registry)."""
    return board.token


def fetch_url(board: str) -> str:
    return f"{API}/{board}/postings?limit={PAGE_LIMIT}&offset=0"


def new_key(rng: random.Random, board: Board) -> str:
    """Posting ids are numeric strings like ``744000151912444``."""
    return str(744_000_000_000_000 + rng.randrange(10**9))


def board_jobs(board: Board, jobs_per_board: int) -> int:
    """Every second SmartRecruiters board is large: its list needs two pages of 100."""
    return max(jobs_per_board, LARGE_BOARD_JOBS) if board.provider_index % 2 else jobs_per_board


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _location(job: Job) -> dict[str, Any]:
    """The one ``location`` a posting has: its first city, or the country of a remote job."""
    placement = job.placement
    if placement.workplace == "remote":
        code = placement.remote_country or "US"
        return {
            "city": None,
            "region": None,
            "country": code.lower(),
            "remote": True,
            "hybrid": False,
            "fullLocation": COUNTRY_NAMES[code],
        }
    key = placement.cities[0]
    city = c.CITIES[key]
    latitude, longitude = COORDINATES[key]
    return {
        "city": city.name,
        "region": city.region_code or "",
        "country": city.country.lower(),
        "remote": False,
        "hybrid": placement.workplace == "hybrid",
        "latitude": latitude,
        "longitude": longitude,
        # the API leaves an empty region between the commas ("Dubai, , United Arab Emirates")
        "fullLocation": f"{city.name}, {city.region_code or ''}, {city.country_name}",
    }


def _custom_fields(board: Board, job: Job, location: Mapping[str, Any]) -> list[dict[str, Any]]:
    if board.provider_index % 4 == 2:
        return []
    fields = [
        ("Brands", board.company),
        ("Work flexibility", FLEXIBILITY[job.placement.workplace]),
        ("Contract", CONTRACT[job.employment]),
    ]
    out = [
        {
            "fieldId": stable_hex(board.token, "field", label),
            "fieldLabel": label,
            "valueId": stable_uuid(board.token, label, value),
            "valueLabel": value,
        }
        for label, value in fields
    ]
    country = location["country"].upper()
    names = {**{city.country: city.country_name for city in c.CITIES.values()}, **COUNTRY_NAMES}
    out.append(
        {
            "fieldId": "COUNTRY",
            "fieldLabel": "Country/Region",
            "valueId": location["country"],
            "valueLabel": names[country],
        }
    )
    return out


def _section(title: str, parts: list[str]) -> dict[str, str]:
    return {"title": title, "text": "".join(parts)}


def _sections(board: Board, job: Job) -> dict[str, dict[str, str]]:
    """``jobAd.sections``: company, job description (with duties), qualifications, additional info."""
    groups: dict[str, list[str]] = {"company": [], "job": [], "qualifications": [], "additional": []}
    where = "company"
    items = list(blocks(board, job))
    for index, (kind, value) in enumerate(items):
        if index == len(items) - 1:
            where = "additional"
        if kind == "heading":
            if value in c.SECTION_REQUIREMENTS:
                where = "qualifications"
                continue
            if value in c.SECTION_PAY:
                where = "additional"
            elif where == "company":
                where = "job"
                continue
            groups[where].append(f"<p><strong>{h(value)}</strong></p>")
        elif kind == "list":
            groups[where].append("<ul>" + "".join(f"<li>{h(item)}</li>" for item in value) + "</ul>")
        else:
            groups[where].append(f"<p>{h(value)}&#xa0;</p>")
    return {
        "companyDescription": _section("Company Description", groups["company"]),
        "jobDescription": _section("Job Description", groups["job"]),
        "qualifications": _section("Qualifications", groups["qualifications"]),
        "additionalInformation": _section("Additional Information", groups["additional"]),
    }


def render_posting(board: Board, job: Job) -> dict[str, Any]:
    """The list row, with the detail response under ``_detail`` (the shape landing assembles)."""
    company = company_id(board)
    location = _location(job)
    department_id = 13_000_000 + stable_number(board.token, "department", job.function) % 1_000_000
    employment_id, employment_label = EMPLOYMENT[job.employment]
    experience_id, experience_label = EXPERIENCE[job.seniority]
    title = job.title + (" " if job.title_pad else "")
    row: dict[str, Any] = {
        "id": job.key,
        "name": title,
        "uuid": stable_uuid(board.token, job.key, "uuid"),
        "jobAdId": stable_uuid(board.token, job.key, "ad"),
        "defaultJobAd": True,
        "refNumber": f"REF{job.internal_id % 100_000:05d}{'ABCDEFGHJK'[job.internal_id % 10]}",
        "company": {"identifier": company, "name": board.company},
        "releasedDate": iso_ms(job.posted_at),
        "location": location,
        "industry": {"id": board.industry, "label": board.industry.title()},
        "department": {"id": str(department_id), "label": job.department},
        "function": {"id": job.function, "label": c.FUNCTIONS_BY_KEY[job.function].department},
        "typeOfEmployment": {"id": employment_id, "label": employment_label},
        "experienceLevel": {"id": experience_id, "label": experience_label},
        "customField": _custom_fields(board, job, location),
        "visibility": "PUBLIC",
        "ref": f"{API}/{company}/postings/{job.key}",
        "language": {"code": "en", "label": "English", "labelNative": "English (US)"},
    }
    posting_url = f"https://jobs.smartrecruiters.com/{company}/{job.key}-{_slug(job.title)}"
    detail = {k: v for k, v in row.items() if k != "ref"}
    detail["department"] = {"id": department_id, "label": job.department}
    detail.update(
        {
            "jobId": stable_uuid(board.token, job.key, "job"),
            "postingUrl": posting_url,
            "applyUrl": f"{posting_url}?oga=true",
            "referralUrl": f"{posting_url}?trid={stable_uuid(board.token, 'referral')}",
            "active": True,
            "jobAd": {"sections": _sections(board, job)},
        }
    )
    return {**row, "_detail": detail}


def _lines(company: str, postings: Sequence[Mapping[str, Any]], failing: Mapping[int, int]) -> list[str]:
    """List pages of 100, then one detail call per posting; ``failing``: posting index -> the HTTP
    status its detail call gets instead of 200."""
    lines = []
    for offset in range(0, max(len(postings), 1), PAGE_LIMIT):
        chunk = postings[offset : offset + PAGE_LIMIT]
        rows = [{k: v for k, v in posting.items() if k != "_detail"} for posting in chunk]
        page = {"offset": offset, "limit": PAGE_LIMIT, "totalFound": len(postings), "content": rows}
        url = f"{API}/{company}/postings?limit={PAGE_LIMIT}&offset={offset}"
        lines.append(exchange_line(url, "GET", 200, page))
    for index, posting in enumerate(postings):
        url = f"{API}/{company}/postings/{posting['id']}"
        status = failing.get(index)
        if status is None:
            lines.append(exchange_line(url, "GET", 200, posting["_detail"]))
        else:
            message = "Internal Server Error" if status == 500 else "Too Many Requests"
            lines.append(exchange_line(url, "GET", status, {"code": "ERROR", "message": message}))
    return lines


def render_fetch(
    board: Board, jobs: Sequence[Job], fetched_at: datetime, fault: str | None, rng: random.Random
) -> RenderedFetch:
    """The exchange log of one fetch.

    ``incomplete``: some detail calls are answered 500 or 429; landing leaves those postings out and
    marks the fetch incomplete, and so does the sidecar. ``truncated``: the log is cut inside a line.
    """
    postings = [] if fault == FAULT_EMPTY else [render_posting(board, job) for job in jobs]
    failing: dict[int, int] = {}
    if fault == FAULT_INCOMPLETE and postings:
        picked = rng.sample(range(len(postings)), k=rng.randint(1, max(1, len(postings) // 8)))
        failing = {index: 500 if index % 2 else 429 for index in sorted(picked)}
    lines = _lines(company_id(board), postings, failing)
    total = len(postings)
    if fault == FAULT_TRUNCATED:
        return RenderedFetch(cut_log(lines, rng), len(lines), (), total, ok=False)
    shown = tuple(posting["id"] for index, posting in enumerate(postings) if index not in failing)
    error = None
    if failing:
        codes = ", ".join(f"HTTP {status}" for status in sorted(set(failing.values())))
        error = f"{len(failing)} of {total} detail requests failed ({codes})"
    return RenderedFetch(join_log(lines), len(lines), shown, total, complete=not failing, error=error)


def render_body(postings: Sequence[Mapping[str, Any]], reported_total: int) -> bytes:
    """Rendered postings as a fault-free exchange log of a board ``example`` (the generator uses
    ``render_fetch``)."""
    return join_log(_lines("example", postings, {}))


def _text(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _workplace_value(board: Board, job: Job) -> str | None:
    """The workplace as staged: the flag that is true, else the 'Work flexibility' custom field."""
    placement = job.placement
    if placement.workplace in ("remote", "hybrid"):
        return placement.workplace
    fields = _custom_fields(board, job, _location(job))
    return next((f["valueLabel"] for f in fields if f["fieldLabel"] == "Work flexibility"), None)


def stated(board: Board, job: Job) -> Stated:
    """The ``remote`` / ``hybrid`` flags, else the 'Work flexibility' custom field (on boards that have
    custom fields); the one location; ``typeOfEmployment``; pay in the job ad; the ``language`` code."""
    return stated_job(
        job,
        workplace=job.placement.workplace if _workplace_value(board, job) is not None else None,
        employment=stated_employment(job, EMPLOYMENT_TYPES[job.employment]),
        pay=text_pay(job),
        language="en",
        every_location=False,
    )


def content_fields(board: Board, job: Job) -> dict[str, Any]:
    """What staging reads into the content hash."""
    posting = render_posting(board, job)
    location = posting["location"]
    workplace = _workplace_value(board, job)
    return {
        "title": _text(posting["name"]),
        "department": _text(posting["department"]["label"]),
        "location": _text(location["fullLocation"]),
        "employment_type": posting["typeOfEmployment"]["label"],
        "workplace_type": workplace,
        "description": posting["_detail"]["jobAd"]["sections"],
    }


SPEC = ProviderSpec(
    name=NAME,
    ext=".jsonl",
    fetch_url=fetch_url,
    new_key=new_key,
    render_posting=render_posting,
    render_body=render_body,
    content_fields=content_fields,
    body_faults=(FAULT_EMPTY, FAULT_TRUNCATED, FAULT_INCOMPLETE),
    reports_total=True,
    render_fetch=render_fetch,
    board_jobs=board_jobs,
    stated=stated,
)
