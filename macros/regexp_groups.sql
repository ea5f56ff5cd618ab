{#-
    regexp_groups(expression, pattern, names) -> struct
    The named capture groups (`names`, a list of group names that appear in `pattern` as (?P<name>...),
    in that order) of the first match, as a struct of varchar fields; a group that did not take part in
    the match is null (DuckDB gives '' and Spark '': both are turned into null by the callers' nullif).
-#}
{% macro regexp_groups(expression, pattern, names) -%}
    {{ return(adapter.dispatch('regexp_groups', 'job_postings')(expression, pattern, names)) }}
{%- endmacro %}

{% macro default__regexp_groups(expression, pattern, names) -%}
    regexp_extract({{ expression }}, '{{ pattern }}', ['{{ names | join("', '") }}'])
{%- endmacro %}

{% macro spark__regexp_groups(expression, pattern, names) -%}
    {#- the groups by position: java_regexp makes the named groups plain ones, in the same order -#}
    named_struct(
        {%- for name in names %}
        '{{ name }}', regexp_extract({{ expression }}, '{{ java_regexp(pattern) }}', {{ loop.index }}){{ "," if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}
