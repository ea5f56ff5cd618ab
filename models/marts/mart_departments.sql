{#-
    Departments as the boards state them, across companies: active jobs, companies, remote share,
    the main role family, and jobs opened / closed in the last 30 days.
-#}
with

jobs as (

    select * from {{ ref('mart_job_search') }}

),

builds as (

    select recent_window_start_at from {{ ref('dim_warehouse_builds') }}

),

recent_jobs as (

    select
        jobs.*,
        coalesce(jobs.opened_at > builds.recent_window_start_at, false) as is_opened_recently,
        coalesce(jobs.last_closed_at > builds.recent_window_start_at, false) as is_closed_recently
    from jobs
    cross join builds
    where
        jobs.department is not null
        and (
            jobs.is_active
            or jobs.opened_at > builds.recent_window_start_at
            or jobs.last_closed_at > builds.recent_window_start_at
        )

),

role_families as (

    -- the role family most of the department's active jobs have (ties: alphabetical)
    select
        department,
        role_family
    from (
        select
            department,
            role_family,
            row_number() over (partition by department order by count(*) desc, role_family asc) as rank_number
        from recent_jobs
        where is_active
        group by department, role_family
    ) as ranked
    where rank_number = 1

),

counted as (

    select
        department,
        count(case when is_active then 1 end) as active_jobs,
        count(case when is_active and is_remote then 1 end) as remote_active_jobs,
        count(distinct case when is_active then company_id end) as companies,
        count(case when is_opened_recently then 1 end) as opened_last_30_days,
        count(case when is_closed_recently then 1 end) as closed_last_30_days
    from recent_jobs
    group by department

),

final as (

    select
        counted.department,
        counted.active_jobs,
        cast(counted.active_jobs as double) / nullif(sum(counted.active_jobs) over (), 0) as share_of_active_jobs,
        counted.remote_active_jobs,
        cast(counted.remote_active_jobs as double) / nullif(counted.active_jobs, 0) as remote_share,
        counted.companies,
        role_families.role_family as main_role_family,
        counted.opened_last_30_days,
        counted.closed_last_30_days
    from counted
    left join role_families
        on counted.department = role_families.department

)

select * from final
