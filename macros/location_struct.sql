{#-
    location_struct(text, city='null', region='null', country='null', country_code='null',
                    is_remote='null') -> struct
    One stated location in the common schema's shape (field order and types fixed, so every
    provider's `locations` list unions): raw text, city, region (name or code as stated), country
    (name as stated), ISO 3166-1 alpha-2 country code (uppercased), the provider's remote flag.
    Arguments are SQL expressions.
-#}
{% macro location_struct(text, city='null', region='null', country='null', country_code='null', is_remote='null') -%}
    {{ return(adapter.dispatch('location_struct', 'job_postings')(text, city, region, country, country_code, is_remote)) }}
{%- endmacro %}

{% macro default__location_struct(text, city, region, country, country_code, is_remote) -%}
    struct_pack(
        text := nullif(trim(cast({{ text }} as string)), ''),
        city := nullif(trim(cast({{ city }} as string)), ''),
        region := nullif(trim(cast({{ region }} as string)), ''),
        country := nullif(trim(cast({{ country }} as string)), ''),
        country_code := upper(nullif(trim(cast({{ country_code }} as string)), '')),
        is_remote := cast({{ is_remote }} as boolean)
    )
{%- endmacro %}

{% macro spark__location_struct(text, city, region, country, country_code, is_remote) -%}
    named_struct(
        'text', nullif(trim(cast({{ text }} as string)), ''),
        'city', nullif(trim(cast({{ city }} as string)), ''),
        'region', nullif(trim(cast({{ region }} as string)), ''),
        'country', nullif(trim(cast({{ country }} as string)), ''),
        'country_code', upper(nullif(trim(cast({{ country_code }} as string)), '')),
        'is_remote', cast({{ is_remote }} as boolean)
    )
{%- endmacro %}
