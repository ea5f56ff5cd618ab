{#-
    normalize_title_for_matching(expression) -> varchar
    A job title reduced for repost matching: lowercased, every run of characters that are not letters,
    digits, '+' or '#' (punctuation, whitespace) turned into one space, trimmed. Seniority words are
    kept ("Senior Data-Engineer " -> "senior data engineer"). The sample oracle
    (postings.sample.oracle.title_key) implements the same. Replace with the enrichment's
    normalized_title once it is merged (see docs/contracts.md section 3).
-#}
{% macro normalize_title_for_matching(expression) -%}
    {{ return(adapter.dispatch('normalize_title_for_matching', 'job_postings')(expression)) }}
{%- endmacro %}

{% macro default__normalize_title_for_matching(expression) -%}
    trim(regexp_replace(lower({{ expression }}), '[^\p{L}\p{N}+#]+', ' ', 'g'))
{%- endmacro %}

{% macro spark__normalize_title_for_matching(expression) -%}
    trim(regexp_replace(lower({{ expression }}), '[^\p{L}\p{N}+#]+', ' '))
{%- endmacro %}
