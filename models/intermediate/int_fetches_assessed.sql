{#-
    Board health per fetch (docs/contracts.md section 3): ok, complete, collapse, healthy, and the
    running count of healthy fetches per board that the close rule counts with.
-#}
{%- set ratio = var('collapse_ratio') -%}
{%- set accept_after = var('collapse_accept_after_fetches') -%}

with

fetches as (

    select * from {{ ref('stg_landing__fetches') }}

),

flagged as (

    select
        *,
        is_ok
        and is_reported_complete
        and (reported_total is null or postings_count >= reported_total) as is_complete
    from fetches

),

complete_fetches as (

    -- baseline: median of the board's previous complete fetches (collapses included, so a lasting
    -- shrink becomes the new normal); persistence: the largest count among the next
    -- collapse_accept_after_fetches - 1 complete fetches, and how many there are yet
    select
        fetch_id,
        source_id,
        fetched_at,
        postings_count,
        {{ median('postings_count') }} over (
            partition by source_id
            order by fetched_at, fetch_id
            rows between {{ var('collapse_lookback_fetches') }} preceding and 1 preceding
        ) as baseline_postings,
        max(postings_count) over following_fetches as following_max_postings,
        count(*) over following_fetches as following_fetches
    from flagged
    where is_complete
    -- an empty frame (no following fetches) when collapse_accept_after_fetches is 1
    window following_fetches as (
        partition by source_id
        order by fetched_at, fetch_id
        rows between 1 following and {{ accept_after - 1 }} following
    )

),

collapses as (

    select
        fetch_id,
        source_id,
        fetched_at,
        postings_count,
        baseline_postings,
        coalesce(postings_count < {{ ratio }} * baseline_postings, false) as is_collapse,
        -- a persistent drop starts here: this collapse and the next ones all stay under its threshold,
        -- and none of the next ones is so much larger that this fetch is a dip below them
        coalesce(
            postings_count < {{ ratio }} * baseline_postings
            and following_fetches >= {{ accept_after - 1 }}
            and coalesce(following_max_postings < {{ ratio }} * baseline_postings, true)
            and coalesce(postings_count >= {{ ratio }} * following_max_postings, true),
            false
        ) as is_persistent_drop_start
    from complete_fetches

),

collapses_accepted as (

    -- a collapse is accepted when a persistent drop started at it, or at one of the fetches just
    -- before it and it is at that drop's level (not a further dip, such as an empty body, below it)
    select
        fetch_id,
        baseline_postings,
        is_collapse,
        coalesce(
            is_collapse
            and postings_count >= {{ ratio }} * min(
                case when is_persistent_drop_start then postings_count end
            ) over (
                partition by source_id
                order by fetched_at, fetch_id
                rows between {{ accept_after - 1 }} preceding and current row
            ),
            false
        ) as is_collapse_accepted
    from collapses

),

assessed as (

    select
        flagged.*,
        collapses_accepted.baseline_postings,
        coalesce(collapses_accepted.is_collapse, false) as is_collapse,
        coalesce(collapses_accepted.is_collapse_accepted, false) as is_collapse_accepted,
        flagged.is_complete
        and not coalesce(collapses_accepted.is_collapse and not collapses_accepted.is_collapse_accepted, false)
            as is_healthy
    from flagged
    left join collapses_accepted
        on flagged.fetch_id = collapses_accepted.fetch_id

),

sequenced as (

    select
        *,
        case
            when not is_ok then 'failed: ' || status
            when not is_reported_complete then 'incomplete: the fetcher missed pages or details'
            when not is_complete then 'incomplete: fewer postings than the provider reported'
            when not is_healthy then 'collapse: far fewer postings than the recent median of the board, not (yet) persistent'
        end as unhealthy_reason,
        sum(case when is_healthy then 1 else 0 end) over (
            partition by source_id
            order by fetched_at, fetch_id
            rows between unbounded preceding and current row
        ) as healthy_fetch_number,
        sum(case when is_healthy then 1 else 0 end) over (partition by source_id) as board_healthy_fetches
    from assessed

)

select * from sequenced
