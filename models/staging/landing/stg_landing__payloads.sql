{#-
    Every provider's raw posting JSON, verbatim: the native payload behind each job (dim_job_payloads).
    Parsing stays in stg_<provider>__postings; this view only renames and de-duplicates.
-#}
with

source as (

    select * from {{ source('landing', 'payloads') }}

),

deduplicated as (

    -- a killed landing run can leave a payload file behind; the next run may land the same hash again
    select *
    from (
        select
            *,
            row_number() over (
                partition by provider, source_hash order by first_seen_at, first_fetch_id
            ) as copy_number
        from source
    ) as numbered
    where copy_number = 1

),

renamed as (

    select
        source_hash,
        provider,
        payload_json,
        cast(first_seen_at as timestamp) as payload_first_seen_at,
        first_fetch_id
    from deduplicated

)

select * from renamed
