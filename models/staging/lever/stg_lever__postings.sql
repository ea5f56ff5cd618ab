{#- incremental: only payloads not parsed yet are read and parsed (docs/contracts.md section 7) -#}
{{ config(materialized='incremental', incremental_strategy=incremental_strategy('append_new'), on_schema_change='fail') }}
{#- Lever's full description is `description` + `lists` (heading + bare <li> fragment) + `additional`. -#}
-- a macro below renders a DuckDB lambda, which sqlfluff 4.4 cannot parse:
-- sqlfluff:ignore:parsing
with

source as (

    select * from {{ source('lever', 'payloads') }}
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
        concat_ws(
            ' ',
            {{ json_text('payload_json', '$.description') }},
            {{ json_sections_html('payload_json', '$.lists', 'text', 'content') }},
            {{ json_text('payload_json', '$.additional') }}
        ) as description_html,
        nullif(trim({{ json_text('payload_json', '$.categories.location') }}), '') as location_text,
        {{ json_text_list('payload_json', '$.categories.allLocations') }} as all_locations

    from deduplicated

),

renamed as (

    select
        source_hash,
        'lever' as provider,
        {{ json_text('payload_json', '$.id') }} as provider_job_key,
        nullif(trim({{ json_text('payload_json', '$.text') }}), '') as title,
        cast(null as string) as company_name,
        nullif(trim({{ json_text('payload_json', '$.categories.department') }}), '') as department,
        nullif(trim({{ json_text('payload_json', '$.categories.team') }}), '') as team,
        location_text,
        -- every location of allLocations (else the primary); Lever's posting-level `country` belongs to the primary
        case
            when {{ list_length('all_locations') }} > 0
                then {{ list_transform_items('all_locations', location_struct(
                    'item', country_code="case when item = location_text then " ~ json_text('payload_json', '$.country') ~ " end"
                )) }}
            when location_text is not null
                then {{ make_list([location_struct('location_text', country_code=json_text('payload_json', '$.country'))]) }}
        end as locations,
        nullif(trim({{ json_text('payload_json', '$.categories.commitment') }}), '') as employment_type_raw,
        nullif(trim({{ json_text('payload_json', '$.workplaceType') }}), '') as workplace_type_raw,
        nullif(trim(description_html), '') as description_html,
        {{ html_to_text('description_html') }} as description_text,
        {{ json_text('payload_json', '$.hostedUrl') }} as source_url,
        {{ json_text('payload_json', '$.applyUrl') }} as apply_url,
        {{ epoch_ms_to_timestamp(json_text('payload_json', '$.createdAt')) }} as source_posted_at,
        cast(null as timestamp) as source_updated_at,
        false as is_source_posted_at_approximate,
        try_cast({{ json_text('payload_json', '$.salaryRange.min') }} as double) as salary_min_stated,
        try_cast({{ json_text('payload_json', '$.salaryRange.max') }} as double) as salary_max_stated,
        upper({{ json_text('payload_json', '$.salaryRange.currency') }}) as salary_currency_stated,
        {{ json_text('payload_json', '$.salaryRange.interval') }} as salary_period_stated,
        nullif(trim({{ json_text('payload_json', '$.salaryDescriptionPlain') }}), '') as salary_text_stated,
        cast(null as string) as language_stated,
        {{ json_build_object([
            ('country', json_text('payload_json', '$.country')),
        ]) }} as provider_fields,
        first_seen_at as payload_first_seen_at

    from parsed

)

select * from renamed
