{#-
    json_build_object(pairs) -> JSON text
    A JSON object from a list of (key, SQL expression) pairs. Expressions made with json_raw are kept
    as JSON; others become JSON strings or numbers. Used for the provider_fields column.
-#}
{% macro json_build_object(pairs) -%}
    {{ return(adapter.dispatch('json_build_object', 'job_postings')(pairs)) }}
{%- endmacro %}

{% macro default__json_build_object(pairs) -%}
    cast(json_object(
        {%- for key, expression in pairs %}
        '{{ key }}', {{ expression }}{{ "," if not loop.last }}
        {%- endfor %}
    ) as string)
{%- endmacro %}

{% macro spark__json_build_object(pairs) -%}
    {#- values as VARIANT: json_raw values (variants) stay JSON, text becomes a JSON string; null
        members are kept, as DuckDB's json_object keeps them -#}
    to_json(named_struct(
        {%- for key, expression in pairs %}
        '{{ key }}', cast({{ expression }} as variant){{ "," if not loop.last }}
        {%- endfor %}
    ), map('ignoreNullFields', 'false'))
{%- endmacro %}
