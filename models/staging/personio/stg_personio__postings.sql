{#- incremental: only payloads not parsed yet are read and parsed (docs/contracts.md section 7) -#}
{{ config(materialized='incremental', incremental_strategy=incremental_strategy('append_new'), on_schema_change='fail') }}
{#-
    A Personio posting is one `<position>` converted to JSON by landing (providers/personio.py):
    elements become keys, CDATA text is kept verbatim, `jobDescriptions.jobDescription` and
    `additionalOffices.office` are always lists. Personio has no URL element: the job page is
    https://{board}.jobs.personio.de/job/{id}, and staging does not know the board, so the URLs carry
    the placeholder `{board}` that dim_jobs fills in (docs/contracts.md section 5).
-#}
-- a macro below renders a DuckDB lambda, which sqlfluff 4.4 cannot parse:
-- sqlfluff:ignore:parsing
with

source as (

    select * from {{ source('personio', 'payloads') }}
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
        {{ json_sections_html('payload_json', '$.jobDescriptions.jobDescription', 'name', 'value') }} as description_html,
        nullif(trim({{ json_text('payload_json', '$.office') }}), '') as location_text,
        {{ json_text_list('payload_json', '$.additionalOffices.office') }} as additional_offices

    from deduplicated

),

renamed as (

    select
        source_hash,
        'personio' as provider,
        provider_job_key,
        nullif(trim({{ json_text('payload_json', '$.name') }}), '') as title,
        nullif(trim({{ json_text('payload_json', '$.subcompany') }}), '') as company_name,
        nullif(trim({{ json_text('payload_json', '$.department') }}), '') as department,
        cast(null as string) as team,
        location_text,
        -- the office first, then additionalOffices
        case
            when location_text is not null
                then {{ list_concat(
                    make_list([location_struct('location_text')]),
                    list_transform_items('additional_offices', location_struct('item')),
                ) }}
        end as locations,
        -- employmentType (permanent, intern, trainee, freelance, ...) and schedule (full-time, ...)
        nullif(concat_ws(
            ', ',
            nullif(trim({{ json_text('payload_json', '$.employmentType') }}), ''),
            nullif(trim({{ json_text('payload_json', '$.schedule') }}), '')
        ), '') as employment_type_raw,
        cast(null as string) as workplace_type_raw,
        description_html,
        {{ html_to_text('description_html') }} as description_text,
        'https://{board}.jobs.personio.de/job/' || provider_job_key as source_url,
        'https://{board}.jobs.personio.de/job/' || provider_job_key as apply_url,
        {{ iso_timestamp_to_utc(json_text('payload_json', '$.createdAt')) }} as source_posted_at,
        cast(null as timestamp) as source_updated_at,
        false as is_source_posted_at_approximate,
        try_cast(nullif(trim({{ json_text('payload_json', '$.salaryInformation.min') }}), '') as double)
            as salary_min_stated,
        try_cast(nullif(trim({{ json_text('payload_json', '$.salaryInformation.max') }}), '') as double)
            as salary_max_stated,
        upper(nullif(trim({{ json_text('payload_json', '$.salaryInformation.currencyCode') }}), ''))
            as salary_currency_stated,
        nullif(trim({{ json_text('payload_json', '$.salaryInformation.type') }}), '') as salary_period_stated,
        cast(null as string) as salary_text_stated,
        cast(null as string) as language_stated,
        {{ json_build_object([
            ('recruiting_category', json_text('payload_json', '$.recruitingCategory')),
            ('employment_type', json_text('payload_json', '$.employmentType')),
            ('schedule', json_text('payload_json', '$.schedule')),
            ('seniority', json_text('payload_json', '$.seniority')),
            ('years_of_experience', json_text('payload_json', '$.yearsOfExperience')),
            ('keywords', json_text('payload_json', '$.keywords')),
            ('occupation', json_text('payload_json', '$.occupation')),
            ('occupation_category', json_text('payload_json', '$.occupationCategory')),
            ('currency_symbol', json_text('payload_json', '$.salaryInformation.currencySymbol')),
        ]) }} as provider_fields,
        first_seen_at as payload_first_seen_at

    from parsed

)

select * from renamed
