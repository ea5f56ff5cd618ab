{#- incremental: only payloads not parsed yet are read and parsed (docs/contracts.md section 7) -#}
{{ config(materialized='incremental', incremental_strategy=incremental_strategy('append_new'), on_schema_change='fail') }}
{#-
    A Breezy posting is one element of the array. `locations[]` lists every location when the company
    enabled several (it can be empty); `location` is the primary one. There is no description. `salary`
    is free text ("$0.05 – $0.06 / hour"), kept as stated for enrichment to parse.
-#}
-- a macro below renders a DuckDB lambda, which sqlfluff 4.4 cannot parse:
-- sqlfluff:ignore:parsing
with

source as (

    select * from {{ source('breezy', 'payloads') }}
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
        nullif(trim({{ json_text('payload_json', '$.location.name') }}), '') as location_text,
        try_cast({{ json_text('payload_json', '$.location.is_remote') }} as boolean) as is_remote,
        {{ json_array_transform('payload_json', '$.locations', location_struct(
            json_text('item', '$.name'),
            city=json_text('item', '$.city'),
            region=json_text('item', '$.state.name'),
            country=json_text('item', '$.country.name'),
            country_code=json_text('item', '$.country.id'),
            is_remote=json_text('item', '$.is_remote'),
        )) }} as listed_locations

    from deduplicated

),

renamed as (

    select
        source_hash,
        'breezy' as provider,
        nullif(trim({{ json_text('payload_json', '$.id') }}), '') as provider_job_key,
        nullif(trim({{ json_text('payload_json', '$.name') }}), '') as title,
        nullif(trim({{ json_text('payload_json', '$.company.name') }}), '') as company_name,
        nullif(trim({{ json_text('payload_json', '$.department') }}), '') as department,
        cast(null as string) as team,
        location_text,
        -- locations[] when it lists any, else the primary location
        case
            when {{ list_length('listed_locations') }} > 0 then listed_locations
            when location_text is not null
                then {{ make_list([location_struct(
                    'location_text',
                    city=json_text('payload_json', '$.location.city'),
                    region=json_text('payload_json', '$.location.state.name'),
                    country=json_text('payload_json', '$.location.country.name'),
                    country_code=json_text('payload_json', '$.location.country.id'),
                    is_remote='is_remote',
                )]) }}
        end as locations,
        nullif(trim({{ json_text('payload_json', '$.type.name') }}), '') as employment_type_raw,
        -- location.is_remote is the only workplace flag
        case when is_remote then 'remote' end as workplace_type_raw,
        cast(null as string) as description_html,
        cast(null as string) as description_text,
        {{ json_text('payload_json', '$.url') }} as source_url,
        {{ json_text('payload_json', '$.url') }} as apply_url,
        {{ iso_timestamp_to_utc(json_text('payload_json', '$.published_date')) }} as source_posted_at,
        cast(null as timestamp) as source_updated_at,
        false as is_source_posted_at_approximate,
        cast(null as double) as salary_min_stated,
        cast(null as double) as salary_max_stated,
        cast(null as string) as salary_currency_stated,
        cast(null as string) as salary_period_stated,
        nullif(trim({{ json_text('payload_json', '$.salary') }}), '') as salary_text_stated,
        cast(null as string) as language_stated,
        {{ json_build_object([
            ('friendly_id', json_text('payload_json', '$.friendly_id')),
            ('type_id', json_text('payload_json', '$.type.id')),
            ('company_friendly_id', json_text('payload_json', '$.company.friendly_id')),
            ('is_multiple_locations_enabled', json_raw('payload_json', '$.company.isMultipleLocationsEnabled')),
        ]) }} as provider_fields,
        first_seen_at as payload_first_seen_at

    from parsed

)

select * from renamed
