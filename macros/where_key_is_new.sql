{#-
    where_key_is_new(key_column) -> a where clause, or nothing
    In an incremental run: keep only rows whose key_column value the model's table does not hold yet
    (put it on the import CTE, before any parsing, so only new rows are parsed). Otherwise empty.
-#}
{% macro where_key_is_new(key_column) -%}
    {%- if is_incremental() -%}
        where {{ key_column }} not in (select {{ key_column }} from {{ this }})
    {%- endif -%}
{%- endmacro %}
