"""Lint check: model and test SQL holds no DuckDB-only syntax (the project also builds on Spark).

Engine-specific SQL lives in dispatched macros (default__ for DuckDB, spark__ for Spark); models call
them. This check reads each .sql file under the given folders with Jinja, comments, string literals and
quoted identifiers blanked out, and reports what is left that only DuckDB understands (or that means
something else on Spark, such as a list index: 1-based in DuckDB, 0-based in Spark).

    python -m postings.portability models tests/dbt analyses
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    reason: str


def _rule(pattern: str, reason: str) -> Rule:
    return Rule(re.compile(pattern, re.IGNORECASE), reason)


DUCKDB_ONLY_FUNCTIONS = (
    "array_length",
    "array_to_string",
    "arg_max",
    "arg_min",
    "date_diff",
    "datediff",
    "epoch_ms",
    "generate_subscripts",
    "json_extract",
    "json_extract_string",
    "json_object",
    "len",
    "list",
    "list_value",
    "make_timestamp",
    "median",
    "read_csv",
    "read_json",
    "read_parquet",
    "regexp_full_match",
    "regexp_matches",
    "str_split",
    "strftime",
    "string_agg",
    "string_split",
    "strptime",
    "struct_pack",
    "timezone",
    "unnest",
)

RULES: tuple[Rule, ...] = (
    _rule(r"::", "a :: cast: write cast(x as type)"),
    _rule(
        r"\blambda\b|->>?",
        "a lambda or arrow operator: use a dispatched macro (list_transform_items, json_text)",
    ),
    _rule(
        r"\blist_\w+\s*\(", "a DuckDB list_* function: use the list macros (list_length, list_contains, ...)"
    ),
    _rule(
        r"\b(" + "|".join(DUCKDB_ONLY_FUNCTIONS) + r")\s*\(",
        "a DuckDB-only function: use the macro of macros/_macros.yml that renders it per engine",
    ),
    _rule(r"[\[\]]", "a list literal or index (DuckDB counts from 1, Spark from 0): use a macro"),
    _rule(r"[{}]", "a struct literal: use a macro (location_struct, make_list)"),
    _rule(r"\b(group|order)\s+by\s+all\b", "group by all / order by all: list the columns"),
    _rule(r"\*\s*(exclude|replace|rename)\s*\(", "select * exclude/replace/rename: list the columns"),
    _rule(r"\bqualify\b", "qualify: filter a window function in the next CTE"),
    _rule(r"\bvarchar\b", "varchar: write string (a type name both engines accept)"),
    _rule(r"\bilike\b", "ilike: compare lower() values"),
    _rule(r"\binterval\s+'", "a quoted interval: write interval <n> <unit> or use days_before"),
)

_BLANKED = (
    re.compile(r"\{#.*?#\}", re.DOTALL),  # Jinja comments
    # text captured into a Jinja variable (regex patterns), then any other Jinja statement
    re.compile(r"\{%-?\s*set\s+\w+\s*-?%\}.*?\{%-?\s*endset\s*-?%\}", re.DOTALL),
    re.compile(r"\{%.*?%\}", re.DOTALL),
    re.compile(r"/\*.*?\*/", re.DOTALL),  # block comments
    re.compile(r"--[^\n]*"),  # line comments
    re.compile(r"'(?:[^']|'')*'"),  # string literals
    re.compile(r'"(?:[^"]|"")*"'),  # quoted identifiers
)


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    text: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}: {self.text.strip()}"


def _spaces(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _blank_expressions(sql: str) -> str:
    """Jinja expressions ({{ ... }}, nested ones included) as spaces: macro calls render per engine."""
    out: list[str] = []
    depth = index = 0
    while index < len(sql):
        pair = sql[index : index + 2]
        if pair == "{{" or (pair == "}}" and depth):
            depth += 1 if pair == "{{" else -1
            out.append("  ")
            index += 2
            continue
        out.append(_spaces(sql[index]) if depth else sql[index])
        index += 1
    return "".join(out)


def _blank(sql: str) -> str:
    """``sql`` with Jinja, comments, literals and quoted names replaced by spaces (line breaks kept,
    so line numbers still point at the source)."""
    for pattern in _BLANKED[:3]:
        sql = pattern.sub(lambda match: _spaces(match.group(0)), sql)
    sql = _blank_expressions(sql)
    for pattern in _BLANKED[3:]:
        sql = pattern.sub(lambda match: _spaces(match.group(0)), sql)
    return sql


def check_sql(path: Path, sql: str) -> list[Finding]:
    """Every DuckDB-only construct left in ``sql`` once Jinja, comments and literals are blanked."""
    findings = []
    source_lines = sql.splitlines()
    for number, line in enumerate(_blank(sql).splitlines(), start=1):
        for rule in RULES:
            if rule.pattern.search(line):
                findings.append(Finding(path, number, source_lines[number - 1], rule.reason))
    return findings


def check_folders(folders: Iterable[Path]) -> list[Finding]:
    findings = []
    for folder in folders:
        if not folder.exists():
            raise FileNotFoundError(f"{folder}: no such folder")
        for path in sorted(folder.rglob("*.sql")):
            findings += check_sql(path, path.read_text(encoding="utf-8"))
    return findings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m postings.portability",
        description="Report DuckDB-only SQL in model and test files (engine-specific SQL belongs in "
        "dispatched macros).",
    )
    parser.add_argument("folders", nargs="+", type=Path, help="folders to check (.sql files, recursively)")
    args = parser.parse_args(argv)
    try:
        findings = check_folders(args.folders)
    except FileNotFoundError as error:
        print(f"portability: {error}", file=sys.stderr)
        return 2
    for finding in findings:
        print(finding)
    checked = ", ".join(str(folder) for folder in args.folders)
    if findings:
        print(f"portability: {len(findings)} DuckDB-only constructs in {checked}", file=sys.stderr)
        return 1
    print(f"portability: no DuckDB-only SQL in {checked}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
