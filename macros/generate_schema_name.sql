{#-
    generate_schema_name(custom_schema_name, node) -> schema name
    Uses the folder's `+schema` as is (`staging`, `intermediate`) instead of dbt's default
    `<target schema>_<custom>`; models without one (marts) go to the target schema (`main`).
-#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
