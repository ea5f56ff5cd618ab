{#-
    The provider's native payload of each job's latest version (the reference page's "native
    structured" record): one short lookup by job_id, without touching the raw files.
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

final as (

    select
        jobs.job_id,
        jobs.provider,
        jobs.source_hash,
        payloads.payload_json,
        payloads.payload_first_seen_at,
        jobs.raw_payload_uri
    from jobs
    inner join payloads
        on
            jobs.source_hash = payloads.source_hash
            and jobs.provider = payloads.provider

)

select * from final
