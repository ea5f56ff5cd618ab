{#-
    incremental_strategy(kind) -> the adapter's incremental strategy name for a kind of incremental model
    kind 'append_new': the batch holds only rows with keys the table does not have yet (append);
    kind 'replace_keys': the rows of every unique_key value in the batch are deleted, then the batch is
    inserted (DuckDB delete+insert; Spark merge). Models name the kind; engines choose how.
-#}
{% macro incremental_strategy(kind) -%}
    {{ return(adapter.dispatch('incremental_strategy', 'job_postings')(kind)) }}
{%- endmacro %}

{% macro default__incremental_strategy(kind) -%}
    {{ return({'append_new': 'append', 'replace_keys': 'delete+insert'}[kind]) }}
{%- endmacro %}

{% macro spark__incremental_strategy(kind) -%}
    {{ return({'append_new': 'append', 'replace_keys': 'merge'}[kind]) }}
{%- endmacro %}
