{#-
    date_text_to_timestamp(expression) -> timestamp (UTC, naive)
    A date-only text ('2026-07-13', Workable v1 `published_on`) as midnight UTC of that day;
    unparseable text gives null. Callers flag such values as approximate.
-#}
{% macro date_text_to_timestamp(expression) -%}
    {{ return(adapter.dispatch('date_text_to_timestamp', 'job_postings')(expression)) }}
{%- endmacro %}

{% macro default__date_text_to_timestamp(expression) -%}
    cast(try_cast({{ expression }} as date) as timestamp)
{%- endmacro %}

{% macro spark__date_text_to_timestamp(expression) -%}
    cast(to_date({{ expression }}, 'yyyy-MM-dd') as timestamp)
{%- endmacro %}
