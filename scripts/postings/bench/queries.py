"""The job-page queries whose latency the bench measures on the served file.

A representative set of what the reference job page shows (DESIGN.md section 1), kept in this one
place so the marts issue can replace them with the README's final queries. Each query takes one
parameter, drawn from the served file by its ``pick`` query.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class JobPageQuery:
    name: str
    sql: str  # one `?` parameter
    pick: str  # the parameter values to draw from


JOB_PAGE_QUERIES: tuple[JobPageQuery, ...] = (
    JobPageQuery(
        "job facts by job_id",
        "select * from dim_jobs where job_id = ?",
        "select job_id from dim_jobs",
    ),
    JobPageQuery(
        "company jobs",
        "select job_id, title, location_text, status, first_seen_at from dim_jobs "
        "where company_id = ? order by first_seen_at desc limit 50",
        "select distinct company_id from dim_jobs",
    ),
    JobPageQuery(
        "lifecycle events of a job",
        "select event_type, event_at, changed_fields from fct_job_lifecycle_events "
        "where job_id = ? order by event_at",
        "select job_id from dim_jobs",
    ),
    JobPageQuery(
        "provider-filtered search",
        "select job_id, title, board, location_text from dim_jobs "
        "where provider = ? and is_active and title ilike '%engineer%' order by first_seen_at desc limit 50",
        "select distinct provider from dim_jobs",
    ),
    JobPageQuery(
        "city jobs",
        "select job_id, title, board from dim_jobs "
        "where location_text = ? and is_active order by first_seen_at desc limit 50",
        "select distinct location_text from dim_jobs where location_text is not null",
    ),
)
