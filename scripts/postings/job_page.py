"""The reference job page answered from the marts: one short SQL query per slice.

These are the queries of README.md's "Answering the job page" section, kept here once so tests and
benchmarks import them (tests/python/test_job_page.py checks that the README shows exactly these).
Each is DuckDB SQL with named parameters (``$job_id``): in Python ``connection.execute(sql, params)``
with ``parameters_for(slice_query, params)``; in the duckdb shell ``PREPARE page AS <sql>;
EXECUTE page(job_id := '...')``. ``FACET_QUERIES`` are the BI dashboard's queries over the facet marts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

PARAMETER = re.compile(r"\$([a-z_]+)")

# The columns the job lists show (pages of 50, newest first).
_LIST_COLUMNS = "job_id, title, company_name, city, country_code, workplace_type, first_seen_at"
_LIST_ORDER = "order by first_seen_at desc, job_id limit 50"


@dataclass(frozen=True)
class SliceQuery:
    """One slice of the reference job page and the query that answers it."""

    name: str
    sql: str

    @property
    def parameters(self) -> tuple[str, ...]:
        """The named parameters the query takes, in order of first use."""
        return tuple(dict.fromkeys(PARAMETER.findall(self.sql)))


SLICES: tuple[SliceQuery, ...] = (
    SliceQuery("Job facts", "select * from mart_job_search where job_id = $job_id"),
    SliceQuery("Description", "select job_id, title, description_text from dim_jobs where job_id = $job_id"),
    SliceQuery(
        "Native payload",
        "select job_id, provider, source_hash, raw_payload_uri, payload_json from dim_job_payloads"
        " where job_id = $job_id",
    ),
    SliceQuery("Linked company", "select * from dim_companies where company_id = $company_id"),
    SliceQuery("Linked source", "select * from dim_job_sources where source_id = $source_id"),
    SliceQuery("Linked ATS provider", "select * from dim_ats_providers where provider = $provider"),
    SliceQuery(
        "Company jobs",
        f"select {_LIST_COLUMNS} from mart_job_search"
        f" where company_id = $company_id and is_active {_LIST_ORDER}",
    ),
    SliceQuery(
        "Company breakdowns",
        "select facet_type, facet_value, facet_label, active_jobs, share_of_company_active_jobs,"
        " opened_last_30_days, closed_last_30_days from mart_company_facets where company_id = $company_id"
        " order by facet_type, active_jobs desc, facet_value",
    ),
    SliceQuery(
        "ATS provider jobs",
        f"select {_LIST_COLUMNS} from mart_job_search where provider = $provider and is_active {_LIST_ORDER}",
    ),
    SliceQuery(
        "Provider filtered search",
        f"select {_LIST_COLUMNS}, seniority, salary_annual_min, salary_annual_max, salary_currency"
        " from mart_job_search where provider = $provider and is_active and country_code = $country_code"
        f" and workplace_type = $workplace_type and role_family = $role_family {_LIST_ORDER}",
    ),
    SliceQuery(
        "City jobs",
        f"select {_LIST_COLUMNS} from mart_job_search"
        f" where country_code = $country_code and city = $city and is_active {_LIST_ORDER}",
    ),
    SliceQuery(
        "Department jobs",
        f"select {_LIST_COLUMNS} from mart_job_search"
        f" where department = $department and is_active {_LIST_ORDER}",
    ),
    SliceQuery(
        "Work model jobs",
        f"select {_LIST_COLUMNS} from mart_job_search"
        f" where workplace_type = $workplace_type and is_active {_LIST_ORDER}",
    ),
    SliceQuery(
        "Lifecycle events",
        "select event_at, event_type, changed_fields, content_hash, previous_content_hash, last_seen_at"
        " from fct_job_lifecycle_events where job_id = $job_id order by event_at, event_type",
    ),
    SliceQuery(
        "Original posting",
        "select posting_url, source_url, apply_url from mart_job_search where job_id = $job_id",
    ),
)

# The BI dashboard (models/marts/_exposures.yml): what a Superset or Metabase chart asks of the facet
# marts. Same parameter style as SLICES.
FACET_QUERIES: tuple[SliceQuery, ...] = (
    SliceQuery(
        "Active jobs by day",
        "select date_day, sum(active_jobs) as active_jobs, sum(opened_jobs) as opened_jobs,"
        " sum(closed_jobs) as closed_jobs, sum(reopened_jobs) as reopened_jobs from mart_daily_job_counts"
        " group by date_day order by date_day",
    ),
    SliceQuery(
        "Top companies",
        "select company_name, active_jobs, opened_last_30_days, closed_last_30_days from dim_companies"
        " order by active_jobs desc, company_id limit 20",
    ),
    SliceQuery(
        "Company breakdown",
        "select facet_type, facet_value, active_jobs from mart_company_facets where company_id = $company_id"
        " order by facet_type, facet_value",
    ),
    SliceQuery(
        "Countries",
        "select country_code, country_name, active_jobs, remote_share, companies, median_annual_salary,"
        " salary_currency from mart_locations where location_level = 'country' order by active_jobs desc,"
        " location_key",
    ),
    SliceQuery(
        "Work models",
        "select workplace_type, active_jobs, share_of_active_jobs from mart_work_models"
        " order by workplace_type",
    ),
    SliceQuery(
        "Departments",
        "select department, active_jobs, companies from mart_departments"
        " order by active_jobs desc, department limit 20",
    ),
    SliceQuery(
        "ATS providers",
        "select provider, board_count, active_jobs, salary_share, department_share,"
        " structured_location_share, stated_workplace_type_share from dim_ats_providers order by provider",
    ),
    SliceQuery("Build", "select build_id, as_of_at, jobs, active_jobs from dim_warehouse_builds"),
)


class Connection(Protocol):
    def execute(self, query: str, parameters: Any = ...) -> Any: ...


def parameters_for(query: SliceQuery, values: dict[str, Any]) -> dict[str, Any]:
    """The subset of ``values`` the query takes (DuckDB refuses parameters a query does not use)."""
    missing = [name for name in query.parameters if name not in values]
    if missing:
        raise KeyError(f"slice {query.name!r} needs parameters {missing}")
    return {name: values[name] for name in query.parameters}


_EXAMPLE_COLUMNS = """
select
    jobs.job_id, jobs.company_id, jobs.source_id, jobs.provider, jobs.city, jobs.country_code,
    jobs.department, jobs.workplace_type, jobs.role_family
from mart_job_search as jobs
inner join dim_companies as companies on jobs.company_id = companies.company_id
"""
# Without a job_id: an active job of the company with the most active jobs that has every field the
# slices filter on (the busiest pages, so benchmarks measure the expensive case); ties go to the
# smallest job_id, so the choice is deterministic.
_BUSIEST_JOB = (
    _EXAMPLE_COLUMNS
    + "where jobs.is_active and jobs.city is not null and jobs.department is not null"
    + " order by companies.active_jobs desc, jobs.job_id limit 1"
)
_GIVEN_JOB = _EXAMPLE_COLUMNS + "where jobs.job_id = $job_id"


def example_parameters(connection: Connection, job_id: str | None = None) -> dict[str, Any]:
    """Parameter values for every slice, taken from one job of the warehouse: ``job_id``, else an
    active job of the company with the most active jobs that has a city and a department."""
    cursor = (
        connection.execute(_GIVEN_JOB, {"job_id": job_id})
        if job_id is not None
        else connection.execute(_BUSIEST_JOB)
    )
    row = cursor.fetchone()
    if row is None:
        wanted = f"job {job_id}" if job_id else "active job with a city and a department"
        raise LookupError(f"the warehouse has no {wanted}")
    names = [column[0] for column in cursor.description]
    return dict(zip(names, row, strict=True))
