{#-
    hash_hex(expression, algorithm='sha256') -> varchar
    Lowercase hex digest of a text expression: 'sha256' (64 hex) or 'sha1' (40 hex). Same bytes in,
    same digest out on every engine, so keys are engine-independent.
-#}
{% macro hash_hex(expression, algorithm='sha256') -%}
    {{ return(adapter.dispatch('hash_hex', 'job_postings')(expression, algorithm)) }}
{%- endmacro %}

{% macro default__hash_hex(expression, algorithm) -%}
    {%- if algorithm == 'sha1' -%} sha1({{ expression }})
    {%- else -%} sha256({{ expression }})
    {%- endif -%}
{%- endmacro %}

{% macro spark__hash_hex(expression, algorithm) -%}
    {%- if algorithm == 'sha1' -%} sha1({{ expression }})
    {%- else -%} sha2({{ expression }}, 256)
    {%- endif -%}
{%- endmacro %}
