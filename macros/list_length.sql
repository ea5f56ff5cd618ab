{#-
    list_length(list_expression) -> integer
    Number of elements of a list; null for a null list.
-#}
{% macro list_length(list_expression) -%}
    {{ return(adapter.dispatch('list_length', 'job_postings')(list_expression)) }}
{%- endmacro %}

{% macro default__list_length(list_expression) -%}
    len({{ list_expression }})
{%- endmacro %}

{% macro spark__list_length(list_expression) -%}
    size({{ list_expression }})
{%- endmacro %}
