{#-
    Each sighting with its posting's content hash: the input of the event derivation (narrow: one row
    per posting per fetch is the largest table; the fetch's raw file is joined where it is needed). Nothing here changes once written, so a run adds the sightings of new fetches only
    (replacing any of theirs already there, so a run repeated after a failure adds nothing twice).
    Fetch health, which can change later, is joined where it is used.
-#}
{{ config(
    materialized=incremental_materialization('replace_keys'),
    incremental_strategy=incremental_strategy('replace_keys'),
    unique_key='fetch_id',
    on_schema_change='fail',
) }}
-- depends_on: {{ ref('int_fetches_changed') }}
{%- set since = none -%}
{%- if is_incremental() and execute -%}
{%- set since = run_query(
    "select cast(min(fetch_date) as string) from " ~ ref('int_fetches_changed') ~ " where is_new"
).columns[0].values()[0] -%}
{%- endif %}

with

sightings as (

    select * from {{ ref('stg_landing__sightings') }}
    {% if is_incremental() %}
    -- the literal date lets the scan skip older landing files; the fetch ids pick the new fetches
    where
        fetch_date >= cast('{{ since or "9999-12-31" }}' as date)
        and fetch_id in (select fetch_id from {{ ref('int_fetches_changed') }} where is_new)
    {% endif %}

),

fetches as (

    select * from {{ ref('int_fetches_assessed') }}

),

postings as (

    select
        source_hash,
        provider,
        content_hash
    from {{ ref('int_postings_unioned') }}

),

joined as (

    select
        sightings.job_id,
        sightings.source_id,
        sightings.provider,
        sightings.board,
        sightings.provider_job_key,
        sightings.fetch_id,
        sightings.fetched_at,
        sightings.source_hash,
        postings.content_hash
    from sightings
    inner join fetches
        on sightings.fetch_id = fetches.fetch_id
    inner join postings
        on
            sightings.source_hash = postings.source_hash
            and sightings.provider = postings.provider
    where fetches.is_ok

)

select * from joined
