#!/usr/bin/env python3
"""How many of the hand-written dates of ``tests/dates/resolver_table.tsv`` the date
resolver finds at the right precision, and how many dates it invents.

    .venv/bin/python benchmarks/dates_score.py              # the table by language and kind
    .venv/bin/python benchmarks/dates_score.py --failures   # every row answered wrongly

A row's expected events (``ISO:PRECISION[~QUALIFIER]:STATUS``, see the table's README) are
matched to the resolver's, one to one: a date counts when its ISO form, precision and
qualifier agree; its status is scored apart. "?" (a relative date the publication date is
too coarse to resolve) is matched by an unresolved mention. Rows marked "-" state no event
date: anything found there is a false event.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from microsite.lang import PACKAGES  # noqa: E402
from microsite.when import Context, When, parse_published  # noqa: E402

TABLE = ROOT / "tests" / "dates" / "resolver_table.tsv"


@dataclass
class Row:
    id: str
    language: str
    published: str
    sentence: str
    expected: list[tuple[str, str]]  # (date, status); date "?" when unresolvable
    note: str


def read_table(path: Path = TABLE) -> list[Row]:
    rows = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != 6:
            raise SystemExit(f"{path}:{number}: expected 6 tab-separated fields, found {len(fields)}")
        row_id, language, published, sentence, expected, note = fields
        events = []
        for event in ([] if expected == "-" else expected.split(" | ")):
            if event == "?":
                events.append(("?", ""))
            else:
                iso, precision, status = event.split(":")
                events.append((f"{iso}:{precision}", status))
        rows.append(Row(row_id, language, published, sentence, events, note))
    return rows


def written(when: When | None) -> str:
    """A resolved date in the table's notation: its ISO form (a half-year as 2024-H1, a week
    as its days), precision and qualifier."""
    if when is None:
        return "?"
    if when.precision == "half":
        return f"{when.start.year}-H{1 if when.start.month <= 6 else 2}:half"
    precision = "range" if when.precision == "week" else when.precision
    return f"{when.iso()}:{precision}" + (f"~{when.qualifier}" if when.qualifier else "")


def publication(value: str) -> tuple[int, int | None, int | None] | None:
    """The table's publication date: a day, a month, a year alone, or none."""
    if value.isdigit():
        return int(value), None, None
    return parse_published(value) if value else None


def resolve(row: Row) -> list[tuple[str, str]]:
    """What the resolver finds in the row's sentence: (date, status) in the table's notation."""
    context = Context(publication(row.published))
    rules = PACKAGES.get(row.language)
    if rules is None:
        return []  # no resolver reads this language
    return [(written(m.when), m.status if m.when else "") for m in rules.find_dates(row.sentence, context)]


@dataclass
class Score:
    rows: int = 0
    rows_right: int = 0
    expected: int = 0
    found: int = 0
    matched: int = 0
    status_right: int = 0
    false_in_dateless: int = 0


def score(rows: list[Row]) -> tuple[dict[str, Score], list[str]]:
    scores: dict[str, Score] = {}
    failures = []
    for row in rows:
        got = resolve(row)
        wanted = Counter(date for date, _ in row.expected)
        matched = sum((Counter(date for date, _ in got) & wanted).values())
        statuses = Counter(row.expected) & Counter(got)
        for key in (row.language, "all"):
            s = scores.setdefault(key, Score())
            s.rows += 1
            s.expected += len(row.expected)
            s.found += len(got)
            s.matched += matched
            s.status_right += sum(statuses.values())
            s.false_in_dateless += len(got) if not row.expected else 0
            s.rows_right += sorted(got) == sorted(row.expected)
        if sorted(got) != sorted(row.expected):
            failures.append(f"{row.id}: expected {row.expected or '-'}, found {got or '-'}  ({row.note})\n    {row.sentence}")
    return scores, failures


def share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "—"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--failures", action="store_true", help="list every row answered wrongly")
    args = parser.parse_args()
    scores, failures = score(read_table())
    print("| rows | n | rows exactly right | expected dates found (recall) | dates found that are right (precision) "
          "| with the right status | false dates in rows without one |\n|---|---:|---:|---:|---:|---:|---:|")
    for key, s in scores.items():
        print(f"| {key} | {s.rows} | {share(s.rows_right, s.rows)} | {share(s.matched, s.expected)} | "
              f"{share(s.matched, s.found)} | {share(s.status_right, s.expected)} | {s.false_in_dateless} |")
    if args.failures:
        print("\n" + "\n".join(failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
