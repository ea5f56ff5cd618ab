-- The bench's bare baseline for the lifecycle event derivation (docs/contracts.md section 3, default
-- vars: close after 2 healthy fetches without the job; collapse ratio 0.5 over the previous 7 complete
-- fetches, accepted after 3): one hand-written DuckDB script, no dbt, from the same landing files and
-- the same per-payload content hashes the warehouse computed. {landing} and {content_hashes} are
-- filled in by postings.bench.baselines; the result is the table bare_events.
create or replace table bare_events as
with
fetches as (
    select
        fetch_id, sha1(provider || ':' || board) as source_id, fetched_at, status = 'ok' as is_ok,
        status = 'ok' and coalesce(is_reported_complete, true)
        and (reported_total is null or postings_count >= reported_total) as is_complete,
        postings_count
    from read_parquet('{landing}/fetches/*/*.parquet', union_by_name = true)
),
complete as (
    select
        fetch_id, source_id, fetched_at, postings_count,
        median(postings_count) over (partition by source_id order by fetched_at, fetch_id
            rows between 7 preceding and 1 preceding) as baseline,
        max(postings_count) over next2 as next_max,
        count(*) over next2 as next_count
    from fetches where is_complete
    window next2 as (partition by source_id order by fetched_at, fetch_id rows between 1 following and 2 following)
),
drops as (
    select *,
        coalesce(postings_count < 0.5 * baseline, false) as is_collapse,
        coalesce(postings_count < 0.5 * baseline and next_count >= 2
            and coalesce(next_max < 0.5 * baseline, true)
            and coalesce(postings_count >= 0.5 * next_max, true), false) as starts_drop
    from complete
),
accepted as (
    select fetch_id, is_collapse,
        coalesce(is_collapse and postings_count >= 0.5 * min(case when starts_drop then postings_count end)
            over (partition by source_id order by fetched_at, fetch_id rows between 2 preceding and current row),
            false) as is_accepted
    from drops
),
health as (
    select f.fetch_id, f.source_id, f.fetched_at, f.is_ok,
        f.is_complete and not coalesce(a.is_collapse and not a.is_accepted, false) as is_healthy
    from fetches f left join accepted a using (fetch_id)
),
numbered as (
    select *,
        sum(is_healthy::int) over (partition by source_id order by fetched_at, fetch_id
            rows between unbounded preceding and current row) as hfn,
        sum(is_healthy::int) over (partition by source_id) as board_healthy
    from health
),
sightings as (
    select
        sha1(s.provider || ':' || s.board || ':' || s.provider_job_key) as job_id,
        n.source_id, s.fetch_id, s.fetched_at, s.source_hash, h.content_hash,
        n.is_healthy, n.hfn, n.board_healthy
    from read_parquet('{landing}/sightings/*/*.parquet', union_by_name = true) s
    join numbered n on s.fetch_id = n.fetch_id and n.is_ok
    join read_parquet('{content_hashes}') h on s.source_hash = h.source_hash and s.provider = h.provider
),
seq as (
    select *,
        row_number() over w as k,
        lag(content_hash) over w as prev_hash,
        lag(hfn) over w as prev_hfn,
        lag(fetched_at) over w as prev_at,
        lead(fetch_id) over w as next_fetch
    from sightings
    window w as (partition by job_id order by fetched_at, fetch_id)
),
gaps as (
    select *, hfn - prev_hfn - is_healthy::int as missed_before,
        case when next_fetch is null then board_healthy - hfn end as missed_after
    from seq
),
healthy as (select source_id, hfn, fetch_id, fetched_at from numbered where is_healthy)
select job_id,
    case when k = 1 then 'open' when missed_before >= 2 then 'reopen' else 'update' end as event_type,
    fetched_at as event_at, fetch_id
from gaps
where k = 1 or missed_before >= 2 or content_hash != prev_hash
union all
select c.job_id, 'close', h.fetched_at, h.fetch_id
from (
    select job_id, source_id, prev_hfn + 1 as n from gaps where k > 1 and missed_before >= 2
    union all
    select job_id, source_id, hfn + 1 from gaps where missed_after >= 2
) c
join healthy h on c.source_id = h.source_id and c.n = h.hfn;
