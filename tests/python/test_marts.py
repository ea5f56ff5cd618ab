"""The analyst marts on the session warehouse: companies from the registry, board health from the
generator's faults, facet and daily counts that add up to dim_jobs, and documentation BI tools see."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

from conftest import REAL_SAMPLES, Warehouse
from postings.build import run_dbt
from postings.registry import PROVIDERS

MARTS = (
    "mart_job_search",
    "dim_job_payloads",
    "dim_companies",
    "dim_job_sources",
    "dim_ats_providers",
    "mart_company_facets",
    "mart_provider_facets",
    "mart_locations",
    "mart_departments",
    "mart_work_models",
    "mart_daily_job_counts",
    "dim_warehouse_builds",
)
REGISTRY_NAMES = {
    ("greenhouse", "vercel"): "Vercel",
    ("lever", "spotify"): "Spotify",
    ("lever", "palantir"): "Palantir Technologies",
    ("smartrecruiters", "ubisoft2"): "Ubisoft",  # the registry spells the token Ubisoft2
    ("workday", "nvidia"): "NVIDIA",  # its payload says IL00 Mellanox Technologies, Ltd.
}


def test_registry_boards_take_the_registry_company(sample_warehouse: Warehouse) -> None:
    rows = sample_warehouse.query(
        "select sources.provider, sources.board, sources.company_name, companies.company_domain,"
        " sources.is_registered, sources.health_status"
        " from dim_job_sources as sources inner join dim_companies as companies using (company_id)"
    )
    boards = {(provider, board): rest for provider, board, *rest in rows}
    for key, name in REGISTRY_NAMES.items():
        company_name, domain, is_registered, _health = boards[key]
        assert (company_name, is_registered) == (name, True), key
        assert domain and domain.endswith((".com", ".co", ".app")), key
    # in the registry, never fetched
    assert boards[("greenhouse", "anthropic")][1:] == ["anthropic.com", True, "never_fetched"]


def test_boards_outside_the_registry_take_the_payload_name_else_the_token(
    sample_warehouse: Warehouse,
) -> None:
    manifest = {
        (board["provider"], board["board"]): board["company"]
        for board in sample_warehouse.manifest()["boards"]
    }
    rows = sample_warehouse.query(
        "select sources.provider, sources.board, companies.company_name, companies.company_source"
        " from dim_job_sources as sources inner join dim_companies as companies using (company_id)"
    )
    sources = Counter()
    for provider, board, name, source in rows:
        if (provider, board) not in manifest:
            continue
        sources[source] += 1
        # generated boards are not in the registry: the generator's company when payloads name it
        assert name == (manifest[(provider, board)] if source == "payload" else board), (provider, board)
    assert sources["payload"] >= 8 and sources["board_token"] >= 8 and not sources["registry"]


def test_every_job_belongs_to_its_boards_company(sample_warehouse: Warehouse) -> None:
    mismatches = sample_warehouse.query(
        """
        select count(*) from dim_jobs as jobs
        left join dim_job_sources as sources using (source_id)
        left join dim_companies as companies on jobs.company_id = companies.company_id
        where sources.company_id is distinct from jobs.company_id or companies.company_id is null
        """
    )
    assert mismatches == [(0,)]
    [(companies, jobs)] = sample_warehouse.query("select sum(active_jobs), sum(jobs) from dim_companies")
    assert (companies, jobs) == sample_warehouse.query(
        "select count(*) filter (where is_active), count(*) from dim_jobs"
    )[0]


def test_board_health_follows_the_last_fetch(sample_warehouse: Warehouse) -> None:
    """Generated boards: the fault (if any) of the last day's fetch decides; real-sample boards were
    fetched once, days before the as-of time: stale."""
    manifest = sample_warehouse.manifest()
    last_day = date.fromisoformat(manifest["sample"]["start"]).toordinal() + manifest["sample"]["days"] - 1
    last_faults = {
        (fault["provider"], fault["board"]): fault["kind"]
        for fault in manifest["faults"]
        if date.fromisoformat(fault["fetched_at"][:10]).toordinal() == last_day
    }
    expected_status = {"truncated": "failing", "network_error": "failing", "http_error": "failing"}
    expected_status |= {"incomplete": "unhealthy", "empty": "unhealthy"}
    health = dict(
        ((provider, board), status)
        for provider, board, status in sample_warehouse.query(
            "select provider, board, health_status from dim_job_sources"
        )
    )
    for board in manifest["boards"]:
        key = (board["provider"], board["board"])
        assert health[key] == expected_status.get(last_faults.get(key, ""), "healthy"), key
    assert any(status == "failing" for status in health.values())
    for sample in REAL_SAMPLES:
        assert health[(sample.provider, sample.board)] == "stale"


def test_ats_providers_report_which_fields_their_postings_carry(sample_warehouse: Warehouse) -> None:
    rows = sample_warehouse.query(
        "select provider, jobs, description_share, posted_at_share, structured_salary_share,"
        " department_share, structured_location_share, stated_workplace_type_share from dim_ats_providers"
    )
    shares = {provider: rest for provider, *rest in rows}
    assert set(shares) == set(PROVIDERS)
    for provider, (jobs, *fractions) in shares.items():
        assert jobs > 0 and all(0 <= fraction <= 1 for fraction in fractions), provider
    # BambooHR's careers list has neither descriptions nor posting dates (PROVIDERS.md)
    assert shares["bamboohr"][1:3] == [0.0, 0.0]
    # Ashby states its workplace type on every posting
    assert shares["ashby"][6] == 1.0


def test_facets_add_up_to_each_company_and_provider(sample_warehouse: Warehouse) -> None:
    for mart, key in (("mart_company_facets", "company_id"), ("mart_provider_facets", "provider")):
        wrong = sample_warehouse.query(
            f"""
            with facets as (
                select {key}, facet_type, sum(active_jobs) as active_jobs from {mart} group by all
            ),
            totals as (
                select {key}, count(*) filter (where is_active) as active_jobs from dim_jobs group by all
            )
            select count(*) from facets inner join totals using ({key})
            where facets.active_jobs != totals.active_jobs
            """
        )
        assert wrong == [(0,)], mart
    [(types,)] = sample_warehouse.query("select count(distinct facet_type) from mart_company_facets")
    assert types == 8


def test_locations_count_what_the_job_lists_return(sample_warehouse: Warehouse) -> None:
    wrong = sample_warehouse.query(
        """
        select location_key from mart_locations as places
        where active_jobs != (
            select count(*) from mart_job_search as jobs
            where jobs.is_active and jobs.country_code = places.country_code
              and (
                places.location_level = 'country'
                or jobs.region_code is not distinct from places.region_code
              )
              and (places.city is null or jobs.city = places.city)
        )
        """
    )
    assert wrong == []
    [(median, currency)] = sample_warehouse.query(
        "select median_annual_salary, salary_currency from mart_locations where location_key = 'US||'"
    )
    assert currency == "USD" and 10_000 < median < 1_000_000
    [(total,)] = sample_warehouse.query("select sum(active_jobs) from mart_work_models")
    assert total == sample_warehouse.query("select count(*) from dim_jobs where is_active")[0][0]


def test_daily_counts_replay_the_lifecycle_events(sample_warehouse: Warehouse) -> None:
    [(first_seen, closed, reopened, active_last)] = sample_warehouse.query(
        """
        select sum(first_seen_jobs), sum(closed_jobs), sum(reopened_jobs),
            sum(active_jobs) filter (where date_day = (select as_of_date from dim_warehouse_builds))
        from mart_daily_job_counts
        """
    )
    events = dict(
        sample_warehouse.query("select event_type, count(*) from fct_job_lifecycle_events group by all")
    )
    assert (first_seen, closed, reopened) == (events["open"], events["close"], events["reopen"])
    assert active_last == sample_warehouse.query("select count(*) from dim_jobs where is_active")[0][0]
    # the day of the sample's outage (every fetch failed) changes nothing
    outage = sample_warehouse.manifest()["scenarios"]["outage"]["date"]
    [(opened, closed_on_outage)] = sample_warehouse.query(
        "select sum(opened_jobs), sum(closed_jobs) from mart_daily_job_counts where date_day = ?", [outage]
    )
    assert (opened, closed_on_outage) == (0, 0)


def test_every_mart_and_column_is_documented_in_the_served_file(sample_warehouse: Warehouse) -> None:
    tables = sample_warehouse.query(
        "select table_name, comment from duckdb_tables() where schema_name = 'main' order by table_name"
    )
    assert set(MARTS) <= {table for table, _comment in tables}
    for table, comment in tables:
        assert comment and comment.startswith("One row per"), table
    undocumented = sample_warehouse.query(
        "select table_name, column_name from duckdb_columns() where schema_name = 'main' and not internal"
        " and (comment is null or comment = '')"
    )
    assert undocumented == []


def test_dbt_docs_generate_offline_with_the_exposures(sample_warehouse: Warehouse) -> None:
    paths = sample_warehouse.paths
    target = paths.warehouse / "dbt" / "docs-test"
    outcome = run_dbt(paths, "docs generate", ["--static", "--target-path", str(target)])
    assert outcome.success
    assert (target / "static_index.html").stat().st_size > 100_000
    manifest = json.loads((target / "manifest.json").read_text())
    exposures = {exposure["name"]: exposure for exposure in manifest["exposures"].values()}
    assert set(exposures) == {"job_page", "bi_dashboard"}
    assert "model.job_postings.mart_job_search" in exposures["job_page"]["depends_on"]["nodes"]
    catalog = json.loads((target / "catalog.json").read_text())
    comment = catalog["nodes"]["model.job_postings.mart_daily_job_counts"]["metadata"]["comment"]
    assert comment.startswith("One row per day")
