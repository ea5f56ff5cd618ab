{#-
    html_unescape(text) -> varchar
    Decodes HTML character references once: decimal (&#39;) and hex (&#x27;) numeric references and the
    named entities of html_named_entities(). '&amp;lt;' becomes '&lt;' (one level), which is what
    Greenhouse's entity-escaped `content` needs. DuckDB: the SQL function from create_sql_functions.
-#}
{% macro html_unescape(text) -%}
    {{ return(adapter.dispatch('html_unescape', 'job_postings')(text)) }}
{%- endmacro %}

{% macro default__html_unescape(text) -%}
    html_unescape({{ text }})
{%- endmacro %}

{% macro spark__html_unescape(text) -%}
    {#- a code point as text: its four UTF-32 bytes, decoded (chr() only knows 0-255) -#}
    {%- set code_point_text = "decode(unhex(lpad(hex(cast(code as int)), 8, '0')), 'UTF-32')" -%}
    aggregate(
        array(
            {%- for name, char in html_named_entities() %}
            array('&{{ name }};', {{ spark_string_literal(char) }}){{ "," if not loop.last }}
            {%- endfor %}
        ),
        aggregate(
            array_distinct(regexp_extract_all({{ text }}, '&#[xX]([0-9a-fA-F]{1,6});', 1)),
            aggregate(
                array_distinct(regexp_extract_all({{ text }}, '&#([0-9]{1,7});', 1)),
                {{ text }},
                (decoded, code) -> replace(decoded, concat('&#', code, ';'), {{ code_point_text }})
            ),
            (decoded, code) -> replace(
                replace(decoded, concat('&#x', code, ';'), decode(unhex(lpad(upper(code), 8, '0')), 'UTF-32')),
                concat('&#X', code, ';'), decode(unhex(lpad(upper(code), 8, '0')), 'UTF-32')
            )
        ),
        (decoded, entity) -> replace(decoded, entity[0], entity[1])
    )
{%- endmacro %}
