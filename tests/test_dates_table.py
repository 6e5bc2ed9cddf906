"""The date resolver against the hand-written table (tests/dates/resolver_table.tsv): its
score may only rise. The floors are today's score (benchmarks/dates_score.py); the bar the
chronology aims for is 98% of expected dates at the right precision and no false date
where none is stated."""
from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import dates_score  # noqa: E402


def test_the_table_is_large_and_covers_both_languages() -> None:
    rows = dates_score.read_table()
    languages = {row.language for row in rows}
    assert len(rows) >= 150 and languages == {"ko", "en"}
    assert len({row.id for row in rows}) == len(rows)
    assert sum(not row.expected for row in rows) >= 30  # sentences that state no date


def test_the_resolver_finds_at_least_as_many_dates_as_before_and_invents_no_more() -> None:
    scores, _ = dates_score.score(dates_score.read_table())
    korean = scores["ko"]
    assert korean.matched / korean.expected >= 0.73
    assert korean.matched / korean.found >= 0.85
    assert scores["all"].false_in_dateless <= 3
