{#-
    The four work models (remote, hybrid, onsite, unknown), always all four: active jobs, their share,
    companies and countries, and jobs opened / closed in the last 30 days.
-#}
with

jobs as (

    select * from {{ ref('mart_job_search') }}

),

builds as (

    select recent_window_start_at from {{ ref('dim_warehouse_builds') }}

),

work_models as (

    select 'remote' as workplace_type
    union all
    select 'hybrid' as workplace_type
    union all
    select 'onsite' as workplace_type
    union all
    select 'unknown' as workplace_type

),

counted as (

    select
        jobs.workplace_type,
        count(case when jobs.is_active then 1 end) as active_jobs,
        count(distinct case when jobs.is_active then jobs.company_id end) as companies,
        count(distinct case when jobs.is_active then jobs.country_code end) as countries,
        count(case when jobs.opened_at > builds.recent_window_start_at then 1 end) as opened_last_30_days,
        count(case when jobs.last_closed_at > builds.recent_window_start_at then 1 end) as closed_last_30_days
    from jobs
    cross join builds
    group by jobs.workplace_type

),

final as (

    select
        work_models.workplace_type,
        coalesce(counted.active_jobs, 0) as active_jobs,
        cast(coalesce(counted.active_jobs, 0) as double)
        / nullif(sum(counted.active_jobs) over (), 0) as share_of_active_jobs,
        coalesce(counted.companies, 0) as companies,
        coalesce(counted.countries, 0) as countries,
        coalesce(counted.opened_last_30_days, 0) as opened_last_30_days,
        coalesce(counted.closed_last_30_days, 0) as closed_last_30_days
    from work_models
    left join counted
        on work_models.workplace_type = counted.workplace_type

)

select * from final
