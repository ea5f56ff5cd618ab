{#-
    Each sighting with its job's content hash and its fetch's health and healthy-fetch number: the
    input of the event derivation.
-#}
with

sightings as (

    select * from {{ ref('stg_landing__sightings') }}

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
        postings.content_hash,
        fetches.is_healthy as is_fetch_healthy,
        fetches.healthy_fetch_number,
        fetches.board_healthy_fetches,
        fetches.raw_uri
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
