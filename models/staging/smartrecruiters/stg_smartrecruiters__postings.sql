{#- incremental: only payloads not parsed yet are read and parsed (docs/contracts.md section 7) -#}
{{ config(materialized='incremental', incremental_strategy=incremental_strategy('append_new'), on_schema_change='fail') }}
{#-
    SmartRecruiters: the list row carries title, location, dates and classifications; the detail
    response under `_detail` (docs/contracts.md section 2) the job ad (`jobAd.sections.*`, HTML with
    `&#xa0;`) and the URLs. Postings landed from a list-only fetch have no `_detail`: no description,
    and URLs built from the company identifier and the posting id. One `location` object per posting
    (lower-case ISO country code, remote / hybrid booleans, `fullLocation`). The workplace is the
    remote / hybrid flag that is true; with both false, a company's own custom field such as "Work
    flexibility: Office-based" (Ubisoft) says it, when there is one.
-#}
{%- set workplace_fields = ['work flexibility', 'workplace type', 'work model', 'location type', 'remote type', 'work type'] -%}
{%- set sections = [
    ('companyDescription', 'Company Description'),
    ('jobDescription', 'Job Description'),
    ('qualifications', 'Qualifications'),
    ('additionalInformation', 'Additional Information'),
] -%}
with

source as (

    select * from {{ source('smartrecruiters', 'payloads') }}
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
        {{ json_text('payload_json', '$.id') }} as posting_id,
        {{ json_text('payload_json', '$.company.identifier') }} as company_identifier,
        nullif(concat_ws(
            ' ',
            {%- for key, heading in sections %}
            '<h3>' || coalesce({{ json_text('payload_json', '$._detail.jobAd.sections.' ~ key ~ '.title') }}, '{{ heading }}')
            || '</h3>' || {{ json_text('payload_json', '$._detail.jobAd.sections.' ~ key ~ '.text') }}
            {{- "," if not loop.last }}
            {%- endfor %}
        ), '') as description_html,
        coalesce(
            nullif(trim({{ json_text('payload_json', '$.location.fullLocation') }}), ''),
            nullif(concat_ws(
                ', ',
                nullif(trim({{ json_text('payload_json', '$.location.city') }}), ''),
                nullif(trim({{ json_text('payload_json', '$.location.region') }}), ''),
                upper(nullif(trim({{ json_text('payload_json', '$.location.country') }}), ''))
            ), '')
        ) as location_text,
        try_cast({{ json_text('payload_json', '$.location.remote') }} as boolean) as is_remote,
        try_cast({{ json_text('payload_json', '$.location.hybrid') }} as boolean) as is_hybrid

    from deduplicated

),

renamed as (

    select
        source_hash,
        'smartrecruiters' as provider,
        posting_id as provider_job_key,
        nullif(trim({{ json_text('payload_json', '$.name') }}), '') as title,
        nullif(trim({{ json_text('payload_json', '$.company.name') }}), '') as company_name,
        nullif(trim({{ json_text('payload_json', '$.department.label') }}), '') as department,
        cast(null as string) as team,
        location_text,
        case
            when location_text is not null then {{ make_list([location_struct(
                'location_text',
                city=json_text('payload_json', '$.location.city'),
                region=json_text('payload_json', '$.location.region'),
                country_code=json_text('payload_json', '$.location.country'),
                is_remote='is_remote',
            )]) }}
        end as locations,
        nullif(trim({{ json_text('payload_json', '$.typeOfEmployment.label') }}), '') as employment_type_raw,
        case
            when is_remote then 'remote'
            when is_hybrid then 'hybrid'
            else nullif(trim({{ json_lookup_by_name(
                'payload_json', '$.customField', workplace_fields, 'valueLabel', 'fieldLabel'
            ) }}), '')
        end as workplace_type_raw,
        description_html,
        {{ html_to_text('description_html') }} as description_text,
        coalesce(
            {{ json_text('payload_json', '$._detail.postingUrl') }},
            'https://jobs.smartrecruiters.com/' || company_identifier || '/' || posting_id
        ) as source_url,
        coalesce(
            {{ json_text('payload_json', '$._detail.applyUrl') }},
            'https://jobs.smartrecruiters.com/' || company_identifier || '/' || posting_id
        ) as apply_url,
        {{ iso_timestamp_to_utc(json_text('payload_json', '$.releasedDate')) }} as source_posted_at,
        cast(null as timestamp) as source_updated_at,
        false as is_source_posted_at_approximate,
        cast(null as double) as salary_min_stated,
        cast(null as double) as salary_max_stated,
        cast(null as string) as salary_currency_stated,
        cast(null as string) as salary_period_stated,
        cast(null as string) as salary_text_stated,
        nullif(trim({{ json_text('payload_json', '$.language.code') }}), '') as language_stated,
        {{ json_build_object([
            ('ref_number', json_text('payload_json', '$.refNumber')),
            ('uuid', json_text('payload_json', '$.uuid')),
            ('job_ad_id', json_text('payload_json', '$.jobAdId')),
            ('company_identifier', 'company_identifier'),
            ('type_of_employment_id', json_text('payload_json', '$.typeOfEmployment.id')),
            ('experience_level', json_text('payload_json', '$.experienceLevel.label')),
            ('function', json_text('payload_json', '$.function.label')),
            ('industry', json_text('payload_json', '$.industry.label')),
            ('custom_fields', json_raw('payload_json', '$.customField')),
            ('latitude', json_text('payload_json', '$.location.latitude')),
            ('longitude', json_text('payload_json', '$.location.longitude')),
            ('has_detail', json_text('payload_json', '$._detail.id') ~ ' is not null'),
        ]) }} as provider_fields,
        first_seen_at as payload_first_seen_at

    from parsed

)

select * from renamed
