"""The simulated Workday, Personio, BambooHR and Breezy fetches: real shapes and quirks, faults that
landing reads the way the oracle was told, and validators that also accept the real samples."""

from __future__ import annotations

import itertools
import json
import random
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from postings.providers import ADAPTERS
from postings.providers.base import Extraction, PayloadError, parse_exchange_log
from postings.sample import build_sample
from postings.sample import workday as workday_sample
from postings.sample.generator import FetchRecord, Sample
from postings.sample.model import Board, Job, make_boards, new_job
from postings.sample.registry import provider_spec

SHARED = Path(__file__).resolve().parents[3] / "shared" / "ats-samples"
PROVIDERS_B = ("workday", "personio", "bamboohr", "breezy")
ISO_MS_Z = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
PERSONIO_TS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:?\d{2}$")
POSTED_ON = re.compile(r"^Posted (Today|Yesterday|([2-9]|1\d|2\d) Days Ago|30\+ Days Ago)$")


@pytest.fixture(scope="module")
def default_sample() -> Sample:
    return build_sample()


@pytest.fixture(scope="module")
def wide() -> Sample:
    """Six boards per provider over a few days: enough boards to see every per-board quirk."""
    return build_sample(seed=7, boards=24, days=4, jobs_per_board=25, providers=PROVIDERS_B)


def read_back(provider: str, body: bytes, ext: str) -> Extraction:
    """What landing's adapter reads from a body."""
    exchanges = parse_exchange_log(body) if ext == ".jsonl" else None
    return ADAPTERS[provider].extract(body, ext, exchanges)


def extraction(record: FetchRecord) -> Extraction:
    return read_back(record.provider, record.body or b"", record.ext)


def ok_records(sample: Sample, provider: str) -> Iterable[FetchRecord]:
    return (r for r in sample.fetches if r.provider == provider and r.fault is None)


def real_json(relative: str) -> Any:
    return json.loads((SHARED / relative).read_text())


# --- validators (also run on the real samples) -----------------------------------------------------


def check_workday_row(row: Mapping[str, Any]) -> None:
    assert isinstance(row["title"], str) and row["title"]
    assert re.match(r"^/job/[^/]+/[^/]+_[^/]+$", row["externalPath"])
    assert isinstance(row["locationsText"], str) and row["locationsText"]
    assert POSTED_ON.match(row["postedOn"]), row["postedOn"]
    assert row["bulletFields"] and all(isinstance(b, str) for b in row["bulletFields"])


def check_workday_detail(detail: Mapping[str, Any], row: Mapping[str, Any]) -> None:
    assert set(detail) >= {"jobPostingInfo", "hiringOrganization"}
    info = detail["jobPostingInfo"]
    for key in ("id", "title", "jobDescription", "location", "postedOn", "startDate", "timeType", "jobReqId"):
        assert isinstance(info[key], str) and info[key], key
    assert re.match(r"^[0-9a-f]{32}$", info["id"])
    assert info["jobReqId"] in row["bulletFields"]
    assert info["externalUrl"].endswith(row["externalPath"])
    assert info["jobPostingId"] == row["externalPath"].rsplit("/", 1)[-1]
    assert re.match(r"^[A-Z]{2}$", info["jobRequisitionLocation"]["country"]["alpha2Code"])
    assert datetime.strptime(info["startDate"], "%Y-%m-%d")
    assert "<p>" in info["jobDescription"]
    if row["locationsText"].endswith(" Locations"):
        assert len([info["location"], *info["additionalLocations"]]) == int(row["locationsText"].split()[0])
    else:
        assert row["locationsText"] == info["location"] and "additionalLocations" not in info
    assert isinstance(detail["hiringOrganization"]["name"], str)


def check_personio_position(position: Mapping[str, Any]) -> None:
    assert re.match(r"^\d+$", position["id"])
    for key in ("office", "name", "employmentType", "seniority", "schedule", "createdAt"):
        assert isinstance(position[key], str) and position[key].strip(), key
    assert PERSONIO_TS.match(position["createdAt"]), position["createdAt"]
    assert position["employmentType"] in ("permanent", "intern", "trainee", "freelance", "working_student")
    assert position["seniority"] in ("entry-level", "experienced", "executive", "student")
    assert position["schedule"] in ("full-time", "part-time", "full-or-part-time")
    for section in position["jobDescriptions"]["jobDescription"]:
        assert set(section) == {"name", "value"}
        assert section["value"] != section["value"].strip()  # CDATA keeps the whitespace around the HTML
    for office in position.get("additionalOffices", {}).get("office", []):
        assert isinstance(office, str)
    if "salaryInformation" in position:
        salary = position["salaryInformation"]
        assert float(salary["min"]) > 0 and (
            salary["max"] == "" or float(salary["max"]) >= float(salary["min"])
        )
        assert re.match(r"^[A-Z]{3}$", salary["currencyCode"])


def check_bamboohr_posting(posting: Mapping[str, Any]) -> None:
    assert re.match(r"^\d+$", posting["id"])
    assert isinstance(posting["jobOpeningName"], str) and posting["jobOpeningName"].strip()
    assert isinstance(posting["departmentLabel"], str) and isinstance(posting["employmentStatusLabel"], str)
    assert set(posting["location"]) == {"city", "state"}
    assert set(posting["atsLocation"]) == {"country", "state", "province", "city"}
    filled = [any(v is not None for v in posting[k].values()) for k in ("location", "atsLocation")]
    assert not all(filled)  # one of the two, never both
    assert posting["isRemote"] in (True, False, None)
    assert posting["locationType"] in ("0", "1", "2")


def check_breezy_posting(posting: Mapping[str, Any]) -> None:
    assert re.match(r"^[0-9a-f]{12}$", posting["id"])
    assert posting["friendly_id"].startswith(posting["id"] + "-")
    assert posting["url"].endswith("/p/" + posting["friendly_id"])
    assert ISO_MS_Z.match(posting["published_date"])
    assert set(posting["type"]) == {"id", "name"}
    assert isinstance(posting["location"]["name"], str) and "country" in posting["location"]
    assert isinstance(posting["locations"], list)
    assert set(posting["company"]) >= {"name", "friendly_id", "isMultipleLocationsEnabled"}
    if "salary" in posting:
        assert re.match(r"^\S+ (– \S+ )?/ (hour|year|month|hr|yr|mo)$", posting["salary"]), posting["salary"]


def test_validators_accept_the_real_samples() -> None:
    row = real_json("workday/nvidia_cxs_jobs_list.json")["jobPostings"][0]
    check_workday_row(row)
    check_workday_detail(real_json("workday/nvidia_cxs_job_detail.json"), row)
    for row in real_json("workday/nvidia_cxs_jobs_list.json")["jobPostings"]:
        check_workday_row(row)
    feed = ADAPTERS["personio"].extract((SHARED / "personio/positions_feed.xml").read_bytes(), ".xml", None)
    for position in feed.postings:
        check_personio_position(position)
    for posting in real_json("bamboohr/careers_list.json")["result"]:
        check_bamboohr_posting(posting)
    for posting in real_json("breezy/breezy_json.json"):
        check_breezy_posting(posting)


# --- shapes and quirks -----------------------------------------------------------------------------


def test_workday_fetches_page_lists_and_call_details(wide: Sample) -> None:
    pages_per_fetch, first_page_only, locations_texts, posted = Counter(), 0, Counter(), Counter()
    for record in ok_records(wide, "workday"):
        exchanges = parse_exchange_log(record.body or b"")
        pages = [e for e in exchanges if e.method == "POST"]
        details = [e for e in exchanges if e.method == "GET"]
        assert all(e.status == 200 for e in exchanges)
        assert record.sidecar["requests"] == len(exchanges) and record.sidecar["complete"] is True
        documents = [json.loads(e.body) for e in pages]
        rows = [row for doc in documents for row in doc["jobPostings"]]
        assert (
            all(len(doc["jobPostings"]) == 20 for doc in documents[:-1])
            and len(documents[-1]["jobPostings"]) < 20
        )
        assert documents[0]["total"] == len(rows) and "facets" in documents[0]
        first_page_only += any(doc["total"] == 0 for doc in documents[1:])
        pages_per_fetch[len(pages)] += 1
        assert len(details) == len(rows)
        for row, exchange in zip(rows, details, strict=True):
            check_workday_row(row)
            assert exchange.url == workday_sample.cxs_base(record.board) + row["externalPath"]
            check_workday_detail(json.loads(exchange.body), row)
            locations_texts[row["locationsText"].endswith(" Locations")] += 1
            posted[row["postedOn"].split()[1]] += 1
    assert pages_per_fetch[2] and first_page_only  # several pages; total on the first page only
    assert locations_texts[True] and locations_texts[False]  # "2 Locations" and single ones
    assert {"Yesterday", "30+"} <= set(posted) and any(k.isdigit() for k in posted)


def _days_ago(text: str) -> int:
    word = text.split()[1]
    named = {"Today": 0, "Yesterday": 1, "30+": 30}
    return named[word] if word in named else int(word)


def test_workday_posted_on_moves_on_from_day_to_day(default_sample: Sample) -> None:
    """postedOn counts the days since the job was posted, as seen on each fetch's day."""
    seen: dict[tuple[str, str], list[tuple[datetime, str]]] = {}
    for record in ok_records(default_sample, "workday"):
        for posting in extraction(record).postings:
            assert posting["postedOn"] == posting["_detail"]["jobPostingInfo"]["postedOn"]
            key = (record.board, posting["_detail"]["jobPostingInfo"]["jobReqId"])
            seen.setdefault(key, []).append((record.fetched_at, posting["postedOn"]))
    texts = Counter(text for sightings in seen.values() for _at, text in sightings)
    assert texts["Posted Today"] and texts["Posted Yesterday"] and texts["Posted 30+ Days Ago"]
    moved = 0
    for sightings in seen.values():
        for (first_at, first), (later_at, later) in itertools.pairwise(sightings):
            elapsed = (later_at.date() - first_at.date()).days
            assert _days_ago(later) == min(30, _days_ago(first) + elapsed), (first, later)
            moved += first != later
    assert moved > 100


def _workday_board_and_jobs(count: int) -> tuple[Board, list[Job]]:
    spec = provider_spec("workday")
    [board] = make_boards(random.Random(5), 1, ("workday",))
    rng, used = random.Random(6), set()
    start = datetime(2026, 5, 1, 6, 0, tzinfo=UTC)
    return board, [new_job(rng, board, spec, used, start - timedelta(days=n % 40)) for n in range(count)]


def test_workday_incomplete_fetches_fail_a_page_or_details_and_landing_agrees() -> None:
    board, jobs = _workday_board_and_jobs(45)
    at = datetime(2026, 5, 3, 6, 30, tzinfo=UTC)
    modes = Counter()
    for seed in range(12):
        rendered = workday_sample.render_fetch(board, jobs, at, "incomplete", random.Random(seed))
        assert rendered.ok and not rendered.complete and rendered.error
        modes["page" if "list page" in rendered.error else "detail"] += 1
        found = read_back("workday", rendered.body, ".jsonl")
        assert [ADAPTERS["workday"].job_key(p) for p in found.postings] == list(rendered.shown)
        assert found.reported_total == rendered.reported_total == 45
        assert not found.is_complete and found.warnings
        assert 0 < len(rendered.shown) < 45
    assert modes["page"] and modes["detail"]


def test_workday_truncated_log_is_cut_inside_a_line() -> None:
    board, jobs = _workday_board_and_jobs(25)
    at = datetime(2026, 5, 3, 6, 30, tzinfo=UTC)
    for seed in range(20):
        rendered = workday_sample.render_fetch(board, jobs, at, "truncated", random.Random(seed))
        assert not rendered.ok and rendered.shown == ()
        assert not rendered.body.endswith(b"\n")
        with pytest.raises(PayloadError, match="truncated exchange log"):
            parse_exchange_log(rendered.body)


def test_personio_feeds_round_trip_through_landing(wide: Sample) -> None:
    spec = provider_spec("personio")
    orders, offsets, schedules, empty_max, salaries = set(), set(), set(), 0, 0
    for record in ok_records(wide, "personio"):
        text = (record.body or b"").decode()
        assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>') and "<![CDATA[" in text
        positions = extraction(record).postings
        assert spec.render_body(positions, 0) == record.body  # JSON form <-> XML, exactly
        for position in positions:
            check_personio_position(position)
            orders.add(tuple(k for k in position if k in ("name", "office", "jobDescriptions", "createdAt")))
            offsets.add(":" in position["createdAt"][-6:])
            schedules.add(position["schedule"])
            if "salaryInformation" in position:
                salaries += 1
                empty_max += position["salaryInformation"]["max"] == ""
    assert len(orders) >= 2 and offsets == {True, False}  # orders vary; "+0200" and "+02:00"
    assert "full-or-part-time" in schedules and salaries and empty_max
    empty = spec.render_body([], 0)
    assert b"<workzag-jobs></workzag-jobs>" in empty and read_back("personio", empty, ".xml").postings == []


def test_bamboohr_and_breezy_bodies_look_like_the_real_api(wide: Sample) -> None:
    filled, remote, padded = Counter(), Counter(), 0
    for record in ok_records(wide, "bamboohr"):
        document = json.loads(record.body or b"")
        assert set(document) == {"meta", "result"} and document["meta"]["totalCount"] == len(
            document["result"]
        )
        for posting in document["result"]:
            check_bamboohr_posting(posting)
            filled[
                "ats"
                if posting["atsLocation"]["city"]
                else "location"
                if posting["location"]["city"]
                else "none"
            ] += 1
            remote[posting["isRemote"]] += 1
            padded += (posting["location"]["city"] or posting["atsLocation"]["city"] or "").endswith(" ")
    assert filled["ats"] and filled["location"] and filled["none"] and padded
    assert remote[True] and remote[None] and remote[False]
    listed, salaries = Counter(), 0
    for record in ok_records(wide, "breezy"):
        document = json.loads(record.body or b"")
        assert isinstance(document, list)
        for posting in document:
            check_breezy_posting(posting)
            listed[len(posting["locations"])] += 1
            salaries += "salary" in posting and " – " in posting["salary"]
    assert listed[0] and listed[1] and salaries
