"""Greenhouse Job Board API bodies (PROVIDERS.md section 1).

``GET https://boards-api.greenhouse.io/v1/boards/<token>/jobs?content=true`` returns
``{"jobs": [...], "meta": {"total": N}}``; ``content`` is entity-escaped HTML, timestamps carry the
board's local offset, and there is no employment type or workplace field except per-company
``metadata`` custom fields.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from postings.sample import content as c
from postings.sample.base import FAULT_EMPTY, FAULT_INCOMPLETE, FAULT_TRUNCATED, ProviderSpec, Stated
from postings.sample.model import Board, Job, Placement, pay_sentence
from postings.sample.parts import EMPLOYMENT_TYPES, stated_employment, stated_job, text_pay

NAME = "greenhouse"


def fetch_url(board: str) -> str:
    return f"https://boards-api.greenhouse.io/v1/boards/{board}/jobs?content=true"


def new_key(rng: random.Random, board: Board) -> str:
    """Job post ids look like ``6136160004``: seven digits and the account's ``00N`` suffix."""
    return str(rng.randint(1_000_000, 8_999_999) * 1000 + board.style.id_suffix)


def _stable_id(board: Board, *parts: str) -> int:
    digest = hashlib.sha1(":".join((board.token, *parts)).encode()).hexdigest()
    return (int(digest[:8], 16) % 8_000_000 + 1_000_000) * 1000 + board.style.id_suffix


def _local(board: Board, moment: datetime) -> str:
    """``2026-05-04T09:12:33-04:00``: the board's local offset, second precision."""
    zone = timezone(timedelta(minutes=board.utc_offset_minutes))
    return moment.astimezone(zone).replace(microsecond=0).isoformat()


def _city_text(key: str, style: int) -> str:
    city = c.CITIES[key]
    if city.country in ("US", "CA"):
        name = "New York City" if key == "nyc" and style == 1 else city.name
        return f"{name}, {city.region_code}"
    if style == 2 and city.region_name:
        return f"{city.name}, {city.region_name}, {city.country_name}"
    return f"{city.name}, {city.country_name}" if style == 1 else city.name


def location_text(placement: Placement) -> str:
    """Free text as boards write it: ``New York, NY``, ``Hybrid - London``, ``Remote (United States)``..."""
    if placement.workplace == "remote":
        return c.REMOTE_COUNTRY_TEXT[placement.remote_country or "US"][placement.style]
    if len(placement.cities) > 1:
        return "; ".join(_city_text(k, placement.style) for k in placement.cities)
    text = _city_text(placement.cities[0], placement.style)
    if placement.workplace == "hybrid":
        if placement.style == 0:
            return f"Hybrid - {c.CITIES[placement.cities[0]].name}"
        if placement.style == 1:
            return f"{text} (Hybrid)"
    return text


def _offices(board: Board, placement: Placement) -> list[dict[str, Any]]:
    if placement.workplace == "remote":
        return [
            {
                "id": _stable_id(board, "office", "remote"),
                "name": "Remote",
                "location": None,
                "child_ids": [],
                "parent_id": None,
            }
        ]
    offices = []
    for key in placement.cities:
        city = c.CITIES[key]
        region = f"{city.region_name}, " if city.region_name else ""
        offices.append(
            {
                "id": _stable_id(board, "office", key),
                "name": f"Office - {city.name}" if board.style.office_prefix else city.name,
                "location": f"{city.name}, {region}{city.country_name}",
                "child_ids": [],
                "parent_id": _stable_id(board, "region", city.country) if len(board.cities) > 2 else None,
            }
        )
    return offices


def _metadata(board: Board, job: Job) -> list[dict[str, Any]] | None:
    mode = board.style.metadata
    if mode == "none" or not job.has_metadata:
        return None
    if mode == "categories":
        return [
            {
                "id": _stable_id(board, "meta", "categories"),
                "name": "Career Site Categories",
                "value": job.department,
                "value_type": "single_select",
            }
        ]
    fields = [
        {
            "id": _stable_id(board, "meta", "employment"),
            "name": "Employment Type",
            "value": c.EMPLOYMENT_GREENHOUSE[job.employment],
            "value_type": "single_select",
        }
    ]
    if mode == "employment_workplace":
        fields.append(
            {
                "id": _stable_id(board, "meta", "workplace"),
                "name": "Workplace Type",
                "value": c.WORKPLACE_GREENHOUSE[job.placement.workplace],
                "value_type": "single_select",
            }
        )
    return fields


def _blocks(board: Board, job: Job) -> list[tuple[str, Any]]:
    """The description as (kind, text) blocks, shared by the HTML and the plain-text view."""
    s = board.style.section_style
    blocks: list[tuple[str, Any]] = [("intro", board.intro), ("heading", c.SECTION_ABOUT[s])]
    blocks += [("p", p) for p in job.paragraphs]
    blocks += [("heading", c.SECTION_DUTIES[s]), ("list", job.duties)]
    blocks += [("heading", c.SECTION_REQUIREMENTS[s]), ("list", job.requirements)]
    sentence = pay_sentence(job)
    if sentence is not None:
        blocks += [("heading", c.SECTION_PAY[s]), ("p", sentence)]
    blocks.append(("outro", board.outro))
    return blocks


def content_html(board: Board, job: Job) -> str:
    """The posting's HTML before Greenhouse escapes it (with ``&nbsp;`` spacers and entities)."""
    out: list[str] = []
    for kind, value in _blocks(board, job):
        if kind == "intro":
            out.append(f'<div class="content-intro"><p>{html.escape(value, quote=False)}</p></div>')
        elif kind == "heading":
            out.append(f"<p>&nbsp;</p>\n<p><strong>{html.escape(value, quote=False)}</strong></p>")
        elif kind == "p":
            out.append(f"<p>{html.escape(value, quote=False)}</p>")
        elif kind == "list":
            items = "".join(f"<li>{html.escape(item, quote=False)}</li>" for item in value)
            out.append(f"<ul>{items}</ul>")
        else:
            out.append(f'<div class="content-conclusion"><p>{html.escape(value, quote=False)}</p></div>')
    return "\n".join(out)


def escape_content(markup: str) -> str:
    """Greenhouse's entity escaping: ``<`` -> ``&lt;``, ``"`` -> ``&quot;``, ``'`` -> ``&#39;``."""
    return html.escape(markup, quote=False).replace('"', "&quot;").replace("'", "&#39;")


def description_text(board: Board, job: Job) -> str:
    """The description as whitespace-normalized plain text (what the content HTML shows)."""
    words: list[str] = []
    for _kind, value in _blocks(board, job):
        for text in (value,) if isinstance(value, str) else value:
            words.extend(text.split())
    return " ".join(words)


def render_posting(board: Board, job: Job) -> dict[str, Any]:
    posting: dict[str, Any] = {
        "absolute_url": f"https://job-boards.greenhouse.io/{board.token}/jobs/{job.key}",
        "data_compliance": [
            {
                "type": "gdpr",
                "requires_consent": False,
                "requires_processing_consent": False,
                "requires_retention_consent": False,
                "retention_period": None,
                "demographic_data_consent_applies": board.style.new_fields,
            }
        ],
        "internal_job_id": job.internal_id * 1000 + board.style.id_suffix,
        "location": {"name": location_text(job.placement)},
        "metadata": _metadata(board, job),
        "id": int(job.key),
        "updated_at": _local(board, job.updated_at),
        "requisition_id": job.requisition,
        "title": job.title + (" " if job.title_pad else ""),
        "company_name": board.company,
        "first_published": _local(board, job.posted_at),
        "language": "en",
    }
    if board.style.new_fields:
        posting["application_deadline"] = None
    posting["content"] = escape_content(content_html(board, job))
    posting["departments"] = [
        {
            "id": _stable_id(board, "department", job.function),
            "name": job.department + (" " if board.style.department_trailing_space else ""),
            "child_ids": [],
            "parent_id": None,
        }
    ]
    posting["offices"] = _offices(board, job.placement)
    if board.style.new_fields:
        posting["ai_disclaimer"] = None
        posting["include_ai_disclaimer"] = None
        posting["ai_opt_out_request_url"] = (
            f"http://app4.greenhouse.io/ai_opt_out_request/job_post/{job.key}/ai_opt_out"
        )
    return posting


def render_body(postings: Sequence[Mapping[str, Any]], reported_total: int) -> bytes:
    document = {"jobs": list(postings), "meta": {"total": reported_total}}
    return json.dumps(document, ensure_ascii=False).encode()


def content_fields(board: Board, job: Job) -> dict[str, Any]:
    metadata = {m["name"]: m["value"] for m in _metadata(board, job) or ()}
    return {
        "title": job.title.strip(),
        "department": job.department.strip(),
        "location": location_text(job.placement),
        "employment_type": metadata.get("Employment Type"),
        "workplace_type": metadata.get("Workplace Type"),
        "description": description_text(board, job),
    }


def stated(board: Board, job: Job) -> Stated:
    """The metadata's types when the board has them; else the work model only where ``location.name``
    marks it (remote, and a single hybrid city in styles 0 and 1: ``Hybrid - London``,
    ``London (Hybrid)``); the location text names every city; pay only in the description."""
    metadata = {m["name"]: m["value"] for m in _metadata(board, job) or ()}
    placement = job.placement
    workplace = placement.workplace if "Workplace Type" in metadata else None
    marked = placement.workplace == "hybrid" and len(placement.cities) == 1 and placement.style in (0, 1)
    if workplace is None and (placement.workplace == "remote" or marked):
        workplace = placement.workplace
    field = EMPLOYMENT_TYPES[job.employment] if "Employment Type" in metadata else None
    return stated_job(
        job, workplace=workplace, employment=stated_employment(job, field), pay=text_pay(job), language="en"
    )


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
