{#-
    list_without_null_items(list_expression) -> list
    The list with its null elements removed (order kept); a null list stays null. For lists built by
    json_array_transform whose expression yields null for elements to skip.
-#}
{% macro list_without_null_items(list_expression) -%}
    {{ return(adapter.dispatch('list_without_null_items', 'job_postings')(list_expression)) }}
{%- endmacro %}

{% macro default__list_without_null_items(list_expression) -%}
    list_without_nulls({{ list_expression }})
{%- endmacro %}

{% macro spark__list_without_null_items(list_expression) -%}
    filter({{ list_expression }}, item -> item is not null)
{%- endmacro %}
