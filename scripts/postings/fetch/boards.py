"""The board registry: which company boards ``postings fetch`` fetches (``seeds/job_boards.csv``).

One row per board. The same file is a dbt seed (``seeds/_job_boards.yml`` describes and tests it).

| column | required | meaning |
|---|---|---|
| ``provider`` | yes | one of ``postings.registry.PROVIDERS`` |
| ``board`` | yes | the board token as the provider's URLs use it; also the raw folder ``board=<board>`` |
| ``company_name`` | yes | the company's name |
| ``company_domain`` | yes | the company's web domain (``vercel.com``), one company across its boards |
| ``lever_instance`` | lever | ``global`` (default, api.lever.co) or ``eu`` (api.eu.lever.co) |
| ``personio_domain`` | personio | ``de`` (default, <board>.jobs.personio.de) or ``com`` |
| ``workable_surface`` | workable | ``v1`` (default: widget API, descriptions included) or ``v3`` (paged) |
| ``workday_host`` | workday | ``<tenant>.wd<N>.myworkdayjobs.com`` |
| ``workday_tenant`` | workday | default: the first label of ``workday_host`` |
| ``workday_site`` | workday | the careers site, e.g. ``NVIDIAExternalCareerSite`` |

An option column filled on a row of another provider is an error (a shifted column, most likely).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from postings.errors import PostingsError
from postings.paths import PROJECT_DIR
from postings.registry import is_known_provider, unknown_provider_reason

DEFAULT_BOARDS_CSV = PROJECT_DIR / "seeds" / "job_boards.csv"

REQUIRED_COLUMNS = ("provider", "board", "company_name", "company_domain")
# option column -> (provider it belongs to, accepted values or None for free-form, default)
OPTION_COLUMNS: dict[str, tuple[str, tuple[str, ...] | None, str]] = {
    "lever_instance": ("lever", ("global", "eu"), "global"),
    "personio_domain": ("personio", ("de", "com"), "de"),
    "workable_surface": ("workable", ("v1", "v3"), "v1"),
    "workday_host": ("workday", None, ""),
    "workday_tenant": ("workday", None, ""),
    "workday_site": ("workday", None, ""),
}
COLUMNS = REQUIRED_COLUMNS + tuple(OPTION_COLUMNS)
MAX_LISTED_PROBLEMS = 20

_TOKEN_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_HOST_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_PATH_SEGMENT_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class BoardRegistryError(PostingsError):
    """The board registry file is missing or has invalid rows; the message names each row."""


@dataclass(frozen=True)
class Board:
    """One board of the registry, validated, with its provider options resolved to values."""

    provider: str
    board: str
    company_name: str
    company_domain: str
    lever_instance: str = "global"
    personio_domain: str = "de"
    workable_surface: str = "v1"
    workday_host: str = ""
    workday_tenant: str = ""
    workday_site: str = ""
    source: str = ""  # "<file> line <n>", for messages

    @property
    def label(self) -> str:
        return f"{self.provider}/{self.board}"


def token_problem(token: str) -> str | None:
    """Why a board token cannot be used as a raw folder and URL segment, or None when it can."""
    if not token:
        return "board token is empty"
    for bad, what in (("..", "'..'"), ("/", "'/'"), ("\\", "a backslash"), ("%", "'%'")):
        if bad in token:
            return f"board token {token!r} contains {what}, which could escape the raw directory"
    if any(char.isspace() for char in token):
        return f"board token {token!r} contains whitespace"
    if not _TOKEN_RE.match(token):
        return (
            f"board token {token!r} may only contain letters, digits, '.', '_' and '-', "
            "and must start with a letter or digit"
        )
    return None


def _row_problems(row: dict[str, str]) -> list[str]:
    problems: list[str] = []
    provider = row["provider"]
    if not provider:
        problems.append("provider is empty")
    elif not is_known_provider(provider):
        problems.append(unknown_provider_reason(provider))
    if problem := token_problem(row["board"]):
        problems.append(problem)
    if not row["company_name"]:
        problems.append("company_name is empty")
    domain = row["company_domain"]
    if not domain:
        problems.append("company_domain is empty")
    elif not _HOST_RE.match(domain):
        problems.append(f"company_domain {domain!r} is not a bare domain like example.com")
    for column, (owner, accepted, _default) in OPTION_COLUMNS.items():
        value = row[column]
        if not value:
            continue
        if provider and provider != owner:
            problems.append(f"{column} is only for {owner} boards, found {value!r} on a {provider} board")
        elif accepted is not None and value not in accepted:
            problems.append(f"{column} {value!r} is not one of {', '.join(accepted)}")
    if provider == "workday":
        host, tenant, site = row["workday_host"], row["workday_tenant"], row["workday_site"]
        if not host:
            problems.append("workday_host is empty (e.g. nvidia.wd5.myworkdayjobs.com)")
        elif not _HOST_RE.match(host):
            problems.append(f"workday_host {host!r} is not a host name like nvidia.wd5.myworkdayjobs.com")
        if not site:
            problems.append("workday_site is empty (e.g. NVIDIAExternalCareerSite)")
        elif not _PATH_SEGMENT_RE.match(site):
            problems.append(f"workday_site {site!r} may only contain letters, digits, '.', '_' and '-'")
        if tenant and not _PATH_SEGMENT_RE.match(tenant):
            problems.append(f"workday_tenant {tenant!r} may only contain letters, digits, '.', '_' and '-'")
    return problems


def _board(row: dict[str, str], source: str) -> Board:
    options = {column: row[column] or default for column, (_o, _a, default) in OPTION_COLUMNS.items()}
    if row["provider"] == "workday" and not options["workday_tenant"]:
        options["workday_tenant"] = row["workday_host"].split(".", 1)[0]
    return Board(
        provider=row["provider"],
        board=row["board"],
        company_name=row["company_name"],
        company_domain=row["company_domain"],
        source=source,
        **options,
    )


def load_boards(path: Path | None = None) -> list[Board]:
    """Read and validate a board registry CSV (default ``seeds/job_boards.csv``).

    Raises BoardRegistryError naming the file and every invalid row (line number, provider/board and
    reason): unknown provider, duplicate board, unsafe token, missing or misplaced options.
    """
    path = path or DEFAULT_BOARDS_CSV
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BoardRegistryError(f"board registry {path} not found") from None
    except UnicodeDecodeError as exc:
        raise BoardRegistryError(f"board registry {path} is not UTF-8 text ({exc.reason})") from None
    reader = csv.DictReader(text.splitlines())
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    unknown = [column for column in header if column not in COLUMNS]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(f"missing column(s) {', '.join(missing)}")
        if unknown:
            parts.append(f"unknown column(s) {', '.join(repr(c) for c in unknown)}")
        raise BoardRegistryError(f"board registry {path}: {'; '.join(parts)} (columns: {', '.join(COLUMNS)})")
    reader.fieldnames = header
    boards: list[Board] = []
    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    for raw_row in reader:
        line = reader.line_num
        if None in raw_row:
            problems.append(f"line {line}: more values than columns")
            continue
        row = {column: (raw_row.get(column) or "").strip() for column in COLUMNS}
        row["provider"] = row["provider"].lower()
        label = f"line {line} ({row['provider'] or '?'}/{row['board'] or '?'})"
        row_problems = _row_problems(row)
        key = (row["provider"], row["board"].lower())
        if key in seen:
            row_problems.append(f"duplicate board: already on line {seen[key]}")
        else:
            seen[key] = line
        if row_problems:
            problems.extend(f"{label}: {problem}" for problem in row_problems)
            continue
        boards.append(_board(row, f"{path.name} line {line}"))
    if problems:
        shown = "; ".join(problems[:MAX_LISTED_PROBLEMS])
        more = (
            f"; ... and {len(problems) - MAX_LISTED_PROBLEMS} more"
            if len(problems) > MAX_LISTED_PROBLEMS
            else ""
        )
        raise BoardRegistryError(f"board registry {path}: {shown}{more}")
    if not boards:
        raise BoardRegistryError(f"board registry {path} has no boards")
    return boards


def select_boards(boards: list[Board], provider: str | None = None, board: str | None = None) -> list[Board]:
    """The boards matching ``--provider`` and ``--board`` (both optional). Raises when none matches."""
    if provider is not None and not is_known_provider(provider):
        raise BoardRegistryError(unknown_provider_reason(provider))
    chosen = [
        item
        for item in boards
        if (provider is None or item.provider == provider) and (board is None or item.board == board)
    ]
    if not chosen:
        wanted = " ".join(
            part for part in (provider and f"--provider {provider}", board and f"--board {board}") if part
        )
        raise BoardRegistryError(f"no board of the registry matches {wanted}")
    return chosen
