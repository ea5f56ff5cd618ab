{#-
    Every enriched field of each distinct posting (content-addressed: each payload is enriched once), with
    where each value came from.

    - Location: the first parsed location that is not a placeholder ("2 Locations") is the primary one;
      country_codes lists the countries of all of them.
    - Work model: the provider's own workplace field (workplace_types seed; Ashby workplaceType, Lever
      workplaceType, Workable workplace, Greenhouse metadata, provider flags), never Ashby isRemote;
      else a remote / hybrid / onsite marker in a location ("Hybrid - London"), then in the title
      ("Engineer (Remote)"); else unknown. is_remote means workplace_type = 'remote'.
    - Employment type: every type the posting names, in its employment field (employment_types seed;
      'permanent, part-time' names two) and in its title (Intern, Werkstudent, Seasonal), and the most
      specific one wins (highest precedence: internship, temporary, contract, part-time, full-time), so
      a Workday 'Full time' schedule on an 'Engineering Intern' title is an internship; source 'stated'
      unless only the title named the winner; none named -> unknown.
    - Language: the provider's code, unless the text clearly says otherwise; the text: three Hangul
      syllables in a row in the first 300 characters -> ko, three kana -> ja, three Han characters (and
      no kana) -> zh, else the language_hints word counts of the first 1,000 characters of title and
      description (at least 5 hits and twice the runner-up).
    - Salary: a generic symbol ('$', '¥', 'kr') is the currency of the job's country when that currency
      uses the symbol ('$' in Canada is CAD), else the symbol's usual currency.
    - Launch scope: included when the language is English and a location is in the US or Canada.
-#}
{%- set hangul_word -%}[\x{AC00}-\x{D7AF}]{3}{%- endset -%}
{%- set kana_word -%}[\x{3040}-\x{30FF}]{3}{%- endset -%}
{%- set han_word -%}[\x{4E00}-\x{9FFF}]{3}{%- endset -%}
with

postings as (

    select
        source_hash,
        provider,
        title,
        employment_type_raw,
        workplace_type_raw,
        language_stated,
        description_text
    from {{ ref('int_postings_unioned') }}

),

locations as (

    select * from {{ ref('int_posting_locations_parsed') }}

),

titles as (

    select * from {{ ref('int_posting_titles_normalized') }}

),

salaries as (

    select * from {{ ref('int_posting_salaries_parsed') }}

),

workplace_types as (

    select * from {{ ref('workplace_types') }}

),

location_keywords as (

    select * from {{ ref('location_keywords') }}

),

employment_types as (

    select * from {{ ref('employment_types') }}

),

language_hints as (

    select * from {{ ref('language_hints') }}

),

countries as (

    select * from {{ ref('countries') }}

),

currencies as (

    select * from {{ ref('currencies') }}

),

currency_symbols as (

    select * from {{ ref('currency_symbols') }}

),

primary_locations as (

    select *
    from (
        select
            *,
            row_number() over (
                partition by source_hash
                order by case when is_placeholder then 1 else 0 end, location_index
            ) as location_rank
        from locations
    ) as ranked
    where location_rank = 1

),

location_summaries as (

    select
        source_hash,
        {{ list_agg_distinct('country_code') }} as country_codes,
        min(case when workplace_marker is not null then location_index end) as first_marked_location
    from locations
    group by source_hash

),

location_workplaces as (

    select
        location_summaries.source_hash,
        location_summaries.country_codes,
        locations.workplace_marker as location_workplace_type
    from location_summaries
    left join locations
        on
            location_summaries.source_hash = locations.source_hash
            and location_summaries.first_marked_location = locations.location_index

),

stated_workplace_words as (

    -- a stated value that is not a known whole value ('Remote - US') is read word by word
    select
        words.source_hash,
        case
            when bool_or(location_keywords.keyword_kind = 'hybrid') then 'hybrid'
            when bool_or(location_keywords.keyword_kind = 'remote') then 'remote'
            when bool_or(location_keywords.keyword_kind = 'onsite') then 'onsite'
        end as workplace_type
    from (
        select
            source_hash,
            {{ unnest_with_index('workplace_words', 'word', 'word_index') }}
        from (
            select
                source_hash,
                {{ regexp_split('workplace_key', ' ') }} as workplace_words
            from (
                select
                    source_hash,
                    {{ name_key('workplace_type_raw') }} as workplace_key
                from postings
                where workplace_type_raw is not null
            ) as keyed_values
        ) as split_values
    ) as words
    inner join location_keywords
        on words.word = location_keywords.keyword
    group by words.source_hash

),

stated_workplaces as (

    select
        postings.source_hash,
        coalesce(workplace_types.workplace_type, stated_workplace_words.workplace_type) as workplace_type
    from postings
    left join workplace_types
        on {{ regexp_replace_all('lower(postings.workplace_type_raw)', '[^a-z]', '') }} = workplace_types.workplace_key
    left join stated_workplace_words
        on postings.source_hash = stated_workplace_words.source_hash
    where postings.workplace_type_raw is not null

),

stated_employment_types as (

    select
        source_hash,
        employment_type,
        precedence
    from (
        select
            pieces.source_hash,
            employment_types.employment_type,
            employment_types.precedence,
            row_number() over (
                partition by pieces.source_hash order by employment_types.precedence desc
            ) as type_rank
        from (
            select
                source_hash,
                {{ unnest_with_index('employment_pieces', 'piece', 'piece_index') }}
            from (
                select
                    source_hash,
                    {{ regexp_split('lower(employment_type_raw)', '\\s*[,;/|+&]\\s*|\\s+-\\s+|\\s+and\\s+') }}
                        as employment_pieces
                from postings
                where employment_type_raw is not null
            ) as split_values
            union all
            select
                source_hash,
                employment_type_raw as piece,
                0 as piece_index
            from postings
            where employment_type_raw is not null
        ) as pieces
        inner join employment_types
            on {{ regexp_replace_all('lower(pieces.piece)', '[^a-z0-9]', '') }} = employment_types.employment_key
    ) as ranked
    where type_rank = 1

),

employment_type_precedences as (

    select
        employment_type,
        max(precedence) as precedence
    from employment_types
    group by employment_type

),

employment_choices as (

    -- the title's type wins over the stated one only when it is more specific
    select
        postings.source_hash,
        case
            when
                titles.title_employment_type is not null
                and title_precedences.precedence > coalesce(stated_employment_types.precedence, 0)
                then titles.title_employment_type
            when stated_employment_types.employment_type != 'unknown' then stated_employment_types.employment_type
            else 'unknown'
        end as employment_type,
        case
            when
                titles.title_employment_type is not null
                and title_precedences.precedence > coalesce(stated_employment_types.precedence, 0)
                then 'parsed_title'
            when stated_employment_types.employment_type != 'unknown' then 'stated'
            else 'none'
        end as employment_type_source
    from postings
    left join stated_employment_types
        on postings.source_hash = stated_employment_types.source_hash
    left join titles
        on postings.source_hash = titles.source_hash
    left join employment_type_precedences as title_precedences
        on titles.title_employment_type = title_precedences.employment_type

),

language_samples as (

    select
        source_hash,
        language_stated,
        left(concat_ws(' ', title, description_text), 1000) as sample_text
    from postings

),

script_languages as (

    select
        source_hash,
        case
            when {{ regexp_contains('left(sample_text, 300)', hangul_word) }} then 'ko'
            when {{ regexp_contains('left(sample_text, 300)', kana_word) }} then 'ja'
            when {{ regexp_contains('left(sample_text, 300)', han_word) }} then 'zh'
        end as script_language
    from language_samples

),

hint_counts as (

    select
        words.source_hash,
        language_hints.language_code,
        count(*) as hits
    from (
        select
            source_hash,
            {{ unnest_with_index('sample_words', 'word', 'word_index') }}
        from (
            select
                source_hash,
                {{ text_split(regexp_replace_all('lower(sample_text)', '[^\\pL]+', ' '), ' ') }} as sample_words
            from language_samples
        ) as split_samples
    ) as words
    inner join language_hints
        on words.word = language_hints.hint_word
    group by words.source_hash, language_hints.language_code

),

hint_languages as (

    select
        source_hash,
        case when best_hits >= 5 and best_hits >= 2 * coalesce(second_hits, 0) then language_code end as hint_language
    from (
        select
            source_hash,
            language_code,
            hits as best_hits,
            lead(hits) over (partition by source_hash order by hits desc, language_code asc) as second_hits,
            row_number() over (partition by source_hash order by hits desc, language_code asc) as hint_rank
        from hint_counts
    ) as ranked
    where hint_rank = 1

),

languages as (

    select
        language_samples.source_hash,
        lower(left(nullif(trim(language_samples.language_stated), ''), 2)) as stated_language,
        coalesce(script_languages.script_language, hint_languages.hint_language) as text_language
    from language_samples
    left join script_languages
        on language_samples.source_hash = script_languages.source_hash
    left join hint_languages
        on language_samples.source_hash = hint_languages.source_hash

),

enriched as (

    select
        postings.source_hash,
        postings.provider,
        titles.normalized_title,
        coalesce(titles.seniority, 'mid') as seniority,
        coalesce(titles.seniority_source, 'none') as seniority_source,
        coalesce(titles.role_family, 'other') as role_family,
        coalesce(titles.role_family_source, 'none') as role_family_source,
        primary_locations.city,
        primary_locations.region_code,
        primary_locations.country_code,
        primary_locations.macro_region,
        primary_locations.location_confidence,
        primary_locations.location_method,
        primary_locations.match_level as location_match_level,
        location_workplaces.country_codes,
        case
            when stated_workplaces.workplace_type in ('remote', 'hybrid', 'onsite') then stated_workplaces.workplace_type
            when location_workplaces.location_workplace_type is not null then location_workplaces.location_workplace_type
            when titles.title_workplace_type is not null then titles.title_workplace_type
            else 'unknown'
        end as workplace_type,
        case
            when stated_workplaces.workplace_type in ('remote', 'hybrid', 'onsite') then 'stated'
            when location_workplaces.location_workplace_type is not null then 'parsed_location'
            when titles.title_workplace_type is not null then 'parsed_title'
            else 'none'
        end as workplace_type_source,
        employment_choices.employment_type,
        employment_choices.employment_type_source,
        salaries.salary_raw,
        salaries.salary_min,
        salaries.salary_max,
        case
            when salaries.is_salary_currency_generic and country_currencies.local_symbol = generic_symbols.currency_symbol
                then country_currencies.currency_code
            else salaries.salary_currency
        end as salary_currency,
        salaries.salary_period,
        salaries.salary_annual_min,
        salaries.salary_annual_max,
        salaries.salary_source,
        case
            when
                languages.stated_language is not null
                and (languages.text_language is null or languages.text_language = languages.stated_language)
                then languages.stated_language
            else languages.text_language
        end as language,
        case
            when
                languages.stated_language is not null
                and (languages.text_language is null or languages.text_language = languages.stated_language)
                then 'stated'
            when languages.text_language is not null then 'parsed_text'
            else 'none'
        end as language_source
    from postings
    left join titles
        on postings.source_hash = titles.source_hash
    left join primary_locations
        on postings.source_hash = primary_locations.source_hash
    left join location_workplaces
        on postings.source_hash = location_workplaces.source_hash
    left join stated_workplaces
        on postings.source_hash = stated_workplaces.source_hash
    left join employment_choices
        on postings.source_hash = employment_choices.source_hash
    left join salaries
        on postings.source_hash = salaries.source_hash
    left join countries
        on primary_locations.country_code = countries.country_code
    left join currencies as country_currencies
        on countries.currency_code = country_currencies.currency_code
    left join currency_symbols as generic_symbols
        on
            salaries.salary_currency = generic_symbols.currency_code
            and generic_symbols.is_generic
    left join languages
        on postings.source_hash = languages.source_hash

),

final as (

    select
        *,
        workplace_type = 'remote' as is_remote,
        coalesce(language = 'en' and has_us_or_canada_location, false) as launch_scope_included,
        case
            when language = 'en' and has_us_or_canada_location then 'english_us_canada'
            when language is null then 'language_unknown'
            when language != 'en' then 'language_not_english'
            when country_codes is null or {{ list_length('country_codes') }} = 0 then 'country_unknown'
            else 'outside_us_canada'
        end as launch_scope_reason,
        '{{ var("parser_version") }}' as parser_version
    from (
        select
            *,
            coalesce(
                {{ list_contains('country_codes', "'US'") }} or {{ list_contains('country_codes', "'CA'") }},
                false
            ) as has_us_or_canada_location
        from enriched
    ) as with_scope

)

select * from final
