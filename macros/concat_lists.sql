{#-
    concat_lists(first, second) -> list
    The elements of `first` followed by those of `second` (lists of the same element type); a null
    list counts as empty.
-#}
{% macro concat_lists(first, second) -%}
    {{ return(adapter.dispatch('concat_lists', 'job_postings')(first, second)) }}
{%- endmacro %}

{% macro default__concat_lists(first, second) -%}
    list_concat({{ first }}, {{ second }})
{%- endmacro %}

{% macro spark__concat_lists(first, second) -%}
    concat(coalesce({{ first }}, array()), coalesce({{ second }}, array()))
{%- endmacro %}
