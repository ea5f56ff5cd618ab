{#-
    Repost lineages: each job's chain of reposts back to the first job (lineage_id = that job's
    job_id), its position in the chain, and per lineage the reposts and the days open in total.
    Links are one-to-one and go forward in time (int_job_reposts_linked), so chains have no cycles.
-#}
with recursive

jobs as (

    select * from {{ ref('int_jobs_measured') }}

),

links as (

    select * from {{ ref('int_job_reposts_linked') }}

),

chains as (

    select
        jobs.job_id,
        cast(null as string) as repost_of_job_id,
        jobs.job_id as lineage_id,
        0 as repost_number
    from jobs
    left join links
        on jobs.job_id = links.job_id
    where links.job_id is null

    union all

    select
        links.job_id,
        links.repost_of_job_id,
        chains.lineage_id,
        chains.repost_number + 1 as repost_number
    from chains
    inner join links
        on chains.job_id = links.repost_of_job_id

),

lineages as (

    select
        chains.lineage_id,
        count(*) - 1 as lineage_repost_count,
        sum(jobs.open_milliseconds) as lineage_open_milliseconds
    from chains
    inner join jobs
        on chains.job_id = jobs.job_id
    group by chains.lineage_id

),

traced as (

    select
        chains.job_id,
        chains.repost_of_job_id,
        chains.lineage_id,
        chains.repost_number,
        lineages.lineage_repost_count,
        cast(lineages.lineage_open_milliseconds as double) / 86400000 as lineage_days_open
    from chains
    inner join lineages
        on chains.lineage_id = lineages.lineage_id

)

select * from traced
