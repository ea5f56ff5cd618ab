{#-
    unnest_with_index(list_expression, value_name, index_name) -> select-list items
    Two select-list items: one row per element of the list, the element as `value_name` and its 1-based
    position as `index_name`. A null or empty list gives no rows. Use it in a select with plain columns,
    and pass a column, not an expression: DuckDB evaluates the list expression once per item rendered.
-#}
{% macro unnest_with_index(list_expression, value_name, index_name) -%}
    {{ return(adapter.dispatch('unnest_with_index', 'job_postings')(list_expression, value_name, index_name)) }}
{%- endmacro %}

{% macro default__unnest_with_index(list_expression, value_name, index_name) -%}
    unnest({{ list_expression }}) as {{ value_name }},
    generate_subscripts({{ list_expression }}, 1) as {{ index_name }}
{%- endmacro %}

{% macro spark__unnest_with_index(list_expression, value_name, index_name) -%}
    inline(transform({{ list_expression }}, (element, position) -> named_struct(
        '{{ value_name }}', element, '{{ index_name }}', position + 1
    )))
{%- endmacro %}
