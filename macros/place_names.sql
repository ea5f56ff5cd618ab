{#-
    place_names() -> SQL select (use it as a CTE body)
    Every name a place is known by, from the reference seeds, one row per name key and place:
    name_key (name_key macro), place_type (country / region / city / macro_region), name_kind (name,
    alias, code: ISO alpha-2 / alpha-3 country codes and the region codes written in text, e.g. 'NY',
    'BC'), country_code, region_code (ISO 3166-2 without the country prefix), city_name, geoname_id,
    population (cities), macro_region. Models that parse text join to it on name_key.
-#}
{% macro place_names() -%}

    with

    countries as (

        select * from {{ ref('countries') }}

    ),

    country_subdivisions as (

        select * from {{ ref('country_subdivisions') }}

    ),

    cities as (

        select * from {{ ref('cities') }}

    ),

    macro_regions as (

        select * from {{ ref('macro_regions') }}

    ),

    country_aliases as (

        select
            country_code,
            alias_name
        from (
            select
                country_code,
                {{ unnest_with_index(text_split('alternate_names', '|'), 'alias_name', 'alias_index') }}
            from countries
            where alternate_names is not null
        ) as unnested

    ),

    subdivision_aliases as (

        select
            country_code,
            region_code,
            alias_name
        from (
            select
                country_code,
                region_code,
                {{ unnest_with_index(text_split('alternate_names', '|'), 'alias_name', 'alias_index') }}
            from country_subdivisions
            where alternate_names is not null
        ) as unnested

    ),

    city_aliases as (

        select
            geoname_id,
            alias_name
        from (
            select
                geoname_id,
                {{ unnest_with_index(text_split('alternate_names', '|'), 'alias_name', 'alias_index') }}
            from cities
            where alternate_names is not null
        ) as unnested

    ),

    names as (

        select
            {{ name_key('country_name') }} as name_key,
            'country' as place_type,
            'name' as name_kind,
            country_code,
            cast(null as string) as region_code,
            cast(null as string) as city_name,
            cast(null as bigint) as geoname_id,
            cast(null as bigint) as population,
            cast(null as string) as macro_region
        from countries
        union all
        select
            {{ name_key('alias_name') }},
            'country',
            'alias',
            country_code,
            null,
            null,
            null,
            null,
            null
        from country_aliases
        union all
        select
            lower(country_code),
            'country',
            'code',
            country_code,
            null,
            null,
            null,
            null,
            null
        from countries
        union all
        select
            lower(alpha3_code),
            'country',
            'code',
            country_code,
            null,
            null,
            null,
            null,
            null
        from countries
        union all
        select
            {{ name_key('subdivision_name') }},
            'region',
            'name',
            country_code,
            region_code,
            null,
            null,
            null,
            null
        from country_subdivisions
        union all
        select
            {{ name_key('alias_name') }},
            'region',
            'alias',
            country_code,
            region_code,
            null,
            null,
            null,
            null
        from subdivision_aliases
        union all
        select
            lower(region_code),
            'region',
            'code',
            country_code,
            region_code,
            null,
            null,
            null,
            null
        from country_subdivisions
        where is_code_in_text
        union all
        select
            {{ name_key('city_name') }},
            'city',
            'name',
            country_code,
            region_code,
            city_name,
            geoname_id,
            population,
            null
        from cities
        union all
        select
            {{ name_key('city_aliases.alias_name') }},
            'city',
            'alias',
            cities.country_code,
            cities.region_code,
            cities.city_name,
            cities.geoname_id,
            cities.population,
            null
        from city_aliases
        inner join cities
            on city_aliases.geoname_id = cities.geoname_id
        union all
        select
            {{ name_key('region_name') }},
            'macro_region',
            'name',
            null,
            null,
            null,
            null,
            null,
            macro_region
        from macro_regions

    ),

    ranked as (

        -- one row per key and place: a place's name beats its alias, which beats its code
        select
            *,
            row_number() over (
                partition by name_key, place_type, country_code, region_code, geoname_id, macro_region
                order by case name_kind when 'name' then 1 when 'alias' then 2 else 3 end
            ) as name_rank
        from names
        where name_key != ''

    )

    select
        name_key,
        place_type,
        name_kind,
        country_code,
        region_code,
        city_name,
        geoname_id,
        population,
        macro_region
    from ranked
    where name_rank = 1

{%- endmacro %}
