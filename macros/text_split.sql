{#-
    text_split(expression, delimiter) -> list of varchar
    The text split at every occurrence of the literal `delimiter` (seeds keep alternate names as
    'a|b|c'); null text gives null.
-#}
{% macro text_split(expression, delimiter) -%}
    {{ return(adapter.dispatch('text_split', 'job_postings')(expression, delimiter)) }}
{%- endmacro %}

{% macro default__text_split(expression, delimiter) -%}
    string_split({{ expression }}, '{{ delimiter }}')
{%- endmacro %}

{% macro spark__text_split(expression, delimiter) -%}
    split({{ expression }}, '\Q{{ delimiter }}\E')
{%- endmacro %}
