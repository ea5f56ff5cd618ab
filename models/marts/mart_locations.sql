{#-
    Places at three levels (country, region, city) with their active jobs, remote share, companies and
    median annual salary; jobs count at their primary location (dim_jobs), as the job lists filter.
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
        coalesce(jobs.last_closed_at > builds.recent_window_start_at, false) as is_closed_recently,
        -- the annual midpoint (either bound when only one is stated)
        (coalesce(jobs.salary_annual_min, jobs.salary_annual_max) + coalesce(jobs.salary_annual_max, jobs.salary_annual_min))
        / 2 as annual_salary_midpoint
    from jobs
    cross join builds
    where
        jobs.country_code is not null
        and (
            jobs.is_active
            or jobs.opened_at > builds.recent_window_start_at
            or jobs.last_closed_at > builds.recent_window_start_at
        )

),

places as (

    select
        'country' as location_level,
        country_code,
        country_name,
        cast(null as string) as region_code,
        cast(null as string) as region_name,
        cast(null as string) as city,
        job_id,
        company_id,
        is_active,
        is_remote,
        is_opened_recently,
        is_closed_recently,
        salary_currency,
        annual_salary_midpoint
    from recent_jobs
    union all
    select
        'region' as location_level,
        country_code,
        country_name,
        region_code,
        region_name,
        cast(null as string) as city,
        job_id,
        company_id,
        is_active,
        is_remote,
        is_opened_recently,
        is_closed_recently,
        salary_currency,
        annual_salary_midpoint
    from recent_jobs
    where region_code is not null
    union all
    select
        'city' as location_level,
        country_code,
        country_name,
        region_code,
        region_name,
        city,
        job_id,
        company_id,
        is_active,
        is_remote,
        is_opened_recently,
        is_closed_recently,
        salary_currency,
        annual_salary_midpoint
    from recent_jobs
    where city is not null

),

keyed_places as (

    select
        *,
        concat(country_code, '|', coalesce(region_code, ''), '|', coalesce(city, '')) as location_key
    from places

),

currency_counts as (

    select
        location_key,
        salary_currency,
        count(*) as salaried_jobs
    from keyed_places
    where is_active and annual_salary_midpoint is not null and salary_currency is not null
    group by location_key, salary_currency

),

main_currencies as (

    -- the currency most of the place's salaried active jobs state (ties: alphabetical)
    select
        location_key,
        salary_currency,
        salaried_jobs
    from (
        select
            *,
            row_number() over (partition by location_key order by salaried_jobs desc, salary_currency asc) as rank_number
        from currency_counts
    ) as ranked
    where rank_number = 1

),

salaries as (

    select
        keyed_places.location_key,
        {{ median('keyed_places.annual_salary_midpoint') }} as median_annual_salary
    from keyed_places
    inner join main_currencies
        on
            keyed_places.location_key = main_currencies.location_key
            and keyed_places.salary_currency = main_currencies.salary_currency
    where keyed_places.is_active and keyed_places.annual_salary_midpoint is not null
    group by keyed_places.location_key

),

counted as (

    select
        location_key,
        location_level,
        country_code,
        country_name,
        region_code,
        region_name,
        city,
        count(case when is_active then 1 end) as active_jobs,
        count(case when is_active and is_remote then 1 end) as remote_active_jobs,
        count(distinct case when is_active then company_id end) as companies,
        count(case when is_opened_recently then 1 end) as opened_last_30_days,
        count(case when is_closed_recently then 1 end) as closed_last_30_days
    from keyed_places
    group by location_key, location_level, country_code, country_name, region_code, region_name, city

),

final as (

    select
        counted.location_key,
        counted.location_level,
        counted.country_code,
        counted.country_name,
        counted.region_code,
        counted.region_name,
        counted.city,
        counted.active_jobs,
        counted.remote_active_jobs,
        cast(counted.remote_active_jobs as double) / nullif(counted.active_jobs, 0) as remote_share,
        counted.companies,
        counted.opened_last_30_days,
        counted.closed_last_30_days,
        main_currencies.salary_currency,
        coalesce(main_currencies.salaried_jobs, 0) as salaried_active_jobs,
        salaries.median_annual_salary
    from counted
    left join main_currencies
        on counted.location_key = main_currencies.location_key
    left join salaries
        on counted.location_key = salaries.location_key

)

select * from final
