"""The reference job page answered from the marts: README's slice table is the code's, every query
runs on the sample warehouse, and each returns the rows an independent reading of dim_jobs expects."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import duckdb
import pytest

from conftest import Warehouse
from postings.job_page import FACET_QUERIES, SLICES, SliceQuery, example_parameters, parameters_for
from postings.paths import PROJECT_DIR

README = PROJECT_DIR / "README.md"
# A Spotify job of the real Lever sample (the reference page's company and provider), as in README.md.
SPOTIFY_JOB_ID = "74a72e921134144376bd656fb0408e9f273d6333"
PAGE_SIZE = 50


def readme_section(title: str) -> str:
    text = README.read_text()
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def table_rows(section: str, heading: str) -> list[list[str]]:
    """The rows of the markdown table whose header row starts with ``| heading |``."""
    lines = section.splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith(f"| {heading} |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def code_spans(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def readme_slices() -> list[tuple[str, str]]:
    rows = table_rows(readme_section("Answering the job page"), "slice")
    return [(name, *code_spans(query)) for name, query in rows]


@pytest.fixture(scope="module")
def connection(sample_warehouse: Warehouse) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(sample_warehouse.paths.served_db), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def jobs(connection: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every job as dim_jobs has it, with its company's name: the independent reading the slices are
    checked against."""
    cursor = connection.execute(
        "select jobs.*, companies.company_name as resolved_company_name from dim_jobs as jobs"
        " inner join dim_companies as companies using (company_id)"
    )
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def run(connection: duckdb.DuckDBPyConnection, query: SliceQuery, params: dict[str, Any]) -> list[dict]:
    cursor = connection.execute(query.sql, parameters_for(query, params))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def newest_first(rows: list[dict[str, Any]]) -> list[str]:
    """job_ids of the active jobs among ``rows`` as the job lists order them: newest first, one page."""
    active = [row for row in rows if row["is_active"]]
    active.sort(key=lambda row: row["job_id"])
    active.sort(key=lambda row: row["first_seen_at"], reverse=True)
    return [row["job_id"] for row in active[:PAGE_SIZE]]


def test_readme_shows_exactly_the_slice_queries_of_the_code() -> None:
    assert readme_slices() == [(query.name, query.sql) for query in SLICES]


def test_readme_names_only_columns_the_slices_return(connection: duckdb.DuckDBPyConnection) -> None:
    params = example_parameters(connection, SPOTIFY_JOB_ID)
    columns = {
        query.name: {
            column[0] for column in connection.execute(query.sql, parameters_for(query, params)).description
        }
        for query in SLICES
    }
    rows = table_rows(readme_section("Answering the job page"), "field on the page")
    assert len(rows) >= 25
    for field, slice_name, cell in rows:
        assert slice_name in columns, f"{field}: no slice named {slice_name!r}"
        missing = set(code_spans(cell)) - columns[slice_name]
        assert not missing, f"{field}: {slice_name} returns no {sorted(missing)}"


@pytest.mark.parametrize("job_id", [None, SPOTIFY_JOB_ID], ids=["busiest-company", "spotify"])
def test_every_slice_returns_the_right_rows(
    connection: duckdb.DuckDBPyConnection, jobs: list[dict[str, Any]], job_id: str | None
) -> None:
    params = example_parameters(connection, job_id)
    by_id = {job["job_id"]: job for job in jobs}
    job = by_id[params["job_id"]]
    result = {query.name: run(connection, query, params) for query in SLICES}
    list_ids = {
        name: [row["job_id"] for row in rows] for name, rows in result.items() if name.endswith(" jobs")
    }

    [facts] = result["Job facts"]
    for column in (
        "title",
        "status",
        "city",
        "country_code",
        "workplace_type",
        "source_hash",
        "first_seen_at",
    ):
        assert facts[column] == job[column], column
    assert facts["company_name"] == job["resolved_company_name"]

    [description] = result["Description"]
    assert description["description_text"] == job["description_text"]

    [payload] = result["Native payload"]
    assert hashlib.sha256(payload["payload_json"].encode()).hexdigest() == job["source_hash"]
    assert payload["raw_payload_uri"] == job["raw_payload_uri"]

    [company] = result["Linked company"]
    assert company["company_id"] == job["company_id"]
    assert company["active_jobs"] == sum(
        1 for row in jobs if row["company_id"] == job["company_id"] and row["is_active"]
    )
    [source] = result["Linked source"]
    assert (source["provider"], source["board"]) == (job["provider"], job["board"])
    [provider] = result["Linked ATS provider"]
    assert provider["jobs"] == sum(1 for row in jobs if row["provider"] == job["provider"])

    def expected(predicate: Any) -> list[str]:
        return newest_first([row for row in jobs if predicate(row)])

    assert list_ids["Company jobs"] == expected(lambda row: row["company_id"] == job["company_id"])
    assert list_ids["ATS provider jobs"] == expected(lambda row: row["provider"] == job["provider"])
    assert list_ids["City jobs"] == expected(
        lambda row: (row["country_code"], row["city"]) == (job["country_code"], job["city"])
    )
    assert list_ids["Department jobs"] == expected(lambda row: row["department"] == job["department"])
    assert list_ids["Work model jobs"] == expected(lambda row: row["workplace_type"] == job["workplace_type"])
    filters = ("provider", "country_code", "workplace_type", "role_family")
    assert len(list_ids) == 5 and all(list_ids.values())
    assert [row["job_id"] for row in result["Provider filtered search"]] == expected(
        lambda row: all(row[name] == job[name] for name in filters)
    )

    breakdowns = result["Company breakdowns"]
    company_jobs = [row for row in jobs if row["company_id"] == job["company_id"]]
    for facet_type, column in (
        ("role_family", "role_family"),
        ("ats", "provider"),
        ("seniority", "seniority"),
    ):
        counts: dict[str, int] = {}
        for row in company_jobs:
            if row["is_active"]:
                counts[row[column]] = counts.get(row[column], 0) + 1
        actual = {
            row["facet_value"]: row["active_jobs"] for row in breakdowns if row["facet_type"] == facet_type
        }
        assert {value: count for value, count in actual.items() if count} == counts, facet_type

    events = result["Lifecycle events"]
    assert events[0]["event_type"] == "open"
    assert events[0]["event_at"] == job["first_seen_at"]
    assert [row["event_type"] == "close" for row in events[-1:]] == [not job["is_active"]]

    [posting] = result["Original posting"]
    assert posting["posting_url"] == (job["source_url"] or job["apply_url"])


def test_the_spotify_job_reads_like_the_reference_page(connection: duckdb.DuckDBPyConnection) -> None:
    """The reference page is a Lever job of Spotify: the same fields come out of our marts."""
    params = example_parameters(connection, SPOTIFY_JOB_ID)
    page = {query.name: run(connection, query, params) for query in SLICES}
    [facts] = page["Job facts"]
    assert facts["company_name"] == "Spotify" and facts["company_domain"] == "spotify.com"
    assert facts["provider"] == "lever" and facts["board"] == "spotify"
    assert (facts["department"], facts["team"]) == ("Engineering", "Experience")
    assert (facts["city"], facts["country_name"]) == ("London", "United Kingdom")
    assert facts["status"] == "active" and facts["is_active"]
    assert facts["inferred_at"] > facts["last_seen_at"] and facts["parser_version"]
    assert facts["posting_url"].startswith("https://jobs.lever.co/spotify/")
    [company] = page["Linked company"]
    assert (company["company_source"], company["providers"]) == ("registry", "lever")
    [source] = page["Linked source"]
    assert source["is_registered"] and source["health_status"] == "stale"  # fetched once, on 2026-05-10
    [provider] = page["Linked ATS provider"]
    assert provider["provider_name"] == "Lever"
    native = json.loads(page["Native payload"][0]["payload_json"])
    assert native["id"] == facts["provider_job_key"] and native["categories"]["team"] == "Experience"
    assert [row["event_type"] for row in page["Lifecycle events"]] == ["open"]


def test_bi_dashboard_queries_run(connection: duckdb.DuckDBPyConnection) -> None:
    params = example_parameters(connection)
    for query in FACET_QUERIES:
        assert run(connection, query, params), query.name


def test_as_of_is_the_latest_healthy_fetch_not_the_wall_clock(connection: duckdb.DuckDBPyConnection) -> None:
    as_of, start, built = connection.execute(
        "select as_of_at, recent_window_start_at, built_at from dim_warehouse_builds"
    ).fetchone()
    assert (
        as_of
        == connection.execute("select max(fetched_at) from fct_board_fetches where is_healthy").fetchone()[0]
    )
    assert as_of.date().isoformat() == "2026-05-21" and (as_of - start).days == 30
    assert built > as_of and isinstance(built, datetime)
