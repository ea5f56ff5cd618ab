with

fetches as (

    select * from {{ ref('int_fetches_assessed') }}

),

final as (

    select
        fetch_id,
        source_id,
        provider,
        board,
        fetched_at,
        fetch_date,
        status,
        http_status,
        error_message,
        duration_ms,
        request_count,
        postings_count,
        reported_total,
        rejected_postings,
        duplicate_postings,
        is_ok,
        is_complete,
        baseline_postings,
        is_collapse,
        is_collapse_accepted,
        is_healthy,
        unhealthy_reason,
        raw_path,
        raw_uri,
        raw_bytes
    from fetches

)

select * from final
