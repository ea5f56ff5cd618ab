{#-
    One row per company: the owner of one or more boards, on one or several ATS, identified by the
    company key of int_job_sources_resolved (docs/contracts.md section 8).
-#}
with

sources as (

    select * from {{ ref('int_job_sources_resolved') }}

),

jobs as (

    select * from {{ ref('dim_jobs') }}

),

events as (

    select * from {{ ref('fct_job_lifecycle_events') }}

),

builds as (

    select recent_window_start_at from {{ ref('dim_warehouse_builds') }}

),

named_sources as (

    -- the name and domain a company shows: its registry rows first, then payload names, then tokens
    select
        *,
        row_number() over (
            partition by company_id
            order by
                case company_source when 'registry' then 1 when 'payload' then 2 else 3 end,
                provider,
                board
        ) as name_rank
    from sources

),

company_sources as (

    select
        company_id,
        count(*) as board_count,
        count(case when is_fetched then 1 end) as fetched_board_count,
        count(distinct provider) as provider_count,
        {{ list_to_text(list_agg_distinct('provider'), ', ') }} as providers
    from sources
    group by company_id

),

closed_recently as (

    select distinct events.job_id
    from events
    cross join builds
    where
        events.event_type = 'close'
        and events.event_at > builds.recent_window_start_at

),

company_jobs as (

    select
        jobs.company_id,
        count(*) as jobs,
        count(case when jobs.is_active then 1 end) as active_jobs,
        count(
            case when not jobs.is_left_censored and jobs.first_seen_at > builds.recent_window_start_at then 1 end
        ) as opened_last_30_days,
        count(closed_recently.job_id) as closed_last_30_days,
        min(jobs.first_seen_at) as first_seen_at,
        max(jobs.last_seen_at) as last_seen_at
    from jobs
    cross join builds
    left join closed_recently
        on jobs.job_id = closed_recently.job_id
    group by jobs.company_id

),

final as (

    select
        named_sources.company_id,
        named_sources.company_name,
        named_sources.company_domain,
        named_sources.company_key,
        named_sources.company_source,
        company_sources.board_count,
        company_sources.fetched_board_count,
        company_sources.provider_count,
        company_sources.providers,
        coalesce(company_jobs.jobs, 0) as jobs,
        coalesce(company_jobs.active_jobs, 0) as active_jobs,
        coalesce(company_jobs.opened_last_30_days, 0) as opened_last_30_days,
        coalesce(company_jobs.closed_last_30_days, 0) as closed_last_30_days,
        company_jobs.first_seen_at,
        company_jobs.last_seen_at
    from named_sources
    inner join company_sources
        on named_sources.company_id = company_sources.company_id
    left join company_jobs
        on named_sources.company_id = company_jobs.company_id
    where named_sources.name_rank = 1

)

select * from final
