{#-
    java_regexp(pattern) -> pattern
    A pattern written for DuckDB (RE2) as Java regex, for the Spark renderings of the regexp_* macros:
    Python-style named groups (?P<name>...) become plain capturing groups (Java names allow no
    underscore; callers that read groups read them by position). Everything else the project writes
    (classes, \b, \p{L}, \x{hhhh}, inline flags) means the same in both.
-#}
{% macro java_regexp(pattern) -%}
    {{- modules.re.sub('\\(\\?P<[A-Za-z0-9_]+>', '(', pattern) -}}
{%- endmacro %}
