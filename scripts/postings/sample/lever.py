"""Lever Postings API bodies (PROVIDERS.md section 2).

``GET https://api.lever.co/v0/postings/<site>?mode=json`` returns a bare array of postings with a UUID
``id``, ``createdAt`` in epoch milliseconds, HTML and plain-text description parts, ``lists`` of bare
``<li>`` fragments, free-text ``categories`` and an optional structured ``salaryRange``.
"""

from __future__ import annotations

import html
import json
import random
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from postings.sample import content as c
from postings.sample.base import FAULT_EMPTY, FAULT_TRUNCATED, ProviderSpec, Stated, StatedPay
from postings.sample.model import Board, Job, Placement, pay_sentence
from postings.sample.parts import EMPLOYMENT_TYPES, stated_employment, stated_job, text_pay

NAME = "lever"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_INTERVALS = {"year": "per-year-salary", "hour": "per-hour-wage", "month": "per-month-salary"}
NBSP = "\u00a0"


def fetch_url(board: str) -> str:
    return f"https://api.lever.co/v0/postings/{board}?mode=json"


def new_key(rng: random.Random, board: Board) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _city_text(key: str, style: int) -> str:
    city = c.CITIES[key]
    if style == 2 or city.region_code is None:
        return city.name
    if city.country in ("US", "CA"):
        return f"{city.name}, {city.region_code if style == 0 else city.region_name}"
    return f"{city.name}, {city.country_name}"


def locations(board: Board, placement: Placement) -> list[str]:
    """``categories.allLocations``; the first is ``categories.location``."""
    if placement.workplace == "remote":
        country = placement.remote_country or "US"
        forms = (f"Remote - {country}", "Remote", f"Remote, {country}")
        return [forms[placement.style]]
    return [_city_text(k, board.style.lever_region_style) for k in placement.cities]


def _country(placement: Placement) -> str | None:
    if placement.workplace == "remote":
        return None if placement.style == 1 else placement.remote_country
    return c.CITIES[placement.cities[0]].country


def _workplace(board: Board, job: Job) -> str:
    if job.placement.workplace == "onsite" and board.style.lever_unspecified_onsite:
        return "unspecified"
    return c.WORKPLACE_LEVER[job.placement.workplace]


def _h(text: str) -> str:
    return html.escape(text, quote=False)


def _parts(board: Board, job: Job) -> dict[str, Any]:
    """Opening, body, lists and additional parts, as HTML and as plain text."""
    s = board.style.section_style
    about = c.SECTION_ABOUT[s]
    opening = f"<div>{_h(board.intro)}</div>" if board.style.lever_opening else ""
    opening_plain = f"{board.intro}\n" if board.style.lever_opening else ""
    body = f'<div><strong style="font-size: 18px;">{_h(about)}</strong></div>\n<div>&nbsp;</div>\n'
    body += "<div><br></div>".join(f"<div>{_h(p)}</div>" for p in job.paragraphs)
    body_plain = f"{about}\n{NBSP}\n" + "\n\n".join(job.paragraphs) + "\n"
    lists = [
        {"text": title, "content": "\n" + "".join(f"<li>{_h(item)}</li>\n" for item in items)}
        for title, items in ((c.SECTION_DUTIES[s], job.duties), (c.SECTION_REQUIREMENTS[s], job.requirements))
    ]
    sentence = pay_sentence(job)
    additional, additional_plain = "", ""
    if sentence is not None:
        additional = f"<div><strong>{_h(c.SECTION_PAY[s])}</strong></div>\n<div>{_h(sentence)}</div>\n"
        additional += "<div>&nbsp;</div>\n"
        additional_plain = f"{c.SECTION_PAY[s]}\n{sentence}\n{NBSP}\n"
    additional += f"<div>{_h(board.outro)}</div>"
    additional_plain += f"{board.outro}\n"
    return {
        "opening": opening,
        "openingPlain": opening_plain,
        "descriptionBody": body,
        "descriptionBodyPlain": body_plain,
        "description": opening + ("<div><br></div>" if opening else "") + body,
        "descriptionPlain": opening_plain + ("\n" if opening_plain else "") + body_plain,
        "lists": lists,
        "additional": additional,
        "additionalPlain": additional_plain,
    }


def salary_range(job: Job) -> dict[str, Any] | None:
    pay = job.pay
    if pay is None or not job.structured_pay:
        return None
    low, high = (pay.low, pay.high) if pay.period == "hour" else (int(pay.low), int(pay.high))
    return {"currency": pay.currency, "interval": _INTERVALS[pay.period], "min": low, "max": high}


def _categories(board: Board, job: Job) -> dict[str, Any]:
    where = locations(board, job.placement)
    commitment = c.EMPLOYMENT_LEVER[job.employment][board.style.commitment_form]
    categories: dict[str, Any] = {"commitment": commitment}
    if board.style.lever_departments:
        categories["department"] = job.department
    categories.update({"location": where[0], "team": job.team, "allLocations": where})
    return categories


def render_posting(board: Board, job: Job) -> dict[str, Any]:
    parts = _parts(board, job)
    url = f"https://jobs.lever.co/{board.token}/{job.key}"
    posting: dict[str, Any] = {
        "additionalPlain": parts["additionalPlain"],
        "additional": parts["additional"],
        "categories": _categories(board, job),
        "createdAt": (job.posted_at - _EPOCH) // timedelta(milliseconds=1),
        "descriptionPlain": parts["descriptionPlain"],
        "description": parts["description"],
        "id": job.key,
        "lists": parts["lists"],
        "text": job.title,
        "country": _country(job.placement),
        "workplaceType": _workplace(board, job),
        "opening": parts["opening"],
        "openingPlain": parts["openingPlain"],
        "descriptionBody": parts["descriptionBody"],
        "descriptionBodyPlain": parts["descriptionBodyPlain"],
        "hostedUrl": url,
        "applyUrl": f"{url}/apply",
    }
    salary = salary_range(job)
    if salary is not None:
        posting["salaryRange"] = salary
    return posting


def render_body(postings: Sequence[Mapping[str, Any]], reported_total: int) -> bytes:
    return json.dumps(list(postings), ensure_ascii=False).encode()


def description_text(board: Board, job: Job) -> str:
    """description + lists + additional as whitespace-normalized plain text."""
    parts = _parts(board, job)
    pieces = [parts["descriptionPlain"]]
    for entry, items in zip(parts["lists"], (job.duties, job.requirements), strict=True):
        pieces += [entry["text"], *items]
    pieces.append(parts["additionalPlain"])
    return " ".join(" ".join(pieces).split())


def content_fields(board: Board, job: Job) -> dict[str, Any]:
    categories = _categories(board, job)
    return {
        "title": job.title.strip(),
        "department": categories.get("department"),
        "team": categories["team"],
        "location": categories["location"],
        "all_locations": categories["allLocations"],
        "employment_type": categories["commitment"],
        "workplace_type": _workplace(board, job),
        "salary_range": salary_range(job),
        "description": description_text(board, job),
    }


def stated(board: Board, job: Job) -> Stated:
    """``workplaceType`` (``unspecified`` says nothing), the commitment, ``salaryRange`` else the pay
    sentence of ``additional``; a bare ``Remote`` with a null ``country`` names no country."""
    workplace = _workplace(board, job)
    salary = salary_range(job)
    pay = text_pay(job)
    if salary is not None:
        period = {interval: period for period, interval in _INTERVALS.items()}[salary["interval"]]
        pay = StatedPay(salary["min"], salary["max"], salary["currency"], period, "structured")
    return stated_job(
        job,
        workplace=None if workplace == "unspecified" else job.placement.workplace,
        employment=stated_employment(job, EMPLOYMENT_TYPES[job.employment]),
        pay=pay,
        language="en",
        remote_country=_country(job.placement) is not None,
    )


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
