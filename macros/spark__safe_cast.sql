{#-
    spark__safe_cast(field, type) -> a Spark cast expression (dbt's adapter macro)
    dbt renders unit-test fixture values through it. A list or struct fixture is written once, in
    DuckDB literal syntax with single quotes ("[{'city': 'Berlin', 'country': null}]"); Spark cannot cast
    text to a complex type, so here the literal is read as JSON (its single quotes turned double) with
    from_json into `type`. Values of complex fixtures must not contain quotes themselves. Everything
    else is a plain cast, as in dbt-spark.
-#}
{% macro spark__safe_cast(field, type) -%}
    {%- set lowered = type | lower -%}
    {%- if field is string and field.startswith("'") and (lowered.startswith('array') or lowered.startswith('struct') or lowered.startswith('map')) -%}
        {%- set document = field[1:-1] | replace("' || chr(39) || '", '"') | replace("' || chr(92) || '", '\\') -%}
        {#- SQL's NULL / TRUE / FALSE in any case, as JSON's lowercase tokens -#}
        {%- set pattern = '(?i)(?<=[\\[:,{ ])(%s)(?=[\\]},\\s])' -%}
        {%- set document = modules.re.sub(pattern | format('null'), 'null', document) -%}
        {%- set document = modules.re.sub(pattern | format('true'), 'true', document) -%}
        {%- set document = modules.re.sub(pattern | format('false'), 'false', document) -%}
        from_json('{{ document }}', '{{ type }}')
    {%- else -%}
        cast({{ field }} as {{ type }})
    {%- endif -%}
{%- endmacro %}
