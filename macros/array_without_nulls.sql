{#-
    array_without_nulls(items) -> list
    A list of the given SQL expressions (a Python list of strings), in order, with the nulls removed.
-#}
{% macro array_without_nulls(items) -%}
    {{ return(adapter.dispatch('array_without_nulls', 'job_postings')(items)) }}
{%- endmacro %}

{% macro default__array_without_nulls(items) -%}
    list_without_nulls({{ make_list(items) }})
{%- endmacro %}

{% macro spark__array_without_nulls(items) -%}
    filter(array({{ items | join(', ') }}), item -> item is not null)
{%- endmacro %}
