{#-
    timestamp_diff_milliseconds(start, end) -> bigint
    Whole milliseconds from timestamp `start` to timestamp `end` (negative when end is earlier).
-#}
{% macro timestamp_diff_milliseconds(start, end) -%}
    {{ return(adapter.dispatch('timestamp_diff_milliseconds', 'job_postings')(start, end)) }}
{%- endmacro %}

{% macro default__timestamp_diff_milliseconds(start, end) -%}
    (epoch_ms({{ end }}) - epoch_ms({{ start }}))
{%- endmacro %}

{% macro spark__timestamp_diff_milliseconds(start, end) -%}
    (unix_millis({{ end }}) - unix_millis({{ start }}))
{%- endmacro %}
