{#-
    lifecycle_rule_key() -> a SQL string literal
    The lifecycle vars that change events without changing fetch health, as text. The incremental
    lifecycle models recompute every board when it differs from the one their last build used.
-#}
{% macro lifecycle_rule_key() -%}
    'close_after_missing_fetches={{ var("close_after_missing_fetches") }}'
{%- endmacro %}
