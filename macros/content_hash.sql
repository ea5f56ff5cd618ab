{#-
    content_hash(columns) -> varchar(64)
    sha256 hex over the meaningful posting fields (a list of column names; list-typed columns must be
    passed through list_to_text first). Nulls and empty strings hash alike; each field is prefixed with
    its name so moving text between fields changes the hash. Volatile fields never go in.
-#}
{% macro content_hash(columns) -%}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- do parts.append("'" ~ column ~ "=' || coalesce(cast(" ~ column ~ " as string), '')") -%}
    {%- endfor -%}
    {{ hash_hex(parts | join(" || chr(31) || "), 'sha256') }}
{%- endmacro %}
