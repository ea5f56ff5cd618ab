{#-
    For an incremental build of the lifecycle events: every job of a board with a changed fetch
    (int_fetches_changed) and its anchor, the job's last sighting before the board's earliest changed
    fetch (null when there is none). Everything up to the anchor is as the last build saw it, so the
    job's events are derived again from the anchor on (docs/contracts.md section 7).
-#}
with

sightings as (

    select * from {{ ref('int_job_sightings_joined') }}

),

changed_boards as (

    select
        source_id,
        min(fetched_at) as changed_from
    from {{ ref('int_fetches_changed') }}
    group by source_id

),

anchored as (

    select
        sightings.job_id,
        max(case when sightings.fetched_at < changed_boards.changed_from then sightings.fetched_at end)
            as anchor_at
    from sightings
    inner join changed_boards
        on sightings.source_id = changed_boards.source_id
    group by sightings.job_id

)

select * from anchored
