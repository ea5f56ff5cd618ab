{#-
    list_concat(first, second) -> list
    The elements of `first` followed by those of `second` (SQL list expressions); a null list counts
    as empty.
-#}
{% macro list_concat(first, second) -%}
    {{ return(adapter.dispatch('list_concat', 'job_postings')(first, second)) }}
{%- endmacro %}

{% macro default__list_concat(first, second) -%}
    list_concat({{ first }}, {{ second }})
{%- endmacro %}

{% macro spark__list_concat(first, second) -%}
    concat(coalesce({{ first }}, array()), coalesce({{ second }}, array()))
{%- endmacro %}
