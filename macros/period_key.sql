{#-
    period_key(expression) -> varchar
    The lookup key of a written pay period (salary_period_aliases.period_key): name_key, a leading
    per / a / an / pro / par / por / al / each / every dropped, spaces removed. '/hour' -> 'hour',
    'per-year-salary' -> 'yearsalary', '1 YEAR' -> '1year', 'p.a.' -> 'pa', 'par an' -> 'an'.
-#}
{% macro period_key(expression) -%}
    replace(
        {{ regexp_replace_all(name_key(expression), '^(per|a|an|pro|par|por|al|each|every) ', '') }},
        ' ', ''
    )
{%- endmacro %}
