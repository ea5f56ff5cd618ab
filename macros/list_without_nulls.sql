{#-
    list_without_nulls(list_expression) -> list
    The list with its null elements removed (order kept); a null list stays null. For a list of known
    expressions pass make_list([...]); for lists built by json_array_transform, the expression yields
    null for the elements to skip.
-#}
{% macro list_without_nulls(list_expression) -%}
    {{ return(adapter.dispatch('list_without_nulls', 'job_postings')(list_expression)) }}
{%- endmacro %}

{% macro default__list_without_nulls(list_expression) -%}
    list_without_nulls({{ list_expression }})
{%- endmacro %}

{% macro spark__list_without_nulls(list_expression) -%}
    filter({{ list_expression }}, item -> item is not null)
{%- endmacro %}
