{#-
    make_list(items) -> list
    A list of the given SQL expressions (a Python list of strings), in order, nulls kept.
-#}
{% macro make_list(items) -%}
    {{ return(adapter.dispatch('make_list', 'job_postings')(items)) }}
{%- endmacro %}

{% macro default__make_list(items) -%}
    list_value({{ items | join(', ') }})
{%- endmacro %}

{% macro spark__make_list(items) -%}
    array({{ items | join(', ') }})
{%- endmacro %}
