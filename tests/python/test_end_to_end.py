"""End to end on the session warehouse: sample -> land -> dbt build -> published file."""

from __future__ import annotations

from datetime import UTC, date, datetime

from conftest import Warehouse
from postings.cli import main as postings
from postings.landing import land
from postings.sample import build_sample
from postings.sample.oracle import location_key, title_key


def _iso(moment: datetime) -> str:
    return moment.replace(tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def test_events_match_the_generator_ground_truth_exactly(sample_warehouse: Warehouse) -> None:
    boards = {(board["provider"], board["board"]) for board in sample_warehouse.manifest()["boards"]}
    rows = sample_warehouse.query(
        """
        select jobs.provider, jobs.board, events.job_id, events.event_type, events.event_at
        from fct_job_lifecycle_events as events
        inner join dim_jobs as jobs using (job_id)
        """
    )
    actual = sorted(
        (job_id, event_type, _iso(event_at))
        for provider, board, job_id, event_type, event_at in rows
        if (provider, board) in boards
    )
    expected = sorted(
        (row["job_id"], row["event_type"], row["event_at"]) for row in sample_warehouse.ground_truth()
    )
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    assert not missing and not extra, f"missing {missing[:10]} extra {extra[:10]}"
    assert actual == expected


JOB_COLUMNS = (
    "status",
    "first_seen_at",
    "last_seen_at",
    "inactive_at",
    "days_open",
    "is_left_censored",
    "is_right_censored",
    "repost_of_job_id",
    "lineage_id",
    "repost_number",
    "lineage_repost_count",
    "lineage_days_open",
)


def _text(value: object) -> str:
    """A dim_jobs value as ground_truth_jobs.csv writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, datetime):
        return _iso(value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def test_jobs_match_the_generator_ground_truth_exactly(sample_warehouse: Warehouse) -> None:
    """Status, sightings, time open, censoring and repost lineages of every sample job, exactly."""
    boards = {(board["provider"], board["board"]) for board in sample_warehouse.manifest()["boards"]}
    rows = sample_warehouse.query(f"select provider, board, job_id, {', '.join(JOB_COLUMNS)} from dim_jobs")
    actual = sorted(
        (job_id, *(_text(value) for value in values))
        for provider, board, job_id, *values in rows
        if (provider, board) in boards
    )
    expected = sorted(
        (row["job_id"], *(row[column] for column in JOB_COLUMNS))
        for row in sample_warehouse.ground_truth_jobs()
    )
    assert len(actual) == len(expected)
    differences = [(a, e) for a, e in zip(actual, expected, strict=True) if a != e]
    assert not differences, differences[:5]
    assert any(row[JOB_COLUMNS.index("repost_of_job_id") + 1] for row in expected), "the sample has reposts"


def test_the_oracle_matches_reposts_on_what_staging_reads(sample_warehouse: Warehouse) -> None:
    """Every posting the oracle saw carries the identity (title, primary location text) that staging
    reads from the landed payload, for every provider: reposts are linked on the same values."""
    params = sample_warehouse.manifest()["sample"]
    sample = build_sample(
        seed=params["seed"],
        boards=params["boards"],
        days=params["days"],
        jobs_per_board=params["jobs_per_board"],
        start=date.fromisoformat(params["start"]),
        providers=params["providers"],
    )
    rows = sample_warehouse.query(
        """
        select sightings.provider, sightings.board, sightings.provider_job_key, sightings.fetched_at,
            postings.title, postings.location_text
        from staging.stg_landing__sightings as sightings
        inner join intermediate.int_postings_unioned as postings using (source_hash)
        """
    )
    staged = {(p, b, k, _iso(at)): (title_key(t), location_key(loc)) for p, b, k, at, t, loc in rows}
    checked: set[str] = set()
    for record in sample.fetches:
        for key in record.observation.postings:
            title, location = record.observation.identities[key]
            where = (record.provider, record.board, key, _iso(record.fetched_at))
            assert staged[where] == (title_key(title), location_key(location)), where
            checked.add(record.provider)
    assert checked == set(params["providers"])


def test_the_crawler_outage_closes_nothing(sample_warehouse: Warehouse) -> None:
    """On the sample's outage day every fetch failed; no job was closed by it: no close is dated to it,
    and no job seen on the day before has a close that a reopen on the day after undoes."""
    outage = sample_warehouse.manifest()["scenarios"]["outage"]["date"]
    failed = sample_warehouse.query(
        "select count(*), count(*) filter (where not is_ok) from fct_board_fetches where fetch_date = ?",
        [outage],
    )
    boards = len(sample_warehouse.manifest()["boards"])
    assert failed == [(boards, boards)]
    undone = sample_warehouse.query(
        """
        select closes.job_id
        from fct_job_lifecycle_events as closes
        inner join fct_job_lifecycle_events as reopens
            on closes.job_id = reopens.job_id and reopens.event_type = 'reopen'
        where closes.event_type = 'close'
            and cast(closes.last_seen_at as date) = cast(? as date) - 1
            and cast(reopens.event_at as date) = cast(? as date) + 1
        """,
        [outage, outage],
    )
    at_outage = sample_warehouse.query(
        """
        select count(*) from fct_job_lifecycle_events as events
        inner join fct_board_fetches as fetches using (fetch_id)
        where events.event_type = 'close' and fetches.fetch_date = ?
        """,
        [outage],
    )
    assert undone == [] and at_outage == [(0,)]


def test_the_board_that_really_shrank_closes_on_the_day_it_shrank(sample_warehouse: Warehouse) -> None:
    shrink = sample_warehouse.manifest()["scenarios"]["shrink"]
    [(fetch_id, postings, baseline, healthy, accepted)] = sample_warehouse.query(
        """
        select fetch_id, postings_count, baseline_postings, is_healthy, is_collapse_accepted
        from fct_board_fetches where provider = ? and board = ? and fetch_date = ?
        """,
        [shrink["provider"], shrink["board"], shrink["date"]],
    )
    assert healthy and accepted and postings < baseline / 2
    [(closes, last_seen_days)] = sample_warehouse.query(
        """
        select count(*), count(distinct cast(last_seen_at as date))
        from fct_job_lifecycle_events where event_type = 'close' and fetch_id = ?
        """,
        [fetch_id],
    )
    assert closes >= baseline / 2 and last_seen_days == 1


def test_field_changes_explain_every_update(sample_warehouse: Warehouse) -> None:
    rows = sample_warehouse.query(
        """
        select events.event_id, events.event_type, events.changed_fields, list(changes.field_name)
        from fct_job_lifecycle_events as events
        inner join fct_job_field_changes as changes using (event_id)
        group by all
        """
    )
    assert rows and {event_type for _, event_type, _, _ in rows} == {"update", "reopen"}
    assert all(sorted(listed) == sorted(names) for _, _, listed, names in rows)
    updates = sample_warehouse.query(
        "select count(*) from fct_job_lifecycle_events "
        "where event_type = 'update' and len(changed_fields) > 0"
    )
    assert updates == sample_warehouse.query(
        "select count(*) from fct_job_lifecycle_events where event_type = 'update'"
    )


def test_served_file_has_all_four_event_types(sample_warehouse: Warehouse) -> None:
    counts = dict(
        sample_warehouse.query("select event_type, count(*) from fct_job_lifecycle_events group by all")
    )
    assert set(counts) == {"open", "update", "close", "reopen"}
    assert all(count > 0 for count in counts.values())


def test_outage_fetches_are_unhealthy_and_close_nothing(sample_warehouse: Warehouse) -> None:
    unhealthy = sample_warehouse.query(
        "select status, is_ok, is_complete, is_collapse from fct_board_fetches where not is_healthy"
    )
    kinds = {
        (status, is_ok, is_complete, is_collapse) for status, is_ok, is_complete, is_collapse in unhealthy
    }
    assert any(not is_ok for _, is_ok, _, _ in kinds), "the sample has failed fetches"
    assert any(is_ok and is_collapse for _, is_ok, _, is_collapse in kinds), "the sample has empty responses"
    closes_in_unhealthy = sample_warehouse.query(
        """
        select count(*) from fct_job_lifecycle_events as events
        inner join fct_board_fetches as fetches using (fetch_id)
        where events.event_type = 'close' and not fetches.is_healthy
        """
    )
    assert closes_in_unhealthy == [(0,)]


def test_dim_jobs_lifecycle_columns_are_consistent(sample_warehouse: Warehouse) -> None:
    bad = sample_warehouse.query(
        """
        select job_id from dim_jobs
        where first_seen_at > last_seen_at
            or last_changed_at < first_seen_at
            or (status = 'inactive') != (inactive_at is not null)
            or is_active != (status = 'active')
            or length(job_id) != 40 or length(content_hash) != 64 or length(source_hash) != 64
            or raw_payload_uri not like 'raw/provider=%'
        """
    )
    assert bad == []


def test_landing_the_same_raw_files_again_changes_nothing(sample_warehouse: Warehouse) -> None:
    landing = sample_warehouse.paths.landing
    before = sorted((path.relative_to(landing), path.stat().st_size) for path in landing.rglob("*.parquet"))
    summary = land(sample_warehouse.paths)
    after = sorted((path.relative_to(landing), path.stat().st_size) for path in landing.rglob("*.parquet"))
    assert summary.fetches_landed == 0
    assert summary.already_landed > 0
    assert before == after


def test_cli_help_on_every_command(capsys) -> None:
    for command in ([], ["sample"], ["land"], ["build"], ["run"]):
        try:
            postings([*command, "--help"])
        except SystemExit as exit_:
            assert exit_.code == 0
        assert "usage: postings" in capsys.readouterr().out


def test_cli_usage_error_exits_2(capsys) -> None:
    try:
        postings(["sample", "--days", "many"])
    except SystemExit as exit_:
        assert exit_.code == 2
    assert "invalid int value" in capsys.readouterr().err
