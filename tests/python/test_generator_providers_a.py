"""The sample generator's Ashby, Workable, SmartRecruiters and Recruitee fetches: real shapes and quirks
(PROVIDERS.md), exchange logs, and faults the oracle sees exactly as landing will."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import SAMPLES_DIR
from postings.providers import ADAPTERS
from postings.providers.base import parse_exchange_log
from postings.sample import build_sample
from postings.sample.generator import FetchRecord, Sample
from postings.sample.oracle import assess_fetches

ISO_MS_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$")
ISO_MS_Z = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
RECRUITEE_TS = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$")


@pytest.fixture(scope="module")
def default_sample() -> Sample:
    return build_sample()


def real(name: str) -> Any:
    return json.loads((SAMPLES_DIR / name).read_text())


def healthy_records(sample: Sample, provider: str) -> Iterator[FetchRecord]:
    for record in sample.fetches:
        if record.provider == provider and record.fault is None:
            yield record


def exchanges(record: FetchRecord) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (record.body or b"").decode().splitlines()]


# --- Ashby --------------------------------------------------------------------------------------


def test_ashby_bodies_look_like_the_real_api(default_sample: Sample) -> None:
    real_keys = set(real("ashby/openevidence_job_board.json")["jobs"][0])
    orders, workplaces, remote_hybrid, unlisted, tiers, empty, secondary_without_address = (
        set(),
        set(),
        0,
        0,
        0,
        0,
        0,
    )
    for record in healthy_records(default_sample, "ashby"):
        document = json.loads(record.body or b"")
        orders.add(tuple(document))
        listed = []
        for job in document["jobs"]:
            assert set(job) == real_keys
            assert ISO_MS_OFFSET.match(job["publishedAt"])
            assert job["jobUrl"] == f"https://jobs.ashbyhq.com/{record.board}/{job['id']}"
            assert job["applyUrl"] == job["jobUrl"] + "/application"
            assert job["employmentType"] in ("FullTime", "PartTime", "Intern", "Contract", "Temporary")
            workplaces.add(job["workplaceType"])
            remote_hybrid += job["workplaceType"] == "Hybrid" and job["isRemote"]
            assert job["isRemote"] == (job["workplaceType"] in ("Remote", "Hybrid"))
            comp = job["compensation"]
            assert set(comp) == {"compensationTierSummary", "scrapeableCompensationSalarySummary",
                                 "compensationTiers", "summaryComponents"}  # fmt: skip
            if comp["compensationTierSummary"] is None:
                empty += 1
                assert comp["compensationTiers"] == [] and comp["summaryComponents"] == []
            else:
                tiers += len(comp["compensationTiers"]) > 1
                salary = [c for c in comp["summaryComponents"] if c["compensationType"] == "Salary"]
                assert len(salary) == 1 and salary[0]["minValue"] <= salary[0]["maxValue"]
                assert (
                    "\u2013" in comp["compensationTierSummary"]
                    or "per hour" in comp["compensationTierSummary"]
                )
            secondary_without_address += any("address" not in s for s in job["secondaryLocations"])
            if job["isListed"]:
                listed.append(job["id"])
            else:
                unlisted += 1
        assert listed == list(record.observation.postings)  # unlisted postings are no sightings
    assert orders == {("apiVersion", "jobs"), ("jobs", "apiVersion")}  # first on board 0, last on board 1
    assert workplaces == {"Remote", "Hybrid", "OnSite"} and remote_hybrid
    assert unlisted and tiers and empty and secondary_without_address


def test_ashby_envelope_without_api_version_on_a_third_board() -> None:
    sample = build_sample(boards=3, days=1, jobs_per_board=5, providers=("ashby",))
    documents = [json.loads(r.body or b"") for r in sample.fetches]
    assert [list(d) for d in documents] == [["apiVersion", "jobs"], ["jobs", "apiVersion"], ["jobs"]]


# --- Workable -----------------------------------------------------------------------------------


def test_workable_boards_use_both_surfaces(default_sample: Sample) -> None:
    v1_keys = set(real("workable/widget_v1_details.json")["jobs"][0])
    surfaces = {}
    for record in healthy_records(default_sample, "workable"):
        surfaces[record.board] = record.ext
        if record.ext == ".json":
            document = json.loads(record.body or b"")
            assert list(document) == ["name", "description", "jobs"]
            for job in document["jobs"]:
                assert set(job) == v1_keys
                assert DATE.match(job["published_on"]) and DATE.match(job["created_at"])
                assert job["created_at"] <= job["published_on"]
                assert isinstance(job["telecommuting"], bool)
                assert job["url"] == f"https://apply.workable.com/j/{job['shortcode']}"
            assert [j["shortcode"] for j in document["jobs"]] == list(record.observation.postings)
            continue
        pages = exchanges(record)
        assert record.sidecar["requests"] == len(pages) and record.sidecar["url"] == pages[0]["url"]
        results = []
        for number, exchange in enumerate(pages):
            assert exchange["method"] == "POST" and exchange["status"] == 200
            assert exchange["url"] == f"https://apply.workable.com/api/v3/accounts/{record.board}/jobs"
            page = json.loads(exchange["body"])
            assert page["total"] == record.observation.reported_total
            assert ("nextPage" in page) == (number < len(pages) - 1)
            assert len(page["results"]) <= 10
            for result in page["results"]:
                assert isinstance(result["id"], int) and isinstance(result["department"], list)
                assert result["workplace"] in ("remote", "on_site", "hybrid")
                assert ISO_MS_Z.match(result["published"]) and result["published"].endswith("T00:00:00.000Z")
                assert "description" not in result
            results += page["results"]
        assert len(results) == page["total"] > 10  # several pages
        assert [r["shortcode"] for r in results] == list(record.observation.postings)
    assert sorted(surfaces.values()) == [".json", ".jsonl"]


# --- SmartRecruiters ----------------------------------------------------------------------------


def test_smartrecruiters_fetches_are_list_pages_then_details(default_sample: Sample) -> None:
    row_keys = set(real("smartrecruiters/ubisoft_postings_list.json")["content"][0])
    most_pages = 0
    for record in healthy_records(default_sample, "smartrecruiters"):
        log = exchanges(record)
        pages = [e for e in log if "/postings?" in e["url"]]
        details = [e for e in log if "/postings?" not in e["url"]]
        assert log[: len(pages)] == pages  # pages first
        most_pages = max(most_pages, len(pages))
        rows = []
        for number, exchange in enumerate(pages):
            page = json.loads(exchange["body"])
            assert (page["offset"], page["limit"]) == (number * 100, 100)
            assert page["totalFound"] == record.observation.reported_total
            rows += page["content"]
        assert len(rows) == len(details) == record.observation.reported_total
        for row, exchange in zip(rows, details, strict=True):
            assert set(row) == row_keys
            assert re.match(r"^\d{15}$", row["id"]) and ISO_MS_Z.match(row["releasedDate"])
            assert row["location"]["country"] == row["location"]["country"].lower()
            assert isinstance(row["location"]["remote"], bool) and isinstance(row["location"]["hybrid"], bool)
            assert exchange["url"] == row["ref"] and exchange["status"] == 200
            detail = json.loads(exchange["body"])
            assert detail["id"] == row["id"] and isinstance(detail["department"]["id"], int)
            assert detail["postingUrl"].startswith(
                f"https://jobs.smartrecruiters.com/{record.board}/{row['id']}-"
            )
            assert detail["applyUrl"] == detail["postingUrl"] + "?oga=true"
            sections = detail["jobAd"]["sections"]
            assert set(sections) == {
                "companyDescription",
                "jobDescription",
                "qualifications",
                "additionalInformation",
            }
            assert "&#xa0;" in sections["companyDescription"]["text"]
        assert [r["id"] for r in rows] == list(record.observation.postings)
    assert most_pages >= 2  # the large board needs a second page


def test_smartrecruiters_failed_detail_calls_make_the_fetch_incomplete(default_sample: Sample) -> None:
    [record] = [
        r for r in default_sample.fetches if r.provider == "smartrecruiters" and r.fault == "incomplete"
    ]
    assert record.sidecar["complete"] is False and "requests failed" in record.sidecar["error"]
    failed_log = [e for e in exchanges(record) if e["status"] != 200]
    failed = {e["url"].rsplit("/", 1)[1] for e in failed_log}
    ordered_failed = [e["url"].rsplit("/", 1)[1] for e in failed_log]
    failed_500 = {e["url"].rsplit("/", 1)[1] for e in failed_log if e["status"] == 500}
    assert failed and not failed & set(record.observation.postings)
    assert record.observation.reported_total == len(record.observation.postings) + len(failed)
    assert record.observation.is_reported_complete is False
    found = ADAPTERS["smartrecruiters"].extract(
        record.body or b"", ".jsonl", parse_exchange_log(record.body or b"")
    )
    assert [p["id"] for p in found.postings] == list(record.observation.postings)
    assert found.dropped == () and found.is_complete is False  # missed, not rejected
    assert found.warnings == (
        f"left out {len(failed)} posting{'s' * (len(failed) > 1)} without a successful detail response: "
        + ", ".join(f"{key} (HTTP {'500' if key in failed_500 else '429'})" for key in ordered_failed[:5])
        + (", ..." if len(failed) > 5 else ""),
    )


def test_exchange_log_faults_are_unhealthy_in_the_oracle(default_sample: Sample) -> None:
    for provider in ("smartrecruiters", "workable"):
        boards = {r.board for r in default_sample.fetches if r.provider == provider}
        for board in boards:
            records = [r for r in default_sample.fetches if r.board == board]
            health = assess_fetches([r.observation for r in records], default_sample.lifecycle)
            for record, state in zip(records, health, strict=True):
                assert state.is_healthy == (record.fault is None), (board, record.fault)
                if record.fault == "incomplete":
                    assert state.is_ok and not state.is_complete
                if record.fault == "truncated":
                    assert not state.is_ok


# --- Recruitee ----------------------------------------------------------------------------------


def test_recruitee_bodies_follow_the_documented_shape(default_sample: Sample) -> None:
    salaries, unset, flags = 0, 0, set()
    for record in healthy_records(default_sample, "recruitee"):
        document = json.loads(record.body or b"")
        assert list(document) == ["offers"]
        for offer in document["offers"]:
            assert isinstance(offer["id"], int)
            for key in ("created_at", "published_at", "updated_at"):
                assert RECRUITEE_TS.match(offer[key])
            salary = offer["salary"]
            assert set(salary) == {"min", "max", "period", "currency"}
            if salary["min"] is None:
                unset += 1
                assert set(salary.values()) == {None}
            else:
                salaries += 1
                assert isinstance(salary["min"], str) and float(salary["min"]) <= float(salary["max"])
                assert salary["period"] in ("year", "month", "hour")
            flags.add((offer["remote"], offer["hybrid"], offer["on_site"]))
            assert offer["locations"] and offer["careers_url"].startswith(
                f"https://{record.board}.recruitee.com/o/"
            )
            assert offer["careers_apply_url"] == offer["careers_url"] + "/c/new"
        assert [str(o["id"]) for o in document["offers"]] == list(record.observation.postings)
    assert salaries and unset
    assert (False, False, False) in flags and len(flags) == 4  # each flag alone, and none
