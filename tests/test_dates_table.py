"""The date resolver against the hand-written table (tests/dates/resolver_table.tsv): 98%
of the expected dates at the right precision, 98% of them with the right status, and no
false date where none is stated (benchmarks/dates_score.py prints the score)."""
from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import dates_score  # noqa: E402


def test_the_table_is_large_and_covers_both_languages() -> None:
    rows = dates_score.read_table()
    languages = {row.language for row in rows}
    assert len(rows) >= 150 and languages == {"ko", "en"}
    assert len({row.id for row in rows}) == len(rows)
    assert sum(not row.expected for row in rows) >= 30  # sentences that state no date


@pytest.mark.parametrize("language", ["ko", "en"])
def test_dates_are_found_at_their_precision_with_their_status_and_none_invented(language: str) -> None:
    scores, failures = dates_score.score(dates_score.read_table())
    found = scores[language]
    assert found.matched / found.expected >= 0.98, failures
    assert found.matched / found.found >= 0.98, failures
    assert found.status_right / found.expected >= 0.98, failures
    assert found.false_in_dateless == 0, failures
