{#-
    job_id(provider, board, provider_job_key) -> varchar(40)
    The warehouse's job key: sha1 hex of 'provider:board:provider_job_key' (DESIGN.md section 5).
    The Python sample generator computes the same value for its ground truth.
-#}
{% macro job_id(provider, board, provider_job_key) -%}
    {{ hash_hex(provider ~ " || ':' || " ~ board ~ " || ':' || " ~ provider_job_key, 'sha1') }}
{%- endmacro %}
