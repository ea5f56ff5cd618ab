{#-
    list_agg_distinct(expression) -> list (aggregate)
    The group's distinct non-null values of `expression`, sorted; an empty group gives null.
-#}
{% macro list_agg_distinct(expression) -%}
    {{ return(adapter.dispatch('list_agg_distinct', 'job_postings')(expression)) }}
{%- endmacro %}

{% macro default__list_agg_distinct(expression) -%}
    list_sort(list(distinct {{ expression }}) filter (where {{ expression }} is not null))
{%- endmacro %}

{% macro spark__list_agg_distinct(expression) -%}
    case when size(collect_set({{ expression }})) > 0 then array_sort(collect_set({{ expression }})) end
{%- endmacro %}
