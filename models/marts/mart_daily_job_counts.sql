{#-
    A daily series BI tools chart directly: per day, company, provider, country and work model, the jobs
    open at the end of the day and the lifecycle events of the day. Jobs are grouped by their latest
    attributes (mart_job_search), so a series never jumps when a job's text changes.
-#}
with

events as (

    select
        job_id,
        event_type,
        event_at
    from {{ ref('fct_job_lifecycle_events') }}
    where event_type != 'update'

),

jobs as (

    select
        job_id,
        company_id,
        company_name,
        provider,
        country_code,
        workplace_type,
        opened_at
    from {{ ref('mart_job_search') }}

),

builds as (

    select as_of_date from {{ ref('dim_warehouse_builds') }}

),

job_events as (

    select
        cast(events.event_at as date) as date_day,
        jobs.company_id,
        jobs.company_name,
        jobs.provider,
        jobs.country_code,
        jobs.workplace_type,
        case when events.event_type = 'close' then -1 else 1 end as open_jobs_change,
        -- a first sighting at the board's first healthy fetch is no opening: the job was already there
        case when events.event_type = 'open' and jobs.opened_at is not null then 1 else 0 end as is_opened,
        case when events.event_type = 'close' then 1 else 0 end as is_closed,
        case when events.event_type = 'reopen' then 1 else 0 end as is_reopened,
        case when events.event_type = 'open' then 1 else 0 end as is_first_seen
    from events
    inner join jobs
        on events.job_id = jobs.job_id

),

daily_changes as (

    select
        date_day,
        company_id,
        company_name,
        provider,
        country_code,
        workplace_type,
        cast(sum(open_jobs_change) as bigint) as open_jobs_change,
        cast(sum(is_opened) as bigint) as opened_jobs,
        cast(sum(is_closed) as bigint) as closed_jobs,
        cast(sum(is_reopened) as bigint) as reopened_jobs,
        cast(sum(is_first_seen) as bigint) as first_seen_jobs
    from job_events
    group by date_day, company_id, company_name, provider, country_code, workplace_type

),

series as (

    select
        company_id,
        company_name,
        provider,
        country_code,
        workplace_type,
        min(date_day) as first_date
    from daily_changes
    group by company_id, company_name, provider, country_code, workplace_type

),

bounds as (

    select
        min(daily_changes.date_day) as first_date,
        max(
            case when daily_changes.date_day > builds.as_of_date then daily_changes.date_day else builds.as_of_date end
        ) as last_date
    from daily_changes
    cross join builds

),

dates as (

    select {{ date_spine('first_date', 'last_date') }} as date_day
    from bounds

),

series_days as (

    select
        dates.date_day,
        series.company_id,
        series.company_name,
        series.provider,
        series.country_code,
        series.workplace_type
    from series
    inner join dates
        on series.first_date <= dates.date_day

),

accumulated as (

    select
        series_days.date_day,
        series_days.company_id,
        series_days.company_name,
        series_days.provider,
        series_days.country_code,
        series_days.workplace_type,
        cast(sum(coalesce(daily_changes.open_jobs_change, 0)) over (
            partition by
                series_days.company_id, series_days.provider, series_days.country_code, series_days.workplace_type
            order by series_days.date_day
            rows between unbounded preceding and current row
        ) as bigint) as active_jobs,
        coalesce(daily_changes.opened_jobs, 0) as opened_jobs,
        coalesce(daily_changes.closed_jobs, 0) as closed_jobs,
        coalesce(daily_changes.reopened_jobs, 0) as reopened_jobs,
        coalesce(daily_changes.first_seen_jobs, 0) as first_seen_jobs
    from series_days
    left join daily_changes
        on
            series_days.date_day = daily_changes.date_day
            and series_days.company_id = daily_changes.company_id
            and series_days.provider = daily_changes.provider
            and series_days.country_code is not distinct from daily_changes.country_code
            and series_days.workplace_type = daily_changes.workplace_type

),

final as (

    select *
    from accumulated
    where active_jobs > 0 or closed_jobs > 0 or first_seen_jobs > 0 or reopened_jobs > 0

)

select * from final
