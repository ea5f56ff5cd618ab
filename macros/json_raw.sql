{#-
    json_raw(json_column, path) -> JSON text
    The JSON value at `path` kept as JSON text (objects, arrays, quoted strings); null when missing.
-#}
{% macro json_raw(json_column, path) -%}
    {{ return(adapter.dispatch('json_raw', 'job_postings')(json_column, path)) }}
{%- endmacro %}

{% macro default__json_raw(json_column, path) -%}
    json_extract({{ json_column }}, '{{ path }}')
{%- endmacro %}

{% macro spark__json_raw(json_column, path) -%}
    {#- a VARIANT: json_build_object embeds it as JSON, a cast to string gives its JSON text -#}
    variant_get(try_parse_json({{ json_column }}), '{{ path }}')
{%- endmacro %}
