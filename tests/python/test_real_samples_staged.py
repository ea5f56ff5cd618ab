"""The real recorded payloads of ../shared/ats-samples, landed and staged: exact values per posting."""

from __future__ import annotations

from datetime import datetime

import pytest

from conftest import Warehouse

COLUMNS = (
    "title, location_text, location_texts, department, team, employment_type_raw, source_posted_at, "
    "source_updated_at, source_url"
)

REAL_BOARDS = "('vercel', 'vaulttec', 'palantir', 'spotify')"

EXPECTED = {
    # Greenhouse: offsets (-04:00, -05:00) converted to UTC; trailing spaces trimmed.
    ("greenhouse", "vercel", "6136160004"): {
        "title": "Account Executive, Commercial",
        "location_text": "Hybrid - London",
        "location_texts": ["Hybrid - London"],
        "department": "Account Executive",
        "source_posted_at": datetime(2026, 8, 6, 16, 50, 10),
        "source_updated_at": datetime(2026, 9, 24, 17, 34, 54),
        "source_url": "https://job-boards.greenhouse.io/vercel/jobs/6136160004",
    },
    ("greenhouse", "vercel", "5999792004"): {
        "title": "Account Executive, Majors",
        "location_text": "Hybrid - London",
        "source_posted_at": datetime(2026, 5, 21, 13, 26, 9),
        "source_updated_at": datetime(2026, 9, 24, 21, 12, 5),
    },
    ("greenhouse", "vaulttec", "127817"): {
        "title": "Vault Designer",
        "location_text": "NYC",
        "department": "Department of Departments",
        "source_posted_at": None,
        "source_updated_at": datetime(2016, 1, 14, 15, 55, 28),
    },
    # Lever: epoch-ms createdAt in UTC to the millisecond; department absent at Palantir.
    ("lever", "palantir", "ac978161-6f46-4f6b-ad9e-a258e642751c"): {
        "title": "Administrative Business Partner",
        "location_text": "London, United Kingdom",
        "department": None,
        "team": "Administrative",
        "employment_type_raw": "Full-time",
        "source_posted_at": datetime(2024, 3, 25, 21, 50, 16, 463000),
        "source_updated_at": None,
    },
    ("lever", "palantir", "0bbfd4f4-41ff-4ec6-b73f-5200efd5d4d3"): {
        "title": "Administrative Business Partner - Security",
        "location_text": "Palo Alto, CA",
        "source_posted_at": datetime(2026, 5, 12, 21, 48, 44, 938000),
    },
    ("lever", "spotify", "2193db3f-77c5-43b8-b030-8f92c9882bf1"): {
        "title": "Android Engineer - Experience",
        "location_text": "London",
        "location_texts": ["London", "Stockholm"],
        "department": "Engineering",
        "team": "Experience",
        "employment_type_raw": "Permanent",
        "source_posted_at": datetime(2026, 6, 23, 11, 29, 45, 805000),
        "source_url": "https://jobs.lever.co/spotify/2193db3f-77c5-43b8-b030-8f92c9882bf1",
    },
    ("lever", "spotify", "d87833d0-fb78-4794-b45d-3fe5c8274bc8"): {
        "title": "Artist & Label Partnerships Contractor, Vietnam",
        "location_text": "Ho Chi Minh",
        "employment_type_raw": "Short Term",
        "source_posted_at": datetime(2026, 8, 27, 3, 43, 7, 805000),
    },
}


@pytest.mark.parametrize("key", sorted(EXPECTED), ids=lambda key: "/".join(key))
def test_real_posting_is_staged_with_exact_values(
    sample_warehouse: Warehouse, key: tuple[str, str, str]
) -> None:
    provider, board, provider_job_key = key
    rows = sample_warehouse.query(
        f"select {COLUMNS} from dim_jobs where provider = ? and board = ? and provider_job_key = ?",
        [provider, board, provider_job_key],
    )
    assert len(rows) == 1, f"{key} not in dim_jobs"
    actual = dict(zip([name.strip() for name in COLUMNS.split(",")], rows[0], strict=True))
    for column, value in EXPECTED[key].items():
        assert actual[column] == value, f"{key} {column}: {actual[column]!r} != {value!r}"


def test_real_boards_have_every_posting_and_first_seen_at_the_fetch(sample_warehouse: Warehouse) -> None:
    counts = dict(
        sample_warehouse.query(
            f"select board, count(*) from dim_jobs where board in {REAL_BOARDS} group by all"
        )
    )
    assert counts == {"vercel": 2, "vaulttec": 1, "palantir": 2, "spotify": 2}
    seen = sample_warehouse.query(f"select distinct first_seen_at from dim_jobs where board in {REAL_BOARDS}")
    assert seen == [(datetime(2026, 5, 10, 12, 0),)]


def test_greenhouse_description_is_double_decoded_plain_text(sample_warehouse: Warehouse) -> None:
    [(text,)] = sample_warehouse.query(
        "select description_text from dim_jobs where board = 'vercel' and provider_job_key = '6136160004'"
    )
    assert text.startswith("About Vercel: Vercel is the agentic infrastructure company")
    assert "what's next" in text
    for leftover in ("<", "&lt;", "&#39;", "&amp;", "&nbsp;", "\u00a0", "  "):
        assert leftover not in text
    [(docs_text,)] = sample_warehouse.query("select description_text from dim_jobs where board = 'vaulttec'")
    assert docs_text == (
        "This is the job description. Any HTML included through the hosted job application editor will be "
        "automatically converted into corresponding HTML entities."
    )
