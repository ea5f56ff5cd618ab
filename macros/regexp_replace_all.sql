{#-
    regexp_replace_all(expression, pattern, replacement) -> varchar
    Every match of the RE2 / Java-compatible `pattern` (a SQL string literal without quotes) replaced by
    the literal `replacement` (no back references, so both engines agree).
-#}
{% macro regexp_replace_all(expression, pattern, replacement) -%}
    {{ return(adapter.dispatch('regexp_replace_all', 'job_postings')(expression, pattern, replacement)) }}
{%- endmacro %}

{% macro default__regexp_replace_all(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, '{{ pattern }}', '{{ replacement }}', 'g')
{%- endmacro %}

{% macro spark__regexp_replace_all(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, '{{ java_regexp(pattern) }}', '{{ replacement }}')
{%- endmacro %}
