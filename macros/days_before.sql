{#-
    days_before(timestamp_expression, days_expression) -> timestamp (UTC, naive)
    Midnight at the start of the UTC day that lies `days_expression` (an integer) days before the day
    of `timestamp_expression`; null when either is null. Resolves relative dates such as Workday's
    "Posted 3 Days Ago" against the time they were observed.
-#}
{% macro days_before(timestamp_expression, days_expression) -%}
    {{ return(adapter.dispatch('days_before', 'job_postings')(timestamp_expression, days_expression)) }}
{%- endmacro %}

{% macro default__days_before(timestamp_expression, days_expression) -%}
    cast(cast({{ timestamp_expression }} as date) - cast({{ days_expression }} as integer) as timestamp)
{%- endmacro %}

{% macro spark__days_before(timestamp_expression, days_expression) -%}
    cast(date_sub(to_date({{ timestamp_expression }}), cast({{ days_expression }} as int)) as timestamp)
{%- endmacro %}
