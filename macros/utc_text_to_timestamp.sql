{#-
    utc_text_to_timestamp(expression) -> timestamp (UTC, naive)
    A 'YYYY-MM-DD HH:MM:SS UTC' text (Recruitee's timestamps, not ISO) to a timestamp; text in any
    other form gives null.
-#}
{% macro utc_text_to_timestamp(expression) -%}
    {{ return(adapter.dispatch('utc_text_to_timestamp', 'job_postings')(expression)) }}
{%- endmacro %}

{% macro default__utc_text_to_timestamp(expression) -%}
    try_strptime({{ expression }}, '%Y-%m-%d %H:%M:%S UTC')
{%- endmacro %}

{% macro spark__utc_text_to_timestamp(expression) -%}
    to_timestamp({{ expression }}, "yyyy-MM-dd HH:mm:ss 'UTC'")
{%- endmacro %}
