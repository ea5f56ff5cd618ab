{#-
    The salary of each distinct posting: structured fields first (source 'structured'), else the first
    plausible amount or range in the provider's salary text, then in the description (source
    'parsed_text'), else none. Min, max, currency and period are kept as stated; an unknown period
    stays unknown and is never annualized.

    Parsing rules (each candidate is one match of the pattern below: an amount or a range with a currency
    symbol or ISO code before or after it, and the word after it as a possible period):
    - amounts: '227,495', '60.000', '45 000' and '75k' are thousands, '12,00,000' is Indian grouping,
      '34.62' and '3.750,50' have decimals; 'k' applies to both ends of '$75 - $105k'.
    - period: the word after the amounts ('/hour', 'per year', 'an hour', 'monthly', 'p.a.'), else a
      period word in the 80 characters before ('hourly rate', 'annual salary'), looked up in
      salary_period_aliases; nothing found -> null.
    Rejected candidates:
    - no currency (a '401(k)', '20 days', '3+ years' never match), or an unknown currency code;
    - a bare four-digit amount from 1900 to 2100 (a year), a zero amount, min above max, max above
      five times min;
    - an amount outside the period's plausible range (salary_periods, scaled by the currency's
      approx_units_per_usd); with no period, outside every period's range ('$0.05', '$50M');
    - a single amount with neither a period nor a pay word (salary, pay, compensation, wage, rate,
      base, earn, Gehalt, salaire, ...) in the 80 characters before it ('a $500 learning budget',
      'up to $1,000 for your home office').
    The best candidate: a range before a single amount, then one with a period, then one with a pay
    word, then the earliest.
-#}
{%- set currency_before -%}(?:[A-Z]{1,3}\$|\$|€|£|¥|₹|₩|₪|₺|₱|₦|₫|฿|Fr\.|[A-Z]{3}\s?){%- endset -%}
{%- set currency_after -%}(?:€|£|\$|zł|kr\.?|Kč|[A-Z]{3}\b){%- endset -%}
{%- set amount -%}\d{1,3}(?:,\d{2})*(?:[,. \x{00a0}\x{202f}]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?{%- endset -%}
{%- set thousands -%}(?:\s?[kK]\b)?{%- endset -%}
{%- set range_separator -%}\s*(?:-|–|—|to|bis|à|and|y|e)\s*{%- endset -%}
{%- set period_word -%}(?:/\s?|per\s+|an\s+|a\s+|pro\s+|par\s+|por\s+|al\s+)?[A-Za-zÀ-ÿ.]{1,12}{%- endset -%}
{%- set currency_first -%}
(?P<cur_a>{{ currency_before }})(?P<low_a>{{ amount }})(?P<k_low_a>{{ thousands }})
(?:{{ range_separator }}(?:{{ currency_before }})?(?P<high_a>{{ amount }})(?P<k_high_a>{{ thousands }}))?
(?:\s?(?P<code_a>[A-Z]{3}\b))?(?:\s*(?P<period_a>{{ period_word }}))?
{%- endset -%}
{%- set currency_last -%}
(?P<low_b>{{ amount }})(?P<k_low_b>{{ thousands }})(?:\s?{{ currency_after }})?
(?:{{ range_separator }}(?P<high_b>{{ amount }})(?P<k_high_b>{{ thousands }}))?
\s?(?P<cur_b>{{ currency_after }})(?:\s*(?P<period_b>{{ period_word }}))?
{%- endset -%}
{#- one pattern: the pieces above without their line breaks, either alternative -#}
{%- set candidate_pattern = (currency_first ~ '|' ~ currency_last) | replace('\n', '') -%}
{%- set group_names = [
    'cur_a', 'low_a', 'k_low_a', 'high_a', 'k_high_a', 'code_a', 'period_a',
    'low_b', 'k_low_b', 'high_b', 'k_high_b', 'cur_b', 'period_b',
] -%}
{%- set pay_words -%}
(?i)\b(salary|salaries|pay|paid|compensation|wages?|rate|base|ote|earn|earnings
|gehalt|verg.tung|salaire|r.mun.ration|salario|sueldo|retribuzione|stipendio|salaris)\b
{%- endset -%}
{%- set pay_words = pay_words | replace('\n', '') -%}
{%- set period_words -%}(?i)(hourly|per hour|an hour|annual|annually|yearly|per year|a year|per annum|monthly|per month|a month|weekly|per week|daily|per day){%- endset -%}
{%- set up_to -%}(?i)(up to|bis zu|jusqu|hasta|max\.?|maximum)\s*${%- endset -%}
{%- set from_words -%}(?i)(from|starting at|starting from|ab|a partir de|desde|min\.?|minimum)\s*${%- endset -%}
{%- set year_like -%}^(19|20)\d\d${%- endset -%}
with

postings as (

    select
        source_hash,
        description_text,
        salary_min_stated,
        salary_max_stated,
        salary_currency_stated,
        salary_period_stated,
        salary_text_stated
    from {{ ref('int_postings_unioned') }}

),

salary_periods as (

    select * from {{ ref('salary_periods') }}

),

salary_period_aliases as (

    select * from {{ ref('salary_period_aliases') }}

),

currencies as (

    select * from {{ ref('currencies') }}

),

currency_symbols as (

    select * from {{ ref('currency_symbols') }}

),

texts as (

    select
        source_hash,
        1 as text_order,
        salary_text_stated as salary_text
    from postings
    where salary_text_stated is not null and salary_min_stated is null and salary_max_stated is null
    union all
    select
        source_hash,
        2 as text_order,
        description_text as salary_text
    from postings
    where description_text is not null and salary_min_stated is null and salary_max_stated is null

),

matches as (

    select
        source_hash,
        text_order,
        salary_text,
        {{ unnest_with_index('candidate_texts', 'candidate_text', 'candidate_index') }}
    from (
        select
            *,
            {{ regexp_matches_all('salary_text', candidate_pattern) }} as candidate_texts
        from texts
    ) as matched_texts

),

candidates as (

    select
        source_hash,
        text_order,
        candidate_index,
        trim(candidate_text) as candidate_text,
        candidate_groups,
        position(candidate_text in salary_text) as candidate_position,
        substring(
            salary_text,
            greatest(position(candidate_text in salary_text) - 80, 1),
            least(position(candidate_text in salary_text) - 1, 80)
        ) as text_before
    from (
        select
            *,
            {{ regexp_groups('candidate_text', candidate_pattern, group_names) }} as candidate_groups
        from matches
    ) as grouped

),

parts as (

    select
        candidates.source_hash,
        candidates.text_order,
        candidates.candidate_index,
        candidates.candidate_text,
        candidates.candidate_position,
        candidates.text_before,
        trim(coalesce(nullif(candidate_groups.cur_a, ''), nullif(candidate_groups.cur_b, ''))) as currency_text,
        nullif(candidate_groups.code_a, '') as currency_code_after,
        coalesce(nullif(candidate_groups.low_a, ''), nullif(candidate_groups.low_b, '')) as low_text,
        coalesce(nullif(candidate_groups.high_a, ''), nullif(candidate_groups.high_b, '')) as high_text,
        coalesce(nullif(candidate_groups.k_low_a, ''), nullif(candidate_groups.k_low_b, '')) is not null as is_low_thousands,
        coalesce(nullif(candidate_groups.k_high_a, ''), nullif(candidate_groups.k_high_b, '')) is not null as is_high_thousands,
        coalesce(nullif(candidate_groups.period_a, ''), nullif(candidate_groups.period_b, '')) as period_text_after,
        regexp_extract(lower(candidates.text_before), '{{ period_words }}', 1) as period_text_before,
        {{ regexp_contains('text_before', pay_words) }} as has_pay_word,
        {{ regexp_contains('text_before', up_to) }} as is_up_to,
        {{ regexp_contains('text_before', from_words) }} as is_from
    from candidates

),

amounts as (

    select
        parts.*,
        {{ parse_amount('low_text') }} as low_number,
        {{ parse_amount('high_text') }} as high_number,
        coalesce(after_period.salary_period, before_period.salary_period) as salary_period,
        after_period.salary_period is not null as after_period_key_found,
        coalesce(
            code_currencies.currency_code,
            code_after_currencies.currency_code,
            currency_symbols.currency_code
        ) as currency_code,
        code_currencies.currency_code is null
        and code_after_currencies.currency_code is null
        and coalesce(currency_symbols.is_generic, false) as is_currency_generic,
        {{ regexp_contains('parts.low_text', year_like) }}
        and not parts.is_low_thousands
        and parts.high_text is null as is_year_like
    from parts
    left join salary_period_aliases as after_period
        on {{ period_key('parts.period_text_after') }} = after_period.period_key
    left join salary_period_aliases as before_period
        on {{ period_key("nullif(parts.period_text_before, '')") }} = before_period.period_key
    left join currencies as code_currencies
        on parts.currency_text = code_currencies.currency_code
    left join currencies as code_after_currencies
        on parts.currency_code_after = code_after_currencies.currency_code
    left join currency_symbols
        on parts.currency_text = currency_symbols.currency_symbol

),

scaled as (

    -- 'k' on one end applies to the other when that one is small ('$75 - $105k')
    select
        amounts.*,
        amounts.low_number * case
            when amounts.is_low_thousands or (amounts.is_high_thousands and amounts.low_number < 1000) then 1000 else 1
        end as low_amount,
        amounts.high_number * case
            when amounts.is_high_thousands or (amounts.is_low_thousands and amounts.high_number < 1000) then 1000 else 1
        end as high_amount,
        coalesce(currencies.approx_units_per_usd, 1) as currency_scale
    from amounts
    left join currencies
        on amounts.currency_code = currencies.currency_code

),

checked as (

    select
        scaled.*,
        scaled.currency_code is not null
        and not scaled.is_year_like
        and scaled.low_amount > 0
        and (
            scaled.high_amount is null
            or (scaled.high_amount >= scaled.low_amount and scaled.high_amount <= 5 * scaled.low_amount)
        )
        and (scaled.high_amount is not null or scaled.salary_period is not null or scaled.has_pay_word)
        and exists (
            select 1
            from salary_periods
            where
                (scaled.salary_period is null or salary_periods.salary_period = scaled.salary_period)
                and scaled.low_amount >= salary_periods.min_plausible_amount * scaled.currency_scale
                and coalesce(scaled.high_amount, scaled.low_amount) <= salary_periods.max_plausible_amount * scaled.currency_scale
        ) as is_plausible
    from scaled

),

best_parsed as (

    select *
    from (
        select
            *,
            row_number() over (
                partition by source_hash
                order by
                    text_order,
                    case when high_amount is not null then 0 else 1 end,
                    case when salary_period is not null then 0 else 1 end,
                    case when has_pay_word then 0 else 1 end,
                    candidate_position,
                    candidate_index
            ) as candidate_rank
        from checked
        where is_plausible
    ) as ranked
    where candidate_rank = 1

),

structured as (

    select
        postings.source_hash,
        coalesce(
            postings.salary_text_stated,
            trim(concat_ws(
                ' ',
                concat_ws(' - ', cast(postings.salary_min_stated as string), cast(postings.salary_max_stated as string)),
                postings.salary_currency_stated,
                postings.salary_period_stated
            ))
        ) as salary_raw,
        postings.salary_min_stated as salary_min,
        postings.salary_max_stated as salary_max,
        upper(nullif(trim(postings.salary_currency_stated), '')) as salary_currency,
        salary_period_aliases.salary_period,
        false as is_currency_generic
    from postings
    left join salary_period_aliases
        on {{ period_key('postings.salary_period_stated') }} = salary_period_aliases.period_key
    where postings.salary_min_stated is not null or postings.salary_max_stated is not null

),

parsed as (

    select
        source_hash,
        -- the word after the amounts belongs to the salary only when it is a period
        trim({{ regexp_replace_all(
            "case when after_period_key_found then candidate_text else left(candidate_text, length(candidate_text) - length(coalesce(period_text_after, ''))) end",
            '[\\s.,;:]+$', ''
        ) }}) as salary_raw,
        case when high_amount is null and is_up_to then null else low_amount end as salary_min,
        case when high_amount is null and is_from and not is_up_to then null else coalesce(high_amount, low_amount) end
            as salary_max,
        currency_code as salary_currency,
        salary_period,
        is_currency_generic
    from best_parsed

),

combined as (

    select
        *,
        'structured' as salary_source
    from structured
    union all
    select
        *,
        'parsed_text' as salary_source
    from parsed

),

final as (

    select
        postings.source_hash,
        combined.salary_raw,
        combined.salary_min,
        combined.salary_max,
        combined.salary_currency,
        combined.salary_period,
        round(combined.salary_min * salary_periods.annualization_factor, 2) as salary_annual_min,
        round(combined.salary_max * salary_periods.annualization_factor, 2) as salary_annual_max,
        coalesce(combined.is_currency_generic, false) as is_salary_currency_generic,
        coalesce(combined.salary_source, 'none') as salary_source
    from postings
    left join combined
        on postings.source_hash = combined.source_hash
    left join salary_periods
        on combined.salary_period = salary_periods.salary_period

)

select * from final
