{#-
    html_to_text(html) -> varchar
    Plain text of an HTML fragment: comments, scripts and styles dropped, inline tags removed, block
    tags turned into spaces, character references decoded, tags that only surfaced after decoding
    (double-escaped bodies) removed, whitespace (U+00A0 included) collapsed to single spaces, trimmed.
    Null stays null; an empty result is null. DuckDB: the SQL function from create_sql_functions.
-#}
{% macro html_to_text(html) -%}
    {{ return(adapter.dispatch('html_to_text', 'job_postings')(html)) }}
{%- endmacro %}

{% macro default__html_to_text(html) -%}
    html_to_text({{ html }})
{%- endmacro %}

{% macro spark__html_to_text(html) -%}
    {#- the DuckDB function's steps (create_sql_functions), with Java regex flags inline -#}
    {%- set regexp_inline_tags = '</?(a|b|i|u|em|strong|span|font|small|sup|sub|code|abbr|mark)(\\s[^>]*)?>' -%}
    {%- set regexp_known_tags = '</?(p|div|span|br|ul|ol|li|h[1-6]|b|i|u|em|strong|a|table|tr|td|th)(\\s[^>]*)?/?>' -%}
    {%- set without_markup -%}
        regexp_replace(
            regexp_replace(
                regexp_replace({{ html }}, '(?s)<!--.*?-->|<(script|style)[^>]*>.*?</(script|style)>', ' '),
                '(?i){{ regexp_inline_tags }}', ''
            ),
            '<[^>]*>', ' '
        )
    {%- endset -%}
    nullif(trim(regexp_replace(
        regexp_replace({{ spark__html_unescape(without_markup) }}, '(?i){{ regexp_known_tags }}', ' '),
        '[\s\x{00a0}\x{200b}]+', ' '
    )), '')
{%- endmacro %}
