{#-
    json_text_list(json_column, path) -> list of varchar
    The JSON array of strings at `path` as a list; null when missing or not an array.
-#}
{% macro json_text_list(json_column, path) -%}
    {{ return(adapter.dispatch('json_text_list', 'job_postings')(json_column, path)) }}
{%- endmacro %}

{% macro default__json_text_list(json_column, path) -%}
    case
        when json_type({{ json_column }}, '{{ path }}') = 'ARRAY'
            then from_json(json_extract({{ json_column }}, '{{ path }}'), '["VARCHAR"]')
    end
{%- endmacro %}

{% macro spark__json_text_list(json_column, path) -%}
    from_json(get_json_object({{ json_column }}, '{{ path }}'), 'array<string>')
{%- endmacro %}
