{#- incremental: only payloads not parsed yet are read and parsed (docs/contracts.md section 7) -#}
{{ config(materialized='incremental', incremental_strategy=incremental_strategy('append_new'), on_schema_change='fail') }}
{#-
    Recruitee: timestamps are 'YYYY-MM-DD HH:MM:SS UTC' texts (not ISO); `salary` amounts are strings
    (every key null when no salary is set); the job text is `description` + `requirements`; the
    workplace is the `remote` / `hybrid` / `on_site` flags that are true; `locations[]` lists every
    location (else the top-level city / state_name / country is the only one).
-#}
-- a macro below renders a DuckDB lambda, which sqlfluff 4.4 cannot parse:
-- sqlfluff:ignore:parsing
with

source as (

    select * from {{ source('recruitee', 'payloads') }}
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
        nullif(trim({{ json_text('payload_json', '$.location') }}), '') as location_text,
        try_cast({{ json_text('payload_json', '$.remote') }} as boolean) as is_remote,
        nullif(concat_ws(
            ', ',
            case when {{ json_text('payload_json', '$.remote') }} = 'true' then 'remote' end,
            case when {{ json_text('payload_json', '$.hybrid') }} = 'true' then 'hybrid' end,
            case when {{ json_text('payload_json', '$.on_site') }} = 'true' then 'on_site' end
        ), '') as workplace_type,
        nullif(trim(concat_ws(
            ' ', {{ json_text('payload_json', '$.description') }}, {{ json_text('payload_json', '$.requirements') }}
        )), '') as description_html

    from deduplicated

),

located as (

    select
        *,
        {{ json_array_transform('payload_json', '$.locations', location_struct(
            json_text('item', '$.name'),
            city=json_text('item', '$.city'),
            region=json_text('item', '$.state'),
            country=json_text('item', '$.country'),
            country_code=json_text('item', '$.country_code'),
            is_remote='is_remote',
        )) }} as listed_locations

    from parsed

),

renamed as (

    select
        source_hash,
        'recruitee' as provider,
        {{ json_text('payload_json', '$.id') }} as provider_job_key,
        nullif(trim({{ json_text('payload_json', '$.title') }}), '') as title,
        nullif(trim({{ json_text('payload_json', '$.company_name') }}), '') as company_name,
        nullif(trim({{ json_text('payload_json', '$.department') }}), '') as department,
        cast(null as string) as team,
        location_text,
        case
            when {{ list_length('listed_locations') }} > 0 then listed_locations
            when location_text is not null then {{ make_list([location_struct(
                'location_text',
                city=json_text('payload_json', '$.city'),
                region=json_text('payload_json', '$.state_name'),
                country=json_text('payload_json', '$.country'),
                country_code=json_text('payload_json', '$.country_code'),
                is_remote='is_remote',
            )]) }}
        end as locations,
        nullif(trim({{ json_text('payload_json', '$.employment_type_code') }}), '') as employment_type_raw,
        workplace_type as workplace_type_raw,
        description_html,
        {{ html_to_text('description_html') }} as description_text,
        {{ json_text('payload_json', '$.careers_url') }} as source_url,
        {{ json_text('payload_json', '$.careers_apply_url') }} as apply_url,
        {{ iso_timestamp_to_utc(json_text('payload_json', '$.published_at')) }} as source_posted_at,
        {{ iso_timestamp_to_utc(json_text('payload_json', '$.updated_at')) }} as source_updated_at,
        false as is_source_posted_at_approximate,
        try_cast({{ json_text('payload_json', '$.salary.min') }} as double) as salary_min_stated,
        try_cast({{ json_text('payload_json', '$.salary.max') }} as double) as salary_max_stated,
        upper(nullif(trim({{ json_text('payload_json', '$.salary.currency') }}), '')) as salary_currency_stated,
        nullif(trim({{ json_text('payload_json', '$.salary.period') }}), '') as salary_period_stated,
        cast(null as string) as salary_text_stated,
        cast(null as string) as language_stated,
        {{ json_build_object([
            ('guid', json_text('payload_json', '$.guid')),
            ('slug', json_text('payload_json', '$.slug')),
            ('status', json_text('payload_json', '$.status')),
            ('created_at', json_text('payload_json', '$.created_at')),
            ('close_at', json_text('payload_json', '$.close_at')),
            ('experience_code', json_text('payload_json', '$.experience_code')),
            ('education_code', json_text('payload_json', '$.education_code')),
            ('category_code', json_text('payload_json', '$.category_code')),
            ('min_hours_per_week', json_text('payload_json', '$.min_hours_per_week')),
            ('max_hours_per_week', json_text('payload_json', '$.max_hours_per_week')),
            ('tags', json_raw('payload_json', '$.tags')),
        ]) }} as provider_fields,
        first_seen_at as payload_first_seen_at

    from located

)

select * from renamed
