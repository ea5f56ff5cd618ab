-- Cross-model invariant: every close is dated to a healthy fetch of the job's own board, never to a
-- failed, incomplete or collapsed one (an outage never closes jobs).
select
    events.event_id,
    events.fetch_id
from {{ ref('fct_job_lifecycle_events') }} as events
left join {{ ref('fct_board_fetches') }} as fetches
    on events.fetch_id = fetches.fetch_id
where
    events.event_type = 'close'
    and (fetches.fetch_id is null or not fetches.is_healthy or fetches.source_id != events.source_id)
