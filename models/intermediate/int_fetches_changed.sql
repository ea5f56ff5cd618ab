{#-
    The fetches the incremental lifecycle models must (re)process: every fetch that is new since their
    last build, or whose health or healthy-fetch position changed (a collapse accepted later, a fetch
    landing late between older ones), compared with int_fetches_processed, the assessment that build
    used. Every fetch when there is no such build, or when it used other lifecycle vars.
    Per board, everything before its earliest changed fetch is as the last build saw it.
-#}
{%- set processed_relation = adapter.get_relation(
    database=this.database, schema=this.schema, identifier='int_fetches_processed'
) -%}

with

fetches as (

    select * from {{ ref('int_fetches_assessed') }}

),

processed as (

    {% if processed_relation is not none %}
    select
        fetch_id,
        is_ok,
        is_healthy,
        healthy_fetch_number
    from {{ processed_relation }}
    where rule_key = {{ lifecycle_rule_key() }}
    {% else %}
    select
        fetch_id,
        is_ok,
        is_healthy,
        healthy_fetch_number
    from fetches
    where false
    {% endif %}

),

changed as (

    select
        fetches.fetch_id,
        fetches.source_id,
        fetches.fetched_at,
        fetches.fetch_date,
        processed.fetch_id is null as is_new
    from fetches
    left join processed
        on fetches.fetch_id = processed.fetch_id
    where
        processed.fetch_id is null
        or fetches.is_ok is distinct from processed.is_ok
        or fetches.is_healthy is distinct from processed.is_healthy
        or fetches.healthy_fetch_number is distinct from processed.healthy_fetch_number

)

select * from changed
