{#-
    Every location of every posting parsed into city, region, country, remote flag, confidence and method.

    1. A stated location's text is split into locations at ';', '|' and ' or ' ("New York City, NY; San
       Francisco, CA" is two); "2 Locations" style placeholders are kept but marked.
    2. Each location is split into parts at commas, brackets, slashes, colons and spaced dashes. Each
       part is folded (name_key), remote / hybrid / onsite markers and noise words (HQ, office, greater,
       area, time zones) are taken out of it, and what is left is looked up in the place names of the
       reference seeds (countries, subdivisions, cities, macro regions). Remote is a flag, never a place.
    3. Every hit is a candidate. A candidate is supported by another part that names a place in the same
       country (and region), and contradicted by a part whose every reading lies elsewhere. The winner
       has the fewest contradictions, then the most support, then (when the text contradicts itself) the
       later part, then the most specific level (city > region > country > macro region), then the
       largest population. "Tbilisi, Georgia" is GE because Tbilisi agrees with the country Georgia;
       "Atlanta, Georgia" is US-GA; "San Francisco, CA" is US-CA, not Canada. A winner is ambiguous
       when an equally supported reading lies in another country or region ("Georgia" alone, "CA"
       alone, "Washington" alone; for two cities, when the other has a tenth of the population).
    4. Structured provider fields (country code, country, region, city) win over text: a candidate in
       another country than the stated one is discarded, and stated values fill what they give.
    5. The confidence comes from the location_match_levels seed for the way the location matched.
-#}
{%- set piece_separators -%}\s*[;|]\s*|\s+or\s+{%- endset -%}
{%- set part_separators -%}\s*[,()\[\]/:]\s*|\s+[-–—]\s+{%- endset -%}
{%- set placeholder_pattern -%}^\s*(\d+|multiple|several|various|many)\s+(locations?|offices?|sites?|cities)\s*${%- endset -%}
{%- set unlisted_city_pattern -%}^[^\d]{2,40}${%- endset -%}
with

listed as (

    select * from {{ ref('int_posting_locations_listed') }}

),

place_names as (

    {{ place_names() }}

),

location_keywords as (

    select * from {{ ref('location_keywords') }}

),

match_levels as (

    select * from {{ ref('location_match_levels') }}

),

pieces as (

    select
        source_hash,
        provider,
        stated_index,
        location_text as stated_text,
        city_stated,
        region_stated,
        country_stated,
        country_code_stated,
        is_remote_stated,
        {{ unnest_with_index('piece_texts', 'piece_text', 'piece_index') }}
    from (
        select
            *,
            {{ regexp_split("coalesce(location_text, '')", piece_separators) }} as piece_texts
        from listed
    ) as split_locations

),

located_pieces as (

    select
        *,
        row_number() over (partition by source_hash order by stated_index, piece_index) as location_index
    from (
        select
            *,
            trim(piece_text) as location_piece,
            {{ name_key('country_stated') }} as country_stated_key,
            {{ name_key('region_stated') }} as region_stated_key,
            {{ name_key('city_stated') }} as city_stated_key,
            {{ regexp_contains('lower(piece_text)', placeholder_pattern) }} as is_placeholder
        from pieces
        where
            trim(piece_text) != ''
            or (
                piece_index = 1
                and coalesce(city_stated, region_stated, country_stated, country_code_stated) is not null
            )
    ) as kept

),

parts as (

    select
        source_hash,
        location_index,
        {{ unnest_with_index('part_texts', 'part_text', 'part_index') }}
    from (
        select
            source_hash,
            location_index,
            {{ regexp_split('location_piece', part_separators) }} as part_texts
        from located_pieces
    ) as split_pieces

),

part_words as (

    -- multi-word markers become one word first ('on site' -> 'onsite', 'work from home' -> 'wfh')
    select
        source_hash,
        location_index,
        part_index,
        trim(part_text) as part_text,
        {{ join_workplace_phrases(name_key('part_text')) }} as part_words
    from parts

),

part_tokens as (

    select
        source_hash,
        location_index,
        part_index,
        part_text,
        {{ unnest_with_index('part_tokens', 'token', 'token_index') }}
    from (
        select
            *,
            {{ regexp_split('part_words', ' ') }} as part_tokens
        from part_words
        where part_words != ''
    ) as split_parts

),

classified_tokens as (

    select
        part_tokens.*,
        location_keywords.keyword_kind
    from part_tokens
    left join location_keywords
        on part_tokens.token = location_keywords.keyword

),

part_keys as (

    select
        source_hash,
        location_index,
        part_index,
        part_text,
        {{ string_agg_ordered('case when keyword_kind is null then token end', 'token_index', ' ') }} as part_key,
        bool_or(coalesce(keyword_kind = 'remote', false)) as has_remote,
        bool_or(coalesce(keyword_kind = 'hybrid', false)) as has_hybrid,
        bool_or(coalesce(keyword_kind = 'onsite', false)) as has_onsite
    from classified_tokens
    group by source_hash, location_index, part_index, part_text

),

location_markers as (

    select
        source_hash,
        location_index,
        bool_or(has_remote) as has_remote,
        bool_or(has_hybrid) as has_hybrid,
        bool_or(has_onsite) as has_onsite
    from part_keys
    group by source_hash, location_index

),

all_hits as (

    select
        part_keys.source_hash,
        part_keys.location_index,
        part_keys.part_index,
        place_names.place_type,
        place_names.name_kind,
        place_names.country_code,
        place_names.region_code,
        place_names.city_name,
        place_names.geoname_id,
        place_names.population,
        place_names.macro_region
    from part_keys
    inner join place_names
        on part_keys.part_key = place_names.name_key

),

hits as (

    -- a part naming a country and one of that country's own regions ('Mexico') means the country
    select all_hits.*
    from all_hits
    left join all_hits as same_part_countries
        on
            all_hits.source_hash = same_part_countries.source_hash
            and all_hits.location_index = same_part_countries.location_index
            and all_hits.part_index = same_part_countries.part_index
            and all_hits.country_code = same_part_countries.country_code
            and same_part_countries.place_type = 'country'
    where all_hits.place_type != 'region' or same_part_countries.country_code is null

),

stated_countries as (

    select
        located_pieces.source_hash,
        located_pieces.location_index,
        coalesce(upper(located_pieces.country_code_stated), place_names.country_code) as country_code
    from located_pieces
    left join place_names
        on
            located_pieces.country_stated_key = place_names.name_key
            and place_names.place_type = 'country'

),

stated_regions as (

    select
        stated_countries.source_hash,
        stated_countries.location_index,
        place_names.country_code,
        place_names.region_code,
        row_number() over (
            partition by stated_countries.source_hash, stated_countries.location_index
            order by case place_names.name_kind when 'name' then 1 when 'alias' then 2 else 3 end
        ) as region_rank
    from stated_countries
    inner join located_pieces
        on
            stated_countries.source_hash = located_pieces.source_hash
            and stated_countries.location_index = located_pieces.location_index
    inner join place_names
        on
            located_pieces.region_stated_key = place_names.name_key
            and place_names.place_type = 'region'
            and (stated_countries.country_code is null or stated_countries.country_code = place_names.country_code)

),

stated_places as (

    select
        located_pieces.source_hash,
        located_pieces.location_index,
        coalesce(stated_countries.country_code, stated_regions.country_code) as country_code,
        stated_regions.region_code,
        nullif(trim(located_pieces.city_stated), '') as city_stated,
        located_pieces.city_stated_key
    from located_pieces
    left join stated_countries
        on
            located_pieces.source_hash = stated_countries.source_hash
            and located_pieces.location_index = stated_countries.location_index
    left join stated_regions
        on
            located_pieces.source_hash = stated_regions.source_hash
            and located_pieces.location_index = stated_regions.location_index
            and stated_regions.region_rank = 1

),

stated_cities as (

    -- the stated city's canonical name and region, when it is a known city of the stated country
    select
        stated_places.source_hash,
        stated_places.location_index,
        place_names.city_name,
        place_names.region_code,
        row_number() over (
            partition by stated_places.source_hash, stated_places.location_index
            order by place_names.population desc, place_names.geoname_id asc
        ) as city_rank
    from stated_places
    inner join place_names
        on
            stated_places.city_stated_key = place_names.name_key
            and place_names.place_type = 'city'
            and stated_places.country_code = place_names.country_code
            and (stated_places.region_code is null or stated_places.region_code = place_names.region_code)

),

candidates as (

    select
        hits.*,
        case hits.place_type when 'city' then 3 when 'region' then 2 when 'country' then 1 else 0 end as place_level,
        row_number() over (
            partition by hits.source_hash, hits.location_index
            order by hits.part_index, hits.place_type, hits.country_code, hits.region_code, hits.geoname_id, hits.macro_region
        ) as candidate_id
    from hits
    inner join stated_places
        on
            hits.source_hash = stated_places.source_hash
            and hits.location_index = stated_places.location_index
    where
        stated_places.country_code is null
        or (
            hits.country_code = stated_places.country_code
            and (stated_places.region_code is null or hits.region_code is null or hits.region_code = stated_places.region_code)
        )

),

part_agreements as (

    -- per candidate and other part: does any reading of that part lie in the candidate's country and region?
    select
        candidates.source_hash,
        candidates.location_index,
        candidates.candidate_id,
        other_parts.part_index,
        bool_or(
            other_parts.country_code = candidates.country_code
            and (
                other_parts.region_code is null
                or candidates.region_code is null
                or other_parts.region_code = candidates.region_code
            )
        ) as is_agreeing
    from candidates
    inner join hits as other_parts
        on
            candidates.source_hash = other_parts.source_hash
            and candidates.location_index = other_parts.location_index
            and candidates.part_index != other_parts.part_index
            and other_parts.place_type != 'macro_region'
    group by candidates.source_hash, candidates.location_index, candidates.candidate_id, other_parts.part_index

),

agreement_counts as (

    select
        source_hash,
        location_index,
        candidate_id,
        sum(case when is_agreeing then 1 else 0 end) as supporting_parts,
        sum(case when is_agreeing then 0 else 1 end) as contradicting_parts
    from part_agreements
    group by source_hash, location_index, candidate_id

),

scored as (

    select
        candidates.*,
        coalesce(agreement_counts.supporting_parts, 0) as supporting_parts,
        coalesce(agreement_counts.contradicting_parts, 0) as contradicting_parts
    from candidates
    left join agreement_counts
        on
            candidates.source_hash = agreement_counts.source_hash
            and candidates.location_index = agreement_counts.location_index
            and candidates.candidate_id = agreement_counts.candidate_id

),

ranked as (

    select
        *,
        row_number() over (
            partition by source_hash, location_index
            order by
                contradicting_parts asc,
                supporting_parts desc,
                case when contradicting_parts > 0 then part_index end desc,
                place_level desc,
                population desc nulls last,
                case name_kind when 'name' then 1 when 'alias' then 2 else 3 end asc,
                part_index asc,
                candidate_id asc
        ) as candidate_rank
    from scored

),

ambiguous_locations as (

    -- an equally supported reading elsewhere makes the winner ambiguous
    select distinct
        winner.source_hash,
        winner.location_index
    from ranked as winner
    inner join ranked as rival
        on
            winner.source_hash = rival.source_hash
            and winner.location_index = rival.location_index
            and rival.candidate_rank > 1
            and winner.contradicting_parts = rival.contradicting_parts
            and winner.supporting_parts = rival.supporting_parts
            and rival.place_level >= 1
            and (
                winner.country_code != rival.country_code
                or coalesce(winner.region_code, '') != coalesce(rival.region_code, winner.region_code, '')
            )
            and (winner.place_level != 3 or rival.place_level != 3 or rival.population >= 0.1 * winner.population)
    where winner.candidate_rank = 1

),

winners as (

    select
        ranked.*,
        ambiguous_locations.source_hash is not null as is_ambiguous
    from ranked
    left join ambiguous_locations
        on
            ranked.source_hash = ambiguous_locations.source_hash
            and ranked.location_index = ambiguous_locations.location_index
    where ranked.candidate_rank = 1

),

first_parts as (

    select
        *,
        row_number() over (partition by source_hash, location_index order by part_index) as part_rank
    from part_keys
    where part_key is not null

),

unlisted_cities as (

    -- the first part, when none of its readings agrees with the winner, is a city we do not list
    select
        winners.source_hash,
        winners.location_index,
        first_parts.part_text as city_name
    from winners
    inner join first_parts
        on
            winners.source_hash = first_parts.source_hash
            and winners.location_index = first_parts.location_index
            and first_parts.part_rank = 1
            and winners.part_index > first_parts.part_index
    left join hits as first_part_hits
        on
            first_parts.source_hash = first_part_hits.source_hash
            and first_parts.location_index = first_part_hits.location_index
            and first_parts.part_index = first_part_hits.part_index
            and winners.country_code = first_part_hits.country_code
    where
        winners.place_level in (1, 2)
        and first_part_hits.place_type is null
        and {{ regexp_contains('first_parts.part_text', unlisted_city_pattern) }}

),

assembled as (

    select
        located_pieces.source_hash,
        located_pieces.provider,
        located_pieces.location_index,
        located_pieces.stated_index,
        nullif(located_pieces.location_piece, '') as location_text,
        located_pieces.is_placeholder,
        coalesce(stated_cities.city_name, stated_places.city_stated, winners.city_name, unlisted_cities.city_name) as city,
        coalesce(
            stated_places.region_code,
            stated_cities.region_code,
            case when stated_places.city_stated is null then winners.region_code end
        ) as region_code,
        coalesce(stated_places.country_code, winners.country_code) as country_code,
        case when stated_places.country_code is null then winners.macro_region end as macro_region,
        case
            when location_markers.has_remote then true
            when location_markers.has_hybrid or location_markers.has_onsite then false
            else coalesce(located_pieces.is_remote_stated, false)
        end as is_remote,
        case
            when location_markers.has_hybrid then 'hybrid'
            when location_markers.has_remote then 'remote'
            when location_markers.has_onsite then 'onsite'
            when located_pieces.is_remote_stated then 'remote'
        end as workplace_marker,
        case
            when located_pieces.is_placeholder then 'placeholder'
            when stated_places.city_stated is not null then 'city_stated'
            when winners.place_level = 3 and (winners.supporting_parts > 0 or stated_places.country_code is not null)
                then 'city_confirmed'
            when winners.place_level = 3 and winners.is_ambiguous then 'city_ambiguous'
            when winners.place_level = 3 then 'city_unique'
            when unlisted_cities.city_name is not null then 'city_unlisted'
            when stated_places.region_code is not null then 'region_confirmed'
            when winners.place_level = 2 and (winners.supporting_parts > 0 or stated_places.country_code is not null)
                then 'region_confirmed'
            when winners.place_level = 2 and winners.is_ambiguous then 'region_ambiguous'
            when winners.place_level = 2 then 'region_unique'
            when coalesce(stated_places.country_code, winners.country_code) is not null then 'country'
            when winners.place_level = 0 then 'macro_region'
            when location_markers.has_remote or located_pieces.is_remote_stated then 'remote_only'
            else 'unmatched'
        end as match_level,
        case
            when located_pieces.is_placeholder then 'none'
            when stated_places.country_code is not null or stated_places.city_stated is not null then 'structured_field'
            when winners.source_hash is not null or location_markers.has_remote then 'text_match'
            else 'none'
        end as location_method
    from located_pieces
    left join stated_places
        on
            located_pieces.source_hash = stated_places.source_hash
            and located_pieces.location_index = stated_places.location_index
    left join stated_cities
        on
            located_pieces.source_hash = stated_cities.source_hash
            and located_pieces.location_index = stated_cities.location_index
            and stated_cities.city_rank = 1
    left join winners
        on
            located_pieces.source_hash = winners.source_hash
            and located_pieces.location_index = winners.location_index
    left join unlisted_cities
        on
            located_pieces.source_hash = unlisted_cities.source_hash
            and located_pieces.location_index = unlisted_cities.location_index
    left join location_markers
        on
            located_pieces.source_hash = location_markers.source_hash
            and located_pieces.location_index = location_markers.location_index

),

final as (

    select
        assembled.source_hash,
        assembled.provider,
        assembled.location_index,
        assembled.stated_index,
        assembled.location_text,
        assembled.city,
        assembled.region_code,
        assembled.country_code,
        assembled.macro_region,
        assembled.is_remote,
        assembled.workplace_marker,
        assembled.is_placeholder,
        assembled.match_level,
        match_levels.location_confidence,
        assembled.location_method,
        '{{ var("parser_version") }}' as parser_version
    from assembled
    inner join match_levels
        on assembled.match_level = match_levels.match_level

)

select * from final
