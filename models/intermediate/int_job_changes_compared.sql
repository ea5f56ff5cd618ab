{#-
    Every event whose content changed (update, and reopen with new content) with the version before
    and after it compared field by field (macro job_change_fields): per field the value before and
    after as text, their lengths and whether it changed, and the list of changed fields.
-#}
{%- set before_fields = job_change_fields('previous_posting') -%}
{%- set after_fields = job_change_fields('current_posting') -%}
{%- set compared_columns = [] -%}
{%- set changed_flags = [] -%}
{%- for before in before_fields -%}
{%- set after = after_fields[loop.index0] -%}
{%- set name = before['name'] -%}
{%- do compared_columns.append(before['value'] ~ ' as ' ~ name ~ '_before') -%}
{%- do compared_columns.append(after['value'] ~ ' as ' ~ name ~ '_after') -%}
{%- do compared_columns.append('length(' ~ before['text'] ~ ') as ' ~ name ~ '_before_length') -%}
{%- do compared_columns.append('length(' ~ after['text'] ~ ') as ' ~ name ~ '_after_length') -%}
{%- do compared_columns.append(
    "coalesce(" ~ before['compare'] ~ ", '') != coalesce(" ~ after['compare'] ~ ", '') as is_" ~ name ~ "_changed"
) -%}
{%- do changed_flags.append("case when is_" ~ name ~ "_changed then '" ~ name ~ "' end") -%}
{%- endfor -%}
with

events as (

    select * from {{ ref('int_job_events_derived') }}

),

postings as (

    select * from {{ ref('int_postings_unioned') }}

),

changed_events as (

    select
        job_id,
        source_id,
        event_type,
        event_at,
        fetch_id,
        content_hash,
        previous_content_hash,
        source_hash,
        previous_source_hash
    from events
    where previous_source_hash is not null and content_hash != previous_content_hash

),

compared as (

    select
        changed_events.*,
        {{ compared_columns | join(',\n        ') }}
    from changed_events
    inner join postings as current_posting
        on changed_events.source_hash = current_posting.source_hash
    inner join postings as previous_posting
        on changed_events.previous_source_hash = previous_posting.source_hash

),

listed as (

    select
        *,
        {{ list_without_nulls(make_list(changed_flags)) }} as changed_fields
    from compared

)

select * from listed
