#!/usr/bin/env python3
"""Score the normalizer on captures it was not written for: the share of hand-written
gold checks it holds, per field and overall.

    .venv/bin/python benchmarks/normalize_score.py              # the table
    .venv/bin/python benchmarks/normalize_score.py --failures   # and every check that failed
    .venv/bin/python benchmarks/normalize_score.py --json out.json

Each capture in tests/captures/ goes through what the build does with a seed that the
manifest says nothing about (decode, extract, compose: ``ingest.pages.draft``), and its
page is checked against ``<name>.gold.toml`` (format: tests/captures/README.md):

- title, outlet, published, language: one check each, equal after collapsing whitespace;
- deck, authors: one check per gold item (present), and one that nothing else is there;
- body: one check per gold paragraph, found in the page's body after the previous one
  (a paragraph found out of order fails; ``lost`` counts those not found at all);
- headings, list items, table rows: one check each, present as that Markdown structure;
- captions: one check each, present exactly once;
- furniture: one check per string, absent from the title, deck and body.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from microsite.errors import UserError  # noqa: E402
from microsite.ingest.pages import draft  # noqa: E402

CAPTURES = ROOT / "tests" / "captures"
FIELDS = ("title", "deck", "outlet", "published", "authors", "language", "body", "headings", "list_items",
          "table_rows", "captions", "furniture")
# A first paragraph may keep or lose the dateline that opens it: "(서울=연합뉴스) 홍길동 기자 = ", "SEOUL, March 5 (Reuters) - ".
_DATELINE = re.compile(r"^(?:[(\[][^()\[\]]{1,40}[)\]]\s*(?:[가-힣·\s]{2,20}(?:기자|특파원)\s*=\s*)?"
                       r"|[A-Z][A-Za-z .,]{1,40}\d{1,2}\s*\([A-Za-z .]{2,30}\)\s*[-–—]{1,2}\s*)")


def flat(text: str) -> str:
    """Text as a reader sees it: Markdown escapes and emphasis gone, whitespace collapsed."""
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>~<])", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    return " ".join(text.split())


@dataclass
class Page:
    front: dict
    body: str  # Markdown

    @property
    def text(self) -> str:
        return flat(re.sub(r"^(?:::: .*|:::)$", " ", self.body, flags=re.M))

    def headings(self) -> list[str]:
        return [flat(m) for m in re.findall(r"^#{1,6}\s+(.+?)\s*#*$", self.body, re.M)]

    def list_items(self) -> list[str]:
        return [flat(m) for m in re.findall(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(.+)$", self.body, re.M)]

    def table_rows(self) -> list[str]:
        rows = []
        for line in re.findall(r"^\|(.+)\|\s*$", self.body, re.M):
            cells = [flat(cell) for cell in line.split("|")]
            if not all(re.fullmatch(r":?-{2,}:?", cell) for cell in cells):
                rows.append(" | ".join(cells))
        return rows


@dataclass
class Score:
    held: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    lost: int = 0  # body paragraphs not found at all
    failures: list[str] = field(default_factory=list)

    def check(self, name: str, key: str, ok: bool, detail: str) -> None:
        self.total[key] += 1
        self.held[key] += ok
        if not ok:
            self.failures.append(f"{name}: {key}: {detail}")


def normalize(path: Path) -> Page | str:
    try:
        composed = draft(path.name, path.read_bytes(), None).page
    except UserError as error:
        return error.message
    return Page(composed.front, composed.body)


def score_one(path: Path, gold: dict, score: Score) -> None:
    name = path.name
    page = normalize(path)
    if isinstance(page, str):  # refused: every check fails
        for key in FIELDS:
            items = gold.get(key)
            count = len(items) if isinstance(items, list) else 1
            for _ in range(count or (key in ("title", "outlet", "published", "language"))):
                score.check(name, key, False, f"refused: {page}")
        score.lost += len(gold.get("body", []))
        return
    front = page.front
    for key in ("title", "outlet", "published", "language"):
        got = flat(str(front.get(key) or ""))
        score.check(name, key, got == flat(gold.get(key, "")), f"{got!r} != {gold.get(key, '')!r}")
    for key in ("deck", "authors"):
        got, want = [flat(x) for x in front.get(key) or []], [flat(x) for x in gold.get(key, [])]
        for item in want:
            score.check(name, key, item in got, f"missing {item!r} (got {got!r})")
        extra = [x for x in got if x not in want]
        score.check(name, key, not extra, f"extra {extra!r}")
    text = page.text
    position = 0
    for paragraph in gold.get("body", []):
        wanted = flat(paragraph)
        forms = [wanted, _DATELINE.sub("", wanted, count=1)]
        found = next((text.find(form, position) for form in forms if text.find(form, position) >= 0), -1)
        if found >= 0:
            position = found + 1
        anywhere = any(form in text for form in forms)
        score.lost += not anywhere
        score.check(name, "body", found >= 0, ("out of order: " if anywhere else "lost: ") + wanted[:90])
    for key, present in (("headings", page.headings()), ("list_items", page.list_items()),
                         ("table_rows", page.table_rows())):
        for item in gold.get(key, []):
            score.check(name, key, flat(item) in present, f"not a Markdown {key[:-1].replace('_', ' ')}: {item[:80]!r}")
    for caption in gold.get("captions", []):
        count = text.count(flat(caption))
        score.check(name, "captions", count == 1, f"{count}× {caption[:80]!r}")
    shown = " ".join([flat(str(front.get("title") or ""))] + [flat(x) for x in front.get("deck") or []] + [text])
    for junk in gold.get("furniture", []):
        score.check(name, "furniture", flat(junk) not in shown, f"kept {junk!r}")


def score_all(folder: Path) -> tuple[Score, int]:
    score = Score()
    captures = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html") and p.with_suffix(".gold.toml").exists())
    for path in captures:
        score_one(path, tomllib.loads(path.with_suffix(".gold.toml").read_text(encoding="utf-8")), score)
    return score, len(captures)


def table(score: Score, captures: int) -> str:
    rows = [f"{captures} captures", "", "| field | held | checks | share |", "|---|---:|---:|---:|"]
    for key in FIELDS:
        if score.total[key]:
            rows.append(f"| {key} | {score.held[key]} | {score.total[key]} | {score.held[key] / score.total[key]:.1%} |")
    held, total = sum(score.held.values()), sum(score.total.values())
    rows.append(f"| **overall** | {held} | {total} | **{held / total:.1%}** |")
    rows.append(f"\nbody paragraphs lost: {score.lost}")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--captures", type=Path, default=CAPTURES)
    parser.add_argument("--failures", action="store_true", help="list every check that failed")
    parser.add_argument("--json", type=Path, help="write the counts here")
    args = parser.parse_args()
    score, captures = score_all(args.captures)
    print(table(score, captures))
    if args.failures:
        print("\n" + "\n".join(score.failures))
    if args.json:
        args.json.write_text(json.dumps({"held": score.held, "total": score.total, "lost": score.lost}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
