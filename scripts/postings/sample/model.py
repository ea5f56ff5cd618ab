"""The simulated world: boards, their jobs day by day, and the fault schedule.

Everything is drawn from RNGs derived from the seed (``derive_rng``), one stream per purpose and per
board, so the world never depends on the wall clock or on iteration order elsewhere.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from postings.sample import content as c
from postings.sample.base import (
    FAILED_FETCH_FAULTS,
    FAULT_EMPTY,
    FAULT_HTTP_ERROR,
    FAULT_INCOMPLETE,
    FAULT_NETWORK_ERROR,
    FAULT_TRUNCATED,
    ProviderSpec,
)

FAULT_FIRST_DAY = 4  # faults start on the fifth fetch, so every board has a history first
MAX_FAULT_RUN = 2  # never more than two fault days in a row on one board
FAULT_PROBABILITY = 0.06
FAULT_WEIGHTS = {
    FAULT_HTTP_ERROR: 3,
    FAULT_NETWORK_ERROR: 2,
    FAULT_EMPTY: 2,
    FAULT_TRUNCATED: 2,
    FAULT_INCOMPLETE: 2,
}

MIN_LIVE = 5  # a board never drops below this many live jobs
MAX_DAILY_SHRINK = 0.2  # nor loses more than this share in one day
RECENT_FLOOR = 0.6  # nor falls below this share of its largest size over the last RECENT_DAYS days
RECENT_DAYS = 12
P_CLOSE = 0.035
P_TEMPORARY = 0.3  # share of closes that come back (same id) 3 to 6 days later
P_REOPEN_CHANGED = 0.4
P_UPDATE = 0.03
P_TOUCH = 0.02  # Greenhouse-style updated_at bump without a content change
P_EXTRA_OPEN = 0.12
FORCED_BOARD = 0  # board that gets scripted events when the dice gave none
P_FLICKER = 0.004  # a live job missing from one day's listing only (back the next day)
FLICKER_DAY = 3  # the scripted flicker on board FLICKER_BOARD, before faults start: a healthy fetch
FLICKER_BOARD = 0
P_REPOST = 0.25  # share of closes for good that are reposted as a new job 1 to 5 days later
SHRINK_BOARD = 1  # the board that really shrinks (mass closes) and stays shrunk
SHRINK_KEEP = 0.3  # share of its jobs it keeps
SHRINK_MIN_DAYS = 14  # samples shorter than this have no shrink (no room to see it accepted)
SHRINK_QUIET_DAYS = 3  # no faults on the shrink board from the shrink day on for this many days
OUTAGE_MIN_DAYS = 10  # samples at least this long get a crawler outage: one day every fetch fails


def derive_rng(seed: int, *parts: object) -> random.Random:
    """An independent RNG stream for ``parts`` (a purpose, a board, ...), stable across Python runs."""
    text = ":".join(str(p) for p in (seed, *parts))
    return random.Random(int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big"))


@dataclass(frozen=True)
class BoardStyle:
    """How a board words and structures things; fixed for the board's life."""

    id_suffix: int  # Greenhouse ids end in 00N
    metadata: str  # Greenhouse custom fields: none | employment | employment_workplace | categories
    office_prefix: bool  # Greenhouse office names like "Office - London"
    new_fields: bool  # Greenhouse application_deadline / ai_* fields
    department_trailing_space: bool
    commitment_form: int  # which wording of the employment type (Lever commitment)
    lever_departments: bool  # Lever categories.department present
    lever_region_style: int  # 0 "Austin, TX"; 1 "Austin, Texas"; 2 "Austin"
    lever_opening: bool  # Lever opening text present (else "")
    lever_unspecified_onsite: bool  # Lever workplaceType "unspecified" for on-site jobs
    structured_pay_share: float  # share of Lever jobs with a salaryRange
    requisition_style: int
    section_style: int


@dataclass(frozen=True)
class Board:
    provider: str
    token: str
    company: str
    industry: str
    hq: str
    cities: tuple[str, ...]
    remote_country: str | None
    utc_offset_minutes: int
    fetch_minute: int
    intro: str
    outro: str
    style: BoardStyle
    provider_index: int = 0  # the board's position among its provider's boards (0 = the first)


@dataclass(frozen=True)
class Placement:
    cities: tuple[str, ...]  # city keys, primary first; empty for remote
    workplace: str  # onsite | hybrid | remote
    remote_country: str | None
    style: int


@dataclass(frozen=True)
class Pay:
    low: float
    high: float
    currency: str
    period: str  # year | month | hour
    style: int
    sentence: int


@dataclass(frozen=True)
class Job:
    key: str
    internal_id: int
    requisition: str | None
    function: str
    role: str
    seniority: str  # intern | junior | mid | senior | staff | principal | lead | leader
    level_style: int
    specialization: str | None
    spec_style: int
    team: str
    title_pad: bool
    placement: Placement
    employment: str
    pay: Pay | None
    structured_pay: bool
    paragraphs: tuple[str, ...]
    duties: tuple[str, ...]
    requirements: tuple[str, ...]
    has_metadata: bool
    posted_at: datetime
    updated_at: datetime

    @property
    def title(self) -> str:
        return c.title_for(self.role, self.seniority, self.level_style, self.specialization, self.spec_style)

    @property
    def department(self) -> str:
        return c.FUNCTIONS_BY_KEY[self.function].department


@dataclass(frozen=True)
class Snapshot:
    """One daily fetch of a board: when, what the board really lists, and the injected fault."""

    day: int
    fetched_at: datetime
    duration_ms: int
    jobs: tuple[Job, ...]
    fault: str | None


def outage_day(days: int) -> int | None:
    """The day every board's fetch fails (the crawler is down), or None for short samples."""
    return days // 2 if days >= OUTAGE_MIN_DAYS else None


def shrink_day(days: int, boards: int) -> int | None:
    """The day board ``SHRINK_BOARD`` really loses most of its jobs, or None when there is no room."""
    if boards <= SHRINK_BOARD or days < SHRINK_MIN_DAYS:
        return None
    return days - 8


@dataclass(frozen=True)
class BoardHistory:
    board: Board
    snapshots: tuple[Snapshot, ...]


def pay_sentence(job: Job) -> str | None:
    """The sentence stating the job's pay (``The base salary range for this role is $120,000 - ...``)."""
    pay = job.pay
    if pay is None:
        return None
    text = c.pay_text(pay.low, pay.high, pay.currency, pay.period, pay.style)
    sentences = c.HOURLY_SENTENCES if pay.period == "hour" else c.PAY_SENTENCES
    return sentences[pay.sentence % len(sentences)].format(pay=text)


# --- boards -------------------------------------------------------------------------------------


def _slug(text: str) -> str:
    return "-".join(text.lower().split())


def make_boards(rng: random.Random, count: int, providers: Sequence[str]) -> list[Board]:
    """``count`` fictional companies, providers assigned round-robin; tokens unique and not reserved."""
    firsts = list(c.COMPANY_FIRST)
    rng.shuffle(firsts)
    boards: list[Board] = []
    used: set[str] = set(c.RESERVED_BOARDS)
    for index in range(count):
        first = firsts[index % len(firsts)]
        second, industry = rng.choice(c.COMPANY_SECOND)
        company = f"{first} {second}"
        options = [_slug(first), _slug(company)] if rng.random() < 0.5 else [_slug(company)]
        token = next((t for t in options if t not in used), f"{_slug(company)}-{index + 1}")
        used.add(token)
        hq, offset, nearby = rng.choice(c.HEADQUARTERS)
        cities = (hq, *rng.sample(nearby, k=min(len(nearby), rng.randint(1, 3))))
        if rng.random() < 0.3:
            far = rng.choice([k for k in c.FAR_CITIES if k not in cities])
            cities = (*cities, far)
        hq_country = c.CITIES[hq].country
        remote = hq_country if hq_country in c.REMOTE_COUNTRY_TEXT and rng.random() < 0.75 else None
        pitch = c.INDUSTRY_PITCH[industry].format(count=rng.choice(c.PITCH_COUNTS))
        intro = f"{company} {pitch}. We're a team of {rng.randint(40, 900)} people and growing."
        style = BoardStyle(
            id_suffix=rng.choice((2, 3, 4, 7)),
            metadata=rng.choice(("none", "employment", "employment_workplace", "categories")),
            office_prefix=rng.random() < 0.4,
            new_fields=rng.random() < 0.6,
            department_trailing_space=rng.random() < 0.25,
            commitment_form=rng.randrange(3),
            lever_departments=rng.random() < 0.6,
            lever_region_style=rng.randrange(3),
            lever_opening=rng.random() < 0.6,
            lever_unspecified_onsite=rng.random() < 0.3,
            structured_pay_share=rng.choice((0.0, 0.4, 0.8)),
            requisition_style=rng.randrange(4),
            section_style=rng.randrange(4),
        )
        boards.append(
            Board(
                provider=providers[index % len(providers)],
                token=token,
                company=company,
                industry=industry,
                hq=hq,
                cities=cities,
                remote_country=remote,
                utc_offset_minutes=offset,
                fetch_minute=rng.randrange(0, 90),
                intro=intro,
                outro=rng.choice(c.OUTROS).format(company=company),
                style=style,
                provider_index=index // len(providers),
            )
        )
    return boards


def fetch_schedule(seed: int, board: Board, start: date, days: int) -> list[tuple[datetime, int]]:
    """(fetched_at, duration_ms) per day: 06:00 UTC + the board's minutes + random seconds and ms."""
    rng = derive_rng(seed, "clock", board.provider, board.token)
    out: list[tuple[datetime, int]] = []
    for day in range(days):
        base = datetime.combine(start + timedelta(days=day), time(6, 0), tzinfo=UTC)
        moment = base + timedelta(
            minutes=board.fetch_minute, seconds=rng.randrange(60), milliseconds=rng.randrange(1000)
        )
        out.append((moment, rng.randint(180, 2400)))
    return out


# --- faults -------------------------------------------------------------------------------------


def _run_length(schedule: Mapping[int, str], day: int) -> int:
    """Length of the run of fault days ``day`` would be part of."""
    length = 1
    probe = day - 1
    while probe in schedule:
        length += 1
        probe -= 1
    probe = day + 1
    while probe in schedule:
        length += 1
        probe += 1
    return length


def schedule_faults(
    rng: random.Random,
    boards: Sequence[Board],
    days: int,
    specs: Mapping[str, ProviderSpec],
    quiet: Mapping[str, Sequence[int]] | None = None,
) -> dict[str, dict[int, str]]:
    """Board token -> {day: fault kind}. The crawler outage day first (every board fails), then random
    faults, then forced so each kind occurs once where possible; never on a board's ``quiet`` days."""
    schedule: dict[str, dict[int, str]] = {b.token: {} for b in boards}
    quiet = quiet or {}
    outage = outage_day(days)
    if outage is not None:
        for board in boards:
            schedule[board.token][outage] = FAULT_NETWORK_ERROR

    def kinds(board: Board) -> list[str]:
        return [*FAILED_FETCH_FAULTS, *specs[board.provider].for_board(board).body_faults]

    def allowed(board: Board, day: int) -> bool:
        mine = schedule[board.token]
        if day in mine or day in quiet.get(board.token, ()):
            return False
        return _run_length(mine, day) <= MAX_FAULT_RUN

    for board in boards:
        mine = schedule[board.token]
        options = kinds(board)
        weights = [FAULT_WEIGHTS[k] for k in options]
        for day in range(FAULT_FIRST_DAY, days):
            if rng.random() < FAULT_PROBABILITY and allowed(board, day):
                mine[day] = rng.choices(options, weights)[0]

    required: list[tuple[str | None, str]] = [(None, k) for k in (*FAILED_FETCH_FAULTS, FAULT_EMPTY)]
    for provider in dict.fromkeys(b.provider for b in boards):
        required.extend((provider, k) for k in specs[provider].body_faults if k != FAULT_EMPTY)
    for provider, kind in required:
        present = any(
            kind in schedule[b.token].values() for b in boards if provider is None or b.provider == provider
        )
        if present:
            continue
        candidates = [
            (b.token, day)
            for b in boards
            if (provider is None or b.provider == provider) and kind in kinds(b)
            for day in range(FAULT_FIRST_DAY, days)
            if allowed(b, day)
        ]
        if candidates:
            token, day = rng.choice(candidates)
            schedule[token][day] = kind
    return schedule


# --- jobs ---------------------------------------------------------------------------------------


def _currency(placement: Placement) -> str | None:
    if placement.workplace == "remote":
        return {"US": "USD", "CA": "CAD", "GB": "GBP", "DE": "EUR", "IE": "EUR"}.get(
            placement.remote_country or ""
        )
    return c.CITIES[placement.cities[0]].currency


def _multiplier(seniority: str) -> float:
    if seniority == "leader":
        return c.LEADER_MULTIPLIER
    return dict(c.SENIORITIES)[seniority]


def make_pay(rng: random.Random, function: str, seniority: str, placement: Placement) -> Pay | None:
    """A pay range in the placement's currency, or None where postings usually state none."""
    currency = _currency(placement)
    if currency is None:
        return None
    if rng.random() >= {"USD": 0.75, "CAD": 0.5, "GBP": 0.45, "EUR": 0.35}[currency]:
        return None
    func = c.FUNCTIONS_BY_KEY[function]
    annual = func.base_usd * _multiplier(seniority) * c.CURRENCY_FACTOR[currency] * rng.uniform(0.9, 1.1)
    style, sentence = rng.randrange(4), rng.randrange(4)
    if func.hourly or (seniority == "intern" and rng.random() < 0.5):
        hourly = annual / 2080
        if rng.random() < 0.25:
            single = round(hourly, 2)
            return Pay(single, single, currency, "hour", style, sentence)
        low = round(hourly * 0.9 * 4) / 4
        return Pay(low, round(low * 1.2 * 4) / 4, currency, "hour", style, sentence)
    if currency == "EUR" and rng.random() < 0.25:
        low = round(annual * 0.9 / 12, -2)
        return Pay(low, round(low * 1.25, -2), currency, "month", style, sentence)
    low = round(annual * 0.88, -3)
    return Pay(low, round(annual * 1.15, -3), currency, "year", style, sentence)


def make_placement(rng: random.Random, board: Board) -> Placement:
    style = rng.randrange(3)
    roll = rng.random()
    if board.remote_country is not None and roll < 0.18:
        return Placement((), "remote", board.remote_country, style)
    if roll > 0.85 and len(board.cities) >= 2:
        cities = tuple(rng.sample(board.cities, 2))
    else:
        cities = (board.hq,) if rng.random() < 0.5 else (rng.choice(board.cities),)
    workplace = "hybrid" if rng.random() < 0.45 else "onsite"
    return Placement(cities, workplace, None, style)


def _function_weights(board: Board) -> tuple[list[str], list[int]]:
    weights = dict(c.FUNCTION_WEIGHTS)
    weights.update(c.INDUSTRY_EXTRA_WEIGHTS.get(board.industry, {}))
    keys = [k for k, w in weights.items() if w > 0]
    return keys, [weights[k] for k in keys]


def _requisition(rng: random.Random, board: Board) -> str | None:
    style = board.style.requisition_style
    if style == 0:
        return str(rng.randint(1000, 2999))
    if style == 1:
        return f"REQ-{rng.randint(1, 999):05d}"
    if style == 2:
        return "See Opening ID" if rng.random() < 0.3 else str(rng.randint(100, 999))
    return None


def new_job(
    rng: random.Random, board: Board, spec: ProviderSpec, used_keys: set[str], posted_at: datetime
) -> Job:
    keys, weights = _function_weights(board)
    function = rng.choices(keys, weights)[0]
    func = c.FUNCTIONS_BY_KEY[function]
    if rng.random() < 0.08:
        role, seniority = rng.choice(func.leaders), "leader"
    else:
        role = rng.choice(func.roles)
        levels = [(s, w) for (s, _m), w in zip(c.SENIORITIES, c.SENIORITY_WEIGHTS, strict=True)]
        if func.hourly:
            levels = [(s, w) for s, w in levels if s in c.HOURLY_SENIORITIES]
        seniority = rng.choices([s for s, _w in levels], [w for _s, w in levels])[0]
    team = rng.choice(func.teams)
    placement = make_placement(rng, board)
    if seniority == "intern":
        employment = "intern"
    elif func.hourly:
        employment = rng.choices(("full_time", "part_time", "temporary"), (6, 3, 1))[0]
    else:
        employment = rng.choices(("full_time", "contract", "temporary", "part_time"), (90, 6, 2, 2))[0]
    pay = make_pay(rng, function, seniority, placement)
    paragraphs = (
        *(c.fill(p, board.company, team) for p in rng.sample(func.paragraphs, 2)),
        rng.choice(c.GENERIC_PARAGRAPHS),
    )
    key = spec.new_key(rng, board)
    while key in used_keys:
        key = spec.new_key(rng, board)
    used_keys.add(key)
    return Job(
        key=key,
        internal_id=rng.randint(1_000_000, 8_999_999),
        requisition=_requisition(rng, board),
        function=function,
        role=role,
        seniority=seniority,
        level_style=rng.randrange(6),
        specialization=rng.choice(func.specializations) if rng.random() < 0.35 else None,
        spec_style=rng.randrange(3),
        team=team,
        title_pad=rng.random() < 0.06,
        placement=placement,
        employment=employment,
        pay=pay,
        structured_pay=rng.random() < board.style.structured_pay_share,
        paragraphs=paragraphs,
        duties=tuple(rng.sample(func.duties, rng.randint(3, min(6, len(func.duties))))),
        requirements=tuple(rng.sample(func.requirements, rng.randint(3, min(5, len(func.requirements))))),
        has_metadata=rng.random() < 0.85,
        posted_at=posted_at,
        updated_at=posted_at,
    )


def _between(rng: random.Random, after: datetime, before: datetime) -> datetime:
    """A random instant (millisecond precision) strictly between two moments at least 2 s apart."""
    span = max(int((before - after) / timedelta(milliseconds=1)) - 2000, 1)
    moment = after + timedelta(milliseconds=1000 + rng.randrange(span))
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def _mutation(rng: random.Random, board: Board, job: Job) -> Job | None:
    """One candidate content change of a job (title, pay, location or description); None if n/a."""
    func = c.FUNCTIONS_BY_KEY[job.function]
    kind = rng.choice(("title", "title", "pay", "location", "description", "description"))
    if kind == "title":
        if job.seniority not in ("leader", "intern") and rng.random() < 0.5:
            levels = [s for s, _m in c.SENIORITIES if s not in ("intern", job.seniority)]
            if func.hourly:
                levels = [s for s in levels if s in c.HOURLY_SENIORITIES]
            return replace(job, seniority=rng.choice(levels))
        options = [s for s in (*func.specializations, None) if s != job.specialization]
        return replace(job, specialization=rng.choice(options), spec_style=rng.randrange(3))
    if kind == "pay":
        if job.pay is None:
            pay = make_pay(rng, job.function, job.seniority, job.placement)
            return None if pay is None else replace(job, pay=pay)
        factor = rng.choice((0.92, 0.95, 1.04, 1.06, 1.1))
        old = job.pay
        if old.period == "hour":
            low, high = round(old.low * factor, 2), round(old.high * factor, 2)
        else:
            step = -2 if old.period == "month" else -3
            low, high = round(old.low * factor, step), round(old.high * factor, step)
        return replace(job, pay=replace(old, low=low, high=high))
    if kind == "location":
        placement = make_placement(rng, board)
        pay = job.pay
        if pay is not None and _currency(placement) != pay.currency:
            pay = make_pay(rng, job.function, job.seniority, placement)
        return replace(job, placement=placement, pay=pay)
    pool = [c.fill(p, board.company, job.team) for p in func.paragraphs]
    pool += list(c.GENERIC_PARAGRAPHS)
    unused = [p for p in pool if p not in job.paragraphs]
    roll = rng.random()
    if roll < 0.5 and unused:
        index = rng.randrange(len(job.paragraphs))
        paragraphs = list(job.paragraphs)
        paragraphs[index] = rng.choice(unused)
        return replace(job, paragraphs=tuple(paragraphs))
    if roll < 0.75:
        spare = [d for d in func.duties if d not in job.duties]
        if spare:
            return replace(job, duties=(*job.duties, rng.choice(spare)))
        return replace(job, duties=job.duties[:-1]) if len(job.duties) > 3 else None
    spare = [r for r in func.requirements if r not in job.requirements]
    if spare and len(job.requirements) < 5:
        return replace(job, requirements=(*job.requirements, rng.choice(spare)))
    return replace(job, requirements=job.requirements[1:]) if len(job.requirements) > 3 else None


def mutate(rng: random.Random, board: Board, spec: ProviderSpec, job: Job, at: datetime) -> Job:
    """A content change that is visible in the provider's content fields (never markup only)."""
    before = spec.content_fields(board, job)
    for _attempt in range(50):
        candidate = _mutation(rng, board, job)
        if candidate is not None and spec.content_fields(board, candidate) != before:
            return replace(candidate, updated_at=at)
    raise RuntimeError(f"could not change job {job.key} on {board.token}")  # pragma: no cover


# --- simulation ---------------------------------------------------------------------------------


def simulate_board(
    seed: int,
    board: Board,
    spec: ProviderSpec,
    schedule: Sequence[tuple[datetime, int]],
    faults: Mapping[int, str],
    jobs_per_board: int,
    force_events: bool,
    shrink_on: int | None = None,
    flicker_on: int | None = None,
) -> BoardHistory:
    """The board's jobs day by day: opens, content changes, closes, returns (reopens), reposts (a
    closed job listed again under a new id) and flickers (a job left out of one day's listing).

    A board never loses more than ``MAX_DAILY_SHRINK`` of its jobs in a day, never more than
    ``1 - RECENT_FLOOR`` of its recent size, and keeps ``MIN_LIVE`` jobs, so no ordinary change looks
    like a collapse; except on day ``shrink_on``, when it keeps only ``SHRINK_KEEP`` of its jobs for
    good (a real shrink). On day ``flicker_on`` one job that stays is left out of the listing. With
    ``force_events`` one open, update, close and reopen are scripted on it.
    """
    rng = derive_rng(seed, "world", board.provider, board.token)
    days = len(schedule)
    used: set[str] = set()
    first_at = schedule[0][0]
    live: dict[str, Job] = {}
    for _ in range(jobs_per_board):
        posted = _between(rng, first_at - timedelta(days=120), first_at - timedelta(hours=1))
        job = new_job(rng, board, spec, used, posted)
        live[job.key] = replace(job, updated_at=_between(rng, posted, first_at))
    away: dict[int, list[Job]] = {}
    reposts: dict[int, list[Job]] = {}
    target = jobs_per_board
    sizes: list[int] = []
    snapshots: list[Snapshot] = []
    shown: set[str] = set()
    for day, (now, duration) in enumerate(schedule):
        hidden: set[str] = set()
        if day > 0:
            prev = schedule[day - 1][0]
            prev_keys = set(live)
            returning = away.pop(day, [])
            for job in returning:
                if rng.random() < P_REOPEN_CHANGED:
                    job = mutate(rng, board, spec, job, _between(rng, prev, now))
                else:
                    job = replace(job, updated_at=_between(rng, prev, now))
                live[job.key] = job
            floor = max(
                min(MIN_LIVE, len(live)),
                math.ceil(sizes[-1] * (1 - MAX_DAILY_SHRINK)),
                math.ceil(max(sizes[-RECENT_DAYS:]) * RECENT_FLOOR),
            )
            allowed = max(0, len(live) - floor)
            back_today = {job.key for job in returning}
            for job in list(live.values()):
                if rng.random() >= P_CLOSE or job.key in back_today:
                    continue
                temporary = rng.random() < P_TEMPORARY
                back = day + rng.randint(3, 6)
                if allowed == 0:
                    continue
                allowed -= 1
                del live[job.key]
                if temporary and back < days:
                    away.setdefault(back, []).append(job)
                elif rng.random() < P_REPOST:
                    reposts.setdefault(day + rng.randint(1, 5), []).append(job)
            for job in reposts.pop(day, []):
                repost = new_job(rng, board, spec, used, _between(rng, prev, now))
                repost = replace(
                    job, key=repost.key, internal_id=repost.internal_id, posted_at=repost.posted_at
                )
                live[repost.key] = replace(repost, updated_at=repost.posted_at)
            for key, job in list(live.items()):
                roll = rng.random()
                if roll < P_UPDATE:
                    live[key] = mutate(rng, board, spec, job, _between(rng, prev, now))
                elif roll < P_UPDATE + P_TOUCH:
                    live[key] = replace(job, updated_at=_between(rng, prev, now))
            deficit = max(target - len(live), 0)
            openings = sum(rng.random() < 0.35 for _ in range(deficit)) + (rng.random() < P_EXTRA_OPEN)
            for _ in range(openings):
                job = new_job(rng, board, spec, used, _between(rng, prev, now))
                live[job.key] = job
            if force_events:
                _force(rng, board, spec, live, prev_keys, away, day, days, prev, now)
            if day == shrink_on:
                keep = set(rng.sample(sorted(live), math.ceil(len(live) * SHRINK_KEEP)))
                live = {key: job for key, job in live.items() if key in keep}
                away.clear()
                reposts.clear()
                target = len(live)
            staying = [key for key in live if key in shown]
            hidden = {key for key in staying if rng.random() < P_FLICKER}
            if day == flicker_on and staying:
                hidden.add(staying[0])
        sizes.append(len(live))
        listed = tuple(job for job in live.values() if job.key not in hidden)
        shown = {job.key for job in listed}
        snapshots.append(Snapshot(day, now, duration, listed, faults.get(day)))
    return BoardHistory(board, tuple(snapshots))


def _force(
    rng: random.Random,
    board: Board,
    spec: ProviderSpec,
    live: dict[str, Job],
    prev_keys: set[str],
    away: dict[int, list[Job]],
    day: int,
    days: int,
    prev: datetime,
    now: datetime,
) -> None:
    """Scripted events before the first fault day: an update and a close that comes back on day 1,
    a close for good on day 2 (faults start on day ``FAULT_FIRST_DAY``, so these fetches are healthy)."""
    seen = [k for k in live if k in prev_keys]
    if day == 1 and len(seen) >= 2:
        live[seen[0]] = mutate(rng, board, spec, live[seen[0]], _between(rng, prev, now))
        if days > 5:
            away.setdefault(5, []).append(live.pop(seen[-1]))
    elif day == 2 and seen:
        del live[seen[-1]]
