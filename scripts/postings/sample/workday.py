"""Workday CXS careers-site fetches (PROVIDERS.md section 7), as ``.jsonl`` exchange logs.

A fetch pages the list (``POST .../wday/cxs/{tenant}/{site}/jobs``, 20 rows a page, until a page comes
back short), then calls the detail (``GET .../wday/cxs/{tenant}/{site}{externalPath}``) of every row.
List rows carry the title, ``externalPath``, ``locationsText`` ("2 Locations" when there are several),
the relative ``postedOn`` ("Posted Today", "Posted 3 Days Ago", "Posted 30+ Days Ago"; it changes
every day for an unchanged job) and ``bulletFields``; the detail carries the rest. Some tenants report
``total`` on the first page only (0 afterwards), some send ``timeType`` / ``remoteType``.

The board token is the tenant; its data-center number and site are derived from it here (a real
deployment keeps them in the board registry).
"""

from __future__ import annotations

import html
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
from postings.sample.model import Board, Job, Placement, pay_sentence
from postings.sample.parts import stated_employment, stated_job, text_pay
from postings.sample.style import fraction, hex_id, pick

NAME = "workday"
PAGE_SIZE = 20
_COUNTRY_NAMES = {city.country: city.country_name for city in c.CITIES.values()}
_WORKDAY_COUNTRY = {"US": "United States of America"}
_REMOTE_TYPES = {"onsite": "On-site", "hybrid": "Hybrid", "remote": "Remote"}
_ERROR_500 = {"errorCode": "HTTP_500", "httpStatus": 500, "message": "Internal Server Error"}
_EXAMPLE_CXS = "https://example.wd1.myworkdayjobs.com/wday/cxs/example/External"


# --- tenant ----------------------------------------------------------------------------------------


def tenant(token: str) -> str:
    return token.replace("-", "")


def _site(token: str) -> str:
    name = tenant(token).capitalize()
    return pick(("External", f"{name}_Careers", "Careers", f"{name}ExternalCareerSite"), NAME, token, "site")


def host(token: str) -> str:
    return f"{tenant(token)}.wd{pick((1, 3, 5, 12), NAME, token, 'dc')}.myworkdayjobs.com"


def cxs_base(token: str) -> str:
    return f"https://{host(token)}/wday/cxs/{tenant(token)}/{_site(token)}"


def fetch_url(token: str) -> str:
    return f"{cxs_base(token)}/jobs"


def _first_page_total_only(board: Board) -> bool:
    return fraction(NAME, board.token, "total-first-page-only") < 0.5


def _list_extras(board: Board) -> bool:
    """Tenants whose list rows also carry timeType (and remoteType when the tenant has it)."""
    return fraction(NAME, board.token, "list-extras") < 0.4


def _has_remote_type(board: Board) -> bool:
    return fraction(NAME, board.token, "remote-type") < 0.6


def new_key(rng: random.Random, board: Board) -> str:
    """The requisition id (``jobReqId``): ``JR2021705``, ``R0022014`` or ``REQ-41235`` per tenant."""
    style = pick((0, 1, 2), NAME, board.token, "req")
    if style == 0:
        return f"JR{rng.randint(1_900_000, 2_099_999)}"
    if style == 1:
        return f"R{rng.randint(10_000, 99_999):07d}"
    return f"REQ-{rng.randint(10_000, 99_999)}"


# --- one job ---------------------------------------------------------------------------------------


def locations(placement: Placement) -> list[str]:
    """Location descriptors, primary first: ``US, CA, Santa Clara``, ``Germany, Berlin``, ``US, Remote``."""
    if placement.workplace == "remote":
        country = placement.remote_country or "US"
        return [f"{'US' if country == 'US' else _COUNTRY_NAMES[country]}, Remote"]
    out = []
    for key in placement.cities:
        city = c.CITIES[key]
        out.append(
            f"US, {city.region_code}, {city.name}"
            if city.country == "US"
            else f"{city.country_name}, {city.name}"
        )
    return out


def _country(placement: Placement) -> str:
    if placement.workplace == "remote":
        return placement.remote_country or "US"
    return c.CITIES[placement.cities[0]].country


def _path_part(text: str, collapse: bool) -> str:
    return re.sub(r"[^A-Za-z0-9]+" if collapse else r"[^A-Za-z0-9]", "-", text).strip("-")


def external_path(job: Job) -> str:
    """``/job/US-CA-Santa-Clara/Senior-Engineer---Payments_JR2008808``."""
    place = _path_part(locations(job.placement)[0], collapse=True)
    return f"/job/{place}/{_path_part(job.title, collapse=False)}_{job.key}"


def _time_type(job: Job) -> str:
    return "Part time" if job.employment == "part_time" else "Full time"


def posted_on(job: Job, fetched_at: datetime) -> str:
    """The relative text Workday shows on ``fetched_at``'s (UTC) day."""
    days = (fetched_at.date() - job.posted_at.date()).days
    if days <= 0:
        return "Posted Today"
    if days == 1:
        return "Posted Yesterday"
    return "Posted 30+ Days Ago" if days >= 30 else f"Posted {days} Days Ago"


def _h(text: str) -> str:
    return html.escape(text, quote=False).replace("'", "&#39;")


def _blocks(board: Board, job: Job) -> list[tuple[str, Any]]:
    s = board.style.section_style
    blocks: list[tuple[str, Any]] = [("p", board.intro), ("heading", f"{c.SECTION_ABOUT[s]}:")]
    blocks += [("p", p) for p in job.paragraphs]
    blocks += [("heading", f"{c.SECTION_DUTIES[s]}:"), ("list", job.duties)]
    blocks += [("heading", f"{c.SECTION_REQUIREMENTS[s]}:"), ("list", job.requirements)]
    sentence = pay_sentence(job)
    if sentence is not None:
        blocks += [("heading", f"{c.SECTION_PAY[s]}:"), ("p", sentence)]
    blocks.append(("p", board.outro))
    return blocks


def description_html(board: Board, job: Job) -> str:
    """Workday's HTML: ``<p><b>...:</b></p><ul><li>...`` with ``&#39;``, empty ``<p></p>`` spacers and
    trailing empty ``<p style="text-align:inherit"></p>``."""
    out: list[str] = []
    for kind, value in _blocks(board, job):
        if kind == "heading":
            out.append(f"<p></p><p><b>{_h(value)}</b></p>")
        elif kind == "list":
            out.append("<ul>" + "".join(f"<li>{_h(item)}</li>" for item in value) + "</ul>")
        else:
            out.append(f"<p>{_h(value)}</p>")
    return "".join(out) + '<p style="text-align:inherit"></p>' * 2


def description_text(board: Board, job: Job) -> str:
    words: list[str] = []
    for _kind, value in _blocks(board, job):
        for text in (value,) if isinstance(value, str) else value:
            words.extend(text.split())
    return " ".join(words)


def list_row(board: Board, job: Job, fetched_at: datetime) -> dict[str, Any]:
    where = locations(job.placement)
    bullets = [job.key]
    if pick((False, True), NAME, board.token, "market-bullet") and job.placement.cities:
        bullets.insert(0, f"{c.CITIES[job.placement.cities[0]].name} (Market/Region)")
    row: dict[str, Any] = {
        "title": job.title,
        "externalPath": external_path(job),
        "locationsText": where[0] if len(where) == 1 else f"{len(where)} Locations",
        "postedOn": posted_on(job, fetched_at),
        "bulletFields": bullets,
    }
    if _list_extras(board):
        row["timeType"] = _time_type(job)
        if _has_remote_type(board):
            row["remoteType"] = _REMOTE_TYPES[job.placement.workplace]
    return row


def detail(board: Board, job: Job, fetched_at: datetime) -> dict[str, Any]:
    """The detail response of one job: ``{jobPostingInfo, hiringOrganization, similarJobs, ...}``."""
    where = locations(job.placement)
    country = _country(job.placement)
    country_name = _WORKDAY_COUNTRY.get(country, _COUNTRY_NAMES[country])
    path = external_path(job)
    info: dict[str, Any] = {
        "id": hex_id(32, NAME, board.token, job.key, "id"),
        "title": job.title,
        "jobDescription": description_html(board, job),
        "location": where[0],
    }
    if len(where) > 1:
        info["additionalLocations"] = where[1:]
    info.update(
        {
            "postedOn": posted_on(job, fetched_at),
            "startDate": job.posted_at.date().isoformat(),
            "timeType": _time_type(job),
            "jobReqId": job.key,
            "jobPostingId": path.rsplit("/", 1)[-1],
            "jobPostingSiteId": _site(board.token),
            "country": {"descriptor": country_name, "id": hex_id(32, NAME, "country", country)},
            "canApply": True,
            "posted": True,
            "includeResumeParsing": True,
            "jobRequisitionLocation": {
                "descriptor": where[0],
                "country": {
                    "descriptor": country_name,
                    "id": hex_id(32, NAME, "country", country),
                    "alpha2Code": country,
                },
            },
        }
    )
    if _has_remote_type(board):
        info["remoteType"] = _REMOTE_TYPES[job.placement.workplace]
    info["externalUrl"] = f"https://{host(board.token)}/{_site(board.token)}{path}"
    info["questionnaireId"] = hex_id(32, NAME, board.token, "questionnaire")
    organization = pick(
        (f"{board.company}, Inc.", f"US01 {board.company} LLC", board.company), NAME, board.token
    )
    return {
        "jobPostingInfo": info,
        "hiringOrganization": {"name": organization, "url": ""},
        "similarJobs": [],
        "userAuthenticated": False,
    }


def render_posting_at(board: Board, job: Job, fetched_at: datetime) -> dict[str, Any]:
    """The posting as landing assembles it on ``fetched_at``: the list row with ``_detail``."""
    return {**list_row(board, job, fetched_at), "_detail": detail(board, job, fetched_at)}


def render_posting(board: Board, job: Job) -> dict[str, Any]:
    """The posting as on the day the job was posted ("Posted Today")."""
    return render_posting_at(board, job, job.posted_at)


def content_fields(board: Board, job: Job) -> dict[str, Any]:
    """What the content hash sees. ``postedOn`` is volatile and never in here."""
    where = locations(job.placement)
    return {
        "title": job.title.strip(),
        "location": where[0],
        "locations": where,
        "time_type": _time_type(job),
        "remote_type": _REMOTE_TYPES[job.placement.workplace] if _has_remote_type(board) else None,
        "description": description_text(board, job),
    }


def stated(board: Board, job: Job) -> Stated:
    """``remoteType`` on tenants that have it (else only a remote job's ``US, Remote`` location says
    anything); ``timeType`` is a schedule, ``Full time`` for every job that is not part-time, so a
    contractor states full_time and an intern's title makes it an internship; every location (the
    detail's ``additionalLocations``); pay in the description."""
    placement = job.placement
    named = _has_remote_type(board) or placement.workplace == "remote"
    schedule = "part_time" if _time_type(job) == "Part time" else "full_time"
    return stated_job(
        job,
        workplace=placement.workplace if named else None,
        employment=stated_employment(job, schedule),
        pay=text_pay(job),
        language="en",
    )


# --- one fetch -------------------------------------------------------------------------------------


def _facets(time_types: Sequence[str], token: str) -> list[dict[str, Any]]:
    """The first page's facets: one ``timeType`` facet with a count per value."""
    values = [
        {"descriptor": name, "id": hex_id(32, NAME, token, "facet", name), "count": time_types.count(name)}
        for name in sorted(set(time_types))
    ]
    return [{"facetParameter": "timeType", "descriptor": "Time Type", "values": values}] if values else []


def _pages(
    board: Board, rows: list[dict[str, Any]], total: int, time_types: list[str]
) -> list[dict[str, Any]]:
    """List pages of 20 until one comes back short (so a multiple of 20 ends with an empty page)."""
    pages = []
    for number in range(len(rows) // PAGE_SIZE + 1):
        page_rows = rows[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
        page: dict[str, Any] = {"total": total if number == 0 or not _first_page_total_only(board) else 0}
        page["jobPostings"] = page_rows
        if number == 0:
            page["facets"] = _facets(time_types, board.token)
        pages.append(page)
    return pages


def render_fetch(
    board: Board, jobs: Sequence[Job], fetched_at: datetime, fault: str | None, rng: random.Random
) -> RenderedFetch:
    """The exchange log of one fetch: list pages, then one detail call per listed row.

    ``incomplete``: one list page after the first fails (HTTP 500) when there are several, else one to
    three detail calls fail; those rows are not shown and the sidecar says ``complete: false``.
    ``truncated``: the log is cut inside a line, so it cannot be read.
    """
    shown_jobs = [] if fault == FAULT_EMPTY else list(jobs)
    rows = [list_row(board, job, fetched_at) for job in shown_jobs]
    pages = _pages(board, rows, len(rows), [_time_type(job) for job in shown_jobs])
    failed_page: int | None = None
    failed_details: set[int] = set()
    if fault == FAULT_INCOMPLETE:
        if len(pages) > 1 and pages[1]["jobPostings"] and rng.random() < 0.5:
            failed_page = rng.randrange(1, len(pages) - (0 if pages[-1]["jobPostings"] else 1))
        else:
            failed_details = set(rng.sample(range(len(rows)), rng.randint(1, min(3, len(rows)))))
    lines = [
        exchange_line(fetch_url(board.token), "POST", 500, _ERROR_500)
        if number == failed_page
        else exchange_line(fetch_url(board.token), "POST", 200, page)
        for number, page in enumerate(pages)
    ]
    listed = [index for index in range(len(rows)) if failed_page is None or index // PAGE_SIZE != failed_page]
    for index in listed:
        job = shown_jobs[index]
        url = cxs_base(board.token) + rows[index]["externalPath"]
        if index in failed_details:
            lines.append(exchange_line(url, "GET", 500, _ERROR_500))
        else:
            lines.append(exchange_line(url, "GET", 200, detail(board, job, fetched_at)))
    shown = tuple(shown_jobs[i].key for i in listed if i not in failed_details)
    requests = len(pages) + len(listed)
    if fault == FAULT_TRUNCATED:
        return RenderedFetch(cut_log(lines, rng), requests, (), len(rows), ok=False)
    error = None
    if failed_page is not None:
        error = f"list page at offset {failed_page * PAGE_SIZE} failed: HTTP 500"
    elif failed_details:
        error = f"{len(failed_details)} detail request(s) failed: HTTP 500"
    return RenderedFetch(
        join_log(lines), requests, shown, len(rows), ok=True, complete=error is None, error=error
    )


def render_body(postings: Sequence[Mapping[str, Any]], reported_total: int) -> bytes:
    """Assembled postings (list row + ``_detail``) back into an exchange log (one page per 20 rows)."""
    rows = [{k: v for k, v in posting.items() if k != "_detail"} for posting in postings]
    lines = []
    for number in range(len(rows) // PAGE_SIZE + 1):
        page = {"total": reported_total, "jobPostings": rows[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]}
        lines.append(exchange_line(f"{_EXAMPLE_CXS}/jobs", "POST", 200, page))
    for posting in postings:
        lines.append(exchange_line(_EXAMPLE_CXS + posting["externalPath"], "GET", 200, posting["_detail"]))
    return join_log(lines)


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
    stated=stated,
)
