with

source as (

    select * from {{ source('landing', 'sightings') }}

),

renamed as (

    select
        {{ job_id('provider', 'board', 'provider_job_key') }} as job_id,
        {{ source_id('provider', 'board') }} as source_id,
        fetch_id,
        provider,
        board,
        provider_job_key,
        source_hash,
        cast(fetched_at as timestamp) as fetched_at,
        cast(fetch_date as date) as fetch_date

    from source

)

select * from renamed
