{#-
    regexp_contains(expression, pattern) -> boolean
    True when the RE2 / Java-compatible `pattern` (without quotes) matches anywhere in the text; null for
    null text. Use (?i) in the pattern for case-insensitive matching.
-#}
{% macro regexp_contains(expression, pattern) -%}
    {{ return(adapter.dispatch('regexp_contains', 'job_postings')(expression, pattern)) }}
{%- endmacro %}

{% macro default__regexp_contains(expression, pattern) -%}
    regexp_matches({{ expression }}, '{{ pattern }}')
{%- endmacro %}

{% macro spark__regexp_contains(expression, pattern) -%}
    ({{ expression }} rlike '{{ java_regexp(pattern) }}')
{%- endmacro %}
