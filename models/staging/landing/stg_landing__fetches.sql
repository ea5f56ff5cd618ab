with

source as (

    select * from {{ source('landing', 'fetches') }}

),

renamed as (

    select
        fetch_id,
        {{ source_id('provider', 'board') }} as source_id,
        provider,
        board,
        cast(fetched_at as timestamp) as fetched_at,
        cast(fetch_date as date) as fetch_date,
        status,
        status = 'ok' as is_ok,
        cast(http_status as integer) as http_status,
        error as error_message,
        cast(duration_ms as bigint) as duration_ms,
        cast(requests as integer) as request_count,
        coalesce(is_reported_complete, true) as is_reported_complete,
        cast(postings_count as integer) as postings_count,
        cast(reported_total as integer) as reported_total,
        coalesce(rejected_postings, 0) as rejected_postings,
        coalesce(duplicate_postings, 0) as duplicate_postings,
        cast(raw_bytes as bigint) as raw_bytes,
        raw_path,
        raw_uri,
        cast(landed_at as timestamp) as landed_at,
        batch_id as landing_batch_id

    from source

)

select * from renamed
