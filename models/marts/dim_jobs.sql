with

sightings as (

    select * from {{ ref('int_job_sightings_joined') }}

),

events as (

    select * from {{ ref('int_job_events_derived') }}

),

postings as (

    select * from {{ ref('int_postings_unioned') }}

),

fetches as (

    select * from {{ ref('int_fetches_assessed') }}

),

measures as (

    select * from {{ ref('int_jobs_measured') }}

),

lineages as (

    select * from {{ ref('int_job_lineages_traced') }}

),

latest_sightings as (

    select *
    from (
        select
            *,
            row_number() over (partition by job_id order by fetched_at desc, fetch_id desc) as recency
        from sightings
    ) as ranked
    where recency = 1

),

sighting_spans as (

    select
        job_id,
        min(fetched_at) as first_seen_at,
        max(fetched_at) as last_seen_at
    from sightings
    group by job_id

),

latest_events as (

    select *
    from (
        select
            job_id,
            event_type,
            event_at,
            row_number() over (partition by job_id order by event_at desc, event_type asc) as recency
        from events
    ) as ranked
    where recency = 1

),

content_changes as (

    select
        job_id,
        max(event_at) as last_changed_at
    from events
    where
        event_type in ('open', 'update')
        or (event_type = 'reopen' and content_hash != previous_content_hash)
    group by job_id

),

board_checks as (

    select
        source_id,
        max(fetched_at) as last_checked_at
    from fetches
    where is_healthy
    group by source_id

),

final as (

    select
        latest_sightings.job_id,
        latest_sightings.source_id,
        {{ company_id('latest_sightings.board') }} as company_id,
        latest_sightings.provider,
        latest_sightings.board,
        latest_sightings.provider_job_key,
        postings.title,
        postings.company_name,
        postings.department,
        postings.team,
        postings.location_text,
        postings.location_texts,
        postings.locations,
        postings.employment_type_raw,
        postings.workplace_type_raw,
        postings.description_text,
        postings.source_url,
        postings.apply_url,
        postings.source_posted_at,
        postings.source_updated_at,
        sighting_spans.first_seen_at,
        sighting_spans.last_seen_at,
        board_checks.last_checked_at,
        content_changes.last_changed_at,
        case when latest_events.event_type = 'close' then latest_events.event_at end as inactive_at,
        case when latest_events.event_type = 'close' then 'inactive' else 'active' end as status,
        latest_events.event_type != 'close' as is_active,
        latest_sightings.content_hash,
        latest_sightings.source_hash,
        latest_fetches.raw_uri as raw_payload_uri,
        postings.provider_fields,
        measures.days_open,
        measures.is_left_censored,
        measures.is_right_censored,
        lineages.repost_of_job_id,
        lineages.lineage_id,
        lineages.repost_number,
        lineages.lineage_repost_count,
        lineages.lineage_days_open
    from latest_sightings
    inner join sighting_spans
        on latest_sightings.job_id = sighting_spans.job_id
    inner join latest_events
        on latest_sightings.job_id = latest_events.job_id
    inner join postings
        on
            latest_sightings.source_hash = postings.source_hash
            and latest_sightings.provider = postings.provider
    inner join fetches as latest_fetches
        on latest_sightings.fetch_id = latest_fetches.fetch_id
    left join content_changes
        on latest_sightings.job_id = content_changes.job_id
    left join board_checks
        on latest_sightings.source_id = board_checks.source_id
    left join measures
        on latest_sightings.job_id = measures.job_id
    left join lineages
        on latest_sightings.job_id = lineages.job_id

)

select * from final
