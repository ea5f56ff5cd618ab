with

events as (

    select * from {{ ref('int_job_events_derived') }}

),

postings as (

    select * from {{ ref('int_postings_unioned') }}

),

compared as (

    -- which meaningful fields differ from the previous version (update and reopen events)
    select
        events.*,
        case
            when events.previous_source_hash is not null and events.content_hash != events.previous_content_hash
                then {{ array_without_nulls([
                    "case when current_posting.title is distinct from previous_posting.title then 'title' end",
                    "case when current_posting.department is distinct from previous_posting.department then 'department' end",
                    "case when current_posting.team is distinct from previous_posting.team then 'team' end",
                    "case when current_posting.location_text is distinct from previous_posting.location_text
                        or current_posting.location_texts is distinct from previous_posting.location_texts
                        then 'locations' end",
                    "case when current_posting.employment_type_raw is distinct from previous_posting.employment_type_raw
                        then 'employment_type' end",
                    "case when current_posting.workplace_type_raw is distinct from previous_posting.workplace_type_raw
                        then 'workplace_type' end",
                    "case when current_posting.salary_min_stated is distinct from previous_posting.salary_min_stated
                        or current_posting.salary_max_stated is distinct from previous_posting.salary_max_stated
                        or current_posting.salary_currency_stated is distinct from previous_posting.salary_currency_stated
                        or current_posting.salary_period_stated is distinct from previous_posting.salary_period_stated
                        then 'salary' end",
                    "case when current_posting.description_text is distinct from previous_posting.description_text
                        then 'description' end",
                ]) }}
        end as changed_fields
    from events
    left join postings as current_posting
        on events.source_hash = current_posting.source_hash
    left join postings as previous_posting
        on events.previous_source_hash = previous_posting.source_hash

),

final as (

    select
        {{ hash_hex("job_id || '|' || event_type || '|' || fetch_id", 'sha1') }} as event_id,
        job_id,
        source_id,
        event_type,
        event_at,
        fetch_id,
        content_hash,
        previous_content_hash,
        changed_fields
    from compared

)

select * from final
