{#-
    Each distinct title normalized, with its seniority, role family, and the work model and employment
    type it states ("Software Engineer (Remote)", "Werkstudent (m/w/d)").

    1. Gender markers ((m/w/d), (f/m/x), (all genders)) and requisition codes (REQ-123, JR2021705,
       R0022014, #1234, [12345]) are removed.
    2. The title is split into segments at spaced dashes, pipes, commas, brackets and colons. The first
       segment always stays; a later one goes when it is a place (a country, a region, a macro region, a
       city of 250,000+ people, US / UK / EU), a work-model word ("Remote", "Hybrid"), a season or year
       ("Summer 2026"), or a short code right after a dropped place ("NY").
    3. The words of the kept segments are matched, as runs of one to three folded words, against the
       title_seniority_keywords and title_role_families seeds; a keyword inside a longer matched keyword
       does not count. Seniority: the highest-ranked keyword; a title without one is 'mid' (source
       'default'). Level words (Senior, Sr., Staff, II, Intern...) are removed from normalized_title.
       Role family: the first segment with a keyword, then the highest rank; the department is read
       the same way when the title names no family.
       Words after 'assistant to' or 'reporting to' name the boss, not the job's level: 'Sr. Executive
       Assistant to the CEO' is senior.
-#}
{%- set gender_pattern -%}(?i)\(\s*(?:all genders|alle geschlechter|gn\*?|[mwfdhx]\s*[/|*]\s*[mwfdhx](?:\s*[/|*]\s*(?:[mwfdhx]|div\.?|divers))?)\s*\)|\b[mwf]\s*/\s*[mwfh]\s*/\s*(?:[dxn]|div)\b{%- endset -%}
{%- set requisition_pattern -%}(?i)\b(?:req(?:uisition)?|job\s*id|job\s*ref|ref)\b\.?\s*(?:#|no\.?|id)?\s*[:#-]?\s*[a-z]{0,3}[-_]?\d{3,}\b|\b(?:jr|r|req)[-_]?\d{4,}\b|#\s?\d{3,}\b|[\[(]\s*\d{3,}\s*[\])]{%- endset -%}
{%- set segment_separators -%}\s+[-–—|]\s+|\s*[,()\[\]]\s*|\s*:\s+{%- endset -%}
{%- set season_pattern -%}(?i)^(?:(?:summer|fall|autumn|winter|spring)\s*)?(?:19|20)\d{2}(?:\s*[-/]\s*(?:19|20)?\d{2})?${%- endset -%}
{%- set edge_punctuation -%}^[\s,;:|/–—-]+|[\s,;:|/–—-]+${%- endset -%}
{%- set title_place_codes = ['us', 'usa', 'uk', 'eu', 'uae'] -%}
with

postings as (

    select
        source_hash,
        title,
        department
    from {{ ref('int_postings_unioned') }}

),

place_names as (

    {{ place_names() }}

),

seniority_keywords as (

    select * from {{ ref('title_seniority_keywords') }}

),

role_family_keywords as (

    select * from {{ ref('title_role_families') }}

),

location_keywords as (

    select * from {{ ref('location_keywords') }}

),

employment_types as (

    select * from {{ ref('employment_types') }}

),

title_places as (

    select distinct name_key
    from place_names
    where
        (place_type in ('country', 'region', 'macro_region') and name_kind != 'code')
        or (place_type = 'city' and population >= 250000)
        or name_key in (
            '{{ title_place_codes | join("', '") }}'
        )

),

cleaned as (

    select
        source_hash,
        title,
        department,
        trim({{ regexp_replace_all(
            regexp_replace_all(regexp_replace_all('title', gender_pattern, ' '), requisition_pattern, ' '),
            '\\(\\s*\\)|\\[\\s*\\]', ' '
        ) }}) as cleaned_title
    from postings
    where title is not null

),

segments as (

    select
        source_hash,
        {{ unnest_with_index('segment_texts', 'segment_text', 'segment_index') }}
    from (
        select
            source_hash,
            {{ regexp_split('cleaned_title', segment_separators) }} as segment_texts
        from cleaned
    ) as split_titles
    union all
    -- the department, read only for the role family when the title names none
    select
        source_hash,
        department as segment_text,
        1000 as segment_index
    from cleaned
    where department is not null

),

words as (

    select
        source_hash,
        segment_index,
        segment_text,
        word_index,
        word,
        {{ name_key('word') }} as word_key
    from (
        select
            source_hash,
            segment_index,
            segment_text,
            {{ unnest_with_index('segment_words', 'word', 'word_index') }}
        from (
            select
                *,
                {{ regexp_split('trim(segment_text)', '\\s+') }} as segment_words
            from segments
            where trim(segment_text) != ''
        ) as segment_lists
    ) as split_words

),

tokens as (

    select
        words.*,
        location_keywords.keyword_kind,
        coalesce(location_keywords.is_title_marker, false) as is_title_marker,
        row_number() over (partition by words.source_hash, words.segment_index order by words.word_index) as token_rank,
        count(*) over (partition by words.source_hash, words.segment_index) as segment_tokens
    from words
    left join location_keywords
        on words.word_key = location_keywords.keyword
    where words.word_key != ''

),

segment_keys as (

    select
        source_hash,
        segment_index,
        {{ string_agg_ordered('case when keyword_kind is null then word_key end', 'token_rank', ' ') }} as place_key,
        bool_or(keyword_kind in ('remote', 'hybrid', 'onsite')) as has_workplace_word,
        max(segment_tokens) as segment_tokens
    from tokens
    where segment_index < 1000
    group by source_hash, segment_index

),

classified_segments as (

    select
        segment_keys.*,
        segment_keys.segment_index > 1
        and (
            title_places.name_key is not null
            or (segment_keys.place_key is null and segment_keys.has_workplace_word)
            or {{ regexp_contains("coalesce(segment_keys.place_key, '')", season_pattern) }}
        ) as is_place_or_season
    from segment_keys
    left join title_places
        on segment_keys.place_key = title_places.name_key

),

kept_segments as (

    select
        *,
        not is_place_or_season
        and not (
            coalesce(bool_or(is_place_or_season) over (
                partition by source_hash order by segment_index rows between unbounded preceding and 1 preceding
            ), false)
            and length(coalesce(place_key, '')) <= 3
        ) as is_kept
    from classified_segments

),

adjacent_tokens as (

    select
        *,
        lead(word_key, 1) over (partition by source_hash, segment_index order by token_rank) as next_key,
        lead(word_key, 2) over (partition by source_hash, segment_index order by token_rank) as after_next_key
    from tokens

),

gram_sizes as (

    select 1 as gram_size
    union all
    select 2 as gram_size
    union all
    select 3 as gram_size

),

ngrams as (

    -- every run of one to three words of a segment, with where it starts and ends
    select
        adjacent_tokens.source_hash,
        adjacent_tokens.segment_index,
        adjacent_tokens.token_rank as start_rank,
        adjacent_tokens.token_rank + gram_sizes.gram_size - 1 as end_rank,
        adjacent_tokens.segment_tokens,
        case gram_sizes.gram_size
            when 1 then adjacent_tokens.word_key
            when 2 then adjacent_tokens.word_key || ' ' || adjacent_tokens.next_key
            else adjacent_tokens.word_key || ' ' || adjacent_tokens.next_key || ' ' || adjacent_tokens.after_next_key
        end as ngram
    from adjacent_tokens
    cross join gram_sizes
    where
        gram_sizes.gram_size = 1
        or (gram_sizes.gram_size = 2 and adjacent_tokens.next_key is not null)
        or (gram_sizes.gram_size = 3 and adjacent_tokens.after_next_key is not null)

),

title_ngrams as (

    select ngrams.*
    from ngrams
    inner join kept_segments
        on
            ngrams.source_hash = kept_segments.source_hash
            and ngrams.segment_index = kept_segments.segment_index
            and kept_segments.is_kept

),

boss_phrases as (

    -- where a segment starts naming someone else: the word 'to' right after 'assistant' / 'reporting'
    select
        source_hash,
        segment_index,
        min(token_rank) as boss_start_rank
    from (
        select
            source_hash,
            segment_index,
            token_rank,
            word_key,
            lag(word_key) over (partition by source_hash, segment_index order by token_rank) as previous_key
        from tokens
    ) as paired_tokens
    where word_key = 'to' and previous_key in ('assistant', 'reporting')
    group by source_hash, segment_index

),

seniority_matches as (

    select
        title_ngrams.source_hash,
        title_ngrams.segment_index,
        title_ngrams.start_rank,
        title_ngrams.end_rank,
        seniority_keywords.seniority,
        seniority_keywords.keyword_rank,
        seniority_keywords.is_removed_from_title
    from title_ngrams
    inner join seniority_keywords
        on
            title_ngrams.ngram = seniority_keywords.keyword
            and (
                seniority_keywords.keyword_position = 'any'
                or (seniority_keywords.keyword_position = 'first' and title_ngrams.start_rank = 1)
                or (seniority_keywords.keyword_position = 'last' and title_ngrams.end_rank = title_ngrams.segment_tokens)
            )
    left join boss_phrases
        on
            title_ngrams.source_hash = boss_phrases.source_hash
            and title_ngrams.segment_index = boss_phrases.segment_index
    where boss_phrases.boss_start_rank is null or title_ngrams.start_rank < boss_phrases.boss_start_rank

),

outermost_seniority_matches as (

    -- a keyword inside a longer matched keyword does not count ('staff' in 'chief of staff')
    select inner_match.*
    from seniority_matches as inner_match
    left join seniority_matches as outer_match
        on
            inner_match.source_hash = outer_match.source_hash
            and inner_match.segment_index = outer_match.segment_index
            and inner_match.start_rank >= outer_match.start_rank
            and inner_match.end_rank <= outer_match.end_rank
            and outer_match.end_rank - outer_match.start_rank > inner_match.end_rank - inner_match.start_rank
    where outer_match.source_hash is null

),

seniorities as (

    select
        source_hash,
        seniority
    from (
        select
            *,
            row_number() over (
                partition by source_hash
                order by keyword_rank desc, end_rank - start_rank desc, segment_index, start_rank asc
            ) as seniority_rank
        from outermost_seniority_matches
    ) as ranked
    where seniority_rank = 1

),

removed_tokens as (

    select distinct
        tokens.source_hash,
        tokens.segment_index,
        tokens.word_index
    from tokens
    inner join outermost_seniority_matches
        on
            tokens.source_hash = outermost_seniority_matches.source_hash
            and tokens.segment_index = outermost_seniority_matches.segment_index
            and tokens.token_rank between outermost_seniority_matches.start_rank and outermost_seniority_matches.end_rank
            and outermost_seniority_matches.is_removed_from_title

),

rebuilt_segments as (

    select
        words.source_hash,
        words.segment_index,
        trim({{ regexp_replace_all(
            string_agg_ordered('case when removed_tokens.word_index is null then words.word end', 'words.word_index', ' '),
            edge_punctuation, ''
        ) }}) as segment_text
    from words
    inner join kept_segments
        on
            words.source_hash = kept_segments.source_hash
            and words.segment_index = kept_segments.segment_index
            and kept_segments.is_kept
    left join removed_tokens
        on
            words.source_hash = removed_tokens.source_hash
            and words.segment_index = removed_tokens.segment_index
            and words.word_index = removed_tokens.word_index
    group by words.source_hash, words.segment_index

),

normalized_titles as (

    select
        source_hash,
        {{ string_agg_ordered("nullif(segment_text, '')", 'segment_index', ', ') }} as normalized_title
    from rebuilt_segments
    group by source_hash

),

role_family_matches as (

    select
        ngrams.source_hash,
        ngrams.segment_index,
        ngrams.start_rank,
        ngrams.end_rank,
        role_family_keywords.role_family,
        role_family_keywords.keyword_rank
    from ngrams
    inner join role_family_keywords
        on ngrams.ngram = role_family_keywords.keyword
    left join kept_segments
        on
            ngrams.source_hash = kept_segments.source_hash
            and ngrams.segment_index = kept_segments.segment_index
    where ngrams.segment_index = 1000 or kept_segments.is_kept

),

role_families as (

    select
        source_hash,
        role_family,
        case when segment_index = 1000 then 'parsed_department' else 'parsed_title' end as role_family_source
    from (
        select
            inner_match.*,
            row_number() over (
                partition by inner_match.source_hash
                order by
                    inner_match.segment_index asc,
                    inner_match.keyword_rank desc,
                    inner_match.end_rank - inner_match.start_rank desc,
                    inner_match.start_rank
            ) as family_rank
        from role_family_matches as inner_match
        left join role_family_matches as outer_match
            on
                inner_match.source_hash = outer_match.source_hash
                and inner_match.segment_index = outer_match.segment_index
                and inner_match.start_rank >= outer_match.start_rank
                and inner_match.end_rank <= outer_match.end_rank
                and outer_match.end_rank - outer_match.start_rank > inner_match.end_rank - inner_match.start_rank
        where outer_match.source_hash is null
    ) as ranked
    where family_rank = 1

),

title_workplaces as (

    select
        source_hash,
        case
            when bool_or(keyword_kind = 'hybrid') then 'hybrid'
            when bool_or(keyword_kind = 'remote') then 'remote'
            when bool_or(keyword_kind = 'onsite') then 'onsite'
        end as title_workplace_type
    from tokens
    where segment_index < 1000 and is_title_marker
    group by source_hash

),

title_employment_types as (

    select
        source_hash,
        employment_type as title_employment_type
    from (
        select
            ngrams.source_hash,
            employment_types.employment_type,
            row_number() over (
                partition by ngrams.source_hash
                order by employment_types.precedence desc, ngrams.segment_index asc, ngrams.start_rank asc
            ) as type_rank
        from ngrams
        inner join employment_types
            on
                replace(ngrams.ngram, ' ', '') = employment_types.employment_key
                and employment_types.is_title_keyword
        where ngrams.segment_index < 1000 and ngrams.end_rank - ngrams.start_rank <= 1
    ) as ranked
    where type_rank = 1

),

final as (

    select
        cleaned.source_hash,
        cleaned.title,
        coalesce(
            nullif(normalized_titles.normalized_title, ''),
            nullif(trim({{ regexp_replace_all('cleaned_title', '\\s+', ' ') }}), ''),
            cleaned.title
        ) as normalized_title,
        coalesce(seniorities.seniority, 'mid') as seniority,
        case when seniorities.seniority is null then 'default' else 'parsed_title' end as seniority_source,
        coalesce(role_families.role_family, 'other') as role_family,
        coalesce(role_families.role_family_source, 'none') as role_family_source,
        title_workplaces.title_workplace_type,
        title_employment_types.title_employment_type
    from cleaned
    left join normalized_titles
        on cleaned.source_hash = normalized_titles.source_hash
    left join seniorities
        on cleaned.source_hash = seniorities.source_hash
    left join role_families
        on cleaned.source_hash = role_families.source_hash
    left join title_workplaces
        on cleaned.source_hash = title_workplaces.source_hash
    left join title_employment_types
        on cleaned.source_hash = title_employment_types.source_hash

)

select * from final
