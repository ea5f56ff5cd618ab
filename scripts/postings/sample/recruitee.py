"""Recruitee Careers Site API bodies (PROVIDERS.md section 6).

``GET https://<company>.recruitee.com/api/offers/`` returns ``{"offers": [...]}``, the whole board.
Offers have an integer ``id``, ``guid`` and ``slug``, ``"YYYY-MM-DD HH:MM:SS UTC"`` timestamps (not
ISO; ``updated_at`` moves without a content change), a display ``location`` plus structured primary
fields and ``locations[]``, ``remote`` / ``hybrid`` / ``on_site`` booleans (all three false on some
offers), ``salary`` with **string** amounts (every key null when no salary is set), and the job text
split into ``description`` and ``requirements`` HTML. No total is reported.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from postings.sample import content as c
from postings.sample.base import FAULT_EMPTY, FAULT_TRUNCATED, ProviderSpec, Stated, StatedPay
from postings.sample.model import Board, Job
from postings.sample.parts import (
    COUNTRY_NAMES,
    EMPLOYMENT_TYPES,
    amount_text,
    blocks,
    h,
    stable_number,
    stated_employment,
    stated_job,
    text_pay,
)

NAME = "recruitee"
EMPLOYMENT = {
    "full_time": "fulltime_permanent",
    "part_time": "parttime_permanent",
    "contract": "freelance",
    "intern": "internship",
    "temporary": "fulltime_fixed_term",
}
EXPERIENCE = {
    "intern": "student_college",
    "junior": "entry_level",
    "mid": "mid_level",
    "senior": "experienced",
    "staff": "experienced",
    "principal": "experienced",
    "lead": "experienced",
    "leader": "senior_manager",
}
CATEGORY = {
    "engineering": "it",
    "data": "it",
    "security": "it",
    "product": "product_management",
    "sales": "sales",
    "marketing": "marketing",
    "customer_success": "customer_service",
    "finance": "finance",
    "people": "human_resources",
    "operations": "administrative",
    "warehouse": "warehouse",
    "clinical": "healthcare",
}
HOURS = {"full_time": (40, 40), "part_time": (16, 32), "contract": (20, 40), "intern": (32, 40),
         "temporary": (40, 40)}  # fmt: skip


def fetch_url(board: str) -> str:
    return f"https://{board}.recruitee.com/api/offers/"


def new_key(rng: random.Random, board: Board) -> str:
    return str(rng.randint(1_000_000, 2_999_999))


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def _slug(job: Job) -> str:
    """Slugs come from the title the offer was created with and stay when the title changes."""
    base = re.sub(r"[^a-z0-9]+", "-", job.role.lower()).strip("-")
    return base if job.internal_id % 3 else f"{base}-{job.internal_id % 7 + 2}"


def _guid(job: Job) -> str:
    number = stable_number("recruitee-guid", job.key)
    return "".join("abcdefghijklmnopqrstuvwxyz"[(number >> (5 * i)) % 26] for i in range(5))


def _locations(board: Board, job: Job) -> list[dict[str, Any]]:
    placement = job.placement
    if placement.workplace == "remote":
        code = placement.remote_country or "US"
        country = COUNTRY_NAMES[code]
        places = [(f"Remote ({country})", None, None, None, country, code)]
    else:
        places = []
        for key in placement.cities:
            city = c.CITIES[key]
            name = f"{city.name} office" if placement.style == 0 else city.name
            places.append(
                (name, city.name, city.region_name, city.region_code, city.country_name, city.country)
            )
    return [
        {
            "id": stable_number(board.token, "location", name) % 900_000 + 100_000,
            "name": name,
            "city": city,
            "state": state,
            "state_code": state_code,
            "country": country,
            "country_code": code,
            "postal_code": None,
            "street": None,
            "note": None,
            "translations": {"en": {"name": name}},
        }
        for name, city, state, state_code, country, code in places
    ]


def _display(primary: Mapping[str, Any]) -> str:
    """``Utrecht, Utrecht, Netherlands``: city, state and country that are known."""
    parts = [primary["city"], primary["state"], primary["country"]]
    return ", ".join(p for p in parts if p)


def _salary(job: Job) -> dict[str, Any]:
    pay = job.pay
    if pay is None or job.internal_id % 4 == 0:
        return {"min": None, "max": None, "period": None, "currency": None}
    return {
        "min": amount_text(pay.low),
        "max": amount_text(pay.high),
        "period": pay.period,
        "currency": pay.currency,
    }


def _flags_stated(job: Job) -> bool:
    """Some offers leave all three workplace flags false."""
    return job.internal_id % 9 != 0


def _texts(board: Board, job: Job) -> tuple[str, str]:
    """``description`` (everything but the requirements) and ``requirements`` HTML."""
    description: list[str] = []
    requirements: list[str] = []
    target = description
    for kind, value in blocks(board, job):
        if kind == "heading":
            target = requirements if value in c.SECTION_REQUIREMENTS else description
            target.append(f"<h3>{h(value)}</h3>")
        elif kind == "list":
            target.append("<ul>" + "".join(f"<li>{h(item)}</li>" for item in value) + "</ul>")
            target = description
        else:
            description.append(f"<p>{h(value)}</p>")
    return "".join(description), "".join(requirements)


def render_posting(board: Board, job: Job) -> dict[str, Any]:
    locations = _locations(board, job)
    primary = locations[0]
    workplace = job.placement.workplace
    stated = _flags_stated(job)
    description, requirements = _texts(board, job)
    slug = _slug(job)
    guid = _guid(job)
    low_hours, high_hours = HOURS[job.employment]
    title = job.title + (" " if job.title_pad else "")
    careers = f"https://{board.token}.recruitee.com/o/{slug}"
    return {
        "id": int(job.key),
        "guid": guid,
        "slug": slug,
        "title": title,
        "sharing_title": title,
        "company_name": board.company,
        "department": job.department,
        "location": _display(primary) if workplace != "remote" else primary["country"],
        "city": primary["city"],
        "state_name": primary["state"],
        "state_code": primary["state_code"],
        "country": primary["country"],
        "country_code": primary["country_code"],
        "postal_code": None,
        "locations": locations,
        "remote": stated and workplace == "remote",
        "hybrid": stated and workplace == "hybrid",
        "on_site": stated and workplace == "onsite",
        "employment_type_code": EMPLOYMENT[job.employment],
        "experience_code": EXPERIENCE[job.seniority],
        "education_code": "bachelor_degree" if job.seniority in ("mid", "senior", "staff") else "unspecified",
        "category_code": CATEGORY[job.function],
        "min_hours": low_hours,
        "max_hours": high_hours,
        "min_hours_per_week": str(low_hours),
        "max_hours_per_week": str(high_hours),
        "salary": _salary(job),
        "created_at": _stamp(job.posted_at - timedelta(days=job.internal_id % 5, hours=job.internal_id % 7)),
        "published_at": _stamp(job.posted_at),
        "updated_at": _stamp(job.updated_at),
        "close_at": None,
        "status": "published",
        "description": description,
        "requirements": requirements,
        "highlight": "",
        "sharing_description": job.paragraphs[0],
        "careers_url": careers,
        "careers_apply_url": f"{careers}/c/new",
        "mailbox_email": f"job.{guid}@{board.token}.recruitee.com",
        "tags": [job.team],
        "dynamic_fields": [],
        "open_questions": [],
        "translations": {"en": {"title": title, "description": description, "requirements": requirements}},
        "options_cv": "required",
        "options_cover_letter": "optional",
        "options_phone": "optional",
        "options_photo": "off",
    }


def render_body(postings: Sequence[Mapping[str, Any]], reported_total: int) -> bytes:
    return json.dumps({"offers": list(postings)}, ensure_ascii=False).encode()


def _text(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def content_fields(board: Board, job: Job) -> dict[str, Any]:
    """What staging reads into the content hash (``updated_at`` is volatile and left out)."""
    offer = render_posting(board, job)
    flags = [name for name in ("remote", "hybrid", "on_site") if offer[name]]
    salary = offer["salary"]
    return {
        "title": _text(offer["title"]),
        "department": _text(offer["department"]),
        "location": _text(offer["location"]),
        "locations": [_text(place["name"]) for place in offer["locations"]],
        "employment_type": offer["employment_type_code"],
        "workplace_type": ", ".join(flags) or None,
        "description": [offer["description"], offer["requirements"]],
        "salary": [None if salary[k] is None else float(salary[k]) for k in ("min", "max")]
        + [salary["period"], salary["currency"]],
    }


def stated(board: Board, job: Job) -> Stated:
    """The workplace flags (without them, a remote offer's location is still named "Remote (...)"),
    ``employment_type_code``, every location, ``salary`` when set (else the description's pay)."""
    placement = job.placement
    flagged = _flags_stated(job) or placement.workplace == "remote"
    salary = _salary(job)
    pay = text_pay(job)
    if salary["min"] is not None:
        pay = StatedPay(
            float(salary["min"]), float(salary["max"]), salary["currency"], salary["period"], "structured"
        )
    return stated_job(
        job,
        workplace=placement.workplace if flagged else None,
        employment=stated_employment(job, EMPLOYMENT_TYPES[job.employment]),
        pay=pay,
        language="en",
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
