{#-
    join_workplace_phrases(expression) -> varchar
    Text already folded by name_key with its multi-word work-model phrases written as one word, so a
    word lookup finds them: 'work from home' -> 'wfh', 'on site' -> 'onsite', 'in office' ->
    'inoffice', 'in person' -> 'inperson', 'home office' -> 'homeoffice', 'home based' -> 'homebased',
    'office based' -> 'officebased'. Plain replace() calls, portable as they are.
-#}
{% macro join_workplace_phrases(expression) -%}
    {%- set phrases = [
        ('work from home', 'wfh'), ('on site', 'onsite'), ('in office', 'inoffice'), ('in person', 'inperson'),
        ('home office', 'homeoffice'), ('home based', 'homebased'), ('office based', 'officebased'),
    ] -%}
    {%- set ns = namespace(sql="' ' || " ~ expression ~ " || ' '") -%}
    {%- for phrase, word in phrases -%}
        {%- set ns.sql = "replace(" ~ ns.sql ~ ", ' " ~ phrase ~ " ', ' " ~ word ~ " ')" -%}
    {%- endfor -%}
    trim({{ ns.sql }})
{%- endmacro %}
