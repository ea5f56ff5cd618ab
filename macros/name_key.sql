{#-
    name_key(expression) -> varchar
    The matching key of a name or free text: lowercase, accents folded (ß, ł, ø, æ, đ spelled out),
    every run of characters other than a-z and 0-9 turned into one space, trimmed. 'München' -> 'munchen',
    'Winston-Salem' -> 'winston salem', 'Washington, D.C.' -> 'washington d c'. Seeds and texts are keyed
    with this one macro, so they always agree.
-#}
{% macro name_key(expression) -%}
    {{ return(adapter.dispatch('name_key', 'job_postings')(expression)) }}
{%- endmacro %}

{% macro default__name_key(expression) -%}
    trim(regexp_replace(
        strip_accents(
            replace(replace(replace(replace(replace(lower({{ expression }}), 'ß', 'ss'), 'ł', 'l'), 'ø', 'o'), 'æ', 'ae'), 'đ', 'd')
        ),
        '[^a-z0-9]+', ' ', 'g'
    ))
{%- endmacro %}

{% macro spark__name_key(expression) -%}
    trim(regexp_replace(
        translate(
            replace(replace(lower({{ expression }}), 'ß', 'ss'), 'æ', 'ae'),
            'àáâãäåāăąçćčďđèéêëēėęěìíîïīįıłñńňòóôõöøōőùúûüūůűųýÿžźżśšşřťţğ',
            'aaaaaaaaacccddeeeeeeeeiiiiiiilnnnoooooooouuuuuuuuyyzzzsssrttg'
        ),
        '[^a-z0-9]+', ' '
    ))
{%- endmacro %}
