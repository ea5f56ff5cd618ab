-- Cross-model invariant: an update, or a reopen whose content hash changed, lists at least one changed
-- field and has exactly those rows in fct_job_field_changes; no other event has field changes.
with

events as (

    select * from {{ ref('fct_job_lifecycle_events') }}

),

field_counts as (

    select
        event_id,
        count(*) as field_changes
    from {{ ref('fct_job_field_changes') }}
    group by event_id

),

checked as (

    select
        events.event_id,
        events.event_type,
        coalesce(field_counts.field_changes, 0) as field_changes,
        coalesce({{ list_length('events.changed_fields') }}, 0) as listed_fields,
        events.event_type = 'update'
        or (events.event_type = 'reopen' and events.content_hash != events.previous_content_hash) as is_content_change
    from events
    left join field_counts
        on events.event_id = field_counts.event_id

)

select * from checked
where
    (is_content_change and (field_changes = 0 or field_changes != listed_fields))
    or (not is_content_change and (field_changes > 0 or listed_fields > 0))
