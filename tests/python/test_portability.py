"""The portability lint (postings.portability): DuckDB-only SQL in models is reported, Jinja, comments
and literals are not, and the project's own models and tests are clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from postings.paths import PROJECT_DIR
from postings.portability import check_folders, check_sql, main


@pytest.mark.parametrize(
    "sql",
    [
        "select x::integer as y from t",
        "select list_transform(xs, lambda x: x + 1) as ys from t",
        "select split(name, ' ')[1] as first_word from t",
        "select ['a', 'b'] as letters",
        "select {'a': 1} as record",
        "select json_extract_string(payload, '$.id') as id from t",
        "select payload ->> '$.id' as id from t",
        "select * exclude (payload) from t",
        "select a, count(*) as n from t group by all",
        "select cast(a as varchar) as b from t",
        "select median(a) as m from t",
        "select unnest(xs) as x from t",
        "select strftime(at, '%Y') as year from t",
        "select a from t qualify row_number() over (partition by a order by b) = 1",
    ],
)
def test_duckdb_only_sql_is_reported(sql: str) -> None:
    findings = check_sql(Path("model.sql"), f"with t as (select 1 as a)\n{sql}\n")
    assert findings, sql
    assert all(finding.line == 2 for finding in findings)


def test_jinja_comments_and_literals_are_not_sql() -> None:
    sql = """{#- a list: [1, 2] -#}
{%- set pattern -%}[A-Z]{3}\\b{%- endset -%}
{{ config(pre_hook="{% if is_incremental() %}{{ delete_rows() }}{% endif %}") }}
-- list_value(1) in a comment
select
    {{ list_length('xs') }} as n,  /* xs[1] */
    regexp_extract(text, '[a-z]{2}', 0) as code,
    "odd[name]" as quoted
from t
"""
    assert check_sql(Path("model.sql"), sql) == []


def test_the_project_sql_is_portable(capsys: pytest.CaptureFixture[str]) -> None:
    folders = [PROJECT_DIR / "models", PROJECT_DIR / "tests" / "dbt", PROJECT_DIR / "analyses"]
    assert check_folders(folders) == []
    assert main([str(folder) for folder in folders]) == 0
    assert "no DuckDB-only SQL" in capsys.readouterr().out


def test_a_missing_folder_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nowhere")]) == 2
    assert "nowhere: no such folder" in capsys.readouterr().err
