{#-
    iso_timestamp_to_utc(expression) -> timestamp (UTC, naive)
    An ISO-8601 text with an offset ('2026-09-24T13:34:54-04:00', '...+0200', '...Z', '....574+00:00')
    converted to UTC; text without an offset is taken as UTC, a date-only text ('2026-07-13', Workable
    v1 `published_on`) as midnight UTC, and 'YYYY-MM-DD HH:MM:SS UTC' (Recruitee) is read too;
    unparseable text gives null.
-#}
{% macro iso_timestamp_to_utc(expression) -%}
    {{ return(adapter.dispatch('iso_timestamp_to_utc', 'job_postings')(expression)) }}
{%- endmacro %}

{% macro default__iso_timestamp_to_utc(expression) -%}
    timezone('UTC', try_cast({{ expression }} as timestamptz))
{%- endmacro %}

{% macro spark__iso_timestamp_to_utc(expression) -%}
    {#- read as an instant in the session's time zone (UTC on the spark target), then made naive -#}
    cast(coalesce(
        to_timestamp_ltz({{ expression }}),
        to_timestamp_ltz({{ expression }}, "yyyy-MM-dd HH:mm:ss 'UTC'")
    ) as timestamp_ntz)
{%- endmacro %}
