{#-
    epoch_ms_to_timestamp(expression) -> timestamp (UTC, naive)
    Milliseconds since 1970-01-01 UTC (Lever `createdAt`) to a timestamp, exact to the millisecond.
-#}
{% macro epoch_ms_to_timestamp(expression) -%}
    {{ return(adapter.dispatch('epoch_ms_to_timestamp', 'job_postings')(expression)) }}
{%- endmacro %}

{% macro default__epoch_ms_to_timestamp(expression) -%}
    make_timestamp(try_cast({{ expression }} as bigint) * 1000)
{%- endmacro %}

{% macro spark__epoch_ms_to_timestamp(expression) -%}
    cast(timestamp_millis(try_cast({{ expression }} as bigint)) as timestamp_ntz)
{%- endmacro %}
