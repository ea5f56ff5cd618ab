{#- incremental: only payloads not parsed yet are read and parsed (docs/contracts.md section 7) -#}
{{ config(materialized='incremental', incremental_strategy=incremental_strategy('append_new'), on_schema_change='fail') }}
{#-
    Ashby: `location` + `address.postalAddress` is the primary location, `secondaryLocations` the others;
    the workplace is `workplaceType` (never `isRemote`, which is true for hybrid jobs too); the stated
    salary is the Salary element of `compensation.summaryComponents`, its display string
    `compensationTierSummary`.
-#}
{%- set is_remote = "case workplace_type when 'Remote' then true when 'Hybrid' then false when 'OnSite' then false end" -%}
-- macros below render DuckDB lambdas, which sqlfluff 4.4 cannot parse:
-- sqlfluff:ignore:parsing
with

source as (

    select * from {{ source('ashby', 'payloads') }}
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
        nullif(trim({{ json_text('payload_json', '$.workplaceType') }}), '') as workplace_type,
        {{ json_array_find('payload_json', '$.compensation.summaryComponents', 'compensationType', 'Salary') }}
            as salary_component,
        {{ json_text('payload_json', '$.descriptionHtml') }} as description_html

    from deduplicated

),

located as (

    select
        *,
        {{ json_array_transform('payload_json', '$.secondaryLocations', location_struct(
            json_text('item', '$.location'),
            city=json_text('item', '$.address.postalAddress.addressLocality'),
            region=json_text('item', '$.address.postalAddress.addressRegion'),
            country=json_text('item', '$.address.postalAddress.addressCountry'),
            is_remote=is_remote,
        )) }} as secondary_locations

    from parsed

),

renamed as (

    select
        source_hash,
        'ashby' as provider,
        {{ json_text('payload_json', '$.id') }} as provider_job_key,
        nullif(trim({{ json_text('payload_json', '$.title') }}), '') as title,
        cast(null as string) as company_name,
        nullif(trim({{ json_text('payload_json', '$.department') }}), '') as department,
        nullif(trim({{ json_text('payload_json', '$.team') }}), '') as team,
        location_text,
        case
            when location_text is null then secondary_locations
            else {{ list_concat(make_list([location_struct(
                'location_text',
                city=json_text('payload_json', '$.address.postalAddress.addressLocality'),
                region=json_text('payload_json', '$.address.postalAddress.addressRegion'),
                country=json_text('payload_json', '$.address.postalAddress.addressCountry'),
                is_remote=is_remote,
            )]), 'secondary_locations') }}
        end as locations,
        nullif(trim({{ json_text('payload_json', '$.employmentType') }}), '') as employment_type_raw,
        workplace_type as workplace_type_raw,
        nullif(trim(description_html), '') as description_html,
        {{ html_to_text('description_html') }} as description_text,
        {{ json_text('payload_json', '$.jobUrl') }} as source_url,
        {{ json_text('payload_json', '$.applyUrl') }} as apply_url,
        {{ iso_timestamp_to_utc(json_text('payload_json', '$.publishedAt')) }} as source_posted_at,
        cast(null as timestamp) as source_updated_at,
        false as is_source_posted_at_approximate,
        try_cast({{ json_text('salary_component', '$.minValue') }} as double) as salary_min_stated,
        try_cast({{ json_text('salary_component', '$.maxValue') }} as double) as salary_max_stated,
        upper({{ json_text('salary_component', '$.currencyCode') }}) as salary_currency_stated,
        {{ json_text('salary_component', '$.interval') }} as salary_period_stated,
        nullif(trim({{ json_text('payload_json', '$.compensation.compensationTierSummary') }}), '')
            as salary_text_stated,
        cast(null as string) as language_stated,
        {{ json_build_object([
            ('is_remote', json_raw('payload_json', '$.isRemote')),
            ('should_display_compensation', json_raw('payload_json', '$.shouldDisplayCompensationOnJobPostings')),
            ('scrapeable_salary_summary', json_text('payload_json', '$.compensation.scrapeableCompensationSalarySummary')),
            ('compensation_tiers', json_raw('payload_json', '$.compensation.compensationTiers')),
            ('summary_components', json_raw('payload_json', '$.compensation.summaryComponents')),
        ]) }} as provider_fields,
        first_seen_at as payload_first_seen_at

    from located

)

select * from renamed
