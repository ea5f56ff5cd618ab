{#-
    One row per ATS provider of the `providers` var: how many boards, companies and jobs we follow on
    it, how healthy its fetches were, and how often its postings carry each field analysts filter on.
-#}
{%- set provider_names = {
    'greenhouse': 'Greenhouse', 'lever': 'Lever', 'ashby': 'Ashby', 'workable': 'Workable',
    'smartrecruiters': 'SmartRecruiters', 'recruitee': 'Recruitee', 'workday': 'Workday',
    'personio': 'Personio', 'bamboohr': 'BambooHR', 'breezy': 'Breezy HR',
} -%}
with

providers as (

    {% for provider in var('providers') %}
    select
        '{{ provider }}' as provider,
        '{{ provider_names.get(provider, provider) }}' as provider_name
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

sources as (

    select * from {{ ref('dim_job_sources') }}

),

jobs as (

    select * from {{ ref('dim_jobs') }}

),

events as (

    select * from {{ ref('fct_job_lifecycle_events') }}

),

fetches as (

    select * from {{ ref('fct_board_fetches') }}

),

builds as (

    select recent_window_start_at from {{ ref('dim_warehouse_builds') }}

),

provider_sources as (

    select
        provider,
        count(*) as board_count,
        count(case when is_fetched then 1 end) as fetched_board_count,
        count(case when health_status = 'healthy' then 1 end) as healthy_board_count,
        count(distinct company_id) as company_count,
        min(first_fetched_at) as first_fetched_at,
        max(last_fetched_at) as last_fetched_at
    from sources
    group by provider

),

provider_fetches as (

    select
        fetches.provider,
        cast(count(case when fetches.is_healthy then 1 end) as double) / count(*) as healthy_fetch_share_last_30_days
    from fetches
    cross join builds
    where fetches.fetched_at > builds.recent_window_start_at
    group by fetches.provider

),

closed_recently as (

    select distinct events.job_id
    from events
    cross join builds
    where
        events.event_type = 'close'
        and events.event_at > builds.recent_window_start_at

),

provider_jobs as (

    select
        jobs.provider,
        count(*) as jobs,
        count(case when jobs.is_active then 1 end) as active_jobs,
        count(
            case when not jobs.is_left_censored and jobs.first_seen_at > builds.recent_window_start_at then 1 end
        ) as opened_last_30_days,
        count(closed_recently.job_id) as closed_last_30_days,
        avg(case when jobs.salary_source = 'structured' then 1 else 0 end) as structured_salary_share,
        avg(case when jobs.salary_source != 'none' then 1 else 0 end) as salary_share,
        avg(case when jobs.department is not null then 1 else 0 end) as department_share,
        avg(case when jobs.team is not null then 1 else 0 end) as team_share,
        avg(case when jobs.location_method = 'structured_field' then 1 else 0 end) as structured_location_share,
        avg(case when jobs.country_code is not null then 1 else 0 end) as country_share,
        avg(case when jobs.workplace_type_source = 'stated' then 1 else 0 end) as stated_workplace_type_share,
        avg(case when jobs.workplace_type != 'unknown' then 1 else 0 end) as workplace_type_share,
        avg(case when jobs.employment_type_raw is not null then 1 else 0 end) as stated_employment_type_share,
        avg(case when jobs.source_posted_at is not null then 1 else 0 end) as posted_at_share,
        avg(case when jobs.description_text is not null and jobs.description_text != '' then 1 else 0 end)
            as description_share
    from jobs
    cross join builds
    left join closed_recently
        on jobs.job_id = closed_recently.job_id
    group by jobs.provider

),

final as (

    select
        providers.provider,
        providers.provider_name,
        coalesce(provider_sources.board_count, 0) as board_count,
        coalesce(provider_sources.fetched_board_count, 0) as fetched_board_count,
        coalesce(provider_sources.healthy_board_count, 0) as healthy_board_count,
        coalesce(provider_sources.company_count, 0) as company_count,
        provider_sources.first_fetched_at,
        provider_sources.last_fetched_at,
        provider_fetches.healthy_fetch_share_last_30_days,
        coalesce(provider_jobs.jobs, 0) as jobs,
        coalesce(provider_jobs.active_jobs, 0) as active_jobs,
        coalesce(provider_jobs.opened_last_30_days, 0) as opened_last_30_days,
        coalesce(provider_jobs.closed_last_30_days, 0) as closed_last_30_days,
        provider_jobs.structured_salary_share,
        provider_jobs.salary_share,
        provider_jobs.department_share,
        provider_jobs.team_share,
        provider_jobs.structured_location_share,
        provider_jobs.country_share,
        provider_jobs.stated_workplace_type_share,
        provider_jobs.workplace_type_share,
        provider_jobs.stated_employment_type_share,
        provider_jobs.posted_at_share,
        provider_jobs.description_share
    from providers
    left join provider_sources
        on providers.provider = provider_sources.provider
    left join provider_fetches
        on providers.provider = provider_fetches.provider
    left join provider_jobs
        on providers.provider = provider_jobs.provider

)

select * from final
