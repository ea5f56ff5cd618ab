{#-
    The build that wrote this warehouse file: its id (a version marker readers can compare) and the
    as-of time every "recent" measure of the marts counts back from.
-#}
with

fetches as (

    select * from {{ ref('int_fetches_assessed') }}

),

jobs as (

    select * from {{ ref('dim_jobs') }}

),

fetch_times as (

    select
        coalesce(max(case when is_healthy then fetched_at end), max(fetched_at)) as as_of_at,
        min(fetched_at) as first_fetched_at,
        max(fetched_at) as latest_fetched_at,
        count(distinct source_id) as boards,
        count(*) as fetches
    from fetches

),

job_counts as (

    select
        count(*) as jobs,
        count(case when is_active then 1 end) as active_jobs
    from jobs

),

final as (

    select
        '{{ invocation_id }}' as build_id,
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as timestamp) as built_at,
        fetch_times.as_of_at,
        cast(fetch_times.as_of_at as date) as as_of_date,
        -- the marts' "_last_30_days" measures count events after this (as_of_at minus 30 days)
        30 as recent_window_days,
        fetch_times.as_of_at - interval 30 day as recent_window_start_at,
        fetch_times.first_fetched_at,
        fetch_times.latest_fetched_at,
        fetch_times.boards,
        fetch_times.fetches,
        job_counts.jobs,
        job_counts.active_jobs,
        '{{ var("parser_version") }}' as parser_version,
        '{{ dbt_version }}' as dbt_version
    from fetch_times
    cross join job_counts

)

select * from final
