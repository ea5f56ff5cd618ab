{#-
    json_array_find(json_column, array_path, match_field, match_value) -> JSON
    The first element of the JSON array of objects at `array_path` whose `match_field` equals the
    string `match_value` (Ashby `summaryComponents` with compensationType 'Salary'); null when none
    does. Read it with json_text('<expression>', '$.key'). The DuckDB rendering uses a lambda: models
    calling this carry `-- sqlfluff:ignore:parsing`.
-#}
{% macro json_array_find(json_column, array_path, match_field, match_value) -%}
    {{ return(adapter.dispatch('json_array_find', 'job_postings')(json_column, array_path, match_field, match_value)) }}
{%- endmacro %}

{% macro default__json_array_find(json_column, array_path, match_field, match_value) -%}
    list_filter(
        json_extract({{ json_column }}, '{{ array_path }}[*]'),
        lambda item: json_extract_string(item, '$.{{ match_field }}') = '{{ match_value }}'
    )[1]
{%- endmacro %}

{% macro spark__json_array_find(json_column, array_path, match_field, match_value) -%}
    filter(
        from_json(get_json_object({{ json_column }}, '{{ array_path }}'), 'array<string>'),
        item -> get_json_object(item, '$.{{ match_field }}') = '{{ match_value }}'
    )[0]
{%- endmacro %}
