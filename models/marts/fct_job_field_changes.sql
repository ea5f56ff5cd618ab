{#- One row per changed field per content-changing event: the compared versions, unpivoted. -#}
{%- set fields = job_change_fields('posting') -%}
with

changes as (

    select * from {{ ref('int_job_changes_compared') }}

),

unpivoted as (

    {% for field in fields %}
    select
        job_id,
        source_id,
        event_type,
        event_at,
        fetch_id,
        '{{ field["name"] }}' as field_name,
        {{ field["name"] }}_before as value_before,
        {{ field["name"] }}_after as value_after,
        {{ field["name"] }}_before_length as value_before_length,
        {{ field["name"] }}_after_length as value_after_length,
        {{ 'true' if field["hashed"] else 'false' }} as is_value_hashed
    from changes
    where is_{{ field["name"] }}_changed
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        {{ hash_hex(event_id('job_id', 'event_type', 'fetch_id') ~ " || '|' || field_name", 'sha1') }}
            as field_change_id,
        {{ event_id('job_id', 'event_type', 'fetch_id') }} as event_id,
        job_id,
        source_id,
        event_type,
        event_at,
        fetch_id,
        field_name,
        value_before,
        value_after,
        value_before_length,
        value_after_length,
        is_value_hashed
    from unpivoted

)

select * from final
