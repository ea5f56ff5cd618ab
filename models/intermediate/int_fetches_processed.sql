{#-
    The fetch assessment the incremental lifecycle models were last built with (and the lifecycle vars
    they used): built after them, read by int_fetches_changed on the next build.
-#}
-- depends_on: {{ ref('int_job_sightings_joined') }}
-- depends_on: {{ ref('int_job_events_derived') }}
with

fetches as (

    select * from {{ ref('int_fetches_assessed') }}

),

processed as (

    select
        fetch_id,
        source_id,
        fetched_at,
        is_ok,
        is_healthy,
        healthy_fetch_number,
        {{ lifecycle_rule_key() }} as rule_key
    from fetches

)

select * from processed
