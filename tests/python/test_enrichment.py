"""Enrichment on the session warehouse: real payloads parsed exactly, and every sample job of all ten
providers measured against what its posting states (each provider's ``stated`` in the sample generator),
per enriched field: 100% right where the posting states a value, unknown / null where it states none."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from conftest import Warehouse
from postings.sample import content as c
from postings.sample import generator
from postings.sample.base import Stated
from postings.sample.model import Board, BoardHistory, Job
from postings.sample.registry import provider_spec

REAL = {
    # Greenhouse: one free-text location with the work model in it.
    ("vercel", "6136160004"): {
        "city": "London",
        "region_code": "ENG",
        "country_code": "GB",
        "workplace_type": "hybrid",
        "workplace_type_source": "parsed_location",
        "is_remote": False,
        "seniority": "mid",
        "role_family": "sales",
        "language": "en",
        "launch_scope_reason": "outside_us_canada",
    },
    # Lever: pay only in the `additional` text; the posting's `country` is a structured field.
    ("palantir", "0bbfd4f4-41ff-4ec6-b73f-5200efd5d4d3"): {
        "city": "Palo Alto",
        "region_code": "CA",
        "country_code": "US",
        "location_method": "structured_field",
        "salary_min": 60000.0,
        "salary_max": 97000.0,
        "salary_currency": "USD",
        "salary_period": "year",
        "salary_annual_min": 60000.0,
        "salary_source": "parsed_text",
        "normalized_title": "Administrative Business Partner, Security",
        "launch_scope_included": True,
    },
    # Lever: 'Ho Chi Minh' is an alias of Ho Chi Minh City; 'Short Term' is temporary; the country
    # suffix leaves the title.
    ("spotify", "d87833d0-fb78-4794-b45d-3fe5c8274bc8"): {
        "city": "Ho Chi Minh City",
        "country_code": "VN",
        "employment_type": "temporary",
        "employment_type_source": "stated",
        "normalized_title": "Artist & Label Partnerships Contractor",
    },
    # Greenhouse docs example: 'NYC' alone.
    ("vaulttec", "127817"): {"city": "New York", "region_code": "NY", "country_code": "US"},
    # Ashby: 'Europe' with the address country 'European Union' (a region, not a country); remote from
    # workplaceType.
    ("linear", "d3bc1ced-3ce4-4086-a050-555055dbb1ff"): {
        "country_code": None,
        "macro_region": "europe",
        "workplace_type": "remote",
        "workplace_type_source": "stated",
        "launch_scope_reason": "country_unknown",
    },
    # Workable v1: telecommuting is the remote flag; the top-level city, state name and country.
    ("huggingface", "19A136F8E2"): {
        "city": "New York",
        "region_code": "NY",
        "country_code": "US",
        "workplace_type": "remote",
        "workplace_type_source": "stated",
        "launch_scope_included": True,
    },
    # SmartRecruiters: lower-case 'ca'; both flags false and 'Work flexibility: Office-based'; the
    # language code fr-CA.
    ("ubisoft2", "744000151912444"): {
        "city": "Montréal",
        "region_code": "QC",
        "country_code": "CA",
        "workplace_type": "onsite",
        "workplace_type_source": "stated",
        "employment_type": "full_time",
        "language": "fr",
        "language_source": "stated",
        "launch_scope_reason": "language_not_english",
    },
    ("ubisoft2", "744000151872065"): {"employment_type": "internship", "employment_type_source": "stated"},
    # Recruitee: salary strings with period 'month'; the hybrid flag.
    ("channable", "2751915"): {
        "city": "Utrecht",
        "country_code": "NL",
        "workplace_type": "hybrid",
        "salary_min": 3750.0,
        "salary_max": 5250.0,
        "salary_currency": "EUR",
        "salary_period": "month",
        "salary_annual_min": 45000.0,
        "salary_source": "structured",
    },
    # Workday: the requisition's alpha2Code; timeType 'Full time'; no remoteType on this tenant.
    ("nvidia", "JR2021705"): {
        "country_code": "IL",
        "employment_type": "full_time",
        "employment_type_source": "stated",
        "workplace_type": "unknown",
        "language": "en",
    },
    # Personio: salaryInformation with an empty max (a minimum only) and type 'yearly'.
    ("personio-demo", "2140231"): {
        "city": "London",
        "country_code": "GB",
        "salary_min": 100000.0,
        "salary_max": None,
        "salary_currency": "GBP",
        "salary_period": "year",
        "salary_annual_min": 100000.0,
        "salary_source": "structured",
        "employment_type": "full_time",
    },
    # BambooHR: 'provo ' untrimmed with the state name; employmentStatusLabel; no text, so no language.
    ("bamboohr-demo", "1"): {
        "city": "Provo",
        "region_code": "UT",
        "country_code": "US",
        "location_method": "structured_field",
        "employment_type": "full_time",
        "language": None,
        "launch_scope_reason": "language_unknown",
    },
    # Breezy: '$0.05 – $0.06 / hour' is no wage (rejected as implausible); type 'Other' says nothing.
    ("breezy", "98323abf2296"): {
        "city": "Chaos",
        "country_code": "US",
        "salary_min": None,
        "salary_source": "none",
        "employment_type": "unknown",
    },
    ("breezy", "088ac6d52139"): {"salary_source": "none", "employment_type": "contract"},
}
COLUMNS = sorted({column for expected in REAL.values() for column in expected})


@pytest.mark.parametrize("key", sorted(REAL), ids=lambda key: "/".join(key))
def test_real_posting_is_enriched_exactly(sample_warehouse: Warehouse, key: tuple[str, str]) -> None:
    board, provider_job_key = key
    rows = sample_warehouse.query(
        f"select {', '.join(COLUMNS)} from dim_jobs where board = ? and provider_job_key = ?",
        [board, provider_job_key],
    )
    assert len(rows) == 1
    actual = dict(zip(COLUMNS, rows[0], strict=True))
    expected = REAL[key]
    assert {column: actual[column] for column in expected} == expected


def test_every_location_of_a_job_is_a_bridge_row(sample_warehouse: Warehouse) -> None:
    rows = sample_warehouse.query(
        """
        select locations.location_index, locations.city, locations.country_code, locations.is_primary
        from dim_job_locations as locations
        inner join dim_jobs as jobs using (job_id)
        where jobs.provider_job_key = '2193db3f-77c5-43b8-b030-8f92c9882bf1'
        order by 1
        """
    )
    assert rows == [(1, "London", "GB", True), (2, "Stockholm", "SE", False)]


def test_primary_location_of_dim_jobs_is_the_bridge_primary(sample_warehouse: Warehouse) -> None:
    mismatched = sample_warehouse.query(
        """
        select jobs.job_id
        from dim_jobs as jobs
        left join dim_job_locations as locations
            on jobs.job_id = locations.job_id and locations.is_primary
        where coalesce(jobs.country_code, '-') != coalesce(locations.country_code, '-')
            or coalesce(jobs.city, '-') != coalesce(locations.city, '-')
        """
    )
    assert mismatched == []


def test_coverage_is_reported_per_provider(sample_warehouse: Warehouse) -> None:
    rows = dict(
        sample_warehouse.query("select provider, country_share from fct_enrichment_coverage order by 1")
    )
    providers = {provider for (provider,) in sample_warehouse.query("select distinct provider from dim_jobs")}
    assert set(rows) == providers
    assert all(0 <= share <= 1 for share in rows.values())
    # jobs that state a location get a country (BambooHR's remote postings state none at all)
    jobs = dict(sample_warehouse.query("select provider, count(*) from dim_jobs group by all"))
    assert dict(sample_warehouse.query("select provider, jobs from fct_enrichment_coverage")) == jobs


# --- the sample against the generator's truth ------------------------------------------------------
#
# Every provider's generator module says what each posting it renders states (``ProviderSpec.stated``:
# work model, employment type, location, pay, language). Enrichment must read exactly that: a value the
# posting states is right for 100% of jobs, and a value it does not state stays unknown / null.

FAMILY_OF_FUNCTION = {
    "engineering": "engineering",
    "data": "data_and_ml",
    "product": "product",
    "sales": "sales",
    "marketing": "marketing",
    "customer_success": "customer_success_and_support",
    "finance": "finance",
    "people": "people",
    "operations": "operations",
    "security": "engineering",
    "warehouse": "operations",
    "clinical": "other",
}
# Roles whose family is not their generator function's: the issue files ML engineers under data and ML,
# and the title taxonomy files governance / risk / compliance under legal.
FAMILY_OF_ROLE = {
    "Product Designer": "design",
    "UX Researcher": "design",
    "Head of Design": "design",
    "Machine Learning Engineer": "data_and_ml",
    "GRC Analyst": "legal",
}
US_CANADA = frozenset({"US", "CA"})
PERIOD_FACTORS = {"hour": 2080, "month": 12, "year": 1}


def expected_seniority(job: Job) -> str:
    """The level a job's title states. Leaders' titles name theirs (VP of Sales, Head of Data, Nurse
    Manager, Team Lead). Two titles the generator composes mean another level than the generator's: 'Staff
    Accountant' is the accounting title of a mid-level accountant, and an 'Operations Manager' manages
    people at any level word short of intern (the title case table reads both so: t32, t47)."""
    if job.seniority == "leader":
        if job.role.startswith("VP "):
            return "vp"
        if job.role == "CISO":
            return "executive"
        if any(word in job.role for word in ("Director", "Head of", "Controller", "Chief of Staff")):
            return "director"
        if job.role.endswith("Team Lead"):
            return "lead"  # 'Customer Success Manager, Team Lead': an IC manager title (t26)
        return "manager"  # Engineering Manager, Warehouse Supervisor, Nurse Manager
    if job.role == "Operations Manager" and job.seniority != "intern":
        return "manager"
    if job.role == "Accountant" and job.seniority == "staff":
        return "mid"
    return job.seniority


def fold(text: str | None) -> str | None:
    if text is None:
        return None
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Case:
    """One sample job: its board, its content as dim_jobs holds it, what its posting states, and the
    warehouse's row."""

    board: Board
    job: Job
    stated: Stated
    row: dict[str, Any]

    @property
    def provider(self) -> str:
        return self.board.provider


def latest_observed_jobs(warehouse: Warehouse) -> dict[tuple[str, str, str], tuple[Board, Job]]:
    """Each sample job's content in the last fault-free fetch that showed it (what dim_jobs holds)."""
    params = warehouse.manifest()["sample"]
    histories: list[BoardHistory] = []
    original = generator.render_history

    def capture(seed: int, history: BoardHistory, spec: Any) -> Any:
        if history.board.token == (histories[0].board.token if histories else None):
            histories.clear()  # build_sample simulated again (with scripted events): keep the last run
        histories.append(history)
        return original(seed, history, spec)

    generator.render_history = capture
    try:
        generator.build_sample(
            seed=params["seed"],
            boards=params["boards"],
            days=params["days"],
            jobs_per_board=params["jobs_per_board"],
            start=generator.date.fromisoformat(params["start"]),
            providers=params["providers"],
        )
    finally:
        generator.render_history = original
    jobs: dict[tuple[str, str, str], tuple[Board, Job]] = {}
    last_fault: dict[tuple[str, str, str], str | None] = {}
    for history in histories:
        board = history.board
        for snapshot in history.snapshots:
            if snapshot.fault is None:
                for job in snapshot.jobs:
                    jobs[(board.provider, board.token, job.key)] = (board, job)
            for job in snapshot.jobs:
                last_fault[(board.provider, board.token, job.key)] = snapshot.fault
    # a job last shown in a faulty fetch may have changed there: leave it out
    return {key: pair for key, pair in jobs.items() if last_fault[key] is None}


def is_public(board: Board, job: Job) -> bool:
    """Whether landing keeps the posting (Ashby's unlisted ones are dropped: no job)."""
    listed = provider_spec(board.provider).for_board(board).listed
    return listed is None or listed(board, job)


def stated_truth(board: Board, job: Job) -> Stated:
    stated = provider_spec(board.provider).for_board(board).stated
    assert stated is not None, f"the sample generator's {board.provider} has no `stated`"
    return stated(board, job)


@pytest.fixture(scope="module")
def truth_cases(sample_warehouse: Warehouse) -> list[Case]:
    columns = [
        "provider",
        "board",
        "provider_job_key",
        "title",
        "location_text",
        "city",
        "region_code",
        "country_code",
        "seniority",
        "role_family",
        "workplace_type",
        "workplace_type_source",
        "employment_type",
        "employment_type_source",
        "salary_min",
        "salary_max",
        "salary_currency",
        "salary_period",
        "salary_annual_min",
        "salary_annual_max",
        "salary_source",
        "language",
        "launch_scope_included",
        "launch_scope_reason",
    ]
    rows = sample_warehouse.query(f"select {', '.join(columns)} from dim_jobs")
    by_key = {row[:3]: dict(zip(columns, row, strict=True)) for row in rows}
    jobs = latest_observed_jobs(sample_warehouse)
    cases = [
        Case(board, job, stated_truth(board, job), by_key[key])
        for key, (board, job) in jobs.items()
        if is_public(board, job)
    ]
    assert len(cases) > 500
    return cases


def misses(cases: list[Case], check: Callable[[Case], tuple[Any, Any]]) -> dict[str, list[str]]:
    """Per provider, the jobs where ``check``'s (warehouse value, expected value) differ (three examples
    each, with the title and location text), so a failure says which provider and what it read."""
    found: dict[str, list[str]] = {}
    for case in cases:
        actual, expected = check(case)
        if actual != expected:
            examples = found.setdefault(case.provider, [])
            if len(examples) < 3:
                where = f"{case.row['title']!r} at {case.row['location_text']!r} on {case.board.token}"
                examples.append(f"{actual!r} != {expected!r}: {where}")
    return found


def test_every_provider_of_the_sample_is_measured(truth_cases: list[Case]) -> None:
    assert {case.provider for case in truth_cases} == set(generator.DEFAULT_PROVIDERS)


def test_locations_are_what_the_posting_names(truth_cases: list[Case]) -> None:
    # the primary location's country and city; a remote job names no city (and, in a bare 'Remote',
    # no country: Lever without `country`, Personio's office 'Remote', BambooHR)
    assert misses(truth_cases, lambda case: (case.row["country_code"], case.stated.country)) == {}

    def city(case: Case) -> tuple[Any, Any]:
        key = case.stated.city
        return fold(case.row["city"]), fold(c.CITIES[key].name) if key else None

    def region(case: Case) -> tuple[Any, Any]:
        key = case.stated.city
        expected = c.CITIES[key].region_code if key else None
        # a city the generator files without a region (Berlin) may get its state from the seeds (BE)
        return (case.row["region_code"] if expected else None), expected

    assert misses(truth_cases, city) == {}
    assert misses(truth_cases, region) == {}


def test_titles_give_the_stated_level_and_family(truth_cases: list[Case]) -> None:
    def family(case: Case) -> tuple[Any, Any]:
        job = case.job
        return case.row["role_family"], FAMILY_OF_ROLE.get(job.role, FAMILY_OF_FUNCTION[job.function])

    assert misses(truth_cases, lambda case: (case.row["seniority"], expected_seniority(case.job))) == {}
    assert misses(truth_cases, family) == {}


def test_work_model_is_the_stated_one_else_unknown(truth_cases: list[Case]) -> None:
    assert (
        misses(truth_cases, lambda case: (case.row["workplace_type"], case.stated.workplace or "unknown"))
        == {}
    )
    assert (
        misses(
            truth_cases,
            lambda case: (case.row["workplace_type_source"] == "none", case.stated.workplace is None),
        )
        == {}
    )
    # every provider states a work model for some of its jobs: remote ones at least
    assert {case.provider for case in truth_cases if case.stated.workplace} == set(
        generator.DEFAULT_PROVIDERS
    )


def test_employment_type_is_the_most_specific_stated_else_unknown(truth_cases: list[Case]) -> None:
    assert (
        misses(truth_cases, lambda case: (case.row["employment_type"], case.stated.employment or "unknown"))
        == {}
    )


def test_salary_is_what_the_posting_states(truth_cases: list[Case]) -> None:
    def salary(case: Case) -> tuple[Any, Any]:
        row, pay = case.row, case.stated.pay
        actual = (
            row["salary_min"],
            row["salary_max"],
            row["salary_currency"],
            row["salary_period"],
            row["salary_source"],
        )
        if pay is None:
            return actual, (None, None, None, None, "none")
        return actual, (pay.low, pay.high, pay.currency, pay.period, pay.source)

    def annual(case: Case) -> tuple[Any, Any]:
        pay = case.stated.pay
        if pay is None or pay.period is None:
            return (case.row["salary_annual_min"], case.row["salary_annual_max"]), (None, None)
        factor = PERIOD_FACTORS[pay.period]
        high = None if pay.high is None else round(pay.high * factor, 2)
        return (case.row["salary_annual_min"], case.row["salary_annual_max"]), (
            round(pay.low * factor, 2),
            high,
        )

    assert misses(truth_cases, salary) == {}
    # an unknown period is never annualized
    assert misses(truth_cases, annual) == {}
    assert any(case.stated.pay and case.stated.pay.period is None for case in truth_cases)


def test_language_and_launch_scope(truth_cases: list[Case]) -> None:
    # the sample is English; title-only postings (BambooHR, Breezy) have no text to tell
    assert misses(truth_cases, lambda case: (case.row["language"], case.stated.language)) == {}

    def scope(case: Case) -> tuple[Any, Any]:
        stated = case.stated
        if stated.language == "en" and stated.countries & US_CANADA:
            reason = "english_us_canada"
        elif stated.language is None:
            reason = "language_unknown"
        else:
            reason = "country_unknown" if not stated.countries else "outside_us_canada"
        expected = (reason == "english_us_canada", reason)
        return (case.row["launch_scope_included"], case.row["launch_scope_reason"]), expected

    assert misses(truth_cases, scope) == {}
