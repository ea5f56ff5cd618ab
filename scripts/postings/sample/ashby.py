"""Ashby Posting API bodies (PROVIDERS.md section 3).

``GET https://api.ashbyhq.com/posting-api/job-board/<board>?includeCompensation=true`` returns
``{"apiVersion": "1", "jobs": [...]}`` (``apiVersion`` first, last or missing depending on the board),
the whole board at once. Jobs carry a UUID ``id``, ``workplaceType`` (``isRemote`` is true for hybrid
jobs too), a free-text ``location`` with a schema.org ``address``, ``secondaryLocations`` (some without
an address), ``publishedAt`` in ISO with milliseconds and ``+00:00``, HTML and plain descriptions, and
``compensation`` with tiers and ``summaryComponents`` (empty compensation: null summaries, empty
arrays). A few jobs are unlisted (``isListed: false``): the API shows them, landing drops them.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from postings.sample import content as c
from postings.sample.base import FAULT_EMPTY, FAULT_TRUNCATED, ProviderSpec, Stated, StatedPay
from postings.sample.model import Board, Job, Pay, Placement
from postings.sample.parts import (
    COUNTRY_NAMES,
    EMPLOYMENT_TYPES,
    blocks,
    city_text,
    h,
    iso_ms,
    stable_uuid,
    stated_employment,
    stated_job,
)

NAME = "ashby"
EMPLOYMENT = {
    "full_time": "FullTime",
    "part_time": "PartTime",
    "intern": "Intern",
    "contract": "Contract",
    "temporary": "Temporary",
}
WORKPLACE = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "OnSite"}
INTERVALS = {"year": "1 YEAR", "month": "1 MONTH", "hour": "1 HOUR"}
UNLISTED_EVERY = 23  # one job in about this many is unlisted
_P = '<p style="min-height:1.5em">'


def fetch_url(board: str) -> str:
    return f"https://api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true"


def new_key(rng: random.Random, board: Board) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def listed(board: Board, job: Job) -> bool:
    return job.internal_id % UNLISTED_EVERY != 0


# --- locations ----------------------------------------------------------------------------------


def _postal(key: str) -> dict[str, Any]:
    city = c.CITIES[key]
    address: dict[str, Any] = {}
    if city.region_name:
        address["addressRegion"] = city.region_name
    address["addressCountry"] = city.country_name
    address["addressLocality"] = city.name
    return {"postalAddress": address}


def _primary(board: Board, placement: Placement) -> tuple[str, dict[str, Any]]:
    """``location`` and ``address`` of a placement: ``New York, NY (HQ)``, ``Remote (US)``, ``Europe``."""
    if placement.workplace == "remote":
        code = placement.remote_country or "US"
        country = COUNTRY_NAMES[code]
        text = (
            f"Remote ({code})",
            f"Remote - {country}",
            "North America" if code in ("US", "CA") else "Europe",
        )
        return text[placement.style], {"postalAddress": {"addressCountry": country}}
    key = placement.cities[0]
    text = city_text(key, placement.style)
    if key == board.hq and placement.style == 0:
        text += " (HQ)"
    return text, _postal(key)


def _secondary(job: Job) -> list[dict[str, Any]]:
    with_address = job.internal_id % 3 != 0
    out = []
    for key in job.placement.cities[1:]:
        entry: dict[str, Any] = {"location": city_text(key, job.placement.style)}
        if with_address:
            entry["address"] = _postal(key)
        out.append(entry)
    return out


# --- compensation -------------------------------------------------------------------------------


def _money(amount: float, currency: str, period: str) -> str:
    symbol = c.CURRENCY_SYMBOL[currency]
    if period == "hour":
        return f"{symbol}{amount:,.2f}"
    thousands = amount / 1000
    return f"{symbol}{thousands:.0f}K" if thousands.is_integer() else f"{symbol}{thousands:.1f}K"


def _range(low: float, high: float, pay: Pay, dash: str) -> str:
    suffix = {"hour": " per hour", "month": " per month", "year": ""}[pay.period]
    if low == high:
        return _money(low, pay.currency, pay.period) + suffix
    return f"{_money(low, pay.currency, pay.period)} {dash} {_money(high, pay.currency, pay.period)}{suffix}"


def _salary(board: Board, job: Job, name: str, low: float, high: float, pay: Pay) -> dict[str, Any]:
    return {
        "id": stable_uuid(board.token, job.key, "component", name),
        "summary": _range(low, high, pay, "\u2013"),
        "compensationType": "Salary",
        "interval": INTERVALS[pay.period],
        "currencyCode": pay.currency,
        "minValue": low,
        "maxValue": high,
    }


def _equity(board: Board, job: Job, name: str) -> dict[str, Any]:
    return {
        "id": stable_uuid(board.token, job.key, "equity", name),
        "summary": "Offers Equity",
        "compensationType": "EquityPercentage",
        "interval": "NONE",
        "currencyCode": None,
        "minValue": None,
        "maxValue": None,
    }


def compensation(board: Board, job: Job) -> dict[str, Any]:
    """``compensation``: one tier, or two zones for multi-city yearly pay; empty when no pay is stated."""
    pay = job.pay
    if pay is None:
        return {
            "compensationTierSummary": None,
            "scrapeableCompensationSalarySummary": None,
            "compensationTiers": [],
            "summaryComponents": [],
        }
    equity = pay.period == "year" and job.seniority != "intern" and job.internal_id % 2 == 0
    if pay.period == "year" and len(job.placement.cities) > 1:
        zones = [
            ("Zone A", pay.low, pay.high),
            ("Zone B", round(pay.low * 0.9, -3), round(pay.high * 0.9, -3)),
        ]
    else:
        zones = [(None, pay.low, pay.high)]
    tiers = []
    for title, low, high in zones:
        components = [_salary(board, job, title or "only", low, high, pay)]
        if equity:
            components.append(_equity(board, job, title or "only"))
        summary = " • ".join(component["summary"] for component in components)
        tiers.append(
            {
                "id": stable_uuid(board.token, job.key, "tier", title or "only"),
                "tierSummary": summary,
                "title": title,
                "additionalInformation": None,
                "components": components,
            }
        )
    low, high = min(z[1] for z in zones), max(z[2] for z in zones)
    overall = _salary(board, job, "summary", low, high, pay)
    summary_components = [{k: v for k, v in overall.items() if k not in ("id", "summary")}]
    tier_summary = overall["summary"]
    if equity:
        summary_components.append(
            {k: v for k, v in _equity(board, job, "summary").items() if k not in ("id", "summary")}
        )
        tier_summary += " • Offers Equity"
    return {
        "compensationTierSummary": tier_summary,
        "scrapeableCompensationSalarySummary": _range(low, high, pay, "-"),
        "compensationTiers": tiers,
        "summaryComponents": summary_components,
    }


# --- description --------------------------------------------------------------------------------


def _description(board: Board, job: Job) -> tuple[str, str]:
    """``descriptionHtml`` (paragraphs with Ashby's inline style) and ``descriptionPlain``."""
    markup: list[str] = []
    plain: list[str] = []
    for kind, value in blocks(board, job):
        if kind == "heading":
            markup.append(f"{_P}<strong>{h(value)}</strong></p>")
            plain.append(value)
        elif kind == "list":
            items = "".join(f"<li>{_P}{h(item)}</p></li>" for item in value)
            markup.append(f'<ul style="min-height:1.5em">{items}</ul>')
            plain.append("\n".join(f"• {item}" for item in value))
        else:
            markup.append(f"{_P}{h(value)}</p>")
            plain.append(value)
    return "".join(markup), "\n\n".join(plain)


# --- postings -----------------------------------------------------------------------------------


def render_posting(board: Board, job: Job) -> dict[str, Any]:
    location, address = _primary(board, job.placement)
    description_html, description_plain = _description(board, job)
    comp = compensation(board, job)
    url = f"https://jobs.ashbyhq.com/{board.token}/{job.key}"
    return {
        "id": job.key,
        "title": job.title + (" " if job.title_pad else ""),
        "department": job.department,
        "team": job.team,
        "employmentType": EMPLOYMENT[job.employment],
        "location": location,
        "shouldDisplayCompensationOnJobPostings": comp["compensationTierSummary"] is not None,
        "secondaryLocations": _secondary(job),
        "publishedAt": iso_ms(job.posted_at, "+00:00"),
        "isListed": listed(board, job),
        "isRemote": job.placement.workplace in ("remote", "hybrid"),
        "workplaceType": WORKPLACE[job.placement.workplace],
        "address": address,
        "jobUrl": url,
        "applyUrl": f"{url}/application",
        "descriptionHtml": description_html,
        "descriptionPlain": description_plain,
        "compensation": comp,
    }


def _body(order: str) -> Callable[[Sequence[Mapping[str, Any]], int], bytes]:
    """The board body with ``apiVersion`` first, last or missing (both occur in recorded responses)."""

    def render_body(postings: Sequence[Mapping[str, Any]], reported_total: int) -> bytes:
        jobs = list(postings)
        if order == "first":
            document: dict[str, Any] = {"apiVersion": "1", "jobs": jobs}
        elif order == "last":
            document = {"jobs": jobs, "apiVersion": "1"}
        else:
            document = {"jobs": jobs}
        return json.dumps(document, ensure_ascii=False).encode()

    return render_body


def _text(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def content_fields(board: Board, job: Job) -> dict[str, Any]:
    """What staging reads into the content hash: titles and places trimmed, the Salary summary."""
    posting = render_posting(board, job)
    comp = posting["compensation"]
    salary = next((s for s in comp["summaryComponents"] if s["compensationType"] == "Salary"), None)
    return {
        "title": _text(posting["title"]),
        "department": _text(posting["department"]),
        "team": _text(posting["team"]),
        "location": _text(posting["location"]),
        "secondary": [_text(entry["location"]) for entry in posting["secondaryLocations"]],
        "employment_type": posting["employmentType"],
        "workplace_type": posting["workplaceType"],
        "description": posting["descriptionHtml"],
        "salary": salary,
        "salary_text": comp["compensationTierSummary"],
    }


def stated(board: Board, job: Job) -> Stated:
    """``workplaceType``, ``employmentType``, every location (a remote job's country in its address),
    and the Salary summary component: the range over all tiers (``Zone B`` may start lower than the
    pay sentence's range, which is ``Zone A``'s)."""
    salary = next(
        (s for s in compensation(board, job)["summaryComponents"] if s["compensationType"] == "Salary"), None
    )
    pay = None
    if salary is not None:
        period = {interval: period for period, interval in INTERVALS.items()}[salary["interval"]]
        pay = StatedPay(salary["minValue"], salary["maxValue"], salary["currencyCode"], period, "structured")
    return stated_job(
        job,
        workplace=job.placement.workplace,
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
    render_body=_body("first"),
    content_fields=content_fields,
    body_faults=(FAULT_EMPTY, FAULT_TRUNCATED),
    reports_total=False,
    listed=listed,
    stated=stated,
)
# Where `apiVersion` sits, by the board's position among the Ashby boards: first, last, missing.
_ORDERS = tuple(replace(SPEC, render_body=_body(order)) for order in ("first", "last", "missing"))
SPEC = replace(SPEC, variant=lambda board: _ORDERS[board.provider_index % len(_ORDERS)])
