{#-
    regexp_matches_all(expression, pattern) -> list of varchar
    Every non-overlapping match of `pattern` (without quotes) in the text, whole matches, in order;
    an empty list when there is none.
-#}
{% macro regexp_matches_all(expression, pattern) -%}
    {{ return(adapter.dispatch('regexp_matches_all', 'job_postings')(expression, pattern)) }}
{%- endmacro %}

{% macro default__regexp_matches_all(expression, pattern) -%}
    regexp_extract_all({{ expression }}, '{{ pattern }}')
{%- endmacro %}

{% macro spark__regexp_matches_all(expression, pattern) -%}
    regexp_extract_all({{ expression }}, '{{ java_regexp(pattern) }}', 0)
{%- endmacro %}
