{#-
    median(expression) -> double (aggregate)
    The group's median of a numeric expression (the mean of the two middle values for an even count);
    nulls ignored, null for a group without values.
-#}
{% macro median(expression) -%}
    {{ return(adapter.dispatch('median', 'job_postings')(expression)) }}
{%- endmacro %}

{% macro default__median(expression) -%}
    median({{ expression }})
{%- endmacro %}

{% macro spark__median(expression) -%}
    percentile({{ expression }}, 0.5)
{%- endmacro %}
