-- The reference job page's "Lifecycle events" slice: every event of one job, oldest first.
-- Compile with `dbt compile`, or run the same query on the served file with a job_id.
select
    events.event_at,
    events.event_type,
    events.changed_fields,
    events.content_hash,
    events.previous_content_hash
from {{ ref('fct_job_lifecycle_events') }} as events
inner join {{ ref('dim_jobs') }} as jobs
    on events.job_id = jobs.job_id
where jobs.provider = 'lever'
order by events.event_at
