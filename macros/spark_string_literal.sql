{#-
    spark_string_literal(value) -> a Spark SQL string expression, or null
    The text `value` as a Spark string expression that reads back exactly, under the spark target's
    spark.sql.parser.escapedStringLiterals (backslashes are literal, as in DuckDB, so regex patterns are
    written once for both engines): a single quote or a backslash cannot stand inside such a literal,
    so those characters are spliced in with chr(). None renders as null.
-#}
{% macro spark_string_literal(value) -%}
    {%- if value is none -%}
        null
    {%- else -%}
        '{{ spark_escape_quotes_and_backslashes(value | string) }}'
    {%- endif -%}
{%- endmacro %}
