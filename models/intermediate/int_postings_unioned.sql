{#-
    Every provider's staged postings in one common schema, plus the content hash.
    Providers come from the `providers` var: adding one is a staging folder and a list entry.
    Incremental: a run adds the payloads it has not seen yet (a payload never changes).
-#}
{{ config(materialized='incremental', incremental_strategy=incremental_strategy('append_new'), on_schema_change='fail') }}
{%- set common_columns = [
    'source_hash', 'provider', 'provider_job_key', 'title', 'company_name', 'department', 'team',
    'location_text', 'locations', 'employment_type_raw', 'workplace_type_raw',
    'description_html', 'description_text', 'source_url', 'apply_url', 'source_posted_at',
    'source_updated_at', 'is_source_posted_at_approximate', 'salary_min_stated', 'salary_max_stated',
    'salary_currency_stated', 'salary_period_stated', 'salary_text_stated', 'language_stated', 'provider_fields',
    'payload_first_seen_at',
] -%}

-- a macro below renders a DuckDB lambda, which sqlfluff 4.4 cannot parse:
-- sqlfluff:ignore:parsing
with

{% for provider in var('providers') %}
{{ provider }}_postings as (

    select {{ common_columns | join(', ') }}
    from {{ ref('stg_' ~ provider ~ '__postings') }}
    {{ where_key_is_new('source_hash') }}

),

{% endfor %}
unioned as (

    {% for provider in var('providers') %}
    select * from {{ provider }}_postings
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

with_location_texts as (

    select
        *,
        {{ list_transform_items('locations', "item.text") }} as location_texts
    from unioned

),

hashed as (

    select
        *,
        {{ list_to_text('location_texts', '; ') }} as locations_joined
    from with_location_texts

),

final as (

    select
        {{ common_columns | join(', ') }},
        location_texts,
        {{ content_hash([
            'title', 'department', 'team', 'location_text', 'locations_joined', 'employment_type_raw',
            'workplace_type_raw', 'description_text', 'salary_min_stated', 'salary_max_stated',
            'salary_currency_stated', 'salary_period_stated', 'salary_text_stated',
        ]) }} as content_hash
    from hashed

)

select * from final
