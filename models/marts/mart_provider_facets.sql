{#-
    ATS provider breakdowns: for each provider, its jobs by company, role family, seniority, country,
    city, work model, department and employment type, active now and opened / closed in the last 30 days.
-#}
with

jobs as (

    select * from {{ ref('mart_job_search') }}

),

builds as (

    select recent_window_start_at from {{ ref('dim_warehouse_builds') }}

),

recent_jobs as (

    -- jobs that count anywhere: active, or opened or closed in the window
    select
        jobs.*,
        coalesce(jobs.opened_at > builds.recent_window_start_at, false) as is_opened_recently,
        coalesce(jobs.last_closed_at > builds.recent_window_start_at, false) as is_closed_recently
    from jobs
    cross join builds
    where
        jobs.is_active
        or jobs.opened_at > builds.recent_window_start_at
        or jobs.last_closed_at > builds.recent_window_start_at

),

facets as (

    {{ job_facet_values(
        'recent_jobs',
        ['company', 'role_family', 'seniority', 'country', 'city', 'work_model', 'department', 'employment_type'],
        ['provider', 'is_active', 'is_opened_recently', 'is_closed_recently']
    ) }}

),

counted as (

    select
        provider,
        facet_type,
        facet_value,
        facet_label,
        count(case when is_active then 1 end) as active_jobs,
        count(case when is_opened_recently then 1 end) as opened_last_30_days,
        count(case when is_closed_recently then 1 end) as closed_last_30_days
    from facets
    group by provider, facet_type, facet_value, facet_label

),

final as (

    select
        provider,
        facet_type,
        facet_value,
        facet_label,
        active_jobs,
        cast(active_jobs as double)
        / nullif(sum(active_jobs) over (partition by provider, facet_type), 0) as share_of_provider_active_jobs,
        opened_last_30_days,
        closed_last_30_days
    from counted

)

select * from final
