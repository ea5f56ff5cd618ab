{#-
    How much of each provider's jobs the enrichment could fill: the shares analysts check before they
    trust a filter. Printed by `postings build` in the build summary.
-#}
with

jobs as (

    select * from {{ ref('dim_jobs') }}

),

final as (

    select
        provider,
        count(*) as jobs,
        avg(case when country_code is not null then 1 else 0 end) as country_share,
        avg(case when city is not null then 1 else 0 end) as city_share,
        avg(case when salary_source != 'none' then 1 else 0 end) as salary_share,
        avg(case when salary_annual_min is not null or salary_annual_max is not null then 1 else 0 end)
            as annualized_salary_share,
        avg(case when seniority_source != 'default' then 1 else 0 end) as seniority_share,
        avg(case when role_family != 'other' then 1 else 0 end) as role_family_share,
        avg(case when workplace_type != 'unknown' then 1 else 0 end) as work_model_share,
        avg(case when employment_type != 'unknown' then 1 else 0 end) as employment_type_share,
        avg(case when language is not null then 1 else 0 end) as language_share,
        avg(case when launch_scope_included then 1 else 0 end) as launch_scope_share,
        max(parser_version) as parser_version
    from jobs
    group by provider

)

select * from final
