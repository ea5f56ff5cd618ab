{#-
    Reposts (docs/contracts.md section 3): a job B is a repost of a closed job A of the same board when
    B's first version has A's last version's title (normalize_title_for_matching) and location (raw
    text, lowercased), B was first seen after A's last sighting, and B opened no later than
    repost_window_days after A's close. B links to the candidate last seen most recently (then the
    latest close, then the smaller job_id); a job is reposted at most once: when several jobs pick the
    same A, the first to open (then the smaller job_id) keeps the link.
-#}
{%- set window_milliseconds = (var('repost_window_days') * 86400000) | int -%}
with

events as (

    select * from {{ ref('int_job_events_derived') }}

),

postings as (

    select * from {{ ref('int_postings_unioned') }}

),

versions as (

    select
        events.job_id,
        events.source_id,
        events.event_type,
        events.event_at,
        events.last_seen_at,
        {{ normalize_title_for_matching('postings.title') }} as title_key,
        coalesce(lower(postings.location_text), '') as location_key
    from events
    inner join postings
        on events.source_hash = postings.source_hash
    where events.event_type in ('open', 'close')

),

closes as (

    select * from versions
    where event_type = 'close'

),

opens as (

    select * from versions
    where event_type = 'open'

),

candidates as (

    select
        opens.job_id,
        closes.job_id as repost_of_job_id,
        opens.event_at as opened_at,
        closes.event_at as previous_closed_at,
        closes.last_seen_at as previous_last_seen_at
    from opens
    inner join closes
        on
            opens.source_id = closes.source_id
            and opens.title_key = closes.title_key
            and opens.location_key = closes.location_key
            and opens.job_id != closes.job_id
            and opens.event_at > closes.last_seen_at
            and {{ timestamp_diff_milliseconds('closes.event_at', 'opens.event_at') }} <= {{ window_milliseconds }}

),

best_previous as (

    select *
    from (
        select
            *,
            row_number() over (
                partition by job_id
                order by previous_last_seen_at desc, previous_closed_at desc, repost_of_job_id asc
            ) as previous_preference
        from candidates
    ) as ranked
    where previous_preference = 1

),

first_reposts as (

    select
        job_id,
        repost_of_job_id,
        opened_at,
        previous_closed_at,
        previous_last_seen_at
    from (
        select
            *,
            row_number() over (partition by repost_of_job_id order by opened_at asc, job_id asc) as repost_preference
        from best_previous
    ) as ranked
    where repost_preference = 1

)

select * from first_reposts
