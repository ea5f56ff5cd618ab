"""Workable bodies (PROVIDERS.md section 4): the v1 widget API and the v3 careers-page API.

Boards alternate between the two public surfaces (by their position among the Workable boards):

- **v1 widget** (``.json``): ``GET https://apply.workable.com/api/v1/widget/accounts/<sub>?details=true``
  returns ``{"name", "description", "jobs": [...]}``, the whole board. Jobs have a ``shortcode``,
  date-only ``published_on`` / ``created_at``, ``telecommuting``, the primary location as top-level
  ``country`` / ``state`` (a region *name*) / ``city``, ``locations[]`` on some boards only, and an
  HTML ``description`` whose salary is prose. No total is reported.
- **v3 careers API** (``.jsonl`` exchange log): ``POST https://apply.workable.com/api/v3/accounts/<sub>/jobs``
  answers ``{"total", "results": [...], "nextPage"}`` pages of 10; the next request sends ``nextPage``
  as its ``token``; the last page has no ``nextPage``. Results have ``remote``, ``workplace``,
  ``location{}``, ``locations[]``, an ISO ``published`` at midnight UTC, an optional ``type`` and a
  ``department`` array, and **no description**. The generator writes no per-job detail exchanges for
  v3: the detail endpoint and its shape are unverified (PROVIDERS.md), so v3 postings carry no
  description in the warehouse. A v3 fetch that loses postings (the ``incomplete`` fault) is a later
  page answered 429 (the fetch stops there), or on a one-page board a page listing fewer results than
  its ``total``.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
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
from postings.sample.model import Board, Job, Placement
from postings.sample.parts import (
    COUNTRY_NAMES,
    EMPLOYMENT_TYPES,
    blocks,
    h,
    stable_number,
    stable_uuid,
    stated_employment,
    stated_job,
    text_pay,
)

NAME = "workable"
PAGE_SIZE = 10
EMPLOYMENT_V1 = {
    "full_time": "Full-time",
    "part_time": "Part-time",
    "contract": "Contract",
    "intern": "Internship",
    "temporary": "Temporary",
}
EMPLOYMENT_V3 = {"full_time": "full", "part_time": "part", "contract": "contract", "intern": "internship",
                 "temporary": "temporary"}  # fmt: skip
WORKPLACE_V3 = {"remote": "remote", "hybrid": "hybrid", "onsite": "on_site"}
EXPERIENCE = {
    "intern": "Internship",
    "junior": "Entry level",
    "mid": "Associate",
    "senior": "Mid-Senior level",
    "staff": "Mid-Senior level",
    "principal": "Mid-Senior level",
    "lead": "Mid-Senior level",
    "leader": "Director",
}
INDUSTRY = {
    "software": "Computer Software",
    "health": "Hospital & Health Care",
    "logistics": "Logistics and Supply Chain",
    "hardware": "Machinery",
    "fintech": "Financial Services",
    "energy": "Renewables & Environment",
    "games": "Computer Games",
    "education": "E-Learning",
    "retail": "Retail",
    "travel": "Leisure, Travel & Tourism",
    "media": "Online Media",
}


def surface(board: Board) -> str:
    """``v1`` or ``v3``: boards alternate, the first Workable board is on the v1 widget."""
    return "v3" if board.provider_index % 2 else "v1"


def v1_url(board: str) -> str:
    return f"https://apply.workable.com/api/v1/widget/accounts/{board}?details=true"


def v3_url(board: str) -> str:
    return f"https://apply.workable.com/api/v3/accounts/{board}/jobs"


def new_key(rng: random.Random, board: Board) -> str:
    """Shortcodes look like ``19A136F8E2``: ten upper-case hex digits."""
    return f"{rng.getrandbits(40):010X}"


def _places(placement: Placement) -> list[dict[str, Any]]:
    """Every location of a placement as ``{country, countryCode, city, region}`` (remote: country only)."""
    if placement.workplace == "remote":
        code = placement.remote_country or "US"
        return [{"country": COUNTRY_NAMES[code], "countryCode": code, "city": "", "region": ""}]
    return [
        {
            "country": c.CITIES[key].country_name,
            "countryCode": c.CITIES[key].country,
            "city": c.CITIES[key].name,
            "region": c.CITIES[key].region_name or "",
        }
        for key in placement.cities
    ]


def _description(board: Board, job: Job) -> str:
    out: list[str] = []
    for kind, value in blocks(board, job):
        if kind == "heading":
            out.append(f"<p><strong>{h(value)}</strong></p>")
        elif kind == "list":
            out.append("<ul>" + "".join(f"<li>{h(item)}</li>" for item in value) + "</ul>")
        else:
            out.append(f"<p>{h(value)}&nbsp;</p>")
    return "<p></p>".join(out) if board.style.section_style % 2 else "".join(out)


def _has_type(job: Job) -> bool:
    return job.internal_id % 7 != 0


def render_v1(board: Board, job: Job) -> dict[str, Any]:
    places = _places(job.placement)
    primary = places[0]
    created = job.posted_at
    if job.internal_id % 5 == 0:  # reposted: created long before it was published again
        created -= timedelta(days=30 + job.internal_id % 300)
    url = f"https://apply.workable.com/j/{job.key}"
    posting: dict[str, Any] = {
        "title": job.title + (" " if job.title_pad else ""),
        "shortcode": job.key,
        "code": (job.requisition or "") if board.style.requisition_style == 1 else "",
        "employment_type": EMPLOYMENT_V1[job.employment] if _has_type(job) else "",
        "telecommuting": job.placement.workplace == "remote",
        "department": job.department,
        "url": url,
        "shortlink": url,
        "application_url": f"{url}/apply",
        "published_on": job.posted_at.date().isoformat(),
        "created_at": created.date().isoformat(),
        "country": primary["country"],
        "city": primary["city"],
        "state": primary["region"],
        "education": "Bachelor's Degree" if job.seniority in ("mid", "senior", "staff") else "",
        "experience": EXPERIENCE[job.seniority] if job.internal_id % 3 else "",
        "function": c.FUNCTIONS_BY_KEY[job.function].department if job.internal_id % 4 else "",
        "industry": INDUSTRY[board.industry],
    }
    if board.provider_index % 4 == 0:  # `locations[]` is missing on some boards (Hugging Face)
        posting["locations"] = [{**place, "hidden": False} for place in places]
    posting["description"] = _description(board, job)
    return posting


def render_v3(board: Board, job: Job) -> dict[str, Any]:
    places = _places(job.placement)
    result: dict[str, Any] = {
        "id": job.internal_id,
        "shortcode": job.key,
        "title": job.title + (" " if job.title_pad else ""),
        "remote": job.placement.workplace == "remote",
        "location": places[0],
        "locations": [{**place, "hidden": False} for place in places],
        "state": "published",
        "isInternal": False,
        "code": (job.requisition or "") if board.style.requisition_style == 1 else "",
        "published": job.posted_at.strftime("%Y-%m-%dT00:00:00.000Z"),
    }
    if _has_type(job):
        result["type"] = EMPLOYMENT_V3[job.employment]
    result.update(
        {
            "language": "en",
            "department": [job.department],
            "accountUid": stable_uuid(board.token, "account"),
            "approvalStatus": "approved",
            "workplace": WORKPLACE_V3[job.placement.workplace],
        }
    )
    return result


def render_v1_body(board: Board) -> Callable[[Sequence[Mapping[str, Any]], int], bytes]:
    description = None if board.provider_index % 4 == 2 else board.intro

    def render_body(postings: Sequence[Mapping[str, Any]], reported_total: int) -> bytes:
        document = {"name": board.company, "description": description, "jobs": list(postings)}
        return json.dumps(document, ensure_ascii=False).encode()

    return render_body


def _page(results: Sequence[Mapping[str, Any]], total: int, token: str | None) -> dict[str, Any]:
    page: dict[str, Any] = {"total": total, "results": list(results)}
    if token is not None:
        page["nextPage"] = token
    return page


def render_v3_fetch(
    board: Board, jobs: Sequence[Job], fetched_at: datetime, fault: str | None, rng: random.Random
) -> RenderedFetch:
    """The v3 pages of one fetch (each request sends the previous page's ``nextPage`` as its token).

    ``incomplete``: a later page is answered 429 and paging stops there (the sidecar says
    ``complete: false``), or a lone page lists fewer results than its ``total``. ``truncated``: the log
    is cut inside a line.
    """
    url = v3_url(board.token)
    shown_jobs = [] if fault == FAULT_EMPTY else list(jobs)
    results = [render_v3(board, job) for job in shown_jobs]
    total = len(results)
    starts = list(range(0, total, PAGE_SIZE)) or [0]
    delivered = total
    failing = None
    if fault == FAULT_INCOMPLETE and len(starts) > 1:
        failing = rng.randint(1, len(starts) - 1)
        delivered = starts[failing]
    elif fault == FAULT_INCOMPLETE:
        delivered = rng.randint(max(1, total * 3 // 10), max(1, total - 1))
    lines: list[str] = []
    for number, start in enumerate(starts):
        if number == failing:
            lines.append(exchange_line(url, "POST", 429, {"error": "Too many requests"}))
            break
        last = number == len(starts) - 1
        token = None if last else f"{stable_number(board.token, 'page', start + PAGE_SIZE):x}"
        page = _page(results[start : min(start + PAGE_SIZE, delivered)], total, token)
        lines.append(exchange_line(url, "POST", 200, page))
    if fault == FAULT_TRUNCATED:
        return RenderedFetch(cut_log(lines, rng), len(lines), (), total, ok=False)
    shown = tuple(job.key for job in shown_jobs[:delivered])
    error = None if failing is None else f"page {failing + 1} failed: HTTP 429"
    return RenderedFetch(join_log(lines), len(lines), shown, total, complete=failing is None, error=error)


def _text(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _place_text(place: Mapping[str, Any]) -> str | None:
    parts = [_text(place.get(k)) for k in ("city", "region", "country")]
    return ", ".join(p for p in parts if p) or None


def content_fields_v1(board: Board, job: Job) -> dict[str, Any]:
    posting = render_v1(board, job)
    primary = {"city": posting["city"], "region": posting["state"], "country": posting["country"]}
    return {
        "title": _text(posting["title"]),
        "department": _text(posting["department"]),
        "location": _place_text(primary),
        "locations": [_place_text(p) for p in posting.get("locations", [primary])],
        "employment_type": _text(posting["employment_type"]),
        "workplace_type": "remote" if posting["telecommuting"] else None,
        "description": posting["description"],
    }


def content_fields_v3(board: Board, job: Job) -> dict[str, Any]:
    result = render_v3(board, job)
    return {
        "title": _text(result["title"]),
        "department": _text(result["department"][0]),
        "location": _place_text(result["location"]),
        "locations": [_place_text(p) for p in result["locations"]],
        "employment_type": result.get("type"),
        "workplace_type": result["workplace"],
    }


def stated_v1(board: Board, job: Job) -> Stated:
    """v1: ``telecommuting`` says remote (and nothing else), ``employment_type`` when not empty, every
    location only on boards with ``locations[]`` (else the top-level primary one), pay in the
    description."""
    field = EMPLOYMENT_TYPES[job.employment] if _has_type(job) else None
    return stated_job(
        job,
        workplace="remote" if job.placement.workplace == "remote" else None,
        employment=stated_employment(job, field),
        pay=text_pay(job),
        language="en",
        every_location="locations" in render_v1(board, job),
    )


def stated_v3(board: Board, job: Job) -> Stated:
    """v3: ``workplace``, ``type`` when present, every location, the ``language`` code; no description,
    so no pay."""
    field = EMPLOYMENT_TYPES[job.employment] if _has_type(job) else None
    return stated_job(
        job,
        workplace=job.placement.workplace,
        employment=stated_employment(job, field),
        pay=None,
        language="en",
    )


def _board_needed(postings: Sequence[Mapping[str, Any]], reported_total: int) -> bytes:
    raise NotImplementedError("Workable bodies depend on the board: use SPEC.for_board(board)")


SPEC_V1 = ProviderSpec(
    name=NAME,
    ext=".json",
    fetch_url=v1_url,
    new_key=new_key,
    render_posting=render_v1,
    render_body=_board_needed,  # replaced per board: the envelope names the account
    content_fields=content_fields_v1,
    body_faults=(FAULT_EMPTY, FAULT_TRUNCATED),
    reports_total=False,
    stated=stated_v1,
)
SPEC_V3 = ProviderSpec(
    name=NAME,
    ext=".jsonl",
    fetch_url=v3_url,
    new_key=new_key,
    render_posting=render_v3,
    render_body=_board_needed,  # unused: every v3 fetch is rendered by render_fetch
    content_fields=content_fields_v3,
    body_faults=(FAULT_EMPTY, FAULT_TRUNCATED, FAULT_INCOMPLETE),
    reports_total=True,
    render_fetch=render_v3_fetch,
    stated=stated_v3,
)


def for_board(board: Board) -> ProviderSpec:
    if surface(board) == "v3":
        return SPEC_V3
    return replace(SPEC_V1, render_body=render_v1_body(board))


SPEC = replace(SPEC_V1, body_faults=SPEC_V3.body_faults, variant=for_board)
