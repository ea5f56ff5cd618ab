{#-
    One row per board (source): its provider, company, fetch history and health as of the warehouse's
    as-of time. Registry boards never fetched are listed too (health_status never_fetched).
-#}
with

sources as (

    select * from {{ ref('int_job_sources_resolved') }}

),

companies as (

    select
        company_id,
        company_name
    from {{ ref('dim_companies') }}

),

fetches as (

    select * from {{ ref('fct_board_fetches') }}

),

jobs as (

    select * from {{ ref('dim_jobs') }}

),

builds as (

    select
        as_of_at,
        recent_window_start_at
    from {{ ref('dim_warehouse_builds') }}

),

fetch_history as (

    select
        fetches.source_id,
        min(fetches.fetched_at) as first_fetched_at,
        max(fetches.fetched_at) as last_fetched_at,
        max(case when fetches.is_healthy then fetches.fetched_at end) as last_healthy_fetch_at,
        count(*) as fetch_count,
        count(case when fetches.is_ok then 1 end) as ok_fetch_count,
        count(case when fetches.is_healthy then 1 end) as healthy_fetch_count,
        count(case when fetches.fetched_at > builds.recent_window_start_at then 1 end) as recent_fetch_count,
        count(
            case when fetches.is_healthy and fetches.fetched_at > builds.recent_window_start_at then 1 end
        ) as recent_healthy_fetch_count
    from fetches
    cross join builds
    group by fetches.source_id

),

latest_fetches as (

    select *
    from (
        select
            source_id,
            status,
            is_healthy,
            unhealthy_reason,
            postings_count,
            row_number() over (partition by source_id order by fetched_at desc, fetch_id desc) as recency
        from fetches
    ) as ranked
    where recency = 1

),

source_jobs as (

    select
        source_id,
        count(*) as jobs,
        count(case when is_active then 1 end) as active_jobs
    from jobs
    group by source_id

),

final as (

    select
        sources.source_id,
        sources.provider,
        sources.board,
        sources.company_id,
        companies.company_name,
        sources.is_registered,
        sources.is_fetched,
        fetch_history.first_fetched_at,
        fetch_history.last_fetched_at,
        fetch_history.last_healthy_fetch_at,
        coalesce(fetch_history.fetch_count, 0) as fetch_count,
        coalesce(fetch_history.ok_fetch_count, 0) as ok_fetch_count,
        coalesce(fetch_history.healthy_fetch_count, 0) as healthy_fetch_count,
        cast(fetch_history.healthy_fetch_count as double) / fetch_history.fetch_count as healthy_fetch_share,
        cast(fetch_history.recent_healthy_fetch_count as double)
        / nullif(fetch_history.recent_fetch_count, 0) as healthy_fetch_share_last_30_days,
        latest_fetches.status as last_fetch_status,
        latest_fetches.is_healthy as is_last_fetch_healthy,
        latest_fetches.unhealthy_reason as last_unhealthy_reason,
        latest_fetches.postings_count as last_postings_count,
        case
            when fetch_history.source_id is null then 'never_fetched'
            when
                fetch_history.last_fetched_at
                < builds.as_of_at - interval {{ var('source_stale_after_hours') }} hour
                then 'stale'
            when latest_fetches.is_healthy then 'healthy'
            when latest_fetches.status = 'ok' then 'unhealthy'
            else 'failing'
        end as health_status,
        coalesce(source_jobs.jobs, 0) as jobs,
        coalesce(source_jobs.active_jobs, 0) as active_jobs
    from sources
    inner join companies
        on sources.company_id = companies.company_id
    cross join builds
    left join fetch_history
        on sources.source_id = fetch_history.source_id
    left join latest_fetches
        on sources.source_id = latest_fetches.source_id
    left join source_jobs
        on sources.source_id = source_jobs.source_id

)

select * from final
