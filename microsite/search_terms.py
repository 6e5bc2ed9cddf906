"""Extra search terms for a page, so Korean words are found by their parts and entities by
their names in other languages — without touching the text that excerpts are cut from.

Pagefind splits Korean on spaces only and matches word prefixes: "반도체" misses
"첨단반도체", "알리바바" misses "텐센트·알리바바", "Nvidia" misses "엔비디아". For each word
of a page this lists the word without its particles and every ending of it two syllables
or longer (첨단반도체 → 단반도체, 반도체, 도체), which prefix matching turns into matches for
any part; and the names in other scripts of the entities the page mentions. The build puts
them in a Pagefind metadata field, which is searched but never shown in excerpts.
"""
from __future__ import annotations

import functools
import re

from .entities import Entity
from .mentions import COPULAS, PARTICLES

_ENDINGS = sorted({*PARTICLES, *COPULAS}, key=lambda ending: (-len(ending), ending))
QUERY_ENDINGS = _ENDINGS  # the search page strips the same endings from query words
_WORD = re.compile(r"[가-힣]+|[A-Za-z][A-Za-z0-9\-]*|\d+[가-힣]*")
MAX_TERMS = 6000


_ENDING = "(?:" + "|".join(_ENDINGS) + ")"
_STRIP = re.compile(rf"^([가-힣]{{2,}}?){_ENDING}?{_ENDING}?$")  # two can stack: 상무부+에서+는


@functools.lru_cache(maxsize=65536)
def strip_particles(word: str) -> str:
    """"엔비디아가" → "엔비디아", "상무부에서는" → "상무부"; at least two syllables are kept."""
    match = _STRIP.match(word)
    return match.group(1) if match else word


@functools.lru_cache(maxsize=65536)
def _endings_of(word: str) -> tuple[str, ...]:
    stem = strip_particles(word)
    return tuple(stem[start:] for start in range(0, len(stem) - 1))


def page_terms(text: str, entities: list[Entity]) -> str:
    terms: dict[str, None] = {}
    for token in _WORD.findall(text):
        if "가" <= token[0] <= "힣":
            terms.update(dict.fromkeys(_endings_of(token)))
    for entity in entities:
        for name in (entity.name_en, entity.name, *(alias.text for alias in entity.aliases)):
            for part in re.split(r"[\s·,]+", name or ""):
                if part:
                    terms[part] = None
    return " ".join(list(terms)[:MAX_TERMS])
