{#-
    spark__escape_single_quotes(expression) -> text to put between single quotes (dbt's adapter macro)
    Overrides dbt-spark's backslash escaping, which the spark target's escapedStringLiterals would keep
    verbatim: dbt's unit-test fixtures and tests then read the same strings on Spark as on DuckDB.
-#}
{% macro spark__escape_single_quotes(expression) -%}
    {{- spark_escape_quotes_and_backslashes(expression) -}}
{%- endmacro %}
