{#-
    The provider's native payload of each job's latest version (the reference page's "native
    structured" record): one short lookup by job_id, without touching the raw files.
    payload_first_seen_at comes from the job's sightings, not from landing's first_seen_at: landing
    records the first fetch it happened to land, which depends on the order raw days arrived in.
-#}
with

jobs as (

    select
        job_id,
        provider,
        source_hash,
        raw_payload_uri
    from {{ ref('dim_jobs') }}

),

payloads as (

    select * from {{ ref('stg_landing__payloads') }}

),

sightings as (

    select
        job_id,
        source_hash,
        fetched_at
    from {{ ref('int_job_sightings_joined') }}

),

version_first_sightings as (

    select
        sightings.job_id,
        min(sightings.fetched_at) as payload_first_seen_at
    from sightings
    inner join jobs
        on
            sightings.job_id = jobs.job_id
            and sightings.source_hash = jobs.source_hash
    group by sightings.job_id

),

final as (

    select
        jobs.job_id,
        jobs.provider,
        jobs.source_hash,
        payloads.payload_json,
        version_first_sightings.payload_first_seen_at,
        jobs.raw_payload_uri
    from jobs
    inner join payloads
        on
            jobs.source_hash = payloads.source_hash
            and jobs.provider = payloads.provider
    inner join version_first_sightings
        on jobs.job_id = version_first_sightings.job_id

)

select * from final
