{#-
    parse_amount(expression) -> double
    A money amount as written ('227,495', '60.000', '45 000', '12,00,000', '34.62', '3.750,50',
    '100000') to a number. A separator (comma, dot, space) followed by exactly three digits separates
    thousands (Indian two-digit groups before them too); a final separator followed by one or two
    digits is the decimal point. Text that is no amount gives null.
-#}
{% macro parse_amount(expression) -%}
    {%- set grouped -%}^\d{1,3}(?:,\d{2})*(?:[,. \x{00a0}\x{202f}]\d{3})+${%- endset -%}
    {%- set grouped_decimal -%}^\d{1,3}(?:,\d{2})*(?:[,. \x{00a0}\x{202f}]\d{3})+[.,]\d{1,2}${%- endset -%}
    {%- set plain_decimal -%}^\d+[.,]\d{1,2}${%- endset -%}
    case
        when {{ regexp_contains(expression, grouped) }}
            then try_cast({{ regexp_replace_all(expression, '[^0-9]', '') }} as double)
        when {{ regexp_contains(expression, grouped_decimal) }}
            then try_cast(
                {{ regexp_replace_all(regexp_replace_all(expression, '[.,]([0-9]{1,2})$', ''), '[^0-9]', '') }}
                || '.' || regexp_extract({{ expression }}, '[.,]([0-9]{1,2})$', 1)
                as double
            )
        when {{ regexp_contains(expression, plain_decimal) }}
            then try_cast(replace({{ expression }}, ',', '.') as double)
        else try_cast({{ expression }} as double)
    end
{%- endmacro %}
