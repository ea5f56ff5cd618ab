{#- incremental: only payloads not parsed yet are read and parsed (docs/contracts.md section 7) -#}
{{ config(materialized='incremental', incremental_strategy=incremental_strategy('append_new'), on_schema_change='fail') }}
{#-
    A BambooHR posting is one element of `result`. Its location is in `location` {city, state} or in
    `atsLocation` {country, state, province, city}, whichever is filled (city often untrimmed). There is
    no description, date or URL: the job page is https://{board}.bamboohr.com/careers/{id}, and staging
    does not know the board, so the URLs carry the placeholder `{board}` that dim_jobs fills in
    (docs/contracts.md section 5).
-#}
with

source as (

    select * from {{ source('bamboohr', 'payloads') }}
    {{ where_key_is_new('source_hash') }}

),

deduplicated as (

    -- a killed landing run can leave a payload file behind; the next run may land the same hash again
    select *
    from (
        select
            *,
            row_number() over (partition by source_hash order by first_seen_at, first_fetch_id) as copy_number
        from source
    ) as numbered
    where copy_number = 1

),

parsed as (

    select
        source_hash,
        first_seen_at,
        payload_json,
        nullif(trim({{ json_text('payload_json', '$.id') }}), '') as provider_job_key,
        coalesce(
            nullif(trim({{ json_text('payload_json', '$.location.city') }}), ''),
            nullif(trim({{ json_text('payload_json', '$.atsLocation.city') }}), '')
        ) as city,
        coalesce(
            nullif(trim({{ json_text('payload_json', '$.location.state') }}), ''),
            nullif(trim({{ json_text('payload_json', '$.atsLocation.state') }}), ''),
            nullif(trim({{ json_text('payload_json', '$.atsLocation.province') }}), '')
        ) as region,
        nullif(trim({{ json_text('payload_json', '$.atsLocation.country') }}), '') as country,
        try_cast({{ json_text('payload_json', '$.isRemote') }} as boolean) as is_remote

    from deduplicated

),

located as (

    select
        *,
        nullif(concat_ws(', ', city, region, country), '') as location_text

    from parsed

),

renamed as (

    select
        source_hash,
        'bamboohr' as provider,
        provider_job_key,
        nullif(trim({{ json_text('payload_json', '$.jobOpeningName') }}), '') as title,
        cast(null as string) as company_name,
        nullif(trim({{ json_text('payload_json', '$.departmentLabel') }}), '') as department,
        cast(null as string) as team,
        location_text,
        case
            when location_text is not null
                then {{ make_list([location_struct(
                    'location_text', city='city', region='region', country='country', is_remote='is_remote'
                )]) }}
        end as locations,
        nullif(trim({{ json_text('payload_json', '$.employmentStatusLabel') }}), '') as employment_type_raw,
        -- isRemote is the only workplace flag; locationType is an undocumented code (kept in provider_fields)
        case when is_remote then 'remote' end as workplace_type_raw,
        cast(null as string) as description_html,
        cast(null as string) as description_text,
        'https://{board}.bamboohr.com/careers/' || provider_job_key as source_url,
        'https://{board}.bamboohr.com/careers/' || provider_job_key as apply_url,
        cast(null as timestamp) as source_posted_at,
        cast(null as timestamp) as source_updated_at,
        false as is_source_posted_at_approximate,
        cast(null as double) as salary_min_stated,
        cast(null as double) as salary_max_stated,
        cast(null as string) as salary_currency_stated,
        cast(null as string) as salary_period_stated,
        cast(null as string) as salary_text_stated,
        cast(null as string) as language_stated,
        {{ json_build_object([
            ('department_id', json_text('payload_json', '$.departmentId')),
            ('location_type', json_text('payload_json', '$.locationType')),
            ('is_remote', json_raw('payload_json', '$.isRemote')),
            ('employment_type', json_raw('payload_json', '$.employmentType')),
        ]) }} as provider_fields,
        first_seen_at as payload_first_seen_at

    from located

)

select * from renamed
