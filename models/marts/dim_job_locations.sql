{#-
    The bridge from jobs to their locations: every location of a job's latest content, parsed.
-#}
with

jobs as (

    select
        job_id,
        provider,
        source_hash
    from {{ ref('dim_jobs') }}

),

locations as (

    select * from {{ ref('int_posting_locations_parsed') }}

),

final as (

    select
        jobs.job_id,
        locations.location_index,
        jobs.provider,
        locations.location_text,
        locations.city,
        locations.region_code,
        locations.country_code,
        locations.macro_region,
        locations.is_remote,
        locations.location_confidence,
        locations.location_method,
        locations.match_level,
        locations.is_placeholder,
        locations.location_index = min(
            case when locations.is_placeholder then null else locations.location_index end
        ) over (partition by jobs.job_id) as is_primary,
        locations.parser_version
    from jobs
    inner join locations
        on jobs.source_hash = locations.source_hash

)

select * from final
