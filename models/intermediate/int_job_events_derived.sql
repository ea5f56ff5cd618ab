{#-
    Lifecycle events from sightings (docs/contracts.md section 3):
    open at the first sighting; between two sightings with >= close_after_missing_fetches healthy
    fetches of the board in between, close at the first of them and reopen at the later sighting;
    otherwise update when the content hash changed; after the last sighting, close at the first
    healthy fetch once close_after_missing_fetches healthy fetches passed without the job.
    last_seen_at: the latest sighting at or before the event (for a close, the last fetch that showed
    the job; the close itself is dated to the first healthy fetch without it).
-#}
{#-
    Incremental (docs/contracts.md section 7): a build derives again only the events of jobs of boards
    with a changed fetch, from each job's anchor on (int_job_anchors_located); the pre-hook deletes
    the events it replaces. The result equals a full build.
-#}
{{ config(
    materialized=incremental_materialization('delete_then_append'),
    incremental_strategy=incremental_strategy('delete_then_append'),
    on_schema_change='fail',
    pre_hook="{% if is_incremental() %}{{ delete_job_event_tails() }}{% endif %}",
) }}
-- depends_on: {{ ref('int_job_anchors_located') }}
{%- set missing = var('close_after_missing_fetches') %}

with

{% if is_incremental() %}
anchors as (

    select * from {{ ref('int_job_anchors_located') }}

),

sightings_in_scope as (

    -- from the anchor on (the anchor itself gives the previous version and position)
    select
        sightings.*,
        anchors.anchor_at
    from {{ ref('int_job_sightings_joined') }} as sightings
    inner join anchors
        on sightings.job_id = anchors.job_id
    where anchors.anchor_at is null or sightings.fetched_at >= anchors.anchor_at

),
{% else %}
sightings_in_scope as (

    select
        *,
        cast(null as timestamp) as anchor_at
    from {{ ref('int_job_sightings_joined') }}

),
{% endif %}

fetches as (

    select * from {{ ref('int_fetches_assessed') }}

),

sightings as (

    select
        sightings_in_scope.*,
        fetches.is_healthy as is_fetch_healthy,
        fetches.healthy_fetch_number,
        fetches.board_healthy_fetches
    from sightings_in_scope
    inner join fetches
        on sightings_in_scope.fetch_id = fetches.fetch_id

),

healthy_fetches as (

    select
        source_id,
        healthy_fetch_number,
        fetch_id,
        fetched_at
    from fetches
    where is_healthy

),

sequenced as (

    select
        *,
        row_number() over by_job as sighting_number,
        lag(content_hash) over by_job as previous_content_hash,
        lag(source_hash) over by_job as previous_source_hash,
        lag(healthy_fetch_number) over by_job as previous_healthy_fetch_number,
        lag(fetched_at) over by_job as previous_fetched_at,
        lead(fetch_id) over by_job as next_fetch_id
    from sightings
    window by_job as (partition by job_id order by fetched_at, fetch_id)

),

gaps as (

    select
        *,
        -- healthy fetches of the board strictly between the previous sighting and this one
        healthy_fetch_number - previous_healthy_fetch_number
        - case when is_fetch_healthy then 1 else 0 end as healthy_fetches_missed_before,
        -- healthy fetches of the board after the last sighting
        case
            when next_fetch_id is null then board_healthy_fetches - healthy_fetch_number
        end as healthy_fetches_missed_after
    from sequenced

),

sighting_events as (

    select
        job_id,
        source_id,
        case
            when sighting_number = 1 then 'open'
            when healthy_fetches_missed_before >= {{ missing }} then 'reopen'
            else 'update'
        end as event_type,
        fetched_at as event_at,
        fetch_id,
        content_hash,
        case when sighting_number > 1 then previous_content_hash end as previous_content_hash,
        source_hash,
        case when sighting_number > 1 then previous_source_hash end as previous_source_hash,
        fetched_at as last_seen_at
    from gaps
    where
        (anchor_at is null or fetched_at > anchor_at)
        and (
            sighting_number = 1
            or healthy_fetches_missed_before >= {{ missing }}
            or content_hash != previous_content_hash
        )

),

closes_between as (

    select
        job_id,
        source_id,
        previous_healthy_fetch_number + 1 as close_healthy_fetch_number,
        previous_content_hash as content_hash,
        previous_source_hash as source_hash,
        previous_fetched_at as last_seen_at
    from gaps
    where sighting_number > 1 and healthy_fetches_missed_before >= {{ missing }}

),

closes_after as (

    select
        job_id,
        source_id,
        healthy_fetch_number + 1 as close_healthy_fetch_number,
        content_hash,
        source_hash,
        fetched_at as last_seen_at
    from gaps
    where healthy_fetches_missed_after >= {{ missing }}

),

close_events as (

    select
        closes.job_id,
        closes.source_id,
        'close' as event_type,
        healthy_fetches.fetched_at as event_at,
        healthy_fetches.fetch_id,
        closes.content_hash,
        cast(null as string) as previous_content_hash,
        closes.source_hash,
        cast(null as string) as previous_source_hash,
        closes.last_seen_at
    from (
        select * from closes_between
        union all
        select * from closes_after
    ) as closes
    inner join healthy_fetches
        on
            closes.source_id = healthy_fetches.source_id
            and closes.close_healthy_fetch_number = healthy_fetches.healthy_fetch_number

),

unioned as (

    select * from sighting_events
    union all
    select * from close_events

)

select * from unioned
