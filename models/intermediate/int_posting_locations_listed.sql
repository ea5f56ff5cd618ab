{#-
    Every location a posting states (primary first), one row each, with the structured fields the
    provider gives beside the raw text (the common schema's location structs, flattened).
-#}
with

postings as (

    select
        source_hash,
        provider,
        locations
    from {{ ref('int_postings_unioned') }}

),

unnested as (

    select
        source_hash,
        provider,
        {{ unnest_with_index('locations', 'location', 'stated_index') }}
    from postings

),

final as (

    select
        unnested.source_hash,
        unnested.provider,
        unnested.stated_index,
        location.text as location_text,
        location.city as city_stated,
        location.region as region_stated,
        location.country as country_stated,
        location.country_code as country_code_stated,
        location.is_remote as is_remote_stated
    from unnested

)

select * from final
