"""Personio XML feed bodies (PROVIDERS.md section 8).

``GET https://{company}.jobs.personio.de/xml?language=en`` returns ``<workzag-jobs><position>...``.
Descriptions are CDATA HTML with leading and trailing whitespace, optional elements come and go and
their order differs between accounts, ``createdAt`` carries the account's offset (with or without a
colon: ``+0200``), ``salaryInformation`` is optional and its ``max`` may be empty, and ``schedule`` can be
``full-or-part-time``. An empty board is ``<workzag-jobs></workzag-jobs>``. Personio reports no total.

``render_posting`` returns a position in the JSON form landing converts it to (providers/personio.py),
and ``render_body`` writes that form as XML, so the two round-trip exactly.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any
from xml.sax.saxutils import escape

from postings.sample import content as c
from postings.sample.base import FAULT_EMPTY, FAULT_TRUNCATED, ProviderSpec, Stated, StatedPay
from postings.sample.model import Board, Job, Placement, pay_sentence
from postings.sample.parts import stated_employment, stated_job, text_pay
from postings.sample.style import fraction, pick

NAME = "personio"
_CDATA_INDENT = "\n" + " " * 32
_EMPLOYMENT = {
    "full_time": ("permanent", "full-time"),
    "part_time": ("permanent", "part-time"),
    "contract": ("freelance", "full-time"),
    "intern": ("intern", "full-time"),
    "temporary": ("permanent", "full-time"),
}
_RECRUITING_CATEGORY = {"permanent": "Permanent Employee", "freelance": "Freelancer", "intern": "Intern"}
_SENIORITY = {
    "intern": ("student", "lt-1"),
    "junior": ("entry-level", "1-2"),
    "mid": ("experienced", "2-5"),
    "senior": ("experienced", "5-7"),
    "staff": ("experienced", "7-10"),
    "principal": ("executive", "10-15"),
    "lead": ("experienced", "5-7"),
    "leader": ("executive", "10-15"),
}
_OCCUPATION = {
    "engineering": ("software_and_web_development", "it_software"),
    "data": ("data_science", "it_software"),
    "design": ("graphic_and_web_design", "design_and_architecture"),
    "sales": ("sales_representative", "sales_and_business_development"),
    "marketing": ("marketing_production_and_traffic", "marketing_and_product"),
}
_PERIODS = {"year": "yearly", "month": "monthly", "hour": "hourly"}
# Element orders seen across accounts (optional elements are skipped where absent).
_ORDERS = (
    (
        "id", "subcompany", "office", "additionalOffices", "department", "recruitingCategory", "name",
        "jobDescriptions", "employmentType", "seniority", "schedule", "yearsOfExperience", "keywords",
        "occupation", "occupationCategory", "createdAt", "salaryInformation",
    ),
    (
        "id", "name", "office", "additionalOffices", "subcompany", "department", "createdAt",
        "recruitingCategory", "employmentType", "schedule", "seniority", "yearsOfExperience",
        "salaryInformation", "keywords", "occupation", "occupationCategory", "jobDescriptions",
    ),
)  # fmt: skip


def fetch_url(board: str) -> str:
    domain = pick(("de", "com"), NAME, board, "domain")
    return f"https://{board}.jobs.personio.{domain}/xml?language=en"


def new_key(rng: random.Random, board: Board) -> str:
    return str(rng.randint(1_000_000, 2_999_999))


def offices(board: Board, placement: Placement) -> list[str]:
    """Office names, primary first: ``Berlin``, ``Remote``; some accounts write ``Berlin (Hybrid)``."""
    if placement.workplace == "remote":
        return ["Remote"]
    hybrid = placement.workplace == "hybrid" and fraction(NAME, board.token, "hybrid-office") < 0.5
    return [c.CITIES[key].name + (" (Hybrid)" if hybrid else "") for key in placement.cities]


def _created_at(board: Board, moment: datetime) -> str:
    zone = timezone(timedelta(minutes=board.utc_offset_minutes))
    text = moment.astimezone(zone).replace(microsecond=0).isoformat()
    if fraction(NAME, board.token, "offset-colon") < 0.5:
        text = text[:-3] + text[-2:]  # +02:00 -> +0200
    return text


def _cdata_text(markup: str) -> str:
    """CDATA content as Personio sends it: the HTML between a run of whitespace and a newline."""
    return f"{_CDATA_INDENT}{markup}\n"


def _bullets(board: Board, items: Sequence[str]) -> str:
    if fraction(NAME, board.token, "bullets") < 0.5:
        return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
    return "".join(f"<br>•    {item}" for item in items)


def _sections(board: Board, job: Job) -> list[tuple[str, str]]:
    """(name, HTML) per jobDescription."""
    s = board.style.section_style
    mission = "<br>".join(job.paragraphs) + f"<br><strong>{c.SECTION_DUTIES[s]}</strong>"
    mission += _bullets(board, job.duties)
    why = board.intro
    sentence = pay_sentence(job)
    if sentence is not None:
        why += f"<br><br><strong>{c.SECTION_PAY[s]}</strong><br>{sentence}"
    why += f"<br>{board.outro}"
    return [
        ("Your mission", mission),
        ("Your profile", _bullets(board, job.requirements)),
        ("Why us?", why),
    ]


def description_text(board: Board, job: Job) -> str:
    words: list[str] = []
    for name, markup in _sections(board, job):
        words += [name, markup]
    return " ".join(words)


def _salary(board: Board, job: Job) -> dict[str, str] | None:
    pay = job.pay
    if pay is None or not (job.structured_pay or fraction(NAME, board.token, job.key, "salary") < 0.6):
        return None
    without_max = pay.low == pay.high or fraction(NAME, board.token, job.key, "no-max") < 0.3
    return {
        "min": f"{pay.low:.2f}",
        "max": "" if without_max else f"{pay.high:.2f}",
        "currencySymbol": c.CURRENCY_SYMBOL[pay.currency],
        "currencyCode": pay.currency,
        "type": _PERIODS[pay.period],
    }


def _schedule(board: Board, job: Job) -> str:
    _kind, schedule = _EMPLOYMENT[job.employment]
    if schedule == "part-time" and fraction(NAME, board.token, "either") < 0.5:
        return "full-or-part-time"
    return schedule


def render_posting(board: Board, job: Job) -> dict[str, Any]:
    """One position in the JSON form landing converts it to (element order = key order)."""
    kind, _schedule_default = _EMPLOYMENT[job.employment]
    seniority, years = _SENIORITY[job.seniority]
    occupation, category = _OCCUPATION.get(job.function, ("other", "other"))
    where = offices(board, job.placement)
    elements: dict[str, Any] = {
        "id": job.key,
        "office": where[0],
        "department": job.department,
        "name": job.title,
        "jobDescriptions": {
            "jobDescription": [{"name": n, "value": _cdata_text(v)} for n, v in _sections(board, job)]
        },
        "employmentType": kind,
        "seniority": seniority,
        "schedule": _schedule(board, job),
        "occupation": occupation,
        "occupationCategory": category,
        "createdAt": _created_at(board, job.posted_at),
    }
    if len(where) > 1:
        elements["additionalOffices"] = {"office": where[1:]}
    if fraction(NAME, board.token, "subcompany") < 0.6:
        elements["subcompany"] = pick((f"{board.company} GmbH", f"{board.company} Ltd."), NAME, board.token)
    if fraction(NAME, board.token, job.key, "category") < 0.7:
        elements["recruitingCategory"] = _RECRUITING_CATEGORY[kind]
    if fraction(NAME, board.token, "years") < 0.7:
        elements["yearsOfExperience"] = years
    if fraction(NAME, board.token, job.key, "keywords") < 0.5:
        elements["keywords"] = f"{job.team} ,{c.FUNCTIONS_BY_KEY[job.function].department}"
    salary = _salary(board, job)
    if salary is not None:
        elements["salaryInformation"] = salary
    order = pick(_ORDERS, NAME, board.token, "order")
    return {key: elements[key] for key in order if key in elements}


def _xml(name: str, value: Any, depth: int) -> list[str]:
    pad = "\t" * depth
    if isinstance(value, list):
        return [line for item in value for line in _xml(name, item, depth)]
    if isinstance(value, dict):
        inner = [line for key, item in value.items() for line in _xml(key, item, depth + 1)]
        return [f"{pad}<{name}>", *inner, f"{pad}</{name}>"]
    if name == "value":
        return [f"{pad}<value><![CDATA[{value}]]></value>"]
    return [f"{pad}<{name}>{escape(value)}</{name}>"]


def render_body(postings: Sequence[Mapping[str, Any]], reported_total: int) -> bytes:
    """The feed: positions as XML (blank lines between elements, as Personio writes them)."""
    if not postings:
        return b'<?xml version="1.0" encoding="UTF-8"?>\n<workzag-jobs></workzag-jobs>\n'
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "", "<workzag-jobs>"]
    for posting in postings:
        lines += ["", *_xml("position", dict(posting), 1)]
    lines += ["", "</workzag-jobs>", ""]
    return "\n".join(lines).encode()


def _employment_field(board: Board, job: Job) -> str:
    """``employmentType`` and ``schedule`` in the warehouse's vocabulary. The feed has no temporary
    type (fixed-term jobs are posted as permanent), and ``full-or-part-time`` is open to full-time
    work: both read as full_time."""
    kind, _default = _EMPLOYMENT[job.employment]
    if kind == "intern":
        return "internship"
    if kind == "freelance":
        return "contract"
    return "part_time" if _schedule(board, job) == "part-time" else "full_time"


def stated(board: Board, job: Job) -> Stated:
    """The office names: ``Remote`` (no country) and, on some accounts, ``Berlin (Hybrid)``; the
    employment type and schedule; ``salaryInformation`` when present (an empty ``max``: a minimum
    only), else the description's pay."""
    placement = job.placement
    marked = placement.workplace == "remote" or "(Hybrid)" in offices(board, placement)[0]
    salary = _salary(board, job)
    pay = text_pay(job)
    if salary is not None:
        period = {name: period for period, name in _PERIODS.items()}[salary["type"]]
        high = float(salary["max"]) if salary["max"] else None
        pay = StatedPay(float(salary["min"]), high, salary["currencyCode"], period, "structured")
    return stated_job(
        job,
        workplace=placement.workplace if marked else None,
        employment=stated_employment(job, _employment_field(board, job)),
        pay=pay,
        language="en",
        remote_country=False,
    )


def content_fields(board: Board, job: Job) -> dict[str, Any]:
    kind, _default = _EMPLOYMENT[job.employment]
    where = offices(board, job.placement)
    return {
        "title": job.title.strip(),
        "location": where[0],  # staged location_text: the primary office (what reposts match on)
        "department": job.department,
        "offices": where,
        "employment_type": kind,
        "schedule": _schedule(board, job),
        "description": description_text(board, job),
        "salary": _salary(board, job),
    }


SPEC = ProviderSpec(
    name=NAME,
    ext=".xml",
    fetch_url=fetch_url,
    new_key=new_key,
    render_posting=render_posting,
    render_body=render_body,
    content_fields=content_fields,
    body_faults=(FAULT_EMPTY, FAULT_TRUNCATED),
    reports_total=False,
    stated=stated,
)
