{#-
    job_facet_values(relation, facet_types, columns) -> select statement
    Unpivots jobs into one row per job per facet type: `columns` of `relation` (a flat job relation such
    as mart_job_search) carried along, plus facet_type, facet_value (the value analysts filter on;
    'unknown' when the job has none) and facet_label (its display name). Facet types: role_family,
    seniority, country, city, ats, work_model, department, employment_type, company.
-#}
{% macro job_facet_values(relation, facet_types, columns) -%}
    {%- set facets = {
        'role_family': ('role_family', 'role_family'),
        'seniority': ('seniority', 'seniority'),
        'country': ('country_code', 'coalesce(country_name, country_code)'),
        'city': (
            "case when city is not null then concat_ws(', ', city, region_code, country_code) end",
            "case when city is not null then concat_ws(', ', city, coalesce(region_name, region_code), coalesce(country_name, country_code)) end"
        ),
        'ats': ('provider', 'provider'),
        'work_model': ('workplace_type', 'workplace_type'),
        'department': ('department', 'department'),
        'employment_type': ('employment_type', 'employment_type'),
        'company': ('company_id', 'company_name'),
    } -%}
    {%- for facet_type in facet_types %}
    {%- set value, label = facets[facet_type] %}
    select
        {{ columns | join(', ') }},
        '{{ facet_type }}' as facet_type,
        coalesce({{ value }}, 'unknown') as facet_value,
        coalesce({{ label }}, 'unknown') as facet_label
    from {{ relation }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
{%- endmacro %}
