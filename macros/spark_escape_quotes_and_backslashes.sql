{#-
    spark_escape_quotes_and_backslashes(text) -> text to put between single quotes in Spark SQL
    Closes the literal before each single quote or backslash of `text`, splices the character in with
    chr(39) / chr(92), and opens a new literal: '<result>' is then an expression that equals `text`
    whether or not spark.sql.parser.escapedStringLiterals is on.
-#}
{% macro spark_escape_quotes_and_backslashes(text) -%}
    {{- text | replace("\\", "\x00B") | replace("'", "\x00Q")
        | replace("\x00B", "' || chr(92) || '") | replace("\x00Q", "' || chr(39) || '") -}}
{%- endmacro %}
