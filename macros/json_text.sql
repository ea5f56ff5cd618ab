{#-
    json_text(json_column, path) -> varchar
    The JSON value at `path` (a JSONPath such as '$.location.name') as text: strings unquoted,
    numbers as written, objects and arrays as JSON text, null when missing.
-#}
{% macro json_text(json_column, path) -%}
    {{ return(adapter.dispatch('json_text', 'job_postings')(json_column, path)) }}
{%- endmacro %}

{% macro default__json_text(json_column, path) -%}
    json_extract_string({{ json_column }}, '{{ path }}')
{%- endmacro %}

{% macro spark__json_text(json_column, path) -%}
    get_json_object({{ json_column }}, '{{ path }}')
{%- endmacro %}
