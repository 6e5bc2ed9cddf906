"""The normalizer's record of what became of each line of a capture: kept as body, heading or
caption, read as metadata (title, deck, byline, stamp…), or removed, and by which rule.

The record is written where each decision is taken (``plain.py``, ``head.py``,
``normalize.py``), so it cannot drift from the page the normalizer makes; it changes
nothing in that page. A decision is noted on a ``Line`` (or what was made of it): its
``source`` names the capture's lines it holds, its ``part`` tells apart the pieces of one
line that was split (a headline and the stamp glued to it). The last decision on a piece
stands; a capture line whose pieces met different fates shows the one most kept.

What a "line" is: for a text capture, a line of the file (1-based, as an editor counts
them). For an HTML capture, a line of text as the page is read: one per block element
(paragraph, heading, list item, table row, figure), numbered in reading order, each with
the line of the file its element starts on (``at``); markup alone (tags, scripts, styles,
hidden elements) makes no line.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from .decode import NotText, decode_seed

# Every rule, by its stable id, and the fate it gives a line. Labels: ``lang/ko/words.py``.
RULES: dict[str, str] = {
    "paragraph": "body", "list-item": "body", "table-row": "body", "quote": "body",
    "heading": "heading",
    "caption": "caption",
    "title": "metadata", "deck": "metadata", "byline": "metadata", "stamp": "metadata", "dateline": "metadata",
    "rights": "metadata", "masthead": "metadata", "header": "metadata", "summary": "metadata",
    "before-article": "removed", "after-article": "removed", "menu": "removed", "label": "removed",
    "box": "removed", "link-box": "removed", "interface": "removed", "contact": "removed", "credits": "removed",
    "repeat": "removed", "closing-note": "removed", "page-furniture": "removed", "table-rule": "removed",
    "blank": "blank",
}
FATES = ("body", "heading", "caption", "metadata", "removed", "blank")  # the most kept first
BLOCK_RULES = {"paragraph": "paragraph", "item": "list-item", "row": "table-row", "quote": "quote",
               "heading": "heading", "figure": "caption"}


@dataclass(frozen=True)
class LineFate:
    """What became of one line of a capture."""

    line: int  # 1-based: the file's line (text), or the line of text read (HTML)
    text: str  # the line as the capture has it (text), or as read (HTML)
    rule: str  # an id of ``RULES``
    at: int = 0  # HTML: the file's line its element starts on
    also: tuple[str, ...] = ()  # the rules its other pieces met (a stamp glued to a headline)

    @property
    def fate(self) -> str:
        return RULES[self.rule]


class Ledger:
    """Decisions on the pieces of a capture's lines, as the normalizer takes them."""

    def __init__(self) -> None:
        self.rules: dict[tuple[tuple[int, ...], int], str] = {}

    def note(self, piece, rule: str) -> None:
        """Record *rule* for *piece* (a ``Line``, or an item or block made of one)."""
        if piece.source:
            self.rules[piece.source, piece.part] = rule

    def fates(self, units: list[tuple[int, str, int]]) -> tuple[LineFate, ...]:
        """The fate of each capture line (number, text, file line), from its pieces' rules."""
        found: dict[int, list[str]] = {}
        for (source, _part), rule in self.rules.items():
            for number in source:
                found.setdefault(number, []).append(rule)
        out = []
        for number, text, at in units:
            rules = found.get(number) or ["blank" if not text.strip() else "after-article"]
            first = min(rules, key=lambda rule: FATES.index(RULES[rule]))
            out.append(LineFate(number, text, first, at, tuple(dict.fromkeys(rule for rule in rules if rule != first))))
        return tuple(out)


def recorded(fates: tuple[LineFate, ...]) -> str:
    """The fates as the normalizer's record keeps them: each line's rule (its pieces' other
    rules after "+"), a run of one written "rule*N"; the lines' texts stay in the capture."""
    tokens = []
    for token, run in groupby("+".join((fate.rule, *fate.also)) for fate in fates):
        count = len(list(run))
        tokens.append(token if count == 1 else f"{token}*{count}")
    return " ".join(tokens)


def replayed(record: str, units: list[tuple[int, str, int]]) -> tuple[LineFate, ...] | None:
    """The fates a *record* keeps, given back the capture's lines (number, text, file line);
    None when it does not fit them."""
    rules: list[list[str]] = []
    for token in record.split():
        token, _, count = token.partition("*")
        if count and not count.isdigit():
            return None
        rules += [token.split("+")] * int(count or 1)
    if len(rules) != len(units) or any(rule not in RULES for line in rules for rule in line):
        return None
    return tuple(LineFate(number, text, first, at, tuple(also)) for (number, text, at), (first, *also) in zip(units, rules, strict=True))


def audit_seed(data: bytes) -> tuple[LineFate, ...]:
    """What the normalizer makes of each line of a seed's bytes (nothing, if they are not text)."""
    try:
        return audit_text(decode_seed(data).text)
    except NotText:
        return ()


def audit_text(text: str, record: str = "") -> tuple[LineFate, ...]:
    """What the normalizer made of each line of a capture's text: as its *record* of them
    says when there is one (reading the lines again is quick, normalizing them is not), else
    as it makes of them now."""
    from .normalize import capture_units, extract  # their patterns take a while to compile
    replay = replayed(record, capture_units(text)) if record else None
    return replay if replay is not None else extract(text).fates
