{#-
    json_array_transform(json_column, path, expression) -> list
    Applies `expression` (SQL text that refers to each element of the JSON array at `path` as `item`,
    a JSON value; read it with json_text('item', '$.key')) to every element; null when there is no
    array. The DuckDB rendering uses a lambda, which sqlfluff 4.4 cannot parse: models calling this
    carry `-- sqlfluff:ignore:parsing`.
-#}
{% macro json_array_transform(json_column, path, expression) -%}
    {{ return(adapter.dispatch('json_array_transform', 'job_postings')(json_column, path, expression)) }}
{%- endmacro %}

{% macro default__json_array_transform(json_column, path, expression) -%}
    list_transform(json_extract({{ json_column }}, '{{ path }}[*]'), lambda item: {{ expression }})
{%- endmacro %}

{% macro spark__json_array_transform(json_column, path, expression) -%}
    transform(from_json(get_json_object({{ json_column }}, '{{ path }}'), 'array<string>'), item -> {{ expression }})
{%- endmacro %}
