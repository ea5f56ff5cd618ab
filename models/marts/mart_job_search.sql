{#-
    The flat job mart: one row per job with every column the reference's job page and its filtered
    job lists need, company and place names resolved, so each slice is one short query without joins.
-#}
with

jobs as (

    select * from {{ ref('dim_jobs') }}

),

companies as (

    select
        company_id,
        company_name,
        company_domain
    from {{ ref('dim_companies') }}

),

events as (

    select
        job_id,
        event_type,
        event_at
    from {{ ref('fct_job_lifecycle_events') }}

),

countries as (

    select
        country_code,
        country_name
    from {{ ref('countries') }}

),

subdivisions as (

    select
        country_code,
        region_code,
        subdivision_name
    from {{ ref('country_subdivisions') }}

),

builds as (

    select built_at from {{ ref('dim_warehouse_builds') }}

),

closes as (

    select
        job_id,
        max(event_at) as last_closed_at
    from events
    where event_type = 'close'
    group by job_id

),

final as (

    select
        jobs.job_id,
        jobs.company_id,
        companies.company_name,
        companies.company_domain,
        jobs.source_id,
        jobs.provider,
        jobs.board,
        jobs.provider_job_key,
        jobs.title,
        jobs.normalized_title,
        jobs.seniority,
        jobs.role_family,
        jobs.department,
        jobs.team,
        jobs.location_text,
        jobs.city,
        jobs.region_code,
        subdivisions.subdivision_name as region_name,
        jobs.country_code,
        countries.country_name,
        jobs.country_codes,
        jobs.is_remote,
        jobs.location_confidence,
        jobs.location_method,
        jobs.workplace_type,
        jobs.employment_type,
        jobs.employment_type_raw,
        jobs.salary_source != 'none' as has_salary,
        jobs.salary_raw,
        jobs.salary_min,
        jobs.salary_max,
        jobs.salary_currency,
        jobs.salary_period,
        jobs.salary_annual_min,
        jobs.salary_annual_max,
        jobs.salary_source,
        jobs.language,
        jobs.launch_scope_included,
        jobs.launch_scope_reason,
        jobs.status,
        jobs.is_active,
        jobs.source_posted_at,
        jobs.source_updated_at,
        jobs.first_seen_at,
        case when not jobs.is_left_censored then jobs.first_seen_at end as opened_at,
        jobs.last_seen_at,
        jobs.last_checked_at,
        jobs.last_changed_at,
        jobs.inactive_at,
        closes.last_closed_at,
        jobs.days_open,
        jobs.repost_of_job_id,
        jobs.source_url,
        jobs.apply_url,
        coalesce(jobs.source_url, jobs.apply_url) as posting_url,
        jobs.content_hash,
        jobs.source_hash,
        jobs.raw_payload_uri,
        jobs.parser_version,
        builds.built_at as inferred_at
    from jobs
    inner join companies
        on jobs.company_id = companies.company_id
    left join closes
        on jobs.job_id = closes.job_id
    left join countries
        on jobs.country_code = countries.country_code
    left join subdivisions
        on
            jobs.country_code = subdivisions.country_code
            and jobs.region_code = subdivisions.region_code
    cross join builds

)

select * from final
