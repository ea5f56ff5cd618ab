{#-
    source_id(provider, board) -> varchar(40)
    One board's key: sha1 hex of 'provider:board'.
-#}
{% macro source_id(provider, board) -%}
    {{ hash_hex(provider ~ " || ':' || " ~ board, 'sha1') }}
{%- endmacro %}
