{#- incremental: only payloads not parsed yet are read and parsed (docs/contracts.md section 7) -#}
{{ config(materialized='incremental', incremental_strategy=incremental_strategy('append_new'), on_schema_change='fail') }}
{#-
    A Workday posting is the list row with its detail response under `_detail` (providers/workday.py).
    The detail carries nearly everything; the list row the relative `postedOn` ("Posted 3 Days Ago").
    postedOn changes from day to day for an unchanged job, so every new text is a new payload: the
    payload's first_seen_at is the fetch where this text was read, the reference time it is resolved
    against. It feeds only source_posted_at and provider_fields, never the content hash.
-#}
{%- set info = '$._detail.jobPostingInfo' -%}
-- a macro below renders a DuckDB lambda, which sqlfluff 4.4 cannot parse:
-- sqlfluff:ignore:parsing
with

source as (

    select * from {{ source('workday', 'payloads') }}
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
        {{ json_text('payload_json', info ~ '.jobDescription') }} as description_html,
        nullif(trim(coalesce(
            {{ json_text('payload_json', info ~ '.location') }},
            {{ json_text('payload_json', '$.locationsText') }}
        )), '') as location_text,
        {{ json_text_list('payload_json', info ~ '.additionalLocations') }} as additional_locations,
        coalesce(
            {{ json_text('payload_json', '$.postedOn') }},
            {{ json_text('payload_json', info ~ '.postedOn') }}
        ) as posted_on,
        lower(trim(coalesce(
            {{ json_text('payload_json', '$.postedOn') }},
            {{ json_text('payload_json', info ~ '.postedOn') }}
        ))) as posted_on_normalized

    from deduplicated

),

resolved as (

    select
        *,
        -- "Posted Today" / "Posted Yesterday" / "Posted 3 Days Ago" / "Posted 30+ Days Ago" -> days before
        case
            when posted_on_normalized = 'posted today' then 0
            when posted_on_normalized = 'posted yesterday' then 1
            else try_cast(
                replace(
                    replace(replace(replace(posted_on_normalized, 'posted ', ''), '+', ''), ' days ago', ''),
                    ' day ago',
                    ''
                ) as integer
            )
        end as posted_days_ago

    from parsed

),

renamed as (

    select
        source_hash,
        'workday' as provider,
        coalesce(
            nullif(trim({{ json_text('payload_json', info ~ '.jobReqId') }}), ''),
            nullif(trim({{ json_text('payload_json', '$.externalPath') }}), '')
        ) as provider_job_key,
        nullif(trim(coalesce(
            {{ json_text('payload_json', info ~ '.title') }},
            {{ json_text('payload_json', '$.title') }}
        )), '') as title,
        nullif(trim({{ json_text('payload_json', '$._detail.hiringOrganization.name') }}), '') as company_name,
        cast(null as string) as department,
        cast(null as string) as team,
        location_text,
        -- the primary location (with the requisition's country) first, then additionalLocations
        case
            when location_text is not null
                then {{ list_concat(
                    make_list([location_struct(
                        'location_text',
                        country=json_text('payload_json', info ~ '.jobRequisitionLocation.country.descriptor'),
                        country_code=json_text('payload_json', info ~ '.jobRequisitionLocation.country.alpha2Code'),
                    )]),
                    list_transform_items('additional_locations', location_struct('item')),
                ) }}
        end as locations,
        nullif(trim(coalesce(
            {{ json_text('payload_json', info ~ '.timeType') }},
            {{ json_text('payload_json', '$.timeType') }}
        )), '') as employment_type_raw,
        nullif(trim(coalesce(
            {{ json_text('payload_json', info ~ '.remoteType') }},
            {{ json_text('payload_json', '$.remoteType') }}
        )), '') as workplace_type_raw,
        nullif(trim(description_html), '') as description_html,
        {{ html_to_text('description_html') }} as description_text,
        {{ json_text('payload_json', info ~ '.externalUrl') }} as source_url,
        {{ json_text('payload_json', info ~ '.externalUrl') }} || '/apply' as apply_url,
        -- postedOn against the fetch that first read it; else the detail's startDate (a date)
        coalesce(
            {{ days_before('first_seen_at', 'posted_days_ago') }},
            cast(try_cast({{ json_text('payload_json', info ~ '.startDate') }} as date) as timestamp)
        ) as source_posted_at,
        cast(null as timestamp) as source_updated_at,
        posted_days_ago is not null
        or try_cast({{ json_text('payload_json', info ~ '.startDate') }} as date) is not null
            as is_source_posted_at_approximate,
        cast(null as double) as salary_min_stated,
        cast(null as double) as salary_max_stated,
        cast(null as string) as salary_currency_stated,
        cast(null as string) as salary_period_stated,
        cast(null as string) as salary_text_stated,
        cast(null as string) as language_stated,
        {{ json_build_object([
            ('job_req_id', json_text('payload_json', info ~ '.jobReqId')),
            ('job_posting_id', json_text('payload_json', info ~ '.jobPostingId')),
            ('job_posting_site_id', json_text('payload_json', info ~ '.jobPostingSiteId')),
            ('external_path', json_text('payload_json', '$.externalPath')),
            ('bullet_fields', json_raw('payload_json', '$.bulletFields')),
            ('locations_text', json_text('payload_json', '$.locationsText')),
            ('posted_on', 'posted_on'),
            ('start_date', json_text('payload_json', info ~ '.startDate')),
            ('country', json_text('payload_json', info ~ '.country.descriptor')),
        ]) }} as provider_fields,
        first_seen_at as payload_first_seen_at

    from resolved

)

select * from renamed
