{#-
    Every board (source) we fetched or the registry lists, with the company that owns it. The company
    key (docs/contracts.md section 8): the registry's company domain, else its name; for boards not in
    the registry the company name their payloads state most often, else the board token.
-#}
with

registry as (

    select * from {{ ref('job_boards') }}

),

fetches as (

    select * from {{ ref('int_fetches_assessed') }}

),

sightings as (

    select * from {{ ref('stg_landing__sightings') }}

),

postings as (

    select
        source_hash,
        provider,
        company_name
    from {{ ref('int_postings_unioned') }}
    where company_name is not null

),

fetched_boards as (

    select
        source_id,
        provider,
        board
    from fetches
    group by source_id, provider, board

),

registered_boards as (

    -- the registry may spell a token with another case than the raw folder (Ubisoft2 / ubisoft2)
    select *
    from (
        select
            provider,
            board,
            nullif(trim(company_name), '') as company_name,
            nullif(lower(trim(company_domain)), '') as company_domain,
            row_number() over (partition by provider, lower(board) order by board) as spelling_number
        from registry
    ) as spelled
    where spelling_number = 1

),

boards as (

    select
        coalesce(fetched_boards.source_id, {{ source_id('registered_boards.provider', 'registered_boards.board') }})
            as source_id,
        coalesce(fetched_boards.provider, registered_boards.provider) as provider,
        coalesce(fetched_boards.board, registered_boards.board) as board,
        registered_boards.provider is not null as is_registered,
        fetched_boards.source_id is not null as is_fetched,
        registered_boards.company_name as registry_company_name,
        registered_boards.company_domain as registry_company_domain
    from fetched_boards
    full outer join registered_boards
        on
            fetched_boards.provider = registered_boards.provider
            and lower(fetched_boards.board) = lower(registered_boards.board)

),

board_payloads as (

    select
        source_id,
        provider,
        source_hash
    from sightings
    group by source_id, provider, source_hash

),

payload_name_counts as (

    select
        board_payloads.source_id,
        postings.company_name,
        count(*) as payloads
    from board_payloads
    inner join postings
        on
            board_payloads.source_hash = postings.source_hash
            and board_payloads.provider = postings.provider
    group by board_payloads.source_id, postings.company_name

),

payload_names as (

    -- the name the board's payloads state most often (ties: the first alphabetically)
    select
        source_id,
        company_name
    from (
        select
            source_id,
            company_name,
            row_number() over (partition by source_id order by payloads desc, company_name asc) as rank_number
        from payload_name_counts
    ) as ranked
    where rank_number = 1

),

resolved as (

    select
        boards.source_id,
        boards.provider,
        boards.board,
        boards.is_registered,
        boards.is_fetched,
        case
            when boards.registry_company_domain is not null then boards.registry_company_domain
            when boards.registry_company_name is not null then {{ name_key('boards.registry_company_name') }}
            when payload_names.company_name is not null then {{ name_key('payload_names.company_name') }}
            else lower(boards.board)
        end as company_key,
        coalesce(boards.registry_company_name, payload_names.company_name, boards.board) as company_name,
        boards.registry_company_domain as company_domain,
        case
            when boards.registry_company_name is not null or boards.registry_company_domain is not null
                then 'registry'
            when payload_names.company_name is not null then 'payload'
            else 'board_token'
        end as company_source,
        payload_names.company_name as payload_company_name
    from boards
    left join payload_names
        on boards.source_id = payload_names.source_id

),

final as (

    select
        source_id,
        provider,
        board,
        {{ company_id('company_key') }} as company_id,
        company_key,
        company_name,
        company_domain,
        company_source,
        payload_company_name,
        is_registered,
        is_fetched
    from resolved

)

select * from final
