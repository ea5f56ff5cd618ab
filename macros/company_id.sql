{#-
    company_id(company_key) -> varchar(40)
    One company's key: sha1 hex of 'company:' plus its lowercase slug (the board token until the board
    registry names the company), so the id stays the same when a company gains boards on other ATS.
-#}
{% macro company_id(company_key) -%}
    {{ hash_hex("'company:' || lower(" ~ company_key ~ ")", 'sha1') }}
{%- endmacro %}
