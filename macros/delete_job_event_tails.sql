{#-
    delete_job_event_tails() -> a delete statement (the incremental pre-hook of int_job_events_derived)
    Deletes the events an incremental build derives again, per job of int_job_anchors_located: every
    event when the job has no anchor; else its sighting events after the anchor and its closes from
    the anchor on (a close's last_seen_at is the sighting it follows).
-#}
{% macro delete_job_event_tails() -%}
    delete from {{ this }}
    where exists (
        select 1
        from {{ ref('int_job_anchors_located') }} as anchors
        where
            anchors.job_id = {{ this }}.job_id
            and (
                anchors.anchor_at is null
                or ({{ this }}.event_type != 'close' and {{ this }}.event_at > anchors.anchor_at)
                or ({{ this }}.event_type = 'close' and {{ this }}.last_seen_at >= anchors.anchor_at)
            )
    )
{%- endmacro %}
