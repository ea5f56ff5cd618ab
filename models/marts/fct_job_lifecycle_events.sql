with

events as (

    select * from {{ ref('int_job_events_derived') }}

),

changes as (

    select
        job_id,
        event_type,
        fetch_id,
        changed_fields
    from {{ ref('int_job_changes_compared') }}

),

final as (

    select
        {{ event_id('events.job_id', 'events.event_type', 'events.fetch_id') }} as event_id,
        events.job_id,
        events.source_id,
        events.event_type,
        events.event_at,
        events.fetch_id,
        events.content_hash,
        events.previous_content_hash,
        changes.changed_fields,
        events.last_seen_at
    from events
    left join changes
        on
            events.job_id = changes.job_id
            and events.event_type = changes.event_type
            and events.fetch_id = changes.fetch_id

)

select * from final
