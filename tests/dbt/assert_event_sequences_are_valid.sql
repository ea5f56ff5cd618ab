-- Cross-model invariant: per job, events in time order start with one open, closes and reopens
-- alternate, updates only happen while open, and dim_jobs.status agrees with the last event.
with

events as (

    select
        job_id,
        event_type,
        event_at,
        lag(event_type) over (partition by job_id order by event_at, event_type) as previous_event_type,
        row_number() over (partition by job_id order by event_at, event_type) as event_number,
        row_number() over (partition by job_id order by event_at desc, event_type desc) as recency
    from {{ ref('fct_job_lifecycle_events') }}

),

invalid_steps as (

    select
        job_id,
        event_type,
        previous_event_type
    from events
    where
        (event_number = 1 and event_type != 'open')
        or (event_number > 1 and event_type = 'open')
        or (event_type = 'reopen' and previous_event_type != 'close')
        or (event_type = 'close' and previous_event_type = 'close')
        or (event_type = 'update' and previous_event_type = 'close')

),

status_mismatches as (

    select
        jobs.job_id,
        events.event_type,
        jobs.status as previous_event_type
    from {{ ref('dim_jobs') }} as jobs
    inner join events
        on jobs.job_id = events.job_id and events.recency = 1
    where (events.event_type = 'close') != (jobs.status = 'inactive')

)

select * from invalid_steps
union all
select * from status_mismatches
