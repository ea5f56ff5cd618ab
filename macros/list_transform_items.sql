{#-
    list_transform_items(list_expression, expression) -> list
    Applies `expression` (SQL text that refers to each element as `item`) to every element of a list.
    The DuckDB rendering uses a lambda: models calling this carry `-- sqlfluff:ignore:parsing`.
-#}
{% macro list_transform_items(list_expression, expression) -%}
    {{ return(adapter.dispatch('list_transform_items', 'job_postings')(list_expression, expression)) }}
{%- endmacro %}

{% macro default__list_transform_items(list_expression, expression) -%}
    list_transform({{ list_expression }}, lambda item: {{ expression }})
{%- endmacro %}

{% macro spark__list_transform_items(list_expression, expression) -%}
    transform({{ list_expression }}, item -> {{ expression }})
{%- endmacro %}
