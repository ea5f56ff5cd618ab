{#-
    register_landing_sources() -> nothing; run as `dbt run-operation register_landing_sources`
    On engines that cannot read Parquet files inside a query's from clause the way DuckDB's
    external_location does (Spark), creates one external Parquet table per source table of this project,
    named as source() renders it (<source name>.<table name>), over <landing_root>/<meta.landing_path>
    ("{name}" in the path is the table's name). Tables are dropped and created again, so a column that
    a newer landing version added is seen (mergeSchema). var landing_root defaults to
    $POSTINGS_DATA_DIR/landing; on a cluster point it at object storage (s3a://bucket/landing).
    On DuckDB it does nothing: sources there read the files directly.
-#}
{% macro register_landing_sources() -%}
    {{ return(adapter.dispatch('register_landing_sources', 'job_postings')()) }}
{%- endmacro %}

{% macro default__register_landing_sources() -%}
    {{ log("register_landing_sources: nothing to do on " ~ target.type ~ " (sources read the files)", info=true) }}
{%- endmacro %}

{% macro spark__register_landing_sources() -%}
    {%- set landing_root = var('landing_root', env_var('POSTINGS_DATA_DIR', 'data') ~ '/landing') -%}
    {%- for source in graph.sources.values() if source.package_name == project_name -%}
        {%- set landing_path = source.source_meta.get('landing_path') or source.meta.get('landing_path') -%}
        {%- if not landing_path -%}
            {{ exceptions.raise_compiler_error("source " ~ source.source_name ~ "." ~ source.name ~ " has no meta.landing_path") }}
        {%- endif -%}
        {%- set location = landing_root ~ '/' ~ landing_path.replace('{name}', source.name) -%}
        {%- set relation = source.schema ~ '.' ~ source.identifier -%}
        {% do run_query('create schema if not exists ' ~ source.schema) %}
        {% do run_query('drop table if exists ' ~ relation) %}
        {% do run_query(
            "create table " ~ relation ~ " using parquet options (path '" ~ location
            ~ "', recursiveFileLookup 'true', mergeSchema 'true')"
        ) %}
        {{ log("registered " ~ relation ~ " over " ~ location, info=true) }}
    {%- endfor -%}
{%- endmacro %}
