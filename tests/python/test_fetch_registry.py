"""The board registry (seeds/job_boards.csv): loading, validation, and one provider list everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from postings.fetch.boards import (
    COLUMNS,
    DEFAULT_BOARDS_CSV,
    BoardRegistryError,
    load_boards,
    select_boards,
    token_problem,
)
from postings.fetch.plans import PLANS
from postings.paths import PROJECT_DIR
from postings.providers import ADAPTERS
from postings.registry import PROVIDERS

HEADER = ",".join(COLUMNS)


def registry(tmp_path: Path, *lines: str, header: str = HEADER) -> Path:
    path = tmp_path / "boards.csv"
    path.write_text("\n".join([header, *lines]) + "\n")
    return path


def row(provider: str, board: str, *options: str, name: str = "Acme", domain: str = "acme.com") -> str:
    values = [provider, board, name, domain, *options]
    return ",".join(values + [""] * (len(COLUMNS) - len(values)))


def workday_row(
    board: str, host: str = "acme.wd5.myworkdayjobs.com", tenant: str = "", site: str = "Ext"
) -> str:
    return ",".join(["workday", board, "Acme", "acme.com", "", "", "", host, tenant, site])


def test_the_seed_loads_and_covers_several_providers() -> None:
    boards = load_boards()
    assert DEFAULT_BOARDS_CSV == PROJECT_DIR / "seeds" / "job_boards.csv"
    assert {("greenhouse", "vercel"), ("lever", "spotify")} <= {(b.provider, b.board) for b in boards}
    assert len({b.provider for b in boards}) >= 5
    nvidia = next(b for b in boards if b.provider == "workday")
    assert (nvidia.workday_host, nvidia.workday_tenant, nvidia.workday_site) == (
        "nvidia.wd5.myworkdayjobs.com",
        "nvidia",
        "NVIDIAExternalCareerSite",
    )


def test_one_provider_list_for_registry_fetcher_landing_and_dbt() -> None:
    assert set(PLANS) == set(PROVIDERS)
    assert set(ADAPTERS) <= set(PROVIDERS)
    properties = yaml.safe_load((PROJECT_DIR / "seeds" / "_job_boards.yml").read_text())
    (seed,) = properties["seeds"]
    columns = {column["name"]: column for column in seed["columns"]}
    assert list(columns) == list(COLUMNS)
    accepted = next(
        test["accepted_values"]["arguments"]["values"]
        for test in columns["provider"]["data_tests"]
        if isinstance(test, dict) and "accepted_values" in test
    )
    assert tuple(accepted) == PROVIDERS


def test_options_are_resolved_with_defaults(tmp_path: Path) -> None:
    path = registry(
        tmp_path,
        row("lever", "eu-co", "eu"),
        row("lever", "us-co"),
        row("personio", "pco", "", "com"),
        row("workable", "wco", "", "", "v3"),
        workday_row("acme"),
        workday_row("beta", tenant="betacorp"),
    )
    boards = {b.board: b for b in load_boards(path)}
    assert boards["eu-co"].lever_instance == "eu" and boards["us-co"].lever_instance == "global"
    assert boards["pco"].personio_domain == "com"
    assert boards["wco"].workable_surface == "v3"
    assert boards["acme"].workday_tenant == "acme"  # the host's first label
    assert boards["beta"].workday_tenant == "betacorp"
    assert boards["acme"].source == "boards.csv line 6"


@pytest.mark.parametrize(
    ("line", "phrase"),
    [
        (row("greenhose", "acme"), "unknown provider 'greenhose' (known: greenhouse, lever"),
        (row("greenhouse", "../etc"), "contains '..', which could escape the raw directory"),
        (row("greenhouse", "acme/jobs"), "contains '/', which could escape the raw directory"),
        (row("greenhouse", "acme jobs"), "contains whitespace"),
        (row("greenhouse", ".hidden"), "must start with a letter or digit"),
        (row("greenhouse", "acme?x=1"), "may only contain letters, digits"),
        (row("greenhouse", ""), "board token is empty"),
        (row("greenhouse", "acme", name=""), "company_name is empty"),
        (row("greenhouse", "acme", domain="https://acme.com"), "is not a bare domain like example.com"),
        (
            row("greenhouse", "acme", "eu"),
            "lever_instance is only for lever boards, found 'eu' on a greenhouse",
        ),
        (row("lever", "acme", "us"), "lever_instance 'us' is not one of global, eu"),
        (row("workable", "acme", "", "", "v2"), "workable_surface 'v2' is not one of v1, v3"),
        (workday_row("acme", host=""), "workday_host is empty"),
        (workday_row("acme", host="https://acme.wd5.myworkdayjobs.com/x"), "is not a host name"),
        (workday_row("acme", site=""), "workday_site is empty"),
        (workday_row("acme", site="a/b"), "workday_site 'a/b' may only contain"),
        (row("greenhouse", "acme") + ",extra", "more values than columns"),
    ],
)
def test_an_invalid_row_is_a_clear_error_naming_it(tmp_path: Path, line: str, phrase: str) -> None:
    path = registry(tmp_path, row("lever", "fine"), line)
    with pytest.raises(BoardRegistryError) as error:
        load_boards(path)
    message = str(error.value)
    assert str(path) in message and "line 3" in message
    assert phrase in message, message
    assert "\n" not in message


def test_duplicates_and_every_problem_are_reported_at_once(tmp_path: Path) -> None:
    path = registry(
        tmp_path,
        row("greenhouse", "acme"),
        row("lever", "acme"),  # same token on another provider: fine
        row("greenhouse", "ACME"),  # tokens compare case-insensitively
        row("nope", "x"),
    )
    with pytest.raises(BoardRegistryError) as error:
        load_boards(path)
    message = str(error.value)
    assert "line 4 (greenhouse/ACME): duplicate board: already on line 2" in message
    assert "line 5 (nope/x): unknown provider 'nope'" in message


def test_header_problems(tmp_path: Path) -> None:
    with pytest.raises(BoardRegistryError, match="missing column\\(s\\) company_domain"):
        load_boards(registry(tmp_path, "greenhouse,acme,Acme", header="provider,board,company_name"))
    with pytest.raises(BoardRegistryError, match="unknown column\\(s\\) 'workday_sites'"):
        load_boards(registry(tmp_path, header=HEADER + ",workday_sites"))
    with pytest.raises(BoardRegistryError, match="has no boards"):
        load_boards(registry(tmp_path))
    with pytest.raises(BoardRegistryError, match="not found"):
        load_boards(tmp_path / "missing.csv")


def test_option_columns_may_be_left_out(tmp_path: Path) -> None:
    path = registry(
        tmp_path, "greenhouse,acme,Acme,acme.com", header="provider,board,company_name,company_domain"
    )
    (board,) = load_boards(path)
    assert (board.provider, board.board, board.company_domain) == ("greenhouse", "acme", "acme.com")


def test_select_boards(tmp_path: Path) -> None:
    boards = load_boards(
        registry(tmp_path, row("greenhouse", "acme"), row("lever", "acme"), row("lever", "beta"))
    )
    assert [b.label for b in select_boards(boards, provider="lever")] == ["lever/acme", "lever/beta"]
    assert [b.label for b in select_boards(boards, board="acme")] == ["greenhouse/acme", "lever/acme"]
    assert [b.label for b in select_boards(boards, "lever", "beta")] == ["lever/beta"]
    with pytest.raises(BoardRegistryError, match="no board of the registry matches --provider ashby"):
        select_boards(boards, provider="ashby")
    with pytest.raises(BoardRegistryError, match="unknown provider 'gh'"):
        select_boards(boards, provider="gh")


def test_token_problem_accepts_real_tokens() -> None:
    for token in ("vercel", "Ubisoft2", "acme-corp", "acme_corp", "acme.io"):
        assert token_problem(token) is None, token
