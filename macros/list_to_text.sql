{#-
    list_to_text(list_expression, separator) -> varchar
    The list's elements joined with `separator` (nulls skipped); null list gives null.
-#}
{% macro list_to_text(list_expression, separator) -%}
    {{ return(adapter.dispatch('list_to_text', 'job_postings')(list_expression, separator)) }}
{%- endmacro %}

{% macro default__list_to_text(list_expression, separator) -%}
    array_to_string({{ list_expression }}, '{{ separator }}')
{%- endmacro %}

{% macro spark__list_to_text(list_expression, separator) -%}
    array_join({{ list_expression }}, '{{ separator }}')
{%- endmacro %}
