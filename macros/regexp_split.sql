{#-
    regexp_split(expression, pattern) -> list of varchar
    The text split at every match of `pattern` (without quotes); empty pieces are kept (filter them
    after unnesting); null text gives null.
-#}
{% macro regexp_split(expression, pattern) -%}
    {{ return(adapter.dispatch('regexp_split', 'job_postings')(expression, pattern)) }}
{%- endmacro %}

{% macro default__regexp_split(expression, pattern) -%}
    regexp_split_to_array({{ expression }}, '{{ pattern }}')
{%- endmacro %}

{% macro spark__regexp_split(expression, pattern) -%}
    split({{ expression }}, '{{ java_regexp(pattern) }}')
{%- endmacro %}
