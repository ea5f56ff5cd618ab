{#-
    list_contains(list_expression, value) -> boolean
    True when the list holds the value (a SQL expression); null for a null list.
-#}
{% macro list_contains(list_expression, value) -%}
    {{ return(adapter.dispatch('list_contains', 'job_postings')(list_expression, value)) }}
{%- endmacro %}

{% macro default__list_contains(list_expression, value) -%}
    list_contains({{ list_expression }}, {{ value }})
{%- endmacro %}

{% macro spark__list_contains(list_expression, value) -%}
    array_contains({{ list_expression }}, {{ value }})
{%- endmacro %}
