{#-
    create_sql_functions() -> SQL run by the on-run-start hook
    Creates the warehouse's SQL functions on engines where the logic needs lambdas (DuckDB macros),
    so models call plain functions: html_unescape, html_to_text, json_lookup_by_name,
    json_sections_html, list_without_nulls. The served file carries them, so staging views work there
    too. On other engines the calling dbt macros inline their own implementation and this is empty.
-#}
{% macro create_sql_functions() -%}
    {{ return(adapter.dispatch('create_sql_functions', 'job_postings')()) }}
{%- endmacro %}

{% macro default__create_sql_functions() -%}
    {%- set regexp_inline_tags = '</?(a|b|i|u|em|strong|span|font|small|sup|sub|code|abbr|mark)(\\s[^>]*)?>' -%}
    {%- set regexp_known_tags = '</?(p|div|span|br|ul|ol|li|h[1-6]|b|i|u|em|strong|a|table|tr|td|th)(\\s[^>]*)?/?>' -%}
    create or replace macro main.html_unescape(text) as
        list_reduce(
            [
                {%- for name, char in html_named_entities() %}
                ['&{{ name }};', '{{ char | replace("'", "''") }}']{{ "," if not loop.last }}
                {%- endfor %}
            ],
            lambda decoded, entity: replace(decoded, entity[1], entity[2]),
            list_reduce(
                list_distinct(regexp_extract_all(text, '&#[xX]([0-9a-fA-F]{1,6});', 1)),
                lambda decoded, code: replace(
                    replace(decoded, '&#x' || code || ';', chr(cast('0x' || code as integer))),
                    '&#X' || code || ';', chr(cast('0x' || code as integer))
                ),
                list_reduce(
                    list_distinct(regexp_extract_all(text, '&#([0-9]{1,7});', 1)),
                    lambda decoded, code: replace(decoded, '&#' || code || ';', chr(cast(code as integer))),
                    text
                )
            )
        );

    create or replace macro main.html_to_text(html) as
        nullif(trim(regexp_replace(
            regexp_replace(
                main.html_unescape(
                    regexp_replace(
                        regexp_replace(
                            regexp_replace(html, '<!--.*?-->|<(script|style)[^>]*>.*?</(script|style)>', ' ', 'gs'),
                            '{{ regexp_inline_tags }}', '', 'gi'
                        ),
                        '<[^>]*>', ' ', 'g'
                    )
                ),
                '{{ regexp_known_tags }}', ' ', 'gi'
            ),
            '[\s\x{00a0}\x{200b}]+', ' ', 'g'
        )), '');

    create or replace macro main.json_lookup_by_name(document, array_path, names, value_field, name_field) as
        json_extract_string(
            list_filter(
                json_extract(document, array_path || '[*]'),
                lambda item: list_contains(names, lower(trim(json_extract_string(item, '$.' || name_field))))
            )[1],
            '$.' || value_field
        );

    create or replace macro main.json_sections_html(document, array_path, heading_field, body_field) as
        nullif(array_to_string(
            list_transform(
                json_extract(document, array_path || '[*]'),
                lambda item: '<h3>' || coalesce(json_extract_string(item, '$.' || heading_field), '') || '</h3>'
                    || coalesce(json_extract_string(item, '$.' || body_field), '')
            ),
            ' '
        ), '');

    create or replace macro main.list_without_nulls(items) as
        list_filter(items, lambda item: item is not null);
{%- endmacro %}

{% macro spark__create_sql_functions() -%}
    select 1
{%- endmacro %}
