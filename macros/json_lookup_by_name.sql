{#-
    json_lookup_by_name(json_column, array_path, names, value_field='value', name_field='name') -> varchar
    In the JSON array of objects at `array_path`, the `value_field` of the first object whose
    `name_field` (trimmed, case-insensitive) is one of `names` (a list of lowercase strings). For
    per-company custom fields such as Greenhouse `metadata` ("Employment Type", "Workplace Type") and
    SmartRecruiters `customField` (fieldLabel "Work flexibility", valueLabel "Office-based").
-#}
{% macro json_lookup_by_name(json_column, array_path, names, value_field='value', name_field='name') -%}
    {{ return(adapter.dispatch('json_lookup_by_name', 'job_postings')(json_column, array_path, names, value_field, name_field)) }}
{%- endmacro %}

{% macro default__json_lookup_by_name(json_column, array_path, names, value_field, name_field) -%}
    json_lookup_by_name(
        {{ json_column }}, '{{ array_path }}', ['{{ names | join("', '") }}'], '{{ value_field }}', '{{ name_field }}'
    )
{%- endmacro %}

{% macro spark__json_lookup_by_name(json_column, array_path, names, value_field, name_field) -%}
    get_json_object(
        filter(
            from_json(get_json_object({{ json_column }}, '{{ array_path }}'), 'array<string>'),
            item -> lower(trim(get_json_object(item, '$.{{ name_field }}'))) in ('{{ names | join("', '") }}')
        )[0],
        '$.{{ value_field }}'
    )
{%- endmacro %}
