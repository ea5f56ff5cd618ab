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

enrichments as (

    select * from {{ ref('int_postings_enriched') }}

),

sources as (

    -- the board's company (registry, else payload name, else board token): docs/contracts.md section 8
    select
        source_id,
        company_id
    from {{ ref('int_job_sources_resolved') }}

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

approximate_posted_dates as (

    -- a date resolved from relative text ("Posted 30+ Days Ago") is an upper bound; the earliest
    -- resolution over all of the job's payloads is the tightest one
    select
        sightings.job_id,
        min(postings.source_posted_at) as source_posted_at
    from sightings
    inner join postings
        on
            sightings.source_hash = postings.source_hash
            and sightings.provider = postings.provider
    where postings.is_source_posted_at_approximate
    group by sightings.job_id

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
        sources.company_id,
        latest_sightings.provider,
        latest_sightings.board,
        latest_sightings.provider_job_key,
        postings.title,
        enrichments.normalized_title,
        enrichments.seniority,
        enrichments.role_family,
        postings.company_name,
        postings.department,
        postings.team,
        postings.location_text,
        postings.location_texts,
        postings.locations,
        enrichments.city,
        enrichments.region_code,
        enrichments.country_code,
        enrichments.is_remote,
        enrichments.location_confidence,
        enrichments.macro_region,
        enrichments.country_codes,
        enrichments.workplace_type,
        enrichments.employment_type,
        postings.employment_type_raw,
        postings.workplace_type_raw,
        enrichments.salary_raw,
        enrichments.salary_min,
        enrichments.salary_max,
        enrichments.salary_currency,
        enrichments.salary_period,
        enrichments.salary_annual_min,
        enrichments.salary_annual_max,
        enrichments.salary_source,
        enrichments.language,
        enrichments.launch_scope_included,
        enrichments.launch_scope_reason,
        postings.description_text,
        -- staging leaves '{board}' in URLs it builds from the board token (docs/contracts.md section 5)
        replace(postings.source_url, '{board}', latest_sightings.board) as source_url,
        replace(postings.apply_url, '{board}', latest_sightings.board) as apply_url,
        coalesce(approximate_posted_dates.source_posted_at, postings.source_posted_at) as source_posted_at,
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
        lineages.lineage_days_open,
        enrichments.seniority_source,
        enrichments.role_family_source,
        enrichments.location_method,
        enrichments.location_match_level,
        enrichments.workplace_type_source,
        enrichments.employment_type_source,
        enrichments.language_source,
        enrichments.parser_version
    from latest_sightings
    inner join sighting_spans
        on latest_sightings.job_id = sighting_spans.job_id
    inner join latest_events
        on latest_sightings.job_id = latest_events.job_id
    inner join postings
        on
            latest_sightings.source_hash = postings.source_hash
            and latest_sightings.provider = postings.provider
    inner join enrichments
        on latest_sightings.source_hash = enrichments.source_hash
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
    left join approximate_posted_dates
        on latest_sightings.job_id = approximate_posted_dates.job_id
    left join sources
        on latest_sightings.source_id = sources.source_id

)

select * from final
