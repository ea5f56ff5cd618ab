{#-
    json_sections_html(json_column, array_path, heading_field, body_field) -> varchar
    A JSON array of sections ({heading, html body}) rendered as one HTML string:
    '<h3>heading</h3>body' per section, joined by spaces; null when there are none.
    (Lever `lists[]` {text, content}, Personio jobDescriptions {name, value}, ...)
-#}
{% macro json_sections_html(json_column, array_path, heading_field, body_field) -%}
    {{ return(adapter.dispatch('json_sections_html', 'job_postings')(json_column, array_path, heading_field, body_field)) }}
{%- endmacro %}

{% macro default__json_sections_html(json_column, array_path, heading_field, body_field) -%}
    json_sections_html({{ json_column }}, '{{ array_path }}', '{{ heading_field }}', '{{ body_field }}')
{%- endmacro %}

{% macro spark__json_sections_html(json_column, array_path, heading_field, body_field) -%}
    nullif(array_join(transform(
        from_json(get_json_object({{ json_column }}, '{{ array_path }}'), 'array<string>'),
        item -> concat('<h3>', coalesce(get_json_object(item, '$.{{ heading_field }}'), ''), '</h3>',
            coalesce(get_json_object(item, '$.{{ body_field }}'), ''))
    ), ' '), '')
{%- endmacro %}
