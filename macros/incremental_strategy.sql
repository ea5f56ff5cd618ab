{#-
    incremental_strategy(kind) -> the adapter's incremental strategy name for a kind of incremental model
    kind 'append_new': the batch holds only rows with keys the table does not have yet (append);
    kind 'replace_keys': the rows of every unique_key value in the batch are deleted, then the batch is
    inserted (DuckDB delete+insert); kind 'delete_then_append': a pre-hook deletes what the batch
    replaces, the batch is appended. Models name the kind; engines choose how, with
    incremental_materialization(kind) (Spark's Parquet tables cannot delete: those kinds build whole).
-#}
{% macro incremental_strategy(kind) -%}
    {{ return(adapter.dispatch('incremental_strategy', 'job_postings')(kind)) }}
{%- endmacro %}

{% macro default__incremental_strategy(kind) -%}
    {{ return({'append_new': 'append', 'replace_keys': 'delete+insert', 'delete_then_append': 'append'}[kind]) }}
{%- endmacro %}

{% macro spark__incremental_strategy(kind) -%}
    {#- only append_new is incremental on Spark (incremental_materialization); the others build whole -#}
    {{ return('append') }}
{%- endmacro %}
