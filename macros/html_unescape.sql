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
    aggregate(
        array(
            {%- for name, char in html_named_entities() %}
            array('&{{ name }};', '{{ char }}'){{ "," if not loop.last }}
            {%- endfor %}
        ),
        aggregate(
            array_distinct(regexp_extract_all({{ text }}, '&#([0-9]{1,7});', 1)),
            {{ text }},
            (decoded, code) -> replace(decoded, concat('&#', code, ';'), char(cast(code as int)))
        ),
        (decoded, entity) -> replace(decoded, entity[0], entity[1])
    )
{%- endmacro %}
