{#-
    string_agg_ordered(expression, order_by, separator) -> varchar (aggregate)
    The group's non-null values of `expression` joined with the literal `separator`, in the order of the
    `order_by` expression; null when the group has none.
-#}
{% macro string_agg_ordered(expression, order_by, separator) -%}
    {{ return(adapter.dispatch('string_agg_ordered', 'job_postings')(expression, order_by, separator)) }}
{%- endmacro %}

{% macro default__string_agg_ordered(expression, order_by, separator) -%}
    string_agg({{ expression }}, '{{ separator }}' order by {{ order_by }})
{%- endmacro %}

{% macro spark__string_agg_ordered(expression, order_by, separator) -%}
    nullif(array_join(transform(
        array_sort(collect_list(named_struct('sort_key', {{ order_by }}, 'value', {{ expression }}))),
        item -> item.value
    ), '{{ separator }}'), '')
{%- endmacro %}
