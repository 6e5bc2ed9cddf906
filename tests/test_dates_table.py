"""The date resolver against the hand-written table (tests/dates/resolver_table.tsv): 98%
of the expected dates at the right precision, 98% of them with the right status, and no
false date where none is stated (benchmarks/dates_score.py prints the score)."""
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


def test_korean_dates_are_found_at_their_precision_with_their_status_and_none_invented() -> None:
    scores, failures = dates_score.score(dates_score.read_table())
    korean = scores["ko"]
    assert korean.matched / korean.expected >= 0.98, failures
    assert korean.matched / korean.found >= 0.98, failures
    assert korean.status_right / korean.expected >= 0.98, failures
    assert korean.false_in_dateless == 0, failures
