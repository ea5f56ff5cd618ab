{#-
    incremental_materialization(kind) -> 'incremental' or 'table'
    How a model that is incremental on DuckDB materializes on the current engine, for a kind of
    incremental_strategy(kind). Kinds that delete rows (replace_keys, delete_then_append) need DELETE,
    which Spark's plain Parquet tables lack: there the model is rebuilt whole on every run (a full-
    refresh build, same result). append_new stays incremental everywhere (append).
-#}
{% macro incremental_materialization(kind) -%}
    {{ return(adapter.dispatch('incremental_materialization', 'job_postings')(kind)) }}
{%- endmacro %}

{% macro default__incremental_materialization(kind) -%}
    {{ return('incremental') }}
{%- endmacro %}

{% macro spark__incremental_materialization(kind) -%}
    {{ return('incremental' if kind == 'append_new' else 'table') }}
{%- endmacro %}
