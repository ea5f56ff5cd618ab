"""Job postings warehouse: raw ATS payloads -> Parquet landing -> dbt on DuckDB -> served file."""

__version__ = "0.1.0"
