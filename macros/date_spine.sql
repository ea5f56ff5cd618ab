{#-
    date_spine(start_date, end_date) -> set-returning expression (one date per row)
    Every date from `start_date` to `end_date` inclusive, as a select-list expression that yields one
    row per date: `select {{ date_spine('first_date', 'last_date') }} as date_day from bounds`.
-#}
{% macro date_spine(start_date, end_date) -%}
    {{ return(adapter.dispatch('date_spine', 'job_postings')(start_date, end_date)) }}
{%- endmacro %}

{% macro default__date_spine(start_date, end_date) -%}
    cast(unnest(generate_series(cast({{ start_date }} as date), cast({{ end_date }} as date), interval 1 day)) as date)
{%- endmacro %}

{% macro spark__date_spine(start_date, end_date) -%}
    explode(sequence(cast({{ start_date }} as date), cast({{ end_date }} as date), interval 1 day))
{%- endmacro %}
