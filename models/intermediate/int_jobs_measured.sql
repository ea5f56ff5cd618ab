{#-
    How long each job was open, in observation time (docs/contracts.md section 3): every open or reopen
    event starts a span that its next close ends; a span still open ends at the board's latest healthy
    fetch (or the job's last sighting, if later). Left-censored: no healthy fetch of the board came
    before the job's first sighting (it may have opened before we looked); right-censored: still open.
-#}
with

events as (

    select * from {{ ref('int_job_events_derived') }}

),

sightings as (

    select * from {{ ref('int_job_sightings_joined') }}

),

fetches as (

    select * from {{ ref('int_fetches_assessed') }}

),

board_checks as (

    select
        source_id,
        max(fetched_at) as last_checked_at
    from fetches
    where is_healthy
    group by source_id

),

first_sightings as (

    select
        numbered.job_id,
        numbered.source_id,
        numbered.fetched_at as first_seen_at,
        fetches.healthy_fetch_number - case when fetches.is_healthy then 1 else 0 end = 0 as is_left_censored
    from (
        select
            *,
            row_number() over (partition by job_id order by fetched_at, fetch_id) as sighting_number
        from sightings
    ) as numbered
    inner join fetches
        on numbered.fetch_id = fetches.fetch_id
    where numbered.sighting_number = 1

),

sighting_spans as (

    select
        job_id,
        max(fetched_at) as last_seen_at
    from sightings
    group by job_id

),

state_changes as (

    -- open / reopen start a span, close ends it (they alternate per job)
    select
        job_id,
        event_type,
        event_at,
        lead(event_at) over (partition by job_id order by event_at, event_type) as next_event_at,
        row_number() over (partition by job_id order by event_at desc, event_type desc) as recency
    from events
    where event_type in ('open', 'reopen', 'close')

),

open_spans as (

    select
        state_changes.job_id,
        state_changes.event_at as opened_at,
        coalesce(
            state_changes.next_event_at,
            greatest(coalesce(board_checks.last_checked_at, sighting_spans.last_seen_at), sighting_spans.last_seen_at)
        ) as ended_at
    from state_changes
    inner join first_sightings
        on state_changes.job_id = first_sightings.job_id
    inner join sighting_spans
        on state_changes.job_id = sighting_spans.job_id
    left join board_checks
        on first_sightings.source_id = board_checks.source_id
    where state_changes.event_type in ('open', 'reopen')

),

open_durations as (

    select
        job_id,
        sum({{ timestamp_diff_milliseconds('opened_at', 'ended_at') }}) as open_milliseconds
    from open_spans
    group by job_id

),

last_states as (

    select
        job_id,
        event_type != 'close' as is_right_censored
    from state_changes
    where recency = 1

),

measured as (

    select
        first_sightings.job_id,
        first_sightings.source_id,
        first_sightings.first_seen_at,
        sighting_spans.last_seen_at,
        open_durations.open_milliseconds,
        cast(open_durations.open_milliseconds as double) / 86400000 as days_open,
        first_sightings.is_left_censored,
        last_states.is_right_censored
    from first_sightings
    inner join sighting_spans
        on first_sightings.job_id = sighting_spans.job_id
    inner join open_durations
        on first_sightings.job_id = open_durations.job_id
    inner join last_states
        on first_sightings.job_id = last_states.job_id

)

select * from measured
