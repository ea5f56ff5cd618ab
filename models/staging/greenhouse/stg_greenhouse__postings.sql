{#- incremental: only payloads not parsed yet are read and parsed (docs/contracts.md section 7) -#}
{{ config(materialized='incremental', incremental_strategy=incremental_strategy('append_new'), on_schema_change='fail') }}
{#- Greenhouse `content` is entity-escaped HTML: decode once to get the HTML, then html_to_text. -#}
{%- set employment_type_fields = ['employment type', 'employment_type', 'job type'] -%}
{%- set workplace_type_fields = ['workplace type', 'location type', 'remote type', 'work type'] -%}
with

source as (

    select * from {{ source('greenhouse', 'payloads') }}
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
        {{ json_text('payload_json', '$.id') }} as provider_job_key,
        {{ html_unescape(json_text('payload_json', '$.content')) }} as description_html,
        {{ json_text('payload_json', '$.location.name') }} as location_name

    from deduplicated

),

renamed as (

    select
        source_hash,
        'greenhouse' as provider,
        provider_job_key,
        nullif(trim({{ json_text('payload_json', '$.title') }}), '') as title,
        nullif(trim({{ json_text('payload_json', '$.company_name') }}), '') as company_name,
        nullif(trim({{ json_text('payload_json', '$.departments[0].name') }}), '') as department,
        cast(null as string) as team,
        nullif(trim(location_name), '') as location_text,
        case
            when nullif(trim(location_name), '') is not null then {{ make_list([location_struct('location_name')]) }}
        end as locations,
        nullif(trim({{ json_lookup_by_name('payload_json', '$.metadata', employment_type_fields) }}), '')
            as employment_type_raw,
        nullif(trim({{ json_lookup_by_name('payload_json', '$.metadata', workplace_type_fields) }}), '')
            as workplace_type_raw,
        description_html,
        {{ html_to_text('description_html') }} as description_text,
        {{ json_text('payload_json', '$.absolute_url') }} as source_url,
        {{ json_text('payload_json', '$.absolute_url') }} as apply_url,
        {{ iso_timestamp_to_utc(json_text('payload_json', '$.first_published')) }} as source_posted_at,
        {{ iso_timestamp_to_utc(json_text('payload_json', '$.updated_at')) }} as source_updated_at,
        false as is_source_posted_at_approximate,
        cast(null as double) as salary_min_stated,
        cast(null as double) as salary_max_stated,
        cast(null as string) as salary_currency_stated,
        cast(null as string) as salary_period_stated,
        cast(null as string) as salary_text_stated,
        {{ json_text('payload_json', '$.language') }} as language_stated,
        {{ json_build_object([
            ('internal_job_id', json_text('payload_json', '$.internal_job_id')),
            ('requisition_id', json_text('payload_json', '$.requisition_id')),
            ('metadata', json_raw('payload_json', '$.metadata')),
            ('offices', json_raw('payload_json', '$.offices')),
        ]) }} as provider_fields,
        first_seen_at as payload_first_seen_at

    from parsed

)

select * from renamed
