{#-
    event_id(job_id, event_type, fetch_id) -> varchar(40)
    A lifecycle event's key: sha1 hex of 'job_id|event_type|fetch_id' (one event of a type per job and
    fetch). fct_job_lifecycle_events and fct_job_field_changes both key their events with it.
-#}
{% macro event_id(job_id, event_type, fetch_id) -%}
    {{ hash_hex(job_id ~ " || '|' || " ~ event_type ~ " || '|' || " ~ fetch_id, 'sha1') }}
{%- endmacro %}
