"""The offline sample generator (postings.sample) and its ground-truth oracle."""

from __future__ import annotations

import csv
import hashlib
import html
import json
import re
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from postings.paths import DataPaths
from postings.providers import ADAPTERS
from postings.providers.base import PayloadError, parse_exchange_log
from postings.raw import format_fetched_at, parse_raw_path, sidecar_path, write_fetch
from postings.registry import PROVIDERS as KNOWN_PROVIDERS
from postings.sample import PROVIDERS, LifecycleParams, build_sample, generate_sample
from postings.sample.base import ALL_FAULTS
from postings.sample.content import CITIES, RESERVED_BOARDS
from postings.sample.generator import DEFAULT_BOARDS, DEFAULT_PROVIDERS, FetchRecord, Sample, simulate_sample
from postings.sample.model import FAULT_FIRST_DAY, MAX_FAULT_RUN, derive_rng, make_boards, new_job
from postings.sample.oracle import (
    EVENT_TYPES,
    JOB_CSV_COLUMNS,
    FetchObservation,
    TruthEvent,
    assess_fetches,
    board_events,
    board_jobs,
    ground_truth,
    job_id,
    title_key,
)
from postings.sample.parts import EMPLOYMENT_TYPES, title_employment
from postings.sample.registry import provider_spec

SHARED = Path("/work/shared/ats-samples")
SMALL: dict[str, Any] = {"seed": 3, "boards": 4, "days": 8, "jobs_per_board": 8}
RESERVED = {"vercel", "vaulttec", "palantir", "spotify"} | RESERVED_BOARDS
OFFSET_TS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")
EVENT_AT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
TOKEN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
GREENHOUSE_URL = "https://boards-api.greenhouse.io/v1/boards/{}/jobs?content=true"
LEVER_URL = "https://api.lever.co/v0/postings/{}?mode=json"
# the fields of a posting that change without a content change (never an update event)
VOLATILE = {"greenhouse": ("updated_at",), "recruitee": ("updated_at",), "workday": ("postedOn",)}


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def parsed(body: bytes | None) -> Any:
    try:
        return json.loads(body) if body is not None else None
    except ValueError:
        return None


@pytest.fixture(scope="module")
def default_sample() -> Sample:
    return build_sample()


@pytest.fixture(scope="module")
def greenhouse_lever_sample() -> Sample:
    """Eight boards of the first two providers: enough boards of each for their shape checks."""
    return build_sample(providers=("greenhouse", "lever"), boards=8)


def extract(record: FetchRecord) -> Any:
    """What landing reads from a record's body: its Extraction, or the PayloadError it raises."""
    adapter = ADAPTERS[record.provider]
    body = record.body or b""
    try:
        exchanges = parse_exchange_log(body) if record.ext == ".jsonl" else None
        return adapter.extract(body, record.ext, exchanges)
    except PayloadError as exc:
        return exc


@pytest.fixture(scope="module")
def default_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("default")
    generate_sample(DataPaths(root))
    return root


# --- determinism, idempotence, data dir ---------------------------------------------------------


def test_same_seed_gives_identical_files(tmp_path: Path) -> None:
    first = generate_sample(DataPaths(tmp_path / "a"), **SMALL)
    second = generate_sample(DataPaths(tmp_path / "b"), **SMALL)
    assert first.boards == second.boards
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_other_seed_gives_other_files(tmp_path: Path) -> None:
    generate_sample(DataPaths(tmp_path / "a"), **SMALL)
    generate_sample(DataPaths(tmp_path / "b"), **{**SMALL, "seed": 4})
    assert tree(tmp_path / "a") != tree(tmp_path / "b")


def test_rerun_on_same_dir_is_idempotent(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path)
    first = generate_sample(paths, **SMALL)
    before = tree(tmp_path)
    second = generate_sample(paths, **SMALL)
    assert first == second
    assert tree(tmp_path) == before
    assert first.raw_files == len([p for p in (tmp_path / "raw").rglob("*") if p.is_file()])


def test_different_sample_in_same_dir_is_refused(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path)
    generate_sample(paths, **SMALL)
    before = tree(tmp_path)
    with pytest.raises(ValueError, match="POSTINGS_DATA_DIR"):
        generate_sample(paths, **{**SMALL, "seed": 99})
    assert tree(tmp_path) == before


def test_lifecycle_params_only_change_the_ground_truth(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path)
    generate_sample(paths, **SMALL)
    raw_before = tree(tmp_path / "raw")
    generate_sample(paths, **SMALL, close_after_missing_fetches=1)
    assert tree(tmp_path / "raw") == raw_before
    assert (
        json.loads(paths.sample.joinpath("manifest.json").read_text())["lifecycle"][
            "close_after_missing_fetches"
        ]
        == 1
    )


def test_real_boards_can_share_the_data_dir(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path)
    body = (SHARED / "greenhouse" / "vercel_list_content.json").read_bytes()
    at = datetime(2026, 5, 2, 8, 0, 0, 123000, tzinfo=UTC)
    write_fetch(paths.raw, "greenhouse", "vercel", at, body, ".json", {"status": "ok"})
    generate_sample(paths, **SMALL)
    generate_sample(paths, **SMALL)
    assert (paths.raw / "provider=greenhouse" / "board=vercel").is_dir()


def test_unknown_provider_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no provider"):
        generate_sample(DataPaths(tmp_path), **SMALL, providers=("greenhouse", "icims"))


# --- boards and fetch schedule ------------------------------------------------------------------


def test_board_tokens_are_unique_fictional_slugs() -> None:
    sample = build_sample(seed=11, boards=30, days=1, jobs_per_board=5)
    tokens = [b.token for b in sample.boards]
    assert len(set(tokens)) == 30
    assert all(TOKEN.match(t) for t in tokens)
    assert not RESERVED & set(tokens)
    assert [b.provider for b in sample.boards] == [
        DEFAULT_PROVIDERS[i % len(DEFAULT_PROVIDERS)] for i in range(30)
    ]


def test_one_fetch_per_board_and_day_with_millisecond_times(default_sample: Sample) -> None:
    by_board: dict[str, list[datetime]] = {}
    for record in default_sample.fetches:
        by_board.setdefault(record.board, []).append(record.fetched_at)
    assert len(by_board) == DEFAULT_BOARDS
    for times in by_board.values():
        days = [t.date() for t in times]
        assert days == [default_sample.params.start + timedelta(days=i) for i in range(21)]
        assert all(time(6, 0) <= t.time() < time(8, 0) for t in times)
        assert len({t.microsecond % 1000 for t in times}) == 1  # whole milliseconds
        assert len({t.microsecond for t in times}) > 1


def test_fault_schedule(default_sample: Sample) -> None:
    by_board: dict[str, list[str | None]] = {}
    for record in default_sample.fetches:
        by_board.setdefault(record.board, []).append(record.fault)
    for faults in by_board.values():
        assert all(f is None for f in faults[:FAULT_FIRST_DAY])
        run = 0
        for fault in faults:
            run = run + 1 if fault else 0
            assert run <= MAX_FAULT_RUN
    kinds = Counter((r.provider, r.fault) for r in default_sample.fetches if r.fault)
    assert {kind for _p, kind in kinds} == set(ALL_FAULTS)
    assert (
        kinds["greenhouse", "truncated"] and kinds["lever", "truncated"] and kinds["greenhouse", "incomplete"]
    )
    for provider in DEFAULT_PROVIDERS:
        assert kinds[provider, "truncated"], provider
    assert kinds["smartrecruiters", "incomplete"] and kinds["workable", "incomplete"]
    for provider in ("lever", "ashby", "recruitee"):  # no reported total: an incomplete body is undetectable
        assert not kinds[provider, "incomplete"]


def test_default_sample_has_every_event_type(default_sample: Sample) -> None:
    counts = Counter(e.event_type for e in default_sample.events)
    assert all(counts[kind] > 0 for kind in EVENT_TYPES)


@pytest.mark.parametrize("seed", [1, 2, 9])
def test_tiny_samples_still_have_every_event_type(seed: int) -> None:
    """When the dice give no update, close or reopen, scripted ones are added."""
    sample = build_sample(seed=seed, boards=1, days=8, jobs_per_board=6)
    assert {e.event_type for e in sample.events} == set(EVENT_TYPES)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_small_samples_still_have_every_fault_kind(seed: int) -> None:
    sample = build_sample(seed=seed, boards=2, days=12, jobs_per_board=6)
    kinds = {(r.provider, r.fault) for r in sample.fetches if r.fault}
    assert {kind for _p, kind in kinds} == set(ALL_FAULTS)
    assert ("lever", "truncated") in kinds and ("greenhouse", "truncated") in kinds


def test_fault_free_fetches_are_healthy(default_sample: Sample) -> None:
    """No real change of a board looks like a collapse; every injected fault is unhealthy."""
    for board in default_sample.boards:
        records = [r for r in default_sample.fetches if r.board == board.token]
        health = assess_fetches([r.observation for r in records], default_sample.lifecycle)
        for record, state in zip(records, health, strict=True):
            if record.fault is None:
                assert state.is_healthy, (board.token, record.fetched_at)
            else:
                assert not state.is_healthy, (board.token, record.fault)
            if record.fault == "empty":
                assert state.is_ok and state.is_complete and state.is_collapse
            if record.fault == "incomplete":
                assert state.is_ok and not state.is_complete
            if record.fault in ("truncated", "http_error", "network_error"):
                assert not state.is_ok


def test_boards_stay_populated(default_sample: Sample) -> None:
    sizes = {}
    for board in default_sample.boards:
        spec = provider_spec(board.provider).for_board(board)
        sizes[board.token] = spec.board_jobs(board, 25) if spec.board_jobs else 25
    for record in default_sample.fetches:
        if record.fault is None:
            assert 5 <= record.observation.postings_count <= sizes[record.board] * 1.8


# --- raw layout and sidecars --------------------------------------------------------------------


def test_raw_layout_and_sidecars(default_dir: Path, default_sample: Sample) -> None:
    raw = default_dir / "raw"
    files = sorted(p for p in raw.rglob("*") if p.is_file())
    bodies = [p for p in files if not p.name.endswith(".meta.json")]
    failed = [p for p in files if p.name.endswith("-failed.meta.json")]
    assert len(files) == 2 * len(bodies) + len(failed)
    for path in files:
        name = parse_raw_path(path.relative_to(raw))
        assert name.board not in RESERVED
    boards = {b.token: b for b in default_sample.boards}
    for path in bodies:
        name = parse_raw_path(path.relative_to(raw))
        sidecar = json.loads(sidecar_path(path).read_text())
        spec = provider_spec(name.provider).for_board(boards[name.board])
        url = spec.fetch_url(name.board)
        if name.provider in ("greenhouse", "lever"):
            assert url == (GREENHOUSE_URL if name.provider == "greenhouse" else LEVER_URL).format(name.board)
        assert name.ext == spec.ext
        assert sidecar["status"] == "ok" and sidecar["http_status"] == 200 and sidecar["url"] == url
        if name.ext == ".jsonl":  # paged and detail calls: one request per line (a truncated log has fewer)
            body = path.read_bytes()
            complete_lines = body.count(b"\n")
            if body.endswith(b"\n"):
                assert sidecar["requests"] == complete_lines
            else:
                assert sidecar["requests"] > complete_lines
            assert (sidecar["error"] is None) == sidecar["complete"]
        else:
            assert sidecar["complete"] is True and sidecar["requests"] == 1 and sidecar["error"] is None
        assert isinstance(sidecar["duration_ms"], int) and sidecar["duration_ms"] > 0
        assert sidecar["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest() == name.digest
        assert sidecar["provider"] == name.provider and sidecar["board"] == name.board
    for path in failed:
        sidecar = json.loads(path.read_text())
        assert sidecar["status"] in ("http_error", "network_error")
        assert sidecar["error"]
        assert sidecar["http_status"] == (503 if sidecar["status"] == "http_error" else None)


def test_raw_files_show_what_the_oracle_was_told(tmp_path: Path) -> None:
    """Reading the raw files back gives the same ok-ness, totals and posting keys as the record."""
    paths = DataPaths(tmp_path)
    params: dict[str, Any] = {"seed": 5, "boards": 4, "days": 12, "jobs_per_board": 10}
    generate_sample(paths, **params)
    sample = build_sample(**params)
    for record in sample.fetches:
        folder = paths.raw / f"provider={record.provider}" / f"board={record.board}"
        stamp = (
            record.fetched_at.strftime("%Y-%m-%dT%H-%M-%S-") + f"{record.fetched_at.microsecond // 1000:03d}Z"
        )
        matches = list(folder.rglob(f"{stamp}-*"))
        body_files = [p for p in matches if not p.name.endswith(".meta.json")]
        assert [p.read_bytes() for p in body_files] == ([record.body] if record.body is not None else [])
        found = extract(record) if body_files else None
        ok = found is not None and not isinstance(found, PayloadError)
        assert ok == record.observation.ok, (record.provider, record.fault, found)
        if not ok:
            continue
        adapter = ADAPTERS[record.provider]
        assert [adapter.job_key(p) for p in found.postings] == list(record.observation.postings)
        assert found.reported_total == record.observation.reported_total
        assert found.is_complete == record.observation.is_reported_complete == record.sidecar["complete"]


def test_manifest(default_dir: Path, default_sample: Sample) -> None:
    manifest = json.loads((default_dir / "sample" / "manifest.json").read_text())
    assert manifest["sample"] == {
        "seed": 7,
        "boards": DEFAULT_BOARDS,
        "days": 21,
        "jobs_per_board": 25,
        "start": "2026-05-01",
        "providers": list(DEFAULT_PROVIDERS),
    }
    assert [(b["provider"], b["board"]) for b in manifest["boards"]] == [
        (b.provider, b.token) for b in default_sample.boards
    ]
    assert len(manifest["faults"]) == sum(1 for r in default_sample.fetches if r.fault)


# --- payload shapes -----------------------------------------------------------------------------


def check_greenhouse_job(job: Mapping[str, Any], board: str) -> None:
    assert isinstance(job["id"], int) and isinstance(job["internal_job_id"], int | None)
    assert isinstance(job["title"], str) and job["title"].strip()
    assert isinstance(job["company_name"], str)
    assert isinstance(job["requisition_id"], str | None)
    assert isinstance(job["location"]["name"], str)
    assert job["absolute_url"] == f"https://job-boards.greenhouse.io/{board}/jobs/{job['id']}"
    assert OFFSET_TS.match(job["updated_at"]) and OFFSET_TS.match(job["first_published"])
    assert datetime.fromisoformat(job["first_published"]) <= datetime.fromisoformat(job["updated_at"])
    content = job["content"]
    assert "<" not in content and "&lt;" in content
    markup = html.unescape(content)
    assert re.search(r"<(p|div|ul|h2)[ >]", markup)
    for department in job["departments"]:
        assert set(department) >= {"id", "name", "child_ids", "parent_id"}
    for office in job["offices"]:
        assert set(office) >= {"id", "name", "location", "child_ids", "parent_id"}
    assert job["metadata"] is None or all(
        set(m) == {"id", "name", "value", "value_type"} for m in job["metadata"]
    )
    assert job["data_compliance"][0]["type"] == "gdpr"
    assert job["language"] == "en"


def check_lever_posting(posting: Mapping[str, Any], board: str) -> None:
    assert str(uuid.UUID(posting["id"])) == posting["id"]
    assert isinstance(posting["text"], str) and posting["text"]
    categories = posting["categories"]
    for key in ("commitment", "location", "team"):
        assert isinstance(categories[key], str)
    assert isinstance(categories.get("department", ""), str)
    assert categories["allLocations"] and all(isinstance(x, str) for x in categories["allLocations"])
    assert isinstance(posting["createdAt"], int) and posting["createdAt"] > 10**12
    for key in ("description", "descriptionPlain", "opening", "openingPlain", "descriptionBody",
                "descriptionBodyPlain", "additional", "additionalPlain"):  # fmt: skip
        assert isinstance(posting[key], str)
    assert posting["lists"] and all("<li>" in item["content"] and item["text"] for item in posting["lists"])
    assert posting["hostedUrl"] == f"https://jobs.lever.co/{board}/{posting['id']}"
    assert posting["applyUrl"] == posting["hostedUrl"] + "/apply"
    assert posting["country"] is None or re.match(r"^[A-Z]{2}$", posting["country"])
    assert posting["workplaceType"] in ("remote", "hybrid", "on-site", "onsite", "unspecified")
    if "salaryRange" in posting:
        salary = posting["salaryRange"]
        assert set(salary) == {"currency", "interval", "min", "max"}
        assert salary["interval"] in ("per-year-salary", "per-hour-wage", "per-month-salary")
        assert salary["min"] <= salary["max"]


def test_validators_accept_the_real_samples() -> None:
    vercel = json.loads((SHARED / "greenhouse" / "vercel_list_content.json").read_text())
    for job in vercel["jobs"]:
        check_greenhouse_job(job, "vercel")
    for board in ("palantir", "spotify"):
        for posting in json.loads((SHARED / "lever" / f"{board}_postings.json").read_text()):
            check_lever_posting(posting, board)


def ok_documents(sample: Sample, provider: str) -> Iterable[tuple[str, Any]]:
    for record in sample.fetches:
        if record.provider == provider and record.fault is None:
            yield record.board, json.loads(record.body or b"")


def test_greenhouse_bodies_look_like_the_real_api(greenhouse_lever_sample: Sample) -> None:
    real_keys = set(json.loads((SHARED / "greenhouse" / "vercel_list_content.json").read_text())["jobs"][0])
    titles, locations, offsets, salaries, metadata = set(), set(), set(), 0, 0
    for board, document in ok_documents(greenhouse_lever_sample, "greenhouse"):
        assert set(document) == {"jobs", "meta"} and document["meta"]["total"] == len(document["jobs"])
        for job in document["jobs"]:
            check_greenhouse_job(job, board)
            assert len(str(job["id"])) == 10
            assert set(job) <= real_keys and set(job) >= real_keys - {
                "application_deadline", "ai_disclaimer", "include_ai_disclaimer", "ai_opt_out_request_url"
            }  # fmt: skip
            titles.add(job["title"])
            locations.add(job["location"]["name"])
            offsets.add(job["updated_at"][-6:])
            text = html.unescape(job["content"])
            salaries += bool(re.search(r"[$£€]\d|USD \d|GBP \d|EUR \d", text))
            metadata += job["metadata"] is not None
            assert "&nbsp;" in text
    assert any(t != t.strip() for t in titles)
    assert any(";" in x for x in locations) and any(x.startswith(("Remote", "Hybrid")) for x in locations)
    assert len(offsets) >= 2 and salaries and metadata


def test_lever_bodies_look_like_the_real_api(greenhouse_lever_sample: Sample) -> None:
    ranges, commitments, workplaces = 0, set(), set()
    for board, document in ok_documents(greenhouse_lever_sample, "lever"):
        assert isinstance(document, list)
        for posting in document:
            check_lever_posting(posting, board)
            assert posting["description"].endswith(posting["descriptionBody"])
            ranges += "salaryRange" in posting
            commitments.add(posting["categories"]["commitment"])
            workplaces.add(posting["workplaceType"])
    assert ranges and len(commitments) >= 2 and len(workplaces) >= 3


def test_fault_bodies(default_sample: Sample) -> None:
    seen = set()
    for record in default_sample.fetches:
        found = extract(record) if record.body is not None else None
        if record.fault in ("http_error", "network_error"):
            assert record.body is None
        elif record.fault == "truncated":
            assert isinstance(found, PayloadError), record.provider
            assert "truncated" in found.reason, found.reason
            record.body.decode()  # cut at a character boundary: unparseable, valid UTF-8
        elif record.fault == "empty":
            assert found.postings == [] and found.reported_total in (0, None), record.provider
        elif record.fault == "incomplete":
            # fewer postings than reported, or a failed page or detail call (sidecar complete: false)
            assert len(found.postings) > 0 and (
                len(found.postings) < found.reported_total or not record.sidecar["complete"]
            ), record.provider
        if record.fault in ("truncated", "empty", "incomplete"):
            assert record.sidecar["status"] == "ok" and record.sidecar["http_status"] == 200
            seen.add((record.provider, record.fault))
    forced = {(p, kind) for p in DEFAULT_PROVIDERS for kind in PROVIDERS[p].body_faults if kind != "empty"}
    assert forced <= seen  # every provider shows each of its body faults (empty: at least one board)
    assert any(kind == "empty" for _p, kind in seen)
    assert parsed(render_empty("greenhouse")) == {"jobs": [], "meta": {"total": 0}}
    assert parsed(render_empty("lever")) == []


def render_empty(provider: str) -> bytes:
    return PROVIDERS[provider].render_body([], 0)


def without_volatile(provider: str, posting: Mapping[str, Any]) -> dict[str, Any]:
    """The posting without the fields that change on their own (in a Workday detail too)."""
    volatile = VOLATILE.get(provider, ())
    kept = {k: v for k, v in posting.items() if k not in volatile}
    if isinstance(kept.get("_detail"), dict) and "jobPostingInfo" in kept["_detail"]:
        info = kept["_detail"]["jobPostingInfo"]
        kept["_detail"] = {**kept["_detail"], "jobPostingInfo": without_volatile(provider, info)}
    return kept


def test_fingerprint_changes_exactly_when_the_posting_does(default_sample: Sample) -> None:
    """Between two sightings, the content fingerprint differs iff the posting (minus volatile fields,
    Greenhouse updated_at and Workday postedOn) does."""
    last: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
    changed: Counter[str] = Counter()
    touched: Counter[str] = Counter()
    for record in default_sample.fetches:
        if not record.observation.ok:
            continue
        adapter = ADAPTERS[record.provider]
        for posting in extract(record).postings:
            key = adapter.job_key(posting)
            fingerprint = record.observation.postings[key]
            previous = last.get((record.board, key))
            if previous is not None:
                same_content = previous[0] == fingerprint
                assert same_content == (
                    without_volatile(record.provider, previous[1])
                    == without_volatile(record.provider, posting)
                ), (record.provider, key)
                changed[record.provider] += not same_content
                touched[record.provider] += same_content and previous[1] != posting
            last[record.board, key] = (fingerprint, posting)
    assert all(changed[provider] for provider in DEFAULT_PROVIDERS)  # real updates everywhere
    assert touched["greenhouse"] and touched["workday"]  # updated_at bumps, postedOn moving on
    assert {provider for provider, count in touched.items() if count} <= set(VOLATILE)


# --- ground truth file --------------------------------------------------------------------------


def test_ground_truth_csv(default_dir: Path, default_sample: Sample) -> None:
    with (default_dir / "sample" / "ground_truth_events.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["job_id", "provider", "board", "provider_job_key", "event_type", "event_at"]
    assert len(rows) == len(default_sample.events)
    keys = [(r["job_id"], r["event_at"], r["event_type"]) for r in rows]
    assert keys == sorted(keys)
    for row in rows:
        assert (
            row["job_id"]
            == hashlib.sha1(
                f"{row['provider']}:{row['board']}:{row['provider_job_key']}".encode()
            ).hexdigest()
        )
        assert EVENT_AT.match(row["event_at"]) and row["event_type"] in EVENT_TYPES
    by_job: dict[str, list[str]] = {}
    for row in rows:
        by_job.setdefault(row["job_id"], []).append(row["event_type"])
    for sequence in by_job.values():
        assert sequence[0] == "open" and sequence.count("open") == 1
        state = "open"
        for kind in sequence[1:]:
            assert (state, kind) in {("open", "update"), ("open", "close"), ("closed", "reopen")}
            state = "closed" if kind == "close" else "open"


# --- oracle on hand-built histories -------------------------------------------------------------

T0 = datetime(2026, 5, 1, 6, 0, tzinfo=UTC)
FILLER = {f"f{i}": "same" for i in range(10)}


def at(day: int) -> datetime:
    return T0 + timedelta(days=day, milliseconds=day * 7)


def fetch(day: int, jobs: Mapping[str, str] | None = None, **kwargs: Any) -> FetchObservation:
    return FetchObservation(at(day), True, {**FILLER, **(jobs or {})}, **kwargs)


def events_of(fetches: list[FetchObservation], key: str = "x", **params: Any) -> list[tuple[str, int]]:
    found = board_events("greenhouse", "acme", fetches, LifecycleParams(**params))
    days = {f.fetched_at: d for d, f in enumerate(sorted(fetches, key=lambda f: f.fetched_at))}
    return [(e.event_type, days[e.event_at]) for e in found if e.provider_job_key == key]


def test_missing_one_healthy_fetch_is_not_a_close() -> None:
    history = [
        fetch(0, {"x": "a"}),
        fetch(1, {"x": "a"}),
        fetch(2),
        fetch(3, {"x": "a"}),
        fetch(4, {"x": "a"}),
    ]
    assert events_of(history) == [("open", 0)]


def test_missing_two_healthy_fetches_closes_at_the_first_and_reopens() -> None:
    history = [fetch(0, {"x": "a"}), fetch(1), fetch(2), fetch(3, {"x": "a"}), fetch(4, {"x": "a"})]
    assert events_of(history) == [("open", 0), ("close", 1), ("reopen", 3)]
    assert events_of(history, close_after_missing_fetches=3) == [("open", 0)]


def test_close_after_the_last_sighting() -> None:
    history = [fetch(0, {"x": "a"}), fetch(1, {"x": "a"}), fetch(2), fetch(3), fetch(4)]
    assert events_of(history) == [("open", 0), ("close", 2)]
    assert events_of(history[:3]) == [("open", 0)]  # one healthy fetch without it: not yet


def test_an_empty_fetch_never_closes() -> None:
    empty = FetchObservation(at(4), True, {}, reported_total=0)
    history = [fetch(d, {"x": "a"}) for d in range(4)] + [empty, fetch(5, {"x": "a"})]
    assert events_of(history) == [("open", 0)]
    assert [h.is_healthy for h in assess_fetches(history, LifecycleParams())] == [True] * 4 + [False, True]
    # a job that really left during the outage closes at the first healthy fetch after it
    later = [fetch(d, {"x": "a"}) for d in range(4)] + [empty, fetch(5), fetch(6)]
    assert events_of(later) == [("open", 0), ("close", 5)]


def test_failed_and_unparseable_fetches_are_not_absence() -> None:
    failed = [FetchObservation(at(d), False) for d in (2, 3)]
    history = [fetch(0, {"x": "a"}), fetch(1, {"x": "a"}), *failed, fetch(4, {"x": "a"})]
    assert events_of(history) == [("open", 0)]


def test_incomplete_fetch_counts_as_a_sighting_but_not_as_absence() -> None:
    partial = {"x": "a", "f0": "same"}
    incomplete = FetchObservation(at(2), True, partial, reported_total=11)
    history = [fetch(0, {"x": "a"}), fetch(1), incomplete, fetch(3), fetch(4, {"x": "a"})]
    health = assess_fetches(history, LifecycleParams())
    assert not health[2].is_complete and not health[2].is_healthy
    assert events_of(history) == [("open", 0)]  # seen at 0, 2 and 4: never two healthy misses in a row
    hidden = FetchObservation(at(2), True, {"f0": "same"}, reported_total=11)
    history = [fetch(0, {"x": "a"}), fetch(1), hidden, fetch(3), fetch(4, {"x": "a"})]
    assert events_of(history) == [("open", 0), ("close", 1), ("reopen", 4)]


def test_a_persisting_collapse_is_accepted() -> None:
    small = {"f0": "same", "f1": "same"}
    shrunk = [FetchObservation(at(d), True, small) for d in (4, 5, 6)]
    history = [fetch(d, {"x": "a"}) for d in range(4)] + shrunk
    health = assess_fetches(history, LifecycleParams())
    assert all(h.is_collapse and h.is_accepted_collapse and h.is_healthy for h in health[4:])
    assert events_of(history) == [("open", 0), ("close", 4)]
    assert events_of(history, key="f5") == [("open", 0), ("close", 4)]
    # the same shrink for only two fetches, then back: unhealthy, nothing closes
    recovered = [fetch(d, {"x": "a"}) for d in range(4)] + shrunk[:2] + [fetch(6, {"x": "a"})]
    health = assess_fetches(recovered, LifecycleParams())
    assert [h.is_healthy for h in health] == [True] * 4 + [False, False, True]
    assert events_of(recovered) == [("open", 0)]


def test_collapse_rule_uses_the_median_of_previous_complete_fetches() -> None:
    def counts(*sizes: int) -> list[FetchObservation]:
        return [FetchObservation(at(d), True, {f"k{i}": "c" for i in range(n)}) for d, n in enumerate(sizes)]

    def collapses(*sizes: int, **params: Any) -> list[bool]:
        return [h.is_collapse for h in assess_fetches(counts(*sizes), LifecycleParams(**params))]

    assert collapses(0, 10) == [False, False]  # no previous fetch: never a collapse
    assert collapses(10, 5) == [False, False]  # 5 is not < 0.5 x 10
    assert collapses(10, 4) == [False, True]
    assert collapses(10, 10, 2, 10, 4) == [False, False, True, False, True]  # median(10, 10, 2, 10) = 10
    assert collapses(2, 2, 2, 20, 20, 9, collapse_lookback_fetches=2) == [False] * 5 + [True]
    assert collapses(10, 9, 30, 9) == [False] * 4  # median(10, 9, 30) = 10


def test_content_change_is_an_update() -> None:
    history = [fetch(0, {"x": "a"}), fetch(1, {"x": "a"}), fetch(2, {"x": "b"}), fetch(3, {"x": "b"})]
    assert events_of(history) == [("open", 0), ("update", 2)]


def test_reopen_with_changed_content_is_only_a_reopen() -> None:
    history = [fetch(0, {"x": "a"}), fetch(1), fetch(2), fetch(3), fetch(4, {"x": "b"})]
    assert events_of(history) == [("open", 0), ("close", 1), ("reopen", 4)]


def test_an_empty_body_right_after_a_real_shrink_is_a_dip_not_part_of_it() -> None:
    """10 jobs shrink to 3 (day 4, with a failed day 2 before), then two empty bodies, then 3 again:
    the shrink is accepted and closes the 7 at day 4; the empty bodies are unhealthy and close nothing
    (the same case as the dbt unit test test_int_fetches_assessed_dip_after_a_real_shrink)."""
    big = {f"k{i}": "c" for i in range(10)}
    small = {f"k{i}": "c" for i in range(3)}
    history = [
        FetchObservation(at(0), True, big),
        FetchObservation(at(1), True, big),
        FetchObservation(at(2), False),
        FetchObservation(at(3), True, big),
        FetchObservation(at(4), True, small),
        FetchObservation(at(5), True, {}),
        FetchObservation(at(6), True, {}),
        FetchObservation(at(7), True, small),
        FetchObservation(at(8), True, small),
    ]
    health = assess_fetches(history, LifecycleParams())
    assert [h.is_healthy for h in health] == [True, True, False, True, True, False, False, False, True]
    assert [h.is_accepted_collapse for h in health][4:] == [True, False, False, False, False]
    assert events_of(history, key="k0") == [("open", 0)]
    assert events_of(history, key="k9") == [("open", 0), ("close", 4)]


def test_a_flicker_follows_the_close_var() -> None:
    history = [fetch(0, {"x": "a"}), fetch(1, {"x": "a"}), fetch(2), fetch(3, {"x": "a"})]
    assert events_of(history) == [("open", 0)]
    assert events_of(history, close_after_missing_fetches=1) == [("open", 0), ("close", 2), ("reopen", 3)]


def jobs_of(fetches: list[FetchObservation], **params: Any) -> dict[str, Any]:
    found = board_jobs("lever", "acme", fetches, LifecycleParams(**params))
    return {j.provider_job_key: j for j in found}


def named(day: int, jobs: Mapping[str, tuple[str, str]], **kwargs: Any) -> FetchObservation:
    """A fetch showing jobs key -> (title, location), each with content 'c', and the filler jobs."""
    return FetchObservation(at(day), True, {**FILLER, **dict.fromkeys(jobs, "c")}, identities=jobs, **kwargs)


def test_days_open_and_censoring() -> None:
    day = 86_400_000 + 7  # at(d) adds d * 7 ms
    history = [
        named(0, {"a": ("A", "x"), "b": ("B", "x")}),
        named(1, {"a": ("A", "x"), "b": ("B", "x"), "c": ("C", "x")}),
        named(2, {"c": ("C", "x")}),
        named(3, {"c": ("C", "x")}),
        named(4, {"b": ("B", "x"), "c": ("C", "x")}),
        FetchObservation(at(5), False),
    ]
    jobs = jobs_of(history)
    a, b, c = jobs["a"], jobs["b"], jobs["c"]
    assert (a.status, a.inactive_at, a.open_milliseconds) == ("inactive", at(2), 2 * day)
    assert a.is_left_censored and not a.is_right_censored
    # b: open 0 -> close 2, reopen 4 -> the board's last healthy fetch, 4
    assert (b.status, b.open_milliseconds, b.days_open) == ("active", 2 * day, 2 * day / 86_400_000)
    assert b.is_left_censored and b.is_right_censored
    assert (c.open_milliseconds, c.is_left_censored, c.is_right_censored) == (3 * day, False, True)
    # every fetch before the first healthy one leaves its jobs left-censored
    late = [FetchObservation(at(0), False), named(1, {"a": ("A", "x")}), named(2, {"a": ("A", "x")})]
    assert jobs_of(late)["a"].is_left_censored


def test_title_key_for_repost_matching() -> None:
    assert title_key("  Senior Data-Engineer (Berlin) ") == "senior data engineer berlin"
    assert title_key("C++ / C# Developer") == "c++ c# developer"
    assert title_key("Ingénieur·e  Logiciel") == "ingénieur e logiciel"
    assert title_key("Staff_Engineer") == "staff engineer"
    assert title_key(None) is None


def test_reposts_are_matched_one_to_one_within_the_window() -> None:
    senior = ("Senior Data Engineer", "Berlin")
    history = [
        named(0, {"a": senior, "s": ("Sales Lead", "Berlin"), "p": ("Product Designer", "Berlin")}),
        named(1, {"a": senior, "s": ("Sales Lead", "Berlin"), "p": ("Product Designer", "Berlin")}),
        named(2, {"s": ("Sales Lead", "Berlin")}),
        named(3, {"s": ("Sales Lead", "Berlin"), "t": ("sales lead", "berlin")}),
        named(4, {"s": ("Sales Lead", "Berlin"), "b": ("senior data-engineer", "berlin")}),
        named(5, {"s": ("Sales Lead", "Berlin"), "q": ("Product Designer", "Munich")}),
        named(6, {"s": ("Sales Lead", "Berlin"), "c": senior}),
        named(7, {"s": ("Sales Lead", "Berlin"), "c": senior}),
    ]
    jobs = jobs_of(history)
    # b reposts a (closed at 2, last seen 1); t is no repost (s never closed); q has another location;
    # c opens after b closed (at 5): a repost of b, not of a (a is taken, and b was seen more recently)
    assert jobs["b"].repost_of_job_id == job_id("lever", "acme", "a")
    assert jobs["c"].repost_of_job_id == job_id("lever", "acme", "b")
    assert jobs["t"].repost_of_job_id is None and jobs["q"].repost_of_job_id is None
    lineage = [jobs[k] for k in "abc"]
    assert {j.lineage_id for j in lineage} == {job_id("lever", "acme", "a")}
    assert [j.repost_number for j in lineage] == [0, 1, 2]
    assert {j.lineage_repost_count for j in lineage} == {2}
    total = sum(j.open_milliseconds for j in lineage)
    assert {j.lineage_open_milliseconds for j in lineage} == {total}
    assert jobs["s"].lineage_repost_count == 0 and jobs["s"].lineage_id == job_id("lever", "acme", "s")
    # a window shorter than the gap between a's close (day 2) and b's open (day 4) links neither
    short = jobs_of(history, repost_window_days=1.5)
    assert short["b"].repost_of_job_id is None
    assert short["c"].repost_of_job_id == job_id("lever", "acme", "b")  # b closed at 5, c opened at 6


def test_default_sample_has_the_lifecycle_scenarios(default_sample: Sample) -> None:
    """A crawler outage (a day every fetch failed), a board that really shrinks and stays shrunk, a job
    missing from one healthy fetch only, and reposts."""
    by_board: dict[tuple[str, str], list[Any]] = {}
    for record in default_sample.fetches:
        by_board.setdefault((record.provider, record.board), []).append(record)
    failed_days = [
        {r.fetched_at.date() for r in records if not r.observation.ok} for records in by_board.values()
    ]
    assert set.intersection(*failed_days), "a day on which every board's fetch failed"
    shrinks = flickers = 0
    for records in by_board.values():
        health = assess_fetches([r.observation for r in records], default_sample.lifecycle)
        shrinks += sum(h.is_accepted_collapse for h in health)
        healthy = [i for i, h in enumerate(health) if h.is_healthy]
        for before, now, after in zip(healthy, healthy[1:], healthy[2:], strict=False):
            shown = [set(records[i].observation.postings) for i in (before, now, after)]
            flickers += len((shown[0] & shown[2]) - shown[1])
    assert shrinks >= 3 and flickers >= 1
    assert sum(1 for job in default_sample.jobs if job.repost_of_job_id) >= 3


def test_ground_truth_jobs_csv(default_dir: Path, default_sample: Sample) -> None:
    with (default_dir / "sample" / "ground_truth_jobs.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == JOB_CSV_COLUMNS
    assert [r["job_id"] for r in rows] == sorted(j.job_id for j in default_sample.jobs)
    assert {r["job_id"] for r in rows} == {e.job_id for e in default_sample.events}
    for row in rows:
        assert float(row["days_open"]) >= 0 and row["status"] in ("active", "inactive")
        assert (row["status"] == "active") == (row["is_right_censored"] == "true")


def test_ground_truth_is_sorted_with_sha1_job_ids() -> None:
    history = [fetch(0, {"x": "a"}), fetch(1), fetch(2)]
    events = ground_truth({("lever", "acme"): history, ("greenhouse", "acme"): history}, LifecycleParams())
    assert events == sorted(events, key=lambda e: (e.job_id, e.event_at, e.event_type))
    assert job_id("lever", "acme", "x") == hashlib.sha1(b"lever:acme:x").hexdigest()
    close = TruthEvent("lever", "acme", "x", "close", at(1))
    assert close in events and close.row()[-1] == "2026-05-02T06:00:00.007Z"


def test_registry_lists_the_providers() -> None:
    assert set(DEFAULT_PROVIDERS) == set(PROVIDERS) == set(ADAPTERS) == set(KNOWN_PROVIDERS)
    for name, spec in PROVIDERS.items():
        assert spec.name == name and spec.ext in ADAPTERS[name].extensions


def test_streamed_sample_equals_the_in_memory_one(tmp_path: Path) -> None:
    """generate_sample renders board by board from simulate_sample (no bodies kept): the files it writes
    are exactly build_sample's bodies and sidecars, and the oracle saw the same observations."""
    params: dict[str, Any] = {"seed": 3, "boards": 3, "days": 15, "jobs_per_board": 8}
    simulated = simulate_sample(**params)
    sample = build_sample(**params)
    assert [(o.provider, o.board, o.fetched_at, o.fault, o.observation) for o in simulated.fetches] == [
        (r.provider, r.board, r.fetched_at, r.fault, r.observation) for r in sample.fetches
    ]
    assert simulated.events == sample.events and simulated.jobs == sample.jobs
    paths = DataPaths(tmp_path)
    generate_sample(paths, **params)
    written = {
        p.relative_to(paths.raw).as_posix(): p.read_bytes() for p in paths.raw.rglob("*") if p.is_file()
    }
    expected: dict[str, bytes] = {}
    for record in sample.fetches:
        folder = (
            f"provider={record.provider}/board={record.board}/date={record.fetched_at.date().isoformat()}"
        )
        stamp = format_fetched_at(record.fetched_at)
        if record.body is None:
            expected[f"{folder}/{stamp}-failed.meta.json"] = b""
            continue
        digest = hashlib.sha256(record.body).hexdigest()
        expected[f"{folder}/{stamp}-{digest}{record.ext}"] = record.body
        expected[f"{folder}/{stamp}-{digest}.meta.json"] = b""
    assert sorted(written) == sorted(expected)
    for name, body in expected.items():
        if body:
            assert written[name] == body


# Where a provider's vocabulary cannot say a job's employment type, what its posting says instead.
EMPLOYMENT_STAND_INS = {
    ("workday", "contract"): "full_time",  # timeType is a schedule: 'Full time'
    ("workday", "temporary"): "full_time",
    ("personio", "temporary"): "full_time",  # no temporary type: posted as permanent
    ("personio", "part_time"): "full_time",  # schedule 'full-or-part-time' on some accounts
}


def test_what_a_posting_states_never_contradicts_the_world() -> None:
    """Each provider's ``stated`` (the truth enrichment is measured against) says only what is true of
    the job or a documented stand-in, and every provider states each field for some jobs."""
    rng = derive_rng(11, "stated")
    posted_at = datetime(2026, 5, 1, tzinfo=UTC)
    said: dict[str, Counter[str]] = {}
    for board in make_boards(rng, 40, DEFAULT_PROVIDERS):
        spec = provider_spec(board.provider).for_board(board)
        assert spec.stated is not None, board.provider
        keys: set[str] = set()
        for _ in range(40):
            job = new_job(rng, board, spec, keys, posted_at)
            stated = spec.stated(board, job)
            placement = job.placement
            world_country = (
                placement.remote_country
                if placement.workplace == "remote"
                else CITIES[placement.cities[0]].country
            )
            assert stated.workplace in (None, placement.workplace)
            assert stated.country in (None, world_country)
            assert stated.city in (None, *placement.cities[:1])
            assert stated.countries <= {world_country, *(CITIES[key].country for key in placement.cities)}
            employment = EMPLOYMENT_TYPES[job.employment]
            assert stated.employment in (
                None,
                employment,
                title_employment(job),
                EMPLOYMENT_STAND_INS.get((board.provider, job.employment)),
            ), (board.provider, job.employment, job.title)
            if stated.pay is not None:
                assert job.pay is not None and stated.pay.currency == job.pay.currency
                assert stated.pay.period in (None, job.pay.period)
                assert stated.pay.low <= job.pay.low and stated.pay.high in (None, job.pay.high)
            seen = said.setdefault(board.provider, Counter())
            seen.update(
                name
                for name, value in (
                    ("workplace", stated.workplace),
                    ("employment", stated.employment),
                    ("country", stated.country),
                    ("pay", stated.pay),
                    ("language", stated.language),
                )
                if value is not None
            )
    assert set(said) == set(DEFAULT_PROVIDERS)
    for provider, seen in said.items():
        title_only = provider in ("bamboohr", "breezy")
        expected = {"workplace", "employment", "country"} | (set() if title_only else {"language", "pay"})
        if provider == "breezy":
            expected.add("pay")  # its salary string
        assert set(seen) == expected, provider
