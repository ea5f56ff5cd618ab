{#- incremental: only payloads not parsed yet are read and parsed (docs/contracts.md section 7) -#}
{{ config(materialized='incremental', incremental_strategy=incremental_strategy('append_new'), on_schema_change='fail') }}
{#-
    Workable has two surfaces with different shapes (PROVIDERS.md section 4): widget v1 jobs (date-only
    `published_on`, `telecommuting`, the primary location as top-level `country` / `state` / `city`,
    `locations[]` on some boards, HTML `description`) and careers v3 results (`published` at midnight
    UTC, `remote` and `workplace`, `location{}` and `locations[]`, `department` an array, `type`, no
    description). A payload with `published_on` is v1. Workable gives no location text: it is built
    from the stated city, region and country. Locations marked `hidden` are left out.
-#}
{%- set place_text = "concat_ws(', ', nullif(trim(%s), ''), nullif(trim(%s), ''), nullif(trim(%s), ''))" -%}
-- a macro below renders a DuckDB lambda, which sqlfluff 4.4 cannot parse:
-- sqlfluff:ignore:parsing
with

source as (

    select * from {{ source('workable', 'payloads') }}
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
        {{ json_text('payload_json', '$.published_on') }} is not null as is_widget_v1,
        {{ json_text('payload_json', '$.shortcode') }} as shortcode,
        -- v1: top-level city / state (a region name) / country; v3: the `location` object
        coalesce(
            cast({{ json_raw('payload_json', '$.location') }} as string),
            {{ json_build_object([
                ('city', json_text('payload_json', '$.city')),
                ('region', json_text('payload_json', '$.state')),
                ('country', json_text('payload_json', '$.country')),
            ]) }}
        ) as primary_place,
        case
            when {{ json_text('payload_json', '$.telecommuting') }} = 'true' then 'remote'
            else nullif(trim({{ json_text('payload_json', '$.workplace') }}), '')
        end as workplace_type,
        coalesce(
            try_cast({{ json_text('payload_json', '$.remote') }} as boolean),
            try_cast({{ json_text('payload_json', '$.telecommuting') }} as boolean)
        ) as is_remote

    from deduplicated

),

located as (

    select
        *,
        nullif({{ place_text | format(
            json_text('primary_place', '$.city'),
            json_text('primary_place', '$.region'),
            json_text('primary_place', '$.country'),
        ) }}, '') as location_text,
        {{ list_without_nulls(json_array_transform('payload_json', '$.locations', "case when coalesce("
            ~ json_text('item', '$.hidden') ~ ", 'false') != 'true' then "
            ~ location_struct(
                place_text | format(json_text('item', '$.city'), json_text('item', '$.region'), json_text('item', '$.country')),
                city=json_text('item', '$.city'),
                region=json_text('item', '$.region'),
                country=json_text('item', '$.country'),
                country_code=json_text('item', '$.countryCode'),
                is_remote='is_remote',
            ) ~ " end")) }} as listed_locations

    from parsed

),

renamed as (

    select
        source_hash,
        'workable' as provider,
        shortcode as provider_job_key,
        nullif(trim({{ json_text('payload_json', '$.title') }}), '') as title,
        cast(null as string) as company_name,
        -- v1: a string; v3: an array whose first element is the department
        nullif(trim(coalesce(
            {{ json_text('payload_json', '$.department[0]') }}, {{ json_text('payload_json', '$.department') }}
        )), '') as department,
        cast(null as string) as team,
        location_text,
        case
            when {{ list_length('listed_locations') }} > 0 then listed_locations
            when location_text is not null then {{ make_list([location_struct(
                'location_text',
                city=json_text('primary_place', '$.city'),
                region=json_text('primary_place', '$.region'),
                country=json_text('primary_place', '$.country'),
                country_code=json_text('primary_place', '$.countryCode'),
                is_remote='is_remote',
            )]) }}
        end as locations,
        nullif(trim(coalesce(
            {{ json_text('payload_json', '$.employment_type') }}, {{ json_text('payload_json', '$.type') }}
        )), '') as employment_type_raw,
        workplace_type as workplace_type_raw,
        nullif(trim({{ json_text('payload_json', '$.description') }}), '') as description_html,
        {{ html_to_text(json_text('payload_json', '$.description')) }} as description_text,
        coalesce(
            {{ json_text('payload_json', '$.url') }}, 'https://apply.workable.com/j/' || shortcode
        ) as source_url,
        coalesce(
            {{ json_text('payload_json', '$.application_url') }}, 'https://apply.workable.com/j/' || shortcode || '/apply'
        ) as apply_url,
        case
            when is_widget_v1 then {{ iso_timestamp_to_utc(json_text('payload_json', '$.published_on')) }}
            else {{ iso_timestamp_to_utc(json_text('payload_json', '$.published')) }}
        end as source_posted_at,
        cast(null as timestamp) as source_updated_at,
        true as is_source_posted_at_approximate,
        cast(null as double) as salary_min_stated,
        cast(null as double) as salary_max_stated,
        cast(null as string) as salary_currency_stated,
        cast(null as string) as salary_period_stated,
        cast(null as string) as salary_text_stated,
        nullif(trim({{ json_text('payload_json', '$.language') }}), '') as language_stated,
        {{ json_build_object([
            ('surface', "case when is_widget_v1 then 'widget_v1' else 'careers_v3' end"),
            ('id', json_text('payload_json', '$.id')),
            ('code', json_text('payload_json', '$.code')),
            ('created_at', json_text('payload_json', '$.created_at')),
            ('status', 'case when not is_widget_v1 then ' ~ json_text('payload_json', '$.state') ~ ' end'),
            ('departments', json_raw('payload_json', '$.department')),
            ('education', json_text('payload_json', '$.education')),
            ('experience', json_text('payload_json', '$.experience')),
            ('function', json_text('payload_json', '$.function')),
            ('industry', json_text('payload_json', '$.industry')),
            ('is_internal', json_raw('payload_json', '$.isInternal')),
            ('approval_status', json_text('payload_json', '$.approvalStatus')),
        ]) }} as provider_fields,
        first_seen_at as payload_first_seen_at

    from located

)

select * from renamed
