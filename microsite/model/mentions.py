"""Find entity mentions in Korean text: one compiled pattern over every alias, with
Korean-aware boundaries.

A mention never sits inside a longer word (호주머니 is not 호주, H200 is not H20, MSCI is not
MS), but a Korean name may carry particles (엔비디아의, 바이트댄스는, two stacked: 상무부에서는),
copula endings (엔비디아였다) or a glued suffix that still names it (중국산, H20칩). Latin
aliases are case-sensitive and bounded by letters and digits. The longest alias wins at a
position (미 상무부 over 상무부), and "마이크로소프트(MS)" is one mention.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..content.entities import Alias, Entity
from ..lang.ko import name_tail
from .text import Block

_TAIL = name_tail()  # what may follow a Korean name and still leave it the name
_HANGUL = "가-힣"
_LATIN = "A-Za-z0-9"
_HANJA = "\u4e00-\u9fff"


@dataclass(frozen=True)
class Occurrence:
    """One mention of an entity in a report, with what a reader needs to find it."""

    entity: str
    anchor: str  # the block's anchor: "p-3", "s-1" or "fig-1"
    text: str  # as written
    start: int  # offsets in the block's plain text
    end: int
    sentence: str
    sentence_start: int  # offsets of the mention inside the sentence
    sentence_end: int


def find_occurrences(blocks: tuple[Block, ...], matcher: "Matcher", sentence_spans) -> tuple[Occurrence, ...]:
    """Every mention in the blocks, with its sentence (*sentence_spans*: the text's language's)."""
    found = []
    for block in blocks:
        mentions = matcher.find(block.text)
        if not mentions:
            continue
        spans = sentence_spans(block.text)
        sentences: dict[tuple[int, int], str] = {}  # one string per sentence, however many mentions it holds
        for mention in mentions:
            bounds = next(((s, e) for s, e in spans if mention.start < e), (len(block.text), len(block.text)))
            sentence = sentences.setdefault(bounds, block.text[bounds[0]:bounds[1]])
            found.append(Occurrence(mention.entity, block.anchor, mention.text, mention.start, mention.end,
                                    sentence, mention.start - bounds[0], mention.end - bounds[0]))
    return tuple(found)


@dataclass(frozen=True)
class Mention:
    entity: str  # entity id
    start: int
    end: int
    text: str  # as written, including an absorbed "(MS)"


def _left(alias: str) -> str:
    """The letters that may not stand just before *alias* ("" when any may)."""
    first = alias[0]
    if re.match(f"[{_LATIN}]", first):
        return f"[{_LATIN}]"
    if re.match(f"[{_HANGUL}{_HANJA}]", first):
        return f"[{_HANGUL}{_LATIN}{_HANJA}]"
    return ""


def _right(alias: str) -> str:
    last = alias[-1]
    if re.match(f"[{_LATIN}]", last):
        return f"(?![{_LATIN}])"
    if re.match(f"[{_HANGUL}]", last):
        return f"(?={_TAIL}(?![{_HANGUL}]))"
    if re.match(f"[{_HANJA}]", last):
        return f"(?![{_HANJA}])"
    return ""


class Matcher:
    """All aliases of all entities, compiled once: one pattern per kind of boundary (so the
    long particle look-ahead is compiled once, not once per alias). The letter before a
    match is checked here rather than by a look-behind in the pattern, which would keep the
    regex engine from skipping to the places where one of its aliases' first letters stands."""

    def __init__(self, entities: tuple[Entity, ...]):
        self.owner: dict[str, str] = {}
        self.alias: dict[str, Alias] = {}
        for entity in entities:
            for alias in entity.aliases:
                self.owner[alias.text] = entity.id
                self.alias[alias.text] = alias
        groups: dict[tuple[str, str], list[str]] = {}
        for text in self.owner:
            groups.setdefault((_left(text), _right(text)), []).append(text)
        self.patterns = [
            (re.compile("(?:" + "|".join(re.escape(t) for t in sorted(texts, key=lambda t: (-len(t), t))) + ")" + right),
             re.compile(left) if left else None)
            for (left, right), texts in sorted(groups.items())
        ]

    def _next(self, text: str, position: int, ahead: dict) -> re.Match | None:
        """The leftmost alias from *position*; the longest when several start there.
        *ahead* keeps each pattern's next match: still valid while it lies at or after
        *position*, so each pattern scans the text about once."""
        best = None
        for pattern, not_after in self.patterns:
            match = ahead.get(pattern, False)
            if match is False or (match is not None and match.start() < position):
                match = pattern.search(text, position)
                while match and not_after and match.start() and not_after.match(text, match.start() - 1):
                    match = pattern.search(text, match.start() + 1)  # inside a longer word
                ahead[pattern] = match
            if match and (best is None or match.start() < best.start()
                          or (match.start() == best.start() and match.end() > best.end())):
                best = match
        return best

    def find(self, text: str) -> list[Mention]:
        mentions: list[Mention] = []
        position, ahead = 0, {}
        while True:
            match = self._next(text, position, ahead)
            if match is None:
                return mentions
            surface = match.group(0)
            if not self._fits(self.alias[surface], text, match.start(), match.end()):
                position = match.start() + 1
                continue
            entity = self.owner[surface]
            end = self._absorb_parenthesis(text, match.end(), entity)
            mentions.append(Mention(entity, match.start(), end, text[match.start():end]))
            position = end

    @staticmethod
    def _fits(alias: Alias, text: str, start: int, end: int) -> bool:
        before = text[:start].rstrip()
        if any(before.endswith(word) for word in alias.unless_preceded_by):
            return False
        after = text[end:].lstrip()
        return not alias.only_followed_by or any(after.startswith(word) for word in alias.only_followed_by)

    def _absorb_parenthesis(self, text: str, end: int, entity: str) -> int:
        """"마이크로소프트(MS)" and "엔비디아(Nvidia)" are one mention: take the parenthesis
        when it names the same entity."""
        if not text.startswith("(", end):
            return end
        close = text.find(")", end, end + 80)
        if close < 0:
            return end
        inner = text[end + 1:close]
        if any(m.entity == entity for m in self.find(inner)):
            return close + 1
        return end
