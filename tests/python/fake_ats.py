"""A local fake of the ten ATS board APIs for fetch tests (127.0.0.1 only, no network).

One ``FakeAts`` server answers every provider under a path prefix (``/greenhouse/...``,
``/recruitee/<board>/...``); ``environ()`` gives the ``POSTINGS_BASE_URL_<PROVIDER>`` values that point
the fetcher at it. Boards hold provider-native postings shaped like ../shared/ats-samples and are
rendered the way each API pages and nests them. ``fault(...)`` queues special replies (429, 500, HTML,
redirects, hangs, truncated bodies) for requests whose target contains a given text.
"""

from __future__ import annotations

import copy
import json
import re
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from conftest import SAMPLES_DIR

HOST_PROVIDERS = ("recruitee", "workday", "personio", "bamboohr", "breezy")
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>Scheduled maintenance</title></head>"
    "<body><h1>We'll be back soon</h1></body></html>"
)


@dataclass
class Reply:
    status: int = 200
    body: Any = b""  # bytes, str, or a JSON value
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json; charset=utf-8"
    hang: bool = False  # never answer (until the server closes): the client times out
    truncate: bool = False  # announce the whole body, send half, hang up

    def data(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode()
        return json.dumps(self.body).encode()


PASS = Reply(status=0)  # in a fault sequence: answer this request normally


def html_reply(status: int = 200) -> Reply:
    return Reply(status=status, body=HTML_PAGE, content_type="text/html; charset=utf-8")


@dataclass(frozen=True)
class Seen:
    """One request the server received."""

    method: str
    target: str  # path and query
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class _Rule:
    contains: str
    method: str | None
    replies: list[Reply]
    forever: bool


@dataclass
class FakeBoard:
    provider: str
    token: str
    postings: list[Any]  # provider-native posting objects (Personio: <position> XML text)
    details: dict[str, Any] = field(default_factory=dict)  # SmartRecruiters id / Workday path -> detail
    workday_tenant: str = ""
    workday_site: str = ""


# ---------------------------------------------------------------------------------------------------
# Sample-shaped postings


def _load(relative: str) -> Any:
    return json.loads((SAMPLES_DIR / relative).read_text())


def sample_postings(provider: str, count: int | None = None, prefix: str = "") -> FakeBoard:
    """A board of ``provider`` with postings cloned from the real samples; ``prefix`` makes the native
    keys distinct per board; ``count`` repeats the samples with fresh keys."""
    base = _base_postings(provider)
    total = count if count is not None else len(base)
    postings = [_with_key(provider, copy.deepcopy(base[i % len(base)]), prefix, i) for i in range(total)]
    board = FakeBoard(provider, "", postings)
    if provider == "smartrecruiters":
        board.details = {posting["id"]: _sr_detail(posting) for posting in postings}
    if provider == "workday":
        board.details = {posting["externalPath"]: _workday_detail(posting) for posting in postings}
    return board


def _base_postings(provider: str) -> list[Any]:
    if provider == "greenhouse":
        return _load("greenhouse/vercel_list_content.json")["jobs"]
    if provider == "lever":
        return _load("lever/spotify_postings.json")
    if provider == "ashby":
        return _load("ashby/linear_job_board.json")["jobs"]
    if provider == "workable":
        return _load("workable/huggingface_widget_v1.json")["jobs"]
    if provider == "smartrecruiters":
        return _load("smartrecruiters/ubisoft_postings_list.json")["content"]
    if provider == "recruitee":
        return [_recruitee_offer()]
    if provider == "workday":
        return _load("workday/nvidia_cxs_jobs_list.json")["jobPostings"]
    if provider == "personio":
        text = (SAMPLES_DIR / "personio/positions_feed.xml").read_text()
        return re.findall(r"<position>.*?</position>", text, flags=re.DOTALL)
    if provider == "bamboohr":
        return _load("bamboohr/careers_list.json")["result"]
    if provider == "breezy":
        return _load("breezy/breezy_json.json")
    raise ValueError(provider)


def _recruitee_offer() -> dict[str, Any]:
    """Recruitee has no recorded sample: an offer with the fields of PROVIDERS.md section 6."""
    return {
        "id": 2751915,
        "guid": "tcvwa",
        "slug": "customer-success-manager-benelux",
        "title": "Customer Success Manager Benelux",
        "company_name": "Channable",
        "department": "Customer Success",
        "location": "Utrecht, Utrecht, Netherlands",
        "city": "Utrecht",
        "country_code": "NL",
        "locations": [{"id": 1, "name": "Utrecht", "city": "Utrecht", "country_code": "NL"}],
        "remote": False,
        "hybrid": True,
        "on_site": False,
        "employment_type_code": "fulltime_permanent",
        "salary": {"min": "3750", "max": "5250", "period": "month", "currency": "EUR"},
        "created_at": "2026-09-18 12:55:59 UTC",
        "published_at": "2026-09-18 12:55:59 UTC",
        "updated_at": "2026-09-20 08:00:00 UTC",
        "status": "published",
        "description": "<p>Help our customers grow.</p>",
        "requirements": "<ul><li>Dutch</li></ul>",
        "careers_url": "https://channable.recruitee.com/o/customer-success-manager-benelux",
    }


def _with_key(provider: str, posting: Any, prefix: str, index: int) -> Any:
    """Give a cloned posting a distinct native key (and what depends on it)."""
    tag = f"{prefix}{index}"
    number = 900000 + index + 1000 * (sum(map(ord, prefix)) % 1000)
    if provider == "greenhouse":
        posting.update(id=number, absolute_url=f"https://job-boards.greenhouse.io/x/jobs/{number}")
    elif provider in ("lever", "ashby"):
        posting["id"] = f"00000000-0000-4000-8000-{number:012d}"
    elif provider == "workable":
        posting["shortcode"] = f"SC{number}"
    elif provider == "smartrecruiters":
        posting["id"] = str(744000000000000 + number)
    elif provider == "recruitee":
        posting.update(id=number, slug=f"offer-{tag}")
    elif provider == "workday":
        posting["bulletFields"] = [f"JR{number}"]
        posting["externalPath"] = f"/job/US-CA-Santa-Clara/Engineer-{tag}_JR{number}"
    elif provider == "personio":
        posting = re.sub(r"<id>\d+</id>", f"<id>{number}</id>", posting, count=1)
    elif provider == "bamboohr":
        posting["id"] = str(number)
    elif provider == "breezy":
        posting["id"] = f"{number:012x}"
    return posting


def _sr_detail(row: dict[str, Any]) -> dict[str, Any]:
    detail = copy.deepcopy(row)
    detail.update(
        postingUrl=f"https://jobs.smartrecruiters.com/Ubisoft2/{row['id']}-job",
        applyUrl=f"https://jobs.smartrecruiters.com/Ubisoft2/{row['id']}-job?oga=true",
        active=True,
        jobAd={
            "sections": {
                "jobDescription": {"title": "Job Description", "text": "<p>Build tools.&#xa0;</p>"},
                "qualifications": {"title": "Qualifications", "text": "<ul><li>C++</li></ul>"},
            }
        },
    )
    return detail


def _workday_detail(row: dict[str, Any]) -> dict[str, Any]:
    detail = _load("workday/nvidia_cxs_job_detail.json")
    info = detail["jobPostingInfo"]
    req_id = row["bulletFields"][0]
    info.update(
        title=row["title"],
        jobReqId=req_id,
        jobPostingId=row["externalPath"].rsplit("/", 1)[-1],
        externalUrl="https://nvidia.wd5.myworkdayjobs.com/NVIDIAExternalCareerSite" + row["externalPath"],
    )
    return detail


def native_key(provider: str, posting: Any, detail: Any = None) -> str:
    """The native job key of PROVIDERS.md's normalizer checklist, as text."""
    if provider == "workable":
        return str(posting["shortcode"])
    if provider == "workday":
        return str((detail or {}).get("jobPostingInfo", {}).get("jobReqId") or posting["externalPath"])
    if provider == "personio":
        match = re.search(r"<id>(\d+)</id>", posting)
        assert match
        return match.group(1)
    return str(posting["id"])


def board_keys(board: FakeBoard) -> set[str]:
    if board.provider == "workday":
        return {native_key("workday", p, board.details.get(p["externalPath"])) for p in board.postings}
    return {native_key(board.provider, posting) for posting in board.postings}


# ---------------------------------------------------------------------------------------------------
# The server


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # many boards and detail calls connect at once; none may wait for a SYN retry


class FakeAts:
    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self.boards: dict[tuple[str, str], FakeBoard] = {}
        self.rules: list[_Rule] = []
        self.release = threading.Event()
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                fake._handle(self)

            def do_POST(self) -> None:
                fake._handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)
        self._thread.start()

    # -- set-up ---------------------------------------------------------------------------------

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def base_url(self, provider: str) -> str:
        suffix = "/{board}" if provider in HOST_PROVIDERS else ""
        return f"{self.origin}/{provider}{suffix}"

    def environ(self) -> dict[str, str]:
        from postings.registry import PROVIDERS

        return {f"POSTINGS_BASE_URL_{p.upper()}": self.base_url(p) for p in PROVIDERS}

    def add(self, board: FakeBoard, token: str, **options: str) -> FakeBoard:
        board.token = token
        board.workday_tenant = options.get("workday_tenant", token)
        board.workday_site = options.get("workday_site", "Careers")
        self.boards[(board.provider, token)] = board
        return board

    def fault(self, contains: str, *replies: Reply, method: str | None = None, forever: bool = False) -> None:
        """The next requests whose target contains ``contains`` get ``replies`` in order (the last one
        for good when ``forever``); then the board answers normally again."""
        with self._lock:
            self.rules.append(_Rule(contains, method, list(replies), forever))

    def clear_faults(self) -> None:
        with self._lock:
            self.rules.clear()

    def seen(self, contains: str = "", method: str | None = None) -> list[Seen]:
        with self._lock:
            return [
                r for r in self.requests if contains in r.target and (method is None or r.method == method)
            ]

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    # -- serving --------------------------------------------------------------------------------

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        seen = Seen(handler.command, handler.path, {k.lower(): v for k, v in handler.headers.items()}, body)
        with self._lock:
            self.requests.append(seen)
            reply = self._fault_for(seen)
        if reply is None or reply is PASS:
            try:
                reply = self._render(seen)
            except Exception as exc:  # a test bug: make it loud
                reply = Reply(599, {"fake_ats_error": repr(exc)})
        self._send(handler, reply)

    def _fault_for(self, seen: Seen) -> Reply | None:
        for rule in self.rules:
            if rule.contains in seen.target and rule.method in (None, seen.method) and rule.replies:
                if len(rule.replies) == 1 and rule.forever:
                    return rule.replies[0]
                return rule.replies.pop(0)
        return None

    def _send(self, handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        if reply.hang:
            self.release.wait(10)
            return
        data = reply.data()
        try:
            handler.send_response(reply.status)
            handler.send_header("Content-Type", reply.content_type)
            handler.send_header("Content-Length", str(len(data)))
            for key, value in reply.headers.items():
                handler.send_header(key, value)
            handler.end_headers()
            handler.wfile.write(data[: len(data) // 2] if reply.truncate else data)
            handler.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _render(self, seen: Seen) -> Reply:
        parts = urllib.parse.urlsplit(seen.target)
        query = dict(urllib.parse.parse_qsl(parts.query))
        segments = parts.path.split("/")
        provider = segments[1] if len(segments) > 1 else ""
        if provider in HOST_PROVIDERS:
            token, rest = segments[2], "/" + "/".join(segments[3:])
        else:
            token, rest = "", "/" + "/".join(segments[2:])
        for pattern, render in self._routes().get(provider, []):
            match = re.fullmatch(pattern, rest)
            if match:
                token = match.groupdict().get("token") or token
                board = self.boards.get((provider, urllib.parse.unquote(token)))
                if board is None:
                    return Reply(404, {"status": 404, "error": "Not Found"})
                return render(board, seen, query, match)
        return Reply(404, {"status": 404, "error": "no such endpoint"})

    def _routes(self) -> dict[str, list[tuple[str, Callable[..., Reply]]]]:
        return {
            "greenhouse": [(r"/v1/boards/(?P<token>[^/]+)/jobs", _greenhouse)],
            "lever": [(r"/v0/postings/(?P<token>[^/]+)", _lever)],
            "ashby": [(r"/posting-api/job-board/(?P<token>[^/]+)", _ashby)],
            "workable": [
                (r"/api/v1/widget/accounts/(?P<token>[^/]+)", _workable_v1),
                (r"/api/v3/accounts/(?P<token>[^/]+)/jobs", _workable_v3),
            ],
            "smartrecruiters": [
                (r"/v1/companies/(?P<token>[^/]+)/postings", _sr_list),
                (r"/v1/companies/(?P<token>[^/]+)/postings/(?P<id>[^/]+)", _sr_detail_reply),
            ],
            "recruitee": [(r"/api/offers/", _recruitee)],
            "workday": [(r"/wday/cxs/(?P<tenant>[^/]+)/(?P<site>[^/]+)(?P<rest>/.*)", _workday)],
            "personio": [(r"/xml", _personio)],
            "bamboohr": [(r"/careers/list", _bamboohr)],
            "breezy": [(r"/json", _breezy)],
        }


def _greenhouse(board: FakeBoard, seen: Seen, query: dict[str, str], match: re.Match[str]) -> Reply:
    return Reply(body={"jobs": board.postings, "meta": {"total": len(board.postings)}})


def _lever(board: FakeBoard, seen: Seen, query: dict[str, str], match: re.Match[str]) -> Reply:
    if "limit" in query:
        skip, limit = int(query.get("skip", 0)), int(query["limit"])
        return Reply(body=board.postings[skip : skip + limit])
    return Reply(body=board.postings)


def _ashby(board: FakeBoard, seen: Seen, query: dict[str, str], match: re.Match[str]) -> Reply:
    return Reply(body={"apiVersion": "1", "jobs": board.postings})


def _workable_v1(board: FakeBoard, seen: Seen, query: dict[str, str], match: re.Match[str]) -> Reply:
    return Reply(body={"name": board.token, "description": None, "jobs": board.postings})


WORKABLE_V3_PAGE = 2


def _workable_v3(board: FakeBoard, seen: Seen, query: dict[str, str], match: re.Match[str]) -> Reply:
    if seen.method != "POST":
        return Reply(405, {"error": "method not allowed"})
    token = seen.json.get("token")
    start = int(token.removeprefix("page-")) if token else 0
    results = [_workable_v3_result(p) for p in board.postings[start : start + WORKABLE_V3_PAGE]]
    following = start + WORKABLE_V3_PAGE
    body: dict[str, Any] = {"total": len(board.postings), "results": results}
    if following < len(board.postings):
        body["nextPage"] = f"page-{following}"
    return Reply(body=body)


def _workable_v3_result(job: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": int(job["shortcode"].removeprefix("SC")) if job["shortcode"].startswith("SC") else 1,
        "shortcode": job["shortcode"],
        "title": job["title"],
        "remote": bool(job.get("telecommuting")),
        "location": {
            "country": job.get("country"),
            "countryCode": "US",
            "city": job.get("city"),
            "region": "",
        },
        "locations": [],
        "state": "published",
        "isInternal": False,
        "code": "",
        "published": f"{job.get('published_on', '2026-01-01')}T00:00:00.000Z",
        "type": "full",
        "language": "en",
        "department": [job.get("department") or "General"],
        "accountUid": "00000000-0000-4000-8000-000000000001",
        "approvalStatus": "approved",
        "workplace": "remote" if job.get("telecommuting") else "on_site",
    }


def _sr_list(board: FakeBoard, seen: Seen, query: dict[str, str], match: re.Match[str]) -> Reply:
    offset, limit = int(query.get("offset", 0)), min(int(query.get("limit", 10)), 100)
    content = board.postings[offset : offset + limit]
    return Reply(
        body={"offset": offset, "limit": limit, "totalFound": len(board.postings), "content": content}
    )


def _sr_detail_reply(board: FakeBoard, seen: Seen, query: dict[str, str], match: re.Match[str]) -> Reply:
    detail = board.details.get(match.group("id"))
    return Reply(body=detail) if detail is not None else Reply(404, {"message": "posting not found"})


def _recruitee(board: FakeBoard, seen: Seen, query: dict[str, str], match: re.Match[str]) -> Reply:
    return Reply(body={"offers": board.postings})


def _workday(board: FakeBoard, seen: Seen, query: dict[str, str], match: re.Match[str]) -> Reply:
    if match.group("tenant") != board.workday_tenant or match.group("site") != board.workday_site:
        return Reply(422, {"errorCode": "HTTP_422", "httpStatus": 422})
    rest = urllib.parse.unquote(match.group("rest"))
    if rest == "/jobs":
        if seen.method != "POST":
            return Reply(405, {"errorCode": "HTTP_405"})
        request = seen.json
        offset, limit = int(request["offset"]), min(int(request["limit"]), 20)
        rows = board.postings[offset : offset + limit]
        body: dict[str, Any] = {"total": len(board.postings) if offset == 0 else 0, "jobPostings": rows}
        if offset == 0:
            body["facets"] = []
        return Reply(body=body)
    detail = board.details.get(rest)
    return Reply(body=detail) if detail is not None else Reply(404, {"errorCode": "HTTP_404"})


def _personio(board: FakeBoard, seen: Seen, query: dict[str, str], match: re.Match[str]) -> Reply:
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<workzag-jobs>\n'
        + "\n".join(board.postings)
        + "\n</workzag-jobs>\n"
    )
    return Reply(body=xml, content_type="text/xml; charset=utf-8")


def _bamboohr(board: FakeBoard, seen: Seen, query: dict[str, str], match: re.Match[str]) -> Reply:
    return Reply(body={"meta": {"totalCount": len(board.postings)}, "result": board.postings})


def _breezy(board: FakeBoard, seen: Seen, query: dict[str, str], match: re.Match[str]) -> Reply:
    return Reply(body=board.postings)


def write_registry(path: Path, rows: list[dict[str, str]]) -> Path:
    """A board registry CSV with the registry's columns."""
    import csv

    from postings.fetch.boards import COLUMNS

    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
        writer.writeheader()
        for row in rows:
            writer.writerow({column: row.get(column, "") for column in COLUMNS})
    return path


def registry_row(board: FakeBoard, **options: str) -> dict[str, str]:
    row = {
        "provider": board.provider,
        "board": board.token,
        "company_name": f"{board.token.title()} Inc",
        "company_domain": f"{board.token.lower().replace('_', '-')}.example.com",
    }
    if board.provider == "workday":
        row.update(
            workday_host=f"{board.token.lower()}.wd5.myworkdayjobs.com",
            workday_tenant=board.workday_tenant,
            workday_site=board.workday_site,
        )
    row.update(options)
    return row


def serve() -> Iterator[FakeAts]:
    """Generator for a pytest fixture: one server, closed after the test."""
    fake = FakeAts()
    try:
        yield fake
    finally:
        fake.close()
